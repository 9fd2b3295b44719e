"""Reading a newsroom's article page (HTML) into a raw article (pure).

trafilatura finds the main text of real pages and drops navigation, cookie banners, "Most
read" lists, related links, captions, share bars and footers; it also reads the headline,
byline, outlet, publication date and canonical URL from JSON-LD ``NewsArticle``, ``og:`` and
``article:published_time`` metadata (the URL and date as ``page_meta`` reads them).
Paragraphs stay paragraphs, so a quote that runs over several ``<p>`` elements is still
one quote.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, cast

from bot.corpus.formats import RawArticle
from bot.corpus.page_meta import drop_widgets, page_facts, page_text_chars
from bot.errors import ArticleError

if TYPE_CHECKING:
    from lxml.html import HtmlElement

MIN_ARTICLE_CHARS = 200  # less main text than this is a section front or an error page
# The precise reading can keep only a page's reprint notice, or nothing of an article laid
# out in a table; when it holds less than this share of the page's text, the page is read
# again without favouring precision, and that reading is kept when it is this many times
# longer (and still has to be long enough to be an article).
TINY_SHARE = 0.05
FALLBACK_GAIN = 3
# Two copies of one name with nothing between them: a name pop-up's heading left in the
# text after the link it belongs to ("Alexandria Ocasio-CortezAlexandria Ocasio-Cortez").
GLUED_NAME = re.compile(r"\b((?:[A-Z][\w'’.-]*\s){1,3}[A-Z][\w'’-]*?)\1(?![a-z])")


def _extract(tree: HtmlElement, url: str, precise: bool) -> dict[str, Any]:
    import trafilatura  # see read_page

    found = trafilatura.bare_extraction(
        tree,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=precise,
    )
    return {} if found is None else found if isinstance(found, dict) else found.as_dict()


def _parse(html: str) -> HtmlElement:
    from trafilatura.utils import load_html  # the parser trafilatura itself would use

    tree = load_html(html)
    if tree is None:
        raise ArticleError("no article text on the page")
    return cast("HtmlElement", tree)


def unglue_names(paragraph: str) -> str:
    """One copy of a name that a pop-up glued to itself."""
    return GLUED_NAME.sub(r"\1", paragraph)


def read_page(html: str, url: str) -> RawArticle:
    """The article on a page, or ArticleError when the page holds no article text."""
    # trafilatura is imported in the helpers: with lxml and its date parsers it adds a
    # quarter of a second to every command's start, and most never read a web page.
    tree = _parse(html)
    page_chars = page_text_chars(tree)
    drop_widgets(tree, page_chars, html)
    doc = _extract(tree, url, precise=True)
    text = str(doc.get("text") or "")
    if len(text) < TINY_SHARE * page_chars:
        fuller = _extract(tree, url, precise=False)
        fuller_text = str(fuller.get("text") or "")
        if fuller_text and len(fuller_text) >= FALLBACK_GAIN * len(text):
            doc, text = fuller, fuller_text
    if not text:
        raise ArticleError("no article text on the page")
    if len(text) < MIN_ARTICLE_CHARS:
        raise ArticleError(f"not an article ({len(text)} characters of main text)")
    facts = page_facts(tree, url, str(doc["date"]) if doc.get("date") else None)
    title = str(doc["title"]) if doc.get("title") else None
    paragraphs = [unglue_names(line.strip()) for line in text.splitlines() if line.strip()]
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]  # the headline, repeated as the first line of the text
    meta = {
        key: str(value)
        for key, value in (
            ("title", title),
            ("date", facts.published.isoformat() if facts.published else None),
            ("url", facts.url or doc.get("url") or url),
            ("outlet", doc.get("sitename") or doc.get("hostname")),
            ("byline", doc.get("author")),
            ("language", facts.language),
        )
        if value
    }
    return RawArticle(paragraphs=paragraphs, meta=meta)
