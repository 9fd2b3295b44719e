"""What the full-text prefilter searches for (pure)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from bot.search.normalize import STOPWORDS, content_terms, words


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

    def near_misses(self) -> Iterator[tuple[list[str], list[str]]]:
        """(before, after) word runs that a record one word off the query holds at most one
        word apart: each word left out (altered or added by the typist), and each gap between
        two words (a word the typist dropped)."""
        ws = self.words
        for i in range(len(ws)):
            yield ws[:i], ws[i + 1 :]
        for i in range(1, len(ws)):
            yield ws[:i], ws[i:]

    def near_groups(self) -> list[tuple[list[str], list[str]]]:
        """The near misses worth a search: two words or more either side of the change."""
        return [(b, a) for b, a in self.near_misses() if len(b) + len(a) >= 2]

    def near_pattern(self) -> re.Pattern[str]:
        """A pattern that finds, in a normalised text, one of the near groups in order with
        at most one word between its two runs: the query with one word altered, added or
        dropped."""
        alternatives = []
        for before, after in self.near_groups():
            b, a = (" ".join(map(re.escape, run)) for run in (before, after))
            alternatives.append(f"{b}(?: \\S+)? {a}" if b and a else b or a)
        return re.compile(f"(?:^| )(?:{'|'.join(alternatives)})(?: |$)")

    @classmethod
    def of(cls, text: str) -> SearchQuery:
        """The search query for a phrase or name."""
        return cls(words(text), content_terms(text))
