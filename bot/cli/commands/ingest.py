"""``quotebot ingest``: index new and changed articles, or take a folder's out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from bot.cli.common import corpus_dirs, open_store
from bot.cli.locate import archive_url
from bot.errors import UsageError
from bot.ingest import ingest, remove_folder
from bot.settings import Settings
from bot.store.database import Store
from bot.store.engine import sqlite_file
from bot.store.faults import read_only


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    """Index new and changed articles; print a one-line summary and any skipped files."""
    kinds: dict[str, Any] = {}
    if args.remove and args.dirs:
        raise UsageError("--remove takes folders out; index others in a separate run")
    archive_url(args.db, settings, create=True)  # a bad --db is told before any work
    other = [d for d in args.dirs if "://" in d and not d.startswith(("http://", "https://"))]
    if other:
        raise UsageError(f"only http(s) URLs can be fetched, not {other[0]!r}")
    if args.dirs:
        urls = [d for d in args.dirs if d.startswith(("http://", "https://"))]
        dirs = [Path(d) for d in args.dirs if d not in urls]
    else:
        urls, kinds = settings.source_urls()
        dirs = corpus_dirs(args, settings)
    missing = [str(d) for d in dirs if not d.exists()]
    if missing:
        raise UsageError(f"no such directory: {', '.join(missing)}")
    if args.remove:
        store = open_store(args, settings)
        ready_to_write(store)
        for folder in args.remove:
            removed = remove_folder(store, Path(folder))
            print(f"ingest: {removed} articles from {folder} taken out of the archive")
        return 0
    store = open_store(args, settings, create=True)  # asked for: an empty archive is made
    ready_to_write(store)
    if not dirs and not urls:
        print(
            "ingest: nothing to index (no folder or URL given, and no corpus.dirs or "
            "[[sources]] configured)",
            file=sys.stderr,
        )
        return 0
    summary = ingest(
        store, dirs, settings, progress=not args.quiet, urls=urls, kinds=kinds, jobs=args.jobs
    )
    if summary.reextracted:
        print(
            f"ingest: {summary.reextracted:,} stored articles extracted again "
            "(the extraction rules changed)",
            file=sys.stderr,
        )
    for path, reason in summary.problems:
        print(f"skipped {path}: {reason}", file=sys.stderr)
    if args.json:
        print(summary.model_dump_json(indent=2))
    else:
        print(summary.line())
    if summary.every_source_failed:
        print("ingest: no source could be read (see above)", file=sys.stderr)
        return 1
    return 0


VERIFY_MAX_BYTES = 1 << 30  # reading every page of a larger archive takes too long to do always


def ready_to_write(store: Store) -> None:
    """Say before any work why nothing can be written: a read-only archive, or a damaged one
    (every page read, so a fault in pages this run would not touch is not reported as
    "unchanged"; archives over a gigabyte are checked with ``quotebot check``)."""
    if store.read_only:
        raise read_only(f"at {store.location}")
    path = sqlite_file(store.location)
    if path is not None and path.is_file() and path.stat().st_size <= VERIFY_MAX_BYTES:
        store.verify()
