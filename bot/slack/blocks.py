"""Block Kit rendering (pure). Every piece of article text passes through ``escape``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

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
    verdict_meaning,
)
from bot.models import (
    AddedArticle,
    Answer,
    CheckItem,
    ContextAnswer,
    DeskCheck,
    Hit,
    QuoteRecord,
    Source,
    Stats,
    Watch,
)
from bot.slack.escape import code, escape, link_target, truncate

Block = dict[str, Any]
SECTION_LIMIT = 3000
QUOTE_LIMIT = 2400
MAX_BLOCKS = 50
VERDICT_ICON = {"verbatim": "✅", "close": "✏️", "paraphrase": "🔁", "not_found": "❓"}
CHECK = {
    "verbatim": "✅ verbatim",
    "altered": "✏️ altered",
    "wrong_speaker": "⚠️ different speaker on record",
    "not_found": "❓ not on record",
}
ADDS_BUSY = (
    "Quotebot is already reading several pages for the newsroom; nothing was added. "
    "Try this link again in a minute."
)
BUTTON_VALUE_LIMIT = 2000  # Slack's limit on a button's value
USAGE = {
    "/whosaid": (
        '*Usage:* `/whosaid "the quoted words"` — e.g. `/whosaid "deserves to be in prison"`'
    ),
    "/context": (
        '*Usage:* `/context "quoted words"` for the paragraph around a quote, or '
        "`/context Name` for what someone has said and what was said about them"
    ),
    "/quotebot": (
        "*Usage:*\n• `/quotebot add https://…` — index an article page (or a feed's or "
        "sitemap's articles); *Add to Quotebot* on a message with a link does the same\n"
        '• `/quotebot watch "Name"` or `/quotebot watch phrase "words"` — this channel gets '
        "an alert for each new article quoting them\n"
        "• `/quotebot watches` — this channel's watches, with buttons to stop them"
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
    target = link_target(source.link)
    if target is not None:
        return f"<{target}|{title}>"
    return f"{title} ({code(source.article_id)})"


def source_lines(sources: tuple[Source, ...], limit: int = 8) -> str:
    """Sources earliest first, each with its outlet and date in words; the first is labelled
    "First published" (or "First seen in our archive" when the article has no date)."""
    lines = []
    for i, s in enumerate(sources[:limit]):
        when = date_in_words(s.published) or "undated"
        outlet = f" · {escape(s.outlet)}" if s.outlet else ""
        byline = f" · by {escape(s.byline)}" if s.byline else ""
        label = f"{first_label(s)}: " if i == 0 else ""
        note = updated_note(s)
        changed = f" · ✏️ {note}" if note else ""
        lines.append(f"{label}{link(s)}{outlet}{byline} · {when}{changed}")
    if len(sources) > limit:
        lines.append(f"…and {len(sources) - limit} more")
    return "\n".join(lines)


def quote_block(text: str) -> Block:
    """The exact words on record, copy-ready: a rich-text quote, whose text Slack never reads
    as formatting, links or mentions (so no escaping, and nothing altered)."""
    words = text if len(text) <= QUOTE_LIMIT else truncate(text, QUOTE_LIMIT)
    return {
        "type": "rich_text",
        "elements": [{"type": "rich_text_quote", "elements": [{"type": "text", "text": words}]}],
    }


def quote_text(hit: Hit) -> str:
    """The quote as an escaped mrkdwn blockquote (lists of quotes in /context)."""
    text = escape(truncate(hit.quote, QUOTE_LIMIT))
    return "> " + text.replace("\n", "\n> ")


def diff_line(hit: Hit) -> str:
    """``Differs: you typed *had* — on record *has*``: whole words, in bold that renders."""
    return "Differs: " + "; ".join(diff_parts(hit, bold_words))


def bold_words(words: str) -> str:
    """Words in bold, each marked whole ("*had*"), never inside a word."""
    return " ".join(f"*{escape(w)}*" for w in words.split())


def hit_label(hit: Hit) -> str:
    """The hit's own verdict and speaker: every result says what it is."""
    name = VERDICT_NAME[hit.verdict]
    who = (
        f"*{escape(hit.speaker)}*"
        if hit.speaker
        else f"_{UNATTRIBUTED}_ (the article does not say who)"
    )
    role = f", {escape(hit.role)}" if hit.role and hit.speaker else ""
    return f"{VERDICT_ICON[hit.verdict]} *{name}* · {who}{role}"


def desk_actions(hit: Hit) -> Block | None:
    """ "Wrong attribution?" and "Checked ✓" for a quote on record (not reported speech): the
    value names the quote by its first article and its number there."""
    if hit.verdict == "paraphrase" or not hit.sources or hit.sources[0].quote_n is None:
        return None
    value = json.dumps({"a": hit.sources[0].article_id, "n": hit.sources[0].quote_n})
    return {
        "type": "actions",
        "elements": [
            {
                "type": "button",
                "action_id": "correct_quote",
                "text": {"type": "plain_text", "text": "Wrong attribution?"},
                "value": value,
            },
            {
                "type": "button",
                "action_id": "confirm_quote",
                "text": {"type": "plain_text", "text": "Checked ✓"},
                "value": value,
            },
        ],
    }


def correction_modal(record: QuoteRecord, metadata: str) -> dict[str, Any]:
    """The "Wrong attribution?" form: the right speaker (or "not a quote") and a note."""
    initial = {"initial_value": record.speaker} if record.speaker else {}
    return {
        "type": "modal",
        "callback_id": "correct_submit",
        "private_metadata": metadata,
        "title": {"type": "plain_text", "text": "Correct attribution"},
        "submit": {"type": "plain_text", "text": "Save correction"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": [
            quote_block(record.text),
            context_line(
                f"Now attributed to: *{escape(record.speaker or UNATTRIBUTED)}* · "
                f"{escape(truncate(record.article.title or record.article.id, 150))}"
            ),
            {
                "type": "input",
                "block_id": "speaker",
                "optional": True,
                "label": {"type": "plain_text", "text": "Who said it"},
                "element": {
                    "type": "plain_text_input",
                    "action_id": "value",
                    "max_length": 200,
                    **initial,
                },
            },
            {
                "type": "input",
                "block_id": "not_quote",
                "optional": True,
                "label": {"type": "plain_text", "text": "Or"},
                "element": {
                    "type": "checkboxes",
                    "action_id": "value",
                    "options": [
                        {
                            "text": {"type": "plain_text", "text": "Not a quote"},
                            "value": "not_quote",
                        }
                    ],
                },
            },
            {
                "type": "input",
                "block_id": "note",
                "optional": True,
                "label": {"type": "plain_text", "text": "Note (what shows it)"},
                "element": {
                    "type": "plain_text_input",
                    "action_id": "value",
                    "multiline": True,
                    "max_length": 1000,
                },
            },
        ],
    }


def notice_modal(text: str) -> dict[str, Any]:
    """A modal that only tells the user something."""
    return {
        "type": "modal",
        "title": {"type": "plain_text", "text": "Correct attribution"},
        "close": {"type": "plain_text", "text": "OK"},
        "blocks": [section(escape(text))],
    }


def refusal_modal(group: str) -> dict[str, Any]:
    """Why this user cannot correct attributions."""
    return notice_modal(
        "Only the desk's editors can correct attributions here (members of the user group "
        f"{group}). Ask one of them, or your Slack admin to add you."
    )


def desk_recorded(check: DeskCheck) -> str:
    """The confirmation an editor sees after a correction or check."""
    quote = escape(truncate(check.quote, 120))
    if check.kind == "speaker":
        now, was = escape(check.speaker or ""), escape(check.original_speaker or UNATTRIBUTED)
        return (
            f"✏️ Correction recorded: “{quote}” is now attributed to *{now}* (was {was}). "
            "Every answer shows it."
        )
    if check.kind == "not_quote":
        return f"✏️ Recorded: “{quote}” is not a quote; answers leave it out."
    return f"☑️ Recorded: you checked “{quote}” against the source."


def hit_blocks(hit: Hit, actions: bool = False) -> list[Block]:
    """Label, the words (a quote, or the reporter's sentence), differences, sources, evidence;
    with ``actions``, the desk's buttons."""
    blocks = [section(hit_label(hit))]
    if hit.verdict == "paraphrase":
        said = reported_label(hit).capitalize()
        blocks.append(context_line(f"{said}: {escape(truncate(hit.quote, 600))}"))
    else:
        blocks.append(quote_block(hit.quote))
    notes = []
    if hit.verdict != "paraphrase" and len(hit.quote) > QUOTE_LIMIT:
        notes.append(f"The quote is cut here — full quote: {link(hit.sources[0])}")
    if hit.verdict == "close" and hit.diff:
        notes.append(diff_line(hit))
    notes.extend(f"⚠️ {escape(outside_warning(run))}" for run in hit.outside_marks)
    if (named_in := named_in_line(hit)) is not None:
        notes.append(escape(named_in))
    if (corrected := correction_line(hit)) is not None:
        notes.append(f"✏️ {escape(corrected)}")
    if (checked := confirmation_line(hit)) is not None:
        notes.append(f"☑️ {escape(checked)}")
    for note in notes:
        blocks.append(context_line(note))
    blocks.append(section(source_lines(hit.sources)))
    details = []
    if evidence_worth_showing(hit):
        details.append(f"Evidence: “{escape(truncate(hit.evidence or '', 400))}”")
    if hit.confidence is not None and hit.speaker:
        details.append(f"attribution confidence {hit.confidence:.2f}")
    if details:
        blocks.append(context_line(" · ".join(details)))
    if actions and (buttons := desk_actions(hit)) is not None:
        blocks.append(buttons)
    return blocks


def answer_blocks(
    answer: Answer, with_button: bool = True, shared_by: str | None = None
) -> list[Block]:
    """The /whosaid answer: a contested attribution first, then the verdict, the speaker the
    query claims, each hit, and a "Post in channel" button; ``shared_by``: who posted it. A
    pasted passage: each of its quotes answered in turn."""
    blocks: list[Block] = [shared_line(shared_by)] if shared_by else []
    if answer.parts:
        blocks.append(section(f"*{escape(passage_line(answer))}*"))
        for i, part in enumerate(answer.parts, 1):
            blocks.append({"type": "divider"})
            blocks.append(context_line(f"*Quote {i} of {len(answer.parts)}*"))
            blocks.extend(_answer_body(part, actions=with_button, named=PASSAGE_NAMES))
    else:
        blocks.extend(_answer_body(answer, actions=with_button))
    if with_button and (answer.hits or answer.parts):
        blocks.append(share_button("post_in_channel", answer.query[:BUTTON_VALUE_LIMIT]))
    return fit(blocks)


def _answer_body(answer: Answer, actions: bool, named: str = YOU_NAMED) -> list[Block]:
    blocks: list[Block] = []
    if (conflict := conflict_line(answer)) is not None:
        blocks.append(section(f"⚠️ *{escape(conflict)}*"))
    if answer.speaker_named and not answer.hits:  # a name: their record is /context
        name = escape(answer.speaker_named)
        blocks.append(section(f"*{name}* is a speaker in our archive: `/context {name}`"))
        return blocks
    verdict = f"{VERDICT_ICON[answer.verdict]} *{VERDICT_NAME[answer.verdict]}* — "
    meaning = verdict_meaning(answer)
    if answer.incomplete and not answer.hits:
        meaning = "nothing found in the time allowed"
    blocks.append(section(f"{verdict}{meaning}\n_You asked:_ “{escape(answer.query)}”"))
    if (claim := claim_line(answer, named)) is not None:
        warn = "⚠️ " if answer.speaker_check == "differs" else ""
        blocks.append(context_line(warn + escape(claim)))
    if answer.incomplete:
        blocks.append(context_line(f"⏱️ {INCOMPLETE}"))
    if answer.speaker_named:
        name = escape(answer.speaker_named)
        blocks.append(context_line(f"{name} is a speaker in our archive: `/context {name}`"))
    if not answer.hits:
        blocks.append(context_line("Check the wording, or search a shorter, distinctive part."))
    for hit in answer.hits:
        blocks.append({"type": "divider"})
        blocks.extend(hit_blocks(hit, actions=actions))
    return blocks


def context_blocks(ctx: ContextAnswer) -> list[Block]:
    """The /context answer."""
    blocks: list[Block] = []
    if ctx.kind == "quote" and ctx.hit is not None:
        blocks.extend(hit_blocks(ctx.hit, actions=True))
        if ctx.antecedent:
            blocks.append(context_line(f"Named in: “{escape(truncate(ctx.antecedent, 400))}”"))
        for idx, text in ctx.paragraphs:
            body = escape(text)
            blocks.append(section(f"*{body}*" if idx == ctx.focus_paragraph else body))
    elif ctx.kind == "ambiguous":
        names = [f"{c.name} ({c.role})" if c.role else c.name for c in ctx.candidates]
        blocks.append(section(escape(candidates_line(names))))
        blocks.append(
            context_line(" · ".join(f"`/context {escape(c.name)}`" for c in ctx.candidates))
        )
    elif ctx.kind == "speaker":
        if ctx.quotes_by:
            blocks.append(section(f"*{escape(ctx.speaker)}* — quotes on record (newest first)"))
        else:
            blocks.append(section(f"*{escape(ctx.speaker)}* — {NO_QUOTES.lower()}"))
        for h in ctx.quotes_by[:10]:
            blocks.append(section(f"{quote_text(h)}\n{source_lines(h.sources, 1)}"))
        if ctx.reported_by:
            blocks.append(
                section(f"*What the articles report {escape(ctx.speaker)} said* (no quote marks)")
            )
            for h in ctx.reported_by[:8]:
                blocks.append(
                    section(f"{escape(truncate(h.quote, 600))}\n{source_lines(h.sources, 1)}")
                )
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


def shared_line(user: str) -> Block:
    """Who put a result in the channel."""
    return context_line(f"Shared by {escape(user)} · checked with Quotebot")


def share_button(action_id: str, value: str) -> Block:
    """ "Post in channel": the value is what to answer again, in the channel."""
    return {
        "type": "actions",
        "elements": [
            {
                "type": "button",
                "action_id": action_id,
                "text": {"type": "plain_text", "text": "Post in channel"},
                "value": value,
            }
        ],
    }


def check_blocks(
    items: list[CheckItem], draft: str | None = None, shared_by: str | None = None
) -> list[Block]:
    """The "Check quotes" result: one line per quoted passage of the draft; with ``draft``
    (short enough to carry), a button to post it in the channel; ``shared_by``: who did."""
    if not items:
        return [section("No quoted passages found in that message.")]
    blocks: list[Block] = [shared_line(shared_by)] if shared_by else []
    blocks.append(section(f"*Checked {len(items)} quoted passage(s)*"))
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
            if (corrected := correction_line(hit)) is not None:
                lines.append(f"✏️ {escape(corrected)}")
            lines.append(source_lines(hit.sources, 1))
        blocks.append(section("\n".join(lines)))
        if hit is not None and shared_by is None and (buttons := desk_actions(hit)) is not None:
            blocks.append(buttons)
    if draft is not None and len(draft) <= BUTTON_VALUE_LIMIT:
        blocks.append(share_button("post_check_in_channel", draft))
    return fit(blocks)


def usage_blocks(command: str) -> list[Block]:
    """Usage help for a command."""
    return [section(USAGE.get(command, USAGE["/whosaid"]))]


def added_blocks(added: Sequence[AddedArticle], problem: str | None) -> list[Block]:
    """What an editor's "add" indexed: each article with its quotes and speakers."""
    blocks: list[Block] = []
    for item in added:
        title = escape(truncate(item.title or item.article_id, 150))
        target = link_target(item.url or "")
        name = f"<{target}|{title}>" if target else title
        outlet = f" · {escape(item.outlet)}" if item.outlet else ""
        who = ", ".join(escape(sp) for sp in item.speakers[:8]) or "no named speakers"
        more = f" and {len(item.speakers) - 8} more" if len(item.speakers) > 8 else ""
        quotes = f"{item.quotes} quote{'s' if item.quotes != 1 else ''}"
        blocks.append(section(f"✅ Indexed {name}{outlet}\n{quotes} · {who}{more}"))
    if problem:
        blocks.append(section(f"⚠️ Not indexed: {escape(problem)}"))
    if not blocks:
        blocks.append(section("Nothing to index at that address."))
    return blocks


def _watch_name(watch: Watch) -> str:
    if watch.kind == "speaker":
        return f"*{escape(watch.target)}*"
    return f"the phrase “{escape(watch.target)}”"


def watch_added_blocks(watch: Watch, new: bool) -> list[Block]:
    """The reply to ``/quotebot watch``."""
    if not new:
        return [section(f"🔔 This channel already watches {_watch_name(watch)}.")]
    return [
        section(
            f"🔔 This channel now watches {_watch_name(watch)}: each new article that quotes "
            "it gets one alert here."
        )
    ]


def watches_blocks(active: Sequence[Watch], removed: Watch | None = None) -> list[Block]:
    """A channel's watches, each with an "Unwatch" button."""
    blocks: list[Block] = []
    if removed is not None:
        blocks.append(context_line(f"Stopped watching {_watch_name(removed)}."))
    if not active:
        blocks.append(section('This channel watches nothing. `/quotebot watch "Name"` starts.'))
        return blocks
    blocks.append(section(f"*This channel watches {len(active)}:*"))
    for watch in active[:40]:
        blocks.append(
            {
                "type": "section",
                "text": {
                    "type": "mrkdwn",
                    "text": truncate(
                        f"{_watch_name(watch)} · since {watch.created_at:%d %b %Y} · "
                        f"by {escape(watch.created_by)}",
                        SECTION_LIMIT,
                    ),
                },
                "accessory": {
                    "type": "button",
                    "action_id": "unwatch",
                    "text": {"type": "plain_text", "text": "Unwatch"},
                    "value": str(watch.id),
                },
            }
        )
    return blocks


def error_blocks(error_id: str) -> list[Block]:
    """The apology a user sees when something failed."""
    return [section(f"Sorry — something went wrong on our side. (error id `{error_id}`)")]


def desk_line(check: DeskCheck) -> str:
    """One line of the desk's record (App Home)."""
    when = date_in_words(check.at.isoformat())
    quote = escape(truncate(check.quote, 80))
    what = {
        "speaker": f"attributed “{quote}” to {escape(check.speaker or '')}",
        "not_quote": f"marked “{quote}” not a quote",
        "confirmed": f"checked “{quote}”",
    }[check.kind]
    withdrawn = (
        f" _(withdrawn by {escape(check.withdrawn_by or '')})_" if check.withdrawn_at else ""
    )
    return f"• {when} · {escape(check.user)} {what}{withdrawn}"


def home_view(
    stats: Stats, last_digest: str | None, desk: Sequence[DeskCheck] = ()
) -> dict[str, Any]:
    """The App Home tab: how to use Quotebot, what the archive holds, the desk's checks."""
    ingested = date_in_words(stats.last_ingest) or "never"
    return {
        "type": "home",
        "blocks": [
            {"type": "header", "text": {"type": "plain_text", "text": "Quotebot"}},
            section(
                "*Who said it, the exact words, and where.*\n"
                '• `/whosaid "quoted words"` — speaker, verdict, sources (earliest first)\n'
                '• `/context "quoted words"` or `/context Name` — the paragraph, or a record\n'
                "• *Check quotes* (message shortcut) — check every quote in a draft\n"
                "• `/quotebot add https://…` or *Add to Quotebot* on a link — index an article\n"
                "• Mention me or DM me with a phrase in quotes"
            ),
            {"type": "divider"},
            section(
                f"*Archive:* {stats.articles:,} articles · {stats.quotes:,} quotes · "
                f"{stats.speakers:,} speakers\n*Last ingest:* {ingested}\n"
                f"*Last digest:* {escape(last_digest) if last_digest else 'none yet'}"
            ),
            {"type": "divider"},
            section(
                "*The desk's recent corrections and checks*\n"
                + ("\n".join(desk_line(c) for c in desk) or "none yet")
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
