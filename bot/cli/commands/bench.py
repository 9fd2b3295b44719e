"""``quotebot bench``: the benchmark (see bot/cli/bench.py)."""

from __future__ import annotations

import argparse

from bot.errors import UsageError
from bot.settings import Settings


def cmd_bench(args: argparse.Namespace, settings: Settings) -> int:
    """Generate a synthetic corpus, ingest it, and measure whosaid against a linear scan."""
    from bot.cli.bench import run_bench, table  # heavy imports only for this command

    if args.quotes < 100 or args.queries < 3:
        raise UsageError("--quotes must be at least 100 and --queries at least 3")
    result = run_bench(args.quotes, args.queries, args.seed, args.db, settings, jobs=args.jobs)
    print(result.model_dump_json(indent=2) if args.json else table(result))
    return 0
