"""What the commands share: the archive a command opens (and fills on first use), the
corpus folders, and output options."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.cli.locate import archive_url
from bot.errors import ConfigError, UsageError
from bot.settings import Settings
from bot.store.database import Store
from bot.store.engine import sqlite_file


def open_store(
    args: argparse.Namespace, settings: Settings, auto_ingest: bool = False, create: bool = False
) -> Store:
    """The store named by --db (or the configured one). ``create``: a new archive may be made
    there (ingest, migrate); the default embedded archive is always made on first use and,
    with ``auto_ingest``, filled from the configured corpus (the quick start's seeds)."""
    url = archive_url(args.db, settings, create=create)
    path = sqlite_file(url)
    new_file = path is not None and not path.exists()
    dirs: list[Path] = []
    if auto_ingest and new_file:
        try:
            dirs = corpus_dirs(args, settings)
        except UsageError:
            raise UsageError(
                f"no archive at {path}, and no corpus here to make one from: run "
                "quotebot ingest DIR (or pass --db, or run from the project folder)"
            ) from None
    store = Store.open(url, wait_seconds=settings.database_wait_seconds)
    if auto_ingest and store.is_empty():
        dirs = dirs or corpus_dirs(args, settings)
        if not dirs:  # "not found" from an archive that holds nothing would mislead
            raise ConfigError(
                f"the archive at {store.location} is empty: index articles first (quotebot "
                "ingest DIR or URL into it), or name a folder with --corpus DIR"
            )
        if dirs:
            folders = ", ".join(map(str, dirs))
            print(f"quotebot: empty archive, indexing {folders} …", file=sys.stderr)
            from bot.ingest import ingest  # the extractor only for a first fill

            print(ingest(store, dirs, settings).line(), file=sys.stderr)
    return store


def corpus_dirs(args: argparse.Namespace, settings: Settings) -> list[Path]:
    named = [Path(d) for d in (getattr(args, "corpus", None) or [])]
    dirs = named or settings.corpus_dirs(elsewhere=getattr(args, "db", None) is not None)
    missing = [str(d) for d in dirs if not d.is_dir()]
    if missing:
        raise UsageError(f"corpus directory not found: {', '.join(missing)}")
    return dirs


def use_color(args: argparse.Namespace) -> bool:
    """Whether to colour the output: a terminal, and no --no-color."""
    return not getattr(args, "no_color", False) and sys.stdout.isatty()
