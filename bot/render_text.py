"""Terminal rendering (pure): aligned, optionally coloured tables of quotes and answers."""

from __future__ import annotations

import textwrap

from bot.models import ExtractedArticle

BOLD, DIM, GREEN, YELLOW, RESET = "\033[1m", "\033[2m", "\033[32m", "\033[33m", "\033[0m"


def paint(text: str, code: str, color: bool) -> str:
    """Wrap text in an ANSI code when colour is on."""
    return f"{code}{text}{RESET}" if color else text


def quotes_table(articles: list[ExtractedArticle], color: bool = False, width: int = 100) -> str:
    """One block per article: title line, then speaker | confidence | quote rows."""
    lines: list[str] = []
    total = 0
    for item in articles:
        a = item.article
        date = a.published.isoformat() if a.published else "undated"
        lines.append(paint(f"{a.id}  {date}  {a.title or ''}"[:width], BOLD, color))
        for q in item.quotes:
            total += 1
            who = q.speaker or "(unattributed)"
            who_col = paint(f"{who:<22.22}", GREEN if q.speaker else YELLOW, color)
            body = textwrap.shorten(f"“{q.text}”", width=width - 32, placeholder="…”")
            lines.append(f"  {who_col} {q.confidence:4.2f}  {body}")
        if not item.quotes:
            lines.append(paint("  (no quotes)", DIM, color))
        lines.append("")
    attributed = sum(1 for i in articles for q in i.quotes if q.speaker)
    lines.append(f"{len(articles)} articles, {total} quotes, {attributed} attributed")
    return "\n".join(lines)
