"""The store's reads and writes (dialect-neutral SQL): models out; articles in as models or,
from a bulk import's workers, as their rows (``bot.store.rows``)."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import psycopg
from sqlalchemy import (
    Connection,
    Engine,
    Row,
    Table,
    and_,
    delete,
    func,
    insert,
    literal_column,
    or_,
    select,
    text,
    tuple_,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError, OperationalError

from bot.errors import (
    SearchTimeout,
    StoreConnectionLost,
    StoreReadOnly,
    StoreUnavailable,
)
from bot.models import (
    ArticleMeta,
    CheckKind,
    DeskCheck,
    ExtractedArticle,
    ParagraphRecord,
    QuoteRecord,
    ReportRecord,
    Stats,
    Validators,
)
from bot.search.normalize import norm
from bot.store import schema as s
from bot.store.engine import DEFAULT_WAIT_SECONDS, location, make_engine, sqlite_file, writable
from bot.store.faults import damaged
from bot.store.rows import ArticleRows, article_rows
from bot.store.search_backend import Kind, SearchBackend, SearchQuery, backend_for
from bot.wordlists import word_set

AnyRow = Row[*tuple[Any, ...]]  # a result row of any shape, read by column label
# What every read shows of an article, labelled so rows are read by name (``Store._meta``).
META_COLUMNS = (
    s.articles.c.id.label("article_id"),
    s.articles.c.title.label("article_title"),
    s.articles.c.published.label("article_published"),
    s.articles.c.url.label("article_url"),
    s.articles.c.outlet.label("article_outlet"),
    s.articles.c.byline.label("article_byline"),
)
# An ingest run unfinished after this long was killed: it is marked aborted.
ABANDONED = timedelta(hours=1)
# "Mr Musk", "Sir Keir Starmer", "the health secretary": what to drop to find the name.
# "Mr Musk", "the health secretary": the words before a name an editor may type (a data file)
TITLE_PREFIX = re.compile(
    rf"^(?:(?:{'|'.join(sorted(word_set('title_prefixes', package='bot.search')))})\.?\s+)+"
)


@contextmanager
def _time_budget(conn: Connection, deadline: float | None, shared: bool) -> Iterator[None]:
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


def _bulk_insert(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert many rows in one go. On Postgres through COPY: psycopg's executemany sends one
    INSERT a row, and parsing and planning them cost the server more than the rows; COPY
    streams them into the same transaction (5,000 articles: see the README's figures)."""
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        conn.execute(insert(table), rows)
        return
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


def _desk_check(row: AnyRow) -> DeskCheck:
    m = row._mapping
    return DeskCheck(
        id=m["id"],
        article_id=m["article_id"],
        quote=m["quote"],
        kind=m["kind"],
        speaker=m["speaker"],
        original_speaker=m["original_speaker"],
        note=m["note"],
        user=m["user"],
        at=aware(m["at"]),
        withdrawn_by=m["withdrawn_by"],
        withdrawn_at=aware(m["withdrawn_at"]) if m["withdrawn_at"] else None,
    )


def aware(moment: datetime) -> datetime:
    """SQLite hands timestamps back without their zone; they were written in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def now() -> datetime:
    """The current time (UTC)."""
    return datetime.now(UTC)


@dataclass
class _Reading:
    """The connection a thread's reads share inside ``Store.one_connection``, and what they
    learned once for all of them."""

    conn: Connection
    any_removed: bool | None = None


@dataclass(frozen=True)
class StoredFile:
    """What the store knows about one source file."""

    article_ids: tuple[str, ...]
    content_hash: str | None


class Store:
    """One database: schema, writes for ingest, reads for answers."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.read_only = False  # an SQLite file opened read-only (see ``open``)
        self.location = location(str(engine.url))  # the archive's file, or its server
        self.backend: SearchBackend = backend_for(engine.dialect.name)
        self._speakers: dict[str, int] = {}  # name -> id; speakers are never deleted
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
        if self._reading() is not None:
            yield
            return
        with self.engine.connect() as conn:
            self._bound.reading = _Reading(conn)
            try:
                yield
            finally:
                self._bound.reading = None

    def _reading(self) -> _Reading | None:
        """This thread's shared reading, inside ``one_connection``."""
        reading: _Reading | None = getattr(self._bound, "reading", None)
        return reading

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        """The thread's shared connection inside ``one_connection``; else a connection of its
        own for this read."""
        reading = self._reading()
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
        if 0 < before < after:
            self.refresh_statistics()  # an upgrade may add columns and indexes to a full store
        return before, after

    # -- ingest writes --------------------------------------------------------------------
    def is_empty(self) -> bool:
        """Whether no article has ever been indexed."""
        with self._read() as conn:
            return conn.execute(select(s.articles.c.id).limit(1)).first() is None

    def stored_files(self) -> dict[str, StoredFile]:
        """Active articles grouped by source path."""
        out: dict[str, list[tuple[str, str | None]]] = {}
        with self._read() as conn:
            rows = conn.execute(
                select(s.articles.c.id, s.articles.c.source, s.articles.c.content_hash).where(
                    s.articles.c.status == "active"
                )
            )
            for article_id, source, digest in rows:
                out.setdefault(source or "", []).append((article_id, digest))
        return {
            src: StoredFile(tuple(a for a, _ in items), items[0][1]) for src, items in out.items()
        }

    def validators(self, url: str) -> Validators | None:
        """What the server said about the URL last time (None: never fetched)."""
        with self._read() as conn:
            row = conn.execute(
                select(s.fetch_state.c.etag, s.fetch_state.c.last_modified).where(
                    s.fetch_state.c.url == url
                )
            ).first()
        return Validators(etag=row.etag, last_modified=row.last_modified) if row else None

    def save_validators(self, url: str, validators: Validators) -> None:
        """Remember the server's ETag / Last-Modified for the URL's next fetch."""
        values = {
            "etag": validators.etag,
            "last_modified": validators.last_modified,
            "checked_at": now(),
        }
        with self.engine.begin() as conn:
            upsert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
            conn.execute(
                upsert(s.fetch_state)
                .values(url=url, **values)
                .on_conflict_do_update(index_elements=[s.fetch_state.c.url], set_=values)
            )

    def versions(self, article_id: str) -> list[tuple[str, datetime]]:
        """(content hash, first seen) of every version of an article's text, oldest first."""
        with self._read() as conn:
            rows = conn.execute(
                select(s.article_versions.c.content_hash, s.article_versions.c.first_seen)
                .where(s.article_versions.c.article_id == article_id)
                .order_by(s.article_versions.c.first_seen)
            )
            return [(r.content_hash, r.first_seen) for r in rows]

    def updated_since_first_seen(self, article_ids: Sequence[str]) -> dict[str, datetime]:
        """Articles whose text changed after it was first indexed: when the current version
        was first seen."""
        v = s.article_versions
        with self._read() as conn:
            rows = conn.execute(
                select(v.c.article_id, func.max(v.c.first_seen).label("latest"))
                .where(v.c.article_id.in_(list(article_ids)))
                .group_by(v.c.article_id)
                .having(func.count() > 1)
            )
            return {r.article_id: aware(r.latest) for r in rows}

    def stored_file(self, source: str) -> StoredFile | None:
        """What the store holds from one source (a file path or an article's URL)."""
        a = s.articles
        with self._read() as conn:
            rows = conn.execute(
                select(a.c.id, a.c.content_hash).where(
                    and_(a.c.source == source, a.c.status == "active")
                )
            ).all()
        if not rows:
            return None
        return StoredFile(tuple(r[0] for r in rows), rows[0][1])

    def start_run(self) -> int:
        """Record the start of an ingest run and return its id.

        Runs left unfinished long ago (a killed process) are closed and marked aborted, so
        the history never shows a run as still going.
        """
        runs = s.ingest_runs
        with self.engine.begin() as conn:
            stale = (
                conn.execute(
                    select(runs.c.id).where(
                        and_(runs.c.finished_at.is_(None), runs.c.started_at < now() - ABANDONED)
                    )
                )
                .scalars()
                .all()
            )
            for old in stale:
                conn.execute(update(runs).where(runs.c.id == old).values(finished_at=now()))
                conn.execute(
                    insert(s.ingest_problems).values(
                        run_id=old, path="(run)", reason="aborted: the run stopped before finishing"
                    )
                )
            run_id = conn.execute(
                insert(s.ingest_runs).values(started_at=now()).returning(s.ingest_runs.c.id)
            ).scalar_one()
            return int(run_id)

    def finish_run(
        self, run_id: int, counts: dict[str, int], problems: Sequence[tuple[str, str]]
    ) -> None:
        """Record an ingest run's counts and problems."""
        with self.engine.begin() as conn:
            conn.execute(
                update(s.ingest_runs)
                .where(s.ingest_runs.c.id == run_id)
                .values(finished_at=now(), **counts)
            )
            if problems:
                conn.execute(
                    insert(s.ingest_problems),
                    [{"run_id": run_id, "path": p, "reason": r} for p, r in problems],
                )

    def forget_speaker_ids(self) -> None:
        """Drop the cached speaker ids: a rolled-back transaction took back those it inserted."""
        self._speakers.clear()

    def _speaker_id(self, conn: Connection, name: str, cache: dict[str, int]) -> int:
        if name in cache:
            return cache[name]
        upsert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
        # Another process may add the same speaker at the same moment: insert-or-ignore, then read.
        conn.execute(upsert(s.speakers).values(name=name).on_conflict_do_nothing())
        row = conn.execute(select(s.speakers.c.id).where(s.speakers.c.name == name)).first()
        assert row is not None
        cache[name] = int(row[0])
        return cache[name]

    def _delete_article(self, conn: Connection, article_id: str) -> None:
        self.delete_spoken(conn, article_id, with_paragraphs=True)
        conn.execute(delete(s.articles).where(s.articles.c.id == article_id))

    def delete_spoken(self, conn: Connection, article_id: str, with_paragraphs: bool) -> None:
        """Delete an article's quotes and reports (and paragraphs) with their search entries,
        inside the caller's transaction (for this store's repositories)."""
        tables = [("quotes", s.quotes), ("reports", s.reports)]
        if with_paragraphs:
            tables.append(("paragraphs", s.paragraphs))
        for kind, table in tables:
            ids = [
                r[0]
                for r in conn.execute(select(table.c.id).where(table.c.article_id == article_id))
            ]
            self.backend.remove(conn, kind, ids)  # type: ignore[arg-type]
            conn.execute(delete(table).where(table.c.article_id == article_id))

    def replace_articles(
        self, items: Sequence[ExtractedArticle], run_id: int, replaces: Sequence[str] = ()
    ) -> bool:
        """Write articles with their paragraphs, quotes and reports, in one transaction.

        Any previous version of each article (and the ids in ``replaces``) is deleted first, so a
        changed file's quotes are replaced, never duplicated. Returns False, writing nothing,
        when another process has just stored exactly these versions.
        """
        return self.replace_many([([article_rows(x) for x in items], replaces)], run_id)[0]

    def replace_many(
        self,
        files: Sequence[tuple[Sequence[ArticleRows], Sequence[str]]],
        run_id: int,
    ) -> list[bool]:
        """``replace_articles`` for several files in one transaction (a bulk import's batch),
        their articles already made rows (by the process that extracted them): all are
        written or, on any error, none."""
        try:
            with self.engine.begin() as conn:
                outcomes = [
                    self._prepare_replace(conn, items, replaces) for items, replaces in files
                ]
                fresh = [
                    x for (items, _), ok in zip(files, outcomes, strict=True) if ok for x in items
                ]
                self._write_articles(conn, fresh, run_id)
                return outcomes
        except Exception:
            self._speakers.clear()  # ids inserted by the rolled-back transaction are gone
            raise

    def _prepare_replace(
        self, conn: Connection, items: Sequence[ArticleRows], replaces: Sequence[str]
    ) -> bool:
        """Delete the previous versions of a file's articles; False when exactly these
        versions are already stored (nothing to write)."""
        wanted = sorted({*replaces, *(i.id for i in items)})
        new_ids = {i.id for i in items}
        hashes = {i.content_hash for i in items}
        existing = conn.execute(
            select(s.articles.c.id, s.articles.c.content_hash, s.articles.c.status).where(
                s.articles.c.id.in_(wanted)
            )
        ).all()
        if (
            {r[0] for r in existing} == new_ids
            and {r[1] for r in existing} == hashes
            and all(r[2] == "active" for r in existing)
        ):
            return False
        for article_id, _, _ in existing:
            self._delete_article(conn, article_id)
        return True

    def _write_articles(self, conn: Connection, items: Sequence[ArticleRows], run_id: int) -> None:
        """Insert articles with their paragraphs, quotes and reports: one statement per table
        for the whole batch (a bulk import writes many articles per transaction)."""
        if not items:
            return
        at = now()
        written = {"status": "active", "indexed_at": at, "ingest_run": run_id}
        _bulk_insert(conn, s.articles, [{**x.article, **written} for x in items])
        upsert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
        conn.execute(
            upsert(s.article_versions).on_conflict_do_nothing(),
            [
                {"article_id": x.id, "content_hash": x.content_hash or "", "first_seen": at}
                for x in items
            ],
        )
        paragraphs = [row for x in items for row in x.paragraphs]
        self._insert_indexed(conn, "paragraphs", paragraphs, "idx", "text")
        self.write_spoken(conn, items)

    def write_spoken(self, conn: Connection, items: Sequence[ArticleRows]) -> None:
        """Insert articles' quotes and reports with their speakers and search entries, inside
        the caller's transaction (for this store's repositories)."""
        cache = self._speakers
        # The rows are this writer's own (unpickled, or built for this call), so the speaker
        # ids are set in place; they are looked up on every write, so a batch written again
        # after a rollback never keeps an id the rollback took back.
        for x in items:
            for row, name in zip(x.quotes, x.quote_speakers, strict=True):
                row["speaker_id"] = self._speaker_id(conn, name, cache) if name else None
            for row, name in zip(x.reports, x.report_speakers, strict=True):
                row["speaker_id"] = self._speaker_id(conn, name, cache)
        self._insert_indexed(conn, "quotes", [r for x in items for r in x.quotes], "n", "norm")
        self._insert_indexed(conn, "reports", [r for x in items for r in x.reports], "n", "norm")

    def _insert_indexed(
        self, conn: Connection, kind: Kind, rows: list[dict[str, Any]], key: str, body: str
    ) -> None:
        """Insert rows in one statement and add their text to the search index.

        ``INSERT … RETURNING`` in parameter order makes SQLAlchemy send SQLite one statement
        per row; a plain executemany and one select of the new ids (by article and the row's
        number within it, unique) costs a fraction of that on both backends."""
        if not rows:
            return
        table = {"quotes": s.quotes, "reports": s.reports, "paragraphs": s.paragraphs}[kind]
        _bulk_insert(conn, table, rows)
        if not self.backend.indexes_separately:
            return  # the index follows the table: no ids to look up (a select a batch saved)
        number = table.c[key]
        found = {
            (r[0], r[1]): int(r[2])
            for r in conn.execute(
                select(table.c.article_id, number, table.c.id).where(
                    table.c.article_id.in_(sorted({r["article_id"] for r in rows}))
                )
            )
        }
        self.backend.add(conn, kind, ((found[(r["article_id"], r[key])], r[body]) for r in rows))

    def refresh_statistics(self) -> None:
        """Tidy up after a bulk load. On Postgres, VACUUM ANALYZE: the planner sees the new rows
        (else it may scan instead of using GIN), and the GIN indexes' pending lists, which every
        search would otherwise read through (p50 64 ms against 8 ms at 1M quotes), are merged."""
        if self.engine.dialect.name == "postgresql":
            # VACUUM cannot run inside a transaction block.
            with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                for table in ("articles", "paragraphs", "quotes", "reports", "speakers"):
                    conn.execute(text(f"VACUUM (ANALYZE) {table}"))
        else:
            with self.engine.begin() as conn:
                conn.execute(text("PRAGMA optimize"))

    def mark_removed(self, article_ids: Sequence[str]) -> None:
        """Mark articles whose files are gone; they stop appearing in answers."""
        if article_ids:
            with self.engine.begin() as conn:
                conn.execute(
                    update(s.articles)
                    .where(s.articles.c.id.in_(article_ids))
                    .values(status="removed")
                )

    def sync_aliases(self, aliases: dict[str, str]) -> None:
        """Store the manual aliases (alias -> canonical speaker)."""
        with self.engine.begin() as conn:
            cache: dict[str, int] = {}
            conn.execute(delete(s.aliases).where(s.aliases.c.alias.not_in(list(aliases))))
            upsert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
            for alias, name in aliases.items():
                speaker_id = self._speaker_id(conn, name, cache)
                stmt = upsert(s.aliases).values(alias=alias, speaker_id=speaker_id)
                conn.execute(
                    stmt.on_conflict_do_update(
                        index_elements=[s.aliases.c.alias], set_={"speaker_id": speaker_id}
                    )
                )

    # -- reads for answers ----------------------------------------------------------------
    def _quote_select(self):  # type: ignore[no-untyped-def]
        q, a, sp = s.quotes, s.articles, s.speakers
        return (
            select(
                q.c.id,
                q.c.n,
                q.c.text,
                sp.c.name.label("speaker"),
                q.c.role,
                q.c.confidence,
                q.c.cue,
                q.c.kind,
                q.c.paragraph,
                q.c.start,
                q.c.end,
                q.c.evidence,
                q.c.antecedent,
                *META_COLUMNS,
            )
            .select_from(
                q.join(a, q.c.article_id == a.c.id).outerjoin(sp, q.c.speaker_id == sp.c.id)
            )
            .where(a.c.status == "active")
        )

    @staticmethod
    def _meta(row: AnyRow) -> ArticleMeta:
        m = row._mapping
        return ArticleMeta(
            id=m["article_id"],
            title=m["article_title"],
            published=m["article_published"],
            url=m["article_url"],
            outlet=m["article_outlet"],
            byline=m["article_byline"],
        )

    def _quote_record(self, row: AnyRow) -> QuoteRecord:
        m = row._mapping
        return QuoteRecord(
            id=m["id"],
            n=m["n"],
            text=m["text"],
            speaker=m["speaker"],
            role=m["role"],
            confidence=m["confidence"],
            cue=m["cue"],
            kind=m["kind"],
            paragraph=m["paragraph"],
            start=m["start"],
            end=m["end"],
            evidence=m["evidence"],
            antecedent=m["antecedent"],
            article=self._meta(row),
        )

    def _records(self, conn: Connection, rows: Iterable[AnyRow]) -> list[QuoteRecord]:
        """Quote rows as records, with the desk's checks applied over the extractor's work.

        A correction names the words and the speaker the extractor gave them: it applies in
        its article and wherever else those words carry that same extracted speaker (a
        syndicated copy). A corrected speaker replaces the extracted one (kept on the
        correction); words marked "not a quote" are left out; a confirmation is attached in
        its article."""
        records = [self._quote_record(r) for r in rows]
        if not records:
            return records
        d = s.desk_checks
        found = conn.execute(
            select(d)
            .where(
                and_(
                    d.c.quote_norm.in_(sorted({norm(r.text) for r in records})),
                    d.c.withdrawn_at.is_(None),
                )
            )
            .order_by(d.c.id)
        )
        by_norm: dict[str, list[DeskCheck]] = {}
        for row in found:
            by_norm.setdefault(row.quote_norm, []).append(_desk_check(row))
        out = []
        for record in records:
            checks = by_norm.get(norm(record.text), [])
            here = [c for c in checks if c.article_id == record.article.id]
            corrections = [
                c
                for c in checks
                if c.kind != "confirmed"
                and (c.article_id == record.article.id or c.original_speaker == record.speaker)
            ]
            correction = corrections[-1] if corrections else None
            confirmation = next((c for c in reversed(here) if c.kind == "confirmed"), None)
            if correction is not None and correction.kind == "not_quote":
                continue
            update: dict[str, Any] = {"confirmation": confirmation}
            if correction is not None:
                update |= {"speaker": correction.speaker, "correction": correction}
            out.append(record.model_copy(update=update))
        return out

    def record_check(
        self,
        record: QuoteRecord,
        kind: CheckKind,
        user: str,
        speaker: str | None = None,
        note: str | None = None,
    ) -> DeskCheck:
        """Store an editor's correction, "not a quote" or confirmation of a quote. The speaker
        the extractor gave is kept with it; a correction over a correction keeps the first."""
        original = record.correction.original_speaker if record.correction else record.speaker
        values = {
            "article_id": record.article.id,
            "quote_norm": norm(record.text),
            "quote": record.text,
            "kind": kind,
            "speaker": speaker if kind == "speaker" else None,
            "original_speaker": original,
            "note": note or None,
            "user": user,
            "at": now(),
        }
        with self.engine.begin() as conn:
            new_id = conn.execute(
                insert(s.desk_checks).values(**values).returning(s.desk_checks.c.id)
            ).scalar_one()
            row = conn.execute(select(s.desk_checks).where(s.desk_checks.c.id == new_id)).one()
        return _desk_check(row)

    def withdraw_check(self, check_id: int, user: str) -> DeskCheck | None:
        """Withdraw a correction or check (recorded, never deleted); None if there is none
        active with that id."""
        d = s.desk_checks
        with self.engine.begin() as conn:
            done = conn.execute(
                update(d)
                .where(and_(d.c.id == check_id, d.c.withdrawn_at.is_(None)))
                .values(withdrawn_by=user, withdrawn_at=now())
            )
            if done.rowcount != 1:
                return None
            return _desk_check(conn.execute(select(d).where(d.c.id == check_id)).one())

    def not_quote_marks(self, norms: Sequence[str]) -> dict[tuple[str, str], DeskCheck]:
        """The desk's standing "not a quote" decisions on these words, by (article, words)."""
        if not norms:
            return {}
        d = s.desk_checks
        query = (
            select(d)
            .where(
                and_(
                    d.c.quote_norm.in_(sorted(set(norms))),
                    d.c.kind == "not_quote",
                    d.c.withdrawn_at.is_(None),
                )
            )
            .order_by(d.c.id)
        )
        with self._read() as conn:
            return {(r.article_id, r.quote_norm): _desk_check(r) for r in conn.execute(query)}

    def desk_checks(
        self, since: datetime | None = None, limit: int | None = None
    ) -> list[DeskCheck]:
        """Every correction and check, withdrawn ones included, newest first."""
        d = s.desk_checks
        query = select(d).order_by(d.c.id.desc())
        if since is not None:
            query = query.where(d.c.at >= since)
        if limit is not None:
            query = query.limit(limit)
        with self._read() as conn:
            return [_desk_check(r) for r in conn.execute(query)]

    def quotes_by_ids(self, ids: Sequence[int]) -> list[QuoteRecord]:
        """Active quotes with these ids."""
        if not ids:
            return []
        with self._read() as conn:
            rows = conn.execute(self._quote_select().where(s.quotes.c.id.in_(list(ids))))
            return self._records(conn, rows)

    def candidate_norms(
        self, kind: Kind, query: SearchQuery, limit: int, deadline: float | None = None
    ) -> list[tuple[int, str]]:
        """(id, normalised text) of active quotes or reports the full-text prefilter finds.

        With a ``deadline`` (``time.monotonic()``) the search is cut off there and
        SearchTimeout is raised: Postgres by ``statement_timeout``, SQLite by a progress
        handler.
        """
        table = s.quotes if kind == "quotes" else s.reports
        shared = self._reading() is not None
        with self._read() as conn, _time_budget(conn, deadline, shared):
            found = self.backend.candidates(conn, kind, query, limit)
            if not found:
                return []
            gone = self._in_removed_articles(conn, table, [i for i, _ in found])
            return [(i, body) for i, body in found if i not in gone]

    def _in_removed_articles(self, conn: Connection, table: Table, ids: list[int]) -> set[int]:
        """Which of these rows belong to articles that are no longer active.

        Asked from the (few) removed articles' side, through a partial index, rather than by
        joining every candidate to its article: 9–23 ms for 500 candidates on Postgres at 1M
        quotes, against well under a millisecond when nothing was removed. The ``+`` keeps
        SQLite from starting at the candidates' ids instead. Whether anything was removed at
        all is asked once per ``one_connection`` block."""
        a = s.articles
        # A literal, not a bound parameter: only then may the planners use the partial index.
        not_active = a.c.status != literal_column("'active'")
        reading = self._reading()
        any_removed = reading.any_removed if reading is not None else None
        if any_removed is None:
            any_removed = (
                conn.execute(select(a.c.id).where(not_active).limit(1)).first() is not None
            )
            if reading is not None:
                reading.any_removed = any_removed
        if not any_removed:
            return set()
        sqlite = conn.dialect.name == "sqlite"
        id_column = literal_column(f"+{table.name}.id") if sqlite else table.c.id
        rows = conn.execute(
            select(table.c.id)
            .select_from(table.join(a, table.c.article_id == a.c.id))
            .where(and_(not_active, id_column.in_(ids)))
        )
        return {int(r[0]) for r in rows}

    def quote_candidates(self, query: SearchQuery, limit: int) -> list[QuoteRecord]:
        """Quotes the full-text prefilter finds for these terms."""
        return self.quotes_by_ids([i for i, _ in self.candidate_norms("quotes", query, limit)])

    def reports_by_ids(self, ids: Sequence[int]) -> list[ReportRecord]:
        """Active reported-speech sentences with these ids."""
        if not ids:
            return []
        return self._reports_where(s.reports.c.id.in_(list(ids)))

    def reports_by_speaker(self, name: str, limit: int = 20) -> list[ReportRecord]:
        """Reported-speech sentences whose speaker is ``name``, newest first."""
        return self._reports_where(s.speakers.c.name == name, limit)

    def _reports_where(self, condition: Any, limit: int | None = None) -> list[ReportRecord]:
        r, a, sp = s.reports, s.articles, s.speakers
        with self._read() as conn:
            rows = conn.execute(
                select(
                    r.c.id,
                    r.c.text,
                    sp.c.name.label("speaker"),
                    r.c.cue,
                    r.c.paragraph,
                    *META_COLUMNS,
                )
                .select_from(
                    r.join(a, r.c.article_id == a.c.id).join(sp, r.c.speaker_id == sp.c.id)
                )
                .where(and_(a.c.status == "active", condition))
                .order_by(a.c.published.is_(None), a.c.published.desc(), r.c.article_id, r.c.n)
                .limit(limit)
            )
            return [
                ReportRecord(
                    id=x.id,
                    text=x.text,
                    speaker=x.speaker,
                    cue=x.cue,
                    paragraph=x.paragraph,
                    article=self._meta(x),
                )
                for x in rows
            ]

    def paragraph_candidates(self, query: SearchQuery, limit: int) -> list[ParagraphRecord]:
        """Paragraphs the prefilter finds (keyword-in-context)."""
        with self._read() as conn:
            ids = [i for i, _ in self.backend.candidates(conn, "paragraphs", query, limit)]
            return self._paragraphs(conn, ids)

    def paragraphs_with_runs(
        self, runs: Sequence[Sequence[str]], limit: int
    ) -> list[ParagraphRecord]:
        """Paragraphs holding one of these runs of words in order (one index query, no
        ranking): where words in marks are looked for word for word."""
        with self._read() as conn:
            found = self.backend.any_phrase(conn, "paragraphs", runs, limit)
            return self._paragraphs(conn, [i for i, _ in found])

    def _paragraphs(self, conn: Connection, ids: list[int]) -> list[ParagraphRecord]:
        """The active articles' paragraphs with these ids, in the order of ``ids``."""
        if not ids:
            return []
        p, a = s.paragraphs, s.articles
        rows = conn.execute(
            select(p.c.id, p.c.idx, p.c.text, *META_COLUMNS)
            .select_from(p.join(a, p.c.article_id == a.c.id))
            .where(and_(a.c.status == "active", p.c.id.in_(ids)))
        )
        order = {i: k for k, i in enumerate(ids)}
        recs = [
            ParagraphRecord(id=x.id, idx=x.idx, text=x.text, article=self._meta(x)) for x in rows
        ]
        return sorted(recs, key=lambda r: order[r.id])

    def places_with_all_terms(self, terms: Sequence[str], limit: int) -> list[tuple[str, int]]:
        """(article id, paragraph index) of paragraphs holding every term: one unranked
        index query, for quotes that a longer query holds with words around them."""
        if not terms:
            return []
        p, a = s.paragraphs, s.articles
        with self._read() as conn:
            ids = [i for i, _ in self.backend.all_terms(conn, "paragraphs", terms, limit, False)]
            if not ids:
                return []
            rows = conn.execute(
                select(p.c.article_id, p.c.idx)
                .select_from(p.join(a, p.c.article_id == a.c.id))
                .where(and_(a.c.status == "active", p.c.id.in_(ids)))
            )
            return [(str(r[0]), int(r[1])) for r in rows]

    def paragraphs_around(
        self, article_id: str, idx: int, radius: int = 1
    ) -> list[tuple[int, str]]:
        """(index, text) of the paragraph and ``radius`` paragraphs either side."""
        p = s.paragraphs
        with self._read() as conn:
            rows = conn.execute(
                select(p.c.idx, p.c.text)
                .where(
                    and_(p.c.article_id == article_id, p.c.idx.between(idx - radius, idx + radius))
                )
                .order_by(p.c.idx)
            )
            return [(r[0], r[1]) for r in rows]

    def paragraph_texts(self, places: Sequence[tuple[str, int]]) -> dict[tuple[str, int], str]:
        """The text of each (article id, paragraph index) place, in one read."""
        if not places:
            return {}
        p = s.paragraphs
        with self._read() as conn:
            rows = conn.execute(
                select(p.c.article_id, p.c.idx, p.c.text).where(
                    and_(
                        p.c.article_id.in_(sorted({a for a, _ in places})),
                        tuple_(p.c.article_id, p.c.idx).in_(sorted(set(places))),
                    )
                )
            )
            return {(str(r[0]), int(r[1])): str(r[2]) for r in rows}

    def articles_say(self, article_ids: Sequence[str], phrase: str) -> bool:
        """Whether any of these articles has ``phrase`` (case aside) in its text."""
        if not article_ids or not phrase.strip():
            return False
        p = s.paragraphs
        escaped = phrase.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        with self._read() as conn:
            row = conn.execute(
                select(p.c.id)
                .where(
                    and_(
                        p.c.article_id.in_(list(article_ids)),
                        func.lower(p.c.text).like(f"%{escaped}%", escape="\\"),
                    )
                )
                .limit(1)
            ).first()
            return row is not None

    def resolve_speaker(self, name: str) -> str | None:
        """The canonical speaker for a name as editors type it, if the archive knows one:
        the full name or an alias, "Mr Musk", a bare surname ("Streeting"), or a role the
        articles give ("the health secretary") — the last two only when one speaker fits."""
        found = self.speaker_candidates(name)
        return found[0][0] if len(found) == 1 else None

    def speaker_candidates(self, name: str, limit: int = 6) -> list[tuple[str, str | None]]:
        """(speaker, role) of everyone a name as editors type it may mean: one speaker for a
        full name or alias; for a bare surname or a role ("the MP"), every speaker it fits
        (a role matches on its head: "the health secretary" is "British Health Secretary")."""
        key = " ".join(name.split()).lower().rstrip(".")
        bare = TITLE_PREFIX.sub("", key)
        with self._read() as conn:
            for candidate in dict.fromkeys([key, bare]):
                found = self._speaker_named(conn, candidate)
                if found is not None:
                    return [(found, None)]
            if bare and " " not in bare:
                fits = self._speakers_where(
                    conn, func.lower(s.speakers.c.name).like(f"% {bare}"), limit
                )
                if fits:
                    return fits
            if not key.startswith("the "):
                return []  # a role is asked for as "the health secretary"
            role = func.lower(s.quotes.c.role)
            return self._speakers_where(conn, or_(role == bare, role.like(f"% {bare}")), limit)

    @staticmethod
    def _speaker_named(conn: Connection, key: str) -> str | None:
        """The speaker whose name or alias is exactly ``key`` (case-insensitive)."""
        row = conn.execute(
            select(s.speakers.c.name).where(func.lower(s.speakers.c.name) == key)
        ).first()
        if row is None:
            row = conn.execute(
                select(s.speakers.c.name)
                .select_from(s.aliases.join(s.speakers, s.aliases.c.speaker_id == s.speakers.c.id))
                .where(func.lower(s.aliases.c.alias) == key)
            ).first()
        if row is None:  # a speaker only the desk has named, by correcting an attribution
            d = s.desk_checks
            row = conn.execute(
                select(d.c.speaker).where(
                    and_(
                        func.lower(d.c.speaker) == key,
                        d.c.kind == "speaker",
                        d.c.withdrawn_at.is_(None),
                    )
                )
            ).first()
        return str(row[0]) if row is not None else None

    @staticmethod
    def _speakers_where(
        conn: Connection, condition: Any, limit: int
    ) -> list[tuple[str, str | None]]:
        """(speaker, a role the articles give them) of quoted speakers meeting ``condition``,
        the most quoted first."""
        rows = conn.execute(
            select(s.speakers.c.name, func.max(s.quotes.c.role))
            .select_from(s.quotes.join(s.speakers, s.quotes.c.speaker_id == s.speakers.c.id))
            .where(condition)
            .group_by(s.speakers.c.name)
            .order_by(func.count().desc(), s.speakers.c.name)
            .limit(limit)
        ).all()
        return [(str(r[0]), r[1]) for r in rows]

    def quotes_by_speaker(self, name: str, limit: int = 20) -> list[QuoteRecord]:
        """The speaker's quotes, newest first (undated last), as the desk corrected them: a
        quote corrected to this speaker is theirs, one corrected away is not."""
        q, a, d = s.quotes, s.articles, s.desk_checks
        corrected_to = select(d.c.quote_norm).where(
            and_(d.c.speaker == name, d.c.kind == "speaker", d.c.withdrawn_at.is_(None))
        )
        theirs = or_(s.speakers.c.name == name, q.c.norm.in_(corrected_to))
        with self._read() as conn:
            rows = conn.execute(
                self._quote_select()
                .where(theirs)
                .order_by(a.c.published.is_(None), a.c.published.desc(), q.c.n)
                .limit(limit)
            )
            return [r for r in self._records(conn, rows) if r.speaker == name]

    def stats(self) -> Stats:
        """Counts of active articles, their quotes and named speakers; the last ingest time."""
        a, q = s.articles, s.quotes
        with self._read() as conn:
            n_articles = conn.execute(
                select(func.count()).select_from(a).where(a.c.status == "active")
            ).scalar_one()
            active_quotes = (
                select(q.c.speaker_id)
                .select_from(q.join(a, q.c.article_id == a.c.id))
                .where(a.c.status == "active")
            )
            n_quotes = conn.execute(
                select(func.count()).select_from(active_quotes.subquery())
            ).scalar_one()
            n_speakers = conn.execute(
                select(func.count(func.distinct(active_quotes.subquery().c.speaker_id)))
            ).scalar_one()
            last = conn.execute(select(func.max(s.ingest_runs.c.finished_at))).scalar_one()
        return Stats(
            articles=n_articles,
            quotes=n_quotes,
            speakers=n_speakers,
            last_ingest=last.isoformat() if last else None,
        )

    def quote_in_article(self, article_id: str, n: int) -> list[QuoteRecord]:
        """The quote with ordinal ``n`` in an article (a list of zero or one)."""
        with self._read() as conn:
            rows = conn.execute(
                self._quote_select().where(
                    and_(s.quotes.c.article_id == article_id, s.quotes.c.n == n)
                )
            )
            return self._records(conn, rows)

    def quotes_in_articles(self, article_ids: Sequence[str]) -> list[QuoteRecord]:
        """Every active quote of these articles, in article order."""
        if not article_ids:
            return []
        with self._read() as conn:
            rows = conn.execute(
                self._quote_select()
                .where(s.quotes.c.article_id.in_(sorted(set(article_ids))))
                .order_by(s.quotes.c.article_id, s.quotes.c.n)
            )
            return self._records(conn, rows)

    def quote_texts_in_places(
        self, places: Sequence[tuple[str, int]]
    ) -> list[tuple[int, str, int, str]]:
        """(id, article id, paragraph, text) of the active quotes in these places: the words
        alone, for a check that most of them fail (``quotes_by_ids`` reads the rest)."""
        if not places:
            return []
        q, a = s.quotes, s.articles
        with self._read() as conn:
            rows = conn.execute(
                select(q.c.id, q.c.article_id, q.c.paragraph, q.c.text)
                .select_from(q.join(a, q.c.article_id == a.c.id))
                .where(
                    and_(
                        a.c.status == "active",
                        q.c.article_id.in_(sorted({a for a, _ in places})),
                        tuple_(q.c.article_id, q.c.paragraph).in_(sorted(set(places))),
                    )
                )
            )
            return [(int(r[0]), str(r[1]), int(r[2]), str(r[3])) for r in rows]

    def quotes_in_places(self, places: Sequence[tuple[str, int]]) -> list[QuoteRecord]:
        """Quotes in the given (article id, paragraph index) places, read by place (not the
        whole articles): cheap enough for every answer that needs it."""
        if not places:
            return []
        q = s.quotes
        with self._read() as conn:
            # The article ids too: SQLite reads a list of (article, paragraph) pairs by
            # scanning every quote (0.5 s at 1M quotes); by article, it uses the index.
            rows = conn.execute(
                self._quote_select().where(
                    and_(
                        q.c.article_id.in_(sorted({a for a, _ in places})),
                        tuple_(q.c.article_id, q.c.paragraph).in_(sorted(set(places))),
                    )
                )
            )
            return self._records(conn, rows)

    def article_view(
        self, article_id: str
    ) -> tuple[ArticleMeta, list[tuple[int, int, str]], list[QuoteRecord]] | None:
        """An active article's metadata, (index, start, text) paragraphs and quotes; or None."""
        a, p = s.articles, s.paragraphs
        with self._read() as conn:
            row = conn.execute(
                select(*META_COLUMNS).where(and_(a.c.id == article_id, a.c.status == "active"))
            ).first()
            if row is None:
                return None
            paras = conn.execute(
                select(p.c.idx, p.c.start, p.c.text)
                .where(p.c.article_id == article_id)
                .order_by(p.c.idx)
            )
            paragraphs = [(int(r[0]), int(r[1]), str(r[2])) for r in paras]
            quotes = conn.execute(
                self._quote_select()
                .where(s.quotes.c.article_id == article_id)
                .order_by(s.quotes.c.n)
            )
            records = self._records(conn, quotes)
        return self._meta(row), paragraphs, records
