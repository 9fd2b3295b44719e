"""Shared fixtures: project paths, settings and the extracted seed corpus."""

from __future__ import annotations

import functools
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis.configuration import set_hypothesis_home_dir
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from bot.corpus.reader import read_file
from bot.extraction import build_extractor
from bot.models import Article, Quote
from bot.settings import Settings, load_settings
from bot.store.engine import normalise_url
from tests.fakes.slack_api import FakeSlack, start_fake_slack

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ARTICLES = Path(__file__).resolve().parent / "articles"
GOLD = Path(__file__).resolve().parent / "gold"

# Hypothesis keeps its examples and caches beside the tests, not at the repository's top level.
set_hypothesis_home_dir(Path(__file__).parent / ".hypothesis")


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
    return build_extractor(settings).quotes(seed_article(stem, settings))


def speaker_of(quotes: list[Quote], fragment: str) -> str | None:
    """The speaker of the only quote containing ``fragment`` (fails if none or several)."""
    found = [q for q in quotes if fragment in q.text]
    assert len(found) == 1, f"{fragment!r}: {len(found)} quotes in {[q.text for q in quotes]}"
    return found[0].speaker


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    """A fake Slack Web API server on 127.0.0.1 for one test."""
    state, server = start_fake_slack()
    yield state
    server.shutdown()


PG_SERVER = os.environ.get("QUOTEBOT_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")
# CI sets this: a test that needs an optional service then fails instead of skipping.
REQUIRE_SERVICES = os.environ.get("QUOTEBOT_REQUIRE_SERVICES", "") not in ("", "0")


def service_missing(what: str, enable: str) -> None:
    """Skip (or, under QUOTEBOT_REQUIRE_SERVICES=1, fail) a test whose service is absent."""
    message = f"{what} — {enable}"
    if REQUIRE_SERVICES:
        pytest.fail(f"{message} (required: QUOTEBOT_REQUIRE_SERVICES=1)")
    pytest.skip(message)


@functools.cache
def postgres_reachable() -> bool:
    """Whether the test Postgres server answers (checked once per run)."""
    engine = create_engine(normalise_url(PG_SERVER), connect_args={"connect_timeout": 3})
    try:
        with engine.connect():
            return True
    except OperationalError:
        return False
    finally:
        engine.dispose()


def require_postgres() -> None:
    """Skip with the way to enable it when no Postgres server is reachable."""
    if not postgres_reachable():
        service_missing(
            f"Postgres not reachable at {PG_SERVER}",
            "start it (pg_ctlcluster … main start) or set QUOTEBOT_TEST_POSTGRES",
        )


@contextmanager
def postgres_schema() -> Iterator[str]:
    """A fresh schema on the real Postgres server; yields a URL whose search_path points at it.

    Without a reachable server the test is skipped with the way to enable it (CI fails it).
    """
    require_postgres()
    name = f"qb_{uuid.uuid4().hex[:10]}"
    admin = create_engine(normalise_url(PG_SERVER))
    with admin.begin() as conn:
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
        conn.execute(text(f"CREATE SCHEMA {name}"))
    sep = "&" if "?" in PG_SERVER else "?"
    try:
        yield f"{PG_SERVER}{sep}options=-csearch_path%3D{name},public"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {name} CASCADE"))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh store for one test, on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'quotebot.db'}"
    else:
        with postgres_schema() as url:
            yield url


@pytest.fixture
def seeded_store(db_url: str, settings: Settings):  # type: ignore[no-untyped-def]
    """A store holding the seed corpus."""
    from bot.ingest import ingest
    from bot.store.database import Store

    store = Store.open(db_url)
    ingest(store, [SEEDS], settings, progress=False)
    return store


@pytest.fixture
def seed_corpus(tmp_path: Path) -> Path:
    """A writable copy of the seed corpus (tests change and add articles in it)."""
    d = tmp_path / "corpus"
    d.mkdir()
    for p in SEEDS.glob("*.txt"):
        (d / p.name).write_bytes(p.read_bytes())
    return d
