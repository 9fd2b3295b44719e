"""Events: a mention or a direct message asking who said something, and the App Home."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Say
from slack_sdk import WebClient

from bot.answers.whosaid import whosaid
from bot.quotes.marks import quoted_in
from bot.slack import blocks as ui
from bot.slack.listeners.runtime import Runtime

MENTION = re.compile(r"<@[A-Z0-9]+>")


def phrase_in(text: str) -> str | None:
    """The quoted phrase in a mention or DM ("… who said “x”?", "wer sagte „x“?"), or None."""
    found = quoted_in(MENTION.sub("", text or ""))
    return found[0].strip() if found else None


def register(rt: Runtime) -> None:
    """The events on the app."""
    app = rt.app

    def answer_in_thread(event: dict[str, Any], say: Say) -> None:
        phrase = phrase_in(event.get("text", ""))
        thread = event.get("thread_ts") or event.get("ts")
        if phrase is None:
            say(
                text="Put the words in quotes, e.g. who said “deserves to be in prison”?",
                blocks=ui.usage_blocks("/whosaid"),
                thread_ts=thread,
            )
            return
        answer = whosaid(phrase, rt.store, rt.search, rt.base)
        blocks = ui.answer_blocks(answer, with_button=False)
        say(text=ui.plain_text(blocks), blocks=blocks, thread_ts=thread, unfurl_links=False)

    @app.event("app_mention")
    def on_mention(event: dict[str, Any], say: Say, body: dict[str, Any]) -> None:
        rt.in_background(body, lambda: answer_in_thread(event, say))

    @app.event("message")
    def on_direct_message(event: dict[str, Any], say: Say, body: dict[str, Any]) -> None:
        if event.get("channel_type") != "im" or event.get("bot_id") or event.get("subtype"):
            return
        rt.in_background(body, lambda: answer_in_thread(event, say))

    @app.event("app_home_opened")
    def on_home(event: dict[str, Any], client: WebClient) -> None:
        last = rt.last_digest() if rt.last_digest else None
        view = ui.home_view(rt.store.articles.stats(), last, rt.store.desk.desk_checks(limit=5))
        client.views_publish(user_id=event["user"], view=view)
