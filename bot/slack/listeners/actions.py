"""Buttons and shortcuts: post in channel, Check quotes, Add to Quotebot, unwatch, and the
desk's Wrong attribution? and Checked ✓."""

from __future__ import annotations

import json
from typing import Any

from slack_bolt import Ack, Respond
from slack_sdk import WebClient

from bot.answers import desk
from bot.answers.check import check_draft
from bot.answers.whosaid import whosaid
from bot.errors import UsageError
from bot.slack import blocks as ui
from bot.slack.listeners.commands import add_in_background, first_web_url
from bot.slack.listeners.runtime import ERRORS, Runtime, reply, share, user_name


def may_correct(rt: Runtime, client: WebClient, user_id: str) -> bool:
    """Whether this user may correct attributions (everyone, unless an editors group is set)."""
    group = rt.settings.slack.editors_group
    if not group:
        return True
    members = client.usergroups_users_list(usergroup=group).get("users") or []
    return user_id in members


def register(rt: Runtime) -> None:
    """The buttons and shortcuts on the app."""
    app = rt.app

    @app.action("post_in_channel")
    def on_post_in_channel(
        ack: Ack, action: dict[str, Any], respond: Respond, body: dict[str, Any]
    ) -> None:
        ack()
        rt.in_background(body, lambda: post_in_channel(action, respond, user_name(body)))

    def post_in_channel(action: dict[str, Any], respond: Respond, user: str) -> None:
        answer = whosaid(action.get("value", ""), rt.store, rt.search, rt.base)
        share(respond, ui.answer_blocks(answer, with_button=False, shared_by=user))

    @app.shortcut("check_quotes")
    def on_check_quotes(
        ack: Ack, shortcut: dict[str, Any], respond: Respond, body: dict[str, Any]
    ) -> None:
        ack()
        rt.in_background(body, lambda: check_reply(shortcut, respond))

    def check_reply(shortcut: dict[str, Any], respond: Respond) -> None:
        text = (shortcut.get("message") or {}).get("text", "")
        try:
            items = check_draft(text, rt.store, rt.search, rt.base, rt.extractor)
        except UsageError as exc:
            respond(response_type="ephemeral", text=str(exc))
            return
        reply(respond, ui.check_blocks(items, draft=text))

    @app.action("post_check_in_channel")
    def on_post_check_in_channel(
        ack: Ack, action: dict[str, Any], respond: Respond, body: dict[str, Any]
    ) -> None:
        ack()
        draft, user = action.get("value", ""), user_name(body)
        rt.in_background(body, lambda: post_check(draft, respond, user))

    def post_check(draft: str, respond: Respond, user: str) -> None:
        items = check_draft(draft, rt.store, rt.search, rt.base, rt.extractor)
        share(respond, ui.check_blocks(items, shared_by=user))

    @app.shortcut("add_article")
    def on_add_article(
        ack: Ack, shortcut: dict[str, Any], respond: Respond, body: dict[str, Any]
    ) -> None:
        ack()
        url = first_web_url((shortcut.get("message") or {}).get("text", ""))
        if url is None:
            respond(response_type="ephemeral", text="That message holds no web link to add.")
            return
        add_in_background(rt, body, url, respond)

    @app.action("unwatch")
    def on_unwatch(
        ack: Ack, action: dict[str, Any], respond: Respond, body: dict[str, Any]
    ) -> None:
        ack()
        removed = rt.watches.remove(int(action.get("value") or 0), user_name(body))
        channel = str((body.get("channel") or {}).get("id", ""))
        blocks = ui.watches_blocks(rt.watches.active(channel), removed=removed)
        respond(replace_original=True, text=ui.plain_text(blocks), blocks=blocks)

    @app.action("correct_quote")
    def on_correct_quote(
        ack: Ack, action: dict[str, Any], body: dict[str, Any], client: WebClient
    ) -> None:
        ack()
        user_id = (body.get("user") or {}).get("id", "")
        if not may_correct(rt, client, user_id):
            group = rt.settings.slack.editors_group or ""
            client.views_open(trigger_id=body["trigger_id"], view=ui.refusal_modal(group))
            return
        record = rt.quote_of(action.get("value", ""))
        if record is None:
            client.views_open(trigger_id=body["trigger_id"], view=ui.notice_modal(ERRORS["gone"]))
            return
        metadata = json.dumps(
            {"value": action.get("value", ""), "response_url": body.get("response_url")}
        )
        client.views_open(trigger_id=body["trigger_id"], view=ui.correction_modal(record, metadata))

    @app.action("confirm_quote")
    def on_confirm_quote(
        ack: Ack, action: dict[str, Any], body: dict[str, Any], respond: Respond
    ) -> None:
        ack()
        record = rt.quote_of(action.get("value", ""))
        if record is None:
            respond(response_type="ephemeral", replace_original=False, text=ERRORS["gone"])
            return
        check = desk.confirm(rt.store, record, user_name(body))
        respond(response_type="ephemeral", replace_original=False, text=ui.desk_recorded(check))
