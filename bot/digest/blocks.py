"""Rendering a digest (pure): Slack messages within Block Kit limits, and plain text."""

from __future__ import annotations

from collections.abc import Sequence

from bot.models import ArticleMeta, Digest, DigestArticle, QuoteRecord, Watch
from bot.slack.blocks import Block, context_line, section
from bot.slack.escape import escape, link_target, truncate

BLOCKS_PER_MESSAGE = 40
CHARS_PER_MESSAGE = 12_000


def _article_block(item: DigestArticle) -> Block:
    a = item.article
    title = escape(truncate(a.title or a.id, 150))
    target = link_target(item.link)
    heading = f"<{target}|{title}>" if target is not None else f"*{title}*"
    meta = " · ".join(
        x for x in (escape(a.outlet) if a.outlet else None, (a.published or "")[:10] or None) if x
    )
    lines = [f"{heading}" + (f"\n{meta}" if meta else "")]
    for q in item.quotes:
        who = escape(q.speaker) if q.speaker else "_unattributed_"
        lines.append(f"> “{escape(truncate(q.text, 300))}” — {who}")
    if not item.quotes:
        lines.append("_no quotes_")
    elif item.quote_count > len(item.quotes):
        lines.append(f"_+{item.quote_count - len(item.quotes)} more quote(s)_")
    return section("\n".join(lines))


def digest_messages(digest: Digest) -> list[tuple[str, list[Block]]]:
    """(fallback text, blocks) per message; long digests are split across messages."""
    n = len(digest.articles)
    date = digest.created_at.strftime("%a %d %b %Y")
    header = f"📰 Quotebot digest — {date} · {n} new article{'s' if n != 1 else ''}"
    body: list[Block] = []
    for item in digest.articles:
        body.append(_article_block(item))
        body.append({"type": "divider"})
    if digest.top_speakers:
        most = ", ".join(f"{escape(name)} ({count})" for name, count in digest.top_speakers)
        body.append(context_line(f"Most quoted in this digest: {most}"))
    messages: list[list[Block]] = [[section(f"*{header}*")]]
    size = 0
    for block in body:
        length = len(str(block))
        if len(messages[-1]) >= BLOCKS_PER_MESSAGE or size + length > CHARS_PER_MESSAGE:
            messages.append([])
            size = 0
        messages[-1].append(block)
        size += length
    total = len(messages)
    out = []
    for i, blocks in enumerate(messages):
        text = header if i == 0 else f"{header} (part {i + 1} of {total})"
        if i > 0:
            blocks.insert(0, context_line(f"Quotebot digest, part {i + 1} of {total}"))
        out.append((text, blocks))
    return out


def digest_text(digest: Digest) -> str:
    """The digest as plain text (``quotebot digest --dry-run``)."""
    n = len(digest.articles)
    lines = [f"Quotebot digest — {digest.created_at:%a %d %b %Y} · {n} new article(s)", ""]
    for item in digest.articles:
        a = item.article
        lines.append(
            f"{a.title or a.id}  [{a.outlet or ''} {(a.published or 'undated')[:10]}]  {item.link}"
        )
        for q in item.quotes:
            lines.append(f"    “{truncate(q.text, 200)}” — {q.speaker or 'unattributed'}")
        lines.append("")
    if digest.top_speakers:
        lines.append("Most quoted: " + ", ".join(f"{s} ({c})" for s, c in digest.top_speakers))
    return "\n".join(lines)


def watch_alert_message(
    watch: Watch, article: ArticleMeta, quotes: Sequence[QuoteRecord], link: str
) -> tuple[str, list[Block]]:
    """One watch alert: what is watched, the article (linked), and the quotes it carries."""
    what = (
        f"{escape(watch.target)} is quoted"
        if watch.kind == "speaker"
        else f"“{escape(watch.target)}” appears in a quote"
    )
    title = escape(truncate(article.title or article.id, 150))
    target = link_target(link)
    heading = f"<{target}|{title}>" if target is not None else f"*{title}*"
    outlet = f" · {escape(article.outlet)}" if article.outlet else ""
    lines = [f"🔔 *Watch:* {what}", f"{heading}{outlet}"]
    for q in list(quotes)[:5]:
        who = escape(q.speaker) if q.speaker else "_unattributed_"
        lines.append(f"> “{escape(truncate(q.text, 300))}” — {who}")
    if len(quotes) > 5:
        lines.append(f"_+{len(quotes) - 5} more_")
    plain = f"Watch: {watch.target} — {article.title or article.id}"
    blocks = [
        section("\n".join(lines)),
        context_line(f"Watched since {watch.created_at:%d %b %Y} · `/quotebot watches` lists them"),
    ]
    return plain, blocks
