"""Where SQLite and Postgres differ outside full-text search (``bot.store.search_backend``):
the upsert statement, inserting many rows at once, and cutting a search off at its deadline."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Table, insert, text
from sqlalchemy.dialects.sqlite import Insert as SqliteInsert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError, OperationalError

from bot.errors import SearchTimeout

if TYPE_CHECKING:
    from sqlalchemy.dialects.postgresql import Insert as PgInsert

# Postgres's modules (psycopg, SQLAlchemy's dialect: 70 ms) are imported when a Postgres
# connection first needs them, never by a command answering from an SQLite archive.


def insert_for(conn: Connection) -> Callable[[Table], PgInsert | SqliteInsert]:
    """The INSERT of this connection's backend that can say ON CONFLICT (do nothing, update):
    ``insert_for(conn)(table).values(…).on_conflict_do_nothing()``."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert
    return sqlite_insert


@contextmanager
def time_budget(conn: Connection, deadline: float | None, shared: bool) -> Iterator[None]:
    """Cut the statements run inside off at ``deadline``; SearchTimeout when they were.
    ``shared``: other reads follow on this connection's transaction (``one_connection``)."""
    if deadline is None:
        yield
        return
    left_ms = int((deadline - time.monotonic()) * 1000)
    if left_ms <= 0:
        raise SearchTimeout("no time left for this search")
    raw: Any = conn.connection.driver_connection
    sqlite = conn.dialect.name == "sqlite"
    if sqlite:
        raw.set_progress_handler(lambda: int(time.monotonic() > deadline), 1000)
    else:  # for this transaction only: rolled back with it when the connection is returned
        conn.execute(text(f"SET LOCAL statement_timeout = {max(left_ms, 10)}"))
    try:
        yield
    except OperationalError as exc:
        if time.monotonic() > deadline or "cancel" in str(exc).lower():
            # A cancelled statement aborts its transaction: end it, so the reads that share
            # this connection (``Store.one_connection``) can go on.
            conn.rollback()
            raise SearchTimeout("the search ran out of time") from exc
        raise
    else:
        if shared and not sqlite:  # the reads after the search are not the search's to cut
            conn.execute(text("SET LOCAL statement_timeout TO DEFAULT"))
    finally:
        if sqlite:
            raw.set_progress_handler(None, 0)


def bulk_insert(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert many rows in one go. On Postgres through COPY: psycopg's executemany sends one
    INSERT a row, and parsing and planning them cost the server more than the rows; COPY
    streams them into the same transaction (5,000 articles: see the README's figures)."""
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        conn.execute(insert(table), rows)
        return
    import psycopg

    columns = list(rows[0])
    driver = conn.connection.driver_connection
    assert driver is not None
    names = ", ".join(f'"{c}"' for c in columns)
    statement = f"COPY {table.name} ({names}) FROM STDIN"
    try:
        with driver.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row([row[c] for c in columns])
    except psycopg.IntegrityError as exc:
        # As SQLAlchemy would raise it: another ingester stored these articles first.
        raise IntegrityError(statement, None, exc) from exc
