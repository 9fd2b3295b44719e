"""Database faults, as an administrator meets them: each one line saying what to do, exit 1,
through the real CLI (a damaged file, a full disk, a read-only file, Postgres going away
mid-ingest), and a damaged archive is never reported as unchanged."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from bot.store import schema as s
from bot.store.engine import normalise_url
from bot.store.faults import classify
from tests.conftest import PG_SERVER, ROOT, SEEDS, postgres_schema, service_missing
from tests.test_admin import one_line_error, run

QUOTE = "deserves to be in prison"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """A small archive of the sample articles."""
    db = tmp_path / "archive.db"
    assert run("ingest", "-q", "--db", str(db), str(SEEDS)).returncode == 0
    return db


def damage(path: Path, at: int) -> None:
    """Overwrite 8 KiB of the file from byte ``at`` (a negative ``at`` counts from the end)."""
    size = path.stat().st_size
    with path.open("r+b") as fh:
        fh.seek(at if at >= 0 else size + at)
        fh.write(b"\xff" * 8192)


def test_a_damaged_header_is_one_line_for_answers_and_ingest(archive: Path) -> None:
    damage(archive, 0)
    for args in (("whosaid", QUOTE), ("ingest", "-q", str(SEEDS))):
        line = one_line_error(run(*args[:1], "--db", str(archive), *args[1:]))
        assert line.startswith(f"quotebot: the archive at {archive} is damaged (")
        assert "quotebot restore FILE" in line


def test_a_damaged_archive_is_never_reported_unchanged(archive: Path) -> None:
    damage(archive, archive.stat().st_size // 2)  # pages ingest itself would not read
    result = run("ingest", "--db", str(archive), str(SEEDS))
    line = one_line_error(result)
    assert line.startswith(f"quotebot: the archive at {archive} is damaged (")
    assert "unchanged" not in result.stdout


def in_private_mount(tmp_path: Path, size: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``quotebot ARGS`` with ``tmp_path`` a tmpfs of ``size`` (root: a private mount
    namespace, so nothing outside the test sees it)."""
    if os.geteuid() != 0:
        service_missing("a full disk needs a tmpfs mount", "run the tests as root (CI does)")
    script = f'mount -t tmpfs -o size={size} tmpfs "$1" && shift && exec "$@"'
    return subprocess.run(
        [
            "unshare",
            "-m",
            "sh",
            "-c",
            script,
            "sh",
            str(tmp_path),
            sys.executable,
            "-m",
            "bot",
            *args,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        env={k: v for k, v in os.environ.items() if not k.startswith("QUOTEBOT_")},
    )


def test_a_full_disk_is_one_line_and_keeps_nothing_half_written(tmp_path: Path) -> None:
    full = tmp_path / "small"
    full.mkdir()
    result = in_private_mount(full, "200k", "ingest", "-q", "--db", str(full / "a.db"), str(SEEDS))
    line = one_line_error(result)
    assert line.startswith(f"quotebot: the disk holding the archive at {full / 'a.db'} is full")
    assert "free some space and run this again" in line


def test_a_read_only_archive_answers_and_says_why_it_cannot_be_written(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "archive.db"
    assert run("ingest", "-q", "--db", str(db), str(SEEDS)).returncode == 0
    # The folder, mounted read-only (root writes any file whatever its mode): answers work,
    # and a write says why it cannot happen.
    answer = read_only_mount(folder, "whosaid", "--db", str(db), "--no-color", QUOTE)
    assert answer.returncode == 0, answer.stderr
    assert "Elon Musk" in answer.stdout
    line = one_line_error(read_only_mount(folder, "ingest", "-q", "--db", str(db), str(SEEDS)))
    assert line.startswith(f"quotebot: the archive at {db} is read-only: answers work")


def read_only_mount(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``quotebot ARGS`` with ``folder`` bound read-only over itself in a private mount
    namespace (root), or made read-only by its mode (anyone else)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("QUOTEBOT_", "SLACK_"))}
    command = [sys.executable, "-m", "bot", *args]
    if os.geteuid() == 0:
        script = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"'
        command = ["unshare", "-m", "sh", "-c", script, "sh", str(folder), *command]
    else:
        for f in [folder, *folder.iterdir()]:
            f.chmod(0o555 if f.is_dir() else 0o444)
    try:
        return subprocess.run(
            command, cwd=ROOT, env=clean, capture_output=True, text=True, timeout=180
        )
    finally:
        if os.geteuid() != 0:
            for f in [folder, *folder.iterdir()]:
                f.chmod(0o755 if f.is_dir() else 0o644)


def test_postgres_going_away_mid_ingest_is_one_line_and_loses_nothing(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(150):  # enough work that the connection is cut while it is in use
        (corpus / f"a{i:03d}.txt").write_text(
            f"Council vote {i}\n\n“We will vote on plan {i} on Monday,” said councillor "
            f"Ana Ruiz{i}.\n\nThe meeting ended late.\n",
            encoding="utf-8",
        )
    tag = f"qb_gone_{uuid.uuid4().hex[:8]}"
    with postgres_schema() as url:
        db = url + f"&application_name={tag}"
        worker = subprocess.Popen(
            [sys.executable, "-m", "bot", "ingest", "-q", "--jobs", "1", "--db", db, str(corpus)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        admin = create_engine(normalise_url(PG_SERVER))
        watch = create_engine(normalise_url(url))
        deadline = time.monotonic() + 120
        with watch.connect() as conn:  # once the ingest has begun writing articles …
            while worker.poll() is None and time.monotonic() < deadline:
                try:
                    count = conn.execute(select(func.count()).select_from(s.articles)).scalar()
                except Exception:
                    count = 0  # the tables are not made yet
                conn.rollback()
                if count:
                    break
                time.sleep(0.02)
        watch.dispose()
        with admin.connect() as conn:  # … its connections are cut until it gives up
            while worker.poll() is None and time.monotonic() < deadline:
                conn.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE application_name = :tag"
                    ),
                    {"tag": tag},
                )
                conn.commit()
                time.sleep(0.05)
        admin.dispose()
        _, err = worker.communicate(timeout=60)
        lines = err.strip().splitlines()
        assert worker.returncode == 1 and len(lines) == 1, err
        assert lines[0].startswith("quotebot: lost the connection to the database at "), err
        assert "run this again" in lines[0]
        again = run("ingest", "-q", "--db", url, str(corpus))
        assert again.returncode == 0, again.stderr
        engine = create_engine(normalise_url(url))
        with engine.connect() as conn:
            articles = conn.execute(select(func.count()).select_from(s.articles)).scalar_one()
            quotes = conn.execute(select(func.count()).select_from(s.quotes)).scalar_one()
        engine.dispose()
        assert (articles, quotes) == (150, 150)  # each once: nothing lost, nothing twice


@pytest.mark.parametrize(
    ("message", "starts"),
    [
        ("database is locked", "the archive at /a.db is busy"),
        ("database or disk is full", "the disk holding the archive at /a.db is full"),
        ("attempt to write a readonly database", "the archive at /a.db is read-only"),
        ("file is not a database", "the archive at /a.db is damaged"),
        ("disk I/O error", "the disk holding the archive at /a.db could not be written"),
    ],
)
def test_each_sqlite_fault_is_said_once(message: str, starts: str) -> None:
    fault = classify(sqlite3.OperationalError(message), "at /a.db")
    assert fault is not None and str(fault).startswith(starts)
    assert "\n" not in str(fault)


def test_a_search_cut_off_at_its_deadline_is_no_fault() -> None:
    assert classify(sqlite3.OperationalError("interrupted"), "at /a.db") is None
    assert classify(Exception("canceling statement due to statement timeout"), "at x") is None
