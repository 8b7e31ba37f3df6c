"""The saved library's words on the pages (History as a library, links, the shared view, notices about saving), in
the interface language, from the `[library]` table of the interface catalogs. The library itself speaks in codes
(`StorageError.code`); they are worded here."""

from __future__ import annotations

from pages._views.wording import section


def word(key: str, ui: str = "en") -> str:
    """A phrase in the interface language, English where Hindi lacks it."""
    return section("library", ui)[key]


def storage_notice(code: str, ui: str = "en") -> str:
    """What a `StorageError` code means for the reader: saving has stopped, the page still works."""
    known = f"storage_{code}" in section("library", "en")
    return word(f"storage_{code}" if known else "storage_unavailable", ui)
