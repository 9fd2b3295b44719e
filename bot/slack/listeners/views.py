"""Modals: the desk's correction form."""

from __future__ import annotations

import json
from typing import Any

from slack_bolt import Ack

from bot.answers import desk
from bot.slack import blocks as ui
from bot.slack.listeners.runtime import ERRORS, Runtime, user_name


def _field(values: dict[str, Any], block: str) -> dict[str, Any]:
    return (values.get(block) or {}).get("value") or {}


def register(rt: Runtime) -> None:
    """The modals on the app."""

    @rt.app.view("correct_submit")
    def on_correct_submit(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        values = view.get("state", {}).get("values", {})
        speaker = _field(values, "speaker").get("value") or ""
        not_quote = bool(_field(values, "not_quote").get("selected_options"))
        note = _field(values, "note").get("value")
        if not not_quote and not speaker.strip():
            ack(response_action="errors", errors={"speaker": ERRORS["no_speaker"]})
            return
        meta = json.loads(view.get("private_metadata") or "{}")
        record = rt.quote_of(meta.get("value", ""))
        if record is None:
            ack(response_action="errors", errors={"speaker": ERRORS["gone"]})
            return
        ack()
        check = desk.correct(
            rt.store,
            record,
            user_name(body),
            speaker=speaker or None,
            not_quote=not_quote,
            note=note,
        )
        rt.reply_to(meta.get("response_url"), ui.desk_recorded(check))
