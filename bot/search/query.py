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

    def tiers(self) -> list[tuple[str, list[list[str]]]]:
        """Search tiers, most precise first: the exact phrase; all content terms; all but one.

        Leaving one term out finds a quote with one altered or dropped word without an OR scan
        over long posting lists.
        """
        tiers: list[tuple[str, list[list[str]]]] = []
        if len(self.words) > 1:
            tiers.append(("phrase", [self.words]))
        tiers.append(("all", [self.terms]))
        if len(self.terms) >= 2:
            tiers.append(("all_but_one", _leave_one_out(self.terms)))
        if len(self.terms) <= 2 and len(self.words) >= 3:
            # Few content words: the small words carry the quote, so leave one of any out.
            tiers.append(("words_but_one", _leave_one_out(list(dict.fromkeys(self.words)))))
        return tiers

    @classmethod
    def of(cls, text: str) -> SearchQuery:
        """The search query for a phrase or name."""
        return cls(words(text), content_terms(text))


def _leave_one_out(items: list[str]) -> list[list[str]]:
    return [items[:i] + items[i + 1 :] for i in range(len(items))]
