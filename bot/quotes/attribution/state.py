"""The reading state of one article: the sentences read so far (a bounded window), who each
name resolves to, who is in focus, and who spoke where."""

from __future__ import annotations

import bisect
from collections.abc import Callable

from bot.quotes import lexicon as lx
from bot.quotes.attribution.clauses import main_subject
from bot.quotes.attribution.model import Attribution, SentenceContext
from bot.quotes.entities import Entity, Registry
from bot.quotes.mentions import Mention
from bot.quotes.tokens import Sentence, Token

WINDOW_SENTENCES = 60  # no look back reaches further, however long a paragraph runs


class ReadingState:
    """What has been read of an article, fed sentence by sentence in reading order."""

    def __init__(
        self, registry: Registry, find_mentions: Callable[[tuple[Token, ...]], list[Mention]]
    ) -> None:
        self.registry = registry
        self.find_mentions = find_mentions  # the language's
        # The last WINDOW_SENTENCES sentences by index: every look back is bounded by it, so
        # a 5 MB article costs linear time and keeps a bounded number of sentences' tokens.
        self.recent: dict[int, SentenceContext] = {}
        self.read = 0  # sentences read so far
        self.resolved: dict[tuple[int, int], Entity | None] = {}
        self.focus: list[tuple[Entity, int, int]] = []  # (entity, paragraph, sentence index)
        self.named_in: dict[int, int] = {}  # id(entity) -> last sentence naming it
        self.seen_in: dict[int, list[int]] = {}  # id(entity) -> sentences naming it
        self.quote_speakers: list[tuple[int, int, Attribution]] = []  # (paragraph, sent, attr)
        self.reports: dict[int, Attribution] = {}  # paragraph -> its last reported speech
        self.subjects: dict[int, list[Entity]] = {}  # paragraph -> its sentences' subjects

    def add_sentence(self, paragraph: int, sentence: Sentence) -> SentenceContext:
        """Register a sentence: find its mentions and resolve its names."""
        mentions = self.find_mentions(sentence.tokens)
        ctx = SentenceContext(self.read, paragraph, sentence, mentions)
        ctx.by_last = {m.last: m for m in mentions}
        ctx.by_first = {m.first: m for m in mentions}
        self.recent[ctx.index] = ctx
        self.recent.pop(ctx.index - WINDOW_SENTENCES - 1, None)
        self.read += 1
        for m in mentions:
            if m.kind == "name":
                medium = _platform_as_medium(sentence.tokens, m)
                entity = None if medium else self.registry.resolve_name(m)
                self.resolved[(ctx.index, m.first)] = entity
                if entity is not None:
                    self.seen_in.setdefault(id(entity), []).append(ctx.index)
                    self.named_in[id(entity)] = ctx.index
        # A capitalised word that names nobody ("Given his views, …") is no subject.
        named = [m for m in mentions if m.kind != "name" or self.resolved.get((ctx.index, m.first))]
        ctx.main = main_subject(sentence.tokens, named)
        self._learn_roles(ctx)
        return ctx

    def _learn_roles(self, ctx: SentenceContext) -> None:
        """Appositive and copular roles: "Musk, the billionaire", "Carden … became the first MP"."""
        tokens = ctx.tokens
        for a, b in zip(ctx.mentions, ctx.mentions[1:], strict=False):
            between = [t.text for t in tokens[a.last + 1 : b.first]]
            if a.kind == "name" and b.kind == "role" and between == [","]:
                self._give_role(self.resolved.get((ctx.index, a.first)), b.role)
            if a.kind == "role" and b.kind == "name" and between == [","]:
                self._give_role(self.resolved.get((ctx.index, b.first)), a.role)
        main = ctx.main
        if main is None or main.kind != "name":
            return
        entity = self.resolved.get((ctx.index, main.first))
        for m in ctx.mentions:
            if m.kind == "role" and m.first > main.last and tokens[m.first - 1].lower in lx.COPULAS:
                self._give_role(entity, m.role)

    @staticmethod
    def _give_role(entity: Entity | None, role: str | None) -> None:
        if entity is not None and role and role not in entity.roles:
            entity.roles.append(role)

    def name_of(self, ctx: SentenceContext, first: int) -> Entity | None:
        """The entity the name mention starting at token ``first`` resolved to."""
        return self.resolved.get((ctx.index, first))

    def named_between(self, after: int, upto: int, before_token: int | None = None) -> list[Entity]:
        """The entities named in the sentences after ``after`` up to ``upto`` (a window of
        sentences, so the cost does not grow with the article); in sentence ``upto`` only
        before token ``before_token`` when it is given (a pronoun never reaches forward)."""
        found: dict[int, Entity] = {}
        first = max(after + 1, upto - WINDOW_SENTENCES, 0)
        for ctx in (self.recent[i] for i in range(first, upto + 1) if i in self.recent):
            for m in ctx.mentions:
                if before_token is not None and ctx.index == upto and m.first >= before_token:
                    break
                entity = self.resolved.get((ctx.index, m.first)) if m.kind == "name" else None
                if entity is not None:
                    found.setdefault(id(entity), entity)
        return list(found.values())

    def focus_within(self, ctx: SentenceContext, paragraphs: int) -> list[tuple[Entity, int, int]]:
        """The focus entries of the last ``paragraphs`` paragraphs, oldest first."""
        out: list[tuple[Entity, int, int]] = []
        for entry in reversed(self.focus):
            if ctx.paragraph - entry[1] > paragraphs or ctx.index - entry[2] > WINDOW_SENTENCES:
                break
            out.append(entry)
        return out[::-1]

    def recency(self, entity: Entity, ctx: SentenceContext) -> int:
        """The last sentence up to this one that names the entity (-1: not yet named)."""
        seen = self.seen_in.get(id(entity), [])  # ascending: sentences are read in order
        if not seen or seen[0] > ctx.index:
            return -1
        return seen[bisect.bisect_right(seen, ctx.index) - 1]

    def named_positions(self, ctx: SentenceContext) -> set[int]:
        """Token positions inside a mention of a named entity (a name is no description)."""
        out: set[int] = set()
        for m in ctx.mentions:
            if m.kind == "name" and self.resolved.get((ctx.index, m.first)) is not None:
                out.update(range(m.first, m.last + 1))
        return out


def _platform_as_medium(tokens: tuple[Token, ...], m: Mention) -> bool:
    """ "on Facebook", "via Twitter": where words were posted, never who said them (though the
    article may name the firm as a speaker elsewhere: "Facebook said in a statement")."""
    return (
        len(m.name) == 1
        and m.name[0].lower() in lx.PLATFORMS
        and m.first > 0
        and tokens[m.first - 1].lower in lx.PREPOSITIONS
    )
