"""What attribution works on and produces: a sentence read with its mentions, a quote's place
in it, and who said the quote (with the sieve that said so)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from bot.quotes.entities import Entity
from bot.quotes.marks import Span
from bot.quotes.mentions import Mention
from bot.quotes.tokens import Sentence, Token


@dataclass(frozen=True)
class Attribution:
    """Who said a quote, how sure we are, the words that show it, and the sieve that found it.

    An attribution with a ``cue`` and no ``entity`` is speech whose speaker the article does
    not name ("“…,” a spokesman said")."""

    entity: Entity | None
    confidence: float
    cue: str | None = None
    evidence_sentence: int | None = None  # index into the article's sentence list
    named_sentence: int | None = None
    sieve: str | None = None
    # The sieve's measured precision (see ``calibration``); ``confidence`` stays the sieve's
    # own evidence score, which later sieves weaken or borrow.
    calibrated: float | None = None

    @property
    def shown_confidence(self) -> float:
        """The confidence a quote carries: the measured one when there is one."""
        return self.calibrated if self.calibrated is not None else self.confidence

    def adjusted(self, bonus: float, cap: float = 0.99) -> Attribution:
        """The same attribution, surer or less sure by ``bonus``."""
        if self.entity is None:
            return self
        return replace(self, confidence=min(cap, self.confidence + bonus))

    def weaker(self, factor: float) -> Attribution:
        """The same attribution with its confidence scaled by ``factor``."""
        if self.entity is None:
            return self
        return replace(self, confidence=round(self.confidence * factor, 2))

    def by(self, sieve: str) -> Attribution:
        """The same attribution, credited to ``sieve``."""
        return replace(self, sieve=sieve)


NONE = Attribution(None, 0.0)


@dataclass
class SentenceContext:
    """A sentence with its mentions and resolved entities."""

    index: int  # global sentence number in the article
    paragraph: int
    sentence: Sentence
    mentions: list[Mention]
    by_last: dict[int, Mention] = field(default_factory=dict)
    by_first: dict[int, Mention] = field(default_factory=dict)
    main: Mention | None = None
    said: Attribution | None = None  # the sentence's reported speech, once attributed

    @property
    def tokens(self) -> tuple[Token, ...]:
        """The sentence's tokens."""
        return self.sentence.tokens


@dataclass(frozen=True)
class QuoteSite:
    """One quote where it stands: its sentence, the token that stands for it, its words, and
    the sentences either side in its paragraph. (Reported speech asks the same questions of
    a sentence's end: a site with no span.)"""

    ctx: SentenceContext
    qi: int  # the token standing for the quote (or the sentence's length)
    span: Span | None = None
    words: str = ""  # the words inside the marks
    marked: str = ""  # the words with the closing mark ("Q," with its comma)
    previous: SentenceContext | None = None
    following: SentenceContext | None = None

    @property
    def standalone(self) -> bool:
        """A sentence that is only quotation (no narration words of its own)."""
        return not any(t.is_word for t in self.ctx.tokens)
