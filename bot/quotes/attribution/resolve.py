"""From a mention to a speaker: names through the article's registry, pronouns through the
focus (recent subjects and speakers), role nouns through the roles the article gave people.
Two people a pronoun could mean make it nobody: unattributed beats a guess."""

from __future__ import annotations

from bot.quotes import lexicon as lx
from bot.quotes.attribution.model import NONE, Attribution, SentenceContext
from bot.quotes.attribution.state import WINDOW_SENTENCES, ReadingState
from bot.quotes.entities import Entity
from bot.quotes.mentions import Mention

FOCUS_PARAGRAPHS = 2
FAR_FOCUS_PARAGRAPHS = 6  # further back only when no other fitting person was named since


class Resolver:
    """Resolves mentions against an article's reading state."""

    def __init__(self, state: ReadingState) -> None:
        self.state = state

    def mention(self, ctx: SentenceContext, m: Mention) -> Attribution:
        """The entity a mention refers to, with confidence and the sentence that names it."""
        if m.kind == "name":
            entity = self.state.name_of(ctx, m.first)
            if entity is None:
                return NONE
            return Attribution(entity, 0.9, named_sentence=ctx.index)
        if m.kind == "pronoun":
            return self._pronoun(ctx, m)
        return self._role(ctx, m)

    def subject(self, ctx: SentenceContext, m: Mention | None, cue: str) -> Attribution:
        """The speaker a mention names as the subject of the reporting verb ``cue``; nobody
        (speech, no speaker) when the subject names two people ("Trump and Ryan issued a
        statement …"): the words are both of theirs, not one's."""
        if m is None:
            return NONE
        if coordinated(ctx, m):
            return Attribution(None, 0.0, cue)
        attr = self.mention(ctx, m)
        if attr.entity is None and _names_an_organisation(ctx, m):
            attr = self._org_subject_before(ctx)  # "“…,” the agency said": the one in focus
        return Attribution(attr.entity, attr.confidence, cue, ctx.index, attr.named_sentence)

    def person(self, ctx: SentenceContext, m: Mention | None, confidence: float) -> Attribution:
        """The person a mention names (no organisation, nobody unresolved), at ``confidence``:
        evidence weaker than a reporting verb."""
        if m is None or coordinated(ctx, m):
            return NONE
        attr = self.mention(ctx, m)
        if attr.entity is None or not attr.entity.person_like:
            return NONE
        return Attribution(attr.entity, confidence, None, ctx.index, attr.named_sentence)

    def compatible(self, entity: Entity, head: str) -> bool:
        """Whether a pronoun (or "it") can refer to the entity."""
        gender = lx.PRONOUNS.get(head, "n")
        if gender in ("m", "f"):
            return entity.person_like and entity.gender in (gender, None)
        return entity.org or not entity.person_like  # "EDC declined … “…,” it said"

    def of_entity(self, entity: Entity, confidence: float) -> Attribution:
        """An attribution to an entity found without its name here (a known gender is surer)."""
        if entity.gender is None and not entity.org:
            confidence -= 0.05
        return Attribution(entity, confidence, named_sentence=self.state.named_in.get(id(entity)))

    def _pronoun(self, ctx: SentenceContext, m: Mention) -> Attribution:
        head = m.head or ""
        tokens = ctx.tokens
        earlier = [x for x in ctx.mentions if x.last < m.first and x.kind != "pronoun"]
        subordinate = any(
            tokens[k].lower in lx.SUBORDINATORS for k in range(max(0, m.first - 2), m.first)
        )
        if subordinate:
            # "Lopez went after Kerr at the debate, when she called …": the main clause's
            # subject first (the one the sentence is about), then the nearest name.
            main = [ctx.main] if ctx.main is not None and ctx.main in earlier else []
            for x in main + list(reversed(earlier)):
                entity = self.mention(ctx, x).entity
                if entity is not None and self.compatible(entity, head):
                    return self.of_entity(entity, 0.8)
        elif ctx.main is not None and ctx.main in earlier:
            entity = self.mention(ctx, ctx.main).entity
            if entity is not None and self.compatible(entity, head):
                return self.of_entity(entity, 0.8)
        return self._from_focus(ctx, head, m.first)

    def _from_focus(self, ctx: SentenceContext, head: str, at: int) -> Attribution:
        """The most recent compatible entity in focus (a known, fitting gender is surer)."""
        for entity, paragraph, _ in reversed(self.state.focus):
            if ctx.paragraph - paragraph > FOCUS_PARAGRAPHS:
                break
            if self.compatible(entity, head):
                rival = self._newly_named_rival(ctx, entity, head)
                if rival is not None and (
                    self._introduced_before(ctx, rival, head)
                    or self._reacts_before(ctx, rival, entity)
                ):
                    # "… for Mississauga accountant Babatunji Farinloye, 50. “…,” he says.":
                    # a person brought in by name in the sentence just before is quoted next.
                    return self.of_entity(rival, 0.7)
                if rival is not None:
                    return NONE  # two people it could mean: unattributed beats a guess
                sure = head in ("he", "she", "his", "her") and entity.gender is not None
                return self.of_entity(entity, 0.8 if sure else 0.7)
        named = self._recently_named(ctx, head, at)
        if named is not None:
            return self.of_entity(named, 0.65)
        return self._from_earlier_focus(ctx, head)

    def _recently_named(self, ctx: SentenceContext, head: str, at: int) -> Entity | None:
        """Nobody fitting in focus: the one fitting person named (as an object too) in the
        sentence and the two before it: "I asked barber Robert McMillen … “…,” he explains." """
        if head not in ("he", "she"):
            return None
        fitting = [
            e
            for e in self.state.named_between(ctx.index - 3, ctx.index, at)
            if self.compatible(e, head) and e.gender is not None
        ]
        if len(fitting) != 1:
            return None
        earlier = {
            id(e)
            for e, _, _ in self.state.focus_within(ctx, FAR_FOCUS_PARAGRAPHS)
            if e is not fitting[0] and self.compatible(e, head) and e.gender is not None
        }
        return None if earlier else fitting[0]  # a speaker further back could be meant

    def _newly_named_rival(self, ctx: SentenceContext, entity: Entity, head: str) -> Entity | None:
        """Another person the pronoun could mean, named (not as the subject) in the sentence
        just before: "… a comment that Scheer found concerning. “…,” he said." """
        if head not in ("he", "she") or ctx.index == 0:
            return None
        prev = self.state.recent.get(ctx.index - 1)
        if prev is None or ctx.paragraph - prev.paragraph > 1:
            return None
        if prev.main is not None and self.mention(prev, prev.main).entity is entity:
            return None  # the sentence before is about the focus person: "he" continues it
        for m in prev.mentions:
            if m.kind != "name" or m.possessive:
                continue
            other = self.state.name_of(prev, m.first)
            if other is not None and other is not entity and self.compatible(other, head):
                return other
        return None

    def _introduced_before(self, ctx: SentenceContext, person: Entity, head: str) -> bool:
        """Whether the sentence just before brings ``person`` in: named there for the first
        time, by first name and surname, a gender known, and no other person the pronoun could
        mean named there."""
        seen = self.state.seen_in.get(id(person), [])
        if not seen or seen[0] != ctx.index - 1 or len(person.name) < 2 or person.gender is None:
            return False
        if not person.roles:
            return False  # brought in with a post ("accountant Babatunji Farinloye"), not named
        others = [
            e
            for e in self.state.named_between(ctx.index - 2, ctx.index - 1)
            if e is not person and self.compatible(e, head)
        ]
        return not others

    def _reacts_before(self, ctx: SentenceContext, person: Entity, focus: Entity) -> bool:
        """Whether the sentence just before is about ``person`` alone, with no person as its
        subject: "It's a remark that Scheer found troubling. “…,” he said." (the person in
        focus, named further back, is not named there)."""
        prev = self.state.recent.get(ctx.index - 1)
        if prev is None or ctx.paragraph - prev.paragraph > 1:
            return False
        if prev.main is not None and (prev.main.head or "") not in ("it", "this", "that"):
            return False  # a named or described subject: "he" may mean either
        people = [
            e for e in self.state.named_between(ctx.index - 2, ctx.index - 1) if e.person_like
        ]
        return people == [person] and focus is not person

    def _from_earlier_focus(self, ctx: SentenceContext, head: str) -> Attribution:
        """Further back than the focus window, a he/she still reaches the last person in
        focus when no other person it could mean has been named since (paragraphs of
        background, "Story continues below advertisement", between a speaker's quotes)."""
        if head not in ("he", "she"):
            return NONE
        for entity, paragraph, sentence in reversed(self.state.focus):
            if ctx.paragraph - paragraph > FAR_FOCUS_PARAGRAPHS:
                return NONE
            if ctx.index - sentence > WINDOW_SENTENCES:
                return NONE  # rivals are looked for in that window only
            if not self.compatible(entity, head) or entity.gender is None:
                continue  # this far back, only a known gender is evidence enough
            rivals = [
                other
                for other in self.state.named_between(sentence, ctx.index)
                if other is not entity and self.compatible(other, head)
            ]
            if rivals:
                return NONE
            return self.of_entity(entity, 0.65)
        return NONE

    def _org_role(self, ctx: SentenceContext, head: str) -> Attribution:
        """ "The department added", "the company said": an organisation the article named with
        that word ("Department of Health") or gave that role ("The operator, Northline
        Ferries"); never merely the last one mentioned ("Huawei" in a sentence about Meng)."""
        orgs = [
            e for e in self.state.registry.entities if e.org and self.state.recency(e, ctx) >= 0
        ]
        named = [e for e in orgs if head in (w.lower() for w in e.name) or e.has_role(head)]
        if named:
            return self.of_entity(max(named, key=lambda e: self.state.recency(e, ctx)), 0.75)
        return NONE

    def _org_subject_before(self, ctx: SentenceContext) -> Attribution:
        """ "The U.S. State Department called for their release. / “…,” the agency said": the
        organisation that is the subject of the sentence right before (in the same or the
        previous paragraph), the one the story is about there; nobody when that subject is a
        person or unnamed."""
        before = self.state.recent.get(ctx.index - 1)
        if before is None or ctx.paragraph - before.paragraph > 1:
            return NONE
        main = before.main
        if main is None or main.kind != "name" or main.possessive:
            return NONE
        entity = self.state.name_of(before, main.first)
        if entity is None or not entity.org:
            return NONE
        return self.of_entity(entity, 0.6)

    def _role(self, ctx: SentenceContext, m: Mention) -> Attribution:
        head = m.head or ""
        if ctx.tokens[m.first].lower in ("a", "an"):
            return NONE  # "a national newspaper columnist wrote": someone new, not named
        if _organisation_noun(m):
            return self._org_role(ctx, head)
        role_text = (m.role or "").lower()
        candidates = [
            e
            for e in self.state.registry.entities
            if e.roles  # most entities have none: the cheap test first
            and (e.has_role(head) or any(role_text == r.lower() for r in e.roles))
            and self.state.recency(e, ctx) >= 0
        ]
        if not candidates:
            return NONE
        best = max(candidates, key=lambda e: self.state.recency(e, ctx))
        return self.of_entity(best, 0.7 if len(candidates) == 1 else 0.55)


def _organisation_noun(m: Mention) -> bool:
    """A role mention headed by a word for an organisation ("the department"), not a post."""
    head = m.head or ""
    return m.kind == "org_role" or (head in lx.ORG_NOUNS and head not in lx.ROLE_HEADS)


def _names_an_organisation(ctx: SentenceContext, m: Mention) -> bool:
    """ "the agency", "the company": a definite organisation noun, no name of its own."""
    return (
        m.kind in ("role", "org_role")
        and ctx.tokens[m.first].lower == "the"
        and _organisation_noun(m)
    )


def coordinated(ctx: SentenceContext, m: Mention) -> bool:
    """Whether a name mention is one of two names joined by "and" ("Trump and Ryan")."""
    if m.kind != "name":
        return False
    tokens = ctx.tokens
    after = ctx.by_first.get(m.last + 2)
    # Bare names on both sides: "Heart and Stroke senior manager Erin Kim" is one person.
    if m.last + 1 < len(tokens) and tokens[m.last + 1].lower == "and" and after is not None:
        return after.kind == "name" and after.role is None and m.role is None
    before = ctx.by_last.get(m.first - 2)
    if m.first >= 2 and tokens[m.first - 1].lower == "and" and before is not None:
        return before.kind == "name" and before.role is None and m.role is None
    return False
