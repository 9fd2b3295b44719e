"""Database URLs and schema migrations, on both backends."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from bot.store.engine import normalise_url
from bot.store.migrations import LATEST
from tests.conftest import (
    PG_SERVER,
    ROOT,
    SEEDS,
    postgres_schema,
    require_postgres,
    service_missing,
)
from tests.test_admin import run


def test_heroku_urls_are_normalised_to_psycopg3() -> None:
    assert normalise_url("postgres://u:p@h:5432/db") == "postgresql+psycopg://u:p@h:5432/db"
    assert normalise_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("sqlite:///x.db") == "sqlite:///x.db"


def test_migrate_creates_then_reports_up_to_date(db_url: str) -> None:
    def migrate() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "bot", "migrate", "--db", db_url],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )

    first = migrate()
    assert first.returncode == 0, first.stderr
    assert f"version 0 -> {LATEST}" in first.stdout
    second = migrate()
    assert second.returncode == 0 and "up to date" in second.stdout


def test_bad_database_url_is_a_clear_error() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "migrate", "--db", "mysql://nope"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1 and "not a database URL Quotebot knows" in result.stderr
    assert "Traceback" not in result.stderr


V1_ARCHIVES = ROOT / "tests" / "archives"
# Made by the first release with a schema version (commit 3a10dfc: schema 1, its extractor) from
# the sample articles: ``quotebot ingest seeds`` into SQLite (the file itself: SQLite's text dump
# cannot load its full-text tables back) and into Postgres (pg_dump --format=plain --no-owner
# --no-privileges).
ASKED = [
    ("whosaid", "deserves to be in prison"),
    ("whosaid", "deserve to be in jail"),
    ("whosaid", "Starmer said a line had been crossed"),
    ("whosaid", "the moon is made of cheese"),
    ("context", "Jess Phillips"),
    ("context", "a line has been crossed"),
]


@pytest.fixture(params=["sqlite", "postgres"])
def v1_archive(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An archive exactly as the version 1 code left it, on each backend."""
    if request.param == "sqlite":
        path = tmp_path / "v1.db"
        shutil.copyfile(V1_ARCHIVES / "v1.db", path)
        yield f"sqlite:///{path}"
        return
    require_postgres()
    if shutil.which("psql") is None:
        service_missing("psql not installed", "apt-get install postgresql-client")
    name = f"qb_v1_{uuid.uuid4().hex[:8]}"
    admin = create_engine(normalise_url(PG_SERVER), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    url = f"{PG_SERVER.rsplit('/', 1)[0]}/{name}"
    try:
        loaded = subprocess.run(
            [
                "psql",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-f",
                str(V1_ARCHIVES / "v1.postgres.sql"),
                url,
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert loaded.returncode == 0, loaded.stderr
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


def confidences(db: str) -> list[tuple[str, int, float]]:
    """Every stored quote's confidence, read straight from the tables."""
    engine = create_engine(normalise_url(db))
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT article_id, n, confidence FROM quotes ORDER BY 1, 2"))
            return [(str(a), int(n), round(float(c), 4)) for a, n, c in rows]
    finally:
        engine.dispose()


def answers(db: str) -> list[object]:
    """What the archive answers to the questions above (as JSON)."""
    got = []
    for command, words in ASKED:
        done = run(command, "--db", db, "--json", words)
        assert done.returncode == 0, done.stderr
        got.append(json.loads(done.stdout))
    return got


def test_a_version_1_archive_upgrades_and_answers_as_a_fresh_one(
    v1_archive: str, tmp_path: Path
) -> None:
    fresh = tmp_path / "fresh.db"
    assert run("ingest", "-q", "--db", str(fresh), str(SEEDS)).returncode == 0
    # The old extractor's quotes are not today's: the upgrade has to extract them again.
    assert confidences(v1_archive) != confidences(f"sqlite:///{fresh}")
    upgraded = run("migrate", "-q", "--db", v1_archive)
    assert upgraded.returncode == 0, upgraded.stderr
    assert upgraded.stdout.splitlines() == [
        f"schema: version 1 -> {LATEST}",
        "extraction: 5 stored articles extracted again with the current rules",
    ]
    assert answers(v1_archive) == answers(str(fresh))
    assert confidences(v1_archive) == confidences(f"sqlite:///{fresh}")
    again = run("migrate", "-q", "--db", v1_archive)
    assert again.stdout.splitlines() == [f"schema: version {LATEST}, up to date"]


def test_an_archive_from_before_languages_indexes_its_german_lines_as_german_on_upgrade(
    tmp_path: Path,
) -> None:
    """Version 10 gives rows their language; an archive written before it (every row indexed
    as English) is read again by ``quotebot migrate`` and its German lines stemmed as German."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ROOT / "tests" / "articles" / "de" / "haushalt.txt", corpus)
    with postgres_schema() as url:
        assert run("ingest", "-q", "--db", url, str(corpus)).returncode == 0
        engine = create_engine(normalise_url(url))
        with engine.begin() as conn:  # as version 9 left it: no language, the english stems
            for table in ("paragraphs", "quotes", "reports"):
                conn.execute(text(f"UPDATE {table} SET lang = 'en'"))
            conn.execute(text("UPDATE quotebot_meta SET value = '9' WHERE key = 'schema'"))
        assert (
            german_stem_matches(engine, "quotes") == german_stem_matches(engine, "paragraphs") == 0
        )
        upgraded = run("migrate", "-q", "--db", url)
        assert upgraded.returncode == 0, upgraded.stderr
        assert upgraded.stdout.splitlines() == [
            f"schema: version 9 -> {LATEST}",
            "extraction: 1 stored articles extracted again with the current rules",
        ]
        assert german_stem_matches(engine, "quotes") == 1
        assert german_stem_matches(engine, "paragraphs") == 2  # the opening and the quote's
        engine.dispose()


def german_stem_matches(engine: Engine, table: str) -> int:
    """How many rows of ``table`` hold „Schulden“ as the German stemmer reads it."""
    with engine.connect() as conn:
        query = f"SELECT count(*) FROM {table} WHERE tsv @@ to_tsquery('german', 'schuld')"
        return int(conn.execute(text(query)).scalar_one())
