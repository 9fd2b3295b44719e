"""``quotebot bench`` runs end to end on a tiny corpus (numbers are measured, never asserted)."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli.bench import generate, make_queries
from tests.conftest import ROOT, postgres_schema


def test_generator_is_deterministic(tmp_path) -> None:  # type: ignore[no-untyped-def]
    a, b = tmp_path / "a", tmp_path / "b"
    assert generate(a, 50, seed=3) == generate(b, 50, seed=3)
    files_a = sorted(p.read_text() for p in a.rglob("*.txt"))
    files_b = sorted(p.read_text() for p in b.rglob("*.txt"))
    assert files_a == files_b


def test_queries_cover_three_kinds() -> None:
    texts = ["the harbour wall will not survive another winter without repairs"] * 3
    queries = make_queries(texts, 9, seed=1)
    assert len(queries) == 9
    assert sum(q in texts[0] for q in queries[0::3]) == 3  # verbatim windows
    assert all(q not in texts[0] for q in queries[2::3])  # absent


def test_bench_command_reports_a_table_and_json(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = subprocess.run(
        [sys.executable, "-m", "bot", "bench", "--quotes", "400", "--queries", "12", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["quotes"] >= 390 and data["queries"] == 12
    assert data["top1_agreement"] >= 0.9  # the prefilter loses (almost) nothing the scan finds
    assert data["p50_ms"] > 0 and data["query_peak_rss_mb"] > 0
    # cold and worst-case classes are measured and reported too (never asserted on time)
    assert data["cold_p95_ms"] > 0 and data["worst_long_p99_ms"] > 0
    assert data["worst_stopword_p99_ms"] > 0 and data["ingest_jobs"] >= 1


def test_bench_measures_ingest_on_one_job_and_on_many(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = subprocess.run(
        [
            *(sys.executable, "-m", "bot", "bench", "--quotes", "400", "--queries", "3"),
            *("--jobs", "2", "--scaling"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("ingest scaling"))
    # the 50 articles, on one core and on two, with the ratio between them
    assert "50 articles:" in line and "on 1 core" in line and "on 2 (" in line


def test_ingest_scaling_is_measured_only_when_asked() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "bench", "--quotes", "200", "--queries", "3"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("ingest scaling"))
    assert "not measured" in line and "round" not in result.stderr


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_growth_measures_one_archive_at_each_size(tmp_path: Path, backend: str) -> None:
    with contextlib.ExitStack() as stack:
        db = (
            [f"sqlite:///{tmp_path / 'grown.db'}"]
            if backend == "sqlite"
            else [stack.enter_context(postgres_schema())]
        )
        result = subprocess.run(
            [
                *(sys.executable, "-m", "bot", "bench", "--growth", "300,900"),
                *("--queries", "6", "--json", "--db", *db),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=600,
        )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["backend"] == ("sqlite" if backend == "sqlite" else "postgresql")
    small, large = data["growth"]
    assert 290 <= small["quotes"] < large["quotes"] and large["quotes"] >= 890
    assert large["articles"] > small["articles"] and large["db_bytes"] > small["db_bytes"]
    for step in data["growth"]:
        assert step["p95_ms"] > 0 and step["cold_p99_ms"] > 0 and step["rss_mb"] > 0
        assert step["articles_per_s"] > 0 and step["bytes_per_quote"] > 0
        assert step["top1_agreement"] >= 0.9 and step["agreement_queries"] == 6
    if backend == "sqlite":  # one article in a thousand taken out, as a real archive has
        with sqlite3.connect(tmp_path / "grown.db") as conn:
            (removed,) = conn.execute("SELECT count(*) FROM articles WHERE status = 'removed'")
        assert removed[0] >= 1


@pytest.mark.parametrize("sizes", ["900,300", "50,900", "many"])
def test_growth_sizes_must_increase(sizes: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "bench", "--growth", sizes],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and "--growth" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_stopped_growth_bench_leaves_nothing_behind(tmp_path: Path) -> None:
    """kill (SIGTERM) unwinds the bench: its corpus and archive are removed, not left."""
    import os
    import signal
    import subprocess
    import sys
    import time

    env = {**os.environ, "TMPDIR": str(tmp_path)}
    bench = subprocess.Popen(
        [sys.executable, "-m", "bot", "bench", "--growth", "200000", "--queries", "3"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not list(tmp_path.glob("quotebot-growth-*/step1/*")):
            assert time.monotonic() < deadline and bench.poll() is None, "the bench never started"
            time.sleep(0.2)
        bench.send_signal(signal.SIGTERM)
        assert bench.wait(timeout=60) == 128 + signal.SIGTERM
    finally:
        if bench.poll() is None:
            bench.kill()
    assert list(tmp_path.glob("quotebot-growth-*")) == []
