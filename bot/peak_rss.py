"""The peak resident memory of this process, in MB.

``getrusage(RUSAGE_SELF).ru_maxrss`` is not this process's own peak on Linux: a process
started with fork (or vfork) and exec keeps the larger of its own peak and its parent's
resident size at the fork, so a small query process spawned by a large one reports the
parent's memory. ``VmHWM`` in ``/proc/self/status`` is the high-water mark of this process's
own address space, which exec replaces. Elsewhere (no /proc), ``ru_maxrss`` is all there is
(kilobytes on Linux, bytes on macOS)."""

from __future__ import annotations

import resource
import sys
from pathlib import Path

STATUS = Path("/proc/self/status")


def peak_rss_mb() -> float:
    """This process's own peak resident memory, in MB."""
    try:
        for line in STATUS.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # "VmHWM:   108432 kB"
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
