"""SQLite and Postgres give the same answers; Postgres copes with several processes at once."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select, text

from bot.answers.whosaid import whosaid
from bot.cli.bench import generate, make_queries
from bot.ingest import ingest
from bot.search.normalize import norm
from bot.settings import Settings
from bot.store import schema
from bot.store.database import Store
from bot.store.engine import make_engine
from bot.store.search_sqlite import MOST_SEGMENTS
from tests.conftest import ROOT, SEEDS, postgres_schema

SEED_QUERIES = [
    "deserves to be in prison",
    "deserve to be in jail",
    "misjudged and misinformed",
    "rape genocide apologist",
    "a line has been crossed",
    "two-tier policing",
    "The moon is made of green cheese",
    "This is England!",
]


def answers(
    url: str, corpus: Path, queries: list[str], settings: Settings
) -> list[tuple[object, ...]]:
    store = Store.open(url)
    ingest(store, [corpus], settings, progress=False)
    out = []
    for q in queries:
        a = whosaid(q, store, settings.search)
        top = a.hits[0] if a.hits else None
        out.append(
            (q, a.verdict)
            + (
                (top.speaker, norm(top.quote), top.score, tuple(s.article_id for s in top.sources))
                if top
                else ()
            )
        )
    store.engine.dispose()
    return out


def test_same_answers_on_seeds(tmp_path: Path, settings: Settings) -> None:
    lite = answers(f"sqlite:///{tmp_path / 'a.db'}", SEEDS, SEED_QUERIES, settings)
    with postgres_schema() as url:
        pg = answers(url, SEEDS, SEED_QUERIES, settings)
    assert pg == lite


def test_same_answers_on_a_synthetic_corpus(tmp_path: Path, settings: Settings) -> None:
    corpus = tmp_path / "synthetic"
    generate(corpus, 3000, seed=11)
    lite_store = Store.open(f"sqlite:///{tmp_path / 'b.db'}")
    ingest(lite_store, [corpus], settings, progress=False)
    with lite_store.engine.connect() as conn:
        texts = [r[0] for r in conn.execute(select(schema.quotes.c.text))]
    queries = make_queries(texts, 60, seed=11)
    lite = answers(f"sqlite:///{tmp_path / 'b.db'}", corpus, queries, settings)
    with postgres_schema() as url:
        pg = answers(url, corpus, queries, settings)
    differing = [
        (a, b) for a, b in zip(lite, pg, strict=True) if a[:2] != b[:2] or a[4:5] != b[4:5]
    ]
    assert differing == []


WORKER = """
import sys, json
from pathlib import Path
from bot.settings import load_settings
from bot.store.database import Store
from bot.ingest import ingest
from bot.answers.whosaid import whosaid
settings = load_settings(sys.argv[3])
store = Store.open(sys.argv[1])
if sys.argv[2] == "ingest":
    for _ in range(3):
        print(json.dumps(ingest(store, [Path(sys.argv[4])], settings, progress=False).model_dump()))
else:
    for _ in range(40):
        whosaid("deserves to be in prison", store, settings.search)
    print(json.dumps({"ok": True}))
"""


def test_two_ingesters_and_a_reader_on_one_postgres(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    generate(corpus, 800, seed=5)
    for p in SEEDS.glob("*.txt"):
        (corpus / p.name).write_bytes(p.read_bytes())
    config = str(ROOT / "config" / "quotebot.toml")
    with postgres_schema() as url:
        Store.open(url).engine.dispose()  # schema first, as the release phase does
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", WORKER, url, role, config, str(corpus)],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for role in ("ingest", "ingest", "query")
        ]
        results = [p.communicate(timeout=300) for p in procs]
        for proc, (_out, err) in zip(procs, results, strict=True):
            assert proc.returncode == 0, err
            assert "Traceback" not in err
        engine = make_engine(url)
        with engine.connect() as conn:
            articles = conn.execute(select(func.count()).select_from(schema.articles)).scalar_one()
            quotes = conn.execute(select(func.count()).select_from(schema.quotes)).scalar_one()
            dupes = conn.execute(
                select(func.count()).select_from(
                    select(schema.quotes.c.article_id, schema.quotes.c.n)
                    .group_by(schema.quotes.c.article_id, schema.quotes.c.n)
                    .having(func.count() > 1)
                    .subquery()
                )
            ).scalar_one()
        engine.dispose()
    expected_articles = len(list(corpus.rglob("*.txt")))
    assert articles == expected_articles and dupes == 0
    summaries = [json.loads(line) for out, _ in results[:2] for line in out.splitlines()]
    assert sum(s["new"] for s in summaries) == expected_articles  # each file indexed once
    assert quotes > 800


def _segments(store: Store, table: str) -> int:
    with store.engine.connect() as conn:
        return int(
            conn.execute(text(f"SELECT count(DISTINCT segid) FROM {table}_idx")).scalar_one()
        )


def test_tidying_after_a_bulk_load_merges_sqlites_index_and_answers_the_same(
    tmp_path: Path, settings: Settings
) -> None:
    corpus = tmp_path / "synthetic"
    generate(corpus, 1500, seed=5)
    store = Store.open(f"sqlite:///{tmp_path / 'c.db'}")
    ingest(store, [corpus], settings, progress=False)
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT rowid, body FROM quotes_fts ORDER BY rowid")).all()
    queries = make_queries([body for _, body in rows], 30, seed=5)
    # Rows indexed a few at a time, as a newsroom's daily runs add them: FTS5 keeps them in
    # many segments, which every query reads.
    for start in range(0, 300):
        with store.engine.begin() as conn:
            store.backend.remove(conn, "quotes", [int(rows[start][0])])
            store.backend.add(conn, "quotes", [(int(rows[start][0]), str(rows[start][1]))])
    assert _segments(store, "quotes_fts") > MOST_SEGMENTS
    before = [whosaid(q, store, settings.search) for q in queries]
    wal = tmp_path / "c.db-wal"
    assert wal.stat().st_size > 0
    store.refresh_statistics()  # what a bulk ingest ends with
    assert _segments(store, "quotes_fts") == 1
    assert wal.stat().st_size == 0  # what the merge wrote is not left in the log
    after = [whosaid(q, store, settings.search) for q in queries]
    assert [(a.verdict, [h.quote for h in a.hits]) for a in after] == [
        (b.verdict, [h.quote for h in b.hits]) for b in before
    ]
