"""Reported speech: who a sentence reports as speaking ("Mr Lowe said the inquiry will begin
public hearings"), kept apart from quotes, and the focus it leaves behind."""

from __future__ import annotations

from bot.quotes import lexicon as lx
from bot.quotes.attribution.attributor import Attributor
from bot.quotes.attribution.grammar import is_cue, passive, source_phrase_at
from bot.quotes.attribution.model import Attribution, QuoteSite, SentenceContext
from bot.quotes.attribution.sieves.reporting import reporting_clause
from bot.quotes.attribution.subjects import subject_of


def reported_speech(att: Attributor, ctx: SentenceContext) -> Attribution:
    """The subject of the sentence's main reporting verb, the first one outside a subordinate
    clause ("He also said … when he described …" is the first "he"), resolved like a quote's
    speaker; nobody when no verb reports speech."""
    tokens = ctx.tokens
    at_end = QuoteSite(ctx, len(tokens))
    for j in range(len(tokens)):
        if tokens[j].lower in lx.SUBORDINATORS and j > 0:
            break  # "… when he described …": a subordinate clause, not the report
        if source_phrase_at(tokens, j):
            return reporting_clause(at_end, att)
        if is_cue(tokens, j) and not passive(tokens, j):
            found = subject_of(att.resolve, ctx, j)
            if found.entity is not None:
                return found.by("reported_speech")
    return reporting_clause(at_end, att)
