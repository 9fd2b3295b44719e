"""``quotebot extract``: the attributed quotes of article files, no database touched."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from bot.cli.common import use_color
from bot.cli.render import quotes_table
from bot.corpus.reader import Skipped
from bot.errors import UsageError
from bot.extraction import extract_paths
from bot.models import ExtractedArticle
from bot.settings import Settings


def article_json(item: ExtractedArticle) -> dict[str, Any]:
    """One article in the ``extract --json`` contract."""
    a = item.article
    return {
        "id": a.id,
        "title": a.title,
        "published": a.published.isoformat() if a.published else None,
        "url": a.url,
        "outlet": a.outlet,
        "language": item.language,
        "attributed": item.attributed,
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
        return print_sieves(settings)
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
        print(quotes_table(articles, color=use_color(args)))
    return 0


def print_sieves(settings: Settings) -> int:
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
