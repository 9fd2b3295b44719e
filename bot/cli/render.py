"""Terminal rendering (pure): aligned, optionally coloured tables of quotes and answers."""

from __future__ import annotations

import textwrap

from bot.answers.words import (
    INCOMPLETE,
    NO_QUOTES,
    PASSAGE_NAMES,
    UNATTRIBUTED,
    VERDICT_NAME,
    YOU_NAMED,
    candidates_line,
    claim_line,
    confirmation_line,
    conflict_line,
    correction_line,
    date_in_words,
    diff_parts,
    evidence_worth_showing,
    first_label,
    named_in_line,
    outside_warning,
    passage_line,
    reported_label,
    updated_note,
)
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


def diff_text(hit: Hit) -> str:
    """``you typed “had” — on record “has”`` for an altered hit."""
    return "; ".join(diff_parts(hit, lambda w: f"“{w}”"))


def source_lines(sources: tuple[Source, ...], indent: str = "    ") -> list[str]:
    """One line per source, earliest first: date in words, title, outlet, link."""
    out = []
    for i, s in enumerate(sources):
        label = f"{first_label(s)}: " if i == 0 else "Also in: "
        when = date_in_words(s.published) or "undated"
        outlet = f" ({s.outlet}{', by ' + s.byline if s.byline else ''})" if s.outlet else ""
        note = updated_note(s)
        changed = f" [{note}]" if note else ""
        title = (s.title or s.article_id)[:70]
        out.append(f"{indent}{label}{when} · {title}{outlet}{changed}  {s.link}")
    return out


def hit_lines(hit: Hit, color: bool) -> list[str]:
    """The lines of one hit: its own verdict and speaker, the words, warnings, sources."""
    code = GREEN if hit.verdict == "verbatim" else YELLOW
    who = hit.speaker or UNATTRIBUTED.lower()
    role = f", {hit.role}" if hit.role and hit.speaker else ""
    conf = (
        f"  confidence {hit.confidence:.2f}" if hit.confidence is not None and hit.speaker else ""
    )
    label = paint(VERDICT_NAME[hit.verdict].upper(), BOLD + code, color)
    lines = [f"{label}  {paint(who, BOLD, color)}{role}{conf}"]
    if hit.verdict == "paraphrase":
        lines.append(f"  {reported_label(hit)}: " + textwrap.shorten(hit.quote, 200))
    else:
        lines.append("  " + textwrap.shorten(f"“{hit.quote}”", width=200, placeholder="…”"))
    if hit.verdict == "close" and hit.diff:
        lines.append("  differs: " + diff_text(hit))
    lines.extend(paint(f"  ! {outside_warning(run)}", YELLOW, color) for run in hit.outside_marks)
    if (named_in := named_in_line(hit)) is not None:
        lines.append(f"  {named_in}")
    for desk in (correction_line(hit), confirmation_line(hit)):
        if desk is not None:
            lines.append(paint(f"  {desk}", BOLD, color))
    if evidence_worth_showing(hit):
        lines.append(paint("  evidence: " + textwrap.shorten(hit.evidence or "", 200), DIM, color))
    lines.extend(source_lines(hit.sources, indent="  "))
    return lines


def answer_text(answer: Answer, color: bool = False, named: str = YOU_NAMED) -> str:
    """A whosaid answer for the terminal: a contested attribution first, then the hits; a
    pasted passage, quote by quote. ``named``: who named the claimed speaker."""
    if answer.parts:
        return _passage_text(answer, color)
    lines: list[str] = []
    if (conflict := conflict_line(answer)) is not None:
        lines.append(paint(f"! {conflict}", BOLD + YELLOW, color))
    if (claim := claim_line(answer, named)) is not None:
        lines.append(("! " if answer.speaker_check == "differs" else "") + claim)
    if answer.incomplete:
        lines.append(f"! {INCOMPLETE}")
    if answer.speaker_named:
        name = answer.speaker_named
        lines.append(f'{name} is a speaker in our archive: quotebot context "{name}"')
    if not answer.hits and answer.incomplete:
        lines.append(f"NOT FOUND  nothing found in the time allowed for “{answer.query}”.")
    elif not answer.hits and not answer.speaker_named:
        lines.append(
            f"NOT FOUND  nothing in the archive is close to “{answer.query}”.\n"
            "  Check the wording, or search a shorter distinctive part of the quote."
        )
    for hit in answer.hits:
        if lines:
            lines.append("")
        lines.extend(hit_lines(hit, color))
    return "\n".join(lines).rstrip()


def _passage_text(answer: Answer, color: bool) -> str:
    lines = [paint(passage_line(answer), BOLD, color)]
    for i, part in enumerate(answer.parts, 1):
        lines.append("")
        lines.append(paint(f"Quote {i} of {len(answer.parts)}: “{part.query}”", BOLD, color))
        lines.append(textwrap.indent(answer_text(part, color, PASSAGE_NAMES), "  "))
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
    elif ctx.kind == "ambiguous":
        names = [f"{c.name} ({c.role})" if c.role else c.name for c in ctx.candidates]
        lines.append(candidates_line(names))
        lines.extend(f'  quotebot context "{c.name}"' for c in ctx.candidates)
    elif ctx.kind == "speaker":
        lines.append(paint(f"{ctx.speaker}", BOLD, color))
        if ctx.quotes_by:
            lines.append(f"  quotes by {ctx.speaker} (newest first):")
        else:
            lines.append(f"  {NO_QUOTES} for {ctx.speaker}.")
        for h in ctx.quotes_by:
            lines.append("    " + textwrap.shorten(f"“{h.quote}”", 110))
            lines.extend(source_lines(h.sources, indent="      "))
        if ctx.reported_by:
            lines.append(f"  what the articles report {ctx.speaker} said (not in quote marks):")
        for h in ctx.reported_by:
            lines.append("    " + textwrap.shorten(h.quote, 110))
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
