"""Is a quote speech? Scare quotes, terms, titles and slogans are not.

"optics", "legally drunk", "Meet the Press", "The Kid Who Would Be King": words in quote marks
that nobody is reported to have said. They are kept out of an article's quotes (as *terms*),
so an answer never presents them as someone's words. A fragment a named person is reported to
have used ("called her a “rape genocide apologist”") is speech and stays.
"""

from __future__ import annotations

import re

from bot.models import Quote
from bot.wordlists import word_set

WORD = re.compile(r"[^\W\d_][\w'’-]*")
MAX_TITLE_WORDS = 10
# An unattributed fragment this long is ungoverned speech ("could get a deal if she is prepared
# to soften Brexit …"), not a scare quote: on the GGT set, 10 words keeps speech recall at 0.97
# for one point of quote precision.
MIN_SPEECH_FRAGMENT_WORDS = 10


def is_title(text: str) -> bool:
    """Title case throughout: a work, show, campaign or slogan, not a sentence someone said."""
    if re.search(r"[,;]", text):
        return False
    words = WORD.findall(text)
    if not 2 <= len(words) <= MAX_TITLE_WORDS or not words[0][:1].isupper():
        return False
    minor = word_set("title_minor_words")
    return all(w[:1].isupper() or w.lower() in minor for w in words)


def not_speech_reason(quote: Quote, before: str = "", after: str = "") -> str | None:
    """Why a quote is not speech ("title", "term"), or None when it is speech (English asks
    the quote alone, not the text around it)."""
    if is_title(quote.text):
        return "title"
    unattributed = quote.speaker is None and quote.cue is None
    short = len(WORD.findall(quote.text)) < MIN_SPEECH_FRAGMENT_WORDS
    if unattributed and quote.kind == "partial" and short:
        return "term"  # no one is reported to have said it: a scare quote or a term
    return None
