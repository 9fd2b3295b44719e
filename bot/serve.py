"""``quotebot serve``: Socket Mode when SLACK_APP_TOKEN is set, else HTTP mode on $PORT."""

from __future__ import annotations

import logging
import os

import uvicorn

from bot.answer_words import date_in_words
from bot.errors import ConfigError
from bot.settings import Settings
from bot.slack.app import create_app
from bot.store.digest_repo import DigestRepository
from bot.store.repository import Store
from bot.web import create_web

log = logging.getLogger(__name__)
README_SECTION = "README.md, section 'Connect to Slack'"


def missing_credentials(settings: Settings) -> list[str]:
    """The environment variables a Slack process still needs."""
    missing = [] if settings.slack_bot_token else ["SLACK_BOT_TOKEN"]
    if not settings.slack_app_token and not settings.slack_signing_secret:
        missing.append("SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)")
    return missing


def require_credentials(settings: Settings) -> None:
    """Raise a ConfigError naming the missing variables and where to read about them."""
    missing = missing_credentials(settings)
    if missing:
        raise ConfigError(
            f"cannot connect to Slack: set {', '.join(missing)} (see {README_SECTION})"
        )


def last_digest_line(store: Store) -> str | None:
    """The App Home's "Last digest" line: when, and how many articles; None before the first."""
    repo = DigestRepository(store)
    row = repo.last_sent()
    if row is None:
        return None
    count = len(repo.articles_of(row.id))
    when = date_in_words(row.created_at.isoformat()) or row.created_at.isoformat()
    return f"{when} ({count} article{'s' if count != 1 else ''})"


def serve(settings: Settings, store: Store, host: str = "0.0.0.0", port: int | None = None) -> None:
    """Run the Slack app until interrupted."""
    require_credentials(settings)
    app = create_app(settings, store, last_digest=lambda: last_digest_line(store))
    if settings.slack_app_token:
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        log.warning("Quotebot: Socket Mode")
        SocketModeHandler(app, settings.slack_app_token).start()
        return
    port = port or int(os.environ.get("PORT", "3000"))
    log.warning(
        "Quotebot: HTTP mode on %s:%d (/slack/events, /articles/{id}, /healthz)", host, port
    )
    uvicorn.run(
        create_web(store, app, settings.slack_signing_secret or ""),
        host=host,
        port=port,
        log_level="info",
    )
