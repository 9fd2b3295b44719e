"""One article's attribution: the reading state, mention resolution, and what the sieves have
decided so far (who spoke in each quote run and paragraph), behind one object the sieves share."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.quotes.attribution.model import NONE, Attribution, SentenceContext
from bot.quotes.attribution.resolve import Resolver
from bot.quotes.attribution.state import ReadingState
from bot.quotes.entities import Entity, Registry
from bot.quotes.tokens import Sentence

if TYPE_CHECKING:
    from bot.quotes.lang import Rules


class Attributor:
    """Attribution state for one article, fed sentence by sentence in reading order."""

    def __init__(self, registry: Registry, rules: Rules | None = None) -> None:
        if rules is None:
            from bot.quotes.lang.en import rules as english

            rules = english
        self.rules = rules
        self.state = ReadingState(registry, rules.find_mentions)
        self.resolve = Resolver(self.state)
        # What a language's own sieves keep about the article (German: its name book).
        self.language_state: dict[str, object] = {}
        self.run_speaker: dict[int, Attribution] = {}  # quote run -> its first named speaker
        self.quoted_paragraphs: set[int] = set()

    def add_sentence(self, paragraph: int, sentence: Sentence) -> SentenceContext:
        """Register a sentence: find its mentions and resolve its names."""
        ctx = self.state.add_sentence(paragraph, sentence)
        self.rules.read_sentence(ctx, self)
        return ctx

    def note_sentence_done(self, ctx: SentenceContext) -> None:
        """After a sentence is attributed: its main subject joins the focus list."""
        if ctx.main is not None:
            entity = self.resolve.mention(ctx, ctx.main).entity
            if entity is not None:
                self.state.focus.append((entity, ctx.paragraph, ctx.index))
                self.state.subjects.setdefault(ctx.paragraph, []).append(entity)

    def note_report(self, ctx: SentenceContext, attribution: Attribution) -> None:
        """A sentence of reported speech ("Brooks said he obtained housing") and its speaker,
        who is then in focus when the sentence has no subject of its own ("…, according to
        David Dodge." / "“…,” he said")."""
        self.state.reports[ctx.paragraph] = attribution
        if attribution.entity is not None and ctx.main is None:
            self.state.focus.append((attribution.entity, ctx.paragraph, ctx.index))

    def note_quote(self, ctx: SentenceContext, run: int, attribution: Attribution) -> None:
        """A quote's speaker joins the focus list (and speaks for the rest of its run)."""
        self.state.quote_speakers.append((ctx.paragraph, ctx.index, attribution))
        self.quoted_paragraphs.add(ctx.paragraph)
        entity = attribution.entity
        if entity is None:
            return
        if not entity.org:
            entity.spoke = True
        self.state.focus.append((entity, ctx.paragraph, ctx.index))
        self.run_speaker.setdefault(run, attribution)

    def paragraph_subject(self, paragraph: int) -> Attribution:
        """The one person every subject of a paragraph names, if there is exactly one."""
        people = {id(e): e for e in self.state.subjects.get(paragraph, [])}
        if len(people) != 1:
            return NONE
        (person,) = people.values()
        if not person.person_like:
            return NONE
        return Attribution(person, 0.6, named_sentence=self.state.named_in.get(id(person)))

    def sentence_subject(self, ctx: SentenceContext) -> Attribution:
        """The person a sentence is about (its main subject), as weak evidence for the quote
        that follows it with no reporting verb of its own."""
        return self.resolve.person(ctx, ctx.main, 0.6)

    def topic_person(self, ctx: SentenceContext) -> Entity | None:
        """The one person the last paragraph or this one is about: the latest focus entry,
        when it is a person and no other person is named in that window."""
        window = [(e, i) for e, _, i in self.state.focus_within(ctx, 1)]
        if not window or not window[-1][0].person_like:
            return None
        person = window[-1][0]
        since = min(i for _, i in window) - 1
        rivals = [
            other
            for other in self.state.named_between(since, ctx.index)
            if other is not person and other.person_like
        ]
        return None if rivals else person
