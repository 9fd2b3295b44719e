"""Is a quote speech? Scare quotes, terms, titles and slogans are not.

"optics", "legally drunk", "Meet the Press", "The Kid Who Would Be King": words in quote marks
that nobody is reported to have said. They are kept out of an article's quotes (as *terms*),
so an answer never presents them as someone's words. A fragment a named person is reported to
have used ("called her a “rape genocide apologist”") is speech and stays, and so does a short
fragment that states something (it holds a finite verb: “the truth is sexier than the lie”)
or stands as what a "that" reports (an answer "was that “…”"): a term names or labels, it
does not assert.
"""

from __future__ import annotations

import re
from functools import cache

from bot.models import Quote
from bot.quotes.marks import DOUBLE_ANY, SINGLE_ANY
from bot.wordlists import word_set

WORD = re.compile(r"[^\W\d_][\w'’-]*")
MAX_TITLE_WORDS = 10
# An unattributed fragment this long is ungoverned speech ("could get a deal if she is prepared
# to soften Brexit …"), not a scare quote: on the GGT set, 10 words keeps speech recall at 0.97
# for one point of quote precision.
MIN_SPEECH_FRAGMENT_WORDS = 10
# "can't", "we're", "I'm", "they'll": a contracted verb is a finite one.
CONTRACTED_VERB = ("n't", "'re", "'m", "'ll", "'ve")
# Forms in the lists of "to be" and of auxiliaries that also head noun phrases or stand
# without tense ("being presidential", "the haves and have nots").
NOT_FINITE = frozenset({"be", "been", "being", "has", "have", "had"})


def is_title(text: str) -> bool:
    """Title case throughout: a work, show, campaign or slogan, not a sentence someone said."""
    if re.search(r"[,;]", text):
        return False
    words = WORD.findall(text)
    if not 2 <= len(words) <= MAX_TITLE_WORDS or not words[0][:1].isupper():
        return False
    minor = word_set("title_minor_words")
    return all(w[:1].isupper() or w.lower() in minor for w in words)


def states_something(text: str) -> bool:
    """The words hold a finite verb ("is", "can't", "would"): a clause someone said, not a
    label. "being", "been" and a bare "have" in a noun phrase do not count."""
    words = [w.lower().replace("’", "'") for w in WORD.findall(text)]
    finite = _finite_verbs()
    return any(w in finite or w.endswith(CONTRACTED_VERB) for w in words)


@cache
def _finite_verbs() -> frozenset[str]:
    return (word_set("be_forms") | word_set("modals")) - NOT_FINITE


def reported_by_that(before: str) -> bool:
    """The marks open right after "that" ("her answer was that “…”", "warned that “…”"): the
    words are the content of what someone said, whoever it was."""
    words = WORD.findall(before[-40:].rstrip(DOUBLE_ANY + SINGLE_ANY + " "))
    return bool(words) and words[-1].lower() == "that"


def not_speech_reason(quote: Quote, before: str = "", after: str = "") -> str | None:
    """Why a quote is not speech ("title", "term"), or None when it is speech (``before``:
    the paragraph's text before the opening mark)."""
    if is_title(quote.text):
        return "title"
    unattributed = quote.speaker is None and quote.cue is None
    short = len(WORD.findall(quote.text)) < MIN_SPEECH_FRAGMENT_WORDS
    if not (unattributed and quote.kind == "partial" and short):
        return None
    if states_something(quote.text) or reported_by_that(before):
        return None  # an assertion in someone's words, even with nobody named
    return "term"  # no one is reported to have said it: a scare quote or a term
