"""The linear HTML reader against the tree it replaced: on any mix of the tags it treats specially, it gives the
text BeautifulSoup's tree gave (the tree is the oracle here; it is too slow for hostile pages, not wrong)."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizers.documents.html import BLOCKS, DROPPED, html_to_text

TOKENS = st.sampled_from([
    "<p>", "</p>", "<div>", "</div>", "<br>", "<br/>", "<article>", "</article>", "<main>", "</main>", "<body>",
    "</body>", "<nav>", "</nav>", "<script>", "</script>", "<b>", "</b>", "<li>", "<img src=x>", "<span/>",
    "<!-- note -->", "<head>", "</head>", "<h1>", "</h1>", "<footer>", "</footer>", "hello ", "world.", "&amp;",
    "हिन्दी ", " ", "\n", "\t",
])  # fmt: skip


def tree_text(markup: str) -> str:
    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup.find_all(list(DROPPED)):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    for tag in root.find_all(list(BLOCKS)):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in root.get_text().split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


@settings(max_examples=200, deadline=None)
@given(st.lists(TOKENS, max_size=30))
def test_linear_reader_gives_the_trees_text(parts: list[str]) -> None:
    markup = "".join(parts)
    assert html_to_text(markup) == tree_text(markup)
