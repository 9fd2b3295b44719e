"""Looking after an archive through the real CLI: a busy archive says so in one line, backups
and restores (SQLite's online copy; Postgres through the README's pg_dump recipe), corrections
and checks recorded from the terminal, the web process without Slack, and --version."""

from __future__ import annotations

import json
import os
import re
import shlex
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text

from bot.store.engine import normalise_url
from tests.conftest import PG_SERVER, ROOT, SEEDS, require_postgres, service_missing
from tests.test_admin import one_line_error, run

QUOTE = "deserves to be in prison"  # Musk's, in two of the sample articles
NEW_WORDS = "every ferry in the fleet will be electric by spring"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """A small archive of the sample articles."""
    db = tmp_path / "archive.db"
    assert run("ingest", "-q", "--db", str(db), str(SEEDS)).returncode == 0
    return db


def one_more_article(tmp_path: Path) -> Path:
    """A folder with one article the sample articles do not have."""
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "ferries.txt").write_text(
        "Ferries to go electric\n\n"
        f"The harbour master, Ruth Ambler, said: “{NEW_WORDS.capitalize()}.”\n",
        encoding="utf-8",
    )
    return folder


def first_hit(db: str, phrase: str) -> dict[str, object]:
    answer = run("whosaid", "--db", db, "--json", phrase)
    assert answer.returncode == 0, answer.stderr
    hits = json.loads(answer.stdout)["hits"]
    assert hits, answer.stdout
    return dict(hits[0])


def test_a_locked_archive_waits_then_says_it_is_busy_and_still_answers(
    archive: Path, tmp_path: Path
) -> None:
    holder = sqlite3.connect(archive, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process writing, and taking its time
    holder.execute("UPDATE quotebot_meta SET value = value")
    try:
        more = one_more_article(tmp_path)
        blocked = run(
            "ingest", "-q", "--db", str(archive), str(more), QUOTEBOT_DATABASE_WAIT_SECONDS="0.5"
        )
        assert one_line_error(blocked) == (
            f"quotebot: the archive at {archive} is busy (another process is writing to it): "
            "try again in a minute"
        )
        # Readers are never blocked by a writer (write-ahead log).
        assert first_hit(str(archive), QUOTE)["speaker"] == "Elon Musk"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert run("ingest", "-q", "--db", str(archive), str(more)).returncode == 0


def test_a_backup_restores_the_archive_as_it_was(archive: Path, tmp_path: Path) -> None:
    copy = tmp_path / "monday.db"
    made = run("backup", "--db", str(archive), str(copy))
    assert made.returncode == 0, made.stderr
    assert re.fullmatch(rf"backup: [\d,]+ pages copied to {re.escape(str(copy))}\n", made.stdout)
    assert (
        run("ingest", "-q", "--db", str(archive), str(one_more_article(tmp_path))).returncode == 0
    )
    assert first_hit(str(archive), NEW_WORDS)["speaker"] == "Ruth Ambler"

    restored = run("restore", "--db", str(archive), str(copy))
    assert restored.returncode == 0, restored.stderr
    assert restored.stdout.startswith("restore: ") and str(copy) in restored.stdout
    gone = run("whosaid", "--db", str(archive), "--no-color", NEW_WORDS)
    assert gone.stdout.startswith("NOT FOUND"), gone.stdout
    assert first_hit(str(archive), QUOTE)["speaker"] == "Elon Musk"
    checked = run("check", "--db", str(archive))
    assert checked.stdout.strip() == f"check: the archive at {archive} is sound"


def test_a_backup_never_overwrites_and_a_bad_backup_is_never_restored(
    archive: Path, tmp_path: Path
) -> None:
    taken = tmp_path / "taken.db"
    taken.write_bytes(b"someone else's file")
    assert one_line_error(run("backup", "--db", str(archive), str(taken))) == (
        f"quotebot: {taken} exists; give a new file name (a backup never overwrites)"
    )
    assert taken.read_bytes() == b"someone else's file"

    bad = tmp_path / "bad.db"
    bad.write_bytes(b"\xff" * 65536)
    line = one_line_error(run("restore", "--db", str(archive), str(bad)))
    assert line == (
        f"quotebot: the backup {bad} is damaged (file is not a database): nothing was "
        "restored, the archive is as it was; try an older backup"
    )
    assert first_hit(str(archive), QUOTE)["speaker"] == "Elon Musk"  # the archive untouched

    pg = "postgresql://postgres@127.0.0.1:5432/test"
    assert one_line_error(run("backup", "--db", pg, str(tmp_path / "x.db"))) == (
        "quotebot: backup and restore copy SQLite archives; for Postgres use pg_dump and "
        "pg_restore (README, 'Backups')"
    )


@pytest.fixture
def postgres_databases() -> Iterator[tuple[str, str]]:
    """Two new, empty Postgres databases (an archive and the one it is restored into)."""
    require_postgres()
    if subprocess.run(["which", "pg_dump"], capture_output=True).returncode != 0:
        service_missing("pg_dump not installed", "apt-get install postgresql-client")
    admin = create_engine(normalise_url(PG_SERVER), isolation_level="AUTOCOMMIT")
    names = [f"qb_{uuid.uuid4().hex[:10]}" for _ in range(2)]
    server = PG_SERVER.rsplit("/", 1)[0]
    with admin.connect() as conn:
        for name in names:
            conn.execute(text(f"CREATE DATABASE {name}"))
    try:
        yield f"{server}/{names[0]}", f"{server}/{names[1]}"
    finally:
        with admin.connect() as conn:
            for name in names:
                conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


def readme_recipe(program: str) -> str:
    """The README's one command line starting with ``program`` (in its Backups section)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = [ln.strip() for ln in readme.splitlines() if ln.strip().startswith(program + " ")]
    assert len(lines) == 1, lines
    return lines[0]


def test_the_readme_postgres_backup_recipe_restores_an_archive(
    postgres_databases: tuple[str, str], tmp_path: Path
) -> None:
    live, spare = postgres_databases
    assert run("ingest", "-q", "--db", live, str(SEEDS)).returncode == 0
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path)}
    dumped = subprocess.run(
        readme_recipe("pg_dump"),
        shell=True,
        cwd=tmp_path,
        env=env | {"DATABASE_URL": live},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert dumped.returncode == 0, dumped.stderr
    (dump,) = tmp_path.glob("quotebot-*.dump")
    restore_line = readme_recipe("pg_restore").replace(
        "quotebot-YYYY-MM-DD.dump", shlex.quote(dump.name)
    )
    restored = subprocess.run(
        restore_line,
        shell=True,
        cwd=tmp_path,
        env=env | {"DATABASE_URL": spare},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert restored.returncode == 0, restored.stderr
    migrated = run("migrate", "--db", spare)
    assert migrated.stdout.strip().endswith("up to date"), migrated.stdout
    original, copy = first_hit(live, QUOTE), first_hit(spare, QUOTE)
    assert copy == original and copy["speaker"] == "Elon Musk"


def quote_ref(db: str, phrase: str) -> str:
    """The ARTICLE_ID#N of a phrase's first source, as whosaid --json gives it."""
    sources = first_hit(db, phrase)["sources"]
    assert isinstance(sources, list)
    return f"{sources[0]['article_id']}#{sources[0]['quote_n']}"


def test_the_desk_corrects_and_confirms_from_the_terminal(archive: Path) -> None:
    db = str(archive)
    ref = quote_ref(db, QUOTE)
    corrected = run("correct", "--db", db, ref, "--speaker", "Jess  Phillips", "--by", "Night desk")
    assert corrected.returncode == 0, corrected.stderr
    assert corrected.stdout.startswith("recorded: ") and "Jess Phillips" in corrected.stdout
    hit = first_hit(db, QUOTE)
    assert hit["correction"] is not None and "Jess Phillips" in json.dumps(hit["correction"])

    trail = run("corrections", "--db", db, "--json")
    (check,) = json.loads(trail.stdout)
    assert check["speaker"] == "Jess Phillips" and "Night desk" in json.dumps(check)
    withdrawn = run("corrections", "--db", db, "--withdraw", str(check["id"]), "--by", "Day desk")
    assert withdrawn.returncode == 0, withdrawn.stderr
    assert first_hit(db, QUOTE)["correction"] is None

    confirmed = run("confirm", "--db", db, ref, "--by", "Day desk", "--note", "video checked")
    assert confirmed.returncode == 0, confirmed.stderr
    assert first_hit(db, QUOTE)["confirmation"] is not None
    assert len(json.loads(run("corrections", "--db", db, "--json").stdout)) == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["correct", "not-a-ref", "--speaker", "X", "--by", "Desk"],
            "quotebot: name the quote as ARTICLE_ID#N (e.g. 002_12aa61651dfc3fe3#3), "
            "not 'not-a-ref'",
        ),
        (
            ["correct", "nope#3", "--speaker", "X", "--by", "Desk"],
            "quotebot: no quote nope#3 in the archive (see quotebot context or whosaid --json)",
        ),
        (
            ["confirm", "nope#3", "--by", " "],
            "quotebot: no quote nope#3 in the archive (see quotebot context or whosaid --json)",
        ),
    ],
)
def test_a_correction_that_names_no_quote_is_one_line(
    archive: Path, args: list[str], message: str
) -> None:
    assert one_line_error(run(args[0], "--db", str(archive), *args[1:])) == message
    assert json.loads(run("corrections", "--db", str(archive), "--json").stdout) == []


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def web_process(db: str, cwd: Path) -> Iterator[str]:
    """``quotebot web`` on a free port, without any Slack setting; yields its base URL once
    /healthz answers, and stops it after (its output must hold no warning or traceback)."""
    port = free_port()
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("QUOTEBOT_", "SLACK_")) and k != "DATABASE_URL"
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "web", "--db", db, "--port", str(port)],
        cwd=cwd,
        env=clean,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
            try:
                httpx.get(f"{base}/healthz", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "web did not start within 60 s"
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=20)
    assert "WARNING" not in out and "Traceback" not in out, out


def test_the_web_process_runs_without_slack(archive: Path, tmp_path: Path) -> None:
    with web_process(str(archive), tmp_path) as base:
        health = httpx.get(f"{base}/healthz", timeout=5)
        assert health.status_code == 200 and health.json()["articles"] == 5
        article = quote_ref(str(archive), QUOTE).split("#")[0]
        page = httpx.get(f"{base}/articles/{article}", timeout=5)
        assert page.status_code == 200 and "deserves to be in prison" in page.text
        slack = httpx.post(f"{base}/slack/events", content=b"{}", timeout=5)
        assert (slack.status_code, slack.json()) == (503, {"error": "Slack is not configured"})


def test_healthz_tells_a_monitor_the_database_is_gone(
    postgres_databases: tuple[str, str], tmp_path: Path
) -> None:
    live, _ = postgres_databases
    assert run("ingest", "-q", "--db", live, str(SEEDS)).returncode == 0
    with web_process(live, tmp_path) as base:
        assert httpx.get(f"{base}/healthz", timeout=5).json()["articles"] == 5
        admin = create_engine(normalise_url(PG_SERVER), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE {live.rsplit('/', 1)[1]} WITH (FORCE)"))
        admin.dispose()
        sick = httpx.get(f"{base}/healthz", timeout=15)
        assert sick.status_code == 503 and sick.json()["ok"] is False
        assert sick.json()["error"].startswith("lost the connection to the database"), sick.text


def test_version_names_the_release() -> None:
    shown = run("--version")
    assert shown.returncode == 0
    assert re.fullmatch(r"quotebot \d+\.\d+\.\d+\S*\n", shown.stdout), shown.stdout
