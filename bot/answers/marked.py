"""Words in quote marks that nobody is named for (a term, a slogan, a quote the article
leaves unattributed, words the desk marked "not a quote"): never "not found"."""

from __future__ import annotations

from bot.answers.common import REFINE, earliest_first, source_of
from bot.models import Hit, Source
from bot.quotes.marks import quoted_in
from bot.search.normalize import folded, norm, words
from bot.search.scoring import contains_words, match
from bot.store.database import Store

MOSTLY = 0.6  # marked words inside a longer query must make most of it
LONG = 12  # a query longer than this is looked for by its middle (see ``runs_to_find``)


def runs_to_find(query_words: list[str]) -> list[list[str]]:
    """Runs of the query's words that any paragraph with a qualifying marked span holds word
    for word: the whole query (a span that holds it), or a run of ``MOSTLY`` of it (a span
    the query holds, most of the query). Every run of m = ⌈0.6n⌉ words or more covers the
    words from n - m to m, so a long query is looked for by that middle part alone; a short
    one by each of its runs of m words (a middle of one common word would be most of the
    archive). Exact runs only: a marked span is never matched loosely, so the fuzzy tiers
    of the quote search would only cost time (a third of an absent query's answer)."""
    n = len(query_words)
    m = max(2, -(-n * 3 // 5))  # ⌈0.6n⌉ without floats
    if n <= m:
        return [query_words] if query_words else []
    if n > LONG:
        return [query_words[n - m : m]]
    return [query_words[i : i + m] for i in range(n - m + 1)]


def marked_hits(query_words: list[str], store: Store, base_url: str | None) -> list[Hit]:
    """Marked words the archive holds but attributes to nobody, found through the paragraphs
    that hold the query's words: one hit per marked span with every article; the desk's
    decision, when there is one, goes with it."""
    found: dict[str, tuple[str, list[tuple[str, Source]]]] = {}
    asked = folded(query_words)
    for paragraph in store.articles.paragraphs_with_runs(runs_to_find(query_words), REFINE):
        # The marks as extraction reads them: „…“, «…», ‘…’ and ''…'' as well as “…”.
        for marked in quoted_in(paragraph.text):
            span = marked.strip(" ,.")
            span_words = folded(words(span))
            mostly = len(span_words) >= MOSTLY * len(asked)
            if not span_words or not (
                contains_words(span_words, asked) or (mostly and contains_words(asked, span_words))
            ):
                continue
            _, sources = found.setdefault(norm(span), (span, []))
            sources.append((paragraph.article.id, source_of(paragraph.article, None, base_url)))
    desk = store.desk.not_quote_marks(list(found))
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
