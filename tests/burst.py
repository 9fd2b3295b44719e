"""A burst benchmark for the Slack web process (issue 13): ack and /healthz times under load.

Runs the real web app on 127.0.0.1 against a fake Slack Web API, over the seed corpus, and
sends ``--clients`` concurrent signed /whosaid requests with long (80-word) queries for
``--rounds`` rounds, probing /healthz meanwhile. Prints ack p50/p99, /healthz p99 and the
process's peak RSS. A benchmark, not a test: nothing is asserted.

    python -m tests.burst [--clients 20] [--rounds 5] [--articles 5000]

``--articles N`` runs it on a synthetic archive of N articles (``quotebot bench``'s generator)
instead of the five seeds: the archive size at which issue 13 measured a 1.3 s query.
"""

from __future__ import annotations

import argparse
import inspect
import random
import statistics
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from bot.ingest import ingest
from bot.peak_rss import peak_rss_mb
from bot.settings import load_settings
from bot.slack.app import create_app
from bot.store.database import Store

try:
    from bot.cli.bench import generate
    from bot.web.app import create_web
except ImportError:  # an older checkout, benchmarked before/after in one run
    from bot.bench import generate  # type: ignore

    from bot.web import create_web  # type: ignore
from tests.fakes.slack_api import start_fake_slack
from tests.slack_helpers import SECRET, serve_app, slash

ROOT = Path(__file__).resolve().parent.parent


def long_query(rng: random.Random, vocabulary: list[str]) -> str:
    """An 80-word query of archive words: the expensive kind."""
    return " ".join(rng.choice(vocabulary) for _ in range(80))


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) of the values."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def main() -> None:
    """Run the burst and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--articles", type=int, default=0, help="synthetic archive size")
    args = parser.parse_args()
    settings = load_settings(ROOT / "config" / "quotebot.toml")
    fake, server = start_fake_slack()
    cfg = settings.model_copy(
        update={
            "slack_bot_token": "xoxb-test",
            "slack_signing_secret": SECRET,
            "slack_api_url": fake.url + "/api/",
        }
    )
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(f"sqlite:///{tmp}/burst.db")
        corpus = ROOT / "seeds"
        if args.articles:
            corpus = Path(tmp) / "corpus"
            generate(corpus, args.articles * 8, seed=7)
        ingest(store, [corpus], cfg, progress=False)
        vocabulary = sorted(
            {w for p in corpus.rglob("*.txt") for w in p.read_text(encoding="utf-8").split()}
        )
        bolt = create_app(cfg, store)
        takes_secret = len(inspect.signature(create_web).parameters) > 2
        web = create_web(store, bolt, SECRET) if takes_secret else create_web(store, bolt)
        rng = random.Random(7)
        acks: list[float] = []
        health: list[float] = []
        stop = threading.Event()
        with serve_app(web) as base:

            def probe() -> None:
                while not stop.is_set():
                    start = time.perf_counter()
                    httpx.get(f"{base}/healthz", timeout=60)
                    health.append(time.perf_counter() - start)
                    time.sleep(0.05)

            prober = threading.Thread(target=probe, daemon=True)
            prober.start()
            with ThreadPoolExecutor(max_workers=args.clients) as pool:
                for _ in range(args.rounds):
                    queries = [long_query(rng, vocabulary) for _ in range(args.clients)]
                    results = pool.map(
                        lambda q: slash(base, "/whosaid", q, fake.url + "/response/b")[1], queries
                    )
                    acks.extend(results)
            stop.set()
            prober.join(timeout=60)
    server.shutdown()
    rss = peak_rss_mb()
    print(
        f"{len(acks)} acks: p50 {statistics.median(acks) * 1000:.0f} ms, "
        f"p99 {percentile(acks, 99) * 1000:.0f} ms, over 3 s: {sum(a > 3 for a in acks)}; "
        f"/healthz p99 {percentile(health, 99) * 1000:.0f} ms ({len(health)} probes); "
        f"peak RSS {rss:.0f} MB"
    )


if __name__ == "__main__":
    main()
