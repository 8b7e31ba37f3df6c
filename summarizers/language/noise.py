"""Recognising web-page chrome in scraped articles, line by line.

Noise is only *marked*: the caller keeps the text and flags the lines, so highlights still land on what the user
sees. Each rule returns a short reason shown to the user ("menu", "repeated title", ...).
"""

from __future__ import annotations

import re
from collections import Counter

from summarizers.text.spans import Span, line_spans, words

_CHROME_PATTERNS = re.compile(
    r"""^(?:
        scroll\s+down\s+for\s+(?:hindi|english|more)
      | leave\s+a\s+(?:comment|reply)
      | your\s+email\s+address\s+will\s+not\s+be\s+published.*
      | required\s+fields\s+are\s+marked.*
      | (?:for\s+)?more\s+news,?\s+click\s+here
      | (?:click|tap)\s+here.*
      | (?:also\s+read|read\s+more|read\s+also|related(?:\s+(?:posts?|news|articles?|stories))?)\b.{0,80}
      | share\s+(?:this|on)\b.*
      | follow\s+us\s+on\b.*
      | (?:subscribe|sign\s+up|log\s*in|sign\s+in)\b.{0,60}
      | advertisement
      | (?:copyright|©).*
      | all\s+rights\s+reserved.*
      | posted\s+(?:in|on|by)\b.{0,80}
      | tags?\s*:.*
      | (?:previous|next)\s+(?:post|article|story).{0,80}
      | comments?\s*\(?\d*\)?
      | यह\s+भी\s+पढ़ें.*
      | (?:और|ये)\s+भी\s+पढ़ें.*
      | विज्ञापन
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_SEPARATORS = re.compile(r"\s*[/|•·»]\s*")
_SITE_SUFFIX = re.compile(r"\s[–—|-]\s(?:The\s)?[A-Z][\w.]*(?:\s(?:of|the|and|on|[A-Z][\w.]*)){0,4}$")
_SENTENCE_END = re.compile(r"[.!?।॥:\"”]$")
_BULLET = re.compile(r"^(?:[-*•·–]|\d{1,2}[.)])\s*")

MENU_MIN_LINES = 4
MENU_MAX_WORDS = 4
REPEATED_LINE_MAX_WORDS = 8


def _is_repeated_title(line: str) -> bool:
    """A title written again and again on one line: "Talks/Talks/Talks"."""
    parts = [part.strip().casefold() for part in _SEPARATORS.split(line) if part.strip()]
    if len(parts) < 3:
        return False
    _, count = Counter(parts).most_common(1)[0]
    return count >= 3 and count >= 0.6 * len(parts)


def _is_menu_item(line: str) -> bool:
    bare = _BULLET.sub("", line)
    return 0 < len(words(bare)) <= MENU_MAX_WORDS and not _SENTENCE_END.search(bare)


def noise_lines(text: str) -> dict[Span, str]:
    """Lines of `text` that are page chrome, each with the reason it was recognised."""
    lines = line_spans(text)
    contents = [span.text(text) for span in lines]
    found: dict[Span, str] = {}

    short_repeats = Counter(c.casefold() for c in contents if len(words(c)) <= REPEATED_LINE_MAX_WORDS)
    for span, content in zip(lines, contents, strict=True):
        if _CHROME_PATTERNS.match(content):
            found[span] = "page chrome"
        elif _is_repeated_title(content):
            found[span] = "repeated title"
        elif short_repeats[content.casefold()] >= 2 and not _SENTENCE_END.search(content):
            found[span] = "repeated line"

    # A run of short lines without sentence punctuation, usually a category menu or a tag list.
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and _is_menu_item(contents[end]):
            end += 1
        if end - index >= MENU_MIN_LINES:
            for span in lines[index:end]:
                found.setdefault(span, "menu")
        index = max(end, index + 1)

    # A headline carrying a site name ("... – The Times of India") next to other chrome is a link to elsewhere.
    for position, (span, content) in enumerate(zip(lines, contents, strict=True)):
        if span in found or not _SITE_SUFFIX.search(content) or _SENTENCE_END.search(content):
            continue
        neighbours = lines[max(0, position - 1) : position] + lines[position + 1 : position + 2]
        if any(neighbour in found for neighbour in neighbours):
            found[span] = "linked headline"
    return found
