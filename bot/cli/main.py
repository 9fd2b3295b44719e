"""The ``quotebot`` command line. Exit codes: 0 success, 2 usage error, 1 any other error."""

from __future__ import annotations

import argparse
import csv
import json
import logging
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from slack_sdk import WebClient

from bot.answers.common import clean_query
from bot.answers.context import context
from bot.answers.whosaid import whosaid
from bot.cli.render import answer_text, context_text, quotes_table
from bot.corpus.reader import Skipped
from bot.errors import ConfigError, QuotebotError, UsageError
from bot.extraction import extract_paths
from bot.ingest import ingest
from bot.models import DeskCheck, ExtractedArticle
from bot.settings import SearchSettings, Settings, load_settings
from bot.store.repository import Store

log = logging.getLogger("quotebot")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        raise UsageError(message)


def article_json(item: ExtractedArticle) -> dict[str, Any]:
    """One article in the ``extract --json`` contract."""
    a = item.article
    return {
        "id": a.id,
        "title": a.title,
        "published": a.published.isoformat() if a.published else None,
        "url": a.url,
        "outlet": a.outlet,
        "quotes": [
            q.model_dump(
                include={
                    "text",
                    "speaker",
                    "role",
                    "confidence",
                    "cue",
                    "kind",
                    "start",
                    "end",
                    "paragraph",
                    "evidence",
                    "antecedent",
                    "run",
                    "sieve",
                }
            )
            for q in item.quotes
        ],
        "terms": [q.model_dump(include={"text", "start", "end", "paragraph"}) for q in item.terms],
    }


def cmd_extract(args: argparse.Namespace, settings: Settings) -> int:
    """Print the quotes of article files without touching any database."""
    if args.sieves:
        return _print_sieves(settings)
    if not args.paths:
        raise UsageError("give article files or directories (or --sieves)")
    paths = [Path(p) for p in args.paths]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise UsageError(f"no such file or directory: {', '.join(missing)}")
    articles: list[ExtractedArticle] = []
    skipped: list[Skipped] = []
    for _path, result in extract_paths(paths, settings):
        if isinstance(result, Skipped):
            skipped.append(result)
            print(f"skipped {result.path}: {result.reason}", file=sys.stderr)
        else:
            articles.extend(result)
    if args.json:
        payload: dict[str, Any] = {"articles": [article_json(a) for a in articles]}
        if skipped:
            payload["skipped"] = [{"path": str(s.path), "reason": s.reason} for s in skipped]
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(quotes_table(articles, color=_use_color(args)))
    return 0


def _print_sieves(settings: Settings) -> int:
    """The attribution sieves the config runs, in order, each with the line that says what
    it does (the others marked off)."""
    from bot.quotes.attribution.sieves import SIEVES

    chosen = settings.extraction.sieves
    running = list(chosen) if chosen is not None else [s.name for s in SIEVES]
    by_name = {s.name: s for s in SIEVES}
    for name in [*running, *(s.name for s in SIEVES if s.name not in running)]:
        sieve = by_name.get(name)
        shape = sieve.shape if sieve else "unknown sieve"
        print(f"{'on ' if name in running else 'off'} {name:20s} {shape}")
    return 0


def open_store(args: argparse.Namespace, settings: Settings, auto_ingest: bool = False) -> Store:
    """The store named by --db (or the configured one); an empty one is filled on first use."""
    store = Store.open(args.db or settings.effective_database_url())
    if auto_ingest and store.is_empty():
        dirs = _corpus_dirs(args, settings)
        print(f"quotebot: empty archive, indexing {', '.join(map(str, dirs))} …", file=sys.stderr)
        print(ingest(store, dirs, settings).line(), file=sys.stderr)
    return store


def _corpus_dirs(args: argparse.Namespace, settings: Settings) -> list[Path]:
    dirs = [Path(d) for d in (getattr(args, "corpus", None) or [])] or settings.corpus_dirs()
    missing = [str(d) for d in dirs if not d.is_dir()]
    if missing:
        raise UsageError(f"corpus directory not found: {', '.join(missing)}")
    return dirs


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    """Index new and changed articles; print a one-line summary and any skipped files."""
    kinds: dict[str, Any] = {}
    if args.dirs:
        urls = [d for d in args.dirs if d.startswith(("http://", "https://"))]
        dirs = [Path(d) for d in args.dirs if d not in urls]
    else:
        urls, kinds = settings.source_urls()
        dirs = _corpus_dirs(args, settings)
    missing = [str(d) for d in dirs if not d.exists()]
    if missing:
        raise UsageError(f"no such directory: {', '.join(missing)}")
    store = open_store(args, settings)
    summary = ingest(
        store, dirs, settings, progress=not args.quiet, urls=urls, kinds=kinds, jobs=args.jobs
    )
    for path, reason in summary.problems:
        print(f"skipped {path}: {reason}", file=sys.stderr)
    if args.json:
        print(summary.model_dump_json(indent=2))
    else:
        print(summary.line())
    return 0


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
    print(answer.model_dump_json(indent=2) if args.json else render(answer, _use_color(args)))
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


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    """Run the Slack app (Socket Mode or HTTP mode)."""
    from bot.web.serve import preflight, serve

    who = preflight(settings, args.http)  # before touching the database
    store = open_store(args, settings, auto_ingest=True)
    serve(settings, store, host=args.host, port=args.port, http=args.http, who=who)
    return 0


def _digest_client(settings: Settings) -> WebClient:
    from bot.slack.app import web_client
    from bot.slack.tokens import check_token_kinds

    if not settings.slack_bot_token:
        raise ConfigError("cannot post digests: set SLACK_BOT_TOKEN (see README, 'Digests')")
    check_token_kinds(settings)
    return web_client(settings)


def cmd_digest(args: argparse.Namespace, settings: Settings) -> int:
    """Print the next digest (--dry-run) or post it now (--now)."""
    from bot.digest.clock import utc_now
    from bot.digest.post import DigestPoster
    from bot.store.digest_repo import DigestRepository

    store = open_store(args, settings)
    repo = DigestRepository(store)
    if args.dry_run:
        poster = DigestPoster(repo, WebClient(), settings)
        print(poster.preview(utc_now()))
        return 0
    outcome = DigestPoster(repo, _digest_client(settings), settings).run(utc_now())
    print(outcome.line())
    return 1 if outcome.failed else 0


def cmd_clock(args: argparse.Namespace, settings: Settings) -> int:
    """Run the scheduler: scans and digests."""
    from bot.digest.clock import Clock

    store = open_store(args, settings)
    Clock(settings, store, _digest_client(settings)).run()
    return 0


def cmd_corrections(args: argparse.Namespace, settings: Settings) -> int:
    """The desk's record: every correction and check (withdrawn ones too); or withdraw one."""
    store = open_store(args, settings)
    if args.withdraw is not None:
        if not args.by:
            raise UsageError("say who withdraws it: --withdraw ID --by NAME")
        done = store.withdraw_check(args.withdraw, args.by)
        if done is None:
            raise ConfigError(f"no active correction or check with id {args.withdraw}")
        print(f"withdrawn: #{done.id} by {done.by_line()}")
        return 0
    since = None
    if args.since:
        try:
            since = datetime.fromisoformat(args.since)
        except ValueError:
            raise UsageError(f"--since wants a date like 2025-03-01, not {args.since!r}") from None
        since = since if since.tzinfo else since.replace(tzinfo=UTC)
    checks = store.desk_checks(since=since)
    if args.json:
        print(json.dumps([c.model_dump(mode="json") for c in checks], indent=2))
    elif args.csv:
        writer = csv.writer(sys.stdout)
        fields = list(DeskCheck.model_fields)
        writer.writerow(fields)
        for c in checks:
            row = c.model_dump(mode="json")
            writer.writerow([row[f] if row[f] is not None else "" for f in fields])
    else:
        for c in checks:
            print(c.line())
        if not checks:
            print("no corrections or checks yet")
    return 0


def cmd_migrate(args: argparse.Namespace, settings: Settings) -> int:
    """Create or upgrade the database schema."""
    from bot.store.engine import make_engine

    store = Store(make_engine(args.db or settings.effective_database_url()))
    before, after = store.ensure_schema()
    print(
        f"schema: version {before} -> {after}"
        if before != after
        else f"schema: version {after}, up to date"
    )
    return 0


def cmd_bench(args: argparse.Namespace, settings: Settings) -> int:
    """Generate a synthetic corpus, ingest it, and measure whosaid against a linear scan."""
    from bot.cli.bench import run_bench, table  # heavy imports only for this command

    if args.quotes < 100 or args.queries < 3:
        raise UsageError("--quotes must be at least 100 and --queries at least 3")
    result = run_bench(args.quotes, args.queries, args.seed, args.db, settings, jobs=args.jobs)
    print(result.model_dump_json(indent=2) if args.json else table(result))
    return 0


def _positive(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _use_color(args: argparse.Namespace) -> bool:
    return not getattr(args, "no_color", False) and sys.stdout.isatty()


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


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every sub-command."""
    parser = _Parser(prog="quotebot", description="Who said it, the exact words, and where.")
    parser.add_argument("--config", help="config file (default: ./config/quotebot.toml)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug detail")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    db, corpus, output = _parents()
    p = sub.add_parser(
        "extract", parents=[output], help="print the attributed quotes of article files"
    )
    p.add_argument("paths", nargs="*", help="article files or directories")
    p.add_argument(
        "--sieves", action="store_true", help="list the attribution sieves, in the order run"
    )
    p.set_defaults(func=cmd_extract)
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
    p.set_defaults(func=cmd_ingest)
    p = sub.add_parser("whosaid", parents=[db, corpus, output], help="who said a phrase, and where")
    p.add_argument("phrase", nargs="*", help='the quoted words, e.g. "deserves to be in prison"')
    p.add_argument(
        "--batch",
        metavar="FILE",
        help="one query a line (- for standard input); prints one JSON answer a line",
    )
    p.set_defaults(func=cmd_whosaid)
    p = sub.add_parser(
        "context",
        parents=[db, corpus, output],
        help="a quote in its paragraph, or a speaker's record",
    )
    p.add_argument("phrase", nargs="+", help="a quoted phrase or a speaker's name")
    p.set_defaults(func=cmd_context)
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
    p.set_defaults(func=cmd_serve)
    p = sub.add_parser(
        "digest", parents=[db], help="print (--dry-run) or post (--now) the next digest"
    )
    mode = p.add_mutually_exclusive_group(required=True)
    mode.add_argument("--dry-run", action="store_true", help="print the next digest, post nothing")
    mode.add_argument("--now", action="store_true", help="post pending and new digests now")
    p.set_defaults(func=cmd_digest)
    p = sub.add_parser(
        "clock", parents=[db], help="run the scheduler: scan the corpus, post digests"
    )
    p.set_defaults(func=cmd_clock)
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
    p.set_defaults(func=cmd_corrections)
    p = sub.add_parser("migrate", parents=[db], help="create or upgrade the database schema")
    p.set_defaults(func=cmd_migrate)
    p = sub.add_parser("bench", help="benchmark ingest and whosaid on a synthetic corpus")
    p.add_argument("--quotes", type=int, default=20_000, help="corpus size in quotes")
    p.add_argument("--queries", type=int, default=300, help="queries (a third each kind)")
    p.add_argument("--seed", type=int, default=7, help="random seed (the corpus is deterministic)")
    p.add_argument("--db", help="an empty database URL to bench (default: a temporary SQLite)")
    p.add_argument(
        "--jobs", type=_positive, help="processes extracting articles (default: every core)"
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_bench)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``quotebot`` console script."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        print(f"quotebot: {exc}", file=sys.stderr)
        return 2
    # Long-running processes report what they do (their log is the operator's only view).
    quiet = logging.INFO if args.command in ("serve", "clock") else logging.WARNING
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else quiet,
        format="%(levelname)s %(name)s: %(message)s",
    )
    func: Callable[[argparse.Namespace, Settings], int] = args.func
    try:
        settings = load_settings(args.config)
        return func(args, settings)
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
