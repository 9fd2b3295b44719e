"""Telling a name from a noun in German, where every noun is capitalised.

A capitalised run is a person's or organisation's name when the article gives it the marks of
one: a known first name before it ("Angela Merkel"), a role or title before it with no article
("Bundeskanzlerin Merkel", "Frau Merkel"), an acronym ("CDU"), or an earlier mention that did
("Merkel" after "Angela Merkel"). A run after an article with no role in between is a noun
phrase ("die Regierung", "der Papst"): a description, not a name. Each article keeps a
:class:`NameBook` of the names it has introduced, read sentence by sentence.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from bot.quotes.entities import Entity
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
from bot.quotes.tokens import Token

# Surname particles, lower-case inside a name ("Ursula von der Leyen").
PARTICLES = frozenset({"von", "van", "der", "den", "de", "zu", "vom", "zum", "ten", "ter", "di"})
MAX_NAME_WORDS = 5


@cache
def first_names() -> frozenset[str]:
    """First names from Faker's German-speaking locales and the English lists (German news
    quotes the world)."""
    from bot.quotes.people import FIRST_NAMES  # English and international first names

    names: set[str] = set(FIRST_NAMES)
    for locale in LANGUAGE.entries("first_name_locales"):
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in ("first_names_male", "first_names_female", "first_names"):
            names.update(str(n).lower() for n in getattr(provider, attribute, ()) if " " not in n)
    return frozenset(names - LANGUAGE.words("determiners") - LANGUAGE.words("cue_verbs"))


COMMON_ZIPF = 4.0  # "experten" 4.6, "polizei" 5.4; "milinkewitsch" 0, "stoiber" 3.6


@cache
def _german_frequencies() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict("de")


def frequency(word: str) -> float:
    """How often German text uses a word, on wordfreq's Zipf scale (0: never seen)."""
    found = _german_frequencies().get(word.lower(), 0.0)
    return math.log10(found) + 9 if found > 0 else 0.0


def common_word(word: str) -> bool:
    """A word German text uses often (a noun, most likely), by wordfreq's German counts."""
    return frequency(word) >= COMMON_ZIPF


@cache
def function_words() -> frozenset[str]:
    """Articles, pronouns, prepositions and conjunctions: capitalised only to open a sentence."""
    lists = ("determiners", "prepositions", "subordinators")
    pronouns = {line.split()[0] for line in LANGUAGE.entries("pronouns")}
    return frozenset().union(*(LANGUAGE.words(name) for name in lists)) | pronouns


def is_role(word: str) -> bool:
    """A post, not a name: "Regierungssprecher", "SPD-Vorsitzende", "Bundeskanzlerin"."""
    low = word.lower()
    suffixes = LANGUAGE.words("role_suffixes")
    # The genitive and weak endings too: "des Oppositionsführers", "dem Präsidenten".
    forms = (low, low.removesuffix("s"), low.removesuffix("en"), low.removesuffix("n"))
    return any(form.endswith(suffix) for form in forms for suffix in suffixes) or (
        low.rstrip(".") in titles()
    )


@cache
def titles() -> dict[str, str]:
    """Titles written before a name ("Frau", "Herr", "Dr."), each with the gender it gives:
    "m", "f" or "n" (``titles.txt``)."""
    return LANGUAGE.gendered("titles")


ADJECTIVE_ENDINGS = ("en", "em", "er", "es", "e")  # longest first
ADJECTIVE_ZIPF = 3.0  # "deutsche" 5.6, "europäischen" 5.0; "kinde" 3.0, "kinden" 1.7
# The strong dative "-em" is an adjective's alone: "vereintem" 1.2, "süddeutschem" 1.4, where
# nouns and verbs with "-e" and "-en" forms have none ("tagem", "redem", "leitem": 0).
DATIVE_ZIPF = 1.0


def named_by_adjective(words: list[str]) -> bool:
    """ "Deutsche Welle", "Vereinten Nationen", "Europäischen Union": a capitalised adjective
    before a noun, after an article. German writes an adjective in lower case unless it is
    part of a name, so inside a noun phrase its capital marks the phrase as one ("der
    Erste Bürgermeister" is a post, not a body)."""
    if len(words) < 2 or is_role(words[-1]):
        return False
    return declines(words[0])


def declines(word: str) -> bool:
    """Whether a word is a form of an adjective ("Deutsche", "Positives"). An adjective
    declines: its stem takes "-e" and "-en" in common use ("deutsche", "deutschen") and "-em"
    at all; a noun or a verb ending so does not ("Tage", "Rede")."""
    low = word.lower()
    ending = next((e for e in ADJECTIVE_ENDINGS if low.endswith(e)), None)
    if ending is None or len(low) - len(ending) < 3:
        return False
    stem = low[: -len(ending)]
    common = all(frequency(stem + e) >= ADJECTIVE_ZIPF for e in ("e", "en"))
    return common and frequency(stem + "em") >= DATIVE_ZIPF


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


def phrase_at(tokens: tuple[Token, ...], start: int, sentence_start: bool = False) -> Phrase | None:
    """The noun phrase starting at ``start`` ("der Grünen-Politiker Christian Ströbele",
    "Merkel", "die Regierung"); None when no capitalised word follows."""
    k = start
    determiner = False
    while k < len(tokens) and tokens[k].lower in LANGUAGE.words("determiners"):
        determiner, k = True, k + 1
    if determiner:
        k = _past_participial_phrase(tokens, k)  # "die in New York City geborene Lopez"
    adjectives = 0  # "der ehemalige FIFA-Schiedsrichter"
    while (
        determiner
        and k < len(tokens)
        and tokens[k].is_word
        and not tokens[k].is_capitalised
        and tokens[k].lower.endswith(("e", "en", "er", "es"))
        and adjectives < 3
    ):
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
    if not run:
        return None
    if len(run) == 1 and speaks_for(run[0]):
        spoken_for = _spoken_for(tokens, run[0], k)
        if spoken_for is not None:
            words, end = spoken_for
            return Phrase(determiner, [run[0]], words, end, inside=start > 0, body=True)
    roles: list[str] = []
    while run and (
        (is_role(run[0]) and (len(run) > 1 or not sentence_start))
        or (is_medium(run[0]) and len(run) > 1)  # "das US-Magazin Barrons"
    ):
        roles.append(run.pop(0))
    # "der italienische Kardinal Marco Bellini", "Kölns Präsident Klaus Weber": the
    # words before a first name that a surname follows say who the person is.
    given = next((i for i, w in enumerate(run) if i > 0 and w.lower() in first_names()), None)
    if given is not None and _qualifies(run, given):
        roles += run[:given]
        run = run[given:]
    return Phrase(determiner, roles, run, k, inside=start > 0)


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


@dataclass
class NameBook:
    """The names an article has introduced, by each of their words, and the entity each
    stands for (one entity a person, so "Merkel" and "Angela Merkel" are one speaker)."""

    by_word: dict[str, Entity] = field(default_factory=dict)
    by_name: dict[tuple[str, ...], Entity] = field(default_factory=dict)  # full names
    shared: set[str] = field(default_factory=set)  # surnames two named people share
    nouns: set[str] = field(default_factory=set)  # words seen after an article: not names
    last_person: Entity | None = None

    def learn(self, tokens: tuple[Token, ...]) -> None:
        """Read a sentence's names: runs a first name, role or title introduces."""
        for phrase in _phrases(tokens):
            if phrase.determiner and not phrase.roles:
                self.nouns.add(phrase.words[0].lower())  # the head; names may follow it
            else:
                self.entity(phrase)

    def named_in(self, tokens: tuple[Token, ...]) -> list[Entity]:
        """The people and organisations a sentence names (outside its quotes)."""
        return [e for phrase in _phrases(tokens) if (e := self.entity(phrase)) is not None]

    def entity(self, phrase: Phrase, slot: bool = False) -> Entity | None:
        """The person or organisation a phrase names, or None for a description ("die
        Regierung") or words the article never gave the marks of a name. A run with a first
        name, role or title before it becomes one of the article's names; ``slot``: the
        phrase stands where a reporting verb's speaker stands ("sagte Trotnow"), where a
        bare capitalised word with no article is a name unless the article used it as a noun."""
        words = self._known_then_nouns(phrase.words)
        if not words or len(words) > MAX_NAME_WORDS:
            return None
        if _lower(tuple(words)) in self.by_name:
            return self.by_name[_lower(tuple(words))]
        if len(words) == 1 and words[0].lower() in self.shared:
            return None  # "Ratzinger" after Joseph and Georg Ratzinger: either of them
        known = self.by_word.get(words[-1].lower())
        if known is not None and (len(words) == 1 or words[0].lower() in _lower(known.name)):
            return known
        if len(words) == 1 and is_acronym(words[0]):
            return self._add(Entity((words[0],), org=True))
        if phrase.body:
            return self._add(Entity(tuple(words), org=True, roles=list(phrase.roles)))
        # Inside a noun phrase (after an article, or not opening the sentence, where any
        # word is capitalised), a capital on a modifier marks a body's proper name: "die
        # Deutsche Welle", "der Europäischen Union", "laut Süddeutscher Zeitung".
        marked = phrase.determiner or phrase.inside
        if marked and not phrase.roles and (named_by_adjective(words) or body_by_name(words)):
            return self._add(Entity(tuple(words), org=True))
        if phrase.determiner and not phrase.roles:
            return None  # "die Regierung", "der Papst"
        first = len(words) >= 2 and words[0].lower() in first_names()
        unlike_nouns = not any(
            w.lower() in self.nouns or w.lower() in LANGUAGE.words("calendar_words") for w in words
        )
        # "sagte Trotnow"; or two or three capitalised words with no article, inside a
        # sentence ("… mit Aljaksandr Milinkewitsch"): German nouns seldom stand so.
        bare = unlike_nouns and slot
        if not (first or phrase.roles or bare):
            return None
        # "Frau Müller", "Herr Kowalski": the title says who "sie" or "er" may be, and a form
        # of address is no post to show beside the name.
        genders = {titles().get(r.lower().rstrip(".")) for r in phrase.roles} & {"m", "f"}
        gender = genders.pop() if len(genders) == 1 else None
        posts = [r for r in phrase.roles if r.lower() not in LANGUAGE.words("address_forms")]
        roles = [" ".join(posts)] if posts else []
        # "das US-Magazin Barrons": a medium's name, an organisation with no post to show.
        medium = bool(phrase.roles) and all(is_medium(r) for r in phrase.roles)
        if medium:
            return self._add(Entity(tuple(words), org=True))
        return self._add(Entity(tuple(words), roles=roles, gender=gender))

    def _known_then_nouns(self, words: list[str]) -> list[str]:
        """A name the article gave, without the adjectives made nouns a sentence puts right
        after it ("hatte Lenz Positives zu vermelden": Lenz)."""
        for end in range(len(words) - 1, 0, -1):
            known = _lower(tuple(words[:end])) in self.by_name or (
                end == 1 and words[0].lower() in self.by_word
            )
            if known and all(declines(w) for w in words[end:]):
                return words[:end]
        return words

    def _add(self, entity: Entity) -> Entity:
        surname = entity.name[-1].lower()
        other = self.by_word.get(surname)
        if other is not None and _different_people(other, entity):
            # "Georg Ratzinger" after "Joseph Ratzinger": a second person, not the first
            # again; the surname alone names neither from now on.
            self.shared.add(surname)
            self.by_name[_lower(entity.name)] = entity
            self.last_person = entity
            return entity
        for word in entity.name:
            if word.lower() not in PARTICLES:
                self.by_word.setdefault(word.lower(), entity)
        if not entity.org:
            self.last_person = entity
        found = self.by_word.get(surname, entity)
        self.by_name.setdefault(_lower(found.name), found)
        return found


def _phrases(tokens: tuple[Token, ...]) -> Iterator[Phrase]:
    """The noun phrases of a sentence, left to right, none overlapping."""
    k = 0
    while k < len(tokens):
        phrase = phrase_at(tokens, k, sentence_start=k == 0)
        if phrase is None:
            k += 1
            continue
        yield phrase
        k = max(k + 1, phrase.end)


def _different_people(known: Entity, new: Entity) -> bool:
    """Two people with one surname and different first names."""
    return (
        not known.org
        and not new.org
        and len(known.name) >= 2
        and len(new.name) >= 2
        and known.name[0].lower() != new.name[0].lower()
        and known.name[0].lower() in first_names()
        and new.name[0].lower() in first_names()
    )


def _lower(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w.lower() for w in words)
