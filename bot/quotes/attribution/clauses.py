"""Which mention is a clause's subject (pure): the first mention at a clause start that a verb
or an appositive follows, past an opening phrase ("Speaking in Vaughan, Ont., on Thursday,
Trudeau denied …")."""

from __future__ import annotations

from bot.quotes import lexicon as lx
from bot.quotes.attribution.grammar import (
    adverb,
    participle,
    past_qualifier,
    source_phrase_at,
    verb_like,
    verb_within,
)
from bot.quotes.mentions import Mention
from bot.quotes.tokens import Token

CLAUSE_BREAKS = (",", ";", ":", "—", "–")


def main_subject(tokens: tuple[Token, ...], mentions: list[Mention]) -> Mention | None:
    """The subject of the sentence's main clause: its first mention at a clause start.

    After an opening phrase the main clause starts after one of its commas: the first mention
    there that a verb follows is the subject; failing that, the first one after the first
    comma (an appositive).
    """
    opener = bool(tokens) and (
        tokens[0].lower in lx.PREPOSITIONS | lx.SUBORDINATORS | {"despite"}
        or source_phrase_at(tokens, 0)
        or participle(tokens[0].lower)
    )
    if not opener:
        return clause_subject(tokens, mentions, 0, appositive_ok=True)
    commas = [k for k, t in enumerate(tokens) if t.text == ","]
    if not commas:
        return clause_subject(tokens, mentions, 0, appositive_ok=True)
    for comma in commas[:4]:
        found = clause_subject(tokens, mentions, comma + 1, appositive_ok=False)
        if found is not None:
            return found
    return clause_subject(tokens, mentions, commas[0] + 1, appositive_ok=True)


def clause_subject(
    tokens: tuple[Token, ...], mentions: list[Mention], start: int, appositive_ok: bool
) -> Mention | None:
    """The first mention from ``start`` on, at a clause start, that a verb (or, when
    ``appositive_ok``, an appositive) follows."""
    for m in mentions:
        if m.first < start or m.possessive:
            continue
        first = premodifiers_start(tokens, m.first)  # "67-year-old Omar Reyes, …, said"
        prev = tokens[first - 1] if first > start else None
        at_clause_start = first == start or (
            prev is not None
            and (
                prev.text in CLAUSE_BREAKS
                or prev.lower in ("and", "but")
                or prev.is_quote  # “…,” Kim confirmed, adding …
            )
        )
        # "Vermont Sen. Bernie Sanders also sent", "Former Arkansas Gov. Mike Huckabee, …":
        # a capitalised qualifier before the name still opens the clause.
        opener = tokens[start : m.first]
        at_clause_start = at_clause_start or (
            0 < len(opener) <= 2
            and all(t.is_word and t.is_capitalised and not t.is_possessive for t in opener)
            and not any(start <= x.last < m.first for x in mentions)  # not "Dunn's Virginia"
        )
        if not at_clause_start:
            continue
        k = past_qualifier(tokens, m.last + 1)
        while k < len(tokens) and (tokens[k].lower in lx.SKIPPABLE or adverb(tokens[k])):
            k += 1  # "Hillary Clinton immediately posted"
        if k + 1 < len(tokens) and tokens[k].lower in ("on", "last", "this"):
            k += 2 if tokens[k + 1].lower in lx.TIME_WORDS else 0  # "… on Thursday accused"
        if k >= len(tokens):
            continue
        after_auxiliary = k > m.last + 1  # an auxiliary or adverb: a verb phrase follows
        nxt = tokens[k]
        if nxt.lower == "and" and verb_within(tokens, k + 1, 5):
            return m  # "Lonechild and other youth representatives are planning …"
        appositive = nxt.text in (",", "—", "–", "(")  # "Marco Mendicino — a former …"
        after = tokens[k + 1] if k + 1 < len(tokens) else None
        if appositive and appositive_ok and m.kind == "role":
            return named_in_apposition(tokens, mentions, m) or m
        if (appositive and appositive_ok) or verb_like(nxt, after) or after_auxiliary:
            return m  # "Levine has the ability", "He has also taken"
    return None


def premodifiers_start(tokens: tuple[Token, ...], first: int) -> int:
    """Where the age or kind words before a name begin: "(The) 67-year-old Omar Reyes",
    "(a) long-time Cruz ally": an optional determiner, numbers and hyphenated words only."""
    k = first
    while k > 0:
        tok = tokens[k - 1]
        hyphenated = "-" in tok.text and tok.text.islower()
        if tok.text[:1].isdigit() or hyphenated:
            k -= 1
        elif k < first and tok.lower in lx.DETERMINERS:
            return k - 1  # a determiner opens the phrase
        else:
            break
    return k


def named_in_apposition(
    tokens: tuple[Token, ...], mentions: list[Mention], role: Mention
) -> Mention | None:
    """``Director, security response at Symantec, Kevin Haley, agreed``: the name set off by
    commas after a role, right before the verb, is who the role is."""
    for n in mentions:
        if n.first <= role.last or n.kind != "name" or n.first - role.last > 14:
            continue
        k = n.last + 1
        set_off = tokens[n.first - 1].text == "," and k + 1 < len(tokens) and tokens[k].text == ","
        if set_off and verb_like(tokens[k + 1], tokens[k + 2] if k + 2 < len(tokens) else None):
            return n
    return None
