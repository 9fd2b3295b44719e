"""Reading files and extracting their quotes: the glue used by ``extract`` and ``ingest``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from bot.corpus.reader import Skipped, read_all
from bot.models import ExtractedArticle
from bot.quotes.extract import extract_article, load_aliases
from bot.settings import Settings


def extract_paths(
    paths: Iterable[Path], settings: Settings
) -> Iterator[tuple[Path, list[ExtractedArticle] | Skipped]]:
    """Every article under ``paths`` with its quotes; unreadable files come back as Skipped."""
    aliases = load_aliases(settings.resolve(settings.extraction.speakers_file))
    threshold = settings.extraction.min_confidence
    for path, result in read_all(paths, settings.corpus):
        if isinstance(result, Skipped):
            yield path, result
        else:
            yield path, [extract_article(a, aliases, threshold) for a in result]
