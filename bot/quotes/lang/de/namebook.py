"""The names an article has introduced, read sentence by sentence: a run becomes a name when
the article gives it a name's marks (``names``), and later mentions ("Merkel", "Frau Merkel")
find the same entity."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from bot.quotes.entities import Entity
from bot.quotes.lang.de import LANGUAGE
from bot.quotes.lang.de.bodies import body_by_name, is_acronym, is_medium
from bot.quotes.lang.de.names import CLAUSE_ENDS, MAX_NAME_WORDS, PARTICLES, Phrase, phrase_at
from bot.quotes.lang.de.vocabulary import (
    declines,
    definite_articles,
    first_names,
    named_by_adjective,
    titles,
)
from bot.quotes.tokens import Token

APPOSED_REACH = 5  # tokens between a name and its post in apposition ("der Stadt ,")


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
        person: tuple[Phrase, Entity] | None = None  # the last person named, and where
        post: Phrase | None = None  # the last post with no name ("der Bürgermeister")
        for start, phrase in _phrases_from(tokens):
            entity = None
            if phrase.determiner and not phrase.roles:
                self.nouns.add(phrase.words[0].lower())  # the head; names may follow it
            else:
                entity = self.entity(phrase)
            if phrase.roles and not phrase.words:
                if person is not None and _apposed(tokens[person[0].end : start]):
                    _add_post(person[1], phrase)  # "Paul Lenz, der Bürgermeister …,"
                post = phrase
            elif entity is not None and not entity.org:
                if post is not None and _apposed(tokens[post.end : start]):
                    _add_post(entity, post)  # "Der Bürgermeister der Stadt, Paul Lenz,"
                person, post = (phrase, entity), None

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
        first = len(words) >= 2 and words[0].lower() in first_names()
        if phrase.determiner and not phrase.roles and not (phrase.described and first):
            return None  # "die Regierung", "der Papst"; not "die 45-jährige Karin Vogt"
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
        if medium and first:
            # "zitierte die Zeitung Paul Lenz": a medium, then a person it quotes (a paper
            # is not named with a first name); the medium is no post of his.
            return self._add(Entity(tuple(words), gender=gender))
        if medium:
            return self._add(Entity(tuple(words), org=True))
        return self._add(Entity(tuple(words), roles=roles, gender=gender))

    def post_holder(self, phrase: Phrase) -> Entity | None:
        """ "„…“, sagte der Minister" / "so die Sprecherin weiter": a post with the definite
        article and no name is the one person the article has named with that post so far
        ("Innenminister Paul Lenz"); none when two people hold it, or the article has named
        nobody with it (then the post is someone new: "der Sprecher" of a body)."""
        gender = definite_articles().get(phrase.article)
        if gender is None or len(phrase.roles) != 1:
            return None
        post = phrase.roles[0].lower()
        if gender == "f" and not post.endswith(("in", "e")):
            return None  # "sagten die Minister": a plural, several people
        holders = {
            id(e): e
            for e in self.by_word.values()
            if not e.org and any(_holds(role, post) for role in e.roles)
        }
        return next(iter(holders.values())) if len(holders) == 1 else None

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
    for _start, phrase in _phrases_from(tokens):
        yield phrase


def _phrases_from(tokens: tuple[Token, ...]) -> Iterator[tuple[int, Phrase]]:
    """The noun phrases of a sentence with where each starts."""
    k = 0
    while k < len(tokens):
        phrase = phrase_at(tokens, k, sentence_start=k == 0)
        if phrase is None:
            k += 1
            continue
        yield k, phrase
        k = max(k + 1, phrase.end)


def _apposed(between: tuple[Token, ...]) -> bool:
    """Whether the tokens between a name and a post put them in apposition: a comma right
    after the first, or right before the second after its genitive ("der Stadt ,")."""
    if not between or len(between) > APPOSED_REACH:
        return False
    if between[0].text != "," and between[-1].text != ",":
        return False
    inner = between[1:-1]
    return not any(t.is_quote or t.text in CLAUSE_ENDS for t in inner)


def _add_post(person: Entity, post: Phrase) -> None:
    """Record a post given in apposition as the person's, once."""
    role = post.roles[-1]
    if role not in person.roles:
        person.roles.append(role)


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


def _holds(role: str, post: str) -> bool:
    """Whether a person's recorded role is the post ("Innenminister" is a "Minister"; a
    "Vizepräsident" is no "Präsident")."""
    deputies = tuple(LANGUAGE.words("deputy_prefixes"))
    for word in role.lower().split():
        if word.endswith(post) and not word.startswith(deputies):
            return True
    return False


def _lower(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w.lower() for w in words)
