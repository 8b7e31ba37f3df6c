"""Names of the language codes the product shows, from CLDR (through Babel), in English or in another language."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError

SUMMARISED = ("en", "hi")
# Codes of the product's own that are not languages: CLDR calls "und" "Unknown language", the product says what it
# means there (no language could be decided), and "mixed" marks text of several languages.
_NOT_LANGUAGES = {
    "en": {"und": "undetermined", "mixed": "mixed"},
    "hi": {"und": "अनिर्धारित", "mixed": "मिली-जुली"},
}


@lru_cache(maxsize=8)
def _languages(display: str) -> dict[str, str]:
    try:
        return dict(Locale.parse(display).languages)
    except (UnknownLocaleError, ValueError):
        return dict(Locale("en").languages)


def name(code: str, display: str = "en") -> str:
    """The name of language `code` in language `display` ("hi" -> "Hindi", or "हिन्दी" with display "hi"; English
    names for a display language CLDR lacks); the code itself where neither CLDR nor the product's own codes know it."""
    own = _NOT_LANGUAGES.get(display, _NOT_LANGUAGES["en"]).get(code)
    if own is not None:
        return own
    return _languages(display).get(code, code)
