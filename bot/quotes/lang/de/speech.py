"""Is a German quote speech? German marks names, titles and terms with „…“ as often as speech,
and capitalises every noun, so the English tests (title case, a lower-case start) say little.

A quote nobody is named for is not speech when it reads as a title ("Gesetz zur Bekämpfung
des Terrors": capitalised words and the minor words titles keep in lower case), when no verb
reports it and it is no sentence (no closing punctuation, under ten words), when a naming verb
("genannt", "bezeichnet") gives it as a name, or when it is a fragment of a few words.
"""

from __future__ import annotations

import re

from bot.models import Quote
from bot.quotes.lang.de import LANGUAGE

WORD = re.compile(r"[^\W\d_][\w'’.-]*")
MIN_SPEECH_WORDS = 10  # an unreported phrase this long is speech, not a term
MIN_FRAGMENT_WORDS = 4  # a fragment shorter than this, with nobody named, is a term
SENTENCE_END = (".", "!", "?", "…")


def is_title(text: str) -> bool:
    """Capitalised words and the lower-case words titles keep: a name, not a sentence."""
    words = WORD.findall(text)
    if not words or not words[0][:1].isupper() or re.search(r"[,;]", text):
        return False
    minor = LANGUAGE.words("title_minor_words")
    return all(w[:1].isupper() or w.lower() in minor for w in words)


def not_speech_reason(quote: Quote) -> str | None:
    """Why a German quote is not speech ("title", "term"), or None when it is speech."""
    if quote.speaker is not None:
        return None
    words = WORD.findall(quote.text)
    short = len(words) < MIN_SPEECH_WORDS
    if is_title(quote.text) and short and (quote.cue is None or len(words) >= 2):
        return "title"  # "Berliner Zeitung", even in a sentence that reports speech
    if quote.cue is None:
        sentence = quote.text.rstrip().endswith(SENTENCE_END) or "," in quote.text
        if not sentence and short:
            return "term"  # no verb reports it and it is no sentence
    elif quote.cue.lower() in LANGUAGE.words("naming_cues") and len(words) < MIN_FRAGMENT_WORDS:
        return "term"  # „Apogäum“ genannt
    return None
