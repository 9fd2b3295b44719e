"""The attribution sieves, by name, in their default order (after Stanford CoreNLP's
QuoteAttributionAnnotator and Muzny et al. 2017): each one job, each measured on its own
(``python -m tests.devsets SET`` prints a row a sieve). ``extraction.sieves`` in the config
orders them or leaves some out.

The first sieve that names a speaker decides. A sieve that finds a reporting verb whose
subject names nobody ("a spokesman said “…”") marks the quote as speech with no speaker:
later sieves may still name someone, but not the guesses without a verb of their own — a
trailing name or a colon clause after such a verb before the quote, a possessor after any.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Literal

from bot.quotes.attribution.attributor import Attributor
from bot.quotes.attribution.calibration import Calibration
from bot.quotes.attribution.model import Attribution, QuoteSite
from bot.quotes.attribution.sieves import neighbours
from bot.quotes.attribution.sieves.clause_end import colon, trailing
from bot.quotes.attribution.sieves.continuation import continuation
from bot.quotes.attribution.sieves.described import described
from bot.quotes.attribution.sieves.possessor import possessor
from bot.quotes.attribution.sieves.post_cue import (
    according_to_after,
    appositive_post_cue,
    as_said,
    inverted_post_cue,
    long_subject,
    post_cue,
    unnamed_post_cue,
)
from bot.quotes.attribution.sieves.pre_cue import (
    according_to,
    claim_by,
    in_their_words,
    inverted_pre_cue,
    name_colon,
    outer_speaker,
    passive_agent,
    pre_cue,
)
from bot.quotes.attribution.sieves.quoted_as import quoted_as
from bot.quotes.attribution.sieves.verb_in_sentence import verb_in_sentence

SieveRun = Callable[[QuoteSite, Attributor], Attribution | None]


@dataclass(frozen=True)
class Sieve:
    """A named rule: ``run`` gives an attribution, or None when it does not apply."""

    name: str
    shape: str  # the construction it reads, for ``quotebot extract --sieves``
    run: SieveRun
    before: bool = False  # reads the words before the quote
    # A guess without a reporting verb, not tried once a verb (before the quote, or anywhere)
    # has said that the speaker goes unnamed.
    guess: Literal["after_verb_before", "after_any_verb"] | None = None
    standalone: bool = False  # only for a sentence that is nothing but quotation
    speech_only: bool = False  # only ever says "speech, nobody named"
    # The same rule in another language's pack. A rule a dev set seldom meets (a quote alone,
    # the sentence before about one person) cannot earn trust on its own few cases; its
    # twin's measurements stand in for the sceptical prior, and its own cases still count.
    kin: str | None = None


SIEVES: tuple[Sieve, ...] = (
    Sieve(
        "quoted_as",
        "The Herald quoted X as saying: “Q” (the one quoted)",
        quoted_as,
        kin="de_cited",
    ),
    Sieve("according_to_after", "“Q,” according to X", according_to_after),
    Sieve("post_cue", "“Q,” X said", post_cue),
    Sieve("appositive_post_cue", "“Q,” X, the company’s founder, said", appositive_post_cue),
    Sieve("long_subject", "“Q,” volunteer media coordinator Tom Hinderks said", long_subject),
    Sieve("inverted_post_cue", "“Q,” said X", inverted_post_cue),
    Sieve("as_said", "“Q,” as X said", as_said),
    Sieve("described", "“Q,” the lanky professor said (the story’s one person)", described),
    Sieve(
        "unnamed_post_cue",
        "“Q,” his childhood friend told … (speech, nobody named)",
        unnamed_post_cue,
        speech_only=True,
    ),
    Sieve("name_colon", "Analyst Carl Bialik: “Q”", name_colon, before=True),
    Sieve("outer_speaker", "X said that Y called it “Q” (X reports Y)", outer_speaker, before=True),
    Sieve("pre_cue", "X said “Q” / X said that Y “Q”", pre_cue, before=True),
    Sieve("inverted_pre_cue", "Said X: “Q”", inverted_pre_cue, before=True),
    Sieve("passive_agent", "Y was asked by X, “Q”", passive_agent, before=True),
    Sieve("according_to", "According to X, “Q”", according_to, before=True),
    Sieve("in_their_words", "in her words, “Q” / as he put it", in_their_words, before=True),
    Sieve("claim_by", "claims by X that “Q”", claim_by, before=True),
    Sieve(
        "trailing",
        "It was “Q” for workers, X said. / “Q” for tenants, said X, a …",
        trailing,
        guess="after_verb_before",
    ),
    Sieve("colon", "X is more blunt: “Q”", colon, guess="after_verb_before"),
    Sieve("continuation", "a quote running on into the next paragraph", continuation),
    Sieve("previous_quote", "“…,” he said. “Q.” / “Q” and more.", neighbours.previous_quote),
    Sieve(
        "previous_subject", "X did not hesitate. “Q.”", neighbours.previous_subject, standalone=True
    ),
    Sieve("next_sentence", "“Q.” X said …", neighbours.next_sentence, standalone=True),
    Sieve(
        "paragraph_run",
        "a paragraph of quote after one that ended with a quote",
        neighbours.paragraph_run,
        standalone=True,
    ),
    Sieve(
        "after_report",
        "a paragraph of quote after X’s reported speech",
        neighbours.after_report,
        standalone=True,
    ),
    Sieve(
        "paragraph_subject",
        "a paragraph of quote after a paragraph about one person",
        neighbours.paragraph_subject,
        standalone=True,
    ),
    Sieve("possessor", "X’s “phrase”", possessor, guess="after_any_verb"),
    Sieve(
        "verb_in_sentence",
        "X said the wealthy must pay their “Q” (speech, nobody named)",
        verb_in_sentence,
        speech_only=True,
    ),
)
BY_NAME = {s.name: s for s in SIEVES}
DEFAULT_ORDER: tuple[str, ...] = tuple(s.name for s in SIEVES)


def ordered(
    names: tuple[str, ...] | list[str], table: Mapping[str, Sieve] | None = None
) -> tuple[Sieve, ...]:
    """The sieves these names give, in this order, from ``table`` (a language's sieves;
    English's by default) — ValueError naming an unknown one."""
    table = BY_NAME if table is None else table
    unknown = [n for n in names if n not in table]
    if unknown:
        raise ValueError(f"unknown sieve {unknown[0]!r}; the sieves are {', '.join(table)}")
    return tuple(table[n] for n in names)


def attribute(
    site: QuoteSite,
    att: Attributor,
    sieves: tuple[Sieve, ...],
    calibration: Calibration | None = None,
) -> Attribution:
    """Who said the quote at ``site``: the first sieve that names someone, credited by name.

    With a ``calibration``, the confidence is the measured precision of that sieve (see
    ``calibration``), and a sieve below 0.95 names someone only when a later sieve names the
    same person; alone, its quote stays speech with nobody named."""
    speech: Attribution | None = None  # a reporting verb whose subject names nobody
    verb_before = False
    waiting: tuple[Attribution, float] | None = None  # named by a sieve not trusted alone
    for sieve in sieves:
        if sieve.standalone and not site.standalone:
            continue
        if (sieve.guess == "after_verb_before" and verb_before) or (
            sieve.guess == "after_any_verb" and speech is not None
        ):
            continue
        found = sieve.run(site, att)
        if found is None:
            continue
        if found.entity is None:
            if found.cue is not None:
                speech = found.by(sieve.name)
                verb_before = verb_before or sieve.before
            continue
        if calibration is None:
            return found.by(sieve.name)
        p = calibration.precision(sieve.name, found, sieve.kin)
        if waiting is not None and waiting[0].entity is found.entity:
            both = 1.0 - (1.0 - waiting[1]) * (1.0 - p)  # two rules agree
            return replace(waiting[0], calibrated=round(min(0.99, both), 3))
        if calibration.trusted(sieve.name, sieve.kin):
            return replace(found.by(sieve.name), calibrated=p)
        waiting = waiting or (found.by(sieve.name), p)
    if speech is None and waiting is not None and waiting[0].cue:
        return Attribution(None, 0.0, waiting[0].cue)  # speech, but no rule we trust named
    return speech if speech is not None else Attribution(None, 0.0)
