"""``quotebot digest`` and ``quotebot clock``: digests of new articles posted to Slack."""

from __future__ import annotations

import argparse

from slack_sdk import WebClient

from bot.cli.common import open_store
from bot.errors import ConfigError
from bot.settings import Settings


def _digest_client(settings: Settings) -> WebClient:
    from bot.slack.app import web_client
    from bot.slack.tokens import check_token_kinds

    if not settings.slack_bot_token:
        raise ConfigError("cannot post digests: set SLACK_BOT_TOKEN (see README, 'Digests')")
    check_token_kinds(settings)
    return web_client(settings)


def cmd_digest(args: argparse.Namespace, settings: Settings) -> int:
    """Print the next digest (--dry-run) or post it now (--now)."""
    from bot.digest.clock import utc_now
    from bot.digest.post import DigestPoster
    from bot.store.digest_repo import DigestRepository

    store = open_store(args, settings)
    repo = DigestRepository(store)
    if args.dry_run:
        poster = DigestPoster(repo, WebClient(), settings)
        print(poster.preview(utc_now()))
        return 0
    outcome = DigestPoster(repo, _digest_client(settings), settings).run(utc_now())
    print(outcome.line())
    return 1 if outcome.failed else 0


def cmd_clock(args: argparse.Namespace, settings: Settings) -> int:
    """Run the scheduler: scans and digests."""
    from bot.digest.clock import Clock

    client = _digest_client(settings)  # what Slack needs is told before the archive is opened
    store = open_store(args, settings)
    dirs = settings.corpus_dirs(elsewhere=args.db is not None)  # no samples in a named archive
    Clock(settings, store, client, dirs=dirs).run()
    return 0
