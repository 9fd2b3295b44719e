"""A small progress reporter for long runs: a live line on a terminal, periodic lines otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Counts work done out of a known total and reports it to a stream (stderr by default)."""

    def __init__(
        self, total: int, label: str, stream: TextIO | None = None, every: float = 0.5
    ) -> None:
        self.total = total
        self.label = label
        self.stream = stream or sys.stderr
        self.every = every
        self.done = 0
        self.started = time.monotonic()
        self._last = 0.0
        self.live = self.stream.isatty()

    def step(self, n: int = 1) -> None:
        """Record ``n`` more items done; redraw at most every ``every`` seconds."""
        self.done += n
        now = time.monotonic()
        if now - self._last >= (self.every if self.live else 10.0) or self.done == self.total:
            self._last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        pct = 100.0 * self.done / self.total if self.total else 100.0
        line = f"{self.label}: {self.done:,}/{self.total:,} ({pct:5.1f}%) {rate:,.0f}/s"
        if self.live:
            self.stream.write("\r" + line)
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def close(self) -> None:
        """Finish the live line."""
        if self.live and self.total:
            self.stream.write("\n")
            self.stream.flush()
