"""The ``quotebot`` command line. Exit codes: 0 success, 2 usage error, 1 any other error.

Each command lives in ``bot.cli.commands`` and is imported only when it runs: ``--help`` and
an answer pay for nothing they do not use (see the README's performance section).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from bot.errors import QuotebotError, UsageError

log = logging.getLogger("quotebot")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        raise UsageError(message)


def _positive(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _parents() -> tuple[_Parser, _Parser, _Parser]:
    """Options shared by several commands, each declared once: --db, --corpus, --json/--no-color."""
    db = _Parser(add_help=False)
    db.add_argument("--db", help="database URL (default: DATABASE_URL or ./quotebot.db)")
    corpus = _Parser(add_help=False)
    corpus.add_argument(
        "--corpus", action="append", help="corpus directory for a first ingest (repeatable)"
    )
    output = _Parser(add_help=False)
    output.add_argument("--json", action="store_true", help="machine-readable output")
    output.add_argument("--no-color", action="store_true", help="plain output")
    return db, corpus, output


def _version() -> str:
    """The installed package's version."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("quotebot")
    except PackageNotFoundError:
        return "unknown (not installed)"


class _ShowVersion(argparse.Action):
    """``--version``: the installed version, looked up only when asked (reading the package
    metadata costs every other command 20 ms of start-up)."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(f"quotebot {_version()}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every sub-command."""
    parser = _Parser(prog="quotebot", description="Who said it, the exact words, and where.")
    parser.add_argument("--config", help="config file (default: ./config/quotebot.toml)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug detail")
    parser.add_argument("--version", action=_ShowVersion, nargs=0, help="show the version and exit")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    db, corpus, output = _parents()
    p = sub.add_parser(
        "extract", parents=[output], help="print the attributed quotes of article files"
    )
    p.add_argument("paths", nargs="*", help="article files or directories")
    p.add_argument(
        "--sieves", action="store_true", help="list the attribution sieves, in the order run"
    )
    p.set_defaults(func="extract:cmd_extract")
    p = sub.add_parser(
        "ingest", parents=[db, output], help="index new and changed articles (idempotent)"
    )
    p.add_argument(
        "dirs",
        nargs="*",
        metavar="DIR|URL",
        help="directories, or http(s) URLs of feeds, sitemaps and article pages "
        "(default: corpus.dirs and [[sources]] in the config)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument(
        "--jobs", type=_positive, help="processes extracting articles (default: every core)"
    )
    p.add_argument(
        "--remove",
        metavar="DIR",
        action="append",
        help="take the articles indexed from a folder out of the archive (e.g. the sample "
        "articles in seeds); repeatable",
    )
    p.set_defaults(func="ingest:cmd_ingest")
    p = sub.add_parser("whosaid", parents=[db, corpus, output], help="who said a phrase, and where")
    p.add_argument("phrase", nargs="*", help='the quoted words, e.g. "deserves to be in prison"')
    p.add_argument(
        "--batch",
        metavar="FILE",
        help="one query a line (- for standard input); prints one JSON answer a line",
    )
    p.set_defaults(func="answers:cmd_whosaid")
    p = sub.add_parser(
        "context",
        parents=[db, corpus, output],
        help="a quote in its paragraph, or a speaker's record",
    )
    p.add_argument("phrase", nargs="+", help="a quoted phrase or a speaker's name")
    p.set_defaults(func="answers:cmd_context")
    p = sub.add_parser(
        "serve", parents=[db, corpus], help="run the Slack app (Socket Mode or HTTP on $PORT)"
    )
    p.add_argument("--host", default="0.0.0.0", help="web server: interface to listen on")
    p.add_argument("--port", type=int, help="web server: port (default: $PORT or 3000)")
    p.add_argument(
        "--http",
        action="store_true",
        help="answer Slack over HTTP even when SLACK_APP_TOKEN is set (the Procfile's web dyno)",
    )
    p.set_defaults(func="serve:cmd_serve")
    p = sub.add_parser(
        "web", parents=[db], help="the article pages and /healthz on $PORT, without Slack"
    )
    p.add_argument("--host", default="0.0.0.0", help="interface to listen on")
    p.add_argument("--port", type=int, help="port (default: $PORT or 3000)")
    p.set_defaults(func="serve:cmd_web")
    p = sub.add_parser(
        "digest", parents=[db], help="print (--dry-run) or post (--now) the next digest"
    )
    mode = p.add_mutually_exclusive_group(required=True)
    mode.add_argument("--dry-run", action="store_true", help="print the next digest, post nothing")
    mode.add_argument("--now", action="store_true", help="post pending and new digests now")
    p.set_defaults(func="digests:cmd_digest")
    p = sub.add_parser(
        "clock", parents=[db], help="run the scheduler: scan the corpus, post digests"
    )
    p.set_defaults(func="digests:cmd_clock")
    p = sub.add_parser(
        "corrections",
        parents=[db],
        help="the desk's corrections and checks (an audit trail); --withdraw one",
    )
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="machine-readable output")
    fmt.add_argument("--csv", action="store_true", help="CSV for a spreadsheet")
    p.add_argument("--since", help="only those recorded on or after this date (2025-03-01)")
    p.add_argument("--withdraw", type=int, metavar="ID", help="withdraw a correction or check")
    p.add_argument("--by", help="who withdraws it (recorded)")
    p.set_defaults(func="desk:cmd_corrections")
    p = sub.add_parser(
        "correct", parents=[db], help="record who really said a quote, or that it is none"
    )
    p.add_argument("quote", metavar="ARTICLE_ID#N", help="the quote (its article page's #qN)")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--speaker", help="who said it, as the record should name them")
    who.add_argument("--not-a-quote", action="store_true", help="the words are nobody's quote")
    p.add_argument("--by", required=True, help="who makes the correction (recorded)")
    p.add_argument("--note", help="why, for the audit trail")
    p.set_defaults(func="desk:cmd_correct")
    p = sub.add_parser("confirm", parents=[db], help="record that a quote was checked and stands")
    p.add_argument("quote", metavar="ARTICLE_ID#N", help="the quote (its article page's #qN)")
    p.add_argument("--by", required=True, help="who checked it (recorded)")
    p.add_argument("--note", help="what was checked")
    p.set_defaults(func="desk:cmd_confirm")
    p = sub.add_parser(
        "migrate",
        parents=[db],
        help="create or upgrade the database schema (and extract again what older rules did)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func="archive:cmd_migrate")
    p = sub.add_parser("check", parents=[db], help="read every page of the archive: is it sound?")
    p.set_defaults(func="archive:cmd_check")
    p = sub.add_parser(
        "backup", parents=[db], help="copy the SQLite archive to a new file (safe while serving)"
    )
    p.add_argument("file", help="the new backup file")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress")
    p.set_defaults(func="archive:cmd_backup")
    p = sub.add_parser(
        "restore", parents=[db], help="put a backup back in place of the SQLite archive"
    )
    p.add_argument("file", help="the backup file (checked whole before anything is replaced)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress")
    p.set_defaults(func="archive:cmd_restore")
    p = sub.add_parser("bench", help="benchmark ingest and whosaid on a synthetic corpus")
    p.add_argument("--quotes", type=int, default=20_000, help="corpus size in quotes")
    p.add_argument("--queries", type=int, default=300, help="queries (a third each kind)")
    p.add_argument("--seed", type=int, default=7, help="random seed (the corpus is deterministic)")
    p.add_argument("--db", help="an empty database URL to bench (default: a temporary SQLite)")
    p.add_argument(
        "--jobs", type=_positive, help="processes extracting articles (default: every core)"
    )
    p.add_argument(
        "--growth",
        metavar="N1,N2,…",
        help="build one archive in steps of these sizes (quotes) and measure at each",
    )
    p.add_argument(
        "--scaling",
        action="store_true",
        help="also measure ingest on one core against every core (three rounds each)",
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func="bench:cmd_bench")
    return parser


def command(where: str) -> Callable[..., int]:
    """The function a command runs, "module:function" in ``bot.cli.commands``."""
    module, name = where.split(":")
    func: Callable[..., int] = getattr(importlib.import_module(f"bot.cli.commands.{module}"), name)
    return func


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``quotebot`` console script."""
    try:
        return _run(argv)
    finally:
        keep_bytecode()


def keep_bytecode() -> None:
    """Write the bytecode of Quotebot's own modules that this run compiled from source.

    Where ``PYTHONDONTWRITEBYTECODE`` is set (many containers set it), an editable install
    never gets bytecode for ``bot/``: every command compiled its 40-odd modules again (45 ms
    of a 400 ms answer). The dependencies' bytecode was written when pip installed them; this
    does the same for ours, once, as ``compileall`` would (nothing outside ``bot/``)."""
    if not sys.dont_write_bytecode:
        return  # Python writes it itself
    import importlib.util
    import os
    import py_compile

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for module in list(sys.modules.values()):
        source = getattr(module, "__file__", None) or ""
        if not source.startswith(root) or not source.endswith(".py"):
            continue
        try:
            cached = importlib.util.cache_from_source(source)
            if os.path.exists(cached) and os.stat(cached).st_mtime >= os.stat(source).st_mtime:
                continue
            py_compile.compile(source, cfile=cached, quiet=2)
        except (OSError, ValueError):
            return  # a read-only install: nothing to keep


@contextmanager
def _imports_uncollected() -> Iterator[None]:
    """Load the settings and a command's modules with the cyclic garbage collector paused,
    then freeze what they made.

    Importing SQLAlchemy and pydantic and building the settings' models allocates hundreds of
    thousands of objects that live as long as the process (modules, classes, schemas); the
    collector, seeing them pile up, walked them all several times over, and once more as the
    interpreter exits — a third of a terminal answer's time (361 → 264 ms for ``whosaid`` on
    the seeds), for nothing. ``gc.freeze`` (made for this: CPython's docs suggest it before
    forking workers, which ingest also does) moves them where no later collection looks, so
    the command runs with the collector on and pays only for the objects it makes itself.
    ``main`` is a process's entry point: what it froze stays frozen until the process ends.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def _run(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        print(f"quotebot: {exc}", file=sys.stderr)
        return 2
    # Long-running processes report what they do (their log is the operator's only view).
    quiet = logging.INFO if args.command in ("serve", "web", "clock") else logging.WARNING
    # trafilatura logs what it could not parse as ERROR; the page's own reason is ours to say
    # (one "skipped URL: reason" line), so its lines never reach the terminal.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    # When the database goes away mid-write, psycopg warns that it ignored a second error
    # closing its pipeline; the first is ours to say, in one line (tests/test_faults.py).
    if not args.verbose:
        logging.getLogger("psycopg").setLevel(logging.ERROR)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else quiet,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        with _imports_uncollected():
            from bot.settings import load_settings

            settings = load_settings(args.config)
            run = command(args.func)
        return run(args, settings)
    except UsageError as exc:
        print(f"quotebot: {exc}", file=sys.stderr)
        return 2
    except QuotebotError as exc:
        print(f"quotebot: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # output piped into `head` and closed: not an error
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("quotebot: interrupted", file=sys.stderr)
        return 130
