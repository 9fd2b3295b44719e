"""Quotes and reported speech for answers: the full-text prefilter's candidates, quotes by
id, article or place, with the desk's corrections and checks applied over the extractor's
work (a corrected speaker replaces the extracted one; "not a quote" leaves them out)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Table, and_, literal_column, select, text, tuple_

from bot.models import DeskCheck, QuoteRecord, ReportRecord
from bot.search.normalize import norm
from bot.store import schema as s
from bot.store.columns import (
    META_COLUMNS,
    AnyRow,
    article_meta,
    desk_check,
    quote_record,
    quote_select,
)
from bot.store.dialects import time_budget
from bot.store.search_backend import Kind, SearchQuery

# Past this many rows of removed articles, SQLite looks each candidate up instead of reading
# them all (an archive that took a whole folder out).
REMOVED_ROWS_AT_ONCE = 5_000

if TYPE_CHECKING:
    from bot.store.database import Store


class QuoteRepository:
    """The archive's quotes and reports, as answers read them."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def records(self, conn: Connection, rows: Iterable[AnyRow]) -> list[QuoteRecord]:
        """Quote rows as records, with the desk's checks applied over the extractor's work.

        A correction names the words and the speaker the extractor gave them: it applies in
        its article and wherever else those words carry that same extracted speaker (a
        syndicated copy). A corrected speaker replaces the extracted one (kept on the
        correction); words marked "not a quote" are left out; a confirmation is attached in
        its article."""
        records = [quote_record(r) for r in rows]
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
            by_norm.setdefault(row.quote_norm, []).append(desk_check(row))
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

    def quotes_by_ids(self, ids: Sequence[int]) -> list[QuoteRecord]:
        """Active quotes with these ids."""
        if not ids:
            return []
        with self.store.read() as conn:
            rows = conn.execute(quote_select().where(s.quotes.c.id.in_(list(ids))))
            return self.records(conn, rows)

    def candidate_norms(
        self, kind: Kind, query: SearchQuery, limit: int, deadline: float | None = None
    ) -> list[tuple[int, str]]:
        """(id, normalised text) of active quotes or reports the full-text prefilter finds.

        With a ``deadline`` (``time.monotonic()``) the search is cut off there and
        SearchTimeout is raised: Postgres by ``statement_timeout``, SQLite by a progress
        handler.
        """
        table = s.quotes if kind == "quotes" else s.reports
        shared = self.store.reading() is not None
        with self.store.read() as conn, time_budget(conn, deadline, shared):
            found = self.store.backend.candidates(conn, kind, query, limit)
            if not found:
                return []
            gone = self._in_removed_articles(conn, table, [i for i, _ in found])
            return [(i, body) for i, body in found if i not in gone]

    def _in_removed_articles(self, conn: Connection, table: Table, ids: list[int]) -> set[int]:
        """Which of these rows belong to articles that are no longer active.

        Postgres asks from the (few) removed articles' side, through the partial index
        ``ix_articles_not_active``, rather than joining every candidate to its article: 9–23 ms
        for 500 candidates at 1M quotes, against well under a millisecond when nothing was
        removed. SQLite's own plans for that join read every quote of the archive (100–135
        ms an answer at 1M quotes, however few articles were removed), so it is told the way:
        the removed articles' rows are read whole when they are few (1 ms warm, 20 ms from
        disk, for 125 articles at 1M quotes), else each candidate is looked up by its id
        (1.5 ms warm, 54 ms from disk, for 500). Whether anything was removed at all is asked
        once per ``one_connection`` block."""
        a = s.articles
        # A literal, not a bound parameter: only then may the planners use the partial index.
        not_active = a.c.status != literal_column("'active'")
        reading = self.store.reading()
        any_removed = reading.any_removed if reading is not None else None
        if any_removed is None:
            any_removed = (
                conn.execute(select(a.c.id).where(not_active).limit(1)).first() is not None
            )
            if reading is not None:
                reading.any_removed = any_removed
        if not any_removed:
            return set()
        if conn.dialect.name == "sqlite":
            removed = conn.execute(
                text(
                    f"SELECT t.id FROM articles AS a INDEXED BY {s.NOT_ACTIVE_INDEX} "
                    f"CROSS JOIN {table.name} AS t ON t.article_id = a.id "
                    "WHERE a.status <> 'active' LIMIT :cap"
                ),
                {"cap": REMOVED_ROWS_AT_ONCE + 1},
            ).all()
            if len(removed) <= REMOVED_ROWS_AT_ONCE:
                return {int(r[0]) for r in removed}.intersection(ids)
        query = (
            select(table.c.id)
            .select_from(table.join(a, table.c.article_id == a.c.id))
            .where(and_(not_active, table.c.id.in_(ids)))
            .with_hint(a, f"INDEXED BY {s.NOT_ACTIVE_INDEX}", "sqlite")
        )
        return {int(r[0]) for r in conn.execute(query)}

    def holds_word(self, word: str) -> bool:
        """Whether some quote holds this word (one index lookup)."""
        with self.store.read() as conn:
            return bool(self.store.backend.phrase(conn, "quotes", [word], 1))

    def quote_candidates(self, query: SearchQuery, limit: int) -> list[QuoteRecord]:
        """Quotes the full-text prefilter finds for these terms."""
        return self.quotes_by_ids([i for i, _ in self.candidate_norms("quotes", query, limit)])

    def reports_by_ids(self, ids: Sequence[int]) -> list[ReportRecord]:
        """Active reported-speech sentences with these ids."""
        if not ids:
            return []
        return self.reports_where(s.reports.c.id.in_(list(ids)))

    def reports_where(self, condition: Any, limit: int | None = None) -> list[ReportRecord]:
        r, a, sp = s.reports, s.articles, s.speakers
        with self.store.read() as conn:
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
                    article=article_meta(x),
                )
                for x in rows
            ]

    def quote_in_article(self, article_id: str, n: int) -> list[QuoteRecord]:
        """The quote with ordinal ``n`` in an article (a list of zero or one)."""
        with self.store.read() as conn:
            rows = conn.execute(
                quote_select().where(and_(s.quotes.c.article_id == article_id, s.quotes.c.n == n))
            )
            return self.records(conn, rows)

    def quotes_in_articles(self, article_ids: Sequence[str]) -> list[QuoteRecord]:
        """Every active quote of these articles, in article order."""
        if not article_ids:
            return []
        with self.store.read() as conn:
            rows = conn.execute(
                quote_select()
                .where(s.quotes.c.article_id.in_(sorted(set(article_ids))))
                .order_by(s.quotes.c.article_id, s.quotes.c.n)
            )
            return self.records(conn, rows)

    def quote_texts_in_places(
        self, places: Sequence[tuple[str, int]]
    ) -> list[tuple[int, str, int, str]]:
        """(id, article id, paragraph, text) of the active quotes in these places: the words
        alone, for a check that most of them fail (``quotes_by_ids`` reads the rest)."""
        if not places:
            return []
        q, a = s.quotes, s.articles
        with self.store.read() as conn:
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
        with self.store.read() as conn:
            # The article ids too: SQLite reads a list of (article, paragraph) pairs by
            # scanning every quote (0.5 s at 1M quotes); by article, it uses the index.
            rows = conn.execute(
                quote_select().where(
                    and_(
                        q.c.article_id.in_(sorted({a for a, _ in places})),
                        tuple_(q.c.article_id, q.c.paragraph).in_(sorted(set(places))),
                    )
                )
            )
            return self.records(conn, rows)
