"""Reported-speech hits: sentences that report what someone said without quote marks
("Mr Lowe said the inquiry will begin public hearings"), each with its own speaker (the
subject of its reporting verb) and its own article. A match on words that sit inside a quote's
marks in such a sentence is a quote hit, whatever sentence it stands in."""

from __future__ import annotations

import re
from typing import NamedTuple

from bot.answers.common import QUICK_MARGIN, Budget, earliest_first, shortlist, source_of
from bot.answers.quotes import QuoteMatch
from bot.errors import SearchTimeout
from bot.models import DiffWord, Hit, ReportRecord
from bot.search.normalize import folded, is_function_word, norm, words
from bot.search.outside import find_run, peel
from bot.search.query import SearchQuery
from bot.search.scoring import best_window, contains_words, match
from bot.settings import SearchSettings
from bot.store.database import Store

REFINE_REPORTS = 10  # reported-speech sentences are long: refine fewer
NAME_RUN = re.compile(r"(?<=\S )(?:[A-Z][\w'’-]+ ){1,}[A-Z][\w'’-]+")
IN_MARKS = 0.5  # this share of the matched words inside a quote's marks makes it a quote hit
MIN_IN_MARKS = 3  # ... when the words compared with the quote are at least this many
MIN_IDEAS = 2  # "there will be more" has too few words of its own to be anyone's quote
OPENING_MARKS = '"“„«»‘'
STEM = 5  # letters two forms of one word share ("deserv-ed", "deserv-es")

Candidates = list[tuple[int, str]] | None  # None: the search ran out of time


class ReportMatch(NamedTuple):
    """A reported-speech sentence and how close it is to the words typed."""

    report: ReportRecord
    score: float
    verbatim: bool


def has_marks(text: str) -> bool:
    """Whether a sentence has an opening quote mark (double marks of any style, or a single
    one opening after a space: an apostrophe is none)."""
    return any(ch in text for ch in OPENING_MARKS) or " '" in text


def without_names(text: str) -> str:
    """The sentence without runs of capitalised words after its first word: an organisation's
    name ("the Rape Gang Inquiry") is not something its speaker said."""
    return NAME_RUN.sub(" ", text)


def report_candidates(
    store: Store, query: SearchQuery, cfg: SearchSettings, budget: Budget
) -> Candidates:
    """Reported-speech sentences the prefilter finds for the query's ideas (None: cut off)."""
    if not budget.left():
        return None
    try:
        return store.quotes.candidate_norms(
            "reports", query.loose(), cfg.candidates, budget.deadline
        )
    except SearchTimeout:
        return None


def report_matches(
    query_words: list[str],
    store: Store,
    candidates: Candidates,
    quoted_places: set[tuple[str, int]],
    cfg: SearchSettings,
    budget: Budget,
) -> list[ReportMatch]:
    """Reported-speech sentences that hold the words typed, or come close to them."""
    if candidates is None:
        budget.cut = True
        return []
    ids = shortlist(
        query_words, candidates, cfg.paraphrase_threshold - QUICK_MARGIN, keep=REFINE_REPORTS
    )
    asked = folded(query_words)
    found = []
    for report in store.quotes.reports_by_ids(ids):
        if (report.article.id, report.paragraph) in quoted_places:
            continue  # the quote itself is already a hit: its reporting sentence is not news
        if contains_words(folded(words(report.text)), asked):
            found.append(ReportMatch(report, 100.0, True))
            continue
        m = match(query_words, words(without_names(report.text)))
        if m.score >= cfg.paraphrase_threshold:
            found.append(ReportMatch(report, m.score, m.verbatim))
    return found


def quotes_in_reports(
    query_words: list[str], reports: list[ReportMatch], store: Store, cfg: SearchSettings
) -> tuple[list[QuoteMatch], list[ReportMatch]]:
    """The quote hits among the reported sentences (the words matched lie mostly inside a
    quote's marks: "Starmer said a line would be crossed" is “a line has been crossed”,
    altered), and the reports that stay reported speech.

    The quotes' words are read first and checked; only the quotes that pass are read whole
    (with the desk's checks): most reported sentences hold no quote the query is in."""
    # Only a sentence with quote marks in it can hold a quote: the others need no read.
    places = sorted(
        {(r.report.article.id, r.report.paragraph) for r in reports if has_marks(r.report.text)}
    )
    in_place: dict[tuple[str, int], list[tuple[int, str]]] = {}
    for quote_id, article_id, paragraph, text in store.quotes.quote_texts_in_places(places):
        in_place.setdefault((article_id, paragraph), []).append((quote_id, text))
    passed: list[tuple[ReportMatch, int, _InMarks]] = []
    for rm in reports:
        place = (rm.report.article.id, rm.report.paragraph)
        inside = [(i, t) for i, t in in_place.get(place, []) if t in rm.report.text]
        sentence = _Sentence(query_words, rm.report.text) if inside else None
        for quote_id, text in inside:
            if sentence is not None and (m := _quote_in_sentence(query_words, sentence, text, cfg)):
                passed.append((rm, quote_id, m))
    records = {r.id: r for r in store.quotes.quotes_by_ids(sorted({i for _, i, _ in passed}))}
    quotes: list[QuoteMatch] = []
    quoted: set[int] = set()
    for rm, quote_id, m in passed:
        record = records.get(quote_id)  # None: the desk marked it "not a quote"
        if record is not None:
            quotes.append(QuoteMatch(record, m.score, m.verbatim, m.diff, m.outside))
            quoted.add(id(rm))
    return quotes, [rm for rm in reports if id(rm) not in quoted]


class _Sentence:
    """A reported sentence's words, and where the query fits best in them (worked out once
    for every quote the sentence holds)."""

    def __init__(self, query_words: list[str], text: str) -> None:
        self.text = text
        self.words = folded(words(text))
        _, self.start, self.end = best_window(folded(query_words), self.words)


class _InMarks(NamedTuple):
    """How the query matches a quote inside a reported sentence."""

    score: float
    verbatim: bool
    diff: tuple[DiffWord, ...]
    outside: tuple[str, ...]


def _quote_in_sentence(
    query_words: list[str], sentence: _Sentence, quote_text: str, cfg: SearchSettings
) -> _InMarks | None:
    """The match when the query's best place in the sentence lies inside this quote."""
    quote_words = folded(words(quote_text))
    at = find_run(sentence.words, quote_words)
    if at is None or not quote_words:
        return None
    start, end = sentence.start, sentence.end
    overlap = min(end, at + len(quote_words)) - max(start, at)
    if overlap < IN_MARKS * max(1, end - start):
        return None
    core, runs = peel(query_words, sentence.text, quote_text)
    if len(core) < MIN_IN_MARKS:
        return None
    record_words = words(quote_text)
    m = match(core, record_words)
    if not (m.verbatim or m.score >= cfg.paraphrase_threshold):
        return None
    if not m.verbatim and not ideas_kept(core, record_words):
        return None  # "deserves to be in prison" is not an altered "deserve to be spoken"
    return _InMarks(m.score, m.verbatim, m.diff, runs)


def ideas_kept(query_words: list[str], record_words: list[str]) -> bool:
    """Every content word of the query is on record (the same word, or one with the same
    stem: "deserved", "deserves"): what differs is tense and function words, so a loose
    match is the quote altered, not other words."""
    have = folded(record_words)
    ideas = [w for w in folded(query_words) if not is_function_word(w)]
    return len(ideas) >= MIN_IDEAS and all(
        any(r == w or (len(w) >= STEM and r[:STEM] == w[:STEM]) for r in have) for w in ideas
    )


def report_hits(reports: list[ReportMatch], base_url: str | None) -> list[Hit]:
    """One hit per reported sentence (the same sentence in several articles is one), each
    with its own speaker, words and articles."""
    by_sentence: dict[str, list[ReportMatch]] = {}
    for rm in reports:
        by_sentence.setdefault(norm(rm.report.text), []).append(rm)
    hits = []
    for items in by_sentence.values():
        best = max(items, key=lambda x: x.score)
        hits.append(
            Hit(
                speaker=best.report.speaker,
                quote=best.report.text,
                score=best.score,
                verdict="paraphrase",
                reported_verbatim=best.verbatim,
                sources=earliest_first(source_of(x.report.article, None, base_url) for x in items),
            )
        )
    return hits
