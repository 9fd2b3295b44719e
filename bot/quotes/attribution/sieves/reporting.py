"""Who the words of a sentence before a point report as speaking: the pre-cue sieves, then a
trailing attribution or a colon. For reported speech, a sentence that ends in a colon before a
quote, and an outlet that only relays ("“…,” according to CNBC")."""

from __future__ import annotations

from bot.quotes.attribution.attributor import Attributor
from bot.quotes.attribution.model import NONE, Attribution, QuoteSite
from bot.quotes.attribution.sieves.clause_end import colon, trailing
from bot.quotes.attribution.sieves.pre_cue import (
    according_to,
    claim_by,
    in_their_words,
    inverted_pre_cue,
    pre_cue,
)

BEFORE = (pre_cue, inverted_pre_cue, according_to, in_their_words, claim_by)


def reporting_clause(site: QuoteSite, att: Attributor) -> Attribution:
    """The first speaker the sieves before the point name; else a reporting verb whose
    subject names nobody (speech, no speaker); else a trailing attribution or a colon."""
    cue_only: Attribution | None = None
    for sieve in BEFORE:
        found = sieve(site, att)
        if found is not None and found.entity is not None:
            return found
        cue_only = cue_only or found
    if cue_only is not None:
        return cue_only
    for sieve in (trailing, colon):
        found = sieve(site, att)
        if found is not None:
            return found
    return NONE
