"""A saved comparison's link in a real browser (Debian's chromium): made on the Compare page, it opens the same
result read-only in a second browser, differences first; opening it adds nothing to that browser's History until
"keep a copy"; revoked by its maker, it reads the plain "does not open" message.

The app is served on the test's own temporary database (SAAR_DB: a SQLite file, and a PostgreSQL database where
SAAR_TEST_POSTGRES names a server); screenshots of the read-only comparison, desktop and phone, go to test-output/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pages._views.versions import WORDS
from tests.app.conftest import PHONE, RESULT_TIMEOUT_MS, open_page, screenshot, serving
from tests.app.test_browser_library import open_history, settled
from tests.storage.conftest import BACKENDS, postgres_database
from tests.versions.test_alignment import EN, HI

pytestmark = pytest.mark.browser

# Two versions of one story that differ in one figure: the result leads with that difference.
ENGLISH = "India and Russia\n\n" + " ".join([EN[0], EN[1].replace("45", "54"), *EN[2:]])
HINDI = "भारत और रूस\n\n" + " ".join(HI)
DIFFER_TITLE = WORDS["en"]["differ_title"]
BAD_LINK = "This link does not open a saved summary or comparison."


@pytest.fixture(params=BACKENDS)
def library_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The app served on a SQLite file, or on a fresh database of the test PostgreSQL server (skipped without one)."""
    databases = iter([str(tmp_path / "library.sqlite3")]) if request.param == "sqlite" else postgres_database()
    for database in databases:  # one; a PostgreSQL one is dropped when the loop ends
        yield from serving({"SAAR_DB": database})


def compare(page: Any) -> None:
    """Compares the two versions on the Compare page and waits until the result is drawn and saved."""
    page.get_by_role("link", name="Compare versions").click()
    page.get_by_role("heading", name="Compare versions").wait_for()
    page.locator("[data-testid=stRadio] label").filter(has_text="Two documents").click()
    for box, text_box, text in (("First document", "First text", ENGLISH), ("Second document", "Second text", HINDI)):
        page.get_by_label(box, exact=True).click()
        page.get_by_role("option", name="Paste text…").click()
        page.get_by_label(text_box).fill(text)
    page.get_by_text("Extractive", exact=True).first.click()  # key sentences: no model, no waiting on one
    page.get_by_role("button", name="Compare", exact=True).click()
    page.get_by_role("heading", name=DIFFER_TITLE).wait_for()
    page.get_by_role("button", name="Link to this comparison").wait_for()  # drawn once the comparison is saved
    settled(page)


def drawn(page: Any) -> None:
    """Waits until the whole comparison is on the page: its last part, the folded facts, drawn and nothing stale."""
    page.get_by_role("heading", name=DIFFER_TITLE).wait_for()
    page.get_by_text(WORDS["en"]["facts_show"]).wait_for()
    settled(page)


def result_text(page: Any) -> str:
    """The comparison as the page shows it, from its first heading (differences first) to the end."""
    text = str(page.get_by_test_id("stMain").inner_text())
    return text[text.index(DIFFER_TITLE) :]


def comparisons_listed(page: Any) -> int:
    return int(page.get_by_test_id("stMain").locator("strong").filter(has_text="⚖️").count())


def test_a_comparisons_link_opens_the_same_result_read_only_until_revoked(browser: Any, library_url: str) -> None:
    maker = open_page(browser, library_url)
    compare(maker)
    made = result_text(maker)
    maker.get_by_role("button", name="Link to this comparison").click()
    link = maker.get_by_text("?link=").first.inner_text().strip()
    screenshot(maker, "comparison-link-made.png")  # the link above the Compare page's result
    token = link.split("link=", 1)[1]
    assert len(token) >= 22  # at least 128 bits in URL-safe base64
    assert not token.isdigit()

    reader = open_page(browser, library_url)  # a second browser: its own cookies
    reader.goto(link)
    reader.get_by_role("heading", name="Shared comparison").wait_for()
    drawn(reader)
    assert result_text(reader) == made  # the same result, drawn the same way
    assert reader.get_by_test_id("saar-difference").count() == 1
    headings = [str(heading) for heading in reader.get_by_test_id("stMain").locator("h3").all_inner_texts()]
    assert headings[0].startswith(DIFFER_TITLE)  # differences first, as on the Compare page
    for control in ("Compare", "Revoke the link", "Link to this comparison"):  # read-only
        assert reader.get_by_role("button", name=control, exact=True).count() == 0
    assert reader.get_by_role("textbox").count() == 0
    screenshot(reader, "comparison-link-desktop.png")

    phone_browser = browser.new_context(viewport=PHONE)  # a third browser, on a phone's screen
    phone = phone_browser.new_page()
    phone.set_default_timeout(RESULT_TIMEOUT_MS)
    phone.goto(link)
    drawn(phone)
    screenshot(phone, "comparison-link-phone.png")
    phone_browser.close()

    open_history(reader)
    reader.get_by_text("Nothing saved yet").wait_for()  # opening it added nothing
    assert comparisons_listed(reader) == 0
    reader.goto(link)
    reader.get_by_role("button", name="Keep a copy in my History").click()
    reader.get_by_text("A copy is in your History.").wait_for()
    open_history(reader)
    reader.get_by_text("Page 1 of 1 · 1 saved").wait_for()
    assert comparisons_listed(reader) == 1

    maker.get_by_role("button", name="Revoke the link").click()
    maker.get_by_role("button", name="Link to this comparison").wait_for()
    for address in (link, f"{library_url}/?link=not-a-token", f"{library_url}/?link={'A' * 32}"):
        reader.goto(address)
        reader.get_by_text(BAD_LINK).wait_for()
        assert reader.get_by_role("heading", name=DIFFER_TITLE).count() == 0
    maker.close()
    reader.close()
