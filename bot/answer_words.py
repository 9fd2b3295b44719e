"""The words answers use, the same in the CLI, Slack and the README (pure)."""

from __future__ import annotations

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
UNATTRIBUTED = "Unattributed"


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


def claim_line(answer: Answer) -> str | None:
    """What the record says about the speaker the query names, or None without a claim."""
    claimed = answer.claimed_speaker
    if claimed is None:
        return None
    on_record = answer.hits[0].speaker if answer.hits else None
    if answer.speaker_check == "matches":
        return f"You named {claimed}: the record agrees ({on_record})."
    if answer.speaker_check == "differs":
        return f"You named {claimed}, but the record names {on_record}."
    return f"You named {claimed}: the record does not say who said these words."


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
