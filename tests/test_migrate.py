"""Database URLs and schema migrations, on both backends."""

from __future__ import annotations

import subprocess
import sys

from sqlalchemy import text, update

from bot.answers.whosaid import whosaid
from bot.settings import Settings
from bot.store import schema as s
from bot.store.engine import normalise_url
from bot.store.migrations import LATEST
from bot.store.repository import Store
from tests.conftest import ROOT


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


def test_upgrade_from_version_1_keeps_answers(seeded_store: Store, settings: Settings) -> None:
    before = whosaid("deserve to be in jail", seeded_store, settings.search)
    with seeded_store.engine.begin() as conn:  # turn the store back into a version 1 store
        if conn.dialect.name == "postgresql":
            for table in ("quotes", "reports", "paragraphs"):
                conn.execute(text(f"ALTER TABLE {table} DROP COLUMN tsv"))
        conn.execute(update(s.meta).where(s.meta.c.key == "schema").values(value="1"))
    assert seeded_store.ensure_schema() == (1, LATEST)
    after = whosaid("deserve to be in jail", seeded_store, settings.search)
    assert after == before and after.verdict == "close"
