"""The limits a reader enforces, taken from `summarizers.settings` once per document, and the document's time budget.

Every breach is a `DocumentError` whose reason names the limit and its setting, so a user (or an operator) knows
what stopped the file and what to change; the reason is coded (`summarizers.messages`), the limit among its values."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from summarizers import settings
from summarizers.errors import DocumentError
from summarizers.messages import Message, MessageCode, Value


@dataclass(frozen=True)
class Limits:
    max_bytes: int = field(default_factory=settings.max_bytes)
    max_chars: int = field(default_factory=settings.max_chars)
    seconds: int = field(default_factory=settings.read_seconds)
    max_unpacked_bytes: int = field(default_factory=settings.max_unpacked_bytes)
    max_compression: int = field(default_factory=settings.max_compression)
    max_zip_entries: int = field(default_factory=settings.max_zip_entries)
    max_pdf_pages: int = field(default_factory=settings.max_pdf_pages)
    max_pdf_content: int = field(default_factory=settings.max_pdf_content)
    max_html_elements: int = field(default_factory=settings.max_html_elements)
    max_html_depth: int = field(default_factory=settings.max_html_depth)


def too_many_chars(name: str, limit: int, count: int | None = None) -> DocumentError:
    """The character cap's refusal; `count` is given when the whole text was measured, not cut off as it streamed."""
    if count is None:
        return DocumentError(name, Message("reading.too_many_chars_streamed", limit=limit))
    return DocumentError(name, Message("reading.too_many_chars", count=count, limit=limit))


class Budget:
    """A document's reading limits and the moment its time runs out; readers call `check` between pieces of work."""

    def __init__(self, name: str, limits: Limits | None = None) -> None:
        self.name = name
        self.limits = limits or Limits()
        self.deadline = time.monotonic() + self.limits.seconds

    def check(self, doing: MessageCode, **values: Value) -> None:
        """A `DocumentError` once the time is up; `doing` codes what the reader was doing then ("reading.slow_html")."""
        if time.monotonic() > self.deadline:
            raise DocumentError(self.name, Message(doing, seconds=self.limits.seconds, **values))

    def refuse(self, reason: Message) -> DocumentError:
        return DocumentError(self.name, reason)
