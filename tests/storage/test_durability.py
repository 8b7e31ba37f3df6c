"""Nothing lost: an older database is upgraded, two writers at once lose nothing, a process killed mid-save loses at
most the document in flight and leaves a sound file, and a disk that cannot be written is a coded error."""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from alembic.migration import MigrationContext
from sqlalchemy import event, inspect

from summarizers.errors import StorageError
from summarizers.storage import Query, open_store
from summarizers.storage.database import connect, upgrade
from tests.conftest import ROOT
from tests.storage.conftest import document

WRITER = """
import sys
from summarizers.storage import Query, open_store
from tests.storage.conftest import document

store = open_store(sys.argv[1])
for n in range(100000):
    [entry_id] = store.save("writer", f"run-{n}", [document("Saved article number %d. " % n * 40)])
    print(entry_id, flush=True)  # said only once the save has committed
"""


def test_a_database_made_by_the_first_version_is_upgraded_with_its_entries(database: str) -> None:
    first = connect(database if "://" in database else f"sqlite:///{database}")
    upgrade(first, "0001")  # the tables as the first version made them: no links yet
    with first.begin() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == "0001"
    assert "links" not in inspect(first).get_table_names()
    first.dispose()
    older = open_store(database)
    assert older is not None
    [entry_id] = older.save("alice", "r", [document("Written before links existed.")])
    older.engine.dispose()
    # Reopened (as a new version of the app would): upgraded to the newest tables, the entry still there.
    store = open_store(database)
    assert store is not None
    with store.engine.begin() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == "0002"
    assert store.share("alice", entry_id) is not None
    assert store.page("alice").total == 1
    store.engine.dispose()


def test_two_writers_at_once_lose_nothing(database: str) -> None:
    stores = [open_store(database) for _ in range(2)]  # two engines: two app servers on one database
    saved: list[list[int]] = [[], []]
    failures: list[BaseException] = []

    def write(index: int) -> None:
        store = stores[index]
        assert store is not None
        try:
            for n in range(25):
                saved[index] += store.save(f"writer-{index}", f"r{n}", [document(f"Writer {index} article {n}.")])
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=write, args=(index,)) for index in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    store = stores[0]
    assert store is not None
    for index in range(2):
        page = store.page(f"writer-{index}", _all())
        assert sorted(saved.id for saved in page.entries) == sorted(saved[index])
        assert page.total == 25
    for opened in stores:
        assert opened is not None
        opened.engine.dispose()


def _all() -> Query:
    return Query(limit=1000)


@pytest.mark.parametrize("after", [5, 40])
def test_a_writer_killed_mid_save_loses_at_most_the_save_in_flight(tmp_path: Path, after: int) -> None:
    path = tmp_path / "library.sqlite3"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)], cwd=ROOT, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert writer.stdout is not None
    committed = [int(writer.stdout.readline()) for _ in range(after)]
    writer.send_signal(signal.SIGKILL)
    committed += [int(line) for line in writer.stdout.read().split()]  # acknowledged before the kill landed
    writer.wait(timeout=30)
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    store = open_store(str(path))
    assert store is not None
    kept = {saved.id for saved in store.page("writer", _all()).entries}
    assert set(committed) <= kept  # every acknowledged save survived
    assert len(kept - set(committed)) <= 1  # at most the one in flight, committed but not yet acknowledged
    store.save("writer", "after", [document("The library still takes new work.")])
    store.engine.dispose()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through any file mode")
def test_a_read_only_folder_is_a_coded_error(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    with pytest.raises(StorageError) as caught:
        open_store(str(folder / "library.sqlite3"))
    assert caught.value.code == "read_only"


def test_a_read_only_database_is_a_coded_error(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    store = open_store(str(path))
    assert store is not None
    store.save("alice", "r", [document("Saved while the disk was writable.")])
    store.engine.dispose()
    # SQLite's read-only mode stands in for a disk mounted read-only (a file's mode does not stop root): what is
    # saved can still be read, and a save is a coded error.
    readonly = open_store(f"sqlite:///file:{path}?mode=ro&uri=true")
    assert readonly is not None
    assert readonly.page("alice").total == 1
    with pytest.raises(StorageError) as caught:
        readonly.save("alice", "r", [document("Written on a read-only disk.")])
    assert caught.value.code == "read_only"
    readonly.engine.dispose()


def test_a_full_disk_is_a_coded_error(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    store = open_store(str(path))
    assert store is not None
    store.save("alice", "r", [document("Saved before the disk filled up.")])
    with store.engine.connect() as connection:
        pages = int(connection.exec_driver_sql("PRAGMA page_count").scalar() or 0)

    def cap(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # A database capped at its present size stands in for a full disk: SQLite says "database or disk is full".
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 1}")

    event.listen(store.engine, "connect", cap)
    store.engine.dispose()  # every connection from now on is capped
    with pytest.raises(StorageError) as caught:
        store.save("alice", "r", [document(f"A long article {n}. " * 400) for n in range(20)])
    assert caught.value.code == "full"
    assert store.page("alice", _all()).total >= 1  # what was saved can still be read
    store.engine.dispose()
