"""People and organisations an article names: canonical names, gender, roles, aliases."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.quotes import lexicon as lx
from bot.quotes.mentions import Mention
from bot.quotes.names import first_name_gender, is_common_word, names_organisation


@dataclass
class Entity:
    """One person or organisation in an article; ``name`` is the fullest form seen."""

    name: tuple[str, ...]
    org: bool = False
    gender: str | None = None  # "m", "f" or None
    roles: list[str] = field(default_factory=list)
    titled: bool = False
    spoke: bool = False  # named as a quote's speaker: "Tiger Woods said" makes a person

    @property
    def canonical(self) -> str:
        """The display name: the fullest form the article gives."""
        return " ".join(self.name)

    @property
    def person_like(self) -> bool:
        """Whether a he/she could refer to this entity."""
        if self.org:
            return False
        if self.titled or self.gender:
            return True
        if self.roles and any(r.split()[-1].lower() in lx.ROLE_HEADS for r in self.roles):
            return True  # "spokesperson Lu Kang": a post only a person holds
        if len(self.name) == 1:  # "Kim said …": a known first name, or someone with a role
            return self.name[0].lower() in lx.FIRST_NAMES or bool(self.roles)
        if self.spoke and _could_be_person(self.name):
            return True  # "Tiger Woods said": a common first word, but a speaker's name
        return _looks_like_person(self.name)

    @property
    def shown_role(self) -> str | None:
        """The role an answer shows beside the name: the first that says what the person is,
        not whom they stand to ("close confidant" of someone left out)."""
        return next(
            (r for r in self.roles if r.split()[-1].lower() not in lx.RELATIONAL_ROLES), None
        )

    def has_role(self, head: str) -> bool:
        """Whether any role of this entity has the given head noun or one of its synonyms."""
        group = next((g for g in lx.ROLE_GROUPS if head in g), frozenset({head}))
        return any(word.lower().strip(",") in group for role in self.roles for word in role.split())


def _could_be_person(name: tuple[str, ...]) -> bool:
    """Two to four words, no acronym, no organisation word."""
    return (
        2 <= len(name) <= 4
        and not any(w.isupper() and len(w) > 1 for w in name)
        and not names_organisation(name)
    )


def _looks_like_person(name: tuple[str, ...]) -> bool:
    """Two to four name words that are no acronym, organisation or place word, and whose first
    word is no common English word ("Union Station", "Archives Canada", "RCMP" are not people)."""
    if not 2 <= len(name) <= 4:
        return False
    if (
        len(name) >= 3
        and is_common_word(name[-1])
        and not any(w.lower() in lx.FIRST_NAMES for w in name)
    ):
        return False  # "Aesop Double-Edge Razor": a product, not a person
    if any(w.isupper() and len(w) > 1 for w in name):
        return False
    if names_organisation(name):
        return False
    return not is_common_word(name[0])


def _not_a_name(name: tuple[str, ...], mention: Mention, names: frozenset[str]) -> bool:
    """Capitalised words that make no person: "Chicken", "Canadians", initials like "N B";
    a common word is a name where the article only ever writes it as one (``names``)."""
    if all(len(w.rstrip(".")) <= 1 for w in name):
        return True
    lone = len(name) == 1 and not mention.title and not mention.org
    return lone and is_common_word(name[0]) and name[0].lower() not in names


def _gender(title: str | None, first: str) -> str | None:
    if title in lx.TITLES_MALE:
        return "m"
    if title in lx.TITLES_FEMALE:
        return "f"
    return first_name_gender(first)


class Registry:
    """The entities of one article, resolved from name mentions in reading order.

    Entities are indexed by their full name, last word and first word, so resolving a name
    costs the same in the 10,000th paragraph as in the first (a scan of every entity made a
    5 MB article quadratic).
    """

    def __init__(
        self, aliases: Mapping[str, str] | None = None, names: frozenset[str] = frozenset()
    ) -> None:
        self.entities: list[Entity] = []
        self.aliases = aliases or {}
        self.names = names  # common words this article writes only as names ("Obama")
        self._order: dict[int, int] = {}  # id(entity) -> creation order
        self._by_key: dict[tuple[str, ...], Entity] = {}  # lower-case name -> latest entity
        self._by_last: dict[str, list[Entity]] = {}  # last name word -> entities, in order
        self._by_first: dict[str, list[Entity]] = {}  # first word of 2+ word names

    def resolve_name(self, mention: Mention) -> Entity | None:
        """The entity a name mention refers to, creating or enriching it."""
        name = mention.name
        if not name or (
            len(name) == 1 and name[0].lower() in lx.PLATFORMS and name[0].lower() not in self.names
        ):  # "posted on Twitter" names nobody; "Twitter said in a statement" names the firm
            return None
        entity = self._match(name, mention.title)
        if mention.surname_only:
            return entity if entity is not None and not entity.org else None
        if entity is None and _not_a_name(name, mention, self.names):
            return None
        if entity is None:
            entity = Entity(name=name, org=mention.org)
            self._order[id(entity)] = len(self.entities)
            self.entities.append(entity)
            self._index(entity)
        elif len(name) > len(entity.name) and not entity.org and not mention.org:
            entity.name = name  # "Musk" first, "Elon Musk" later: the fuller form
            self._index(entity)
        if mention.title:
            entity.titled = True
        entity.gender = entity.gender or _gender(mention.title, entity.name[0])
        if mention.role and mention.role not in entity.roles:
            entity.roles.append(mention.role)
        entity.org = entity.org or mention.org
        return entity

    def _index(self, entity: Entity) -> None:
        """Index an entity under its (possibly new, fuller) name."""
        key = tuple(w.lower() for w in entity.name)
        self._by_key[key] = entity
        for index, word in ((self._by_last, key[-1]), (self._by_first, key[0])):
            if index is self._by_first and len(key) < 2:
                continue
            bucket = index.setdefault(word, [])
            if entity not in bucket:
                bucket.append(entity)
                bucket.sort(key=lambda e: self._order[id(e)])

    def _last_is(self, word: str) -> list[Entity]:
        """Entities whose name ends with ``word`` (lower case), in order of introduction."""
        return [e for e in self._by_last.get(word, []) if e.name[-1].lower() == word]

    def _first_is(self, word: str) -> list[Entity]:
        """Entities of two or more words whose name starts with ``word``, in order."""
        found = self._by_first.get(word, [])
        return [e for e in found if len(e.name) >= 2 and e.name[0].lower() == word]

    def _match(self, name: tuple[str, ...], title: str | None) -> Entity | None:
        key = tuple(w.lower() for w in name)
        exact = self._by_key.get(key)
        if exact is not None and tuple(w.lower() for w in exact.name) == key:
            return exact
        if len(name) == 1:
            word = key[0]
            # "Sir Keir" names a knight by first name; otherwise a lone word is a surname.
            # Several people share the surname ("Dorie Greenspan", her husband "Michael
            # Greenspan"): a bare surname is the first one introduced, as papers write it.
            by_first = title in ("sir", "dame", "lord", "lady")
            candidates = [e for e in self._last_is(word) if len(e.name) >= 2]
            if by_first:
                candidates += self._first_is(word)
            # A firm named after its founder ("Studio Schicketanz") and the founder herself
            # ("Mary Ann Schicketanz"): a bare surname is the person's.
            pool = [e for e in candidates if e.person_like] or candidates
            if pool:
                return min(pool, key=lambda e: self._order[id(e)])
            # Family name first ("Wang Qishan" … "Wang said"), when it is no known first name.
            if word not in lx.FIRST_NAMES:
                family_first = self._first_is(word)
                if len(family_first) == 1 and not family_first[0].org:
                    return family_first[0]
            return None
        for entity in reversed(self._last_is(key[-1])):
            ekey = tuple(w.lower() for w in entity.name)
            if len(ekey) == 1 and ekey[0] == key[-1]:
                return entity  # "Musk" seen first, "Elon Musk" later: same person
            if len(ekey) < len(key) and key[-len(ekey) :] == ekey and len(ekey) >= 2:
                return entity
            if len(ekey) > len(key) and ekey[-len(key) :] == key:
                return entity
        return None

    def display(self, entity: Entity) -> str:
        """The canonical name after the newsroom's manual aliases."""
        name = entity.canonical
        return self.aliases.get(name, name)
