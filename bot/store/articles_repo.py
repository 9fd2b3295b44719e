"""Articles and their paragraphs for answers and pages: keyword-in-context, the paragraphs
around a quote, an article as its page shows it, and the archive's counts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import Connection, and_, func, select, tuple_

from bot.models import ArticleMeta, ParagraphRecord, QuoteRecord, Stats
from bot.store import schema as s
from bot.store.columns import META_COLUMNS, article_meta, quote_select
from bot.store.search_backend import SearchQuery

if TYPE_CHECKING:
    from bot.store.database import Store


class ArticleRepository:
    """The archive's articles and paragraphs, as answers and article pages read them."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.engine = store.engine

    def paragraph_candidates(self, query: SearchQuery, limit: int) -> list[ParagraphRecord]:
        """Paragraphs the prefilter finds (keyword-in-context)."""
        with self.store.read() as conn:
            ids = [i for i, _ in self.store.backend.candidates(conn, "paragraphs", query, limit)]
            return self._paragraphs(conn, ids)

    def paragraphs_with_runs(
        self, runs: Sequence[Sequence[str]], limit: int
    ) -> list[ParagraphRecord]:
        """Paragraphs holding one of these runs of words in order (one index query, no
        ranking): where words in marks are looked for word for word."""
        with self.store.read() as conn:
            found = self.store.backend.any_phrase(conn, "paragraphs", runs, limit)
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
            ParagraphRecord(id=x.id, idx=x.idx, text=x.text, article=article_meta(x)) for x in rows
        ]
        return sorted(recs, key=lambda r: order[r.id])

    def places_with_all_terms(self, terms: Sequence[str], limit: int) -> list[tuple[str, int]]:
        """(article id, paragraph index) of paragraphs holding every term: one unranked
        index query, for quotes that a longer query holds with words around them."""
        if not terms:
            return []
        p, a = s.paragraphs, s.articles
        with self.store.read() as conn:
            ids = [
                i for i, _ in self.store.backend.all_terms(conn, "paragraphs", terms, limit, False)
            ]
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
        with self.store.read() as conn:
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
        with self.store.read() as conn:
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
        with self.store.read() as conn:
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

    def article_view(
        self, article_id: str
    ) -> tuple[ArticleMeta, list[tuple[int, int, str]], list[QuoteRecord]] | None:
        """An active article's metadata, (index, start, text) paragraphs and quotes; or None."""
        a, p = s.articles, s.paragraphs
        with self.store.read() as conn:
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
                quote_select().where(s.quotes.c.article_id == article_id).order_by(s.quotes.c.n)
            )
            records = self.store.quotes.records(conn, quotes)
        return article_meta(row), paragraphs, records

    def stats(self) -> Stats:
        """Counts of active articles, their quotes and named speakers; the last ingest time."""
        a, q = s.articles, s.quotes
        with self.store.read() as conn:
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
