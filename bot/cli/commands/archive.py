"""Looking after the archive: ``quotebot migrate``, ``check``, ``backup`` and ``restore``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from bot.cli.locate import archive_url
from bot.settings import Settings
from bot.store.database import Store


def cmd_migrate(args: argparse.Namespace, settings: Settings) -> int:
    """Create or upgrade the database schema."""
    from bot.reextract import bring_up_to_date
    from bot.store.engine import make_engine

    store = Store(make_engine(archive_url(args.db, settings, create=True)))
    before, after = store.ensure_schema()
    print(
        f"schema: version {before} -> {after}"
        if before != after
        else f"schema: version {after}, up to date"
    )
    again = bring_up_to_date(store, settings, progress=not args.quiet)
    if again:
        print(f"extraction: {again:,} stored articles extracted again with the current rules")
    return 0


def cmd_check(args: argparse.Namespace, settings: Settings) -> int:
    """Read every page of the archive: say whether it is sound (SQLite), or that Postgres
    checks its own."""
    store = Store.open(archive_url(args.db, settings, create=False))
    if store.engine.dialect.name != "sqlite":
        print(f"check: {store.location} is a Postgres database; Postgres checks its own pages")
        return 0
    store.verify()
    print(f"check: the archive at {store.location} is sound")
    return 0


def cmd_backup(args: argparse.Namespace, settings: Settings) -> int:
    """A consistent copy of the SQLite archive into a new file, safe while it is in use."""
    from bot.store.backup import backup

    url = archive_url(args.db, settings, create=False)
    pages = backup(url, Path(args.file).expanduser(), _progress(args))
    print(f"backup: {pages:,} pages copied to {args.file}")
    return 0


def cmd_restore(args: argparse.Namespace, settings: Settings) -> int:
    """Put a backup back in place of the SQLite archive (checked whole first), then bring its
    schema up to date."""
    from bot.store.backup import restore

    url = archive_url(args.db, settings, create=True)
    pages = restore(url, Path(args.file).expanduser(), _progress(args))
    before, after = Store.open(url).ensure_schema()
    upgraded = f"; schema {before} -> {after}" if before != after else ""
    print(f"restore: {pages:,} pages copied from {args.file}{upgraded}")
    return 0


def _progress(args: argparse.Namespace) -> Callable[[int, int], None] | None:
    """A progress line on the terminal for a long copy (none when quiet or piped)."""
    if getattr(args, "quiet", False) or not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        print(f"\r{done:,} of {total:,} pages", end="" if done < total else "\n", file=sys.stderr)

    return show
