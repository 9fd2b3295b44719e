"""Composing a digest from newly indexed articles (pure): each article's notable quotes, the
most-quoted speakers."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime

from bot.answers.common import link_for
from bot.models import ArticleMeta, Digest, DigestArticle, DigestQuote, QuoteRecord
from bot.search.normalize import words

NOTABLE = 3
TOP_SPEAKERS = 5


def notability(q: QuoteRecord) -> float:
    """Attributed, full-sentence, substantial and confident quotes first."""
    size = min(len(words(q.text)), 30) / 30
    return 2.0 * (q.speaker is not None) + (q.kind == "full") + size + q.confidence


def notable_quotes(quotes: Sequence[QuoteRecord], limit: int = NOTABLE) -> list[QuoteRecord]:
    """Up to ``limit`` notable quotes, different speakers preferred, in article order."""
    ranked = sorted(quotes, key=notability, reverse=True)
    chosen: list[QuoteRecord] = []
    speakers: set[str | None] = set()
    for q in ranked:  # first pass: one quote per speaker
        if q.speaker not in speakers and len(words(q.text)) >= 2:
            chosen.append(q)
            speakers.add(q.speaker)
        if len(chosen) == limit:
            break
    for q in ranked:
        if len(chosen) == limit:
            break
        if q not in chosen and len(words(q.text)) >= 2:
            chosen.append(q)
    return sorted(chosen, key=lambda q: q.n)


def compose(
    digest_id: int,
    created_at: datetime,
    articles: Sequence[ArticleMeta],
    quotes: dict[str, list[QuoteRecord]],
    base_url: str | None,
) -> Digest:
    """A digest of these articles with their notable quotes and the most-quoted speakers."""
    items = []
    counts: Counter[str] = Counter()
    for a in articles:
        qs = quotes.get(a.id, [])
        counts.update(q.speaker for q in qs if q.speaker)
        items.append(
            DigestArticle(
                article=a,
                link=link_for(a, None, base_url),
                quotes=tuple(
                    DigestQuote(text=q.text, speaker=q.speaker, n=q.n) for q in notable_quotes(qs)
                ),
                quote_count=len(qs),
            )
        )
    return Digest(
        id=digest_id,
        created_at=created_at,
        articles=tuple(items),
        top_speakers=tuple(counts.most_common(TOP_SPEAKERS)),
    )
