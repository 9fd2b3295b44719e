"""Scoring a query against quote text: verbatim containment, fuzzy windows and word diffs."""

from __future__ import annotations

from collections import Counter
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from bot.models import DiffWord, Frozen
from bot.search.normalize import folded


class Match(Frozen):
    """How well a query matches a text: 0-100, whether verbatim, and the differing words."""

    score: float
    verbatim: bool
    diff: tuple[DiffWord, ...] = ()


def contains_words(haystack: list[str], needle: list[str]) -> bool:
    """Whether ``needle`` occurs as a contiguous run of words in ``haystack``."""
    n = len(needle)
    if n == 0 or n > len(haystack):
        return False
    first = needle[0]
    return any(
        haystack[i] == first and haystack[i : i + n] == needle for i in range(len(haystack) - n + 1)
    )


def best_window(query: list[str], record: list[str]) -> tuple[float, int, int]:
    """The run of record words most like the query: (score 0-100, start, end).

    The character alignment of the best partial match says where to look; windows of the
    query's length give or take two words are tried around it.
    """
    q = " ".join(query)
    n = len(query)
    joined = " ".join(record)
    best = (fuzz.ratio(q, joined), 0, len(record))
    if len(record) <= n:
        return best
    align = fuzz.partial_ratio_alignment(q, joined)
    anchor = joined[: align.dest_start].count(" ") if align is not None else 0
    for size in range(max(1, n - 2), min(len(record), n + 2) + 1):
        lo = max(0, anchor - 3)
        hi = min(len(record) - size, anchor + 3)
        for start in range(lo, hi + 1):
            score = fuzz.ratio(q, " ".join(record[start : start + size]))
            if score > best[0]:
                best = (score, start, start + size)
    return best


def word_diff(
    query: list[str], record: list[str], same: tuple[list[str], list[str]] | None = None
) -> tuple[DiffWord, ...]:
    """The words that differ between the query and the matched record window, as typed and
    as on record. ``same``: the forms compared (accents folded), when not the words."""
    ops: list[DiffWord] = []
    a, b = same or (query, record)
    matcher = SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "insert" and i1 in (0, len(a)):
            # Words on record beyond either end of what was typed: a fragment of a quote is
            # not an alteration of its rest ("… the rape gang scandal" of "… scandal to date").
            continue
        ops.append(
            DiffWord(
                op={"replace": "replace", "delete": "delete", "insert": "insert"}[tag],
                query=" ".join(query[i1:i2]),
                record=" ".join(record[j1:j2]),
            )
        )
    return tuple(ops)


REORDERED = 90.0  # the words on record, every one, in another order: altered, but closely
MIN_REORDERED = 3  # two words swapped are too little to call a quote
WHOLE_SLACK = 2  # a quote at most this many words longer than the query is diffed whole


def reordered_window(query: list[str], record: list[str]) -> int | None:
    """Where a run of the record holds exactly the query's words in another order, or None."""
    n = len(query)
    if n < MIN_REORDERED or n > len(record):
        return None
    want = Counter(query)
    if want - Counter(record):
        return None  # a query word the record lacks: no window can hold them all (the common case)
    window = Counter(record[:n])
    for start in range(len(record) - n + 1):
        if start:
            window[record[start - 1]] -= 1
            window[record[start + n - 1]] += 1
        if window == want:
            return start
    return None


def match(query: list[str], record: list[str]) -> Match:
    """Score a normalised query against normalised record words (accents aside)."""
    fq, fr = folded(query), folded(record)
    if contains_words(fr, fq):
        return Match(score=100.0, verbatim=True)
    score, start, end = best_window(fq, fr)
    if score < REORDERED and (at := reordered_window(fq, fr)) is not None:
        on_record = " ".join(record[at : at + len(query)])
        order = DiffWord(op="order", query=" ".join(query), record=on_record)
        return Match(score=REORDERED, verbatim=False, diff=(order,))
    if len(record) <= len(query) + WHOLE_SLACK:
        # The query stands for the whole quote: a window that leaves out its first words
        # would hide them from the diff ("should be" for "deserves to be", not "to").
        start, end = 0, len(record)
    diff = word_diff(query, record[start:end], (fq, fr[start:end]))
    return Match(score=round(score, 1), verbatim=False, diff=diff)


def quick_score(query: str, record: str) -> float:
    """A fast first-pass score (partial alignment), used to pick which candidates to refine."""
    return float(fuzz.partial_ratio(query, record)) if record else 0.0
