"""What the full-text prefilter searches for (pure)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from bot.search.normalize import STOPWORDS, content_terms, words


class NearGroup(NamedTuple):
    """The query with one word left out (``left_out``) or a gap opened (``left_out`` None):
    a record one word off holds ``before``, at most one word, then ``after``."""

    before: list[str]
    after: list[str]
    left_out: str | None


def near_pattern(groups: Sequence[NearGroup]) -> re.Pattern[str]:
    """A pattern that finds, in a normalised text, one of the groups in order with at most
    one word between its two runs."""
    alternatives = []
    for before, after, _ in groups:
        b, a = (" ".join(map(re.escape, run)) for run in (before, after))
        alternatives.append(f"{b}(?: \\S+)? {a}" if b and a else b or a)
    return re.compile(f"(?:^| )(?:{'|'.join(alternatives)})(?: |$)")


class SearchQuery:
    """What the prefilter searches for: the words in order, and the content terms.

    ``reworded`` queries look for the idea in other words (reported speech): a verbatim or
    one-word-off match is not what they are after, so those tiers are skipped.
    """

    def __init__(self, words: Sequence[str], terms: Sequence[str], reworded: bool = False) -> None:
        self.words = list(words)
        self.terms = list(terms)
        self.reworded = reworded

    def loose(self) -> SearchQuery:
        """The same query searched for re-wordings."""
        return SearchQuery(self.words, self.terms, reworded=True)

    @property
    def only_stopwords(self) -> bool:
        """Whether every term is a function word ("that was the a")."""
        return all(t in STOPWORDS for t in self.terms)

    def near_misses(self) -> Iterator[NearGroup]:
        """Word runs that a record one word off the query holds at most one word apart: each
        word left out (altered or added by the typist), and each gap between two words (a
        word the typist dropped)."""
        ws = self.words
        for i in range(len(ws)):
            yield NearGroup(ws[:i], ws[i + 1 :], ws[i])
        for i in range(1, len(ws)):
            yield NearGroup(ws[:i], ws[i:], None)

    def near_groups(self) -> list[NearGroup]:
        """The near misses worth a search: two words or more either side of the change."""
        return [g for g in self.near_misses() if len(g.before) + len(g.after) >= 2]

    @classmethod
    def of(cls, text: str) -> SearchQuery:
        """The search query for a phrase or name."""
        return cls(words(text), content_terms(text))
