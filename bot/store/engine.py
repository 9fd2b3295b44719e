"""Creating engines: the embedded SQLite file by default, Postgres via DATABASE_URL."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from bot.errors import ConfigError
from bot.store.faults import install


def normalise_url(url: str) -> str:
    """Heroku's ``postgres://`` becomes SQLAlchemy's ``postgresql+psycopg://``; a plain file
    path (``--db archive.db``) is an SQLite file."""
    if "://" not in url and url != ":memory:":
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


DEFAULT_WAIT_SECONDS = 30.0  # a writer waits this long for another writer's lock


def _sqlite_pragmas(wait_seconds: float) -> Callable[[Any, Any], None]:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(wait_seconds * 1000)}")
        cursor.close()

    return on_connect


def sqlite_file(url: str) -> Path | None:
    """The file behind an SQLite URL or path (None for Postgres and in-memory databases)."""
    url = normalise_url(url)
    if not url.startswith("sqlite"):
        return None
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def writable(path: Path) -> bool:
    """Whether an SQLite archive file (and the folder its write-ahead log goes in) can be
    written by this process."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def make_engine(
    url: str, read_only: bool = False, wait_seconds: float = DEFAULT_WAIT_SECONDS
) -> Engine:
    """An engine for the URL; SQLite files get WAL, foreign keys and ``wait_seconds`` of
    patience with another process's write lock, or,
    ``read_only``, are opened as unchanging files (no journal, no locks: a read-only file and
    folder answer questions all the same). Database faults leave as one line each
    (``bot.store.faults``)."""
    url = normalise_url(url)
    try:
        parsed = make_url(url)
    except Exception as exc:  # sqlalchemy raises ArgumentError with a long message
        raise ConfigError(f"invalid database URL: {url!r}") from exc
    if parsed.get_backend_name() == "sqlite":
        # No directory is made here: a path with a typo is an error, not a new folder.
        if read_only and parsed.database:
            uri = f"sqlite:///file:{parsed.database}?mode=ro&immutable=1&uri=true"
            engine = create_engine(uri, connect_args={"check_same_thread": False})
        else:
            engine = create_engine(url, connect_args={"check_same_thread": False})
            event.listen(engine, "connect", _sqlite_pragmas(wait_seconds))
    elif parsed.get_backend_name() == "postgresql":
        engine = create_engine(url, pool_pre_ping=True)
    else:
        raise ConfigError(
            f"unsupported database {parsed.get_backend_name()!r}: use SQLite or Postgres"
        )
    install(engine, location(url))
    return engine


def location(url: str) -> str:
    """Where an archive is, as a person reads it: its file, or its server and database
    (never the password)."""
    path = sqlite_file(url)
    if path is not None:
        return str(path)
    return make_url(normalise_url(url)).render_as_string(hide_password=True)
