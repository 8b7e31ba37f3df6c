"""The records the pages keep and hand on are what `summarizers.schema` says they are, key for key: checked against
the TypedDicts at run time on what the real pages make (AppTest), what the JSON download writes, what the command
line prints for the same text, and what the saved library gives back."""

from __future__ import annotations

import json
import types
from pathlib import Path
from typing import Literal, NotRequired, Required, Union, get_args, get_origin, get_type_hints, is_typeddict

import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from pages._views.report import json_entry, json_report
from summarizers import cli
from summarizers.schema import (
    BatchRecord,
    ComparisonJSON,
    ComparisonRecord,
    DocumentJSON,
    DocumentRecord,
    FailedDocumentJSON,
    FailedRecord,
)
from summarizers.storage import Store, open_store
from summarizers.storage.tables import Entry
from tests.conftest import ROOT

TIMEOUT = 300
ARTICLE = (
    "The Hampi heritage board approved a new visitor centre on Tuesday after two years of talks. "
    "The centre will open in June with guides in Kannada, Hindi and English. Tickets will cost 40 rupees. "
    "Local traders asked for stalls near the main gate."
)
LINK_ONLY = "https://www.example.com/news/story"  # read, but not an article: a failed record


def problems(value: object, expected: object, where: str = "$") -> list[str]:
    """Where `value` differs from the type `expected` (a TypedDict, list, dict, union, literal or plain type): a
    missing key, a key the TypedDict does not declare, a value of another type. Empty when it conforms exactly."""
    if is_typeddict(expected):
        if not isinstance(value, dict):
            return [f"{where}: {type(value).__name__}, not an object"]
        hints = get_type_hints(expected, include_extras=True)
        found = [f"{where}.{key}: not declared by {expected.__name__}" for key in value if key not in hints]
        for key, hint in hints.items():
            optional = get_origin(hint) is NotRequired
            inner = get_args(hint)[0] if get_origin(hint) in (NotRequired, Required) else hint
            if key in value:
                found += problems(value[key], inner, f"{where}.{key}")
            elif not optional:
                found.append(f"{where}.{key}: missing from {expected.__name__}")
        return found
    origin, args = get_origin(expected), get_args(expected)
    if origin in (Union, types.UnionType):
        tried = [problems(value, option, where) for option in args]
        return [] if any(not found for found in tried) else min(tried, key=len)
    if origin is Literal:
        return [] if value in args else [f"{where}: {value!r} is none of {args}"]
    if origin is list:
        if not isinstance(value, list):
            return [f"{where}: {type(value).__name__}, not a list"]
        return [problem for index, item in enumerate(value) for problem in problems(item, args[0], f"{where}[{index}]")]
    if origin is dict:
        if not isinstance(value, dict):
            return [f"{where}: {type(value).__name__}, not an object"]
        return [
            problem
            for key, item in value.items()
            for problem in [*problems(key, args[0], f"{where} key"), *problems(item, args[1], f"{where}.{key}")]
        ]
    if origin is tuple:  # a tuple of values is a list once in JSON, a tuple before
        if not isinstance(value, list | tuple):
            return [f"{where}: {type(value).__name__}, not a sequence"]
        return [problem for index, item in enumerate(value) for problem in problems(item, args[0], f"{where}[{index}]")]
    if expected is None or expected is type(None):
        return [] if value is None else [f"{where}: {value!r}, not null"]
    if expected is float:
        return [] if isinstance(value, int | float) and not isinstance(value, bool) else [f"{where}: {value!r}"]
    if expected is int:
        return [] if isinstance(value, int) and not isinstance(value, bool) else [f"{where}: {value!r}, not int"]
    assert isinstance(expected, type), f"{where}: no check for {expected}"
    return [] if isinstance(value, expected) else [f"{where}: {value!r}, not {expected.__name__}"]


def test_the_checker_finds_a_missing_an_extra_and_a_mistyped_key() -> None:
    sentence = {"text": "A.", "supported": True, "sources": [{"start": 0, "end": 2, "score": 0.5}]}
    summary = {"lang": "en", "source_lang": "en", "method": "extractive", "model": None, "text": "A.", "notice": None}
    good = {**summary, "sentences": [sentence]}
    summary_type = get_args(get_type_hints(DocumentRecord)["summaries"])[0]
    assert problems(good, summary_type) == []
    assert problems(summary, summary_type) == ["$.sentences: missing from SummaryJSON"]
    assert problems({**good, "length": 3}, summary_type) == ["$.length: not declared by SummaryJSON"]
    assert problems({**good, "method": "guessed"}, summary_type) != []
    assert problems({**good, "sentences": [{**sentence, "supported": "yes"}]}, summary_type) != []


def _page(name: str) -> AppTest:
    app = AppTest.from_file(str(ROOT / "pages" / name), default_timeout=TIMEOUT)
    app.run()
    assert not app.exception, app.exception
    return app


def _summarize(app: AppTest, text: str) -> AppTest:
    app.text_area(key="pasted_text").input(text)
    next(button for button in app.button if button.label == "Summarize").click().run()
    assert not app.exception, app.exception
    return app


@pytest.fixture(scope="module")
def batches() -> list[BatchRecord]:
    """The Summarize page's history after a readable article and a pasted link (an input it refuses)."""
    app = _summarize(_page("summarize.py"), ARTICLE)
    app = _summarize(app, LINK_ONLY)
    kept: list[BatchRecord] = app.session_state["history"]
    return kept


def test_the_summarize_page_keeps_the_records_the_schema_describes(batches: list[BatchRecord]) -> None:
    assert len(batches) == 2
    for batch in batches:
        assert problems(batch, BatchRecord) == []
    (readable,), (failed,) = (batch["documents"] for batch in batches)
    assert problems(readable, DocumentRecord) == []
    assert problems(failed, FailedRecord) == []
    assert readable["settings"]["method_label"] == "Auto"  # the labels kept beside the choices
    assert failed["error"]
    assert "summaries" not in failed


def test_the_json_download_is_what_the_command_line_prints(
    batches: list[BatchRecord], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (readable,), (failed,) = (batch["documents"] for batch in batches)
    downloaded = json.loads(json_report([readable, failed]))["documents"]
    assert problems(downloaded[0], DocumentJSON) == []
    assert problems(downloaded[1], FailedDocumentJSON) == []
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert cli.main(["summarize", str(article), "--method", "auto", "--form", "bullets", "--json"]) == 0
    (printed,) = json.loads(capsys.readouterr().out)["documents"]
    assert problems(printed, DocumentJSON) == []
    assert {**printed, "path": readable["name"]} == downloaded[0]  # the same fields, each the same


def test_a_saved_documents_download_leaves_its_library_id_behind(batches: list[BatchRecord]) -> None:
    (readable,) = batches[0]["documents"]
    assert "error" not in readable
    saved: DocumentRecord = {**readable, "entry_id": 7}
    assert problems(saved, DocumentRecord) == []
    entry = json_entry(saved)
    assert "entry_id" not in entry
    assert problems(entry, DocumentJSON) == []


def _app(page: str) -> AppTest:
    """The whole app (its menu), on one of its pages: a page that switches to another needs the menu to find it."""
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    app.run()
    app.switch_page(page).run()
    assert not app.exception, app.exception
    return app


def _open_first(app: AppTest) -> AppTest:
    """History: the first card's Open."""
    app.switch_page("pages/history.py").run()
    next(button for button in app.button if button.label == "Open").click().run()
    assert not app.exception, app.exception
    return app


def test_the_compare_page_keeps_saves_and_reopens_a_comparison_the_schema_describes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAAR_DB", str(tmp_path / "library.sqlite3"))
    app = _app("pages/compare.py")
    next(button for button in app.button if button.label == "Compare").click().run()
    assert not app.exception, app.exception
    comparison = app.session_state["comparison"]
    assert problems(comparison, ComparisonJSON) == []
    assert comparison["alignment"]  # a real comparison, not an empty shell
    store = open_store()
    assert store is not None
    (owner,) = _owners(store)
    (saved,) = store.page(owner).entries
    assert problems(saved.document, ComparisonRecord) == []
    store.engine.dispose()
    del app.session_state["comparison"]
    _open_first(app)
    assert app.session_state["comparison"] == comparison  # reopened from the library as it was made
    assert any(element.value == "Where the versions differ" for element in app.subheader)  # on the Compare page


def test_a_saved_summary_reopens_as_the_record_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAAR_DB", str(tmp_path / "library.sqlite3"))
    app = _summarize(_app("pages/summarize.py"), ARTICLE)
    (made,) = app.session_state["history"][0]["documents"]
    app.session_state["history"] = []  # a new session of the same browser: only the library has it
    _open_first(app)
    (batch,) = app.session_state["history"]
    assert problems(batch, BatchRecord) == []
    assert batch["documents"] == [made]
    assert app.session_state["current_batch"] == batch["id"]


def _owners(store: Store) -> set[str]:
    with store.engine.connect() as connection:
        return set(connection.execute(select(Entry.owner)).scalars())
