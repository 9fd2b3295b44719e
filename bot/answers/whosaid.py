"""Who said these words: quote hits, reported speech, words in marks nobody is named for;
a pasted passage answered quote by quote."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar

from bot.answers.common import Budget, clean_query
from bot.answers.marked import marked_hits
from bot.answers.quotes import QuoteMatch, quote_hits, quote_matches
from bot.answers.reported import (
    Candidates,
    quotes_in_reports,
    report_candidates,
    report_hits,
    report_matches,
)
from bot.answers.updates import with_updates
from bot.models import Answer, Hit, SpeakerCheck, Verdict
from bot.quotes.marks import outside_marks, quoted_in
from bot.search.claims import Claim, backshifted, split_claim
from bot.search.identity import identity, is_role, name_words, same_person
from bot.search.normalize import content_terms, words
from bot.search.query import SearchQuery
from bot.search.spelling import respelled
from bot.settings import SearchSettings
from bot.store.database import Store

VERDICT_ORDER: dict[Verdict, int] = {"verbatim": 0, "close": 1, "paraphrase": 2, "not_found": 3}
CHECK_OF: dict[str, SpeakerCheck] = {"same": "matches", "different": "differs", "nobody": "unknown"}
PASSAGE_OUTSIDE_WORDS = 3  # marked words with this much text around them are a pasted passage
# The reported-speech search runs beside the quote search, each on its own connection: the
# database (or SQLite's C code, which lets go of the GIL) works on both at once, so an answer
# waits for the slower of the two, not their sum. Shared by every request of a process: a
# burst queues here instead of opening a thread per request.
SEARCH_THREADS = ThreadPoolExecutor(max_workers=4, thread_name_prefix="quotebot-search")
_MANY: ContextVar[bool] = ContextVar("answering_many", default=False)


def whosaid(phrase: str, store: Store, cfg: SearchSettings, base_url: str | None = None) -> Answer:
    """Who said this phrase: verbatim and altered quotes, then reported speech.

    A claimed speaker in the query ("Starmer said …") is set aside and checked against the
    record; reported-speech tense ("had been crossed") also finds the words as spoken. A
    pasted passage with quotes in it is answered quote by quote.
    """
    query = clean_query(phrase)
    pasted = " ".join(phrase.split())  # its own marks kept: they say where each quote is
    if is_passage(pasted):
        return _passage_answer(pasted, store, cfg, base_url)
    return _spelled_answer(query, split_claim(query), store, cfg, base_url)


def is_passage(query: str) -> bool:
    """Marked words of two or more with the editor's own text around them: a pasted
    paragraph, whose marks say where each quote is."""
    spans = [q for q in quoted_in(query) if len(words(q)) >= 2]
    return bool(spans) and len(words(outside_marks(query))) >= PASSAGE_OUTSIDE_WORDS


def _passage_answer(query: str, store: Store, cfg: SearchSettings, base_url: str | None) -> Answer:
    """Each quote of a pasted passage answered on its own, with the speaker the passage
    gives it as the claim; the passage's verdict is its least certain quote's."""
    from bot.answers.check import passage_quotes  # the extractor only for passages

    quotes = passage_quotes(query)
    # Marked words the extractor did not take as a quote (a phrase, a scare quote of two
    # words or more) are asked too, with no speaker: every pair of marks gets its answer.
    taken = " | ".join(" ".join(words(q)) for q, _ in quotes)
    for marked in quoted_in(query):
        span = marked.strip(" ,.")
        if len(words(span)) >= 2 and " ".join(words(span)) not in taken:
            quotes.append((span, None))
    quotes.sort(key=lambda q: query.find(q[0]) % (len(query) + 1))  # in the passage's order
    with answering_many(store):
        parts = tuple(answer_claim(q, speaker, store, cfg, base_url) for q, speaker in quotes)
    verdict = max((p.verdict for p in parts), key=VERDICT_ORDER.__getitem__, default="not_found")
    return Answer(
        query=query,
        verdict=verdict,
        hits=(),
        parts=parts,
        incomplete=any(p.incomplete for p in parts),
    )


def answer_claim(
    quoted: str,
    speaker: str | None,
    store: Store,
    cfg: SearchSettings,
    base_url: str | None = None,
) -> Answer:
    """The answer for words already set apart from their speaker (a quote of a draft or a
    passage, and who the text says spoke)."""
    query = clean_query(quoted)
    return _spelled_answer(query, Claim(speaker=speaker, words=query), store, cfg, base_url)


def _spelled_answer(
    query: str, claim: Claim, store: Store, cfg: SearchSettings, base_url: str | None
) -> Answer:
    """The answer, and when it is not word for word, the answer for the words as the archive
    spells them ("Strasse" typed, "Straße" on record; "Müller" typed, "Mueller" on record),
    if that one is closer. Only words some quote holds are respelled, so an English query
    ("issue", "class") costs one index lookup a word, never a second search."""
    first = _answer(query, claim, store, cfg, base_url)
    if first.verdict == "verbatim":
        return first
    spelled = respelled(claim.words, store.quotes.holds_word)
    if spelled is None:
        return first
    second = _answer(query, Claim(speaker=claim.speaker, words=spelled), store, cfg, base_url)
    return second if VERDICT_ORDER[second.verdict] < VERDICT_ORDER[first.verdict] else first


def _answer(
    query: str, claim: Claim, store: Store, cfg: SearchSettings, base_url: str | None
) -> Answer:
    query_words = words(claim.words)
    searches = [SearchQuery.of(claim.words)]
    shifted = backshifted(query_words)
    if shifted is not None:
        searches.append(SearchQuery(shifted, content_terms(" ".join(shifted))))
    with store.one_connection():  # a dozen reads: one checkout, one transaction
        speaker_named = (
            None
            if claim.speaker or not _name_like(query)
            else store.speakers.resolve_speaker(query)
        )
        claimed_as = store.speakers.resolve_speaker(claim.speaker) if claim.speaker else None
        budget = Budget(cfg.time_budget_ms / 1000)
        # A name is not a paraphrase of anything its speaker said.
        reports = (
            None
            if speaker_named
            else _beside(store, lambda: report_candidates(store, searches[0], cfg, budget))
        )
        matches = quote_matches(query_words, store, searches, cfg, budget)
        quoted = {(m.record.article.id, m.record.paragraph) for m in matches}
        reported = (
            report_matches(query_words, store, reports.result(), quoted, cfg, budget)
            if reports is not None
            else []
        )
        in_marks: list[QuoteMatch] = []
        if not any(m.verbatim for m in matches):
            # A quote in a reported sentence is a quote on record: had it held the words
            # typed, the quote search would have found it, so beside a verbatim quote it
            # could only add altered ones (noise), and the read is spared.
            in_marks, reported = quotes_in_reports(query_words, reported, store, cfg)
        quotes = quote_hits([*matches, *in_marks], base_url, claim.words)
        found = quotes.hits
        if budget.left() and not any(h.verdict in ("verbatim", "close") for h in found):
            found = [*found, *marked_hits(query_words, store, base_url)]
        ranked = _without_noise(_rank([*found, *report_hits(reported, base_url)], query_words), cfg)
        hits = with_updates(ranked[: cfg.max_hits], store)
        check = speaker_check(claim.speaker, hits, claimed_as)
        if check == "differs" and _article_gives_the_name(claim.speaker, hits[0], store):
            check = "matches"
    best_conflict = quotes.conflict if hits and hits[0].verdict in ("verbatim", "close") else ()
    return Answer(
        speaker_named=speaker_named,
        incomplete=budget.cut,
        query=query,
        verdict=hits[0].verdict if hits else "not_found",
        hits=tuple(hits),
        claimed_speaker=claim.speaker,
        speaker_check=check,
        conflict=best_conflict,
    )


@contextmanager
def answering_many(store: Store) -> Iterator[None]:
    """Answers asked inside share one connection and one read transaction, every read on it
    (none beside on a second connection): a draft's or a passage's quotes ask the store once,
    not once (or twice) a quote."""
    token = _MANY.set(True)
    try:
        with store.one_connection():
            yield
    finally:
        _MANY.reset(token)


def _beside(store: Store, work: Callable[[], Candidates]) -> Future[Candidates]:
    """``work`` started on a search thread when the store can read in parallel, else done now
    (and always now inside ``answering_many``)."""
    if store.reads_in_parallel and not _MANY.get():
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


def _without_noise(hits: list[Hit], cfg: SearchSettings) -> list[Hit]:
    """Once the very words are on record (in marks or reported), loose matches are noise,
    except another article's account by the same speaker (001's "should be in prison"
    beside the quote "deserves to be in prison"): it is the same statement."""
    exact = [h for h in hits if h.score >= 100.0]
    if not exact:
        return hits
    said_it = [h.speaker for h in exact if h.speaker]
    return [
        h
        for h in hits
        if h.score >= cfg.close_threshold
        or (h.speaker and any(same_person(h.speaker, known) for known in said_it))
    ]


def _name_like(query: str) -> bool:
    """Short enough, and capitalised or a role ("Musk", "Sir Keir", "the health secretary"),
    to be someone's name: only then is the speaker table asked."""
    if len(query.split()) > 4:
        return False
    if query.lower().startswith("the "):
        # Every role the extractor keeps ends in a role noun: only then is it worth a look
        # through the quotes' roles (a scan of the table, 70 ms at 200k quotes).
        return is_role(name_words(query))
    return query[:1].isupper()


def _article_gives_the_name(claimed: str | None, hit: Hit, store: Store) -> bool:
    """A one-word claim the article itself puts before the record's name ("Azfar" for a
    record of "Ali Khan", in an article that names Azfar Ali Khan): the same person, only
    named more fully there than the extractor kept."""
    if not claimed or len(claimed.split()) != 1 or not hit.speaker:
        return False
    return store.articles.articles_say(
        [s.article_id for s in hit.sources], f"{claimed} {hit.speaker}"
    )


def speaker_check(claimed: str | None, hits: list[Hit], resolved: str | None) -> SpeakerCheck:
    """Whether the record's speaker for the best hit is the person the query claims:
    "differs" only when the record names someone else, "unknown" when it names nobody (or
    the claim is a post we cannot pin on anyone). ``resolved``: the archive's speaker for
    the claim, if it knows one."""
    if claimed is None or not hits or hits[0].speaker is None:
        return "unknown"
    return CHECK_OF[identity(claimed, hits[0].speaker, resolved)]
