"""Words in quote marks that nobody is named for (a term, a slogan, a quote the article
leaves unattributed, words the desk marked "not a quote"): never "not found"."""

from __future__ import annotations

import re

from bot.answers.common import REFINE, earliest_first, source_of
from bot.models import Hit, Source
from bot.search.normalize import folded, norm, words
from bot.search.query import SearchQuery
from bot.search.scoring import contains_words, match
from bot.store.repository import Store

MARKED = re.compile(r"[\"“](?P<words>[^\"“”]{2,400})[\"”]")  # words between quote marks
MOSTLY = 0.6  # marked words inside a longer query must make most of it


def marked_hits(
    query_words: list[str], store: Store, query: SearchQuery, base_url: str | None
) -> list[Hit]:
    """Marked words the archive holds but attributes to nobody, found through the paragraphs
    that hold the query's words: one hit per marked span with every article; the desk's
    decision, when there is one, goes with it."""
    found: dict[str, tuple[str, list[tuple[str, Source]]]] = {}
    asked = folded(query_words)
    for paragraph in store.paragraph_candidates(query, REFINE):
        for marked in MARKED.finditer(paragraph.text):
            span = marked.group("words").strip(" ,.")
            span_words = folded(words(span))
            mostly = len(span_words) >= MOSTLY * len(asked)
            if not span_words or not (
                contains_words(span_words, asked) or (mostly and contains_words(asked, span_words))
            ):
                continue
            _, sources = found.setdefault(norm(span), (span, []))
            sources.append((paragraph.article.id, source_of(paragraph.article, None, base_url)))
    desk = store.not_quote_marks(list(found))
    hits = []
    for key, (span, sources) in found.items():
        verdict = match(query_words, words(span))
        decisions = [desk[(article, key)] for article, _ in sources if (article, key) in desk]
        hits.append(
            Hit(
                speaker=None,
                quote=span,
                score=verdict.score,
                verdict="verbatim" if verdict.verbatim else "close",
                diff=verdict.diff or None,
                in_marks_only=True,
                correction=decisions[-1] if decisions else None,
                sources=earliest_first({s.article_id: s for _, s in sources}.values()),
            )
        )
    return hits
