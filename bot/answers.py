"""Use-cases: whosaid and context. The one place where the pure core meets the store."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import NamedTuple

from bot.corpus.boilerplate import Furniture
from bot.corpus.formats import RawArticle, split_paragraphs
from bot.corpus.reader import build_article
from bot.errors import SearchTimeout, UsageError
from bot.links import article_path, is_web_url
from bot.models import (
    Answer,
    ArticleMeta,
    CheckItem,
    CheckStatus,
    ContextAnswer,
    DiffWord,
    Hit,
    QuoteRecord,
    ReportRecord,
    Snippet,
    Source,
    SpeakerCheck,
    Verdict,
)
from bot.quotes.extract import Extractor
from bot.search.claims import backshifted, split_claim
from bot.search.identity import identity
from bot.search.normalize import STOPWORDS, content_terms, folded, norm, words
from bot.search.outside import as_typed, outside_marks
from bot.search.query import SearchQuery
from bot.search.scoring import contains_words, match, quick_score
from bot.settings import BoilerplateRules, SearchSettings
from bot.store.repository import Store

MAX_QUERY_CHARS = 500
MAX_QUERY_WORDS = 80
REFINE = 40  # candidates re-scored word by word after the quick pass
REFINE_REPORTS = 10  # reported-speech sentences are long: refine fewer
QUICK_MARGIN = 10.0  # refine only candidates whose quick score is this close to the threshold
VERDICT_ORDER: dict[Verdict, int] = {"verbatim": 0, "close": 1, "paraphrase": 2, "not_found": 3}
KWIC_CHARS = 80
NEAR_CERTAIN = 90.0  # a close match this good is a misquote of it, not words around a quote
MARKED = re.compile(r"[\"“](?P<words>[^\"“”]{2,400})[\"”]")  # words between quote marks
NAME_RUN = re.compile(r"(?<=\S )(?:[A-Z][\w'’-]+ ){1,}[A-Z][\w'’-]+")
DRAFT_FURNITURE = Furniture.from_rules(BoilerplateRules(drop_lines=[], cut_from=[]))
# The reported-speech search runs beside the quote search, each on its own connection: the
# database (or SQLite's C code, which lets go of the GIL) works on both at once, so an answer
# waits for the slower of the two, not their sum. Shared by every request of a process: a
# burst queues here instead of opening a thread per request.
SEARCH_THREADS = ThreadPoolExecutor(max_workers=4, thread_name_prefix="quotebot-search")


def clean_query(phrase: str) -> str:
    """The phrase without surrounding quote marks; UsageError when it cannot be searched."""
    text = " ".join(phrase.split()).strip().strip("\"'“”‘’«»").strip()
    if not text:
        raise UsageError('give a phrase to look up, e.g. whosaid "deserves to be in prison"')
    if len(text) > MAX_QUERY_CHARS or len(text.split()) > MAX_QUERY_WORDS:
        raise UsageError(
            f"that is too long to look up ({len(text):,} characters); "
            f"paste the quoted words only (up to {MAX_QUERY_CHARS} characters)"
        )
    if not words(text):
        raise UsageError("that has no words to look up; give the quoted words")
    if len(words(text)) <= 2 and all(w in STOPWORDS for w in words(text)):
        # "the", "of the": nothing to find. Longer ones are real ("to be or not to be").
        raise UsageError(f"“{text}” is too common to look up on its own; give a few more words")
    return text


def link_for(article: ArticleMeta, quote_n: int | None, base_url: str | None) -> str:
    """The article's own URL, else its page on our web process, else its id."""
    if is_web_url(article.url):
        return str(article.url)
    if base_url:
        anchor = f"#q{quote_n}" if quote_n else ""
        return f"{base_url.rstrip('/')}{article_path(article.id)}{anchor}"
    return article.id


def source_of(article: ArticleMeta, quote_n: int | None, base_url: str | None) -> Source:
    """A Source line for an article."""
    return Source(
        article_id=article.id,
        title=article.title,
        published=article.published,
        outlet=article.outlet,
        byline=article.byline,
        url=str(article.url) if is_web_url(article.url) else None,
        link=link_for(article, quote_n, base_url),
        quote_n=quote_n,
    )


def _earliest_first(sources: Iterable[Source]) -> tuple[Source, ...]:
    unique = {s.article_id: s for s in sorted(sources, key=lambda s: s.quote_n or 0, reverse=True)}
    return tuple(
        sorted(
            unique.values(), key=lambda s: (s.published is None, s.published or "", s.article_id)
        )
    )


def shortlist(
    query_words: list[str], candidates: list[tuple[int, str]], floor: float, keep: int = REFINE
) -> list[int]:
    """Ids of the candidates worth refining: the best ``keep`` by quick score, above ``floor``."""
    qnorm = " ".join(query_words)
    scored = sorted(((quick_score(qnorm, text), i) for i, text in candidates), reverse=True)
    return [i for score, i in scored[:keep] if score >= floor]


class Budget:
    """An answer's time budget: searches stop at the deadline, and the answer says so."""

    def __init__(self, seconds: float) -> None:
        self.deadline = time.monotonic() + seconds
        self.cut = False  # a search step was skipped or stopped

    def left(self) -> bool:
        """Whether there is time for another search step (noting it when there is not)."""
        if time.monotonic() >= self.deadline:
            self.cut = True
        return not self.cut


class QuoteMatch(NamedTuple):
    """How one stored quote matches the words typed."""

    record: QuoteRecord
    score: float
    verbatim: bool
    diff: tuple[DiffWord, ...]
    inside_query: bool  # the quote is a run of the query (the rest is outside its marks)


def _score_quote(
    query_words: list[str], record: QuoteRecord, cfg: SearchSettings
) -> QuoteMatch | None:
    """A match of the typed words to a stored quote, or None when it is not close enough."""
    record_words = words(record.text)
    if _quote_inside(query_words, record_words):
        return QuoteMatch(record, 100.0, True, (), True)
    m = match(query_words, record_words)
    if not m.verbatim and m.score < cfg.close_threshold:
        return None
    return QuoteMatch(record, m.score, m.verbatim, m.diff, False)


def _quote_inside(query_words: list[str], record_words: list[str]) -> bool:
    """A whole quote of two or more words, not only function words, within a longer query."""
    return (
        len(query_words) > len(record_words) >= 2
        and any(w not in STOPWORDS for w in record_words)
        and contains_words(query_words, record_words)
    )


def items_records(items: list[QuoteMatch]) -> list[QuoteRecord]:
    """The stored quotes behind a group of matches."""
    return [m.record for m in items]


def _group_hit(
    query_words: list[str],
    items: list[QuoteMatch],
    store: Store,
    base_url: str | None,
    typed: str,
) -> tuple[Hit, tuple[str, ...]]:
    """One hit for the same words in every article that carries them, and the speakers the
    articles disagree on (empty when they agree)."""
    sources = _earliest_first(source_of(m.record.article, m.record.n, base_url) for m in items)
    first = next(m.record for m in items if m.record.article.id == sources[0].article_id)
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
    confirmation = next((r.confirmation for r in items_records(items) if r.confirmation), None)
    if correction is not None:
        evidence_record = next(r for r in carriers if r.correction)
    outside: tuple[str, ...] = ()
    if best.inside_query:
        para = dict(store.paragraphs_around(best.record.article.id, best.record.paragraph, 0))
        outside = outside_marks(
            query_words,
            words(best.record.text),
            para.get(best.record.paragraph, ""),
            best.record.text,
        )
        outside = tuple(as_typed(run, typed) for run in outside)
    hit = Hit(
        speaker=speaker,
        role=evidence_record.role if speaker and correction is None else None,
        quote=first.text,
        score=best.score,
        verdict="verbatim" if best.verbatim else "close",
        diff=None if best.verbatim else best.diff,
        confidence=evidence_record.confidence if speaker and correction is None else None,
        evidence=evidence_record.evidence if speaker and correction is None else None,
        outside_marks=outside,
        correction=correction,
        confirmation=confirmation,
        attributed_in=tuple(sorted({r.article.id for r in carriers})),
        sources=sources,
    )
    return hit, tuple(speakers) if len(speakers) > 1 else ()


class QuoteHits(NamedTuple):
    """Quote hits of one answer, the paragraphs they stand in, and who the articles disagree on."""

    hits: list[Hit]
    places: set[tuple[str, int]]  # (article id, paragraph)
    conflict: tuple[str, ...]


class ReportMatch(NamedTuple):
    """A reported-speech sentence and how close it is to the words typed."""

    report: ReportRecord
    score: float


def _quote_hits(
    query_words: list[str],
    store: Store,
    queries: list[SearchQuery],
    cfg: SearchSettings,
    base_url: str | None,
    typed: str,
    budget: Budget,
) -> QuoteHits:
    """Verbatim and close hits, one per quote; the paragraphs they stand in; conflicts."""
    records: list[QuoteRecord] = []
    matches: list[QuoteMatch] = []
    for query in queries:  # the words as typed; then (only if need be) with tense undone
        if not budget.left():
            break
        try:
            candidates = store.candidate_norms("quotes", query, cfg.candidates, budget.deadline)
        except SearchTimeout:
            budget.cut = True
            break
        ids = shortlist(query_words, candidates, cfg.close_threshold - QUICK_MARGIN)
        known = {r.id for r in records}
        found = store.quotes_by_ids([i for i in ids if i not in known])
        records.extend(found)
        matches.extend(m for r in found if (m := _score_quote(query_words, r, cfg)) is not None)
        if any(m.verbatim for m in matches):
            break
    if not any(m.verbatim or m.score >= NEAR_CERTAIN for m in matches) and budget.left():
        # Nothing on record holds the query: perhaps the query holds a quote on record.
        matches.extend(_quotes_inside_query(query_words, store, queries[0], cfg, records))
    groups: dict[str, list[QuoteMatch]] = {}
    for m in matches:
        groups.setdefault(norm(m.record.text), []).append(m)
    hits: list[Hit] = []
    conflict: tuple[str, ...] = ()
    for items in groups.values():
        hit, disagree = _group_hit(query_words, items, store, base_url, typed)
        hits.append(hit)
        if disagree and not conflict:
            conflict = disagree
    places = {(m.record.article.id, m.record.paragraph) for m in matches}
    return QuoteHits(hits, places, conflict)


def _quotes_inside_query(
    query_words: list[str],
    store: Store,
    query: SearchQuery,
    cfg: SearchSettings,
    seen: list[QuoteRecord],
) -> list[QuoteMatch]:
    """Quotes on record that the query holds with words around them ("Jess Phillips deserves
    to be in prison"): found through the paragraphs that hold the query's words."""
    if len(query_words) < 3:
        return []  # a quote of two or more words with something around it
    known = {r.id for r in seen}
    places = store.places_with_all_terms(query.terms, REFINE)
    found = []
    for record in store.quotes_in_places(places):
        if record.id not in known and _quote_inside(query_words, words(record.text)):
            found.append(QuoteMatch(record, 100.0, True, (), True))
    return found


def _marked_hits(
    query_words: list[str], store: Store, query: SearchQuery, base_url: str | None
) -> list[Hit]:
    """Words in quote marks that the archive holds but attributes to nobody (a term, a
    slogan, a quote the article leaves unattributed, words the desk marked "not a quote"):
    never "not found". Found through the paragraphs that hold the query's words, one hit per
    marked span with every article; the desk's decision, when there is one, goes with it."""
    found: dict[str, tuple[str, list[tuple[str, Source]]]] = {}
    asked = folded(query_words)
    for paragraph in store.paragraph_candidates(query, REFINE):
        for marked in MARKED.finditer(paragraph.text):
            span = marked.group("words").strip(" ,.")
            span_words = folded(words(span))
            # The marked words hold the query, or make most of it (a term inside a long
            # query is not what was asked about).
            mostly = len(span_words) >= 0.6 * len(asked)
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
                sources=_earliest_first({s.article_id: s for _, s in sources}.values()),
            )
        )
    return hits


def _without_names(text: str) -> str:
    """The sentence without runs of capitalised words after its first word: an organisation's
    name ("the Rape Gang Inquiry") is not something its speaker said."""
    return NAME_RUN.sub(" ", text)


Candidates = list[tuple[int, str]] | None  # None: the search ran out of time


def _report_candidates(
    store: Store, query: SearchQuery, cfg: SearchSettings, budget: Budget
) -> Candidates:
    """Reported-speech sentences the prefilter finds for the query's ideas (None: cut off)."""
    if not budget.left():
        return None
    try:
        return store.candidate_norms("reports", query.loose(), cfg.candidates, budget.deadline)
    except SearchTimeout:
        return None


def _paraphrase_hits(
    query_words: list[str],
    store: Store,
    candidates: Candidates,
    quoted_places: set[tuple[str, int]],
    cfg: SearchSettings,
    base_url: str | None,
    budget: Budget,
) -> list[Hit]:
    """Reported-speech sentences close to the query, one hit per speaker."""
    if candidates is None:
        budget.cut = True
        return []
    ids = shortlist(
        query_words, candidates, cfg.paraphrase_threshold - QUICK_MARGIN, keep=REFINE_REPORTS
    )
    by_speaker: dict[str, list[ReportMatch]] = {}
    for report in store.reports_by_ids(ids):
        if (report.article.id, report.paragraph) in quoted_places:
            continue  # the quote itself is already a hit: its reporting sentence is not news
        m = match(query_words, words(_without_names(report.text)))
        if m.verbatim or m.score < cfg.paraphrase_threshold:
            continue
        by_speaker.setdefault(report.speaker, []).append(ReportMatch(report, m.score))
    hits = []
    for speaker, items in by_speaker.items():
        best = max(items, key=lambda x: x.score)
        hits.append(
            Hit(
                speaker=speaker,
                quote=best.report.text,
                score=best.score,
                verdict="paraphrase",
                sources=_earliest_first(source_of(x.report.article, None, base_url) for x in items),
            )
        )
    return hits


def _beside(store: Store, work: Callable[[], Candidates]) -> Future[Candidates]:
    """``work`` started on a search thread when the store can read in parallel, else done now."""
    if store.reads_in_parallel:
        return SEARCH_THREADS.submit(work)
    done: Future[Candidates] = Future()
    done.set_result(work())
    return done


def _rank(hits: Iterable[Hit], query_words: list[str]) -> list[Hit]:
    return sorted(
        hits,
        key=lambda h: (
            VERDICT_ORDER[h.verdict],
            -h.score,
            -len(words(h.quote))
            if h.outside_marks or len(words(h.quote)) < len(query_words)
            else 0,
            h.speaker is None,
            h.sources[0].published is None,
            h.sources[0].published or "",
        ),
    )


def _name_like(query: str) -> bool:
    """Short enough, and capitalised or a role ("Musk", "Sir Keir", "the health secretary"),
    to be someone's name: only then is the speaker table asked."""
    return len(query.split()) <= 4 and (query[:1].isupper() or query.lower().startswith("the "))


CHECK_OF: dict[str, SpeakerCheck] = {"same": "matches", "different": "differs", "nobody": "unknown"}


def speaker_check(claimed: str | None, hits: list[Hit], resolved: str | None) -> SpeakerCheck:
    """Whether the record's speaker for the best hit is the person the query claims:
    "differs" only when the record names someone else, "unknown" when it names nobody (or
    the claim is a post we cannot pin on anyone). ``resolved``: the archive's speaker for
    the claim, if it knows one."""
    if claimed is None or not hits or hits[0].speaker is None:
        return "unknown"
    return CHECK_OF[identity(claimed, hits[0].speaker, resolved)]


def whosaid(phrase: str, store: Store, cfg: SearchSettings, base_url: str | None = None) -> Answer:
    """Who said this phrase: verbatim and close quotes, then paraphrases in reported speech.

    A claimed speaker in the query ("Starmer said …") is set aside and checked against the
    record; reported-speech tense ("had been crossed") also finds the words as spoken.
    """
    query = clean_query(phrase)
    claim = split_claim(query)
    query_words = words(claim.words)
    searches = [SearchQuery.of(claim.words)]
    shifted = backshifted(query_words)
    if shifted is not None:
        searches.append(SearchQuery(shifted, content_terms(" ".join(shifted))))
    with store.one_connection():  # a dozen reads: one checkout, one transaction
        speaker_named = (
            None if claim.speaker or not _name_like(query) else store.resolve_speaker(query)
        )
        claimed_as = store.resolve_speaker(claim.speaker) if claim.speaker else None
        budget = Budget(cfg.time_budget_ms / 1000)
        # A name is not a paraphrase of anything its speaker said.
        reports = (
            None
            if speaker_named
            else _beside(store, lambda: _report_candidates(store, searches[0], cfg, budget))
        )
        quote_hits, quoted_places, conflict = _quote_hits(
            query_words, store, searches, cfg, base_url, claim.words, budget
        )
        if budget.left() and not any(h.verdict in ("verbatim", "close") for h in quote_hits):
            quote_hits = [*quote_hits, *_marked_hits(query_words, store, searches[0], base_url)]
        para_hits = (
            _paraphrase_hits(
                query_words, store, reports.result(), quoted_places, cfg, base_url, budget
            )
            if reports is not None
            else []
        )
        hits = _with_updates(_rank([*quote_hits, *para_hits], query_words)[: cfg.max_hits], store)
    best_conflict = conflict if hits and hits[0].verdict in ("verbatim", "close") else ()
    return Answer(
        speaker_named=speaker_named,
        incomplete=budget.cut,
        query=query,
        verdict=hits[0].verdict if hits else "not_found",
        hits=tuple(hits),
        claimed_speaker=claim.speaker,
        speaker_check=speaker_check(claim.speaker, hits, claimed_as),
        conflict=best_conflict,
    )


def _with_updates(hits: list[Hit], store: Store) -> list[Hit]:
    """Mark sources whose text changed after Quotebot first read them: a quote changed after
    publication is a correction an editor needs to know about."""
    ids = sorted({src.article_id for hit in hits for src in hit.sources})
    updated = store.updated_since_first_seen(ids) if ids else {}
    if not updated:
        return hits
    return [
        hit.model_copy(
            update={
                "sources": tuple(
                    src.model_copy(update={"updated": updated[src.article_id].date().isoformat()})
                    if src.article_id in updated
                    else src
                    for src in hit.sources
                )
            }
        )
        for hit in hits
    ]


def context(
    phrase: str, store: Store, cfg: SearchSettings, base_url: str | None = None
) -> ContextAnswer:
    """A quote in its paragraph; a speaker's record; or keyword-in-context snippets."""
    with store.one_connection():
        query = clean_query(phrase)
        speaker = store.resolve_speaker(query)
        if speaker is not None:
            return _speaker_context(query, speaker, store, cfg, base_url)
        answer = whosaid(query, store, cfg, base_url)
        best = next((h for h in answer.hits if h.verdict in ("verbatim", "close")), None)
        if best is not None:
            src = best.sources[0]
            (record,) = store.quote_in_article(src.article_id, src.quote_n or 0)
            return ContextAnswer(
                query=query,
                kind="quote",
                speaker=best.speaker,
                hit=best,
                paragraphs=tuple(store.paragraphs_around(src.article_id, record.paragraph)),
                focus_paragraph=record.paragraph,
                antecedent=record.antecedent,
            )
        snippets = _keyword_snippets(query, store, cfg, base_url)
        return ContextAnswer(
            query=query, kind="keyword" if snippets else "not_found", snippets=snippets
        )


def _hit_of(record: QuoteRecord, base_url: str | None) -> Hit:
    return Hit(
        speaker=record.speaker,
        role=record.role,
        quote=record.text,
        score=100.0,
        verdict="verbatim",
        confidence=record.confidence,
        evidence=record.evidence,
        sources=(source_of(record.article, record.n, base_url),),
    )


def _hits_once(records: Iterable[QuoteRecord], base_url: str | None) -> tuple[Hit, ...]:
    """One hit per quote (the same words by the same speaker), with every article that
    carries it, earliest first; in the order the records came."""
    grouped: dict[tuple[str, str | None], list[QuoteRecord]] = {}
    for record in records:
        grouped.setdefault((norm(record.text), record.speaker), []).append(record)
    return tuple(
        _hit_of(same[0], base_url).model_copy(
            update={"sources": _earliest_first(source_of(r.article, r.n, base_url) for r in same)}
        )
        for same in grouped.values()
    )


def _speaker_context(
    query: str, speaker: str, store: Store, cfg: SearchSettings, base_url: str | None
) -> ContextAnswer:
    by = store.quotes_by_speaker(speaker, limit=cfg.max_hits * 4)
    name_words = words(speaker)
    surname = name_words[-1:]
    search = SearchQuery.of(speaker)
    places = [(p.article.id, p.idx) for p in store.paragraph_candidates(search, cfg.candidates)]
    seen: set[int] = set()
    about: list[QuoteRecord] = []
    for r in [*store.quote_candidates(search, cfg.candidates), *store.quotes_in_places(places)]:
        if r.id in seen or r.speaker == speaker:
            continue
        seen.add(r.id)
        said = words(r.text) + words(r.evidence or "")
        if contains_words(said, name_words) or contains_words(said, surname):
            about.append(r)
    articles = _earliest_first(source_of(r.article, None, base_url) for r in [*by, *about])
    return ContextAnswer(
        query=query,
        kind="speaker",
        speaker=speaker,
        quotes_by=_hits_once(by, base_url),
        quotes_about=_hits_once(about, base_url)[: cfg.max_hits * 2],
        articles=articles,
    )


def _keyword_snippets(
    query: str, store: Store, cfg: SearchSettings, base_url: str | None
) -> tuple[Snippet, ...]:
    terms = content_terms(query)
    pattern = re.compile(
        r"\b" + r"\W+".join(re.escape(w) for w in words(query)) + r"\b", re.IGNORECASE
    )
    loose = re.compile("|".join(rf"\b{re.escape(t)}" for t in terms), re.IGNORECASE)
    full: list[Snippet] = []
    partial: list[Snippet] = []
    for para in store.paragraph_candidates(SearchQuery.of(query), cfg.candidates):
        text = para.text.replace("’", "'")
        present = set(words(text))
        complete = all(t in present for t in terms)
        found = pattern.search(text) or loose.search(text)
        if found is None:
            continue
        snippets = full if complete else partial
        start = max(0, found.start() - KWIC_CHARS)
        end = min(len(para.text), found.end() + KWIC_CHARS)
        snippet = (
            ("…" if start else "")
            + para.text[start:end].strip()
            + ("…" if end < len(para.text) else "")
        )
        snippets.append(Snippet(text=snippet, source=source_of(para.article, None, base_url)))
    return tuple((full or partial)[: cfg.max_hits * 2])


def check_draft(
    text: str,
    store: Store,
    cfg: SearchSettings,
    base_url: str | None = None,
    extractor: Extractor | None = None,
) -> list[CheckItem]:
    """Every quoted passage of a draft, checked: verbatim, altered, wrong speaker, not on record.

    ``extractor`` is the one built from settings (the newsroom's aliases and threshold).
    """
    if not text.strip():
        raise UsageError("there is no text to check")
    raw = RawArticle(paragraphs=split_paragraphs(text), plain=False)
    draft = build_article(raw, "draft", DRAFT_FURNITURE, "draft", "")
    items: list[CheckItem] = []
    for quote in (extractor or Extractor()).quotes(draft):
        if len(words(quote.text)) < 2:
            continue  # a one-word scare quote is not worth checking
        answer = whosaid(quote.text[:MAX_QUERY_CHARS], store, cfg, base_url)
        hit = next((h for h in answer.hits if h.verdict in ("verbatim", "close")), None)
        if hit is None:
            items.append(
                CheckItem(quote=quote.text, draft_speaker=quote.speaker, status="not_found")
            )
            continue
        status: CheckStatus = "verbatim" if hit.verdict == "verbatim" else "altered"
        if quote.speaker and hit.speaker and not same_person(quote.speaker, hit.speaker):
            status = "wrong_speaker"
        items.append(
            CheckItem(quote=quote.text, draft_speaker=quote.speaker, status=status, hit=hit)
        )
    return items


def same_person(a: str, b: str) -> bool:
    """Whether two names plausibly name one person ("Musk" and "Elon Musk", "Mr Musk")."""
    return "same" in (identity(a, b), identity(b, a))
