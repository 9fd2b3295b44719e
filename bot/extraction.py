"""Building the extractor from settings and extracting files: the glue for extract and ingest.

Reading the speakers file happens here, at the edge; ``bot.quotes`` never touches files.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Iterable, Iterator
from pathlib import Path

from bot.corpus.reader import Skipped, read_all
from bot.errors import ConfigError
from bot.models import ExtractedArticle
from bot.quotes.attribution.sieves import DEFAULT_ORDER
from bot.quotes.extract import Extractor
from bot.settings import Settings


def load_aliases(path: Path | None) -> dict[str, str]:
    """Manual aliases from ``config/speakers.toml`` (``[aliases] "Sir Keir" = "Keir Starmer"``)."""
    if path is None or not path.is_file():
        return {}
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid speakers file {path}: {exc}") from exc
    aliases = data.get("aliases", {})
    return {str(k): str(v) for k, v in aliases.items()}


def build_extractor(settings: Settings) -> Extractor:
    """The extractor the settings describe (aliases file, confidence threshold, sieves)."""
    aliases = load_aliases(settings.resolve(settings.extraction.speakers_file))
    chosen = settings.extraction.sieves
    try:
        return Extractor(
            aliases=aliases,
            min_confidence=settings.extraction.min_confidence,
            sieves=tuple(chosen) if chosen is not None else DEFAULT_ORDER,
            languages=tuple(settings.extraction.languages),
        )
    except ValueError as exc:
        key = "languages" if "language pack" in str(exc) else "sieves"
        raise ConfigError(f"extraction.{key}: {exc}") from exc


def extract_paths(
    paths: Iterable[Path], settings: Settings
) -> Iterator[tuple[Path, list[ExtractedArticle] | Skipped]]:
    """Every article under ``paths`` with its quotes; unreadable files come back as Skipped."""
    extractor = build_extractor(settings)
    for path, result in read_all(paths, settings.corpus):
        if isinstance(result, Skipped):
            yield path, result
        else:
            yield path, [extractor.extract(a) for a in result]


BOT = Path(__file__).parent
# What decides the quotes stored for an article's text: the extractor (code and word lists),
# the words other modules lend it, and how its rows and their search keys are made.
EXTRACTION_FILES = (
    "quotes",
    "wordlists.py",
    "models.py",
    "search/normalize.py",
    "search/data",
    "store/rows.py",
)


def extraction_stamp(extractor: Extractor) -> str:
    """A short fingerprint of what extraction gives for a text: the code and data files above
    and the extractor's settings (aliases, confidence threshold, sieves). An archive whose
    quotes carry another stamp was extracted by other rules (``bot.reextract``)."""
    digest = hashlib.sha256()
    for name in EXTRACTION_FILES:
        top = BOT / name
        for path in sorted(top.rglob("*") if top.is_dir() else [top]):
            if path.is_file() and path.suffix in {".py", ".txt", ".tsv", ".toml", ".json"}:
                digest.update(path.relative_to(BOT).as_posix().encode())
                digest.update(path.read_bytes())
    chosen = (
        sorted(extractor.aliases.items()),
        extractor.min_confidence,
        extractor.sieves,
        extractor.languages,
    )
    digest.update(repr((chosen, extractor.calibrated)).encode())
    return digest.hexdigest()[:16]
