"""Words a person gave, named by a noun with its owner after it: "Das Fazit von Sandra Boser
nach fünf Jahren überrascht nicht: „…“", "„…“, so das Fazit der Betreiber von
Abgeordnetenwatch". The owner of the statement is the one who spoke."""

from __future__ import annotations

from bot.quotes.attribution.attributor import Attributor
from bot.quotes.entities import Entity
from bot.quotes.lang.de import LANGUAGE
from bot.quotes.lang.de.grammar import book
from bot.quotes.lang.de.names import Phrase, phrase_at
from bot.quotes.lang.de.subjects import rare
from bot.quotes.tokens import Token

ADJECTIVES = 2  # "das nüchterne Fazit", "die ersten Worte": words between article and noun
GENITIVES = frozenset({"des", "der"})  # "das Fazit der Betreiber von Abgeordnetenwatch"


def statement_owner(tokens: tuple[Token, ...], k: int, att: Attributor) -> Entity | None:
    """Who owns the statement the noun phrase at ``k`` names ("das Fazit von X"), or None
    when the phrase names no statement or its owner is no name (a description: "die Antwort
    der Regierung")."""
    noun = _statement_noun(tokens, k)
    if noun is None or noun + 1 >= len(tokens):
        return None
    owner = _owner_phrase(tokens, noun + 1)
    if owner is None or not owner.words:
        return None
    # A bare word after "von" is a name only when German does not use it as a word
    # ("das Fazit von Experten" names nobody).
    return book(att).entity(owner, slot=rare(owner))


def _statement_noun(tokens: tuple[Token, ...], k: int) -> int | None:
    """Where the statement noun of a phrase at ``k`` stands: its article, an adjective or
    two, the noun."""
    if k >= len(tokens) or tokens[k].lower not in LANGUAGE.words("determiners"):
        return None
    j = k + 1
    while j < min(len(tokens), k + 1 + ADJECTIVES) and not tokens[j].is_capitalised:
        j += 1
    if j < len(tokens) and tokens[j].lower in LANGUAGE.words("statement_nouns"):
        return j
    return None


def _owner_phrase(tokens: tuple[Token, ...], j: int) -> Phrase | None:
    """The owner after a statement noun: "von X", or a genitive whose own "von X" names the
    body it stands for ("der Betreiber von Abgeordnetenwatch"), or a genitive name."""
    if tokens[j].lower == "von":
        return phrase_at(tokens, j + 1)
    if tokens[j].lower not in GENITIVES:
        return None
    genitive = phrase_at(tokens, j)
    if genitive is None:
        return None
    if genitive.end + 1 < len(tokens) and tokens[genitive.end].lower == "von":
        return phrase_at(tokens, genitive.end + 1)
    return genitive if genitive.roles else None
