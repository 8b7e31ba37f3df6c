"""A saved comparison's link through AppTest (the real page scripts on a real SQLite file, and on PostgreSQL where
SAAR_TEST_POSTGRES names a server): made on the Compare page or in History, it opens the same result read-only for
another browser, differences first and drawn by the same view; opening adds nothing to that browser's History until
it keeps a copy; revoked, malformed or unreadable, the link says plainly that it opens nothing."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block, Dataframe, Divider, Expander

from pages._views.report import escape_markdown
from pages.common import KEPT_PREFIX, UI_LANGUAGE_KEY
from pages.saved import BROWSER_KEY
from summarizers.storage import Store, open_store
from summarizers.storage.tables import Entry
from tests.conftest import ROOT
from tests.storage.conftest import BACKENDS, postgres_database

TIMEOUT = 300
BAD_LINK = "This link does not open a saved summary or comparison."


@pytest.fixture(params=BACKENDS)
def library(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """The pages' library (SAAR_DB) for one test: a SQLite file, or a fresh database on the test PostgreSQL server."""
    databases = iter([str(tmp_path / "library.sqlite3")]) if request.param == "sqlite" else postgres_database()
    for database in databases:  # one; a PostgreSQL one is dropped when the loop ends
        monkeypatch.setenv("SAAR_DB", database)
        store = open_store()
        assert store is not None
        yield store
        store.engine.dispose()


def page(name: str, browser: str | None = None, link: str | None = None, ui: str = "en") -> AppTest:
    app = AppTest.from_file(str(ROOT / "pages" / name), default_timeout=TIMEOUT)
    if browser is not None:
        app.session_state[BROWSER_KEY] = browser  # the same browser's cookie, as a second visit sends it
    if link is not None:
        app.query_params["link"] = link
    app.session_state[KEPT_PREFIX + UI_LANGUAGE_KEY] = ui
    app.run()
    assert not app.exception, app.exception
    return app


def click(app: AppTest, label: str) -> AppTest:
    next(button for button in app.button if button.label == label).click().run()
    assert not app.exception, app.exception
    return app


def compared() -> AppTest:
    """The Compare page with its default choice (the bilingual sample's English and Hindi runs) compared."""
    return click(page("compare.py"), "Compare")


def shown_link(app: AppTest) -> str:
    (code,) = [code.value for code in app.code if "?link=" in code.value]
    return str(code).split("link=", 1)[1]


def owner_of(app: AppTest) -> str:
    return "browser:" + hashlib.sha256(str(app.session_state[BROWSER_KEY]).encode("ascii")).hexdigest()


def entries(store: Store) -> int:
    with store.engine.begin() as connection:
        return int(connection.scalar(select(func.count()).select_from(Entry)) or 0)


def drawn(nodes: Any) -> list[Any]:
    """What a run drew, element by element, in order (a block by its kind and what it holds), to compare two
    pages' drawings of one result."""
    items: list[Any] = []
    for node in nodes:
        if isinstance(node, Expander):
            items.append(("expander", node.label, drawn(node.children.values())))
        elif isinstance(node, Block):
            items.append((node.type, drawn(node.children.values())))
        elif isinstance(node, Dataframe):
            items.append(("dataframe", node.value.to_dict("list")))
        else:
            items.append((node.type, getattr(node, "value", None)))
    return items


def result_drawing(app: AppTest) -> list[Any]:
    """The page's drawing after its divider (the result)."""
    top = list(app.main.children.values())
    divider = next(index for index, node in enumerate(top) if isinstance(node, Divider))
    return drawn(top[divider + 1 :])


def compare_result_drawing(app: AppTest) -> list[Any]:
    """The Compare page's result: the block after its divider (the one a phone scrolls to), less the link's place at
    its top."""
    top = list(app.main.children.values())
    divider = next(index for index, node in enumerate(top) if isinstance(node, Divider))
    result = top[divider + 1]
    assert isinstance(result, Block)
    return drawn(list(result.children.values())[1:])


def test_a_comparisons_link_opens_the_same_result_read_only_in_another_browser(library: Store) -> None:
    maker = compared()
    assert [button.label for button in maker.button if button.label.startswith("Link")] == ["Link to this comparison"]
    click(maker, "Link to this comparison")
    token = shown_link(maker)
    assert len(token) >= 22  # at least 128 bits in URL-safe base64
    (saved,) = library.page(owner_of(maker)).entries
    assert saved.kind == "comparison"
    assert saved.link == token  # the link names the saved comparison, by its token only
    assert str(saved.id) not in token.split("-")

    reader = page("shared.py", browser=secrets.token_urlsafe(32), link=token)  # another browser
    assert [title.value for title in reader.title] == ["Shared comparison"]
    # The same drawing as the Compare page's result (its link controls, above the result, aside), differences first.
    assert result_drawing(reader) == compare_result_drawing(maker)
    assert reader.subheader[0].value == "Where the versions differ"
    # Read-only: its one control keeps a copy; nothing to choose, type, compare, link or revoke.
    assert [button.label for button in reader.button] == ["Keep a copy in my History"]
    widgets = [*reader.radio, *reader.selectbox, *reader.text_area, *reader.text_input, *reader.checkbox]
    assert widgets == []
    assert entries(library) == 1  # opening it saved nothing
    assert library.page(owner_of(reader)).total == 0


def test_keeping_a_copy_adds_the_comparison_to_the_openers_history_only_then(library: Store) -> None:
    maker = click(compared(), "Link to this comparison")
    token = shown_link(maker)
    reader = page("shared.py", browser=secrets.token_urlsafe(32), link=token)
    history = page("history.py", browser=reader.session_state[BROWSER_KEY])
    assert not any(markdown.value.startswith("**⚖️") for markdown in history.markdown)

    click(reader, "Keep a copy in my History")
    assert [success.value for success in reader.success] == ["A copy is in your History."]
    assert not [button for button in reader.button if button.label == "Keep a copy in my History"]
    (copy,) = library.page(owner_of(reader)).entries
    (original,) = library.page(owner_of(maker)).entries
    assert copy.kind == "comparison"
    assert copy.id != original.id
    assert copy.document["comparison"] == original.document["comparison"]
    assert copy.link is None  # the copy is the reader's own; the maker's link stays the maker's
    history = page("history.py", browser=reader.session_state[BROWSER_KEY])
    assert any(markdown.value.startswith("**⚖️") for markdown in history.markdown)


def test_a_revoked_comparison_link_opens_nothing(library: Store) -> None:
    maker = click(compared(), "Link to this comparison")
    token = shown_link(maker)
    assert [title.value for title in page("shared.py", link=token).title] == ["Shared comparison"]
    click(maker, "Revoke the link")
    assert "Link to this comparison" in [button.label for button in maker.button]  # a new link may be made
    reader = page("shared.py", link=token)
    assert [error.value for error in reader.error] == [BAD_LINK]
    assert not reader.subheader
    assert not reader.button  # nothing to keep


def test_history_makes_and_revokes_a_comparisons_link(library: Store) -> None:
    maker = compared()
    history = page("history.py", browser=maker.session_state[BROWSER_KEY])
    click(history, "Link to this comparison")
    token = shown_link(history)
    assert library.shared(token) is not None
    assert [title.value for title in page("shared.py", link=token).title] == ["Shared comparison"]
    click(history, "Revoke the link")
    assert library.shared(token) is None


def test_a_reopened_comparison_shows_its_existing_link_on_the_compare_page(library: Store) -> None:
    maker = click(compared(), "Link to this comparison")
    token = shown_link(maker)
    history = page("history.py", browser=maker.session_state[BROWSER_KEY])
    assert shown_link(history) == token
    # Opened from History, the Compare page shows the saved comparison with the same link, and saves nothing again.
    next(button for button in history.button if button.label == "Open").click()
    history.run()
    reopened = AppTest.from_file(str(ROOT / "pages" / "compare.py"), default_timeout=TIMEOUT)
    for key in ("comparison", "comparison_texts", "comparison_reader", "saved:comparison_entry", BROWSER_KEY):
        reopened.session_state[key] = history.session_state[key]
    reopened.run()
    assert not reopened.exception, reopened.exception
    assert shown_link(reopened) == token
    assert entries(library) == 1


def test_the_shared_comparison_reads_in_hindi(library: Store) -> None:
    token = shown_link(click(compared(), "Link to this comparison"))
    reader = page("shared.py", link=token, ui="hi")
    assert [title.value for title in reader.title] == ["साझा तुलना"]
    assert reader.subheader[0].value == "संस्करण कहाँ अलग हैं"
    assert [button.label for button in reader.button] == ["मेरे इतिहास में एक प्रति रखें"]


def test_a_saved_comparison_this_version_cannot_draw_reads_as_a_link_that_opens_nothing(library: Store) -> None:
    unreadable = {"name": "x", "title": "x", "text": "x", "comparison": {}}  # no sides: nothing to draw
    [entry_id] = library.save("someone", "r", [unreadable], "comparison")
    token = library.share("someone", entry_id)
    assert token is not None
    reader = page("shared.py", link=token)
    assert [error.value for error in reader.error] == [BAD_LINK]


def test_titles_in_a_shared_comparison_are_shown_as_text(library: Store) -> None:
    maker = compared()
    (saved,) = library.page(owner_of(maker)).entries
    hostile = "<img src=x onerror=alert(1)> **bold** [link](javascript:alert(1))"
    record = {key: value for key, value in saved.document.items() if key != "entry_id"}
    record["title"] = record["name"] = hostile
    for side in record["comparison"]["sides"]:
        side["title"] = hostile
    [entry_id] = library.save("someone", "r", [record], "comparison")
    reader = page("shared.py", link=library.share("someone", entry_id))
    assert reader.subheader[0].value == "Where the versions differ"
    assert reader.markdown[0].value == f"**⚖️ {escape_markdown(hostile)}**"
    assert escape_markdown(hostile) in [caption.value for caption in reader.caption]  # each version's title
    assert "<img" not in " ".join(element.value for element in reader.get("html"))
