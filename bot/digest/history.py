"""Finding Quotebot's own messages in a channel's recent history by their Slack metadata.

After an ambiguous failure (Slack answered 500, the connection dropped, the process died)
a message may have been stored; it is looked for here before anything is posted again.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from slack_sdk import WebClient

HISTORY_PAGES = 5


def messages_with_metadata(
    client: WebClient, channel: str, event_type: str
) -> Iterator[tuple[dict[str, Any], str]]:
    """(metadata payload, ts) of recent messages in the channel carrying ``event_type``."""
    cursor: str | None = None
    for _ in range(HISTORY_PAGES):
        kwargs: dict[str, Any] = {"channel": channel, "limit": 200, "include_all_metadata": True}
        if cursor:
            kwargs["cursor"] = cursor
        page = client.conversations_history(**kwargs)
        messages: list[dict[str, Any]] = page.get("messages") or []
        for message in messages:
            meta = message.get("metadata") or {}
            if meta.get("event_type") == event_type:
                yield dict(meta.get("event_payload") or {}), str(message["ts"])
        cursor = (page.get("response_metadata") or {}).get("next_cursor")
        if not cursor:
            break
