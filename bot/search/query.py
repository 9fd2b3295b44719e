"""What the full-text prefilter searches for (pure)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.search.normalize import content_terms, words


class SearchQuery:
    """What the prefilter searches for: the words in order, and the content terms."""

    def __init__(
        self, words: Sequence[str], terms: Sequence[str], stop_at_phrase: bool = True
    ) -> None:
        self.words = list(words)
        self.terms = list(terms)
        self.stop_at_phrase = stop_at_phrase

    def loose(self) -> SearchQuery:
        """The same query searched for re-wordings: a verbatim phrase match does not end it."""
        return SearchQuery(self.words, self.terms, stop_at_phrase=False)

    @classmethod
    def of(cls, text: str) -> SearchQuery:
        """The search query for a phrase or name."""
        return cls(words(text), content_terms(text))
