"""The saved library's tables. A change here comes with a migration in `migrations/versions/`, so an older database
is upgraded when a newer version opens it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Entry(Base):
    """One summarised document: what was read (never the uploaded bytes) and the whole result, enough to show it again
    exactly. `record` is the result in the command line's JSON form, its segments without their text (each is a slice
    of `text`, put back on reading)."""

    __tablename__ = "entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    owner: Mapped[str] = mapped_column(String(80))  # a browser's or a login's key, hashed (see pages/identity.py)
    batch: Mapped[str] = mapped_column(String(40))  # documents summarised in one run share it
    position: Mapped[int] = mapped_column(Integer)
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    kind: Mapped[str] = mapped_column(String(16))  # "summary" or "comparison"
    title: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    record: Mapped[dict[str, Any]] = mapped_column(JSON)

    __table_args__ = (Index("ix_entries_owner_created", "owner", "created"),)


class EntryLanguage(Base):
    """The languages an entry has a summary in, for the library's language filter."""

    __tablename__ = "entry_languages"

    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True)
    lang: Mapped[str] = mapped_column(String(16), primary_key=True)


class Link(Base):
    """A read-only link to one entry: the token is the link's secret (never a row number)."""

    __tablename__ = "links"

    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), unique=True)
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True))
