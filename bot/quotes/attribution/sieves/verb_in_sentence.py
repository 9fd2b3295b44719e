"""A quote in a sentence whose reporting verb no sieve could tie to a speaker: "Lindqvist listed
her aims, among them making landlords pay their “fair share” of repairs, her office said" is
past the other sieves' reach, yet the sentence reports speech. The quote is speech with nobody
named, not a scare quote: an answer shows it as unattributed words, never as a term."""

from __future__ import annotations

from bot.quotes.attribution.attributor import Attributor
from bot.quotes.attribution.grammar import is_cue
from bot.quotes.attribution.model import Attribution, QuoteSite

MIN_WORDS = 2


def verb_in_sentence(site: QuoteSite, att: Attributor) -> Attribution | None:
    """Speech, nobody named, when a quote opening in lower case (a phrase, not a name) stands
    in a sentence with a reporting verb outside its marks; otherwise a phrase short of a
    sentence reads as a scare quote."""
    if not site.words[:1].islower():
        return None  # "Breaking Bad", "Trump": a name or a title, whatever the verb reports
    if len(site.words.split()) < MIN_WORDS:
        return None  # "the word “nugatory”": one word may be mentioned, not used
    tokens = site.ctx.tokens
    for j, tok in enumerate(tokens):
        if not tok.is_quote and is_cue(tokens, j):
            return Attribution(None, 0.0, tok.text)
    return None
