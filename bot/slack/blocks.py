"""Block Kit rendering (pure). Every piece of article text passes through ``escape``."""

from __future__ import annotations

from typing import Any

from bot.models import Answer, CheckItem, ContextAnswer, Hit, Source, Stats
from bot.slack.escape import escape, truncate

Block = dict[str, Any]
SECTION_LIMIT = 3000
QUOTE_LIMIT = 2400
MAX_BLOCKS = 50
VERDICT = {
    "verbatim": "✅ *Verbatim* — these exact words are on record",
    "close": "✏️ *Altered* — close to words on record, but not the same",
    "paraphrase": "🔁 *Paraphrase* — the idea is reported, not quoted",
    "not_found": "❓ *Not found* — nothing in the archive is close enough",
}
CHECK = {
    "verbatim": "✅ verbatim",
    "altered": "✏️ altered",
    "wrong_speaker": "⚠️ different speaker on record",
    "not_found": "❓ not on record",
}
USAGE = {
    "/whosaid": (
        '*Usage:* `/whosaid "the quoted words"` — e.g. `/whosaid "deserves to be in prison"`'
    ),
    "/context": (
        '*Usage:* `/context "quoted words"` for the paragraph around a quote, or '
        "`/context Name` for what someone has said and what was said about them"
    ),
}


def section(text: str) -> Block:
    """A mrkdwn section, cut to Slack's limit."""
    return {"type": "section", "text": {"type": "mrkdwn", "text": truncate(text, SECTION_LIMIT)}}


def context_line(text: str) -> Block:
    """A small grey context line."""
    return {
        "type": "context",
        "elements": [{"type": "mrkdwn", "text": truncate(text, SECTION_LIMIT)}],
    }


def link(source: Source) -> str:
    """A source as a Slack link (title as label) when it has a URL, else its title and id."""
    title = escape(truncate(source.title or source.article_id, 150))
    if source.link.startswith(("http://", "https://")):
        return f"<{escape(source.link)}|{title}>"
    return f"{title} (`{escape(source.article_id)}`)"


def source_lines(sources: tuple[Source, ...], limit: int = 8) -> str:
    """Sources earliest first; the first is labelled as the first seen in our archive."""
    lines = []
    for i, s in enumerate(sources[:limit]):
        date = (s.published or "undated")[:10]
        outlet = f" · {escape(s.outlet)}" if s.outlet else ""
        label = "First seen in our archive: " if i == 0 else ""
        lines.append(f"{label}{link(s)}{outlet} · {date}")
    if len(sources) > limit:
        lines.append(f"…and {len(sources) - limit} more")
    return "\n".join(lines)


def quote_text(hit: Hit) -> str:
    """The quote as a blockquote; for an altered quote the words that differ are in bold."""
    text = escape(hit.quote)
    if hit.verdict == "close" and hit.diff:
        for d in hit.diff:
            if d.record:
                text = text.replace(escape(d.record), f"*{escape(d.record)}*", 1)
    if len(text) > QUOTE_LIMIT:
        text = truncate(text, QUOTE_LIMIT) + f" (full quote: {link(hit.sources[0])})"
    return "> " + text.replace("\n", "\n> ")


def diff_line(hit: Hit) -> str:
    """``You typed “deserve” — on record “deserves”; …``."""
    parts = []
    for d in hit.diff or ():
        if d.op == "insert":
            parts.append(f"on record adds “{escape(d.record)}”")
        elif d.op == "delete":
            parts.append(f"you typed “{escape(d.query)}”, not on record")
        else:
            parts.append(f"you typed “{escape(d.query)}” — on record “{escape(d.record)}”")
    return "Differs: " + "; ".join(parts)


def hit_blocks(hit: Hit) -> list[Block]:
    """Speaker, quote, differences, sources and evidence of one hit."""
    who = escape(hit.speaker) if hit.speaker else "_unattributed_ (the article does not say who)"
    role = f", {escape(hit.role)}" if hit.role else ""
    blocks = [section(f"*{who}*{role}\n{quote_text(hit)}")]
    if hit.verdict == "close" and hit.diff:
        blocks.append(context_line(diff_line(hit)))
    blocks.append(section(source_lines(hit.sources)))
    details = []
    if hit.evidence:
        details.append(f"Evidence: “{escape(truncate(hit.evidence, 400))}”")
    if hit.confidence is not None and hit.speaker:
        details.append(f"attribution confidence {hit.confidence:.2f}")
    if details:
        blocks.append(context_line(" · ".join(details)))
    return blocks


def answer_blocks(answer: Answer, with_button: bool = True) -> list[Block]:
    """The /whosaid answer: verdict line, hits, and a "Post in channel" button."""
    blocks: list[Block] = [
        section(f"{VERDICT[answer.verdict]}\n_You asked:_ “{escape(answer.query)}”")
    ]
    if not answer.hits:
        blocks.append(context_line("Check the wording, or search a shorter, distinctive part."))
    for hit in answer.hits:
        blocks.append({"type": "divider"})
        blocks.extend(hit_blocks(hit))
    if with_button and answer.hits:
        blocks.append(
            {
                "type": "actions",
                "elements": [
                    {
                        "type": "button",
                        "action_id": "post_in_channel",
                        "text": {"type": "plain_text", "text": "Post in channel"},
                        "value": answer.query[:2000],
                    }
                ],
            }
        )
    return fit(blocks)


def context_blocks(ctx: ContextAnswer) -> list[Block]:
    """The /context answer."""
    blocks: list[Block] = []
    if ctx.kind == "quote" and ctx.hit is not None:
        blocks.extend(hit_blocks(ctx.hit))
        if ctx.antecedent:
            blocks.append(context_line(f"Named in: “{escape(truncate(ctx.antecedent, 400))}”"))
        for idx, text in ctx.paragraphs:
            body = escape(text)
            blocks.append(section(f"*{body}*" if idx == ctx.focus_paragraph else body))
    elif ctx.kind == "speaker":
        blocks.append(section(f"*{escape(ctx.speaker)}* — quotes on record (newest first)"))
        for h in ctx.quotes_by[:10]:
            blocks.append(section(f"{quote_text(h)}\n{source_lines(h.sources, 1)}"))
        if ctx.quotes_about:
            blocks.append(section(f"*Quotes that mention {escape(ctx.speaker)}*"))
            for h in ctx.quotes_about[:8]:
                who = escape(h.speaker) if h.speaker else "_unattributed_"
                blocks.append(section(f"{who}:\n{quote_text(h)}\n{source_lines(h.sources, 1)}"))
    elif ctx.kind == "keyword":
        blocks.append(section(f"No quote matches “{escape(ctx.query)}”; the words appear in:"))
        for sn in ctx.snippets:
            blocks.append(section(f"…{escape(sn.text)}…\n{link(sn.source)}"))
    else:
        blocks.append(section(f"❓ “{escape(ctx.query)}” is not in the archive."))
    return fit(blocks)


def check_blocks(items: list[CheckItem]) -> list[Block]:
    """The "Check quotes" result: one line per quoted passage of the draft."""
    if not items:
        return [section("No quoted passages found in that message.")]
    blocks: list[Block] = [section(f"*Checked {len(items)} quoted passage(s)*")]
    for item in items:
        lines = [f"{CHECK[item.status]}: “{escape(truncate(item.quote, 300))}”"]
        hit = item.hit
        if hit is not None:
            who = escape(hit.speaker) if hit.speaker else "unattributed"
            if item.status == "wrong_speaker":
                lines.append(f"Draft says *{escape(item.draft_speaker)}*; on record: *{who}*")
            else:
                lines.append(f"On record: *{who}*")
            if item.status == "altered" and hit.diff:
                lines.append(diff_line(hit))
            lines.append(source_lines(hit.sources, 1))
        blocks.append(section("\n".join(lines)))
    return fit(blocks)


def usage_blocks(command: str) -> list[Block]:
    """Usage help for a command."""
    return [section(USAGE.get(command, USAGE["/whosaid"]))]


def error_blocks(error_id: str) -> list[Block]:
    """The apology a user sees when something failed."""
    return [section(f"Sorry — something went wrong on our side. (error id `{error_id}`)")]


def home_view(stats: Stats, last_digest: str | None) -> dict[str, Any]:
    """The App Home tab: how to use Quotebot and what the archive holds."""
    return {
        "type": "home",
        "blocks": [
            {"type": "header", "text": {"type": "plain_text", "text": "Quotebot"}},
            section(
                "*Who said it, the exact words, and where.*\n"
                '• `/whosaid "quoted words"` — speaker, verdict, sources (earliest first)\n'
                '• `/context "quoted words"` or `/context Name` — the paragraph, or a record\n'
                "• *Check quotes* (message shortcut) — check every quote in a draft\n"
                "• Mention me or DM me with a phrase in quotes"
            ),
            {"type": "divider"},
            section(
                f"*Archive:* {stats.articles:,} articles · {stats.quotes:,} quotes · "
                f"{stats.speakers:,} speakers\n*Last ingest:* {stats.last_ingest or 'never'}\n"
                f"*Last digest:* {escape(last_digest) if last_digest else 'none yet'}"
            ),
        ],
    }


def fit(blocks: list[Block]) -> list[Block]:
    """Keep within Slack's 50-block limit, saying what was left out."""
    if len(blocks) <= MAX_BLOCKS:
        return blocks
    kept = blocks[: MAX_BLOCKS - 1]
    kept.append(context_line(f"…{len(blocks) - len(kept)} more blocks not shown"))
    return kept


def plain_text(blocks: list[Block]) -> str:
    """A notification fallback for a message (first section's text, cut)."""
    for b in blocks:
        if b.get("type") == "section":
            return truncate(str(b["text"]["text"]), 300)
    return "Quotebot"
