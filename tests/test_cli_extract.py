"""``quotebot extract``: the JSON contract, the table, and exit codes (run as a real process)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_extract_json_contract() -> None:
    result = run("extract", str(SEEDS / "002_12aa61651dfc3fe3.txt"), "--json")
    assert result.returncode == 0, result.stderr
    (article,) = json.loads(result.stdout)["articles"]
    assert article["id"] == "002_12aa61651dfc3fe3"
    assert article["published"] == "2025-01-03"
    assert article["url"] is None and article["outlet"] is None
    prison = next(q for q in article["quotes"] if q["text"] == "deserves to be in prison")
    assert prison["speaker"] == "Elon Musk"
    assert prison["kind"] == "partial" and prison["cue"] == "suggested"
    assert set(prison) >= {
        "text",
        "speaker",
        "confidence",
        "cue",
        "kind",
        "start",
        "end",
        "evidence",
    }


def test_extract_table_over_directory() -> None:
    result = run("extract", "seeds/")
    assert result.returncode == 0, result.stderr
    assert "Elon Musk" in result.stdout and "Keir Starmer" in result.stdout
    assert "5 articles" in result.stdout


def test_bad_file_is_reported_and_the_rest_extracted(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text('"We are ready," said Ann Lee.', encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\xff\x00")
    result = run("extract", str(tmp_path), "--json")
    assert result.returncode == 0
    assert "skipped" in result.stderr and "bad.txt" in result.stderr
    payload = json.loads(result.stdout)
    assert [a["id"] for a in payload["articles"]] == ["good"]
    assert payload["articles"][0]["quotes"][0]["speaker"] == "Ann Lee"


def test_usage_errors_exit_2_without_traceback() -> None:
    for args in ((), ("extract",), ("extract", "no/such/path"), ("frobnicate",)):
        result = run(*args)
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr
        assert "quotebot:" in result.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["whosaid", "some words", "--db", "postgresql://qb:secret@127.0.0.1:9/none"],
            "cannot open the archive at postgresql+psycopg://qb:***@127.0.0.1:9/none",
        ),
        (["--config", "BAD_TOML", "whosaid", "some words"], "invalid TOML in"),
    ],
)
def test_expected_failures_are_one_line_errors(
    tmp_path: Path, args: list[str], expected: str
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[corpus\nx = 1\n", encoding="utf-8")
    argv = [str(bad) if a == "BAD_TOML" else a for a in args]
    result = subprocess.run(
        [sys.executable, "-m", "bot", *argv], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert expected in line and "secret" not in line


@pytest.mark.parametrize(
    ("config_dir", "root_key", "expected_root"),
    [
        ("etc", None, "etc"),  # --config /etc/quotebot.toml: paths next to the file
        ("project/config", None, "project"),  # the shipped layout: the project directory
        ("etc", "srv", "srv"),  # an explicit project_root wins
    ],
)
def test_config_paths_are_relative_to_where_the_file_says(
    tmp_path: Path, config_dir: str, root_key: str | None, expected_root: str
) -> None:
    config = tmp_path / config_dir / "quotebot.toml"
    config.parent.mkdir(parents=True)
    root_line = f'project_root = "{tmp_path / root_key}"\n' if root_key else ""
    config.write_text(root_line + '[corpus]\ndirs = ["articles"]\n', encoding="utf-8")
    articles = tmp_path / expected_root / "articles"
    articles.mkdir(parents=True)
    shutil.copy(SEEDS / "001_697315708f00d6c2.txt", articles)
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "QUOTEBOT_CONFIG")}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "--config", str(config), "ingest"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "1 new" in result.stdout + result.stderr
    assert (tmp_path / expected_root / "quotebot.db").is_file()


def test_whosaid_batch_answers_a_whole_story_one_json_line_each(tmp_path: Path) -> None:
    queries = tmp_path / "story.txt"
    too_long = "word " * 200
    queries.write_text(
        "Mr Musk said Jess Phillips deserves to be in prison\n\n"
        f"{too_long}\n"
        "two-tier policing\n"
        "the moon is made of green cheese\n",
        encoding="utf-8",
    )
    db = f"sqlite:///{tmp_path / 'batch.db'}"
    made = subprocess.run(
        [sys.executable, "-m", "bot", "ingest", "-q", "--db", db, str(ROOT / "seeds")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert made.returncode == 0, made.stderr
    done = subprocess.run(
        [sys.executable, "-m", "bot", "whosaid", "--batch", str(queries), "--db", db],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(answers) == 4  # the blank line is no query; the bad one still gets its line
    first, bad, term, absent = answers
    assert (first["verdict"], first["hits"][0]["speaker"], first["speaker_check"]) == (
        "verbatim",
        "Elon Musk",
        "matches",
    )
    assert "too long" in bad["error"]
    assert term["hits"][0]["in_marks_only"] is True and term["hits"][0]["speaker"] is None
    assert absent["verdict"] == "not_found"
    from_stdin = subprocess.run(
        [sys.executable, "-m", "bot", "whosaid", "--batch", "-", "--db", db],
        cwd=ROOT,
        input="two-tier policing\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert [json.loads(line)["query"] for line in from_stdin.stdout.splitlines()] == [
        "two-tier policing"
    ]
