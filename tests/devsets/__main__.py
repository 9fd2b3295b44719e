"""``python -m tests.devsets SET [DIR] [--part tune|held|all] [--errors] [--json]``: the scores
of the product's extraction on a dev set, per sieve and by confidence, with the held-out fifth
reported apart."""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import replace
from pathlib import Path

from bot.extraction import build_extractor
from bot.quotes.attribution.calibration import band
from bot.settings import load_settings
from tests.devsets import SETS
from tests.devsets.score import Result, by_sieve, calibration, errors, run, score

ROOT = Path(__file__).resolve().parents[2]
PRECISION = ROOT / "bot" / "quotes" / "attribution" / "data" / "precision.tsv"


def report(name: str, results: list[Result]) -> list[str]:
    """The scores of one part as lines of text."""
    s = score(results)
    lines = [f"== {name}: {s.counts}", s.line(), "sieve                 judged  right  precision"]
    lines += [f"{sieve:20s} {n:7d} {ok:6d}  {p:.3f}" for sieve, n, ok, p in by_sieve(results)]
    lines.append("confidence     n  right")
    lines += [f"{bucket}  {n:4d}  {share}" for bucket, n, share in calibration(results)]
    return lines


def calibrate(jobs: int) -> int:
    """Write the sieves' measured precision (tuning parts only; the held-out fifth is never
    measured into the product), with each sieve's own score, not the calibrated one."""
    settings = load_settings(ROOT / "config" / "quotebot.toml")
    raw = replace(build_extractor(settings), calibrated=False)
    cells: dict[tuple[str, str, str], list[int]] = {}
    for dev in SETS.values():
        directory = dev.directory()
        if not dev.present(directory):
            print(f"calibrate: {dev.name} absent, not measured", file=sys.stderr)
            continue
        assert directory is not None
        docs = [d for d in dev.load(directory, settings.corpus) if not d.held_out]
        for r in run(docs, raw, jobs):
            for i, q in enumerate(r.quotes):
                verdict = r.verdict(i)
                if verdict is None or q.sieve is None:
                    continue
                how = "here" if q.antecedent is None else "before"
                count = cells.setdefault((q.sieve, how, band(q.confidence)), [0, 0])
                count[0] += 1
                count[1] += verdict
    if not cells:
        print("calibrate: no dev set present; the measurements are left as they are")
        return 1
    lines = ["# sieve\tresolution\tband\tjudged\tright (python -m tests.devsets --calibrate)"]
    lines += [f"{s}\t{h}\t{b}\t{n}\t{ok}" for (s, h, b), (n, ok) in sorted(cells.items())]
    PRECISION.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"calibrate: {sum(n for n, _ in cells.values())} judged attributions -> {PRECISION}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Print the scores (and optionally each error) of one dev set."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set", nargs="?", choices=sorted(SETS))
    parser.add_argument("dir", nargs="?", type=Path, help="the copy (default: $QUOTEBOT_…_DIR)")
    parser.add_argument("--part", choices=("tune", "held", "all"), default="all")
    parser.add_argument("--errors", action="store_true", help="print every error")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--calibrate",
        action="store_true",
        help="measure every sieve on the tuning parts of all sets present and write "
        "bot/quotes/attribution/data/precision.tsv (SET is ignored)",
    )
    args = parser.parse_args(argv)
    if args.calibrate:
        return calibrate(args.jobs)
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
