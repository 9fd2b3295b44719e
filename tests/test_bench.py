"""``quotebot bench`` runs end to end on a tiny corpus (numbers are measured, never asserted)."""

from __future__ import annotations

import json
import subprocess
import sys

from bot.cli.bench import generate, make_queries
from tests.conftest import ROOT


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
        [sys.executable, "-m", "bot", "bench", "--quotes", "400", "--queries", "3", "--jobs", "2"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("ingest scaling"))
    # the 50 articles, on one core and on two, with the ratio between them
    assert "50 articles:" in line and "on 1 core" in line and "on 2 (" in line
