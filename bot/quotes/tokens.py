"""Masking quotes, splitting sentences and tokenising the narration around quotes."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from bot.quotes import lexicon as lx
from bot.quotes.marks import Span

MASK = "\ue000"
# U+FFFD (a byte the page's charset could not read) stays inside its word, so "Zo\ufffd" is
# one damaged word, never the clean-looking name "Zo".
TOKEN = re.compile(
    MASK
    + r"+|(?:[^\W\d_]|\ufffd)[\w'’\-\ufffd]*(?:\.(?=[A-Z]\.))?"
    + r"|\d+(?:[,.:]\d+)*%?\w*|@\w+|[,;:()—–]|\s-\s|--"
)
NEXT_CHAR = re.compile(r"\s*(\S)")
ATTRIBUTION_WORDS = 6  # words a name and its qualifiers may take before the verb
# A full stop typed with no space after it ("sagte Vogt.Als …", two paragraphs run together
# by a page's markup) still ends a sentence when a lower-case word ends before it and a
# capitalised word follows: "U.S.", "z.B." and "Spiegel.de" do not match.
BOUNDARY = re.compile(
    r"[.!?…]+[\"”’'\u00bb)]*(?=\s+)|(?<=[a-zß-öø-ÿ]{2})[.!?](?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{2})"
)
INITIALISM = re.compile(r"(?:[a-z]\.)+[a-z]")  # "u.s", "d.c" (the final stop stripped)
WORD = re.compile(r"[^\W\d_][\w'’.-]*")
WORD_OR_MARK = re.compile(WORD.pattern + r"|[,;:.!?]")
NEXT_WORD = re.compile(r"\s*[\"“‘'(]*([^\W\d_]+)")


@dataclass(frozen=True, slots=True)
class Token:
    """A word, masked quote, or punctuation token with paragraph-relative offsets.

    Slotted, with its derived fields computed once and its strings interned: a long article has
    hundreds of thousands of tokens, most of them the same few thousand words.
    """

    text: str
    start: int
    end: int
    lower: str = field(init=False)  # the word in lower case without a possessive ending
    is_word: bool = field(init=False)  # a word (not punctuation, not a quote)
    is_capitalised: bool = field(init=False)  # starts with a capital letter

    def __post_init__(self) -> None:
        text = sys.intern(self.text)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "lower", _lower(text))
        object.__setattr__(self, "is_word", text[:1].isalpha())
        object.__setattr__(self, "is_capitalised", text[:1].isupper())

    @property
    def is_quote(self) -> bool:
        """Whether this token stands for a masked quote."""
        return self.text.startswith(MASK)

    @property
    def is_possessive(self) -> bool:
        """Whether the word ends in a possessive ("Musk’s", "Phillips'")."""
        return strip_possessive(self.text) != self.text


@lru_cache(maxsize=1 << 16)
def _lower(text: str) -> str:
    # One apostrophe for the word lists: "didn’t" and "didn't" are the same word.
    return sys.intern(strip_possessive(text).lower().replace("’", "'"))


@dataclass(frozen=True)
class Sentence:
    """A sentence of a paragraph: offsets and tokens of the masked text."""

    start: int
    end: int
    tokens: tuple[Token, ...]


def strip_possessive(word: str) -> str:
    """``Musk’s`` -> ``Musk``; ``Phillips'`` -> ``Phillips``."""
    for suffix in ("’s", "'s", "’", "'"):
        if word.endswith(suffix) and len(word) > len(suffix):
            return word[: -len(suffix)]
    return word


def mask(text: str, spans: list[Span]) -> str:
    """The paragraph with each quote (marks included) replaced by mask characters."""
    chars = list(text)
    for span in spans:
        for i in range(span.mark_start, max(span.mark_end, span.end)):
            chars[i] = MASK
    return "".join(chars)


def _dash(text: str) -> str:
    """A token's text, dashes as one: " - " is a hyphen set off by spaces, "--" a typed em
    dash ("Ivan Petrov -- who lost to Ann Kerr -- said")."""
    text = text.strip() or "-"
    return "—" if text == "--" else text


def sentences(masked: str, original: str, ordinal_stops: bool = False) -> Iterator[Sentence]:
    """Tokenised sentences of a masked paragraph, one at a time (a sentence's tokens cost
    memory only while it is being read). ``ordinal_stops``: the language writes ordinals
    with a full stop ("am 24. März"), which then ends no sentence."""
    for s, e in _split_after_closed_quotes(masked, original, ordinal_stops):
        tokens = tuple(
            Token(_dash(m.group()), s + m.start(), s + m.end()) for m in TOKEN.finditer(masked[s:e])
        )
        yield Sentence(s, e, tokens)


def _split_after_closed_quotes(
    masked: str, original: str, ordinal_stops: bool = False
) -> list[tuple[int, int]]:
    """Split sentences; a masked quote ending in . ! ? followed by a capital ends a sentence."""
    result: list[tuple[int, int]] = []
    for s, e in split_sentences_basic(masked, ordinal_stops):
        cut = s
        # A capital, accented too ("Über"), opens the next sentence.
        for m in re.finditer(MASK + r"+(?=\s+[A-ZÀ-ÖØ-Þ\"“])", masked[s:e]):
            q_end = s + m.end()
            # Every closing mark: German closes „…“ with “ and ‚…‘ with ‘, French « … ».
            inner = original[s + m.start() : q_end].rstrip("\"”’'“‘»«›‹ ")
            if (
                inner
                and inner[-1] in ".!?…"
                and q_end < e
                and not (inner[-1] in "?!" and _attribution_follows(masked, q_end))
                and not (inner[-1] == "." and _only_attribution(masked, q_end, e))
            ):
                result.append((cut, q_end))
                cut = q_end
        result.append((cut, e))
    return [(a, b) for a, b in result if masked[a:b].strip()]


def _only_attribution(masked: str, at: int, end: int) -> bool:
    """“… are missing.” Trump said.: all that follows a quote closed with a full stop, to
    the sentence's end, is a short attribution (no other quote, a few words, a reporting verb
    among them) — a typed full stop where a comma belongs, not a new sentence."""
    rest = masked[at:end]
    words = WORD.findall(rest)
    return (
        MASK not in rest
        and 0 < len(words) <= ATTRIBUTION_WORDS
        and _attribution_follows(masked, at)
    )


def _attribution_follows(masked: str, at: int) -> bool:
    """“Are there prizes?” Lincicome asked …: the words after a question or exclamation are
    its attribution (a reporting verb among the next few words), not a new sentence."""
    words = WORD_OR_MARK.findall(masked[at : at + 100])
    seen = 0
    for word in words:
        if word == ",":
            continue  # "“Perpetual motion!” Rep. Glenn Thompson, R-Pa., said …"
        if word in ";:.!?" or seen == ATTRIBUTION_WORDS:
            return False
        if word.rstrip(".").lower() in lx.CUE_VERBS and word[:1].islower():
            return True
        seen += 1
    return False


def _opens_sentence(masked: str, at: int) -> bool:
    """Whether the word after ``at`` is one that opens sentences (a pronoun, an article, a
    conjunction …): after a dotted initialism, only such a word starts a new sentence. A
    name or noun there ("Senate", "District", "Chamber") continues the initialism's phrase far
    more often than it opens a sentence (counted on the dev sets' news)."""
    word = NEXT_WORD.match(masked, at)
    return word is None or word.group(1).lower() in lx.SENTENCE_OPENERS


def split_sentences_basic(masked: str, ordinal_stops: bool = False) -> list[tuple[int, int]]:
    """Sentence offsets from punctuation outside quotes (``ordinal_stops``: see
    ``sentences``)."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for m in BOUNDARY.finditer(masked):
        end = m.end()
        word = re.search(r"([\w.]+)[.!?…]*$", masked[start : m.start() + 1])
        prev_word = (word.group(1) if word else "").rstrip(".").lower()
        after = NEXT_CHAR.match(masked, end)  # not masked[end:].lstrip(): linear, not n²
        nxt = after.group(1) if after else ""
        if prev_word in lx.ABBREVIATIONS or (len(prev_word) == 1 and prev_word.isalpha()):
            continue
        if ordinal_stops and prev_word.isdigit() and len(prev_word) <= 2 and m.group() == ".":
            continue  # "am 24. März", "die 1. Klasse"
        if INITIALISM.fullmatch(prev_word) and not _opens_sentence(masked, end):
            continue  # "the U.S. Chamber of Commerce", "U.S. Sen. Ted Cruz": one sentence
        if nxt and (nxt.islower() or nxt in ",;"):
            continue
        bounds.append((start, end))
        start = end
    if start < len(masked):
        bounds.append((start, len(masked)))
    return [(s, e) for s, e in bounds if masked[s:e].strip()]
