"""Sieves on the words before a quote in its sentence: the reporting verb and its subject
(``Musk suggested that Jess Phillips “…”`` is Musk's, not the nearest name's), an inverted
verb (``said X: “…”``), ``According to X, “…”``, ``in her words``, ``claims by X that “…”``.

Each looks back from the quote to the sentence start or a semicolon."""

from __future__ import annotations

from collections.abc import Iterator

from bot.quotes import lexicon as lx
from bot.quotes.attribution.attributor import Attributor
from bot.quotes.attribution.grammar import (
    after_relative_that,
    before_parenthetical,
    is_cue,
    is_reporting,
    mention_after,
    participle,
    passive,
    source_phrase_at,
    verb_like,
)
from bot.quotes.attribution.model import Attribution, QuoteSite, SentenceContext
from bot.quotes.attribution.subjects import APPOSITIVE_REACH, inverted, subject_of
from bot.quotes.mentions import Mention, nounish
from bot.quotes.tokens import Token

CLAUSE_OPENERS = frozenset(["-", "—", "–", ";", ".", "("])
FAR_CUE_TOKENS = 8
MAX_ROLE_WORDS = 6  # "Former secretary of state" before a name and a colon
COMPLEMENTISERS = frozenset(["that", "if", "whether"])
CLAUSE_BREAKERS = frozenset(
    ["but", "while", "although", "whereas", "though"]
)  # a reporting verb this far before a quote is weaker evidence
INVERTED_GAP = frozenset([",", ":", "—", "–", "and"])


def _back(ctx: SentenceContext, qi: int) -> Iterator[int]:
    """Positions from just before the quote back to the sentence start or a semicolon."""
    for j in range(qi - 1, -1, -1):
        if ctx.tokens[j].text == ";":
            return
        yield j


def _nearest_cue(ctx: SentenceContext, qi: int) -> tuple[int | None, str | None]:
    """The nearest active reporting verb before the quote, and the first passive one passed
    on the way ("He was described as “…”": its subject is not the speaker). A verb in a
    relative clause ("a voice that said “…”") gives way to a reporting verb before it:
    "Penwell said the world lost a voice that said “…”" is Penwell's report."""
    tokens = ctx.tokens
    passive_cue: str | None = None
    relative: int | None = None
    for j in _back(ctx, qi):
        if is_cue(tokens, j):
            if not passive(tokens, j):
                if relative is None and after_relative_that(tokens, j):
                    relative = j
                    continue
                return j, passive_cue
            passive_cue = passive_cue or tokens[j].lower
    return relative, passive_cue


def pre_cue(site: QuoteSite, att: Attributor) -> Attribution | None:
    """``X said “…”``, ``X said that Y “…”``: the subject of the nearest reporting verb before
    the quote; a verb whose subject names nobody is speech with no speaker."""
    ctx, qi = site.ctx, site.qi
    j, passive_cue = _nearest_cue(ctx, qi)
    if j is None:
        return Attribution(None, 0.0, passive_cue) if passive_cue else None
    if _in_opening_clause(ctx, j, qi):
        return None
    opener = _subordinate_clause_start(ctx, j, qi)
    if opener is not None:
        # "Holt said that when Ms. Rivera complained about the tower, “she was speaking for
        # the whole street.”": the quote is the clause the subordinate one leads into; the
        # verb that reports it stands before the subordinating word.
        j, _ = _nearest_cue(ctx, opener)
        if j is None:
            return None
    attr = subject_of(att.resolve, ctx, j)
    if attr.entity is None:
        return Attribution(None, 0.0, ctx.tokens[j].lower)  # reported speech, speaker unknown
    if qi - j > FAR_CUE_TOKENS:
        return attr.adjusted(-0.15)  # "Singh has said he plans … “elected” …"
    return attr


def _in_opening_clause(ctx: SentenceContext, j: int, qi: int) -> bool:
    """``When Trump suggested …, Rubio fired back: “…”``: the cue at ``j`` is in the clause
    that opens the sentence, and the main clause, whose subject is named after it, holds the
    quote."""
    main = ctx.main
    if main is None or main.kind != "name":  # "Though X said …, he believed": X's
        return False
    opens = bool(ctx.tokens) and ctx.tokens[0].lower in lx.SUBORDINATORS
    return opens and j < main.first and main.last < qi


def _subordinate_clause_start(ctx: SentenceContext, j: int, qi: int) -> int | None:
    """Where the subordinate clause that holds the cue at ``j`` opens, when a comma closes
    that clause right before the quote ("that when Ms. Rivera complained …, “…”"); else None.
    Not "as" ("As Holt said, “…”" is Holt's), not across a comma, a dash or a semicolon
    between the subordinating word and the cue, not a cue the comma follows ("when she
    came back … she stood up and announced, “…”": the cue ends the clause it governs), and not
    a clause with no subject ("while telling the other to, “…”")."""
    tokens = ctx.tokens
    if qi < 1 or tokens[qi - 1].text != "," or j + 1 >= qi - 1 or participle(tokens[j].lower):
        return None
    for s in range(j - 1, -1, -1):
        tok = tokens[s]
        if tok.is_quote or tok.text in (",", ";", ":", "—", "–", "-"):
            return None
        if tok.lower in lx.SUBORDINATORS and tok.lower != "as":
            return s if not verb_like(tokens[s + 1]) else None
    return None


def outer_speaker(site: QuoteSite, att: Attributor) -> Attribution | None:
    """``Moscow insisted that Pyongyang said “…”``: a reporting verb inside what another
    reports ("X said that Y called it “…”") gives the words to the one who reports them, as
    the annotators do (the inner speaker's words come to us only through the outer one)."""
    ctx, qi = site.ctx, site.qi
    tokens = ctx.tokens
    j, _ = _nearest_cue(ctx, qi)
    if j is None:
        return None
    k = j - 1
    while k >= 0 and k not in ctx.by_last and tokens[k].lower in lx.SKIPPABLE:
        k -= 1
    inner_subject = ctx.by_last.get(k)
    if inner_subject is None:
        return None
    inner = att.resolve.subject(ctx, inner_subject, tokens[j].lower)
    for j0 in range(inner_subject.first - 1, -1, -1):
        if tokens[j0].text == ";" or tokens[j0].is_quote or tokens[j0].lower in CLAUSE_BREAKERS:
            return None
        if is_reporting(tokens, j0) and not passive(tokens, j0):
            between = tokens[j0 + 1 : inner_subject.first]
            complement = any(t.lower in COMPLEMENTISERS for t in between) or all(
                t.lower in lx.TIME_WORDS or t.text == "," for t in between
            )
            if not complement:
                return None
            outer = subject_of(att.resolve, ctx, j0)
            if outer.entity is None or outer.entity is inner.entity:
                return None
            if _in_opening_clause(ctx, j0, qi):
                return None  # "When Holt suggested that …, Reyes fired back: “…”": Reyes's
            return outer.adjusted(-0.1)
    return None


def inverted_pre_cue(site: QuoteSite, att: Attributor) -> Attribution | None:
    """``said Mr Smith: “…”``: the name right after the verb, before the quote. Not "He told
    The Liverpool Echo: “…”": a subject before the verb, even one that names nobody here,
    means the name after it is the one spoken to."""
    ctx, qi = site.ctx, site.qi
    j, _ = _nearest_cue(ctx, qi)
    if j is None or participle(ctx.tokens[j].lower) or (j - 1) in ctx.by_last:
        return None
    before = ctx.tokens[j - 1] if j > 0 else None
    if before is not None and before.is_word and before.lower not in ("and", "then"):
        return None  # "his childhood friend told The Daily Beast": a subject, then the listener
    m = inverted(ctx, j)
    if m is None or m.first <= j or m.last >= qi:
        return None
    gap = ctx.tokens[m.last + 1 : qi]
    if not ({t.text for t in gap} <= INVERTED_GAP or _set_off(gap)):
        return None
    return att.resolve.subject(ctx, m, ctx.tokens[j].lower)


def _set_off(gap: tuple[Token, ...]) -> bool:
    """Words between commas that qualify the name before them: "Said Rita Vance, who has
    run the bakery since 1998, “…”" (no quote marks, at most APPOSITIVE_REACH)."""
    return (
        2 < len(gap) <= APPOSITIVE_REACH
        and gap[0].text == ","
        and gap[-1].text in (",", ":")
        and not any(t.is_quote for t in gap)
    )


def according_to(site: QuoteSite, att: Attributor) -> Attribution | None:
    """``According to Haley, “…”``: often the source of the report, not the speaker (weaker)."""
    ctx = site.ctx
    tokens = ctx.tokens
    for j in _back(ctx, site.qi):
        if source_phrase_at(tokens, j):
            phrase = len(lx.SOURCE_PHRASE)
            found = att.resolve.subject(
                ctx, mention_after(ctx, j + phrase), " ".join(lx.SOURCE_PHRASE)
            )
            return found.adjusted(-0.15)
    return None


def in_their_words(site: QuoteSite, att: Attributor) -> Attribution | None:
    """``in her words``, ``as he put it`` / ``puts it``: the pronoun whose words the quote is
    (weaker)."""
    ctx = site.ctx
    for j in _back(ctx, site.qi):
        voiced = _voiced(ctx, j)
        if voiced is not None:
            return att.resolve.subject(ctx, voiced, "in their words").adjusted(-0.1)
    return None


def _voiced(ctx: SentenceContext, j: int) -> Mention | None:
    """The pronoun of ``in her words`` / ``as he put it`` starting at ``j``."""
    tokens = ctx.tokens
    if tokens[j].lower not in ("in", "as") or j + 1 >= len(tokens):
        return None
    m = ctx.by_first.get(j + 1)
    if m is None or m.kind != "pronoun":
        return None
    if tokens[j].lower == "in":
        return m if m.last == j + 2 and tokens[m.last].lower == "words" else None
    put_it = [t.lower for t in tokens[m.last + 1 : m.last + 3]] in (["put", "it"], ["puts", "it"])
    return m if put_it else None


def claim_by(site: QuoteSite, att: Attributor) -> Attribution | None:
    """``claims by property tycoon Declan Roche that “…”``: the claimant after "by"."""
    ctx = site.ctx
    tokens = ctx.tokens
    for j in _back(ctx, site.qi):
        if (
            tokens[j].lower in lx.CLAIM_NOUNS
            and j + 1 < len(tokens)
            and tokens[j + 1].lower == "by"
        ):
            m = mention_after(ctx, j + 2)
            if m is not None:
                return att.resolve.subject(ctx, m, tokens[j].lower)
    return None


def passive_agent(site: QuoteSite, att: Attributor) -> Attribution | None:
    """``Sanders was asked by host Bill Maher, “…”``: the agent of a passive reporting verb
    is the one speaking."""
    ctx = site.ctx
    tokens = ctx.tokens
    for j in _back(ctx, site.qi):
        by = j + 1 < len(tokens) and tokens[j + 1].lower == "by"
        if by and is_cue(tokens, j) and passive(tokens, j):
            found = att.resolve.subject(ctx, mention_after(ctx, j + 2), tokens[j].lower)
            return found if found.entity is not None else None
    return None


def _opens_with_role(ctx: SentenceContext, first: int) -> bool:
    """Whether the words before ``first`` back to the clause start are at most a role
    ("Former secretary of state Hillary Clinton:"): no verb, nothing spoken to."""
    tokens = ctx.tokens
    for k in range(first - 1, max(-1, first - MAX_ROLE_WORDS - 1), -1):
        tok = tokens[k]
        if tok.text in CLAUSE_OPENERS:
            return True
        if is_cue(tokens, k):
            return False
        if tok.lower in lx.CUE_VERBS:
            continue  # a cue word that is no verb here: "secretary of state"
        role_word = nounish(tok) or tok.lower == "of" or (tok.is_word and tok.is_capitalised)
        if not role_word or verb_like(tok):
            return False
    return first <= MAX_ROLE_WORDS


def name_colon(site: QuoteSite, att: Attributor) -> Attribution | None:
    """``Pollsters agree - Carl Bialik: “…”``: a name that opens its clause and stands right
    before the colon introducing the quote (not "He told Fox News: “…”": there the name
    after the verb is the one spoken to)."""
    ctx, qi = site.ctx, site.qi
    if qi < 2 or ctx.tokens[qi - 1].text != ":":
        return None
    m = ctx.by_last.get(before_parenthetical(ctx.tokens, qi - 2))  # "Rep. Trey Gowdy (R-S.C.):"
    if m is None or m.kind != "name" or m.possessive:
        return None
    if all(w.isupper() for w in m.name):
        return None  # "ANALYST'S VIEWPOINT:": a heading, not a name
    if not _opens_with_role(ctx, m.first):
        return None
    found = att.resolve.mention(ctx, m)
    if found.entity is None:
        return None
    return Attribution(found.entity, found.confidence, None, ctx.index, found.named_sentence)
