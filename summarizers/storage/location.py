"""Where the saved library lives: SAAR_DB turned into a SQLAlchemy URL, or None when saving is off."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from summarizers import settings

OFF_WORDS = ("off", "0", "no", "false", "none")
APP_NAME = "saar"
FILE_NAME = "library.sqlite3"


def default_path() -> Path:
    """The per-user data folder the platform prescribes (~/.local/share/saar on Linux)."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / FILE_NAME


def database_url(setting: str | None = None) -> str | None:
    """ "" -> the default SQLite file; "off" -> None; "postgresql+psycopg://..." (anything with "://") as it is;
    anything else is a SQLite file's path."""
    value = settings.database() if setting is None else setting.strip()
    if value.lower() in OFF_WORDS:
        return None
    if "://" in value:
        return value
    path = Path(value).expanduser() if value else default_path()
    return f"sqlite:///{path.resolve()}"
