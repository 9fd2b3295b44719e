"""Frozen domain models. The core takes and returns these, never dicts or database rows."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

QuoteKind = Literal["full", "partial"]
Verdict = Literal["verbatim", "close", "paraphrase", "not_found"]


class Frozen(BaseModel):
    """Base for immutable models."""

    model_config = ConfigDict(frozen=True, defer_build=True)


class Paragraph(Frozen):
    """One paragraph of a cleaned article body; ``body[start:end] == text``."""

    index: int
    start: int
    end: int
    text: str


class Article(Frozen):
    """A cleaned article: metadata plus a body from which page furniture has been removed."""

    id: str
    title: str | None = None
    published: date | datetime | None = None
    url: str | None = None
    outlet: str | None = None
    byline: str | None = None
    body: str
    paragraphs: tuple[Paragraph, ...]
    source: str | None = None
    content_hash: str | None = None
    language: str | None = None  # as the page or feed states it ("de", "en-GB"); None: unsaid


class Validators(Frozen):
    """What a web server said about a URL's version (ETag, Last-Modified), to ask next time
    only whether it changed."""

    etag: str | None = None
    last_modified: str | None = None


class Quote(Frozen):
    """A direct quote: the words between the marks, where they are, and who said them.

    ``speaker`` is the canonical name, or None when the article does not say (or the evidence is
    too weak to say) who spoke. ``run`` groups the paragraphs of one multi-paragraph quote.
    """

    text: str
    start: int
    end: int
    paragraph: int
    speaker: str | None
    role: str | None = None
    confidence: float
    cue: str | None = None
    kind: QuoteKind
    evidence: str | None = None
    antecedent: str | None = None
    run: int
    sieve: str | None = None  # the attribution sieve that named the speaker


class Report(Frozen):
    """A sentence of reported (unquoted) speech with its speaker: "Musk tweeted that …"."""

    text: str
    start: int
    end: int
    paragraph: int
    speaker: str
    cue: str


class ExtractedArticle(Frozen):
    """An article together with the quotes and reported speech found in it.

    ``terms`` are words in quote marks that are not speech (scare quotes, titles, slogans).
    """

    article: Article
    quotes: tuple[Quote, ...]
    reports: tuple[Report, ...] = ()
    terms: tuple[Quote, ...] = ()
    language: str = "en"  # the language it was read as (stated, else told from its words)
    attributed: bool = True  # False: a language Quotebot does not read; quotes name nobody


class ArticleMeta(Frozen):
    """What a source line shows about an article."""

    id: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    byline: str | None = None


CheckKind = Literal["speaker", "not_quote", "confirmed"]


class DeskCheck(Frozen):
    """What an editor recorded about a quote: a corrected speaker, "not a quote", or a check
    against the source. Nothing is deleted: a withdrawn one keeps who withdrew it and when."""

    id: int
    article_id: str
    quote: str
    kind: CheckKind
    speaker: str | None = None  # the right speaker ("speaker" corrections)
    original_speaker: str | None = None  # what the extractor said, kept for the record
    note: str | None = None
    user: str
    at: datetime
    withdrawn_by: str | None = None
    withdrawn_at: datetime | None = None

    def by_line(self) -> str:
        """ "Ana on 2025-03-06 14:02 UTC"."""
        return f"{self.withdrawn_by or self.user} on {self._when(self.withdrawn_at or self.at)}"

    @staticmethod
    def _when(moment: datetime) -> str:
        return moment.strftime("%Y-%m-%d %H:%M UTC")

    def line(self) -> str:
        """One line of the audit trail."""
        what = {
            "speaker": f"speaker → {self.speaker} (was {self.original_speaker or 'unattributed'})",
            "not_quote": f"not a quote (was {self.original_speaker or 'unattributed'})",
            "confirmed": "checked against the source",
        }[self.kind]
        note = f" — {self.note}" if self.note else ""
        gone = (
            f"  [withdrawn by {self.withdrawn_by} on {self._when(self.withdrawn_at)}]"
            if self.withdrawn_at
            else ""
        )
        quote = self.quote if len(self.quote) <= 60 else self.quote[:59] + "…"
        return (
            f"#{self.id}  {self._when(self.at)}  {self.user}: “{quote}” ({self.article_id}): "
            f"{what}{note}{gone}"
        )


WatchKind = Literal["speaker", "phrase"]


class Watch(Frozen):
    """A channel's watch on a speaker or a phrase."""

    id: int
    channel: str
    kind: WatchKind
    target: str
    created_by: str
    created_at: datetime


class QuoteRecord(Frozen):
    """A stored quote with its article's metadata (and the desk's correction and check, which
    answers apply over what the extractor found)."""

    id: int
    n: int
    text: str
    speaker: str | None
    role: str | None
    confidence: float
    cue: str | None
    kind: str
    paragraph: int
    start: int
    end: int
    evidence: str | None
    antecedent: str | None
    article: ArticleMeta
    correction: DeskCheck | None = None
    confirmation: DeskCheck | None = None


class ReportRecord(Frozen):
    """A stored sentence of reported speech with its article's metadata."""

    id: int
    text: str
    speaker: str
    cue: str
    paragraph: int
    article: ArticleMeta


class ParagraphRecord(Frozen):
    """A stored paragraph with its article's metadata."""

    id: int
    idx: int
    text: str
    article: ArticleMeta


class IngestSummary(Frozen):
    """What an ingest run did."""

    run_id: int
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    skipped: int = 0
    problems: tuple[tuple[str, str], ...] = ()
    pages: tuple[str, ...] = ()  # ids of the web articles read in this run
    sources: int = 0  # URLs asked for (feeds, sitemaps, pages)
    failed_sources: tuple[str, ...] = ()  # of those, the ones that could not be read at all
    reextracted: int = 0  # stored articles extracted again first (the rules had changed)
    # Articles written in a language no rules of ours read (kept, quotes unattributed): by
    # language, most first.
    unattributed: tuple[tuple[str, int], ...] = ()
    stopped: bool = False  # asked to stop (a clock's SIGTERM): the rest is read next time

    @property
    def every_source_failed(self) -> bool:
        """Whether URLs were asked for and not one of them could be read."""
        return self.sources > 0 and len(self.failed_sources) == self.sources

    def line(self) -> str:
        """The one-line summary printed at the end of an ingest."""
        line = (
            f"ingest: {self.new} new, {self.changed} changed, {self.unchanged} unchanged, "
            f"{self.removed} removed, {self.skipped} skipped"
        )
        if self.unattributed:
            total = sum(n for _, n in self.unattributed)
            langs = ", ".join(f"{code} {n}" for code, n in self.unattributed)
            line += f"; {total} in a language not attributed ({langs}): kept, speakers unnamed"
        if self.stopped:
            line += "; stopped early: the rest is read at the next scan"
        return line


class AddedArticle(Frozen):
    """An article an editor added by its URL: what the archive now holds of it."""

    article_id: str
    title: str | None
    outlet: str | None
    url: str | None
    quotes: int
    speakers: tuple[str, ...]


class Stats(Frozen):
    """Archive statistics for the App Home and the CLI."""

    articles: int
    quotes: int
    speakers: int
    last_ingest: str | None


class Source(Frozen):
    """An article that carries a hit, with the link an editor can open."""

    article_id: str
    title: str | None
    published: str | None
    outlet: str | None = None
    byline: str | None = None
    url: str | None = None  # the article's own URL (http(s) only), when it has one
    updated: str | None = None  # ISO date the text last changed, if it changed after first read
    link: str
    quote_n: int | None = None


class DiffWord(Frozen):
    """One difference between the words typed and the words on record (bot.search.scoring)."""

    op: str  # "replace" | "insert" (words on record the query lacks) | "delete" | "order"
    query: str
    record: str


SpeakerCheck = Literal["matches", "differs", "unknown"]


class Hit(Frozen):
    """One quote (the same words in every article that carries them), sources earliest first.

    ``outside_marks``: words of the query that the article has next to the quote but outside
    its quote marks (the reporter's wording). ``attributed_in``: the articles that name
    ``speaker``; the others carry the words unattributed.
    """

    speaker: str | None
    role: str | None = None
    quote: str
    score: float
    verdict: Verdict
    diff: tuple[DiffWord, ...] | None = None
    confidence: float | None = None
    evidence: str | None = None
    outside_marks: tuple[str, ...] = ()
    attributed_in: tuple[str, ...] = ()
    correction: DeskCheck | None = None  # the desk corrected the speaker (shown, with original)
    confirmation: DeskCheck | None = None  # an editor checked it against the source
    in_marks_only: bool = False  # in quote marks, attributed to nobody (a term, a slogan)
    reported_verbatim: bool = False  # reported speech in the very words typed (no marks)
    sources: tuple[Source, ...]


class Answer(Frozen):
    """The answer to ``whosaid``: the best hit's verdict and the hits, best first.

    ``claimed_speaker`` is who the query says spoke ("Starmer said …"), and ``speaker_check``
    whether the record agrees. ``conflict`` lists the speakers when articles disagree on who
    said the best hit's words.
    """

    query: str
    verdict: Verdict
    hits: tuple[Hit, ...]
    claimed_speaker: str | None = None
    speaker_check: SpeakerCheck = "unknown"
    conflict: tuple[str, ...] = ()
    speaker_named: str | None = None  # the query is a speaker's name: their record is /context
    incomplete: bool = False  # the time budget ran out: hits are the best found so far
    parts: tuple[Answer, ...] = ()  # a pasted passage: one answer per quote in it


class Snippet(Frozen):
    """A keyword-in-context line from an article."""

    text: str
    source: Source


class SpeakerCandidate(Frozen):
    """Someone an ambiguous name or role may mean, with a role the articles give them."""

    name: str
    role: str | None = None


class ContextAnswer(Frozen):
    """The answer to ``context``: a quote in its paragraph, a speaker's record (or, for a name
    several speakers fit, the candidates), or snippets.

    ``reported_by``: for a speaker with no quotes on record, what the articles report they
    said.
    """

    query: str
    kind: Literal["quote", "speaker", "ambiguous", "keyword", "not_found"]
    speaker: str | None = None
    hit: Hit | None = None
    paragraphs: tuple[tuple[int, str], ...] = ()
    focus_paragraph: int | None = None
    antecedent: str | None = None
    quotes_by: tuple[Hit, ...] = ()
    quotes_about: tuple[Hit, ...] = ()
    reported_by: tuple[Hit, ...] = ()
    candidates: tuple[SpeakerCandidate, ...] = ()
    articles: tuple[Source, ...] = ()
    snippets: tuple[Snippet, ...] = ()


CheckStatus = Literal["verbatim", "altered", "wrong_speaker", "not_found"]


class CheckItem(Frozen):
    """One quoted passage of a draft checked against the archive."""

    quote: str
    draft_speaker: str | None
    status: CheckStatus
    hit: Hit | None = None


class DigestQuote(Frozen):
    """A quote shown in a digest."""

    text: str
    speaker: str | None
    n: int


class DigestArticle(Frozen):
    """An article in a digest with its most notable quotes."""

    article: ArticleMeta
    link: str
    quotes: tuple[DigestQuote, ...]
    quote_count: int


class Digest(Frozen):
    """A composed digest, ready to render."""

    id: int
    created_at: datetime
    articles: tuple[DigestArticle, ...]
    top_speakers: tuple[tuple[str, int], ...]
