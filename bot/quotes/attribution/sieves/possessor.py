"""``Musk’s “production hell”``: a phrase owned by a person is that person's expression (a
title is no one's: "Smith’s “Hamlet”" starts with a capital and is left alone)."""

from __future__ import annotations

from bot.quotes.attribution.attributor import Attributor
from bot.quotes.attribution.model import Attribution, QuoteSite


def possessor(site: QuoteSite, att: Attributor) -> Attribution | None:
    """The person whose possessive stands right before a quote that starts in lower case."""
    if not site.words[:1].islower():
        return None
    m = site.ctx.by_last.get(site.qi - 1)
    if m is None or not m.possessive or m.kind != "name":
        return None
    found = att.resolve.person(site.ctx, m, 0.6)
    return found if found.entity is not None else None
