"""Alembic's environment: migrations run on the connection `storage.schema.upgrade` passes in, inside its
transaction (SQLite and PostgreSQL both change tables transactionally: a failed upgrade leaves the old schema)."""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, render_as_batch=True)  # batch: SQLite alters a table by copying it
with context.begin_transaction():
    context.run_migrations()
