"""``The Herald quoted Paul Lenz as saying: “…”`` / ``“…,” the Herald quoted Lenz as saying``:
the one quoted speaks — the object of "quoted" before "as saying" — never the one quoting.
The German pack's ``de_cited`` is the same rule ("zitierte die Zeitung X")."""

from __future__ import annotations

from bot.quotes.attribution.attributor import Attributor
from bot.quotes.attribution.grammar import mention_after
from bot.quotes.attribution.model import Attribution, QuoteSite
from bot.quotes.tokens import Token
from bot.wordlists import word_set

OBJECT_REACH = 8  # tokens from "quoted" to "as": a name with its post ("Paul Lenz, a teacher,")


def quoted_as(site: QuoteSite, att: Attributor) -> Attribution | None:
    """The person a form of "quote" names before "as saying" in the quote's sentence, when
    the words from there to the quote (either way) hold no other quote."""
    tokens = site.ctx.tokens
    quoting = word_set("quoting_verbs")
    for j, tok in enumerate(tokens):
        if tok.lower not in quoting:
            continue
        says = _as_saying(tokens, j)
        if says is None:
            continue
        between = tokens[min(says, site.qi) + 1 : max(j, site.qi)]
        if any(t.is_quote for t in between) or any(t.text == ";" for t in between):
            continue  # another quote, or another clause, stands between
        found = att.resolve.person(site.ctx, mention_after(site.ctx, j + 1, limit=2), 0.85)
        if found.entity is None:
            return Attribution(None, 0.0, tokens[says].text)  # speech; the one quoted unnamed
        return Attribution(found.entity, 0.85, tokens[says].text, site.ctx.index)
    return None


def _as_saying(tokens: tuple[Token, ...], verb: int) -> int | None:
    """Where "saying" stands in "quoted X as saying" after the verb at ``verb``."""
    for k in range(verb + 2, min(len(tokens) - 1, verb + 2 + OBJECT_REACH)):
        if tokens[k].is_quote:
            return None
        if tokens[k].lower == "as":
            following = tokens[k + 1].lower
            return k + 1 if following in word_set("quoted_as_gerunds") else None
    return None
