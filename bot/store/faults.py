"""Database faults said once, in words an administrator can act on.

Every statement the archive runs passes SQLAlchemy's ``handle_error`` hook, installed on each
engine (``install``): a damaged file, a full disk, a read-only file, a locked file or a lost
Postgres connection leaves as one ``StoreFault`` naming the archive and what to do, wherever
it happened; anything else (a cancelled search, a unique-key race) passes through untouched
for the code that expects it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, event

from bot.errors import (
    StoreBusy,
    StoreConnectionLost,
    StoreDamaged,
    StoreFault,
    StoreFull,
    StoreReadOnly,
)

DAMAGED = ("file is not a database", "malformed", "disk image")
FULL = ("database or disk is full", "no space left", "could not extend file", "disk full")
IO = ("disk i/o error", "i/o error")
READ_ONLY = ("readonly database", "read-only", "read only")
LOCKED = ("database is locked", "database table is locked")
CONNECTION = (
    "server closed the connection",
    "terminating connection",
    "connection refused",
    "could not connect",
    "connection is closed",
    "connection timed out",
    "consuming input failed",
    "the connection is lost",
    "connection to server",
    "no connection to the server",
)


def classify(exc: BaseException, where: str) -> StoreFault | None:
    """The fault an exception from the database driver is, or None (not one we explain)."""
    text = str(exc).strip()
    reason = text.splitlines()[0] if text else type(exc).__name__
    low = text.lower()
    if "cancel" in low or "interrupted" in low:
        return None  # a search cut off at its deadline: the search handles it
    if any(s in low for s in DAMAGED):
        return damaged(where, reason)
    if any(s in low for s in FULL):
        return StoreFull(
            f"the disk holding the archive {where} is full ({reason}): free some space and "
            "run this again (nothing half-written was kept)"
        )
    if any(s in low for s in IO):
        return StoreFull(
            f"the disk holding the archive {where} could not be written ({reason}): check that "
            "it is not full or failing, then run this again (nothing half-written was kept)"
        )
    if any(s in low for s in READ_ONLY):
        return read_only(where)
    if any(s in low for s in LOCKED):
        return StoreBusy(
            f"the archive {where} is busy (another process is writing to it): try again in a minute"
        )
    if any(s in low for s in CONNECTION):
        return StoreConnectionLost(
            f"lost the connection to the database {where} ({reason}): check that it is running "
            "and reachable, then run this again (what was written is kept, nothing half-written)"
        )
    return None


def damaged(where: str, reason: str) -> StoreDamaged:
    """The one line for a damaged archive, and what to do about it."""
    return StoreDamaged(
        f"the archive {where} is damaged ({reason}): restore a backup (quotebot restore "
        "FILE), or move it aside and rebuild it with quotebot ingest"
    )


def read_only(where: str) -> StoreReadOnly:
    """The one line for an archive this process cannot write."""
    return StoreReadOnly(
        f"the archive {where} is read-only: answers work, nothing can be written; make it "
        "writable for the user running quotebot to index or correct"
    )


def install(engine: Engine, where: str) -> None:
    """Translate the engine's database faults into ``StoreFault``s naming ``where`` (the
    archive's file, or its server and database without the password)."""
    shown = f"at {where}"

    @event.listens_for(engine, "handle_error")
    def _translate(context: Any) -> None:
        fault = classify(context.original_exception, shown)
        if fault is not None:
            raise fault from context.original_exception
