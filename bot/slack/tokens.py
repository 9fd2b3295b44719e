"""Slack credentials checked at start-up, so a wrong token is a one-line error for whoever
deploys, not Bolt's "please reinstall" for the first editor who asks a question."""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.errors import ConfigError
from bot.settings import Settings

BOT_PREFIX = "xoxb-"
APP_PREFIX = "xapp-"
HELP = "README, section 'Connect to Slack'"


def _kind_error(variable: str, token: str, wanted: str, what: str) -> ConfigError:
    got = token.split("-", 1)[0] + "-" if "-" in token else "no prefix"
    swapped = ""
    if variable == "SLACK_BOT_TOKEN" and token.startswith(APP_PREFIX):
        swapped = " — it looks like the app token: are SLACK_BOT_TOKEN and SLACK_APP_TOKEN swapped?"
    if variable == "SLACK_APP_TOKEN" and token.startswith(BOT_PREFIX):
        swapped = " — it looks like the bot token: are SLACK_BOT_TOKEN and SLACK_APP_TOKEN swapped?"
    return ConfigError(
        f"{variable} must be the {what} ({wanted}…), but it starts with {got}{swapped} (see {HELP})"
    )


def slack_error(exc: SlackApiError) -> str:
    """Slack's own word for what went wrong ("invalid_auth", "not_allowed_token_type")."""
    return str(exc.response.get("error", "unknown error")) if exc.response else "unknown error"


def check_token_kinds(settings: Settings) -> None:
    """Each token is of its kind: the bot token ``xoxb-…``, the app token ``xapp-…``."""
    bot, app = settings.slack_bot_token, settings.slack_app_token
    if bot and not bot.startswith(BOT_PREFIX):
        raise _kind_error("SLACK_BOT_TOKEN", bot, BOT_PREFIX, "Bot User OAuth Token")
    if app and not app.startswith(APP_PREFIX):
        raise _kind_error("SLACK_APP_TOKEN", app, APP_PREFIX, "app-level token")


def check_bot_token(settings: Settings) -> str:
    """Ask Slack who the bot token belongs to (``auth.test``); "bot @ team" when it works,
    else a ConfigError saying what Slack answered and what to do."""
    # The SDK logs each failed attempt as an ERROR; the ConfigError below is the one line.
    quiet = logging.getLogger("quotebot.token_check")
    quiet.setLevel(logging.CRITICAL)
    base_url = (settings.slack_api_url or WebClient.BASE_URL).rstrip("/") + "/"
    client = WebClient(token=settings.slack_bot_token, base_url=base_url, logger=quiet)
    try:
        found = client.auth_test()
    except SlackApiError as exc:
        raise ConfigError(
            f"Slack rejected SLACK_BOT_TOKEN ({slack_error(exc)}): reinstall the app to the "
            f"workspace and copy its Bot User OAuth Token ({BOT_PREFIX}…) (see {HELP})"
        ) from None
    except (SlackClientError, OSError) as exc:
        raise ConfigError(
            f"cannot reach Slack at {client.base_url} to check SLACK_BOT_TOKEN: {exc}"
        ) from None
    return f"{found.get('user', '?')} @ {found.get('team', found.get('team_id', '?'))}"
