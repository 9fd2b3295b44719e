"""A start-up benchmark (issue 29): whole-process times of ``--help`` and ``whosaid`` on the
seeds against the dependency floor, paired in one sitting. A benchmark, not a test: nothing
is asserted.

    python -m tests.startup [--rounds 20] [--base /path/to/another/checkout]

Each round runs the floor (``python -c "import sqlalchemy, pydantic, rapidfuzz, sqlite3"``),
then each command, as fresh processes, so a busy minute slows all of them alike; it prints
each one's median and its ratio to the floor's. ``--base`` also runs ``whosaid`` from another
checkout of Quotebot (a ``git worktree`` of an earlier commit), from its own folder and its
own archive, for a before/after in the same sitting.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
FLOOR = "import sqlalchemy, pydantic, rapidfuzz, sqlite3"
RUN_CLI = "import sys; from bot.cli.main import main; sys.exit(main())"
QUERY = "deserves to be in prison"


def _commands(base: Path | None) -> dict[str, tuple[list[str], Path, dict[str, str]]]:
    """Name → (argv, working folder, environment) of each process to time."""
    env = dict(os.environ)
    py = sys.executable
    commands = {
        "floor": ([py, "-c", FLOOR], PROJECT, env),
        "--help": ([py, "-c", RUN_CLI, "--help"], PROJECT, env),
        "whosaid": ([py, "-c", RUN_CLI, "whosaid", QUERY], PROJECT, env),
    }
    if base is not None:
        # The checkout's own folder comes first on sys.path (`-c`), so its `bot` is imported.
        commands["whosaid (base)"] = (
            [py, "-c", RUN_CLI, "whosaid", QUERY],
            base,
            {**env, "PYTHONPATH": str(base)},
        )
    return commands


def measure(rounds: int, base: Path | None) -> dict[str, float]:
    """Median seconds of each command over ``rounds`` alternated rounds."""
    commands = _commands(base)
    for argv, folder, env in commands.values():  # a first run fills an empty archive
        subprocess.run(argv, cwd=folder, env=env, capture_output=True, check=True)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, (argv, folder, env) in commands.items():
            start = time.perf_counter()
            subprocess.run(argv, cwd=folder, env=env, stdout=subprocess.DEVNULL, check=True)
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> int:
    """Print each command's median and its ratio to the floor."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--base", type=Path, help="another checkout to time whosaid from")
    args = parser.parse_args()
    medians = measure(args.rounds, args.base)
    floor = medians["floor"]
    for name, seconds in medians.items():
        print(f"{name:16s} {seconds * 1000:6.0f} ms  {seconds / floor:.2f}× the floor")
    return 0


if __name__ == "__main__":
    sys.exit(main())
