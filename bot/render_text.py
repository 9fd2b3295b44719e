"""Terminal rendering (pure): aligned, optionally coloured tables of quotes and answers."""

from __future__ import annotations

import textwrap

from bot.models import Answer, ContextAnswer, ExtractedArticle, Hit, Source

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


VERDICT_LABEL = {
    "verbatim": ("VERBATIM", GREEN),
    "close": ("ALTERED", YELLOW),
    "paraphrase": ("PARAPHRASE", YELLOW),
    "not_found": ("NOT FOUND", YELLOW),
}


def diff_text(hit: Hit) -> str:
    """``deserve → deserves; jail → prison`` for a close hit."""
    parts = []
    for d in hit.diff or ():
        if d.op == "insert":
            parts.append(f"+{d.record} (on record, not typed)")
        elif d.op == "delete":
            parts.append(f"-{d.query} (typed, not on record)")
        else:
            parts.append(f"{d.query} → {d.record}")
    return "; ".join(parts)


def source_lines(sources: tuple[Source, ...], indent: str = "    ") -> list[str]:
    """One line per source: date, title, outlet, link."""
    out = []
    for s in sources:
        date = (s.published or "undated")[:10]
        outlet = f" ({s.outlet})" if s.outlet else ""
        out.append(f"{indent}{date:<10}  {(s.title or s.article_id)[:70]}{outlet}  {s.link}")
    return out


def hit_lines(hit: Hit, color: bool) -> list[str]:
    """The lines of one hit."""
    label, code = VERDICT_LABEL[hit.verdict]
    who = hit.speaker or "(unattributed)"
    role = f", {hit.role}" if hit.role else ""
    conf = f"  confidence {hit.confidence:.2f}" if hit.confidence is not None else ""
    lines = [
        f"{paint(f'{label:<10}', BOLD + code, color)} {paint(who, BOLD, color)}{role}"
        f"  score {hit.score:.0f}{conf}",
        "  " + textwrap.shorten(f"“{hit.quote}”", width=200, placeholder="…”"),
    ]
    if hit.verdict == "close" and hit.diff:
        lines.append("  differs: " + diff_text(hit))
    if hit.evidence:
        lines.append(paint("  evidence: " + textwrap.shorten(hit.evidence, 200), DIM, color))
    lines.append("  sources (first seen in our archive first):")
    lines.extend(source_lines(hit.sources))
    return lines


def answer_text(answer: Answer, color: bool = False) -> str:
    """A whosaid answer for the terminal."""
    if not answer.hits:
        return (
            f"NOT FOUND  nothing in the archive is close to “{answer.query}”.\n"
            "  Check the wording, or search a shorter distinctive part of the quote."
        )
    lines: list[str] = []
    for hit in answer.hits:
        lines.extend(hit_lines(hit, color))
        lines.append("")
    return "\n".join(lines).rstrip()


def context_text(ctx: ContextAnswer, color: bool = False) -> str:
    """A context answer for the terminal."""
    lines: list[str] = []
    if ctx.kind == "quote" and ctx.hit is not None:
        lines.extend(hit_lines(ctx.hit, color))
        if ctx.antecedent:
            lines.append(paint("  named in: " + textwrap.shorten(ctx.antecedent, 200), DIM, color))
        lines.append("")
        for idx, text in ctx.paragraphs:
            marker = "▶ " if idx == ctx.focus_paragraph else "  "
            body = paint(text, BOLD, color) if idx == ctx.focus_paragraph else text
            lines.append(
                textwrap.fill(body, width=100, initial_indent=marker, subsequent_indent="  ")
            )
            lines.append("")
    elif ctx.kind == "speaker":
        lines.append(paint(f"{ctx.speaker}", BOLD, color))
        lines.append(f"  quotes by {ctx.speaker} (newest first):")
        for h in ctx.quotes_by:
            lines.append("    " + textwrap.shorten(f"“{h.quote}”", 110))
            lines.extend(source_lines(h.sources, indent="      "))
        if ctx.quotes_about:
            lines.append(f"  quotes that mention {ctx.speaker}:")
            for h in ctx.quotes_about:
                who = h.speaker or "(unattributed)"
                lines.append("    " + textwrap.shorten(f"{who}: “{h.quote}”", 110))
                lines.extend(source_lines(h.sources, indent="      "))
        lines.append("  articles:")
        lines.extend(source_lines(ctx.articles))
    elif ctx.kind == "keyword":
        lines.append(f"No quote matches “{ctx.query}”; the words appear in:")
        for sn in ctx.snippets:
            lines.append("  " + textwrap.shorten(sn.text, 180))
            lines.extend(source_lines((sn.source,), indent="      "))
    else:
        lines.append(f"NOT FOUND  “{ctx.query}” is not in the archive.")
    return "\n".join(lines).rstrip()
