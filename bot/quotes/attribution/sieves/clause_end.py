"""Sieves with no reporting verb before the quote: an attribution that ends the sentence
after a comma, and a clause about a person that introduces the quote with a colon."""

from __future__ import annotations

from bot.quotes.attribution.attributor import Attributor
from bot.quotes.attribution.model import Attribution, QuoteSite
from bot.quotes.attribution.subjects import noun_phrase_subject


def trailing(site: QuoteSite, att: Attributor) -> Attribution | None:
    """``The offer was “a slap in the face” for workers, Dana Kowal said.``: the sentence
    ends with its attribution after a comma, and no other quote comes between."""
    tokens = site.ctx.tokens
    for c in range(len(tokens) - 2, site.qi, -1):
        if tokens[c].is_quote:
            return None
        if tokens[c].text == ",":
            found = noun_phrase_subject(att.resolve, site.ctx, c + 1, True)
            return found.adjusted(-0.05) if found.entity is not None else None
    return None


def colon(site: QuoteSite, att: Attributor) -> Attribution | None:
    """``Martell, the addictions doctor, is more blunt: “…”``: a clause about a person that
    introduces the quote with a colon, and no reporting verb."""
    ctx, qi = site.ctx, site.qi
    if qi < 2 or ctx.tokens[qi - 1].text != ":" or ctx.main is None:
        return None
    found = att.resolve.person(ctx, ctx.main, 0.7)
    return found if found.entity is not None else None
