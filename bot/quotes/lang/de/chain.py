"""German indirect speech runs on: once a sentence says who speaks ("Klaus Stöhr sagte: „…“"),
the sentences after it in the Konjunktiv ("Die Gefahr einer Pandemie sei real.") go on
reporting that speaker, and a quote inside them, or a quote standing alone right after them,
is that speaker's ("Aktuell bestehe diese Gefahr noch nicht. „Aber das Virus hat …“").

The chain is read back from the quote's sentence: quotation and Konjunktiv sentences are
passed over until a sentence names its speaker — a quote's attribution or a reporting verb's
subject. An indicative sentence with no reporting verb ends the chain (the narrator speaks
again), and so do an impersonal source ("hieß es") and a paragraph break, except right at a
paragraph's first sentence."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from bot.quotes.attribution.attributor import Attributor
from bot.quotes.attribution.model import Attribution, QuoteSite, SentenceContext
from bot.quotes.lang.de import LANGUAGE
from bot.quotes.lang.de.grammar import book, is_cue, is_konjunktiv
from bot.quotes.tokens import Token

MAX_BACK = 4  # sentences of indirect speech a chain may run through
SaidIn = Callable[[SentenceContext, Attributor], Attribution | None]


def konjunktiv(tokens: tuple[Token, ...]) -> bool:
    """Whether the narration (outside the marks) holds a Konjunktiv I verb."""
    return any(is_konjunktiv(t) for t in tokens)


def impersonal(tokens: tuple[Token, ...]) -> bool:
    """Whether the sentence reports with nobody named: "heißt es", "es hieß"."""
    pairs = LANGUAGE.words("impersonal_sources")
    words = [t.lower for t in tokens if t.is_word]
    return any(f"{a} {b}" in pairs for a, b in pairwise(words))


def chained_speaker(site: QuoteSite, att: Attributor, said_in: SaidIn) -> Attribution | None:
    """The speaker whose indirect speech the quote's sentence continues (``said_in`` reads a
    sentence's reporting verb and its named subject). A sentence that names someone else
    ("Für den Theologen Hans Küng sei …") may be theirs: nobody is named."""
    ctx = site.ctx
    tokens = ctx.tokens
    if not site.standalone and (
        any(is_cue(tokens, k) for k in range(len(tokens))) or not konjunktiv(tokens)
    ):
        return None
    if impersonal(tokens):
        return None  # "Im Bericht heißt es, …": the sentence's own source, unnamed
    found = _chain(site, att, said_in)
    if found is None or found.entity is None:
        return None
    if any(e is not found.entity and not e.org for e in book(att).named_in(tokens)):
        return None
    return found


def _chain(site: QuoteSite, att: Attributor, said_in: SaidIn) -> Attribution | None:
    """The attribution the sentences before the quote's carry, read back through indirect
    speech."""
    ctx = site.ctx
    paragraph = ctx.paragraph
    for back in range(1, MAX_BACK + 1):
        prev = att.state.recent.get(ctx.index - back)
        if prev is None:
            return None
        if prev.paragraph != paragraph:
            if back > 1 or prev.paragraph != paragraph - 1:
                return None
            paragraph = prev.paragraph  # the quote opens its paragraph: the one before goes on
        spoken = [a for _p, s, a in att.state.quote_speakers if s == prev.index]
        if spoken:
            return spoken[-1].weaker(0.85) if spoken[-1].entity is not None else None
        said = said_in(prev, att)
        if said is not None:
            return said.weaker(0.85) if said.entity is not None else None
        if not konjunktiv(prev.tokens) or impersonal(prev.tokens):
            # The narrator speaks again, or "Damals hieß es, …" gives the indirect
            # speech a source of its own, unnamed: the speaker before no longer goes on.
            return None
    return None
