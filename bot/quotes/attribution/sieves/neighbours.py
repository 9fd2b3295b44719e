"""Sieves for a sentence that is only quotation: the speaker comes from the sentence or
paragraph around it.

``“…,” he said. “More words.”`` (the previous quote's speaker), ``Durning did not need much
coaxing. “I’m thankful …”`` (the person the previous sentence is about), ``“Q.” Smith said …``
(the next sentence), and at a paragraph's start: the previous paragraph's quote run, its
reported speech, or the one person it is about."""

from __future__ import annotations

from bot.quotes import lexicon as lx
from bot.quotes.attribution.attributor import Attributor
from bot.quotes.attribution.grammar import is_cue
from bot.quotes.attribution.model import Attribution, QuoteSite
from bot.quotes.attribution.subjects import subject_of


def previous_quote(site: QuoteSite, att: Attributor) -> Attribution | None:
    """The speaker of a quote in the sentence just before, for a sentence that is only
    quotation or one the narrator finishes (see ``_runs_on``)."""
    prev = site.previous
    if prev is None:
        return None
    for _p, sentence, attr in reversed(att.state.quote_speakers):
        if sentence < prev.index:
            break
        if sentence == prev.index and attr.entity is not None:
            if site.standalone or _runs_on(site, att, attr) or _leads_in(site, att, attr):
                return attr.weaker(0.85)
            return None
    return None


def _runs_on(site: QuoteSite, att: Attributor, speaker: Attribution) -> bool:
    """``“…,” Palmieri told reporters. “I think they care about incomes” and other issues.``:
    the sentence opens with the quote and runs on in the narrator's words, with no reporting
    verb and nobody but the speaker in them — the narrator finishes the speaker's sentence.
    ("… which Mozloom thinks" names the speaker again; anyone else may be the one meant.)"""
    tokens = site.ctx.tokens
    if site.qi != 0 or any(is_cue(tokens, k) for k in range(len(tokens))):
        return False
    return all(att.resolve.mention(site.ctx, m).entity is speaker.entity for m in site.ctx.mentions)


def _leads_in(site: QuoteSite, att: Attributor, speaker: Attribution) -> bool:
    """``“…,” said Steve Schmidt. Unless rivals quit the race, “it's very difficult …”``: the
    sentence ends with the quote, in the same paragraph, with no reporting verb and nobody but
    the speaker in the narrator's words that lead in to it."""
    tokens = site.ctx.tokens
    if site.previous is None or site.previous.paragraph != site.ctx.paragraph:
        return False
    if any(t.is_word for t in tokens[site.qi + 1 :]) or any(t.is_quote for t in tokens[: site.qi]):
        return False
    if any(is_cue(tokens, k) for k in range(len(tokens))):
        return False
    for m in site.ctx.mentions:
        entity = att.resolve.mention(site.ctx, m).entity
        if entity is None and m.kind == "name":
            continue  # a capitalised word that names nobody ("Without more homes, …")
        if entity is not speaker.entity:
            return False
    return True


def previous_subject(site: QuoteSite, att: Attributor) -> Attribution | None:
    """The person the sentence before is about, when it holds no quote."""
    prev = site.previous
    if prev is None or any(t.is_quote for t in prev.tokens):
        return None
    about = att.sentence_subject(prev)
    return about if about.entity is not None else None


def next_sentence(site: QuoteSite, att: Attributor) -> Attribution | None:
    """``“Q.” Smith said …``: the next sentence opens with its subject and a reporting verb."""
    nxt = site.following
    main = nxt.main if nxt is not None else None
    if nxt is None or main is None or main.first != 0:
        return None
    k = main.last + 1
    if k >= len(nxt.tokens) or nxt.tokens[k].lower not in lx.NEXT_SENTENCE_CUES:
        return None
    found = subject_of(att.resolve, nxt, k).weaker(0.75)
    return found if found.entity is not None else None


def paragraph_run(site: QuoteSite, att: Attributor) -> Attribution | None:
    """A paragraph opening with a quote right after a paragraph that ended with a quote."""
    if site.previous is not None:
        return None
    paragraph = site.ctx.paragraph
    for p, _sentence, attr in reversed(att.state.quote_speakers):
        if p == paragraph:
            continue
        if p == paragraph - 1 and attr.entity is not None:
            return attr.weaker(0.85)
        return None
    return None


def after_report(site: QuoteSite, att: Attributor) -> Attribution | None:
    """A paragraph opening with a quote right after the speaker's reported speech: "Brooks …
    said he obtained housing …" / "“It feels good. It feels warm.”"."""
    paragraph = site.ctx.paragraph
    if site.previous is not None or (paragraph - 1) in att.quoted_paragraphs:
        return None
    report = att.state.reports.get(paragraph - 1)
    return report.weaker(0.85) if report is not None and report.entity is not None else None


def paragraph_subject(site: QuoteSite, att: Attributor) -> Attribution | None:
    """A paragraph opening with a quote after a paragraph about one person: "Laurin
    experienced a 40 per cent drop in income …" / "“It took me two years to grieve …”"
    (weaker: no verb says it)."""
    paragraph = site.ctx.paragraph
    if site.previous is not None or (paragraph - 1) in att.quoted_paragraphs:
        return None
    about = att.paragraph_subject(paragraph - 1)
    return about if about.entity is not None else None
