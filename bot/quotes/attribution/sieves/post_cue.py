"""Sieves on the words right after a quote: ``“Q,” X said``, ``“Q,” said X``, ``“Q,” according
to X``, ``“Q,” X, the founder of Y, said``, ``“Q,” volunteer coordinator Tom Hinderks said``.

What follows the closing mark decides which applies, so no two of them ever compete."""

from __future__ import annotations

from bot.quotes import lexicon as lx
from bot.quotes.attribution.attributor import Attributor
from bot.quotes.attribution.grammar import (
    after_parenthetical,
    follows_ok,
    is_reporting,
    mention_after,
    particle_end,
    quoted_as,
    source_phrase_at,
    verb_like,
)
from bot.quotes.attribution.model import Attribution, QuoteSite, SentenceContext
from bot.quotes.attribution.sieves.reporting import reporting_clause
from bot.quotes.attribution.subjects import group_subject, inverted, noun_phrase_subject
from bot.quotes.mentions import Mention, nounish
from bot.quotes.tokens import Token

OPEN_ENDINGS = (",", "!", "?", "…", "—", "-")
MAX_UNNAMED_WORDS = 6  # "his childhood friend" before the verb
APPOSITIVE_WORDS = 35  # "Trump, the 2016 GOP presidential frontrunner … primaries, said"


def after_quote(site: QuoteSite) -> tuple[int, bool]:
    """The first token after the quote and any comma or dash, and whether the quote ended
    open (a comma inside or after the marks: "Q," / "Q" — the attribution follows)."""
    tokens = site.ctx.tokens
    k = site.qi + 1
    comma = False
    while k < len(tokens) and tokens[k].text in (",", "—", "–", "-"):
        comma = True
        k += 1
    open_end = comma or site.marked.rstrip(" \"”’'»")[-1:] in OPEN_ENDINGS
    return k, open_end


def according_to_after(site: QuoteSite, att: Attributor) -> Attribution | None:
    """``“Q,” according to X``; but "James Bullard … gave an interview noting … “Q,”
    according to CNBC": the outlet reports, the sentence's own reporting verb names the
    speaker."""
    ctx, (k, _) = site.ctx, after_quote(site)
    tokens = ctx.tokens
    if not source_phrase_at(tokens, k):
        return None
    reporter = reporting_clause(site, att)
    if reporter.entity is not None and reporter.entity.person_like:
        return reporter
    m = mention_after(ctx, k + len(lx.SOURCE_PHRASE))
    return att.resolve.subject(ctx, m, " ".join(lx.SOURCE_PHRASE)).adjusted(-0.15)


def _named_then_cue(
    ctx: SentenceContext, k: int, open_end: bool
) -> tuple[list[Mention], int] | None:
    """``X said`` / ``the board's engineer, X, said`` / ``X was quoted as saying`` right after
    the quote: the mentions before the verb and the verb's position."""
    if k not in ctx.by_first:
        return None
    tokens = ctx.tokens
    group: list[Mention] = []
    c = k
    while c < len(tokens) and c - k < 12:
        if c in ctx.by_first:
            group.append(ctx.by_first[c])
            c = ctx.by_first[c].last + 1
        elif tokens[c].text == "," or tokens[c].lower in lx.SKIPPABLE or _role_word(tokens, c):
            c += 1
        elif _role_of(tokens, c):
            c += 1  # "Rep. Duncan Hunter’s chief of staff, Joe Kasper, told"
        elif after_parenthetical(tokens, c) > c:
            c = after_parenthetical(tokens, c)  # "Rep. Jim McDermott (D-Wash.) said"
        else:
            break
    verb = quoted_as(tokens, c)
    if verb >= len(tokens):
        return None
    reporting = tokens[verb].lower in lx.CUE_VERBS if verb > c else is_reporting(tokens, c)
    if reporting and follows_ok(tokens, particle_end(tokens, verb) + 1, open_end):
        return group, verb
    return None


def _role_word(tokens: tuple[Token, ...], c: int) -> bool:
    """A lower-case word of a role between the quote and the verb ("X, party chair, said"),
    not the verb itself ("Vance points out")."""
    return nounish(tokens[c]) and particle_end(tokens, c) == c


def _role_of(tokens: tuple[Token, ...], c: int) -> bool:
    """The "of" inside a two-word role ("chief of staff", "director of communications"):
    a role word before it and a lower-case noun after it."""
    return (
        tokens[c].lower == "of"
        and 0 < c < len(tokens) - 1
        and _role_word(tokens, c - 1)
        and _role_word(tokens, c + 1)
        and not tokens[c + 1].is_capitalised
    )


def post_cue(site: QuoteSite, att: Attributor) -> Attribution | None:
    """``“Q,” X said`` (and ``“Q,” X was quoted as saying``)."""
    ctx, (k, open_end) = site.ctx, after_quote(site)
    found = _named_then_cue(ctx, k, open_end)
    if found is None:
        return None
    group, verb = found
    m = group_subject(att.resolve, ctx, group)
    return att.resolve.subject(ctx, m, ctx.tokens[verb].lower).adjusted(0.05)


def appositive_post_cue(site: QuoteSite, att: Attributor) -> Attribution | None:
    """``“Q,” Guenther Schuh, e.GO’s founder and the mastermind behind …, said``: a name, an
    appositive between commas (no verb, no quote), then the cue."""
    ctx, (k, open_end) = site.ctx, after_quote(site)
    m = ctx.by_first.get(k)
    if m is None or _named_then_cue(ctx, k, open_end) is not None:
        return None
    tokens = ctx.tokens
    if m.kind != "name" or m.possessive or m.last + 1 >= len(tokens):
        return None
    if tokens[m.last + 1].text != ",":
        return None
    for c in range(m.last + 2, min(m.last + APPOSITIVE_WORDS, len(tokens) - 1)):
        tok = tokens[c]
        if tok.is_quote or tok.text in (";", ":") or tok.lower == "that":
            return None
        cue = c + 1
        if tok.text == "," and is_reporting(tokens, cue):
            if not follows_ok(tokens, cue + 1, open_end):
                return None
            found = att.resolve.subject(ctx, m, tokens[cue].lower)
            return found if found.entity is not None else None
    return None  # through a chain of them: "Harry Bond, 30, of Raleigh, N.C., who …, said"


def long_subject(site: QuoteSite, att: Attributor) -> Attribution | None:
    """``“Q,” Rally Canada volunteer media coordinator Tom Hinderks said``: a long noun phrase
    (names, role words, numbers, no verb) and then the cue; its last name speaks."""
    ctx, (k, open_end) = site.ctx, after_quote(site)
    tokens = ctx.tokens
    if k >= len(tokens) or _named_then_cue(ctx, k, open_end) is not None:
        return None
    if source_phrase_at(tokens, k) or is_reporting(tokens, k):
        return None
    found = noun_phrase_subject(att.resolve, ctx, k, open_end)
    return found if found.entity is not None or found.cue else None


def inverted_post_cue(site: QuoteSite, att: Attributor) -> Attribution | None:
    """``“Q,” said managing director Alasdair Quinn``."""
    ctx, (k, open_end) = site.ctx, after_quote(site)
    tokens = ctx.tokens
    if k >= len(tokens) or k in ctx.by_first or not is_reporting(tokens, k):
        return None
    m = inverted(ctx, k)
    if m is not None and follows_ok(tokens, m.last + 1, open_end):
        return att.resolve.subject(ctx, m, tokens[k].lower).adjusted(0.05)
    return None


def as_said(site: QuoteSite, att: Attributor) -> Attribution | None:
    """``the race “is a dead heat right now,” as Cruz said on Monday``."""
    ctx, (k, _) = site.ctx, after_quote(site)
    tokens = ctx.tokens
    if k >= len(tokens) or tokens[k].lower != "as":
        return None
    m = ctx.by_first.get(k + 1)
    verb = m.last + 1 if m is not None else len(tokens)
    if m is None or verb >= len(tokens) or not is_reporting(tokens, verb):
        return None
    if not follows_ok(tokens, verb + 1, True):
        return None
    found = att.resolve.subject(ctx, m, tokens[verb].lower)
    return found if found.entity is not None else None


def unnamed_post_cue(site: QuoteSite, att: Attributor) -> Attribution | None:
    """``“Q,” his childhood friend told The Daily Beast`` / ``“Q,” said a source close to the
    campaign``: a reporting verb right after the quote whose subject names nobody we can
    justify. The words are speech; nobody is named."""
    ctx, (k, open_end) = site.ctx, after_quote(site)
    tokens = ctx.tokens
    for c in range(k, min(k + MAX_UNNAMED_WORDS + 1, len(tokens))):
        tok = tokens[c]
        if is_reporting(tokens, c):
            if c > k and follows_ok(tokens, c + 1, open_end):
                return Attribution(None, 0.0, tok.lower)
            if c == k and open_end and tok.lower in lx.INVERTIBLE_CUES:
                return Attribution(None, 0.0, tok.lower)  # "“Q,” said a source close to …"
            return None
        if not tok.is_word or tok.is_quote or verb_like(tok):
            return None
    return None
