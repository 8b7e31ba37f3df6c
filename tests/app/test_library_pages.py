"""The saved library's pages through AppTest (the real scripts and a real SQLite file): a run is saved as it is
shown and History of the same browser lists it; a disk that cannot be written is a plain notice while the summary
still shows; a bad link says it opens nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from pages.saved import BROWSER_KEY
from summarizers.storage import Query, Store, open_store
from summarizers.storage.tables import Entry
from tests.conftest import ROOT

TIMEOUT = 300
ARTICLE = (
    "The Hampi heritage board approved a new visitor centre on Tuesday after two years of talks. "
    "The centre will open in June with guides in Kannada, Hindi and English. Tickets will cost 40 rupees. "
    "Local traders asked for stalls near the main gate."
)


def run_page(name: str, browser: str | None = None) -> AppTest:
    app = AppTest.from_file(str(ROOT / "pages" / name), default_timeout=TIMEOUT)
    if browser is not None:
        app.session_state[BROWSER_KEY] = browser  # the same browser's cookie, as a second visit sends it
    app.run()
    assert not app.exception, app.exception
    return app


def summarize(app: AppTest) -> AppTest:
    app.radio(key="method").set_value("extractive")
    app.text_area(key="pasted_text").input(ARTICLE)
    next(button for button in app.button if button.label == "Summarize").click().run()
    assert not app.exception, app.exception
    return app


def shown(app: AppTest) -> dict:
    current = app.session_state["current_batch"]
    return next(batch["documents"] for batch in app.session_state["history"] if batch["id"] == current)[0]


def test_a_run_is_saved_exactly_and_listed_in_that_browsers_history(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAAR_DB", str(tmp_path / "library.sqlite3"))
    app = summarize(run_page("summarize.py"))
    document = shown(app)
    entry_id = document["entry_id"]
    store = open_store()
    assert store is not None
    (owner,) = _owners(store)  # one browser, one owner
    (saved,) = store.page(owner).entries
    assert saved.id == entry_id
    assert saved.document == document  # everything the page showed, back as it was
    history = run_page("history.py", browser=app.session_state[BROWSER_KEY])
    assert any("Hampi heritage board" in markdown.value for markdown in history.markdown)
    assert "Page 1 of 1 · 1 saved" in " ".join(caption.value for caption in history.caption)
    stranger = run_page("history.py")  # another browser: a new identity
    assert not any("Hampi" in markdown.value for markdown in stranger.markdown)
    assert "Nothing saved yet" in " ".join(info.value for info in stranger.info)
    store.engine.dispose()


def _owners(store: Store) -> set[str]:
    with store.engine.begin() as connection:
        return set(connection.scalars(select(Entry.owner)))


def test_a_read_only_library_is_a_notice_and_the_summary_still_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "library.sqlite3"
    made = open_store(str(path))
    assert made is not None
    made.engine.dispose()
    monkeypatch.setenv("SAAR_DB", f"sqlite:///file:{path}?mode=ro&uri=true")  # as a disk mounted read-only
    app = summarize(run_page("summarize.py"))
    assert "entry_id" not in shown(app)
    warnings = " ".join(warning.value for warning in app.warning)
    assert "not being saved" in warnings
    assert "read-only" in warnings
    assert any("English · Extractive" in caption.value for caption in app.caption)


def test_history_says_when_saving_is_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAAR_DB", "off")
    app = run_page("history.py")
    assert "Saving is off here" in " ".join(caption.value for caption in app.caption)


@pytest.mark.parametrize("token", ["", "nonsense", "A" * 32, "<script>alert(1)</script>"])
def test_a_wrong_link_says_it_opens_no_summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, token: str) -> None:
    monkeypatch.setenv("SAAR_DB", str(tmp_path / "library.sqlite3"))
    app = AppTest.from_file(str(ROOT / "pages" / "shared.py"), default_timeout=TIMEOUT)
    app.query_params["link"] = token
    app.run()
    assert not app.exception, app.exception
    assert [error.value for error in app.error] == ["This link does not open a saved summary or comparison."]


@pytest.mark.parametrize("configured", [False, True])
def test_sign_in_is_offered_only_where_the_deployment_has_a_login(
    monkeypatch: pytest.MonkeyPatch, configured: bool
) -> None:
    monkeypatch.setenv("SAAR_DB", "off")
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    if configured:
        app.secrets["auth"] = {
            "redirect_uri": "http://localhost:8501/oauth2callback",
            "cookie_secret": "a-test-secret",
            "client_id": "saar",
            "client_secret": "not-a-secret",
            "server_metadata_url": "https://login.example.com/.well-known/openid-configuration",
        }
    app.run()
    assert not app.exception, app.exception
    assert [button.label for button in app.sidebar.button] == (["Sign in"] if configured else [])


def test_a_comparison_is_saved_once_shown_listed_and_exported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAAR_DB", str(tmp_path / "library.sqlite3"))
    app = run_page("compare.py")
    next(button for button in app.button if button.label == "Compare").click().run()
    assert not app.exception, app.exception
    comparison = app.session_state["comparison"]
    store = open_store()
    assert store is not None
    (owner,) = _owners(store)
    (saved,) = store.page(owner).entries
    assert saved.kind == "comparison"
    assert saved.document["comparison"] == comparison
    assert saved.document["texts"] == app.session_state["comparison_texts"]
    assert {lang for lang in ("en", "hi") if store.page(owner, Query(language=lang)).total} == {"en", "hi"}
    (line,) = store.export(owner)
    assert line["kind"] == "comparison"
    assert line["sides"] == comparison["sides"]
    app.run()  # drawn again: not saved twice
    assert store.page(owner).total == 1
    history = run_page("history.py", browser=app.session_state[BROWSER_KEY])
    assert any(markdown.value.startswith("**⚖️") for markdown in history.markdown)
    store.engine.dispose()
