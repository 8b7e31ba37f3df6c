"""Alembic migrations of the saved library, run by `storage.schema.upgrade` whenever a store is opened."""
