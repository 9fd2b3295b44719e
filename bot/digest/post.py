"""Posting digests, each exactly once.

A digest is recorded as pending, with its articles, before anything is posted; every message
carries Slack metadata with the digest id and part number; a pending digest is resumed by
first looking for those messages in the channel's history, so a crash between the post and the
commit never posts twice, and an article belongs to exactly one digest.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from bot.digest.blocks import digest_messages, digest_text
from bot.digest.compose import compose
from bot.digest.history import messages_with_metadata
from bot.errors import ConfigError, QuotebotError
from bot.models import ArticleMeta, Digest
from bot.settings import Settings
from bot.store.digest_repo import DigestRepository, DigestRow

log = logging.getLogger(__name__)
METADATA_TYPE = "quotebot_digest"
# After an ambiguous failure, wait this long before posting again: a message Slack stored
# while answering 500 (or after the connection dropped) can take a while to show in history.
SETTLE = timedelta(seconds=60)


# Slack's answers when a channel can no longer take Quotebot's messages: waiting fixes none.
CHANNEL_GONE = frozenset(
    ["channel_not_found", "is_archived", "not_in_channel", "channel_is_archived"]
)


def channel_gone(exc: SlackApiError) -> str | None:
    """The Slack error when it says the channel is gone or closed to us, else None."""
    error = str(exc.response.get("error", "")) if exc.response is not None else ""
    return error if error in CHANNEL_GONE else None


def too_soon(last_attempt: datetime | None, at: datetime) -> bool:
    """Whether a message Slack may have stored at the last attempt could still be missing
    from the channel history."""
    return last_attempt is not None and at - last_attempt < SETTLE


def without_blind_retries(client: WebClient) -> WebClient:
    """The same client, retrying only rate limits: a 429 stores nothing, a 5xx might have."""
    return WebClient(
        token=client.token,
        base_url=client.base_url,
        timeout=client.timeout,
        retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=3)],
    )


@dataclass(frozen=True)
class DigestOutcome:
    """What a digest run did."""

    posted: tuple[int, ...] = ()  # digest ids completed in this run
    articles: int = 0
    failed: tuple[int, ...] = ()  # digest ids left pending (retried at the next run)

    def line(self) -> str:
        """One line for logs and the CLI."""
        if not self.posted and not self.failed:
            return "digest: nothing new to post"
        parts = [f"posted {len(self.posted)} digest(s) with {self.articles} article(s)"]
        if self.failed:
            parts.append(f"{len(self.failed)} still pending (Slack failed; retried next run)")
        return "digest: " + ", ".join(parts)


class LeaseLost(Exception):
    """This process no longer holds the clock lease: it must not post (another clock does)."""


class DigestPoster:
    """Creates, renders and posts digests for one store and one Slack client.

    ``chat.postMessage`` is never retried blindly: after a 5xx, a dropped connection or a
    timeout Slack may have stored the message, so the digest stays pending and the next run
    looks for it in the channel history (after ``SETTLE``, since history can lag) before
    posting what is missing. Only a 429, which stores nothing, is retried at once.
    ``holds_lease``, when given, is asked before every post (a fencing check).
    """

    def __init__(
        self,
        repo: DigestRepository,
        client: WebClient,
        settings: Settings,
        holds_lease: Callable[[], bool] | None = None,
    ) -> None:
        self.repo = repo
        self.client = without_blind_retries(client)
        self.settings = settings
        self.holds_lease = holds_lease

    @property
    def channel(self) -> str:
        """The digest channel (configuration error when unset)."""
        channel = self.settings.digest.channel
        if not channel:
            raise ConfigError("no digest channel: set digest.channel or QUOTEBOT_DIGEST__CHANNEL")
        return channel

    def preview(self, at: datetime) -> str:
        """The next digest as text (the pending one, else the one that would be created)."""
        pending = self.repo.pending()
        if pending:
            row = pending[0]
            articles = self.repo.articles_of(row.id)
            return digest_text(self._compose(row.id, row.created_at, articles))
        ids = self.repo.undigested_articles()
        if not ids:
            return "digest: nothing new to post"
        return digest_text(self._compose(0, at, self.repo.store_articles(ids)))

    def _compose(self, digest_id: int, at: datetime, articles: Sequence[ArticleMeta]) -> Digest:
        quotes = self.repo.quotes_of([a.id for a in articles])
        return compose(digest_id, at, articles, quotes, self.settings.public_base_url)

    def finish_pending(self, at: datetime) -> DigestOutcome:
        """Finish digests left pending by a failed or interrupted run; create none."""
        posted: list[int] = []
        failed: list[int] = []
        count = 0
        for row in self.repo.pending():
            if self._post(row, at):
                posted.append(row.id)
                count += len(self.repo.articles_of(row.id))
            else:
                failed.append(row.id)
        return DigestOutcome(tuple(posted), count, tuple(failed))

    def run(self, at: datetime) -> DigestOutcome:
        """Finish pending digests, then record and post a new one if there are new articles."""
        channel = self.channel
        for row in self.repo.pending():
            if row.channel != channel and not self.repo.posted_parts(row.id):
                # The digest channel was changed since: nothing reached the old one, so the
                # digest goes where digests go now.
                log.warning("digest %d: moved from channel %s to %s", row.id, row.channel, channel)
                self.repo.rehome(row.id, channel)
        outcome = self.finish_pending(at)
        posted, failed, count = list(outcome.posted), list(outcome.failed), outcome.articles
        if not failed:
            ids = self.repo.undigested_articles()
            if ids:
                digest_id = self.repo.create(channel, ids, parts=0, at=at)
                if digest_id is not None:
                    row = DigestRow(digest_id, at, channel, "pending", 0, None, 0)
                    if self._post(row, at):
                        posted.append(digest_id)
                        count += len(ids)
                    else:
                        failed.append(digest_id)
        return DigestOutcome(tuple(posted), count, tuple(failed))

    def _post(self, row: DigestRow, at: datetime) -> bool:
        digest_id, channel = row.id, row.channel
        digest = self._compose(digest_id, row.created_at, self.repo.articles_of(digest_id))
        messages = digest_messages(digest)
        try:
            done = self.repo.posted_parts(digest_id)
            if row.attempts > 0 and len(done) < len(messages):
                for part, ts in self._found_in_history(channel, digest_id).items():
                    if part not in done:
                        self.repo.record_part(digest_id, part, ts)
                        done[part] = ts
                if len(done) < len(messages) and too_soon(row.last_attempt_at, at):
                    log.info(
                        "digest %d: waiting for Slack's history before posting again", digest_id
                    )
                    return False
            if len(done) < len(messages):
                self.repo.record_attempt(digest_id, None, at)
            for part, (text, blocks) in enumerate(messages):
                if part in done:
                    continue
                if self.holds_lease is not None and not self.holds_lease():
                    raise LeaseLost(f"digest {digest_id}: the clock lease is held by another clock")
                response = self.client.chat_postMessage(
                    channel=channel,
                    text=text,
                    blocks=blocks,
                    unfurl_links=False,
                    unfurl_media=False,
                    metadata={
                        "event_type": METADATA_TYPE,
                        "event_payload": {"digest_id": digest_id, "part": part},
                    },
                )
                self.repo.record_part(digest_id, part, str(response["ts"]))
        except SlackApiError as exc:
            gone = channel_gone(exc)
            if gone is None:
                log.warning("digest %d not fully posted, will retry: %s", digest_id, exc)
                self.repo.record_attempt(digest_id, str(exc)[:500])
            else:
                self._unreachable(row, gone)
            return False
        except (OSError, QuotebotError) as exc:
            log.warning("digest %d not fully posted, will retry: %s", digest_id, exc)
            self.repo.record_attempt(digest_id, str(exc)[:500])
            return False
        self.repo.mark_sent(digest_id)
        return True

    def _unreachable(self, row: DigestRow, error: str) -> None:
        """The digest's channel is gone or closed to Quotebot: it moves to the configured
        channel when that is another; else it is given up, its articles left for the next
        digest, with one line saying what to do."""
        configured = self.settings.digest.channel
        if configured and configured != row.channel:
            log.warning(
                "digest %d: channel %s answered %s; moved to %s",
                row.id,
                row.channel,
                error,
                configured,
            )
            self.repo.rehome(row.id, configured)
            return
        reason = (
            f"channel {row.channel} answered {error}: set digest.channel "
            "(QUOTEBOT_DIGEST__CHANNEL) to a channel Quotebot is in; the articles wait "
            "for the next digest"
        )
        log.error("digest %d abandoned: %s", row.id, reason)
        self.repo.abandon(row.id, reason)

    def _found_in_history(self, channel: str, digest_id: int) -> dict[int, str]:
        """Parts of this digest already in the channel (posted before a crash)."""
        return {
            int(payload.get("part", 0)): ts
            for payload, ts in messages_with_metadata(self.client, channel, METADATA_TYPE)
            if payload.get("digest_id") == digest_id
        }
