"""The words answers use, the same in the CLI, Slack and the README (pure)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from bot.models import Answer, Hit, Source

# One name per verdict everywhere; JSON keeps the codes (verbatim, close, paraphrase, not_found).
VERDICT_NAME = {
    "verbatim": "Verbatim",
    "close": "Altered",
    "paraphrase": "Reported speech — not a quote",
    "not_found": "Not found",
}
VERDICT_MEANING = {
    "verbatim": "these exact words are on record",
    "close": "close to words on record, but not the same",
    "paraphrase": "the idea is reported in other words; nobody is quoted saying this",
    "not_found": "nothing in the archive is close enough",
}
REPORTED_VERBATIM_MEANING = (
    "these words are on record as reported speech, without quote marks: "
    "nobody is quoted saying them"
)
REPORTED_IN_THESE_WORDS = "the article reports, in these words (no quote marks)"
REPORTED = "the article reports"
UNATTRIBUTED = "Unattributed"
NO_QUOTES = "No quotes on record"


def verdict_meaning(answer: Answer) -> str:
    """What the answer's verdict means, said for its best hit."""
    if answer.verdict == "paraphrase" and answer.hits and answer.hits[0].reported_verbatim:
        return REPORTED_VERBATIM_MEANING
    return VERDICT_MEANING[answer.verdict]


def reported_label(hit: Hit) -> str:
    """How a reported-speech sentence is introduced."""
    return REPORTED_IN_THESE_WORDS if hit.reported_verbatim else REPORTED


def diff_parts(hit: Hit, mark: Callable[[str], str]) -> list[str]:
    """The differences of an altered hit, each as words an editor reads (``mark`` sets the
    words apart: quotes in a terminal, bold in Slack)."""
    parts = []
    for d in hit.diff or ():
        if d.op == "order":
            parts.append(f"the words are on record in another order: {mark(d.record)}")
        elif d.op == "insert":
            parts.append(f"on record adds {mark(d.record)}")
        elif d.op == "delete":
            parts.append(f"you typed {mark(d.query)}, not on record")
        else:
            parts.append(f"you typed {mark(d.query)} — on record {mark(d.record)}")
    return parts


def passage_line(answer: Answer) -> str:
    """The head of a pasted passage's answer."""
    n = len(answer.parts)
    if n == 1:
        return "Pasted passage: 1 quote in it, checked on its own."
    return f"Pasted passage: {n} quotes, each checked on its own."


def candidates_line(names: list[str]) -> str:
    """An ambiguous name or role: who it may mean."""
    return "That may mean more than one speaker: " + "; ".join(names)


def date_in_words(published: str | None) -> str | None:
    """``2025-01-12T13:30:00`` → ``12 Jan 2025, 13:30``; a date alone has no time."""
    if not published:
        return None
    try:
        if len(published) <= 10:
            return date.fromisoformat(published).strftime("%-d %b %Y")
        moment = datetime.fromisoformat(published)
    except ValueError:
        return published
    if (moment.hour, moment.minute) == (0, 0):
        return moment.strftime("%-d %b %Y")
    return moment.strftime("%-d %b %Y, %H:%M")


def updated_note(source: Source) -> str | None:
    """ "text changed 6 Mar 2025": the article was edited after Quotebot first read it."""
    if not source.updated:
        return None
    return f"text changed {date_in_words(source.updated)} — check the current version"


def correction_line(hit: Hit) -> str | None:
    """ "Corrected by Ana on 6 Mar 2025 (was: Tom Baker) — note": the desk's correction."""
    c = hit.correction
    if c is None:
        return None
    was = c.original_speaker or UNATTRIBUTED.lower()
    note = f" — {c.note}" if c.note else ""
    if c.kind == "not_quote":
        when = date_in_words(c.at.isoformat())
        return f"Marked not a quote by {c.user} on {when} (the extractor had: {was}){note}"
    return f"Corrected by {c.user} on {date_in_words(c.at.isoformat())} (was: {was}){note}"


def confirmation_line(hit: Hit) -> str | None:
    """ "Checked against the source by Ana on 6 Mar 2025"."""
    c = hit.confirmation
    if c is None:
        return None
    return f"Checked against the source by {c.user} on {date_in_words(c.at.isoformat())}"


def first_label(source: Source) -> str:
    """How the earliest source is introduced: its publication date, or when we first saw it."""
    return "First published" if source.published else "First seen in our archive"


def outside_warning(run: str) -> str:
    """The warning for words pasted inside the marks that the article has outside them."""
    return f"‘{run}’ is the reporter's wording — keep it outside the quote marks"


YOU_NAMED = "You named"
PASSAGE_NAMES = "The passage names"  # a pasted passage's own attribution, read by Quotebot


def claim_line(answer: Answer, named: str = YOU_NAMED) -> str | None:
    """What the record says about the speaker the query names, or None without a claim;
    ``named``: who names them (the editor, or a pasted passage)."""
    claimed = answer.claimed_speaker
    if claimed is None:
        return None
    on_record = answer.hits[0].speaker if answer.hits else None
    if answer.speaker_check == "matches":
        return f"{named} {claimed}: the record agrees ({on_record})."
    if answer.speaker_check == "differs":
        return f"{named} {claimed}, but the record names {on_record}."
    if on_record is not None:  # a post, two people, a first name no list knows
        return (
            f"{named} {claimed}; the record names {on_record} and does not say whether that is "
            "the same person."
        )
    return f"{named} {claimed}: the record does not say who said these words."


def conflict_line(answer: Answer) -> str | None:
    """A contested attribution, said first and plainly."""
    if not answer.conflict:
        return None
    return "Contested attribution — articles name different speakers: " + "; ".join(answer.conflict)


def named_in_line(hit: Hit) -> str | None:
    """``Named in 1 of 2 articles`` when some articles carry the words unattributed; for words
    in quote marks that nobody is named for, where they stand and that nobody is named."""
    if hit.in_marks_only:
        n = len(hit.sources)
        where = "the article does" if n == 1 else f"none of the {n} articles does"
        return f"In quote marks, but {where} not say who said it"
    if hit.speaker is None or not hit.attributed_in or len(hit.attributed_in) >= len(hit.sources):
        return None
    return f"{hit.speaker} is named in {len(hit.attributed_in)} of {len(hit.sources)} articles"


def evidence_worth_showing(hit: Hit) -> bool:
    """Evidence that adds something: not a sentence that is only the quote again."""
    if not hit.evidence or hit.verdict == "paraphrase":
        return False
    strip = " \"'“”‘’.,!?"
    return hit.evidence.strip(strip) != hit.quote.strip(strip)


INCOMPLETE = (
    "The search ran out of time: these are the best results found so far "
    "(a shorter, more distinctive part of the quote searches faster)."
)
