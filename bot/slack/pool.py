"""A small thread pool that says no when it is full, instead of queueing without end."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor


class BoundedPool:
    """``workers`` jobs at once and at most ``waiting`` more in line; past that, refused.

    URL adds fetch other people's servers: they get a pool of their own, so a slow host ties
    up only these threads (never the ones that answer /whosaid), and a burst of adds is told
    to wait rather than piling up behind a site that drips."""

    def __init__(self, workers: int, waiting: int, name: str) -> None:
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix=name)
        self._places = threading.BoundedSemaphore(workers + waiting)

    def try_submit(self, job: Callable[[], None]) -> bool:
        """Run ``job`` soon; False (and nothing run) when the pool and its line are full."""
        if not self._places.acquire(blocking=False):
            return False

        def run() -> None:
            try:
                job()
            finally:
                self._places.release()

        self._executor.submit(run)
        return True
