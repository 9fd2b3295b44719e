"""Word pairs that hold a function word ("by vusi", "vusi in"): the index both backends read a
run of common words through, since each common word alone is in most rows."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from bot.search.normalize import STOPWORDS
from bot.store.search_backend import Kind

APOSTROPHE = re.compile("['’]")

# Function words Postgres's english configuration does not index (it keeps these modals): a
# pair holds one of them.
PG_UNINDEXED = STOPWORDS - {"could", "may", "might", "must", "would"}


# The kinds whose word pairs are indexed (Postgres: a ``pairs`` column, schema v9; SQLite: a
# ``<kind>_pairs`` FTS5 table, v11); paragraphs keep their raw text, unpaired.
PAIRED: tuple[Kind, ...] = ("quotes", "reports")


def word_pairs(words: Sequence[str]) -> list[str]:
    """The adjacent word pairs of a run of which one word is unindexed (``quotebot_pairs``)."""
    pairs = (f"{a} {b}" for a, b in pairwise(words) if a in PG_UNINDEXED or b in PG_UNINDEXED)
    return list(dict.fromkeys(pairs))


def pair_tokens(words: Sequence[str]) -> list[str]:
    """The word pairs of ``word_pairs`` as SQLite's ``<kind>_pairs`` indexes them, one token each
    ("by_vusi"; an apostrophe dropped, as FTS5 would split on it)."""
    return [APOSTROPHE.sub("", p).replace(" ", "_") for p in word_pairs(words)]
