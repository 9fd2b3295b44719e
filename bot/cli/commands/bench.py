"""``quotebot bench``: the benchmark (see bot/cli/bench.py)."""

from __future__ import annotations

import argparse
import signal
from itertools import pairwise
from types import FrameType

from bot.errors import UsageError
from bot.settings import Settings


def cmd_bench(args: argparse.Namespace, settings: Settings) -> int:
    """Generate a synthetic corpus, ingest it, and measure whosaid against a linear scan."""
    from bot.cli.bench import growth_table, run_bench, run_growth, table  # for this command only

    if args.quotes < 100 or args.queries < 3:
        raise UsageError("--quotes must be at least 100 and --queries at least 3")
    # A bench stopped by kill or a service manager removes its corpus and archive (gigabytes
    # at a million quotes) as Ctrl-C does: SIGTERM unwinds like an exit, not a hard stop.
    signal.signal(signal.SIGTERM, _exit_on_term)
    if args.growth:
        steps = _steps(args.growth)
        grown = run_growth(steps, args.queries, args.seed, args.db, settings, jobs=args.jobs)
        print(grown.model_dump_json(indent=2) if args.json else growth_table(grown))
        return 0
    result = run_bench(
        args.quotes,
        args.queries,
        args.seed,
        args.db,
        settings,
        jobs=args.jobs,
        scaling=args.scaling,
    )
    print(result.model_dump_json(indent=2) if args.json else table(result))
    return 0


def _exit_on_term(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def _steps(text: str) -> list[int]:
    """``--growth 250000,1000000``: archive sizes in quotes, increasing, each at least 100."""
    try:
        steps = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError:
        raise UsageError(f"--growth wants sizes like 250000,1000000, not {text!r}") from None
    if not steps or steps[0] < 100 or any(b <= a for a, b in pairwise(steps)):
        raise UsageError("--growth sizes must increase, each at least 100 quotes")
    return steps
