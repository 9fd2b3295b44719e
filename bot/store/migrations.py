"""A small versioned schema runner: ``quotebot migrate``, also run on every store open."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, delete, insert, inspect, select, text, update

from bot.store import schema as s
from bot.store.search_backend import SearchBackend

Migration = Callable[[Connection, SearchBackend], None]


def _v1(conn: Connection, backend: SearchBackend) -> None:
    """Version 1: every table, and the search backend's indexes."""
    s.metadata.create_all(conn)
    backend.create(conn)


def _v2(conn: Connection, backend: SearchBackend) -> None:
    """Version 2: the search backend's stored search columns (Postgres: ``tsv``)."""
    backend.upgrade(conn, 2)


def _v3(conn: Connection, backend: SearchBackend) -> None:
    """Version 3: when a digest was last attempted (Slack's answer may arrive late)."""
    columns = {c["name"] for c in inspect(conn).get_columns("digests")}
    if "last_attempt_at" not in columns:  # a store created at v3 already has it
        conn.execute(
            text("ALTER TABLE digests ADD COLUMN last_attempt_at TIMESTAMP WITH TIME ZONE")
        )


def _v4(conn: Connection, backend: SearchBackend) -> None:
    """Version 4: web sources (conditional-GET state per URL) and article versions."""
    s.fetch_state.create(conn, checkfirst=True)
    s.article_versions.create(conn, checkfirst=True)


def _v5(conn: Connection, backend: SearchBackend) -> None:
    """Version 5: the desk's corrections, "not a quote" marks and checks."""
    s.desk_checks.create(conn, checkfirst=True)


def _v6(conn: Connection, backend: SearchBackend) -> None:
    """Version 6: watchlists and their alerts."""
    s.watches.create(conn, checkfirst=True)
    s.watch_alerts.create(conn, checkfirst=True)


def _v7(conn: Connection, backend: SearchBackend) -> None:
    """Version 7: quotes by role ("the health secretary"), which scanned every quote (2 s
    at 1M quotes on Postgres) without an index."""
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_quotes_role_lower ON quotes (lower(role))"))


def _v8(conn: Connection, backend: SearchBackend) -> None:
    """Version 8: the articles that are not active (a few, usually none), so that searches
    drop their quotes by asking for them instead of joining every candidate to its article
    (9–23 ms for 500 candidates on Postgres at 1M quotes); desk checks by the words."""
    conn.execute(
        text(
            f"CREATE INDEX IF NOT EXISTS {s.NOT_ACTIVE_INDEX} ON articles (id) "
            "WHERE status <> 'active'"
        )
    )
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_desk_checks_norm ON desk_checks (quote_norm)"))


def _v9(conn: Connection, backend: SearchBackend) -> None:
    """Version 9: the search backend's word pairs (Postgres: phrases of function words)."""
    backend.upgrade(conn, 9)


def _v10(conn: Connection, backend: SearchBackend) -> None:
    """Version 10: the language of each searched row (``lang``; rows already archived are
    "en", as they were indexed), and the search backend's index by it (Postgres: ``tsv`` in
    that language's text-search configuration)."""
    for table in (s.paragraphs, s.quotes, s.reports):
        columns = {c["name"] for c in inspect(conn).get_columns(table.name)}
        if "lang" not in columns:  # a store created at v10 already has it
            conn.execute(
                text(f"ALTER TABLE {table.name} ADD COLUMN lang VARCHAR(8) NOT NULL DEFAULT 'en'")
            )
    backend.upgrade(conn, 10)
    # The stored articles are read again by ``quotebot migrate`` or the next ingest, which
    # gives their rows their language.
    conn.execute(delete(s.meta).where(s.meta.c.key == s.EXTRACTION_STAMP))


def _v11(conn: Connection, backend: SearchBackend) -> None:
    """Version 11: the search backend's word pairs (SQLite: phrases of common words)."""
    backend.upgrade(conn, 11)


# Append new versions here; never edit a released one.
MIGRATIONS: dict[int, Migration] = {
    1: _v1,
    2: _v2,
    3: _v3,
    4: _v4,
    5: _v5,
    6: _v6,
    7: _v7,
    8: _v8,
    9: _v9,
    10: _v10,
    11: _v11,
}
LATEST = max(MIGRATIONS)


def current_version(conn: Connection) -> int:
    """The schema version recorded in the database (0 for an empty one)."""
    s.meta.create(conn, checkfirst=True)
    row = conn.execute(select(s.meta.c.value).where(s.meta.c.key == "schema")).first()
    return int(row[0]) if row else 0


def recorded_version(conn: Connection) -> int:
    """The schema version recorded, read without writing anything (0: none recorded)."""
    if not inspect(conn).has_table(s.meta.name):
        return 0
    row = conn.execute(select(s.meta.c.value).where(s.meta.c.key == "schema")).first()
    return int(row[0]) if row else 0


def migrate(conn: Connection, backend: SearchBackend) -> tuple[int, int]:
    """Apply pending migrations in order; returns (version before, version after)."""
    before = current_version(conn)
    version = before
    for number in sorted(MIGRATIONS):
        if number > version:
            MIGRATIONS[number](conn, backend)
            version = number
    # An up-to-date schema takes no locks: index DDL here would block other processes' writes.
    if version != before:
        if before == 0:
            conn.execute(insert(s.meta).values(key="schema", value=str(version)))
        else:
            conn.execute(update(s.meta).where(s.meta.c.key == "schema").values(value=str(version)))
    return before, version
