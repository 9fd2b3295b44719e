"""Normalising text for matching: case, curly marks, punctuation and spacing ignored."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bot.wordlists import word_set

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
STOPWORDS = word_set("stopwords", package="bot.search")


def words(text: str) -> list[str]:
    """Lower-case words with curly apostrophes made straight and accents kept."""
    text = unicodedata.normalize("NFKC", text).lower().replace("’", "'")
    return WORD.findall(text)


@lru_cache(maxsize=1 << 16)
def without_accents(word: str) -> str:
    """A word with its accents taken off ("exposés" → "exposes", "Brûlé" → "Brule")."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def folded(words: list[str]) -> list[str]:
    """The words without accents: "exposés" and "exposes" are the same word to an editor
    who could not type the accent (and the diff never shows one as a change)."""
    return [w if w.isascii() else without_accents(w) for w in words]


def norm(text: str) -> str:
    """The words of a text joined by single spaces: the form every comparison uses."""
    return " ".join(words(text))


def is_function_word(word: str) -> bool:
    """A stopword, or a stopword with a plural "s" ("thes", "ands", "ours"). As a search
    term, SQLite's Porter stemmer makes "thes" the "the" of most rows (130 ms an AND at 1M
    quotes), and Postgres finds only the rows holding the typo itself, never the line the
    typist meant: either way it is no content word."""
    return word in STOPWORDS or (
        word.endswith("s") and not word.endswith("ss") and word[:-1] in STOPWORDS
    )


def content_terms(text: str) -> list[str]:
    """Distinct words worth searching for (function words dropped unless nothing else is
    left)."""
    all_words = list(dict.fromkeys(words(text)))
    content = [w for w in all_words if not is_function_word(w) and len(w) > 1]
    return content or all_words
