"""``quotebot bench``: a deterministic synthetic corpus, ingest throughput and query latency.

The corpus is written as plain-text article files and ingested through the real pipeline.
Queries (verbatim, misquoted and absent) are answered by ``whosaid`` (full-text prefilter +
rapidfuzz re-ranking) in a separate process, whose peak memory is reported, and by a naive
linear rapidfuzz scan over every quote held in memory; the table compares the two.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import queue
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from itertools import accumulate
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import func, select

from bot.answers.common import REFINE
from bot.answers.whosaid import whosaid
from bot.ingest import ingest
from bot.ingest_pool import default_jobs
from bot.models import Frozen
from bot.peak_rss import peak_rss_mb
from bot.search.normalize import STOPWORDS, norm, words
from bot.search.scoring import match
from bot.settings import SearchSettings, Settings
from bot.store import schema
from bot.store.database import Store

SYLLABLES = """
ba be bi bo bu ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro
ru sa se si so su ta te ti to tu va ve vi vo vu dra tre pli gor fen mal
""".split()
FUNCTION_WORDS = "the a of to and in that is for it with as on was be at by this we not".split()
FIRST = """
Alice Brian Carla Derek Elena Farid Grace Hamish Ingrid Jonas Kemi Liam Maya Nadia Owen
Priya Quentin Rosa Samir Tessa Uma Victor Wendy Xavier Yusuf Zara
""".split()
LAST = """
Abbott Brennan Castillo Drummond Eklund Fairweather Galloway Hartley Iqbal Jansen
Kowalski Lindqvist Mbeki Novak Okonkwo Petrov Quinlan Rasmussen Sato Tremblay Ueda Varga
Whitfield Xu Yilmaz Zielinski
""".split()
ROLES = [
    "council leader",
    "health minister",
    "chief executive",
    "union spokesperson",
    "club chairman",
    "local MP",
    "head teacher",
    "police chief",
]
OUTLETS = "Courier|Gazette|Evening Post|Herald|Chronicle".split("|")


class BenchResult(Frozen):
    """What ``quotebot bench`` measured."""

    quotes: int
    articles: int
    ingest_seconds: float
    ingest_jobs: int
    articles_per_s: float
    quotes_per_s: float
    # The same sample of the corpus ingested into scratch SQLite stores on one core and on
    # ``ingest_jobs`` cores: how ingest scales, measured in one run (0 on one core).
    scaling_sample_articles: int
    sample_one_core_articles_per_s: float
    sample_jobs_articles_per_s: float
    queries: int
    p50_ms: float  # warm: the second pass over the queries
    p95_ms: float
    p99_ms: float
    cold_p95_ms: float  # the first pass, in a freshly started process
    cold_p99_ms: float
    worst_long_p99_ms: float  # 80-word queries of archive words
    worst_stopword_p99_ms: float  # queries made mostly of function words
    linear_p50_ms: float
    linear_p95_ms: float
    speedup_p50: float
    top1_agreement: float
    query_peak_rss_mb: float
    backend: str


class Vocabulary:
    """Deterministic pseudo-words with a Zipf-like frequency, plus real function words."""

    def __init__(self, rng: random.Random, size: int = 30_000) -> None:
        seen: set[str] = set()
        self.words: list[str] = []
        while len(self.words) < size:
            w = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
            if w not in seen:
                seen.add(w)
                self.words.append(w)
        self.cum_weights = list(accumulate(1.0 / (rank + 10) for rank in range(size)))
        self.rng = rng

    def sentence(self, n: int) -> str:
        """A sentence of ``n`` words, about a third of them function words."""
        content = self.rng.choices(self.words, cum_weights=self.cum_weights, k=n)
        out = [w if self.rng.random() > 0.3 else self.rng.choice(FUNCTION_WORDS) for w in content]
        return " ".join(out).capitalize()


def article_text(
    rng: random.Random, vocab: Vocabulary, n_quotes: int, day: int
) -> tuple[str, list[str]]:
    """One synthetic article with ``n_quotes`` attributed quotes in realistic shapes."""
    people = [(rng.choice(FIRST), rng.choice(LAST), rng.choice(ROLES)) for _ in range(3)]
    year, month, dom = 2020 + day // 336, 1 + (day // 28) % 12, 1 + day % 28
    lines = [vocab.sentence(8).rstrip(".") + " row deepens", f"{dom} {_month(month)} {year}"]
    quotes: list[str] = []
    for i in range(n_quotes):
        first, last, role = people[i % 3]
        q = vocab.sentence(rng.randint(6, 18))
        quotes.append(q)
        shape = rng.randrange(5)
        if shape == 0:
            lines.append(f'"{q}," said {role} {first} {last}.')
        elif shape == 1:
            lines.append(f'{first} {last} told the {rng.choice(OUTLETS)}: "{q}."')
        elif shape == 2:
            detail = vocab.sentence(3).lower()
            lines.append(f"{vocab.sentence(10)}. {first} {last} said the plan was {detail}.")
            lines.append(f'"{q}," he added.')
        elif shape == 3:
            lines.append(f'Mr {last} described the decision as "{q.lower()}".')
        else:
            lines.append(
                f"According to {first} {last}, the {rng.choice(ROLES)}, "
                + f'the scheme "{q.lower()}".'
            )
        if rng.random() < 0.5:
            lines.append(vocab.sentence(rng.randint(12, 25)) + ".")
    return "\n".join(lines) + "\n", quotes


MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def _month(m: int) -> str:
    return MONTHS[m - 1]


class CorpusWriter:
    """One deterministic stream of articles, written in as many pieces as asked: a growing
    archive's steps continue the same corpus a single run would have written."""

    def __init__(self, seed: int, per_article: int = 8) -> None:
        self.rng = random.Random(seed)
        self.vocab = Vocabulary(self.rng)
        self.per_article = per_article
        self.articles = 0

    def write(self, directory: Path, n_quotes: int) -> int:
        """The next articles, about ``n_quotes`` quotes, into ``directory``; how many."""
        written = 0
        first = self.articles
        while written < n_quotes:
            k = min(self.per_article, n_quotes - written)
            text, _ = article_text(self.rng, self.vocab, k, self.articles % 2000)
            sub = directory / f"{self.articles // 1000:04d}"
            sub.mkdir(parents=True, exist_ok=True)
            (sub / f"bench_{self.articles:07d}.txt").write_text(text, encoding="utf-8")
            written += k
            self.articles += 1
        return self.articles - first


def generate(directory: Path, n_quotes: int, seed: int, per_article: int = 8) -> int:
    """Write a corpus of about ``n_quotes`` quotes; returns the number of articles."""
    return CorpusWriter(seed, per_article).write(directory, n_quotes)


def _within_limit(chosen: list[str], limit: int = 500) -> str:
    """The words joined, as many as a query may hold (whosaid refuses over 500 characters)."""
    text = ""
    for word in chosen:
        if len(text) + len(word) + 1 > limit:
            break
        text = f"{text} {word}".strip()
    return text


def make_hard_queries(texts: list[str], n: int, seed: int) -> dict[str, list[str]]:
    """The expensive classes: 80-word queries of archive words, and queries made mostly of
    function words ("it is what it is and that is that")."""
    rng = random.Random(seed + 3)
    vocabulary = sorted({w for t in texts[:5_000] for w in words(t)})
    function = sorted(STOPWORDS)
    long = [_within_limit([rng.choice(vocabulary) for _ in range(80)]) for _ in range(n)]
    stopwordy = [
        " ".join([*(rng.choice(function) for _ in range(7)), rng.choice(vocabulary)])
        for _ in range(n)
    ]
    return {"long": long, "stopword": stopwordy}


def make_queries(texts: list[str], n: int, seed: int) -> list[str]:
    """A third verbatim windows, a third misquoted (a word changed or dropped), a third absent."""
    rng = random.Random(seed + 1)
    vocab = Vocabulary(random.Random(seed + 2), size=5_000)
    queries: list[str] = []
    for i in range(n):
        kind = i % 3
        if kind == 2:
            queries.append(
                " ".join(rng.choice(vocab.words) + "x" for _ in range(rng.randint(4, 7)))
            )
            continue
        ws = words(rng.choice(texts))
        size = min(len(ws), rng.randint(4, 7))
        start = rng.randrange(len(ws) - size + 1)
        window = ws[start : start + size]
        if kind == 1 and len(window) > 3:
            j = rng.randrange(len(window))
            if rng.random() < 0.5:
                window[j] = window[j] + "s"
            else:
                del window[j]
        queries.append(" ".join(window))
    return queries


def linear_top1(
    query: str, texts: list[str], norms: list[str], cfg: SearchSettings
) -> tuple[str, float] | None:
    """The naive answer: score every quote in memory, refine the best, apply the thresholds."""
    qwords = words(query)
    best: tuple[float, str, float] | None = None
    for _, _, idx in process.extract(norm(query), norms, scorer=fuzz.partial_ratio, limit=REFINE):
        m = match(qwords, words(texts[idx]))
        if m.verbatim or m.score >= cfg.close_threshold:
            key = (1000.0 if m.verbatim else 0.0) + m.score
            if best is None or key > best[0]:
                best = (key, norms[idx], m.score)
    return (best[1], best[2]) if best else None


def indexed_top1(answer_hits: Any) -> tuple[str, float] | None:
    """The first verbatim/close hit of a whosaid answer: (normalised quote, score)."""
    for hit in answer_hits:
        if hit.verdict in ("verbatim", "close"):
            return norm(hit.quote), float(hit.score)
    return None


def agrees(indexed: tuple[str, float] | None, linear: tuple[str, float] | None) -> bool:
    """Whether the index found what the scan found: the same quote, or an equally good one.

    Two different quotes that both contain the phrase verbatim (or score the same) are the
    same answer to an editor; anything else is a loss.
    """
    if indexed is None or linear is None:
        return indexed is linear
    return indexed[0] == linear[0] or indexed[1] == linear[1]


def _timed(
    queries: list[str], store: Store, settings: SearchSettings
) -> tuple[list[float], list[Any]]:
    latencies: list[float] = []
    answers: list[Any] = []
    for q in queries:
        t = time.perf_counter()
        answers.append(whosaid(q, store, settings))
        latencies.append((time.perf_counter() - t) * 1000)
    return latencies, answers


def _query_worker(
    url: str, queries: list[str], hard: dict[str, list[str]], cfg: dict[str, Any], out: Any
) -> None:
    """In a fresh process: the queries cold (first pass), then warm (second pass), then the
    worst-case classes (warm)."""
    store = Store.open(url)
    settings = SearchSettings.model_validate(cfg)
    cold, _ = _timed(queries, store, settings)
    warm, answers = _timed(queries, store, settings)
    worst = {name: _timed(qs, store, settings)[0] for name, qs in hard.items()}
    out.put((cold, warm, [indexed_top1(a.hits) for a in answers], worst, peak_rss_mb()))


def _result_of(worker: Any, out: Any) -> Any:
    """The query process's measurements; a one-line error if it died instead."""
    while True:
        try:
            return out.get(timeout=2)
        except queue.Empty:
            if not worker.is_alive():
                raise SystemExit(
                    f"bench: the query process failed (exit {worker.exitcode})"
                ) from None


def pct(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


SCALING_SAMPLE_DIRS = 4  # the corpus's first 4,000 articles: ~30 s a pass on one core
SCALING_ROUNDS = 3


@contextmanager
def one_core() -> Iterator[None]:
    """This process, and the workers it starts, on one CPU (Linux), as on a one-core server:
    one extraction job alone would still share the second core with the writer."""
    allowed = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(allowed)})
    try:
        yield
    finally:
        os.sched_setaffinity(0, allowed)


def ingest_scaling(
    corpus: Path, settings: Settings, jobs: int, workdir: Path
) -> tuple[int, float, float]:
    """(articles, articles/s on one core, articles/s on ``jobs`` cores) for the corpus's
    first directories, each pass into its own scratch SQLite store; zeros when ``jobs`` is
    1 or the platform cannot pin a process to a core."""
    sample = sorted(d for d in corpus.iterdir() if d.is_dir())[:SCALING_SAMPLE_DIRS]
    n = sum(1 for d in sample for _ in d.iterdir())
    if jobs <= 1 or not n or not hasattr(os, "sched_setaffinity"):
        return 0, 0.0, 0.0
    best = {1: 0.0, jobs: 0.0}
    # Passes alternate and each setting keeps its best: on a shared machine the speed of a
    # core drifts by a fifth from one half-minute to the next, and a single pair of passes
    # measured that drift as much as the pool.
    for round_no in range(SCALING_ROUNDS):
        for k in (1, jobs):
            print(
                f"bench: ingest scaling, {n:,} articles on {k} core(s), "
                f"round {round_no + 1} of {SCALING_ROUNDS} …",
                file=sys.stderr,
            )
            store = Store.open(f"sqlite:///{workdir / f'scaling-{k}-{round_no}.db'}")
            with one_core() if k == 1 else nullcontext():
                t = time.perf_counter()
                ingest(store, sample, settings, progress=False, jobs=k)
                best[k] = max(best[k], n / (time.perf_counter() - t))
            store.engine.dispose()
    return n, round(best[1], 1), round(best[jobs], 1)


def run_bench(
    n_quotes: int,
    n_queries: int,
    seed: int,
    url: str | None,
    settings: Settings,
    workdir: Path | None = None,
    jobs: int | None = None,
    scaling: bool = False,
) -> BenchResult:
    """Generate, ingest, query both ways; measure (``scaling``: ingest on one core and on
    every core too, three rounds each: most of a small run's time, so only when asked)."""
    with tempfile.TemporaryDirectory(prefix="quotebot-bench-", dir=workdir) as tmp:
        root = Path(tmp)
        corpus = root / "corpus"
        print(f"bench: generating {n_quotes:,} quotes …", file=sys.stderr)
        n_articles = generate(corpus, n_quotes, seed)
        jobs = jobs or default_jobs()
        sample, one_core_rate, many_jobs = (
            ingest_scaling(corpus, settings, jobs, root) if scaling else (0, 0.0, 0.0)
        )
        db_url = url or f"sqlite:///{root / 'bench.db'}"
        store = Store.open(db_url)
        if not store.is_empty():
            raise SystemExit("bench: the --db store must be empty (bench writes a fresh corpus)")
        t = time.perf_counter()
        summary = ingest(store, [corpus], settings, progress=True, jobs=jobs)
        ingest_s = time.perf_counter() - t
        held = quote_count(store)
        take_some_out(store)
        texts = active_texts(store)
        norms = [norm(x) for x in texts]
        queries = make_queries(texts, n_queries, seed)
        print(
            f"bench: {len(queries)} queries through the index (separate process) …", file=sys.stderr
        )
        ctx = mp.get_context("spawn")
        out = ctx.Queue()
        hard = make_hard_queries(texts, max(10, n_queries // 10), seed)
        worker = ctx.Process(
            target=_query_worker, args=(db_url, queries, hard, settings.search.model_dump(), out)
        )
        worker.start()
        cold, latencies, tops, worst, rss_mb = _result_of(worker, out)
        worker.join()
        print("bench: the same queries by linear scan …", file=sys.stderr)
        linear_ms: list[float] = []
        agree = 0
        for q, top in zip(queries, tops, strict=True):
            t = time.perf_counter()
            expected = linear_top1(q, texts, norms, settings.search)
            linear_ms.append((time.perf_counter() - t) * 1000)
            agree += agrees(top, expected)
        p50 = pct(latencies, 50)
        linear_p50 = pct(linear_ms, 50)
        return BenchResult(
            quotes=held,
            articles=summary.new,
            ingest_seconds=round(ingest_s, 1),
            ingest_jobs=jobs,
            articles_per_s=round(n_articles / ingest_s, 1),
            quotes_per_s=round(held / ingest_s, 1),
            scaling_sample_articles=sample,
            sample_one_core_articles_per_s=one_core_rate,
            sample_jobs_articles_per_s=many_jobs,
            queries=len(queries),
            p50_ms=round(p50, 2),
            p95_ms=round(pct(latencies, 95), 2),
            p99_ms=round(pct(latencies, 99), 2),
            cold_p95_ms=round(pct(cold, 95), 2),
            cold_p99_ms=round(pct(cold, 99), 2),
            worst_long_p99_ms=round(pct(worst["long"], 99), 1),
            worst_stopword_p99_ms=round(pct(worst["stopword"], 99), 1),
            linear_p50_ms=round(linear_p50, 1),
            linear_p95_ms=round(pct(linear_ms, 95), 1),
            speedup_p50=round(linear_p50 / p50, 1) if p50 else 0.0,
            top1_agreement=round(agree / len(queries), 4),
            query_peak_rss_mb=round(rss_mb, 1),
            backend=store.engine.dialect.name,
        )


def _scaling(result: BenchResult) -> str:
    if not result.scaling_sample_articles:
        return "not measured (--scaling measures it; one job has none)"
    ratio = result.sample_jobs_articles_per_s / max(result.sample_one_core_articles_per_s, 1e-9)
    return (
        f"{result.scaling_sample_articles:,} articles: {result.sample_one_core_articles_per_s:,.0f}"
        f" articles/s on 1 core, {result.sample_jobs_articles_per_s:,.0f} on "
        f"{result.ingest_jobs} ({ratio:.2f}x)"
    )


def table(result: BenchResult) -> str:
    """The benchmark as an aligned table."""
    rows = [
        ("backend", result.backend),
        ("quotes / articles", f"{result.quotes:,} / {result.articles:,}"),
        (
            "ingest",
            f"{result.ingest_seconds:,.1f} s on {result.ingest_jobs} job(s) = "
            f"{result.articles_per_s:,.0f} articles/s, "
            f"{result.quotes_per_s:,.0f} quotes/s",
        ),
        ("ingest scaling (same sample, SQLite)", _scaling(result)),
        ("queries", f"{result.queries} (verbatim, misquoted, absent)"),
        (
            "whosaid p50 / p95 / p99 (warm)",
            f"{result.p50_ms:.1f} / {result.p95_ms:.1f} / {result.p99_ms:.1f} ms",
        ),
        (
            "first pass, fresh process p95 / p99",
            f"{result.cold_p95_ms:.1f} / {result.cold_p99_ms:.1f} ms",
        ),
        (
            "worst cases p99: 80 words / stopwords",
            f"{result.worst_long_p99_ms:,.1f} / {result.worst_stopword_p99_ms:,.1f} ms",
        ),
        ("linear scan p50 / p95", f"{result.linear_p50_ms:,.1f} / {result.linear_p95_ms:,.1f} ms"),
        ("speed-up at p50", f"{result.speedup_p50:,.1f}x"),
        ("top-1 agreement", f"{result.top1_agreement:.2%}"),
        ("query process peak RSS", f"{result.query_peak_rss_mb:,.0f} MB"),
    ]
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"{k:<{width}}  {v}" for k, v in rows)


AGREEMENT_QUERIES = 100  # queries checked against the linear scan at each growth step
# One article in this many is marked removed after each ingest (files deleted from a real
# archive): without any, the bench never paid for leaving removed articles out of answers,
# which cost SQLite a read of every quote per answer until that query was changed.
REMOVED_EVERY = 1000


class GrowthStep(Frozen):
    """One step of a growing archive: its size, and how it answers and ingests at that size."""

    quotes: int
    articles: int
    articles_per_s: float  # ingest of this step's new articles into the archive so far
    db_bytes: int
    bytes_per_quote: float
    p50_ms: float  # warm
    p95_ms: float
    p99_ms: float
    cold_p50_ms: float  # the first pass of a freshly started process
    cold_p95_ms: float
    cold_p99_ms: float
    worst_long_p99_ms: float
    worst_stopword_p99_ms: float
    rss_mb: float  # the query process's peak
    top1_agreement: float
    agreement_queries: int
    linear_p50_ms: float


class GrowthResult(Frozen):
    """What ``quotebot bench --growth`` measured."""

    backend: str
    jobs: int
    queries: int
    growth: list[GrowthStep]


def take_some_out(store: Store) -> None:
    """Mark one active article in REMOVED_EVERY removed, as ingest marks an article whose file
    is gone: a real archive has some, its answers must leave them out, and what that costs is
    part of what is measured (an archive with none skips the check)."""
    a = schema.articles
    with store.engine.connect() as conn:
        ids = [r[0] for r in conn.execute(select(a.c.id).where(a.c.status == "active"))]
    store.ingest.mark_removed(sorted(ids)[::REMOVED_EVERY])


def quote_count(store: Store) -> int:
    """How many quotes the archive holds (removed articles' too: its size)."""
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(schema.quotes)).scalar_one())


def active_texts(store: Store) -> list[str]:
    """The text of every quote of an active article, in id order (so both backends draw the
    same queries from the same corpus, and the linear scan reads what answers may show)."""
    q, a = schema.quotes, schema.articles
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(q.c.text)
            .select_from(q.join(a, q.c.article_id == a.c.id))
            .where(a.c.status == "active")
            .order_by(q.c.id)
        )
        return [r[0] for r in rows]


def db_bytes(store: Store) -> int:
    """The archive's size on disk: the SQLite file with its write-ahead log, or the Postgres
    database."""
    from bot.store.engine import sqlite_file

    path = sqlite_file(str(store.engine.url))
    if path is not None:
        return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())
    with store.engine.connect() as conn:
        return int(conn.exec_driver_sql("SELECT pg_database_size(current_database())").scalar_one())


def run_growth(
    steps: list[int],
    n_queries: int,
    seed: int,
    url: str | None,
    settings: Settings,
    workdir: Path | None = None,
    jobs: int | None = None,
) -> GrowthResult:
    """One archive built in steps (each step the same corpus continued) and measured at each:
    answers warm and cold, the worst cases, ingest rate, size on disk, memory, agreement."""
    with tempfile.TemporaryDirectory(prefix="quotebot-growth-", dir=workdir) as tmp:
        root = Path(tmp)
        writer = CorpusWriter(seed)
        jobs = jobs or default_jobs()
        db_url = url or f"sqlite:///{root / 'growth.db'}"
        store = Store.open(db_url)
        if not store.is_empty():
            raise SystemExit("bench: the --db store must be empty (bench writes a fresh corpus)")
        measured: list[GrowthStep] = []
        have = 0
        for number, target in enumerate(steps, start=1):
            step_dir = root / f"step{number}"
            print(f"bench: growing to {target:,} quotes …", file=sys.stderr)
            n_articles = writer.write(step_dir, target - have)
            have = target
            t = time.perf_counter()
            ingest(store, [step_dir], settings, progress=True, jobs=jobs)
            rate = n_articles / (time.perf_counter() - t)
            shutil.rmtree(step_dir)  # the archive holds it now; the disk is for the next step
            measured.append(_measure_step(store, db_url, n_queries, seed, settings, rate))
            print(_growth_line(measured[-1]), file=sys.stderr)
        return GrowthResult(
            backend=store.engine.dialect.name, jobs=jobs, queries=n_queries, growth=measured
        )


def _measure_step(
    store: Store, db_url: str, n_queries: int, seed: int, settings: Settings, rate: float
) -> GrowthStep:
    take_some_out(store)
    texts = active_texts(store)
    n_quotes = quote_count(store)
    with store.engine.connect() as conn:
        n_articles = conn.execute(select(func.count()).select_from(schema.articles)).scalar_one()
    queries = make_queries(texts, n_queries, seed)
    hard = make_hard_queries(texts, max(10, n_queries // 10), seed)
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    worker = ctx.Process(
        target=_query_worker, args=(db_url, queries, hard, settings.search.model_dump(), out)
    )
    print(f"bench: {len(queries)} queries through the index (separate process) …", file=sys.stderr)
    worker.start()
    cold, warm, tops, worst, rss_mb = _result_of(worker, out)
    worker.join()
    norms = [norm(x) for x in texts]
    sample = min(len(queries), AGREEMENT_QUERIES)
    # The scan reads every quote for each query (seconds a query at millions): say so, or a
    # long silence after the ingest's progress looks like a hang.
    print(f"bench: checking {sample} answers against a linear scan …", file=sys.stderr)
    agree = 0
    linear_ms: list[float] = []
    for q, top in list(zip(queries, tops, strict=True))[:sample]:
        t = time.perf_counter()
        agree += agrees(top, linear_top1(q, texts, norms, settings.search))
        linear_ms.append((time.perf_counter() - t) * 1000)
    size = db_bytes(store)
    return GrowthStep(
        quotes=n_quotes,
        articles=n_articles,
        articles_per_s=round(rate, 1),
        db_bytes=size,
        bytes_per_quote=round(size / max(n_quotes, 1), 1),
        p50_ms=round(pct(warm, 50), 2),
        p95_ms=round(pct(warm, 95), 2),
        p99_ms=round(pct(warm, 99), 2),
        cold_p50_ms=round(pct(cold, 50), 2),
        cold_p95_ms=round(pct(cold, 95), 2),
        cold_p99_ms=round(pct(cold, 99), 2),
        worst_long_p99_ms=round(pct(worst["long"], 99), 1),
        worst_stopword_p99_ms=round(pct(worst["stopword"], 99), 1),
        rss_mb=round(rss_mb, 1),
        top1_agreement=round(agree / sample, 4),
        agreement_queries=sample,
        linear_p50_ms=round(pct(linear_ms, 50), 1),
    )


def _growth_line(step: GrowthStep) -> str:
    return (
        f"{step.quotes:>10,}  {step.articles_per_s:>8,.0f}  "
        f"{step.p50_ms:>6.1f} {step.p95_ms:>6.1f} {step.p99_ms:>6.1f}  "
        f"{step.cold_p95_ms:>6.1f} {step.cold_p99_ms:>6.1f}  "
        f"{step.worst_long_p99_ms:>7.1f} {step.worst_stopword_p99_ms:>7.1f}  "
        f"{step.bytes_per_quote:>7,.0f}  {step.rss_mb:>6,.0f}  {step.top1_agreement:>7.2%}"
    )


def growth_table(result: GrowthResult) -> str:
    """The growth steps as an aligned table."""
    head = (
        f"backend {result.backend}, {result.jobs} ingest job(s), {result.queries} queries a step\n"
        "    quotes  ingest/s  warm p50/p95/p99 ms  cold p95/p99  worst long/stop  "
        "B/quote  RSS MB  top-1"
    )
    return "\n".join([head, *(_growth_line(s) for s in result.growth)])
