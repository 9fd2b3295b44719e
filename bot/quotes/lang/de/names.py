"""Telling a name from a noun in German, where every noun is capitalised.

A capitalised run is a person's or organisation's name when the article gives it the marks of
one: a known first name before it ("Angela Merkel"), a role or title before it with no article
("Bundeskanzlerin Merkel", "Frau Merkel"), an acronym ("CDU"), or an earlier mention that did
("Merkel" after "Angela Merkel"). A run after an article with no role in between is a noun
phrase ("die Regierung", "der Papst"): a description, not a name. Each article keeps a
:class:`~bot.quotes.lang.de.namebook.NameBook` of the names it has introduced.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.quotes.lang.de import LANGUAGE
from bot.quotes.lang.de.bodies import (
    body_after,
    body_by_name,
    compound_body,
    is_acronym,
    is_body,
    is_medium,
    speaks_for,
)
from bot.quotes.lang.de.vocabulary import (
    common_word,
    definite_articles,
    first_names,
    function_words,
    is_role,
    named_by_adjective,
)
from bot.quotes.tokens import Token

CLAUSE_ENDS = frozenset({",", ";", ":", "(", ")", "—", "–"})

# Surname particles, lower-case inside a name ("Ursula von der Leyen").
PARTICLES = frozenset({"von", "van", "der", "den", "de", "zu", "vom", "zum", "ten", "ter", "di"})
MAX_NAME_WORDS = 5


@dataclass
class Phrase:
    """A noun phrase read off the tokens: its article (if any), roles and name words."""

    determiner: bool
    roles: list[str]
    words: list[str]
    end: int  # the token after the phrase
    inside: bool = False  # not the sentence's first word (whose capital says nothing)
    # The words name a body its roles speak for ("ein Sprecher von Tesla": Tesla).
    body: bool = False
    # An adjective stands between the article and the words ("die 45-jährige Karin Vogt",
    # "der frühere Paul Lenz"): with a first name, a person described, not a noun phrase.
    described: bool = False
    article: str = ""  # the first determiner, lower-cased ("der" in "der Minister")
    start: int = 0  # the phrase's first token


def phrase_at(tokens: tuple[Token, ...], start: int, sentence_start: bool = False) -> Phrase | None:
    """The noun phrase starting at ``start`` ("der Grünen-Politiker Christian Ströbele",
    "Merkel", "die Regierung"); None when no capitalised word follows."""
    k = start
    determiner = False
    article = tokens[k].lower if k < len(tokens) else ""
    while k < len(tokens) and tokens[k].lower in LANGUAGE.words("determiners"):
        determiner, k = True, k + 1
    if determiner:
        k = _past_participial_phrase(tokens, k)  # "die in New York City geborene Lopez"
    adjectives = 0  # "der ehemalige FIFA-Schiedsrichter"
    while determiner and k < len(tokens) and adjectives < 3:
        if _age(tokens, k):
            k += 1  # "der 62-jährige SPD-Politiker": the number, then its adjective
        elif not (
            tokens[k].is_word
            and not tokens[k].is_capitalised
            and tokens[k].lower.endswith(("e", "en", "er", "es"))
        ):
            break
        k, adjectives = k + 1, adjectives + 1
    run: list[str] = []
    while k < len(tokens) and len(run) < MAX_NAME_WORDS + 2:
        tok = tokens[k]
        if run and tok.is_capitalised and tok.lower in function_words():
            break  # "sagte der Papst.Der ältere Bruder": "Der" opens the next sentence
        if (tok.is_word and (tok.is_capitalised or is_acronym(tok.text))) or (
            run
            and tok.lower in PARTICLES
            and run[-1].lower() in first_names()  # "Ursula von der Leyen", not "Sprecher der …"
            and k + 1 < len(tokens)
            and tokens[k + 1].is_capitalised
            and not common_word(tokens[k + 1].text)  # "nach Sturm Tasha zu Dank": no name
        ):
            run.append(tok.text)
        else:
            break
        k += 1
    run = _statement_owner(run)
    if not run:
        return None
    if len(run) == 1 and speaks_for(run[0]):
        spoken_for = _spoken_for(tokens, run[0], k)
        if spoken_for is not None:
            words, end = spoken_for
            return Phrase(determiner, [run[0]], words, end, inside=start > 0, body=True)
    roles: list[str] = []
    # "Der Minister sagte": a post after "der"/"die" is one even as the sentence's start.
    post_article = determiner and article in definite_articles()
    while run and (
        (is_role(run[0]) and (len(run) > 1 or not sentence_start or post_article))
        or (is_medium(run[0]) and len(run) > 1)  # "das US-Magazin Barrons"
    ):
        roles.append(run.pop(0))
    # "der italienische Kardinal Marco Bellini", "Kölns Präsident Klaus Weber": the
    # words before a first name that a surname follows say who the person is.
    given = next((i for i, w in enumerate(run) if i > 0 and w.lower() in first_names()), None)
    if given is not None and _qualifies(run, given):
        roles += run[:given]
        run = run[given:]
    second = next((i for i, w in enumerate(run) if i >= 2 and w.lower() in first_names()), None)
    if second is not None and second + 1 < len(run) and run[0].lower() in first_names():
        # "warf Karin Vogt Paul Lenz vor": a second person's first name ends the first name.
        k -= len(run) - second
        run = run[:second]
    return Phrase(
        determiner,
        roles,
        run,
        k,
        inside=start > 0,
        described=adjectives > 0,
        article=article if determiner else "",
        start=start,
    )


GENITIVE_ENDINGS = ("’", "'", "s")


def _statement_owner(run: list[str]) -> list[str]:
    """ "Karin Vogts Fazit", "Paul Lenz’ Kommentar": a name in the genitive, then a noun for
    words given — the owner's name, who gave them (never "Karin Vogts Fazit" as a name)."""
    if len(run) < 2 or run[-1].lower() not in LANGUAGE.words("statement_nouns"):
        return run
    owner = run[-2]
    if not owner.endswith(GENITIVE_ENDINGS) or len(owner) < 3:
        return run
    return [*run[:-2], owner[:-1]]


def _age(tokens: tuple[Token, ...], k: int) -> bool:
    """A number joined by a hyphen to the lower-case adjective after it ("62-jährige",
    "45-jährigen"), which the tokens split in two: the age before a name or a role."""
    if k + 1 >= len(tokens) or not tokens[k].text.isdigit():
        return False
    adjective = tokens[k + 1]
    return (
        adjective.start == tokens[k].end + 1 and adjective.is_word and not adjective.is_capitalised
    )


def name_with_party(tokens: tuple[Token, ...], k: int) -> tuple[Phrase, int] | None:
    """The noun phrase at ``k`` and where the sentence goes on after it, past a party or
    post in parentheses ("Paul Lenz (SPD)"); None when no phrase, or nothing, follows."""
    phrase = phrase_at(tokens, k)
    if phrase is None or not phrase.words or phrase.end >= len(tokens):
        return None
    end = phrase.end
    if tokens[end].text == "(":
        end = next((j + 1 for j in range(end, len(tokens)) if tokens[j].text == ")"), end)
    return phrase, end


def _spoken_for(tokens: tuple[Token, ...], role: str, k: int) -> tuple[list[str], int] | None:
    """The body a spokesperson's post at ``k`` speaks for, and where its phrase ends: "ein
    IWF-Sprecher", "ein Sprecher von Tesla", "eine Sprecherin der Deutschen Bank". Not a
    description ("ein Sprecher der Polizei") nor a body a named person follows ("der Sprecher
    der Grünen, Max Weber", whom the apposition names)."""
    compound = compound_body(role)
    if compound is not None:
        return [compound], k
    found = body_after(tokens, k)
    if found is None:
        return None
    start, end = found
    words = [t.text for t in tokens[start:end]]
    if end < len(tokens) and tokens[end].text == "," and phrase_at(tokens, end + 1) is not None:
        return None
    if len(words) > MAX_NAME_WORDS:
        return None
    by_form = any(is_acronym(w) or not (common_word(w) or is_body(w)) for w in words)
    if by_form or named_by_adjective(words) or body_by_name(words):
        return words, end
    return None


PARTICIPIAL_REACH = 6  # "die [in New York City] geborene": words before the participle
PARTICIPLE_ENDINGS = ("ende", "enden", "ender", "ene", "enen", "ener", "te", "ten", "ter")


def _past_participial_phrase(tokens: tuple[Token, ...], k: int) -> int:
    """Where a noun phrase goes on after an extended participle that opens it ("die in New
    York City geborene Lopez", "der seit 2005 amtierende Präsident"): a preposition, a few
    words (no comma, no quote), a participle as adjective. ``k`` itself when none opens it.
    A reflexive verb's participle opens with "sich" ("der sich gern als Retter
    der Stadt inszenierende Bauunternehmer")."""
    if k >= len(tokens) or (
        tokens[k].lower not in LANGUAGE.words("prepositions") and tokens[k].lower != "sich"
    ):
        return k
    for j in range(k + 1, min(len(tokens), k + 1 + PARTICIPIAL_REACH)):
        tok = tokens[j]
        if not (tok.is_word or tok.text.isdigit()):
            return k
        if not tok.is_capitalised and tok.lower.endswith(PARTICIPLE_ENDINGS) and j > k + 1:
            return j + 1 if tok.lower not in function_words() else k
    return k


def named_in_qualifier(tokens: tuple[Token, ...], phrase: Phrase) -> Phrase | None:
    """ "der Abgeordnete des Föderationsrates Viktor Oserow", "der Sprecher des Konzerns Paul
    Lenz": a post with no name, then a body in the genitive and a full name. The name is the
    post holder's, since a body is not named with a first name; after a person in the
    genitive ("der Anwalt des Angeklagten Paul Lenz") it is that person's, so nobody."""
    k = phrase.end
    if phrase.words or not phrase.roles or k >= len(tokens):
        return None
    if tokens[k].lower not in LANGUAGE.words("genitive_articles"):
        return None
    owner = phrase_at(tokens, k)
    if owner is None or not owner.roles or not all(is_body(r) for r in owner.roles):
        return None
    words = owner.words
    if len(words) < 2 or words[0].lower() not in first_names() or is_acronym(words[-1]):
        return None  # "des Vereins Hertha BSC": the body's own name
    return Phrase(phrase.determiner, phrase.roles + owner.roles, words, owner.end, phrase.inside)


def _qualifies(run: list[str], given: int) -> bool:
    """The words of ``run`` before the first name at ``given`` qualify the person a surname
    completes ("Kölns Präsident Klaus Weber"); not a preposition ("Über Lena Brandt")
    nor a first name of its own."""
    before = run[:given]
    return (
        len(run) - given >= 2
        and run[0].lower() not in first_names()
        and not any(w.lower() in function_words() for w in before)
    )
