"""``quotebot serve``: Slack over HTTP or Socket Mode, and the web pages on $PORT in both."""

from __future__ import annotations

import logging
import os

import uvicorn
from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.answers.words import date_in_words
from bot.errors import ConfigError
from bot.settings import Settings
from bot.slack.app import create_app
from bot.slack.tokens import check_bot_token, check_token_kinds, slack_error
from bot.store.database import Store
from bot.store.digest_repo import DigestRepository
from bot.web.app import create_web

log = logging.getLogger(__name__)
README_SECTION = "README.md, section 'Connect to Slack'"


def missing_credentials(settings: Settings, http: bool = False) -> list[str]:
    """The environment variables a Slack process still needs (``http``: HTTP mode forced)."""
    missing = [] if settings.slack_bot_token else ["SLACK_BOT_TOKEN"]
    if http and not settings.slack_signing_secret:
        missing.append("SLACK_SIGNING_SECRET (serve --http answers Slack over HTTP)")
    elif not settings.slack_app_token and not settings.slack_signing_secret:
        missing.append("SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)")
    return missing


def require_credentials(settings: Settings, http: bool = False) -> None:
    """Raise a ConfigError naming the missing variables and where to read about them."""
    missing = missing_credentials(settings, http)
    if missing:
        raise ConfigError(
            f"cannot connect to Slack: set {', '.join(missing)} (see {README_SECTION})"
        )


def preflight(settings: Settings, http: bool = False) -> str:
    """Every Slack credential present, of its kind, and accepted by Slack (``auth.test``):
    "bot @ team", or a one-line ConfigError with the fix. Runs before the archive is opened."""
    require_credentials(settings, http)
    check_token_kinds(settings)
    return check_bot_token(settings)


def last_digest_line(store: Store) -> str | None:
    """The App Home's "Last digest" line: when, and how many articles; None before the first."""
    repo = DigestRepository(store)
    row = repo.last_sent()
    if row is None:
        return None
    count = len(repo.articles_of(row.id))
    when = date_in_words(row.created_at.isoformat()) or row.created_at.isoformat()
    return f"{when} ({count} article{'s' if count != 1 else ''})"


def serve(
    settings: Settings,
    store: Store,
    host: str = "0.0.0.0",
    port: int | None = None,
    http: bool = False,
    who: str | None = None,
) -> None:
    """Run the Slack app until interrupted.

    ``http`` (the Procfile's ``serve --http``) always answers Slack over HTTP on $PORT, even
    when SLACK_APP_TOKEN is set. Otherwise an app token means Socket Mode; the web server still
    runs on $PORT for article pages and /healthz, so answers' source links work either way.
    ``who`` is what ``preflight`` returned, when the caller already ran it.
    """
    who = who or preflight(settings, http)
    app = create_app(settings, store, last_digest=lambda: last_digest_line(store))
    port = port or int(os.environ.get("PORT", "3000"))
    socket = None
    if settings.slack_app_token and not http:
        socket = connect_socket_mode(app, settings.slack_app_token)
        log.info("Quotebot (%s): Socket Mode; pages and /healthz on %s:%d", who, host, port)
        web = create_web(store, None)
    else:
        log.info(
            "Quotebot (%s): HTTP mode on %s:%d (/slack/events, /articles/{id}, /healthz)",
            who,
            host,
            port,
        )
        web = create_web(store, app, settings.slack_signing_secret or "")
    try:
        uvicorn.run(web, host=host, port=port, log_level="info")
    finally:
        if socket is not None:
            socket.close()


def connect_socket_mode(app: App, app_token: str) -> SocketModeHandler:
    """Open the Socket Mode connection (its own threads keep it alive and reconnect)."""
    handler = SocketModeHandler(app, app_token)
    try:
        handler.connect()
    except SlackApiError as exc:
        raise ConfigError(
            f"Slack refused SLACK_APP_TOKEN ({slack_error(exc)}): create an app-level token with "
            f"the connections:write scope (xapp-…) (see {README_SECTION})"
        ) from None
    except (SlackClientError, OSError) as exc:
        raise ConfigError(f"cannot open the Socket Mode connection to Slack: {exc}") from None
    return handler
