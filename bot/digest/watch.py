"""Watch alerts: one message per watch and newly indexed article, exactly once.

The same rules as digests: an alert is recorded (pending) before it is posted; the post
carries Slack metadata naming the alert; ``chat.postMessage`` is never retried blindly; after
an ambiguous failure the channel's history is searched (once it has had time to settle)
before posting again, so a clock killed mid-post never posts an alert twice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.answers.common import link_for
from bot.digest.blocks import watch_alert_message
from bot.digest.history import messages_with_metadata
from bot.digest.post import LeaseLost, channel_gone, too_soon, without_blind_retries
from bot.errors import QuotebotError
from bot.store.watch_repo import AlertRow, WatchRepository

log = logging.getLogger(__name__)
METADATA_TYPE = "quotebot_watch"


class WatchAlerter:
    """Queues and posts watch alerts for one store and one Slack client."""

    def __init__(
        self,
        repo: WatchRepository,
        client: WebClient,
        base_url: str | None = None,
        holds_lease: Callable[[], bool] | None = None,
    ) -> None:
        self.repo = repo
        self.client = without_blind_retries(client)
        self.base_url = base_url
        self.holds_lease = holds_lease

    def run(self, at: datetime) -> int:
        """Queue alerts for new matches, then post every pending one; returns alerts posted."""
        self.repo.queue_new_matches()
        posted = 0
        for alert in self.repo.pending():
            posted += self._post(alert, at)
        return posted

    def _post(self, alert: AlertRow, at: datetime) -> bool:
        watch, article_id = alert.watch, alert.article_id
        key = f"{watch.id}:{article_id}"
        try:
            if alert.attempts > 0:
                for payload, ts in messages_with_metadata(
                    self.client, watch.channel, METADATA_TYPE
                ):
                    if payload.get("alert") == key:
                        self.repo.mark_sent(watch.id, article_id, ts)
                        return False  # it was posted before the failure: not again
                if too_soon(alert.last_attempt_at, at):
                    return False
            view = self.repo.store.articles.article_view(article_id)
            if view is None:
                return False  # removed since it was queued
            meta = view[0]
            quotes = self.repo.quotes_for(watch, article_id)
            text, blocks = watch_alert_message(
                watch, meta, quotes, link_for(meta, quotes[0].n if quotes else None, self.base_url)
            )
            self.repo.record_attempt(watch.id, article_id, None, at)
            if self.holds_lease is not None and not self.holds_lease():
                raise LeaseLost(f"watch alert {key}: the clock lease is held by another clock")
            response = self.client.chat_postMessage(
                channel=watch.channel,
                text=text,
                blocks=blocks,
                unfurl_links=False,
                unfurl_media=False,
                metadata={"event_type": METADATA_TYPE, "event_payload": {"alert": key}},
            )
        except (SlackApiError, OSError, QuotebotError) as exc:
            gone = channel_gone(exc) if isinstance(exc, SlackApiError) else None
            if gone is not None:
                # The watch's channel is gone or closed to Quotebot: waiting fixes nothing.
                self.repo.remove(watch.id, f"quotebot ({gone})")
                log.error(
                    "watch %d stopped: channel %s answered %s; its alerts are not posted. "
                    "Add the watch again in a channel Quotebot is in (/quotebot watch …)",
                    watch.id,
                    watch.channel,
                    gone,
                )
                return False
            log.warning("watch alert %s not posted, will retry: %s", key, exc)
            self.repo.record_attempt(watch.id, article_id, str(exc)[:500], at)
            return False
        self.repo.mark_sent(watch.id, article_id, str(response["ts"]))
        return True
