"""One archive database: the engine and its connections (one shared per thread for an
answer's reads), schema checks and migrations, and the feature repositories that read and
write it — ingest, quotes, articles, speakers, the desk — each in its own module. Dialect
differences (upsert, bulk insert, time budgets) are ``bot.store.dialects``'s; full-text search
is each backend's (``bot.store.search_backend``)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, select, text
from sqlalchemy.exc import OperationalError

from bot.errors import StoreConnectionLost, StoreReadOnly, StoreUnavailable
from bot.store import schema as s
from bot.store.engine import DEFAULT_WAIT_SECONDS, location, make_engine, sqlite_file, writable
from bot.store.faults import damaged
from bot.store.search_backend import SearchBackend, backend_for

if TYPE_CHECKING:
    from bot.store.articles_repo import ArticleRepository
    from bot.store.desk_repo import DeskRepository
    from bot.store.ingest_repo import IngestRepository
    from bot.store.quotes_repo import QuoteRepository
    from bot.store.speakers_repo import SpeakerRepository


@dataclass
class _Reading:
    """The connection a thread's reads share inside ``Store.one_connection``, and what they
    learned once for all of them."""

    conn: Connection
    any_removed: bool | None = None


class Store:
    """One archive database and its repositories (``store.ingest``, ``store.quotes``,
    ``store.articles``, ``store.speakers``, ``store.desk``)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.read_only = False  # an SQLite file opened read-only (see ``open``)
        self.location = location(str(engine.url))  # the archive's file, or its server
        self.backend: SearchBackend = backend_for(engine.dialect.name)
        self._bound = threading.local()  # this thread's _Reading, inside one_connection

    @classmethod
    def open(cls, url: str, wait_seconds: float = DEFAULT_WAIT_SECONDS) -> Store:
        """Open (and create if needed) the store at a database URL; StoreUnavailable with one
        line saying where and why when the database cannot be reached. An SQLite file this
        process cannot write is opened read-only: answers work, writes say why not.
        ``wait_seconds``: how long a write waits for another process's lock on an SQLite file
        before StoreBusy."""
        path = sqlite_file(url)
        read_only = path is not None and path.exists() and not writable(path)
        store = cls(make_engine(url, read_only=read_only, wait_seconds=wait_seconds))
        store.read_only = read_only
        store.location = location(url)
        try:
            if read_only:
                store.check_schema()
            else:
                store.ensure_schema()
        except (OperationalError, StoreConnectionLost) as exc:
            where = store.engine.url.render_as_string(hide_password=True)
            cause = exc.orig if isinstance(exc, OperationalError) else exc.__cause__
            reason = str(cause or exc).strip().splitlines()[0]
            raise StoreUnavailable(
                f"cannot open the archive at {where}: {reason} "
                "(is the server running? check --db or DATABASE_URL)"
            ) from exc
        return store

    def verify(self) -> None:
        """Read every page of an SQLite archive (``PRAGMA quick_check``): StoreDamaged when
        any is damaged, even one no command has read yet. (Postgres checks its own pages.)"""
        if self.engine.dialect.name != "sqlite":
            return
        with self.engine.connect() as conn:
            problems = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA quick_check(3)")]
        if problems != ["ok"]:
            lines = [ln for row in problems for ln in row.splitlines() if not ln.startswith("*")]
            raise damaged(f"at {self.location}", lines[0] if lines else "damaged")

    def check_schema(self) -> None:
        """A read-only archive must already be at the current schema (nothing can upgrade it
        here): StoreReadOnly saying so when it is not."""
        from bot.store.migrations import LATEST, recorded_version

        with self.engine.connect() as conn:
            version = recorded_version(conn)
        if version < LATEST:
            raise StoreReadOnly(
                f"the archive at {self.location} is read-only and needs upgrading (schema "
                f"{version} of {LATEST}): run quotebot migrate as a user who can write it"
            )

    @contextmanager
    def one_connection(self) -> Iterator[None]:
        """Reads made on this thread inside the block share one pooled connection and one
        read transaction, where each read would otherwise check a connection out (a liveness
        ping on Postgres), begin and roll back on its own: an answer makes a dozen reads (on
        Postgres at 1M quotes, its mean time fell from 11.5 to 10.6 ms). Nested blocks share
        the outer one's connection; writes keep their own."""
        if self.reading() is not None:
            yield
            return
        with self.engine.connect() as conn:
            self._bound.reading = _Reading(conn)
            try:
                yield
            finally:
                self._bound.reading = None

    def reading(self) -> _Reading | None:
        """This thread's shared reading, inside ``one_connection``."""
        reading: _Reading | None = getattr(self._bound, "reading", None)
        return reading

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """The thread's shared connection inside ``one_connection``; else a connection of its
        own for this read."""
        reading = self.reading()
        if reading is not None:
            yield reading.conn
            return
        with self.engine.connect() as conn:
            yield conn

    @property
    def reads_in_parallel(self) -> bool:
        """Whether two threads may read at once, each on its own connection: a server or a
        file (WAL); not an in-memory SQLite database, which is one per connection."""
        return self.engine.url.database not in (None, "", ":memory:")

    def ensure_schema(self) -> tuple[int, int]:
        """Apply pending schema migrations: (version before, version after)."""
        from bot.store.migrations import migrate

        with self.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                # One migrator at a time when several processes start together.
                conn.execute(text("SELECT pg_advisory_xact_lock(4242)"))
            before, after = migrate(conn, self.backend)
            self.backend.keep_current(conn)
        if 0 < before < after:
            self.refresh_statistics()  # an upgrade may add columns and indexes to a full store
        return before, after

    def is_empty(self) -> bool:
        """Whether no article has ever been indexed."""
        with self.read() as conn:
            return conn.execute(select(s.articles.c.id).limit(1)).first() is None

    def refresh_statistics(self) -> None:
        """Tidy up after a bulk load. On Postgres, VACUUM ANALYZE: the planner sees the new rows
        (else it may scan instead of using GIN), and the GIN indexes' pending lists, which every
        search would otherwise read through (p50 64 ms against 8 ms at 1M quotes), are merged.
        On SQLite, the full-text tables' segments are merged (``SQLiteFTS.tidy``), the
        planner's statistics refreshed and the write-ahead log emptied."""
        if self.engine.dialect.name == "postgresql":
            # VACUUM cannot run inside a transaction block.
            with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                for table in ("articles", "paragraphs", "quotes", "reports", "speakers"):
                    conn.execute(text(f"VACUUM (ANALYZE) {table}"))
        else:
            with self.engine.begin() as conn:
                self.backend.tidy(conn)
                conn.execute(text("PRAGMA optimize"))
            # A bulk load, and the merge above most of all, leave the write-ahead log as large
            # as what they wrote (SQLite reuses it but never shrinks it): give the disk back.
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    # -- the repositories, made on first use ------------------------------------------------
    @cached_property
    def ingest(self) -> IngestRepository:
        """Writes for ingest: stored files, runs, articles with their quotes."""
        from bot.store.ingest_repo import IngestRepository

        return IngestRepository(self)

    @cached_property
    def quotes(self) -> QuoteRepository:
        """Quotes and reported speech for answers."""
        from bot.store.quotes_repo import QuoteRepository

        return QuoteRepository(self)

    @cached_property
    def articles(self) -> ArticleRepository:
        """Articles and paragraphs for answers and pages; the archive's counts."""
        from bot.store.articles_repo import ArticleRepository

        return ArticleRepository(self)

    @cached_property
    def speakers(self) -> SpeakerRepository:
        """Speakers by any name editors use; a speaker's record."""
        from bot.store.speakers_repo import SpeakerRepository

        return SpeakerRepository(self)

    @cached_property
    def desk(self) -> DeskRepository:
        """The desk's corrections and checks."""
        from bot.store.desk_repo import DeskRepository

        return DeskRepository(self)
