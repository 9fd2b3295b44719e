"""Backing up and restoring an SQLite archive with SQLite's online backup API: a consistent
copy page by page while the archive stays in use (the clock and the web process may keep
running), never a file copy of a database that may be mid-write. Postgres has pg_dump (see
the README's "Backups")."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from bot.errors import StoreDamaged, UsageError
from bot.store.engine import sqlite_file

PAGES_A_STEP = 1024  # pages copied between progress reports (and between others' writes)
Progress = Callable[[int, int], None]


def _archive_file(url: str) -> Path:
    path = sqlite_file(url)
    if path is None:
        raise UsageError(
            "backup and restore copy SQLite archives; for Postgres use pg_dump and pg_restore "
            "(README, 'Backups')"
        )
    return path


def backup(url: str, target: Path, progress: Progress | None = None) -> int:
    """Copy the archive at ``url`` into the new file ``target``; the pages copied."""
    source = _archive_file(url)
    if target.exists():
        raise UsageError(f"{target} exists; give a new file name (a backup never overwrites)")
    if not target.parent.is_dir():
        raise UsageError(f"no such directory: {target.parent}")
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst, pages=PAGES_A_STEP, progress=_report(progress))
        pages = int(dst.execute("PRAGMA page_count").fetchone()[0])
    return pages


def restore(url: str, backup_file: Path, progress: Progress | None = None) -> int:
    """Replace the archive at ``url`` with a backup (checked whole first); the pages copied."""
    target = _archive_file(url)
    if not backup_file.is_file():
        raise UsageError(f"no such backup file: {backup_file}")
    try:
        with sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True) as src:
            problems = [str(r[0]) for r in src.execute("PRAGMA quick_check(1)")]
            is_archive = src.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'quotebot_meta'"
            ).fetchone()
    except sqlite3.DatabaseError as exc:
        raise _unusable(backup_file, str(exc)) from exc
    if problems != ["ok"]:
        raise _unusable(backup_file, problems[0].splitlines()[-1])
    if not is_archive:
        raise UsageError(f"{backup_file} is not a Quotebot archive")
    with (
        sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True) as src,
        sqlite3.connect(target) as dst,
    ):
        src.backup(dst, pages=PAGES_A_STEP, progress=_report(progress))
        pages = int(dst.execute("PRAGMA page_count").fetchone()[0])
    return pages


def _unusable(backup_file: Path, reason: str) -> StoreDamaged:
    return StoreDamaged(
        f"the backup {backup_file} is damaged ({reason}): nothing was restored, the archive is "
        "as it was; try an older backup"
    )


def _report(progress: Progress | None) -> Callable[[int, int, int], object] | None:
    if progress is None:
        return None
    return lambda _status, remaining, total: progress(total - remaining, total)
