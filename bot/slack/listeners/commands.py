"""Slash commands: /whosaid, /context, /quotebot (add, watch, watches)."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, Respond

from bot.answers.common import clean_query
from bot.answers.context import context
from bot.answers.whosaid import whosaid
from bot.errors import UsageError
from bot.ingest import add_url
from bot.models import WatchKind
from bot.slack import blocks as ui
from bot.slack.listeners.runtime import Runtime, reply

SLACK_LINK = re.compile(r"<(https?://[^|>\s]+)(?:\|[^>]*)?>")
BARE_LINK = re.compile(r"(https?://[^\s<>|]+)")


def watch_target(text: str) -> tuple[WatchKind, str] | None:
    """ "Elon Musk" → a speaker; phrase "rape gangs" → a phrase; None when nothing is named."""
    words = text.strip()
    kind: WatchKind = "speaker"
    if words.lower().startswith("phrase "):
        kind, words = "phrase", words[len("phrase ") :]
    target = words.strip().strip("\"“”'‘’").strip()
    return (kind, target) if target else None


def first_web_url(text: str) -> str | None:
    """The first http(s) link in Slack message text (``<https://…|label>``, ``<https://…>``)
    or typed plainly."""
    found = SLACK_LINK.search(text or "") or BARE_LINK.search(text or "")
    return found.group(1) if found else None


def whosaid_reply(rt: Runtime, text: str, respond: Respond, command: str = "/whosaid") -> None:
    """Answer words typed to /whosaid (or asked again from a button)."""
    try:
        clean_query(text)  # a clear word now; whosaid reads the text's own marks
    except UsageError as exc:
        respond(response_type="ephemeral", text=str(exc), blocks=ui.usage_blocks(command))
        return
    reply(respond, ui.answer_blocks(whosaid(text, rt.store, rt.search, rt.base)))


def add_in_background(rt: Runtime, body: dict[str, Any], url: str, respond: Respond) -> None:
    """Fetch and index a URL on the adds' own pool, or say it is full."""

    def add() -> None:
        added, problem = add_url(rt.store, url, rt.settings)
        reply(respond, ui.added_blocks(added, problem))

    if not rt.adds.try_submit(lambda: rt.guarded(body, add)):
        respond(response_type="ephemeral", text=ui.ADDS_BUSY)


def register(rt: Runtime) -> None:
    """The slash commands on the app."""
    app = rt.app

    @app.command("/whosaid")
    def on_whosaid(
        ack: Ack, command: dict[str, Any], respond: Respond, body: dict[str, Any]
    ) -> None:
        ack()  # within Slack's 3 seconds: nothing is searched before this
        rt.in_background(body, lambda: whosaid_reply(rt, command.get("text", ""), respond))

    @app.command("/context")
    def on_context(
        ack: Ack, command: dict[str, Any], respond: Respond, body: dict[str, Any]
    ) -> None:
        ack()
        rt.in_background(body, lambda: context_reply(command, respond))

    def context_reply(command: dict[str, Any], respond: Respond) -> None:
        try:
            query = clean_query(command.get("text", ""))
        except UsageError as exc:
            respond(response_type="ephemeral", text=str(exc), blocks=ui.usage_blocks("/context"))
            return
        reply(respond, ui.context_blocks(context(query, rt.store, rt.search, rt.base)))

    @app.command("/quotebot")
    def on_quotebot(
        ack: Ack, command: dict[str, Any], respond: Respond, body: dict[str, Any]
    ) -> None:
        ack()
        verb, _, rest = command.get("text", "").strip().partition(" ")
        if verb.lower() == "add" and (url := first_web_url(rest)) is not None:
            add_in_background(rt, body, url, respond)
        else:
            rt.in_background(body, lambda: quotebot_reply(command, respond))

    def quotebot_reply(command: dict[str, Any], respond: Respond) -> None:
        verb, _, rest = command.get("text", "").strip().partition(" ")
        verb = verb.lower()
        channel = str(command.get("channel_id", ""))
        user = str(command.get("user_name") or command.get("user_id") or "someone")
        if verb == "watch" and (wanted := watch_target(rest)) is not None:
            watch, new = rt.watches.add(channel, wanted[0], wanted[1], user)
            reply(respond, ui.watch_added_blocks(watch, new))
        elif verb == "watches":
            reply(respond, ui.watches_blocks(rt.watches.active(channel)))
        else:
            respond(response_type="ephemeral", text=ui.USAGE["/quotebot"])
