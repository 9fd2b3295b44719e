"""A process's own peak memory, not its parent's: the memory figures of the hostile-web
tests and the bench's query process are read in processes started by a large one."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BALLAST_MB = 300


def test_a_small_child_of_a_large_process_reports_its_own_peak() -> None:
    ballast = b"x" * (BALLAST_MB << 20)  # resident: every page written
    script = textwrap.dedent(
        """
        import resource
        from bot.peak_rss import peak_rss_mb
        print(int(peak_rss_mb()), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    own, inherited = (int(x) for x in done.stdout.split())
    assert len(ballast) == BALLAST_MB << 20
    # ru_maxrss (``inherited``) says about the parent's size here; the child's own is small.
    assert own < BALLAST_MB // 3, f"{own} MB (ru_maxrss: {inherited} MB): the parent's, not its own"
