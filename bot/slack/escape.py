"""The one escaping function for text that came from articles (Slack mrkdwn control characters)."""

from __future__ import annotations


def escape(text: str | None) -> str:
    """Make article text inert in Slack: ``&``, ``<`` and ``>`` become entities.

    Slack reads ``<!channel>``, ``<@U123>`` and ``<http://…|label>`` as commands; escaped, they
    are shown as typed and ping nobody.
    """
    if not text:
        return ""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def truncate(text: str, limit: int) -> str:
    """Cut text to ``limit`` characters with an ellipsis, on a word boundary where possible."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip() + "…"
