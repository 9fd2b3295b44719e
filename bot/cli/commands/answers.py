"""``quotebot whosaid`` and ``quotebot context``: answers in the terminal, as JSON, or a
batch of queries a line at a time."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from bot.answers.common import clean_query
from bot.answers.context import context
from bot.answers.whosaid import whosaid
from bot.cli.common import open_store, use_color
from bot.cli.render import answer_text, context_text
from bot.errors import UsageError
from bot.settings import SearchSettings, Settings
from bot.store.database import Store


def _answer_command(
    args: argparse.Namespace,
    settings: Settings,
    ask: Callable[[str, Store, SearchSettings, str | None], BaseModel],
    render: Callable[[Any, bool], str],
) -> int:
    phrase = " ".join(args.phrase)
    clean_query(phrase)  # a bad query is told before any archive is opened
    store = open_store(args, settings, auto_ingest=True)
    answer = ask(phrase, store, settings.search, settings.public_base_url)
    print(answer.model_dump_json(indent=2) if args.json else render(answer, use_color(args)))
    return 0


def cmd_whosaid(args: argparse.Namespace, settings: Settings) -> int:
    """Who said a phrase: verdict, speaker, the words on record, sources earliest first."""
    if args.batch is not None:
        if args.phrase:
            raise UsageError("give a phrase or --batch FILE, not both")
        return _whosaid_batch(args, settings)
    if not args.phrase:
        raise UsageError('give the quoted words, e.g. quotebot whosaid "deserves to be in prison"')
    return _answer_command(args, settings, whosaid, answer_text)


def _batch_lines(source: str) -> Iterator[str]:
    """The non-blank lines of a file, or of standard input for ``-``."""
    if source == "-":
        lines: Iterable[str] = sys.stdin
    else:
        path = Path(source)
        if not path.is_file():
            raise UsageError(f"no such file: {source}")
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    for line in lines:
        if line.strip():
            yield line.strip()


def _whosaid_batch(args: argparse.Namespace, settings: Settings) -> int:
    """One JSON answer a line, in the order of the queries; a query that cannot be asked
    gets ``{"query": …, "error": …}`` on its line, and the rest are still answered."""
    store = open_store(args, settings, auto_ingest=True)
    for line in _batch_lines(args.batch):
        try:
            answer = whosaid(line, store, settings.search, settings.public_base_url)
        except UsageError as exc:
            print(json.dumps({"query": line, "error": str(exc)}, ensure_ascii=False), flush=True)
            continue
        print(answer.model_dump_json(), flush=True)
    return 0


def cmd_context(args: argparse.Namespace, settings: Settings) -> int:
    """The paragraph around a quote, a speaker's record, or keyword-in-context lines."""
    return _answer_command(args, settings, context, context_text)
