"""A fresh saved library for each test: a SQLite file in the test's temporary folder, and, where SAAR_TEST_POSTGRES
names a PostgreSQL server (`.ci/run` starts one), a fresh database on it, dropped afterwards."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, make_url

from summarizers.storage import Store, open_store

POSTGRES = os.environ.get("SAAR_TEST_POSTGRES", "")
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)]


def postgres_database() -> Iterator[str]:
    """A new database on the test server, its URL while the test runs, dropped when it ends."""
    if not POSTGRES:
        pytest.skip("no PostgreSQL server: SAAR_TEST_POSTGRES is not set (bash .ci/run starts one)")
    name = f"saar_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(POSTGRES).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """SAAR_DB's value for one test: a SQLite file path, or a PostgreSQL URL."""
    if request.param == "sqlite":
        yield str(tmp_path / "library.sqlite3")
    else:
        yield from postgres_database()


@pytest.fixture
def store(database: str) -> Iterator[Store]:
    opened = open_store(database)
    assert opened is not None
    yield opened
    opened.engine.dispose()


def document(text: str, title: str = "", langs: tuple[str, ...] = ("en",), **extra: Any) -> dict[str, Any]:
    """A document in the app's form, as `summarizers.schema.document_record` and the Summarize page make it."""
    middle = len(text) // 2
    return {
        "name": "pasted text",
        "text": text,
        "title": title or text[:30],
        "source": "pasted text",
        "created": "2026-12-06 21:00 UTC",
        "settings": {"method": "extractive", "length": "medium", "sentences": None, "share": None, "form": "bullets"},
        "language": langs[0],
        "shares": {lang: round(1 / len(langs), 2) for lang in langs},
        "segments": [
            {"lang": langs[0], "start": 0, "end": middle, "text": text[:middle], "boilerplate": False},
            {"lang": langs[-1], "start": middle, "end": len(text), "text": text[middle:], "boilerplate": True,
             "reason": "menu"},
        ],
        "summaries": [
            {"lang": lang, "method": "extractive", "model": "saar-extractive", "text": text[:20], "notice": None,
             "sentences": [{"text": text[:20], "supported": True, "sources": [{"start": 0, "end": 20, "score": 0.5}]}]}
            for lang in langs
        ],
        "notices": [],
        **extra,
    }  # fmt: skip
