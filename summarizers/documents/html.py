"""The main text of an HTML page, read in one linear pass with limits on nesting and element count.

A tree builder (BeautifulSoup) costs time that grows faster than the page: inserting line breaks beside each of
100,000 sibling blocks, or walking 200,000 nested elements, runs for minutes. This reader streams the standard
library's tokenizer instead and keeps only a stack of open tag names, so its work is proportional to the bytes. It
follows the tree BeautifulSoup's "html.parser" builder would build (an end tag closes up to its most recent open
twin and is ignored without one; void elements never open), and reproduces what that tree gave: scripts, styles and
page furniture dropped, the first <article> (else <main>, else <body>, else the whole page) kept, blocks on their
own lines."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from summarizers.documents.limits import Budget, too_many_chars
from summarizers.errors import DocumentError

DROPPED = frozenset(
    ("script", "style", "noscript", "template", "svg", "iframe", "head", "nav", "footer", "form", "button")
)
BLOCKS = frozenset((
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
    "blockquote", "pre", "header", "main", "figcaption", "dd", "dt", "table", "ul", "ol",
))  # fmt: skip
VOID = frozenset((
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "menuitem", "meta", "param",
    "source", "spacer", "track", "wbr", "basefont", "bgsound", "command", "frame", "image", "isindex", "nextid",
))  # fmt: skip
ROOTS = ("article", "main", "body")  # the first found, in this order of preference, holds the main text
TAG_OPENING = re.compile(r"<[A-Za-z]")
FEED_BYTES = 1 << 20  # the time budget is checked between feeds; a large feed keeps incomplete markup rescans few


class _Stop(Exception):
    """A limit was reached inside the tokenizer; carries the refusal out of its callbacks."""

    def __init__(self, error: DocumentError) -> None:
        super().__init__(error.reason)
        self.error = error


class _MainText(HTMLParser):
    def __init__(self, budget: Budget) -> None:
        super().__init__(convert_charrefs=True)
        self.budget = budget
        self.stack: list[str] = []
        self.dropping = 0  # how many open elements are dropped ones
        self.elements = 0
        self.pieces: list[str] = []
        self.regions: list[int] = []  # per piece: a bit per root it lies inside (1 article, 2 main, 4 body)
        self.root_depth: dict[str, int] = {}  # each root once found: its depth in the stack (-1 once closed)
        self.inside = 0

    def _emit(self, text: str) -> None:
        if not self.dropping:
            self.pieces.append(text)
            self.regions.append(self.inside)

    def _refuse(self, reason: str) -> None:
        raise _Stop(self.budget.refuse(reason))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements += 1
        limits = self.budget.limits
        if self.elements > limits.max_html_elements:
            self._refuse(f"the page has more than {limits.max_html_elements:,} elements (SAAR_MAX_HTML_ELEMENTS)")
        if tag in BLOCKS:
            self._emit("\n")
        if tag in VOID:
            if tag in BLOCKS:
                self._emit("\n")
            return
        self.stack.append(tag)
        if len(self.stack) > limits.max_html_depth:
            self._refuse(f"the page nests elements deeper than {limits.max_html_depth:,} (SAAR_MAX_HTML_DEPTH)")
        if tag in DROPPED:
            self.dropping += 1
        elif tag in ROOTS and tag not in self.root_depth and not self.dropping:
            self.root_depth[tag] = len(self.stack)
            self.inside |= 1 << ROOTS.index(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.stack:
            return  # a stray end tag closes nothing
        while self.stack:
            closed = self.stack.pop()
            if closed in DROPPED:
                self.dropping -= 1
            elif self.root_depth.get(closed) == len(self.stack) + 1:
                self.root_depth[closed] = -1
                self.inside &= ~(1 << ROOTS.index(closed))
            if closed in BLOCKS:
                self._emit("\n")
            if closed == tag:
                return

    def handle_data(self, data: str) -> None:
        self._emit(data)

    def text(self) -> str:
        for bit, root in enumerate(ROOTS):
            if root in self.root_depth:
                return "".join(
                    piece for piece, inside in zip(self.pieces, self.regions, strict=True) if inside >> bit & 1
                )
        return "".join(self.pieces)


def _tidy(text: str) -> str:
    lines = [
        re.sub(r"[ \t\u00a0]+", " ", line).strip()
        for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def html_to_text(markup: str, budget: Budget | None = None) -> str:
    """Main text of an HTML page: scripts, styles and page furniture dropped, blocks on their own lines."""
    budget = budget or Budget("page")
    # Counting tag openings with one regular expression is a hundred times faster than tokenizing them. It can
    # overcount (it also sees "<b" inside scripts and comments), so it refuses only at twice the limit; the tokenizer
    # counts exactly below that.
    limit = budget.limits.max_html_elements
    if len(TAG_OPENING.findall(markup)) > limit * 2:
        raise budget.refuse(f"the page has more than {limit:,} elements (SAAR_MAX_HTML_ELEMENTS)")
    parser = _MainText(budget)
    try:
        for start in range(0, len(markup), FEED_BYTES):
            parser.feed(markup[start : start + FEED_BYTES])
            budget.check("reading the HTML")
        parser.close()
    except _Stop as stop:
        raise stop.error from None
    # The tokenizer reports malformed markup by assertion in some Python versions; a page it cannot read is refused.
    except (AssertionError, ValueError, RecursionError) as error:
        raise budget.refuse(f"the HTML cannot be read ({type(error).__name__})") from error
    text = parser.text()
    # Tidying never removes a visible character, so their count alone can refuse the text before any tidying work.
    visible = len(text) - sum(text.count(space) for space in " \t\n\r\u00a0")
    if visible > budget.limits.max_chars:
        raise too_many_chars(budget.name, budget.limits.max_chars)
    return _tidy(text)
