"""The one escaping function for text that came from articles (Slack mrkdwn control characters)."""

from __future__ import annotations

from bot.links import is_web_url

# Slack mrkdwn reads *bold*, _italic_, ~strike~ and `code` in any text; article text must not
# format, so those marks become look-alikes that Slack does not read (the words stay legible).
INERT_MARKS = str.maketrans({"*": "∗", "_": "＿", "~": "∼", "`": "ˋ"})


def escape(text: str | None) -> str:
    """Make article text inert in Slack: ``&``, ``<`` and ``>`` become entities, and the
    formatting marks become look-alikes.

    Slack reads ``<!channel>``, ``<@U123>`` and ``<http://…|label>`` as commands; escaped, they
    are shown as typed and ping nobody.
    """
    if not text:
        return ""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").translate(INERT_MARKS)
    )


def code(text: str) -> str:
    """Text as an inline code span (ids, file names): nothing inside a code span formats."""
    inert = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f"`{inert.replace('`', 'ˋ')}`"


def link_target(url: str) -> str | None:
    """A URL fit for ``<url|label>``: http(s) only, with ``|`` (which would end the URL and
    start the label) percent-encoded; None for anything else."""
    if not is_web_url(url):
        return None
    return url.replace("&", "&amp;").replace("<", "%3C").replace(">", "%3E").replace("|", "%7C")


def truncate(text: str, limit: int) -> str:
    """Cut text to ``limit`` characters with an ellipsis, on a word boundary where possible."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip() + "…"
