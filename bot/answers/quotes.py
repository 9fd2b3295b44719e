"""Quote hits: words on record inside quote marks, verbatim or altered, one hit per quote
across every article that carries it."""

from __future__ import annotations

from typing import NamedTuple

from bot.answers.common import QUICK_MARGIN, REFINE, Budget, earliest_first, shortlist, source_of
from bot.errors import SearchTimeout
from bot.models import DiffWord, Hit, QuoteRecord
from bot.search.identity import same_person
from bot.search.normalize import STOPWORDS, folded, norm, words
from bot.search.outside import as_typed, outside_marks, peel
from bot.search.query import SearchQuery
from bot.search.scoring import contains_words, match
from bot.settings import SearchSettings
from bot.store.database import Store

NEAR_CERTAIN = 90.0  # a close match this good is a misquote of it, not words around a quote
MOST_PEELED = 4  # words at one end of a query that may stand outside the marks (see peel)
MIN_MERGED = 3  # a shorter quote joins a longer one that holds it only if it says something


class QuoteMatch(NamedTuple):
    """How one stored quote matches the words typed.

    ``outside``: runs of the query that the article has next to the quote but outside its
    marks; ``inside_query``: the whole quote is a run of the query (its outside runs are read
    from the paragraph once the match is kept).
    """

    record: QuoteRecord
    score: float
    verbatim: bool
    diff: tuple[DiffWord, ...]
    outside: tuple[str, ...] = ()
    inside_query: bool = False


class QuoteHits(NamedTuple):
    """Quote hits of one answer, the paragraphs they stand in, and who the articles disagree on."""

    hits: list[Hit]
    places: set[tuple[str, int]]  # (article id, paragraph)
    conflict: tuple[str, ...]


def quote_inside(query_words: list[str], record_words: list[str]) -> bool:
    """A whole quote of two or more words, not only function words, within a longer query."""
    return (
        len(query_words) > len(record_words) >= 2
        and any(w not in STOPWORDS for w in record_words)
        and contains_words(query_words, record_words)
    )


def score_quote(query_words: list[str], record: QuoteRecord, floor: float) -> QuoteMatch | None:
    """A match of the typed words to a stored quote, or None when it scores under ``floor``."""
    record_words = words(record.text)
    if quote_inside(query_words, record_words):
        return QuoteMatch(record, 100.0, True, (), inside_query=True)
    m = match(query_words, record_words)
    if not m.verbatim and m.score < floor:
        return None
    return QuoteMatch(record, m.score, m.verbatim, m.diff)


def quote_matches(
    query_words: list[str],
    store: Store,
    queries: list[SearchQuery],
    cfg: SearchSettings,
    budget: Budget,
) -> list[QuoteMatch]:
    """Quotes on record close to the words typed (verbatim, altered, or inside the query),
    with the words the article keeps outside the marks set apart."""
    records: list[QuoteRecord] = []
    matches: list[QuoteMatch] = []
    floor = cfg.close_threshold - QUICK_MARGIN  # near misses may hold outside words: see below
    for query in queries:  # the words as typed; then (only if need be) with tense undone
        if not budget.left():
            break
        try:
            candidates = store.quotes.candidate_norms(
                "quotes", query, cfg.candidates, budget.deadline
            )
        except SearchTimeout:
            budget.cut = True
            break
        ids = shortlist(query_words, candidates, floor)
        known = {r.id for r in records}
        found = store.quotes.quotes_by_ids([i for i in ids if i not in known])
        records.extend(found)
        matches.extend(m for r in found if (m := score_quote(query_words, r, floor)) is not None)
        if any(m.verbatim for m in matches):
            break
    if not any(m.verbatim or m.score >= NEAR_CERTAIN for m in matches) and budget.left():
        # Nothing on record holds the query: perhaps the query holds a quote on record.
        matches.extend(_quotes_inside_query(query_words, store, queries[0], records))
    matches = with_outside_words(query_words, matches, store, cfg.close_threshold)
    return [m for m in matches if m.verbatim or m.score >= cfg.close_threshold]


def _quotes_inside_query(
    query_words: list[str], store: Store, query: SearchQuery, seen: list[QuoteRecord]
) -> list[QuoteMatch]:
    """Quotes on record that the query holds with words around them ("Jess Phillips deserves
    to be in prison"): found through the paragraphs that hold the query's words."""
    if len(query_words) < 3:
        return []  # a quote of two or more words with something around it
    known = {r.id for r in seen}
    places = store.articles.places_with_all_terms(query.terms, REFINE)
    return [
        QuoteMatch(record, 100.0, True, (), inside_query=True)
        for record in store.quotes.quotes_in_places(places)
        if record.id not in known and quote_inside(query_words, words(record.text))
    ]


def could_peel(query_words: list[str], m: QuoteMatch, threshold: float) -> bool:
    """Whether words at an end of the query may be the article's words outside the marks,
    told without the paragraph: the query starts or ends with words the quote does not
    have (at most ``MOST_PEELED`` a side), and without them it would come close to the
    quote. Most near misses are other quotes that share a few words: for them the
    paragraph is not read."""
    if m.verbatim or len(query_words) < 3:
        return False
    quote_words = words(m.record.text)
    have = set(folded(quote_words))
    ends = folded(query_words)
    k = 0
    while k < min(MOST_PEELED, len(ends) - 2) and ends[k] not in have:
        k += 1
    j = len(ends)
    while len(ends) - j < MOST_PEELED and j - k > 2 and ends[j - 1] not in have:
        j -= 1
    if (k, j) == (0, len(ends)):
        return False
    better = match(query_words[k:j], quote_words)
    return better.verbatim or better.score >= threshold


def with_outside_words(
    query_words: list[str], matches: list[QuoteMatch], store: Store, threshold: float
) -> list[QuoteMatch]:
    """Matches with the query's words that the article has outside the marks set apart: a
    quote inside the query gets its outside runs; a near miss whose ends the paragraph has
    right outside the marks ("Phillips deserved to be in prison" beside Jess Phillips
    “deserves to be in prison”) is scored on the rest, and kept if that is close."""
    wanted = [m for m in matches if m.inside_query or could_peel(query_words, m, threshold)]
    places = sorted({(m.record.article.id, m.record.paragraph) for m in wanted})
    texts = store.articles.paragraph_texts(places)
    out = []
    for m in matches:
        paragraph = texts.get((m.record.article.id, m.record.paragraph), "")
        if m.inside_query:
            runs = outside_marks(query_words, words(m.record.text), paragraph, m.record.text)
            m = m._replace(outside=runs)
        elif paragraph and could_peel(query_words, m, threshold):
            core, runs = peel(query_words, paragraph, m.record.text)
            if runs:
                better = match(core, words(m.record.text))
                if better.score > m.score and (better.verbatim or better.score >= threshold):
                    m = QuoteMatch(m.record, better.score, better.verbatim, better.diff, runs)
        out.append(m)
    return out


def _merged_groups(matches: list[QuoteMatch]) -> list[list[QuoteMatch]]:
    """Matches grouped one group per quote: the same words, or a quote that holds another
    one's words (000's longer quote and 001's shorter), when the speakers do not disagree."""
    by_words: dict[str, list[QuoteMatch]] = {}
    for m in matches:
        by_words.setdefault(norm(m.record.text), []).append(m)
    groups: list[tuple[list[str], list[QuoteMatch]]] = []
    for key in sorted(by_words, key=lambda k: -len(k.split())):
        key_words = key.split()
        home = next(
            (
                items
                for longer, items in groups
                if len(key_words) >= MIN_MERGED
                and contains_words(longer, key_words)
                and _speakers_agree(items, by_words[key])
            ),
            None,
        )
        if home is None:
            groups.append((key_words, list(by_words[key])))
        else:
            home.extend(by_words[key])
    return [items for _, items in groups]


def _speakers_agree(a: list[QuoteMatch], b: list[QuoteMatch]) -> bool:
    names = {m.record.speaker for m in [*a, *b] if m.record.speaker}
    return all(same_person(x, y) for x in names for y in names)


def quote_hits(matches: list[QuoteMatch], base_url: str | None, typed: str) -> QuoteHits:
    """One hit per quote across articles, the paragraphs they stand in, and conflicts."""
    hits: list[Hit] = []
    conflict: tuple[str, ...] = ()
    for items in _merged_groups(matches):
        hit, disagree = _group_hit(items, base_url, typed)
        hits.append(hit)
        if disagree and not conflict:
            conflict = disagree
    places = {(m.record.article.id, m.record.paragraph) for m in matches}
    return QuoteHits(hits, places, conflict)


def _group_hit(
    items: list[QuoteMatch], base_url: str | None, typed: str
) -> tuple[Hit, tuple[str, ...]]:
    """One hit for the same words in every article that carries them, and the speakers the
    articles disagree on (empty when they agree)."""
    sources = earliest_first(source_of(m.record.article, m.record.n, base_url) for m in items)
    first = next(m.record for m in items if m.record.article.id == sources[0].article_id)
    # A longer quote that holds the others is shown whole; the same words, as first published.
    longest = max((m.record for m in items), key=lambda r: len(words(r.text)))
    longest = first if len(words(first.text)) == len(words(longest.text)) else longest
    best = max(items, key=lambda m: (m.verbatim, m.score))
    named = [m.record for m in items if m.record.speaker]
    speakers: list[str] = []
    for r in named:
        if not any(same_person(r.speaker or "", known) for known in speakers):
            speakers.append(r.speaker or "")
    speaker = (
        max(speakers, key=lambda name: sum(same_person(r.speaker or "", name) for r in named))
        if speakers
        else None
    )
    carriers = [r for r in named if speaker and same_person(r.speaker or "", speaker)]
    evidence_record = max(carriers or [first], key=lambda r: r.confidence)
    # The desk's word beats the extractor's: a corrected attribution has no extracted evidence.
    correction = next((r.correction for r in carriers if r.correction), None)
    confirmation = next((m.record.confirmation for m in items if m.record.confirmation), None)
    if correction is not None:
        evidence_record = next(r for r in carriers if r.correction)
    attributed = speaker is not None and correction is None
    hit = Hit(
        speaker=speaker,
        role=evidence_record.role if attributed else None,
        quote=longest.text,
        score=best.score,
        verdict="verbatim" if best.verbatim else "close",
        diff=None if best.verbatim else as_typed_diff(best.diff, typed),
        confidence=evidence_record.confidence if attributed else None,
        evidence=evidence_record.evidence if attributed else None,
        outside_marks=tuple(as_typed(run, typed) for run in best.outside),
        correction=correction,
        confirmation=confirmation,
        attributed_in=tuple(sorted({r.article.id for r in carriers})),
        sources=sources,
    )
    return hit, tuple(speakers) if len(speakers) > 1 else ()


def as_typed_diff(diff: tuple[DiffWord, ...], typed: str) -> tuple[DiffWord, ...]:
    """The differences with the query's side as the editor typed it ("Deserved", not
    "deserved")."""
    return tuple(d.model_copy(update={"query": as_typed(d.query, typed)}) for d in diff)
