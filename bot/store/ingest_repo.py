"""What ingest writes and asks: which files and pages are stored (by content hash, by HTTP
validators), ingest runs and their problems, and articles written with their paragraphs,
quotes and reports — replaced whole when their text changed, never duplicated."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, and_, delete, func, insert, select, update

from bot.models import ExtractedArticle, Validators
from bot.store import schema as s
from bot.store.columns import aware, now
from bot.store.dialects import bulk_insert, insert_for
from bot.store.rows import ArticleRows, article_rows
from bot.store.search_backend import Kind

if TYPE_CHECKING:
    from bot.store.database import Store

# An ingest run unfinished after this long was killed: it is marked aborted.
ABANDONED = timedelta(hours=1)


@dataclass(frozen=True)
class StoredFile:
    """What the store knows about one source file."""

    article_ids: tuple[str, ...]
    content_hash: str | None


class IngestRepository:
    """The archive as ingest writes it."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.engine = store.engine
        self._speaker_ids: dict[str, int] = {}  # name -> id; speakers are never deleted

    def stored_files(self) -> dict[str, StoredFile]:
        """Active articles grouped by source path."""
        out: dict[str, list[tuple[str, str | None]]] = {}
        with self.store.read() as conn:
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
        with self.store.read() as conn:
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
            upsert = insert_for(conn)
            conn.execute(
                upsert(s.fetch_state)
                .values(url=url, **values)
                .on_conflict_do_update(index_elements=[s.fetch_state.c.url], set_=values)
            )

    def versions(self, article_id: str) -> list[tuple[str, datetime]]:
        """(content hash, first seen) of every version of an article's text, oldest first."""
        with self.store.read() as conn:
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
        with self.store.read() as conn:
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
        with self.store.read() as conn:
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
        self._speaker_ids.clear()

    def _speaker_id(self, conn: Connection, name: str, cache: dict[str, int]) -> int:
        if name in cache:
            return cache[name]
        upsert = insert_for(conn)
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
            self.store.backend.remove(conn, kind, ids)  # type: ignore[arg-type]
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
            self._speaker_ids.clear()  # ids inserted by the rolled-back transaction are gone
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
        bulk_insert(conn, s.articles, [{**x.article, **written} for x in items])
        upsert = insert_for(conn)
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
        cache = self._speaker_ids
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
        bulk_insert(conn, table, rows)
        if not self.store.backend.indexes_separately:
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
        self.store.backend.add(
            conn, kind, ((found[(r["article_id"], r[key])], r[body]) for r in rows)
        )

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
            upsert = insert_for(conn)
            for alias, name in aliases.items():
                speaker_id = self._speaker_id(conn, name, cache)
                stmt = upsert(s.aliases).values(alias=alias, speaker_id=speaker_id)
                conn.execute(
                    stmt.on_conflict_do_update(
                        index_elements=[s.aliases.c.alias], set_={"speaker_id": speaker_id}
                    )
                )
