"""``python -m tests.devsets SET [DIR] [--part tune|held|all] [--errors] [--json]``: the scores
of the product's extraction on a dev set, per sieve and by confidence, with the held-out fifth
reported apart."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from bot.extraction import build_extractor
from bot.settings import load_settings
from tests.devsets import SETS
from tests.devsets.score import Result, by_sieve, calibration, errors, run, score

ROOT = Path(__file__).resolve().parents[2]


def report(name: str, results: list[Result]) -> list[str]:
    """The scores of one part as lines of text."""
    s = score(results)
    lines = [f"== {name}: {s.counts}", s.line(), "sieve                 judged  right  precision"]
    lines += [f"{sieve:20s} {n:7d} {ok:6d}  {p:.3f}" for sieve, n, ok, p in by_sieve(results)]
    lines.append("confidence     n  right")
    lines += [f"{bucket}  {n:4d}  {share}" for bucket, n, share in calibration(results)]
    return lines


def main(argv: list[str] | None = None) -> int:
    """Print the scores (and optionally each error) of one dev set."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set", choices=sorted(SETS))
    parser.add_argument("dir", nargs="?", type=Path, help="the copy (default: $QUOTEBOT_…_DIR)")
    parser.add_argument("--part", choices=("tune", "held", "all"), default="all")
    parser.add_argument("--errors", action="store_true", help="print every error")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    dev = SETS[args.set]
    directory = args.dir or dev.directory()
    if not dev.present(directory):
        parser.error(f"no copy of {args.set} at {directory} (set {dev.env}; see its module)")
    assert directory is not None
    settings = load_settings(ROOT / "config" / "quotebot.toml")
    docs = dev.load(directory, settings.corpus)
    results = run(docs, build_extractor(settings), args.jobs)
    parts = {
        "tune": [r for r in results if not r.held_out],
        "held": [r for r in results if r.held_out],
        "all": results,
    }
    chosen = parts if args.part == "all" else {args.part: parts[args.part]}
    if args.errors:
        for line in errors(chosen[args.part]):
            print(line)
    if args.json:
        out = {part: {**score(rs).__dict__, "sieves": by_sieve(rs)} for part, rs in chosen.items()}
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    for part, rs in chosen.items():
        print("\n".join(report(f"{args.set} {part}", rs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
