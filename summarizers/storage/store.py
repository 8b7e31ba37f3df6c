"""The saved library: one owner's summarised documents, saved, paged through, opened, deleted, exported and shared.

Documents go in and come out in the app's form (`schema.DocumentRecord`: the command line's result fields plus
"name", "text", "title", "source", "created", "settings"), so a reopened entry is shown exactly as it was made.
Every database failure comes out as a `StorageError` with a code; the caller decides how to say it."""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, Engine, delete, exists, func, or_, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from summarizers.schema import SCHEMA_VERSION
from summarizers.storage.database import connect, storage_error, upgrade
from summarizers.storage.location import database_url
from summarizers.storage.tables import Entry, EntryLanguage, Link

TOKEN_BYTES = 24  # 192 bits: a link cannot be guessed
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{32}")  # what secrets.token_urlsafe(24) writes
# Fields kept in their own columns, not in the record.
COLUMN_FIELDS = ("name", "text", "title", "source")
# Fields only the app keeps; the export leaves them out of the command line's form (as pages/_views/report does).
APP_FIELDS = ("name", "text", "title", "source", "created", "settings", "id", "entry_id")
PAGE_SIZE = 20


@dataclass(frozen=True)
class Query:
    """One page of the library: words to find in the title or text, one summary language, a range of days
    (inclusive, UTC), and where the page starts."""

    words: str = ""
    language: str | None = None
    since: date | None = None
    until: date | None = None
    offset: int = 0
    limit: int = PAGE_SIZE


@dataclass(frozen=True)
class Saved:
    """A saved document: its id in this library, when it was saved, the document as the app shows it, and its
    link's token where it has one."""

    id: int
    created: datetime
    document: dict[str, Any]
    link: str | None = None
    kind: str = "summary"  # or "comparison": the Compare page's result ("comparison", "texts", "reader")


@dataclass(frozen=True)
class Page:
    entries: list[Saved] = field(default_factory=list)
    total: int = 0  # entries matching the query, over all pages


def _record(document: Mapping[str, Any]) -> dict[str, Any]:
    """The document without its column fields, its segments without their text (a slice of the document's)."""
    record = {key: value for key, value in document.items() if key not in (*COLUMN_FIELDS, "entry_id")}
    if "segments" in record:
        record["segments"] = [{k: v for k, v in segment.items() if k != "text"} for segment in record["segments"]]
    return record


def _document(entry: Entry) -> dict[str, Any]:
    document: dict[str, Any] = {**entry.record, "name": entry.name, "text": entry.text}
    if entry.title:
        document["title"] = entry.title
    if entry.source:
        document["source"] = entry.source
    if "segments" in document:
        document["segments"] = [
            {**segment, "text": entry.text[segment["start"] : segment["end"]]} for segment in document["segments"]
        ]
    document["entry_id"] = entry.id
    return document


def _languages(document: Mapping[str, Any]) -> set[str]:
    """The languages a document's summaries are in (a comparison's: those of both sides)."""
    sides = document.get("comparison", {}).get("sides", [])
    summaries = [*document.get("summaries", []), *(summary for side in sides for summary in side.get("summaries", []))]
    return {str(summary["lang"]) for summary in summaries}


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def valid_token(token: object) -> bool:
    return isinstance(token, str) and TOKEN_PATTERN.fullmatch(token) is not None


class Store:
    """The library in one database. Thread-safe: each call has its own session, and SQLite writers queue."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    def _session(self) -> Session:
        return self._sessions()

    def save(self, owner: str, batch: str, documents: Sequence[Mapping[str, Any]], kind: str = "summary") -> list[int]:
        """Saves a run's documents in one transaction (all or none); documents that could not be read (an "error"
        entry, nothing to reopen) are left out. Returns the new entries' ids in order."""
        now = datetime.now(UTC)
        entries = [
            Entry(
                owner=owner,
                batch=batch,
                position=position,
                created=now,
                kind=kind,
                title=str(document.get("title") or ""),
                name=str(document.get("name") or ""),
                source=str(document.get("source") or ""),
                text=str(document.get("text") or ""),
                record=_record(document),
            )
            for position, document in enumerate(documents)
            if "error" not in document
        ]
        try:
            with self._session() as session, session.begin():
                session.add_all(entries)
                session.flush()
                session.add_all(
                    EntryLanguage(entry_id=entry.id, lang=lang)
                    for entry, document in zip(entries, (d for d in documents if "error" not in d), strict=True)
                    for lang in sorted(_languages(document))
                )
        except SQLAlchemyError as error:
            raise storage_error(error) from error
        return [entry.id for entry in entries]

    def page(self, owner: str, query: Query = Query()) -> Page:
        """One page of the owner's entries, newest first, and how many match in all."""
        conditions = [Entry.owner == owner]
        words = query.words.strip()
        if words:
            conditions.append(
                or_(Entry.title.icontains(words, autoescape=True), Entry.text.icontains(words, autoescape=True))
            )
        if query.language:
            conditions.append(exists().where(EntryLanguage.entry_id == Entry.id, EntryLanguage.lang == query.language))
        if query.since is not None:
            conditions.append(Entry.created >= _day_start(query.since))
        if query.until is not None:
            conditions.append(Entry.created < _day_start(query.until + timedelta(days=1)))
        listing = (
            select(Entry, Link.token)
            .outerjoin(Link, Link.entry_id == Entry.id)
            .where(*conditions)
            .order_by(Entry.created.desc(), Entry.id.desc())
            .offset(max(query.offset, 0))
            .limit(max(query.limit, 1))
        )
        try:
            with self._session() as session, session.begin():
                total = session.scalar(select(func.count()).select_from(Entry).where(*conditions)) or 0
                rows = session.execute(listing).all()
                entries = [
                    Saved(entry.id, _utc(entry.created), _document(entry), token, entry.kind) for entry, token in rows
                ]
        except SQLAlchemyError as error:
            raise storage_error(error) from error
        return Page(entries, int(total))

    def entry(self, owner: str, entry_id: int) -> Saved | None:
        try:
            with self._session() as session, session.begin():
                row = session.execute(
                    select(Entry, Link.token)
                    .outerjoin(Link, Link.entry_id == Entry.id)
                    .where(Entry.id == entry_id, Entry.owner == owner)
                ).first()
                return (
                    None
                    if row is None
                    else Saved(row[0].id, _utc(row[0].created), _document(row[0]), row[1], row[0].kind)
                )
        except SQLAlchemyError as error:
            raise storage_error(error) from error

    def delete(self, owner: str, entry_id: int) -> bool:
        """Deletes the entry, its languages and its link; its text is gone from the database (not marked deleted).
        On SQLite the freed pages are zeroed (`secure_delete`) and the write-ahead log, which still holds the old
        pages, is folded in and emptied."""
        try:
            with self._session() as session, session.begin():
                removal = delete(Entry).where(Entry.id == entry_id, Entry.owner == owner)
                deleted = cast(CursorResult[Any], session.execute(removal)).rowcount
            if deleted and self.engine.dialect.name == "sqlite":
                self._empty_log()
        except SQLAlchemyError as error:
            raise storage_error(error) from error
        return bool(deleted)

    def _empty_log(self) -> None:
        # Outside any transaction (a checkpoint cannot run inside one), on the driver's connection. A reader busy
        # with old pages makes it return early: the log is then emptied by a later delete or SQLite's own checkpoint.
        raw = self.engine.raw_connection()
        try:
            raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[union-attr]
        finally:
            raw.close()

    def export(self, owner: str, batch_size: int = 100) -> Iterator[dict[str, Any]]:
        """Every entry of the owner, oldest first, as a line of the `batch` command's output (`{"id",
        "schema_version", ...the result}`) with "path" as `summarize --json` writes it, plus "title" and "created";
        read a hundred at a time, so a huge library is never held in memory whole."""
        last_id = 0
        while True:
            try:
                with self._session() as session, session.begin():
                    following = select(Entry).where(Entry.owner == owner, Entry.id > last_id)
                    entries = session.scalars(following.order_by(Entry.id).limit(batch_size)).all()
                    documents = [_document(entry) for entry in entries]
            except SQLAlchemyError as error:
                raise storage_error(error) from error
            if not entries:
                return
            for entry, document in zip(entries, documents, strict=True):
                if entry.kind == "comparison":  # the `compare` command's form, with what the page read it as
                    yield {
                        "id": str(entry.id),
                        "schema_version": SCHEMA_VERSION,
                        "kind": "comparison",
                        "title": entry.title or entry.name,
                        "created": _utc(entry.created).isoformat(),
                        "reader": document.get("reader"),
                        **document.get("comparison", {}),
                    }
                    continue
                result = {key: value for key, value in document.items() if key not in APP_FIELDS}
                yield {
                    "id": str(entry.id),
                    "schema_version": SCHEMA_VERSION,
                    "path": entry.source or entry.name,
                    "title": entry.title or entry.name,
                    "created": _utc(entry.created).isoformat(),
                    **result,
                }
            last_id = entries[-1].id

    def share(self, owner: str, entry_id: int) -> str | None:
        """The entry's link token, made on first asking; None when the owner has no such entry."""
        try:
            with self._session() as session, session.begin():
                if session.scalar(select(Entry.id).where(Entry.id == entry_id, Entry.owner == owner)) is None:
                    return None
                token = session.scalar(select(Link.token).where(Link.entry_id == entry_id))
                if token is None:
                    token = secrets.token_urlsafe(TOKEN_BYTES)
                    session.add(Link(token=token, entry_id=entry_id, created=datetime.now(UTC)))
                return token
        except SQLAlchemyError as error:
            raise storage_error(error) from error

    def revoke(self, owner: str, entry_id: int) -> bool:
        """Ends the entry's link: its token opens nothing any more (a new share makes a new token)."""
        owned = select(Entry.id).where(Entry.id == entry_id, Entry.owner == owner).scalar_subquery()
        try:
            with self._session() as session, session.begin():
                removal = delete(Link).where(Link.entry_id == owned)
                return bool(cast(CursorResult[Any], session.execute(removal)).rowcount)
        except SQLAlchemyError as error:
            raise storage_error(error) from error

    def shared(self, token: object) -> Saved | None:
        """The entry a link opens, or None for a malformed, unknown or revoked token (never an error)."""
        if not valid_token(token):
            return None
        try:
            with self._session() as session, session.begin():
                entry = session.scalar(select(Entry).join(Link, Link.entry_id == Entry.id).where(Link.token == token))
                return (
                    None if entry is None else Saved(entry.id, _utc(entry.created), _document(entry), kind=entry.kind)
                )
        except SQLAlchemyError as error:
            raise storage_error(error) from error

    def keep_copy(self, owner: str, token: object) -> int | None:
        """Saves what a link opens into the owner's own library; None when the link opens nothing."""
        opened = self.shared(token)
        if opened is None:
            return None
        document = {key: value for key, value in opened.document.items() if key != "entry_id"}
        return self.save(owner, f"copy-{opened.id}", [document], opened.kind)[0]


def open_store(setting: str | None = None) -> Store | None:
    """The library SAAR_DB names (or `setting`), its tables brought up to date; None when saving is off. Raises
    `StorageError` when the database cannot be opened or upgraded."""
    url = database_url(setting)
    if url is None:
        return None
    engine = connect(url)
    upgrade(engine)
    return Store(engine)
