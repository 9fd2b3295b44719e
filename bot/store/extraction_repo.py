"""Extraction of stored articles: which rules extracted the archive's quotes (a stamp kept in
the archive), the stored articles read back as the extractor takes them, and their quotes
and reports replaced in place — the article rows, with the time each was indexed, its
digests, watch alerts and the desk's corrections, stay as they are."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import Connection, select, update

from bot.models import Article, Paragraph
from bot.store import schema as s
from bot.store.database import Store
from bot.store.dialects import insert_for
from bot.store.rows import ArticleRows

STAMP_KEY = s.EXTRACTION_STAMP


class ExtractionRepository:
    """The archive's extraction stamp, and its articles read back for extracting again."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.engine = store.engine

    def stamp(self) -> str | None:
        """The stamp of the rules that extracted the stored quotes (None: never recorded)."""
        with self.engine.connect() as conn:
            value = conn.execute(
                select(s.meta.c.value).where(s.meta.c.key == STAMP_KEY)
            ).scalar_one_or_none()
        return str(value) if value is not None else None

    def set_stamp(self, stamp: str) -> None:
        """Record that every stored quote was extracted by the rules ``stamp`` names."""
        with self.engine.begin() as conn:
            # One statement: two ingesters stamping a new archive at once must not collide.
            row = insert_for(conn)(s.meta).values(key=STAMP_KEY, value=stamp)
            conn.execute(row.on_conflict_do_update(index_elements=["key"], set_={"value": stamp}))

    def article_ids(self) -> list[str]:
        """Every stored article's id (removed ones too: they may come back), in id order."""
        with self.engine.connect() as conn:
            return [str(r[0]) for r in conn.execute(select(s.articles.c.id).order_by("id"))]

    def articles(self, ids: Sequence[str]) -> list[Article]:
        """The stored articles with these ids, as the reader made them (body, paragraphs,
        metadata), in the order given."""
        a, p = s.articles, s.paragraphs
        with self.engine.connect() as conn:
            rows = {r.id: r for r in conn.execute(select(a).where(a.c.id.in_(ids)))}
            paragraphs: dict[str, list[Paragraph]] = {i: [] for i in rows}
            found = conn.execute(
                select(p.c.article_id, p.c.idx, p.c.start, p.c.end, p.c.text)
                .where(p.c.article_id.in_(ids))
                .order_by(p.c.article_id, p.c.idx)
            )
            for r in found:
                paragraphs[r.article_id].append(
                    Paragraph(index=r.idx, start=r.start, end=r.end, text=r.text)
                )
        return [
            Article(
                id=r.id,
                title=r.title,
                published=_published(r.published),
                url=r.url,
                outlet=r.outlet,
                byline=r.byline,
                body=r.body,
                paragraphs=tuple(paragraphs[r.id]),
                source=r.source,
                content_hash=r.content_hash,
            )
            for r in (rows[i] for i in ids if i in rows)
        ]

    def replace_spoken(self, items: Sequence[ArticleRows]) -> None:
        """Replace these articles' quotes and reports with newly extracted ones, in one
        transaction; nothing else about the articles changes (an article whose text changed
        since it was read back is left to the writer that changed it)."""
        try:
            with self.engine.begin() as conn:
                # An article another process changed meanwhile keeps the quotes of its new text.
                hashes = dict(
                    conn.execute(
                        select(s.articles.c.id, s.articles.c.content_hash).where(
                            s.articles.c.id.in_([x.id for x in items])
                        )
                    ).all()
                )
                same = [x for x in items if x.id in hashes and hashes[x.id] == x.content_hash]
                for x in same:
                    self.store.ingest.delete_spoken(conn, x.id, with_paragraphs=False)
                    self._relabel_paragraphs(conn, x)
                self.store.ingest.write_spoken(conn, same)
        except Exception:
            self.store.ingest.forget_speaker_ids()  # ids inserted by the rolled-back transaction
            raise

    @staticmethod
    def _relabel_paragraphs(conn: Connection, x: ArticleRows) -> None:
        """The article's paragraphs take the language it was read in now (one archived
        before rows had a language is "en"): Postgres re-indexes them in its configuration."""
        if not x.paragraphs:
            return
        language = x.paragraphs[0]["lang"]
        paragraphs = s.paragraphs.c
        conn.execute(
            update(s.paragraphs)
            .where(paragraphs.article_id == x.id, paragraphs.lang != language)
            .values(lang=language)
        )


def _published(value: str | None) -> date | datetime | None:
    """A stored ISO 8601 date or date-time back as the reader gave it."""
    if not value:
        return None
    if "T" in value or " " in value:
        return datetime.fromisoformat(value)
    return date.fromisoformat(value)
