"""Where the finite verb stands in a German main clause that does not open with its subject:
after a prepositional phrase or a clause of its own ("Im Kongress warb Obama …"), or after a
fronted object ("Den Vorschlag kritisierte Lenz …"). The subject then follows the verb."""

from __future__ import annotations

from bot.quotes.lang.de import LANGUAGE
from bot.quotes.lang.de.grammar import CLAUSE_ENDS
from bot.quotes.lang.de.names import phrase_at
from bot.quotes.lang.de.vocabulary import function_words
from bot.quotes.tokens import Token


def subordinator(token: Token) -> bool:
    """A word that opens a clause of its own ("dass", "weil", "als"), not an article that
    may open a relative clause as well ("der", "die")."""
    return token.lower in LANGUAGE.words("subordinators") - LANGUAGE.words("determiners")


def verb_after_adverbial(tokens: tuple[Token, ...]) -> int | None:
    """Where the finite verb stands in a main clause that opens with a prepositional phrase
    or a clause of its own ("Im Kongress warb Obama …", "Um Zeit zu gewinnen, will
    Oettinger …"): verb second, right after them."""
    if not tokens:
        return None
    comma = next((k for k, t in enumerate(tokens) if t.text in CLAUSE_ENDS), None)
    infinitive = tokens[0].lower == "um" and any(t.lower == "zu" for t in tokens[1 : comma or 0])
    if infinitive or subordinator(tokens[0]):
        # "Um die Zeit zu gewinnen, will Oettinger …", "Als er ankam, sagte Weber …": a
        # clause first, then the verb.
        if comma is None or tokens[comma].text != "," or comma + 1 >= len(tokens):
            return None
        after = comma + 1
    elif tokens[0].lower in LANGUAGE.words("prepositions"):
        phrase = phrase_at(tokens, 1)
        if phrase is None or not phrase.words or phrase.end >= len(tokens):
            return None
        return verb_after_noun_phrase(tokens, len(tokens))
    else:
        return None
    verb = tokens[after]
    plain = verb.is_word and not verb.is_capitalised
    return after if plain and verb.lower not in function_words() else None


def verb_after_noun_phrase(tokens: tuple[Token, ...], end: int) -> int | None:
    """The finite verb, before ``end``, of a verb-second clause that opens with a phrase: the
    first lower-case word after a capitalised noun that is no article, preposition or
    conjunction (adjectives follow an article or another adjective, not a noun), so the
    genitives and prepositional phrases that qualify the noun are passed ("An die Adresse der
    europäischen Stabilitätswächter in Brüssel hatte Lenz …")."""
    for k in range(1, end):
        tok, before = tokens[k], tokens[k - 1]
        if tok.is_quote or tok.text in CLAUSE_ENDS:
            return None
        if not tok.is_word or tok.is_capitalised or tok.lower in function_words():
            continue
        if before.is_word and before.is_capitalised and before.lower not in function_words():
            return k
    return None


def object_first_verb(tokens: tuple[Token, ...], end: int) -> int | None:
    """ "Den Vorschlag kritisierte Lenz …", "Dem Minister widersprach …": where the finite verb
    stands (before ``end``) in a clause that opens with an article no subject takes
    ("den", "dem", "des"): its object comes first, so its subject comes after the verb."""
    if not tokens or tokens[0].lower not in LANGUAGE.words("oblique_articles"):
        return None
    opening = phrase_at(tokens, 0, sentence_start=True)
    if opening is not None and any(
        w.lower() in LANGUAGE.words("work_nouns") for w in opening.words
    ):
        return None  # "Den Titel des Films gab der Sender bekannt: „…“": a title follows
    return verb_after_noun_phrase(tokens, end)
