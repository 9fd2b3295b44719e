"""Reading a newsroom's article page (HTML) into a raw article (pure).

trafilatura finds the main text of real pages and drops navigation, cookie banners, "Most
read" lists, related links, captions, share bars and footers; it also reads the headline,
byline, outlet, publication date and canonical URL from JSON-LD ``NewsArticle``, ``og:`` and
``article:published_time`` metadata. Paragraphs stay paragraphs, so a quote that runs over
several ``<p>`` elements is still one quote.
"""

from __future__ import annotations

import re
from typing import Any

from bot.corpus.formats import RawArticle
from bot.errors import ArticleError

MIN_ARTICLE_CHARS = 200  # less main text than this is a section front or an error page
# trafilatura keeps the day only; the time matters when two articles carry the words the
# same day (sources are listed earliest first), so the page's own timestamp is read too.
PUBLISHED_TIME = (
    re.compile(
        r"<meta[^>]+property=[\"']article:published_time[\"'][^>]+content=[\"']([^\"']+)",
        re.IGNORECASE,
    ),
    re.compile(
        r"<meta[^>]+content=[\"']([^\"']+)[\"'][^>]+property=[\"']article:published_time",
        re.IGNORECASE,
    ),
    re.compile(r"\"datePublished\"\s*:\s*\"([^\"]+)\""),
)


def published_time(html: str) -> str | None:
    """The page's own publication timestamp (``article:published_time``, JSON-LD
    ``datePublished``), when it gives a time of day."""
    for pattern in PUBLISHED_TIME:
        found = pattern.search(html)
        if found and "T" in found.group(1):
            return found.group(1).strip()
    return None


def read_page(html: str, url: str) -> RawArticle:
    """The article on a page, or ArticleError when the page holds no article text."""
    # Imported here: trafilatura (lxml, date parsers) adds a quarter of a second to every
    # command's start, and most never read a web page.
    import trafilatura

    found = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
    )
    doc: dict[str, Any] = (
        {} if found is None else found if isinstance(found, dict) else found.as_dict()
    )
    if not doc.get("text"):
        raise ArticleError("no article text on the page")
    text = str(doc["text"])
    if len(text) < MIN_ARTICLE_CHARS:
        raise ArticleError(f"not an article ({len(text)} characters of main text)")
    title = str(doc["title"]) if doc.get("title") else None
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]  # the headline, repeated as the first line of the text
    meta = {
        key: str(value)
        for key, value in (
            ("title", title),
            ("date", published_time(html) or doc.get("date")),
            ("url", doc.get("url") or url),
            ("outlet", doc.get("sitename") or doc.get("hostname")),
            ("byline", doc.get("author")),
        )
        if value
    }
    return RawArticle(paragraphs=paragraphs, meta=meta)
