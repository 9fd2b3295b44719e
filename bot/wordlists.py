"""Word lists kept as data files in a package's ``data`` folder (one entry a line, ``#``
comments): ``bot/quotes/lang/<code>/data`` for the extractor's language packs (English's is
the default: most lists are its),
``bot/search/data`` for the search. Neither package's, so the search does not lean on the
extractor to read its stopwords.

Read once and cached: package data, not configuration, so reading it here keeps the core pure
in the sense that matters (no user files, nothing that changes while running).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

ENGLISH = "bot.quotes.lang.en"  # the English pack: the extractor's lists (the default)
DATA_PACKAGE_DIR = Path(__file__).parent / "quotes" / "lang" / "en" / "data"


def entries(name: str, package: str = ENGLISH) -> list[str]:
    """The entries of ``<package>/data/<name>.txt`` in file order (comments and blank lines
    dropped)."""
    text = resources.files(package).joinpath("data", f"{name}.txt").read_text("utf-8")
    out: list[str] = []
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            out.append(entry)
    return out


@cache
def word_set(name: str, package: str = ENGLISH) -> frozenset[str]:
    """The entries of a list as a set, lower-cased."""
    return frozenset(e.lower() for e in entries(name, package))
