"""The ``quotebot`` command line. Exit codes: 0 success, 2 usage error, 1 any other error."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bot.corpus.reader import Skipped
from bot.errors import QuotebotError, UsageError
from bot.extraction import extract_paths
from bot.models import ExtractedArticle
from bot.render_text import quotes_table
from bot.settings import Settings, load_settings

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
                }
            )
            for q in item.quotes
        ],
    }


def cmd_extract(args: argparse.Namespace, settings: Settings) -> int:
    """Print the quotes of article files without touching any database."""
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


def _use_color(args: argparse.Namespace) -> bool:
    return not getattr(args, "no_color", False) and sys.stdout.isatty()


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every sub-command."""
    parser = _Parser(prog="quotebot", description="Who said it, the exact words, and where.")
    parser.add_argument("--config", help="config file (default: ./config/quotebot.toml)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug detail")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    p = sub.add_parser("extract", help="print the attributed quotes of article files")
    p.add_argument("paths", nargs="+", help="article files or directories")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--no-color", action="store_true", help="plain output")
    p.set_defaults(func=cmd_extract)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``quotebot`` console script."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        print(f"quotebot: {exc}", file=sys.stderr)
        return 2
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
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
    except KeyboardInterrupt:
        print("quotebot: interrupted", file=sys.stderr)
        return 130
