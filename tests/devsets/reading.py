"""How a dev set's article is read: as the product reads it, from a file or from text."""

from __future__ import annotations

from pathlib import Path

from bot.corpus.reader import read_bytes, read_file
from bot.models import Article
from bot.settings import CorpusSettings


class FileReader:
    """Reads one text file as ``quotebot ingest`` would (a callable that pickles, so the
    scorer can extract on several cores)."""

    def __init__(self, path: Path, corpus: CorpusSettings) -> None:
        self.path, self.corpus = path, corpus

    def __call__(self) -> Article:
        (article,) = read_file(self.path, self.corpus)
        return article


class TextReader:
    """Reads text held in memory as if it were the file ``name``."""

    def __init__(self, name: str, text: str, corpus: CorpusSettings) -> None:
        self.name, self.text, self.corpus = name, text, corpus

    def __call__(self) -> Article:
        (article,) = read_bytes(Path(self.name), self.text.encode("utf-8"), self.corpus)
        return article
