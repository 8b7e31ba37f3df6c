"""The saved library: every summarised document kept in a database (SQLite by default, PostgreSQL for a team), found
again by its owner, shared read-only through an unguessable link.

    open_store()        the library SAAR_DB names (None when it is off)
    Store               save, page through, open, delete, export, share and revoke
    Query, Page, Saved  what a page of the library asks for and gets back

Tables and their migrations: `tables.py`, `migrations/` (Alembic; a newer version upgrades an older file when it
opens it)."""

from summarizers.storage.location import database_url
from summarizers.storage.store import Page, Query, Saved, Store, open_store

__all__ = ["Page", "Query", "Saved", "Store", "database_url", "open_store"]
