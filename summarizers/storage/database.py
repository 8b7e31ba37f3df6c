"""Connecting to the saved library's database and bringing its tables up to date.

SQLite is tuned for a server with many sessions: write-ahead logging (readers never wait for the writer, and a
process killed mid-write leaves the last committed state), `synchronous=NORMAL` (safe with WAL against a killed
process; a power cut may lose the last commits, never the file), every transaction taking the write lock at its
start (`BEGIN IMMEDIATE`: two writers queue behind the busy timeout instead of failing on an upgrade from reading to
writing), foreign keys on (deleting an entry deletes its languages and link), and `secure_delete` (a deleted
entry's text is overwritten, not left in free pages)."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from summarizers.errors import StorageError

MIGRATIONS = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 30_000  # a writer waits this long for another; saves take milliseconds
HEAD = "head"


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # transactions are begun by `_begin_immediate`, not by the driver
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA secure_delete = ON")
    cursor.close()


def _begin_immediate(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def connect(url: str) -> Engine:
    """An engine for the URL; for SQLite the file's folder is made and the connection tuned (module docstring)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:":
        try:
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise storage_error(error) from error
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _begin_immediate)
    return engine


def upgrade(engine: Engine, revision: str = HEAD) -> None:
    """Brings the tables to `revision` (the newest by default) in one transaction: a database made by an older
    version is migrated, a new one created."""
    try:
        with engine.begin() as connection:
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS))
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    except (SQLAlchemyError, OSError) as error:
        raise storage_error(error) from error


def storage_error(error: BaseException) -> StorageError:
    """A database or file failure as a coded `StorageError`: read_only, full or unavailable."""
    cause: BaseException = error.orig if isinstance(error, DBAPIError) and error.orig is not None else error
    message = str(cause)
    lowered = message.lower()
    if (isinstance(cause, OSError) and cause.errno == errno.ENOSPC) or "disk is full" in lowered:
        return StorageError("full", message)
    if isinstance(cause, PermissionError) or "readonly" in lowered or "read-only" in lowered:
        return StorageError("read_only", message)
    if "unable to open database file" in lowered:
        return StorageError("read_only", message)  # SQLite's word for a folder it may not create files in
    return StorageError("unavailable", message)
