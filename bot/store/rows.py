"""An extracted article as the archive's rows: plain data, built where it was extracted.

A bulk import extracts on every core and writes through one process, so what crosses between
them, and what the writer still has to do per row, sets the pace. The models cost about half a
millisecond an article to pickle and unpickle (pydantic rebuilds every object, in the writer);
these rows cost a tenth of that, and their normalised text is already computed by the worker.
Pure: no database here, only the tables' column names.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from bot.models import ExtractedArticle, Quote, Report
from bot.search.normalize import norm

Row = dict[str, Any]


class ArticleRows(NamedTuple):
    """One article's rows. ``quote_speakers`` and ``report_speakers`` name the speaker of the
    row at the same place: the writer turns names into speaker ids (the archive's own)."""

    id: str
    content_hash: str | None
    article: Row
    paragraphs: list[Row]
    quotes: list[Row]
    quote_speakers: list[str | None]
    reports: list[Row]
    report_speakers: list[str]
    unread_language: str | None = None  # the language, when no rules of ours read it


def article_rows(x: ExtractedArticle) -> ArticleRows:
    """The rows of the ``articles``, ``paragraphs``, ``quotes`` and ``reports`` tables for one
    extracted article (what the writer adds: its status, run, time and speaker ids)."""
    a = x.article
    return ArticleRows(
        id=a.id,
        content_hash=a.content_hash,
        article={
            "id": a.id,
            "title": a.title,
            "published": a.published.isoformat() if a.published else None,
            "url": a.url,
            "outlet": a.outlet,
            "byline": a.byline,
            "body": a.body,
            "source": a.source,
            "content_hash": a.content_hash,
        },
        paragraphs=[
            {
                "article_id": a.id,
                "idx": p.index,
                "start": p.start,
                "end": p.end,
                "text": p.text,
                "lang": x.language,
            }
            for p in a.paragraphs
        ],
        quotes=[
            {
                **_spoken(a.id, n, q, x.language),
                "role": q.role,
                "confidence": q.confidence,
                "kind": q.kind,
                "evidence": q.evidence,
                "antecedent": q.antecedent,
                "run": q.run,
            }
            for n, q in enumerate(x.quotes, start=1)
        ],
        quote_speakers=[q.speaker for q in x.quotes],
        reports=[_spoken(a.id, n, r, x.language) for n, r in enumerate(x.reports, start=1)],
        report_speakers=[r.speaker for r in x.reports],
        unread_language=None if x.attributed else x.language,
    )


def _spoken(article_id: str, n: int, said: Quote | Report, language: str) -> Row:
    """The columns a quote's row and a report's row share: where the words are, what they
    are (and normalised, for the search), and the cue; the speaker's id is the writer's."""
    return {
        "article_id": article_id,
        "n": n,
        "text": said.text,
        "norm": norm(said.text),
        "speaker_id": None,
        "cue": said.cue,
        "start": said.start,
        "end": said.end,
        "paragraph": said.paragraph,
        "lang": language,  # the search indexes the words in the article's language
    }
