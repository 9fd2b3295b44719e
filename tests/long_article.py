"""Long-article benchmark (issue 13): extraction time and peak memory against article size.

Builds one-paragraph articles of the given sizes from ``quotebot bench``'s generator (names,
roles, attributed quotes in five shapes) and extracts each in a fresh process, printing
seconds, seconds per MB and the process's peak RSS. Linear time shows as a flat s/MB column;
bounded memory as RSS that grows with what is found (quotes, sentences), not with the square
of the paragraph. A benchmark, not a test: nothing is asserted.

    python -m tests.long_article [--sizes 0.5 1 2 4.8]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bot.corpus.reader import read_file
from bot.extraction import build_extractor
from bot.peak_rss import peak_rss_mb
from bot.settings import Settings

try:
    from bot.cli.bench import Vocabulary, article_text
except ImportError:  # an older checkout, benchmarked before/after in one run
    from bot.bench import Vocabulary, article_text  # type: ignore


def write_article(path: Path, megabytes: float, seed: int = 7) -> None:
    """One headline and one paragraph of about ``megabytes`` MB of attributed quotes."""
    rng = random.Random(seed)
    vocab = Vocabulary(rng)
    parts: list[str] = []
    size = 0
    day = 0
    while size < megabytes * 1_000_000:
        text, _ = article_text(rng, vocab, 8, day)
        chunk = " ".join(line for line in text.splitlines()[2:] if line)
        parts.append(chunk)
        size += len(chunk) + 1
        day += 1
    path.write_text("A long article\n\n" + " ".join(parts) + "\n", encoding="utf-8")


def extract_one(path: Path) -> None:
    """Extract one file and print: seconds, quotes, peak RSS in MB."""
    settings = Settings()
    extractor = build_extractor(settings)
    (article,) = read_file(path, settings.corpus.model_copy(update={"max_bytes": 10**9}))
    started = time.perf_counter()
    found = extractor.extract(article)
    elapsed = time.perf_counter() - started
    peak = peak_rss_mb()
    print(f"{elapsed:.3f} {len(found.quotes)} {peak:.0f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.5, 1.0, 2.0, 4.8])
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        extract_one(args.one)
        return 0
    print(f"{'MB':>5} {'seconds':>8} {'s/MB':>6} {'quotes':>7} {'peak RSS MB':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        for mb in args.sizes:
            path = Path(tmp) / f"long-{mb}.txt"
            write_article(path, mb)
            out = subprocess.run(
                [sys.executable, "-m", "tests.long_article", "--one", str(path)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.split()
            seconds, quotes, peak = float(out[0]), int(out[1]), float(out[2])
            print(f"{mb:5.1f} {seconds:8.2f} {seconds / mb:6.2f} {quotes:7d} {peak:12.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
