"""Words a person gave, named by a noun with its owner after it: "Das Fazit von Karin Vogt
nach fünf Jahren überrascht nicht: „…“", "„…“, so das Fazit der Betreiber von
Ratswatchio". The owner of the statement is the one who spoke."""

from __future__ import annotations

from bot.quotes.attribution.attributor import Attributor
from bot.quotes.entities import Entity
from bot.quotes.lang.de import LANGUAGE
from bot.quotes.lang.de.grammar import book
from bot.quotes.lang.de.names import Phrase, phrase_at
from bot.quotes.lang.de.subjects import rare
from bot.quotes.lang.de.vocabulary import statement_noun
from bot.quotes.tokens import Token


def statement_owner(tokens: tuple[Token, ...], k: int, att: Attributor) -> Entity | None:
    """Who owns the statement the noun phrase at ``k`` names ("das Fazit von X"), or None
    when the phrase names no statement or its owner is no name (a description: "die Antwort
    der Regierung")."""
    statement = phrase_at(tokens, k)  # its article and adjectives: "das nüchterne Fazit"
    if statement is None or not statement.determiner or statement.end >= len(tokens):
        return None
    if statement.roles or len(statement.words) != 1 or not statement_noun(statement.words[0]):
        return None
    owner = _owner_phrase(tokens, statement.end)
    if owner is None or not owner.words:
        return None
    # A bare word after "von" is a name only when German does not use it as a word
    # ("das Fazit von Experten" names nobody).
    return book(att).entity(owner, slot=rare(owner))


def _owner_phrase(tokens: tuple[Token, ...], j: int) -> Phrase | None:
    """The owner after a statement noun: "von X", or a genitive whose own "von X" names the
    body it stands for ("der Betreiber von Ratswatchio"), or a genitive name."""
    if tokens[j].lower == "von":
        return phrase_at(tokens, j + 1)
    if tokens[j].lower not in LANGUAGE.words("genitive_articles"):  # "das Fazit der Betreiber"
        return None
    genitive = phrase_at(tokens, j)
    if genitive is None:
        return None
    if genitive.end + 1 < len(tokens) and tokens[genitive.end].lower == "von":
        return phrase_at(tokens, genitive.end + 1)
    return genitive if genitive.roles else None
