"""What every listener shares: the archive and settings, the bounded pools answers run on,
and the one way a failure is logged and told to the user."""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from slack_bolt import App, Respond
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.webhook import WebhookClient

from bot.models import QuoteRecord
from bot.quotes.extract import Extractor
from bot.settings import SearchSettings, Settings
from bot.slack import blocks as ui
from bot.slack.pool import BoundedPool
from bot.slack.verify import response_url_allowed
from bot.store.database import Store
from bot.store.watch_repo import WatchRepository

log = logging.getLogger("bot.slack.app")
ANSWER_WORKERS = 4  # searches at once; more wait in the queue, while acks go straight back
ADD_WORKERS = 2  # URL adds fetching at once, on their own threads (a slow site waits alone)
ADDS_WAITING = 6  # adds in line behind them; more are told to try again
RETRY_HANDLERS = [
    ConnectionErrorRetryHandler(max_retry_count=3),
    RateLimitErrorRetryHandler(max_retry_count=3),
    ServerErrorRetryHandler(max_retry_count=3),
]
ERRORS = {
    "no_speaker": "Give the right speaker, or tick “Not a quote”.",
    "gone": "That quote is no longer in the archive (its article changed or was removed).",
}


@dataclass
class Runtime:
    """The app's shared parts, built once in ``create_app`` and handed to every listener."""

    app: App
    settings: Settings
    store: Store
    extractor: Extractor
    workers: ThreadPoolExecutor
    adds: BoundedPool
    watches: WatchRepository
    last_digest: Callable[[], str | None] | None

    @property
    def search(self) -> SearchSettings:
        """The answer thresholds."""
        return self.settings.search

    @property
    def base(self) -> str | None:
        """The public base URL of the article pages, if any."""
        return self.settings.public_base_url

    def in_background(self, body: dict[str, Any], job: Callable[[], None]) -> None:
        """Run an answer off the request path, on Quotebot's own bounded pool: Bolt's threads
        (and so every other request's ack) never wait behind an expensive search."""
        self.workers.submit(lambda: self.guarded(body, job))

    def guarded(self, body: dict[str, Any], job: Callable[[], None]) -> None:
        """Run a job; a failure is logged with an id and the user told (never silence)."""
        try:
            job()
        except Exception as exc:
            self.apologise(exc, body)

    def apologise(self, error: BaseException, body: dict[str, Any]) -> None:
        """Log a failure under an error id and tell the user, where the request allows."""
        error_id = uuid.uuid4().hex[:8]
        log.error("listener failed (error id %s)", error_id, exc_info=error)
        apology = ui.error_blocks(error_id)
        text = f"Sorry — something went wrong (error id {error_id})."
        try:
            if body.get("response_url"):
                WebhookClient(body["response_url"], retry_handlers=RETRY_HANDLERS).send(
                    text=text, blocks=apology, response_type="ephemeral", replace_original=False
                )
            elif isinstance(body.get("event"), dict) and body["event"].get("channel"):
                event = body["event"]
                self.app.client.chat_postEphemeral(
                    channel=event["channel"], user=event.get("user", ""), text=text, blocks=apology
                )
        except Exception:
            log.exception("could not tell the user about error %s", error_id)

    def reply_to(self, response_url: str | None, text: str) -> None:
        """An ephemeral word on a response URL Slack gave us (and no other)."""
        if response_url and response_url_allowed(response_url, self.settings.slack_api_url):
            WebhookClient(response_url, retry_handlers=RETRY_HANDLERS).send(
                text=text, response_type="ephemeral", replace_original=False
            )

    def quote_of(self, value: str) -> QuoteRecord | None:
        """The stored quote a desk button names ({"a": article id, "n": quote number})."""
        try:
            key = json.loads(value)
            found = self.store.quotes.quote_in_article(str(key["a"]), int(key["n"]))
        except (ValueError, KeyError, TypeError):
            return None
        return found[0] if found else None


def reply(respond: Respond, blocks: list[dict[str, Any]]) -> None:
    """An ephemeral answer, with its plain-text fallback."""
    respond(response_type="ephemeral", text=ui.plain_text(blocks), blocks=blocks)


def share(respond: Respond, blocks: list[dict[str, Any]]) -> None:
    """Post a result in the channel, beside the ephemeral original, without link previews."""
    respond(
        response_type="in_channel",
        replace_original=False,
        text=ui.plain_text(blocks),
        blocks=blocks,
        unfurl_links=False,
    )


def user_name(body: dict[str, Any]) -> str:
    """Who did it, as the desk's record shows them: the Slack name, else the user id."""
    user = body.get("user") or {}
    return str(user.get("username") or user.get("name") or user.get("id") or "someone")
