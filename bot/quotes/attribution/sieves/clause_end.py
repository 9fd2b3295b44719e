"""Sieves with no reporting verb before the quote: an attribution that ends the sentence
after a comma, and a clause about a person that introduces the quote with a colon."""

from __future__ import annotations

from bot.quotes.attribution.attributor import Attributor
from bot.quotes.attribution.grammar import is_reporting
from bot.quotes.attribution.model import Attribution, QuoteSite
from bot.quotes.attribution.subjects import inverted, noun_phrase_subject


def trailing(site: QuoteSite, att: Attributor) -> Attribution | None:
    """``The offer was “a slap in the face” for workers, Dana Kowal said.``: the sentence
    ends with its attribution after a comma, and no other quote comes between; or with a
    verb before its subject and an appositive (``“…” for tenants, said Omar Reyes, a
    housing advocate.``)."""
    tokens = site.ctx.tokens
    last_comma = True
    speech: Attribution | None = None  # "…, said a source close to the campaign": nobody named
    for c in range(len(tokens) - 2, site.qi, -1):
        if tokens[c].is_quote:
            break
        if tokens[c].text != ",":
            continue
        found = _verb_first(site, att, c + 1)
        if found is not None and found.entity is None:
            speech = speech or found
            found = None
        if found is None and last_comma:
            found = noun_phrase_subject(att.resolve, site.ctx, c + 1, True)
        if found is not None and found.entity is not None:
            return found.adjusted(-0.05)
        last_comma = False
    return speech


def _verb_first(site: QuoteSite, att: Attributor, ci: int) -> Attribution | None:
    """``…, said Omar Reyes(, a housing advocate / , who rents in Leith).``: a
    reporting verb right after the comma at ``ci - 1``, its subject after it, then nothing
    or what a comma sets off (no other quote) to the sentence's end."""
    ctx, tokens = site.ctx, site.ctx.tokens
    if ci >= len(tokens) or not is_reporting(tokens, ci):
        return None
    m = inverted(ctx, ci)
    if m is None:
        return None
    rest = tokens[m.last + 1 :]
    if rest and (rest[0].text != "," or any(t.is_quote for t in rest)):
        return None
    found = att.resolve.subject(ctx, m, tokens[ci].lower)
    return found if found.entity is not None else Attribution(None, 0.0, tokens[ci].lower)


def colon(site: QuoteSite, att: Attributor) -> Attribution | None:
    """``Martell, the addictions doctor, is more blunt: “…”``: a clause about a person that
    introduces the quote with a colon, and no reporting verb."""
    ctx, qi = site.ctx, site.qi
    if qi < 2 or ctx.tokens[qi - 1].text != ":" or ctx.main is None:
        return None
    found = att.resolve.person(ctx, ctx.main, 0.7)
    return found if found.entity is not None else None
