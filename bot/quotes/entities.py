"""People and organisations an article names: canonical names, gender, roles, aliases."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.quotes import lexicon as lx
from bot.quotes.mentions import Mention


@dataclass
class Entity:
    """One person or organisation in an article; ``name`` is the fullest form seen."""

    name: tuple[str, ...]
    org: bool = False
    gender: str | None = None  # "m", "f" or None
    roles: list[str] = field(default_factory=list)
    titled: bool = False

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
        return len(self.name) >= 2 or bool(self.roles)

    def has_role(self, head: str) -> bool:
        """Whether any role of this entity has the given head noun or one of its synonyms."""
        group = next((g for g in lx.ROLE_GROUPS if head in g), frozenset({head}))
        return any(word.lower().strip(",") in group for role in self.roles for word in role.split())


def _gender(title: str | None, first: str) -> str | None:
    if title in lx.TITLES_MALE:
        return "m"
    if title in lx.TITLES_FEMALE:
        return "f"
    low = first.lower()
    if low in lx.FIRST_NAMES_MALE:
        return "m"
    if low in lx.FIRST_NAMES_FEMALE:
        return "f"
    return None


class Registry:
    """The entities of one article, resolved from name mentions in reading order."""

    def __init__(self, aliases: Mapping[str, str] | None = None) -> None:
        self.entities: list[Entity] = []
        self.aliases = aliases or {}

    def resolve_name(self, mention: Mention) -> Entity | None:
        """The entity a name mention refers to, creating or enriching it."""
        name = mention.name
        if not name or (len(name) == 1 and name[0].lower() in lx.PLATFORMS):
            return None
        entity = self._match(name, mention.title)
        if entity is None:
            entity = Entity(name=name, org=mention.org)
            self.entities.append(entity)
        elif len(name) > len(entity.name) and not entity.org:
            entity.name = name
        if mention.title:
            entity.titled = True
        entity.gender = entity.gender or _gender(mention.title, entity.name[0])
        if mention.role and mention.role not in entity.roles:
            entity.roles.append(mention.role)
        entity.org = entity.org or mention.org
        return entity

    def _match(self, name: tuple[str, ...], title: str | None) -> Entity | None:
        key = [w.lower() for w in name]
        for entity in reversed(self.entities):
            ekey = [w.lower() for w in entity.name]
            if ekey == key:
                return entity
        if len(name) == 1:
            word = key[0]
            # "Sir Keir" names a knight by first name; otherwise a lone word is a surname.
            by_first = title in ("sir", "dame", "lord", "lady")
            for entity in reversed(self.entities):
                ekey = [w.lower() for w in entity.name]
                if len(ekey) >= 2 and (ekey[-1] == word or (by_first and ekey[0] == word)):
                    return entity
            return None
        for entity in reversed(self.entities):
            ekey = [w.lower() for w in entity.name]
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
