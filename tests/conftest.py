"""Shared fixtures: project paths, settings and the extracted seed corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.corpus.reader import read_file
from bot.models import Article, Quote
from bot.quotes.extract import extract_quotes, load_aliases
from bot.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ARTICLES = Path(__file__).resolve().parent / "articles"
GOLD = Path(__file__).resolve().parent / "gold"


@pytest.fixture(scope="session")
def settings() -> Settings:
    """Settings from the project's own config file, independent of the working directory."""
    return load_settings(ROOT / "config" / "quotebot.toml")


def seed_article(stem: str, settings: Settings) -> Article:
    """The seed article whose file name starts with ``stem``."""
    (path,) = SEEDS.glob(f"{stem}_*.txt")
    return read_file(path, settings.corpus)[0]


def seed_quotes(stem: str, settings: Settings) -> list[Quote]:
    """Extracted quotes of one seed article."""
    aliases = load_aliases(settings.resolve(settings.extraction.speakers_file))
    return extract_quotes(seed_article(stem, settings), aliases)


def speaker_of(quotes: list[Quote], fragment: str) -> str | None:
    """The speaker of the only quote containing ``fragment`` (fails if none or several)."""
    found = [q for q in quotes if fragment in q.text]
    assert len(found) == 1, f"{fragment!r}: {len(found)} quotes in {[q.text for q in quotes]}"
    return found[0].speaker


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """A fresh SQLite store for one test."""
    return f"sqlite:///{tmp_path / 'quotebot.db'}"


@pytest.fixture
def seeded_store(db_url: str, settings: Settings):  # type: ignore[no-untyped-def]
    """A store holding the seed corpus."""
    from bot.ingest import ingest
    from bot.store.repository import Store

    store = Store.open(db_url)
    ingest(store, [SEEDS], settings, progress=False)
    return store
