"""A server's first visitors arriving together (browsers reconnecting to a restarted server, readers opening
bookmarks): served by serve.py, each page opens under the app's menu, whatever address it was opened at."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.app.conftest import RESULT_TIMEOUT_MS, serving

pytestmark = pytest.mark.browser

ADDRESSES = {"history": "History", "compare": "Compare versions", "models": "Models", "": "Summarize"}
MENU = ["Summarize", "History", "Compare versions", "Models"]


@pytest.fixture
def fresh_server() -> Iterator[str]:
    """A server no one has visited yet."""
    yield from serving({}, "serve.py")


def test_first_visitors_at_once_each_get_their_page_under_the_app_menu(browser: Any, fresh_server: str) -> None:
    pages = []
    for address in ADDRESSES:
        page = browser.new_page()
        page.set_default_timeout(RESULT_TIMEOUT_MS)
        page.goto(f"{fresh_server}/{address}", wait_until="commit")  # not waiting: the sessions start together
        pages.append(page)
    for page, heading in zip(pages, ADDRESSES.values(), strict=True):
        page.get_by_role("heading", name=heading, exact=True).wait_for()
        page.get_by_text("Interface language").wait_for()  # the app's sidebar, not the page alone
        menu = [
            re.sub(r"^\W+", "", " ".join(text.split()))
            for text in page.locator("[data-testid=stSidebarNav] a").all_inner_texts()
        ]
        assert menu == MENU
        page.close()
