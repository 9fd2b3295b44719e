"""The Bolt app: the strict request check, the retry filter, and the listeners registered
from ``bot.slack.listeners`` (one module per kind of surface)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from slack_bolt import App, BoltRequest, BoltResponse
from slack_sdk import WebClient

from bot.extraction import build_extractor
from bot.settings import Settings
from bot.slack.listeners import actions, commands, events, views
from bot.slack.listeners.runtime import (
    ADD_WORKERS,
    ADDS_WAITING,
    ANSWER_WORKERS,
    RETRY_HANDLERS,
    Runtime,
)
from bot.slack.pool import BoundedPool
from bot.slack.verify import StrictRequestVerification
from bot.store.database import Store
from bot.store.watch_repo import WatchRepository


class SeenEvents:
    """Event ids already handled, kept for a while: a redelivered event is not answered twice."""

    def __init__(self, ttl_seconds: float = 3600.0) -> None:
        self.ttl = ttl_seconds
        self._seen: dict[str, float] = {}
        self._lock = threading.Lock()

    def first_time(self, event_id: str) -> bool:
        """True the first time an id is seen (within the TTL)."""
        now = time.monotonic()
        with self._lock:
            self._seen = {k: t for k, t in self._seen.items() if now - t < self.ttl}
            if event_id in self._seen:
                return False
            self._seen[event_id] = now
            return True


class _NoTokenSkippedWarning(logging.Filter):
    """Bolt reads SLACK_BOT_TOKEN from the environment even when given a client, then warns
    that the token "will be unused" on every start. The client carries that same token, so
    the warning is noise; this drops that one message and nothing else."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


logging.getLogger("slack_bolt.App").addFilter(_NoTokenSkippedWarning())


def web_client(settings: Settings) -> WebClient:
    """A Web API client with retries for outages and rate limits (and a test/proxy base URL)."""
    kwargs: dict[str, Any] = {"token": settings.slack_bot_token, "retry_handlers": RETRY_HANDLERS}
    if settings.slack_api_url:
        kwargs["base_url"] = settings.slack_api_url.rstrip("/") + "/"
    return WebClient(**kwargs)


def create_app(
    settings: Settings, store: Store, last_digest: Callable[[], str | None] | None = None
) -> App:
    """The Bolt app with every Quotebot surface registered.

    Bolt's own signature check is replaced by a strict one that runs before anything else and
    never raises (see ``bot.slack.verify``): no listener, and no error handler, ever sees an
    unverified request.
    """
    app = App(
        client=web_client(settings),
        signing_secret=settings.slack_signing_secret or "",
        token_verification_enabled=False,
        request_verification_enabled=False,
        before_authorize=StrictRequestVerification(
            settings.slack_signing_secret or "", extra_origin=settings.slack_api_url
        ),
        process_before_response=False,
    )
    rt = Runtime(
        app=app,
        settings=settings,
        store=store,
        extractor=build_extractor(settings),
        workers=ThreadPoolExecutor(
            max_workers=ANSWER_WORKERS, thread_name_prefix="quotebot-answer"
        ),
        adds=BoundedPool(ADD_WORKERS, ADDS_WAITING, "quotebot-add"),
        watches=WatchRepository(store),
        last_digest=last_digest,
    )
    seen = SeenEvents()

    @app.middleware
    def skip_slack_retries(
        req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]
    ) -> BoltResponse:
        # Slack re-sends a request it thinks timed out; the first delivery is being answered.
        if req.headers.get("x-slack-retry-num"):
            return BoltResponse(status=200, body="")
        event_id = req.body.get("event_id") if isinstance(req.body, dict) else None
        if event_id and not seen.first_time(str(event_id)):
            return BoltResponse(status=200, body="")
        return next()

    for listeners in (commands, actions, views, events):
        listeners.register(rt)

    @app.error
    def on_error(error: Exception, body: dict[str, Any]) -> None:
        rt.apologise(error, body)

    return app
