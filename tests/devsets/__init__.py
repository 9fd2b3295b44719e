"""The dev sets: annotated news we may look at while writing rules, never committed.

Each set is found where its environment variable points (``QUOTEBOT_GGT_DIR``,
``QUOTEBOT_POLNEAR_DIR``, ``QUOTEBOT_GERMAN_DIR``); each module's docstring says how to make a
copy. ``python -m tests.devsets SET [DIR]`` prints the scores (see ``__main__``).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot.settings import CorpusSettings
from tests.devsets import german, ggt, polnear
from tests.devsets.gold import Document


@dataclass(frozen=True)
class DevSet:
    """A dev set: its name, where it is found, and how it is read."""

    name: str
    env: str
    marker: str  # a file or folder (glob) every copy of the set has
    load: Callable[[Path, CorpusSettings], list[Document]]

    def directory(self) -> Path | None:
        """The configured copy, or None when the variable is unset."""
        value = os.environ.get(self.env, "").strip()
        return Path(value).expanduser() if value else None

    def present(self, directory: Path | None) -> bool:
        """Whether ``directory`` holds a copy of the set."""
        return directory is not None and any(directory.glob(self.marker))


SETS: dict[str, DevSet] = {
    "ggt": DevSet("ggt", "QUOTEBOT_GGT_DIR", ggt.MARKER, ggt.load),
    "polnear": DevSet("polnear", "QUOTEBOT_POLNEAR_DIR", polnear.MARKER, polnear.load),
    "german": DevSet("german", "QUOTEBOT_GERMAN_DIR", german.MARKER, german.load),
}
