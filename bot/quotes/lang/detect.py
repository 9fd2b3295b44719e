"""Which language an article is in: what its page or feed states, else what its words say.

Telling English from German (and both from a language we have no pack for) needs no model:
each pack lists the short words its language uses all the time and the other almost never
("the", "and", "said" / "und", "nicht", "wurde"), and a news article has hundreds of them.
A language-identification library (langdetect, fastText's lid.176, lingua) would name a
hundred languages we cannot read, at 1–100 MB of data and tens of milliseconds an article;
counting the packs' own words costs one pass over the first few thousand characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.models import Article
from bot.quotes.lang import packs
from bot.wordlists import word_set

SAMPLE_CHARS = 4000  # the opening of the article is enough to tell
MIN_WORDS = 40  # from this many words on, a text in none of the packs' languages is told
MIN_SHARE = 0.08  # a language's words make up at least this share of a real article's words
# A shorter text (a draft's sentence, a headline) is told only by a clear lead: this many of
# one language's words, and this many times the other languages'.
SHORT_MIN_HITS = 2
SHORT_LEAD = 2
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
UNDETERMINED = "und"  # ISO 639-2's code for "not known"


def stated(tag: str | None) -> str | None:
    """The language a page or feed states, as a pack code: "de-DE" and "de_AT" are "de"."""
    if not tag:
        return None
    code = re.split(r"[-_]", tag.strip().lower(), maxsplit=1)[0]
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def told_by_words(text: str, candidates: Iterable[str]) -> str | None:
    """The candidate language whose frequent words the text uses most; None when the text
    is too short to tell or uses none of them much (another language)."""
    words = [w.lower() for w in WORD.findall(text[:SAMPLE_CHARS])]
    scores: dict[str, int] = {}
    for code in candidates:
        pack = packs().get(code)
        if pack is None:
            continue
        frequent = word_set("detect_words", pack.package)  # in the pack's own folder
        scores[code] = sum(1 for w in words if w in frequent)
    if not scores:
        return None
    best = max(scores, key=lambda c: scores[c])
    if len(words) < MIN_WORDS:
        others = max((n for c, n in scores.items() if c != best), default=0)
        clear = scores[best] >= SHORT_MIN_HITS and scores[best] >= SHORT_LEAD * max(others, 1)
        return best if clear else None  # too short to tell: the caller's default
    return best if scores[best] >= MIN_SHARE * len(words) else UNDETERMINED


def article_language(article: Article, configured: Iterable[str]) -> str:
    """The article's language: the stated one, else the one its words show among the packs,
    else (too short to tell) the first configured language. "und" when the words are none
    of the packs' languages."""
    configured = tuple(configured)
    said = stated(article.language)
    if said is not None:
        return said
    text = " ".join(p.text for p in article.paragraphs[:20])
    found = told_by_words(text, tuple(packs()))
    if found is None:
        return configured[0] if configured else "en"
    return found
