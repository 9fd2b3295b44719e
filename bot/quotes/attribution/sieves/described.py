"""``“Q,” the lanky, bespectacled professor said`` / ``“Q,” says the affable proprietor``: a
definite description (no name, no verb) as the speaker refers to the person the story is
about, when the last sentences are about one person."""

from __future__ import annotations

from bot.quotes import lexicon as lx
from bot.quotes.attribution.attributor import Attributor
from bot.quotes.attribution.grammar import is_cue, is_reporting
from bot.quotes.attribution.model import Attribution, QuoteSite
from bot.quotes.tokens import Token

MAX_WORDS = 8


def described(site: QuoteSite, att: Attributor) -> Attribution | None:
    """The story's one person, for a description of someone right after the quote."""
    ctx = site.ctx
    tokens = ctx.tokens
    k = site.qi + 1
    while k < len(tokens) and tokens[k].text in (",", "—", "–"):
        k += 1
    inverted = k < len(tokens) and is_reporting(tokens, k)
    cue = tokens[k].lower if inverted else None
    start = k + 1 if inverted else k
    if start >= len(tokens) or tokens[start].lower != "the":
        return None
    end = start + 1
    words = 0
    named = att.state.named_positions(ctx)
    while end < len(tokens) and end - start <= MAX_WORDS:
        tok = tokens[end]
        if tok.text == ",":
            if inverted:
                break  # "says the rookie defenceman, younger brother of …"
            end += 1
            continue
        if not tok.is_word:
            break
        if not inverted and is_cue(tokens, end):
            cue = tok.lower
            break
        if _no_description(tok) or end in named:
            return None
        words += 1
        end += 1
    if cue is None or words == 0:
        return None
    if inverted and end < len(tokens) and tokens[end].is_word:
        return None  # the description runs on: not a plain noun phrase
    person = att.topic_person(ctx)
    if person is None:
        return None
    return Attribution(person, 0.6, cue, ctx.index, att.state.named_in.get(id(person)))


def _no_description(tok: Token) -> bool:
    """A word no plain description of a person holds (a pronoun, a preposition, a clause
    word, an organisation noun)."""
    return (
        tok.lower in lx.PRONOUNS
        or tok.lower in lx.DETERMINERS
        or tok.lower in lx.PREPOSITIONS
        or tok.lower in ("who", "which", "that", "and", "or")
        or (tok.lower in lx.ORG_NOUNS and tok.lower not in lx.ROLE_HEADS)
    )
