"""Words outside the quote marks (pure): the reporter's wording an editor pasted with a quote.

`"a slap in the face" for workers`: the quote on record is "a slap in the face"; "for workers"
stands next to it in the article but outside the marks. Printing them inside the marks is one
of the commonest misquotes.
"""

from __future__ import annotations

import unicodedata

from bot.search.normalize import STOPWORDS, WORD, words


def find_run(haystack: list[str], needle: list[str]) -> int | None:
    """Where ``needle`` starts as a contiguous run of ``haystack``, or None."""
    n = len(needle)
    for i in range(len(haystack) - n + 1):
        if haystack[i : i + n] == needle:
            return i
    return None


def outside_marks(
    query: list[str], quote: list[str], paragraph: str, quote_text: str
) -> tuple[str, ...]:
    """The query's words around the quote that the paragraph also has right next to it."""
    at = find_run(query, quote)
    pos = paragraph.find(quote_text)
    if at is None or pos < 0:
        return ()
    before_query, after_query = query[:at], query[at + len(quote) :]
    before_text = words(paragraph[:pos])
    after_text = words(paragraph[pos + len(quote_text) :])
    k = 0
    while (
        k < min(len(before_query), len(before_text)) and before_query[-1 - k] == before_text[-1 - k]
    ):
        k += 1
    m = 0
    while m < min(len(after_query), len(after_text)) and after_query[m] == after_text[m]:
        m += 1
    found = [" ".join(before_query[len(before_query) - k :]), " ".join(after_query[:m])]
    return tuple(run for run in found if run and not all(w in STOPWORDS for w in run.split()))


def as_typed(run: str, typed: str) -> str:
    """A run of normalised words as the editor typed it ("jess phillips" → "Jess Phillips")."""
    tokens = WORD.findall(unicodedata.normalize("NFKC", typed).replace("’", "'"))
    target = run.split()
    lowered = [t.lower() for t in tokens]
    at = find_run(lowered, target)
    return " ".join(tokens[at : at + len(target)]) if at is not None else run


def peel(
    query: list[str], paragraph: str, quote_text: str, most: int = 4
) -> tuple[list[str], tuple[str, ...]]:
    """The query without words at either end that the paragraph has right outside the
    quote's marks ("phillips deserved to be in prison" beside “deserves to be in prison”
    after "Jess Phillips"): the words to compare with the quote, and the runs peeled off."""
    pos = paragraph.find(quote_text)
    if pos < 0:
        return query, ()
    before = words(paragraph[:pos])
    after = words(paragraph[pos + len(quote_text) :])
    k = next(
        (
            k
            for k in range(min(most, len(query) - 2, len(before)), 0, -1)
            if query[:k] == before[-k:]
        ),
        0,
    )
    rest = query[k:]
    m = next(
        (
            m
            for m in range(min(most, len(rest) - 2, len(after)), 0, -1)
            if rest[len(rest) - m :] == after[:m]
        ),
        0,
    )
    core = rest[: len(rest) - m]
    runs = (" ".join(query[:k]), " ".join(rest[len(rest) - m :]))
    return core, tuple(r for r in runs if r and not all(w in STOPWORDS for w in r.split()))
