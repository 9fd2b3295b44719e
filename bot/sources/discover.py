"""What a fetched document is, and the article links a feed or sitemap lists (pure).

Feeds (RSS, Atom) are read by feedparser, which copes with the malformed feeds real sites
serve. Sitemaps (including Google News sitemaps and sitemap indexes) are a small, fixed XML
vocabulary; the standard library's parser reads them (expat refuses entity-expansion bombs).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Literal

import feedparser

Kind = Literal["feed", "sitemap", "page"]
ROOT_TAG = re.compile(rb"<\s*([A-Za-z][\w:.-]*)")
FEED_ROOTS = {"rss", "feed", "rdf:rdf", "rdf"}
SITEMAP_ROOTS = {"urlset", "sitemapindex"}


@dataclass(frozen=True)
class Entry:
    """An article a feed or sitemap points to."""

    url: str
    guid: str | None = None
    title: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class Listing:
    """A feed's or sitemap's articles, and (for a sitemap index) further sitemaps."""

    entries: tuple[Entry, ...]
    sitemaps: tuple[str, ...] = ()


def _root_tag(body: bytes) -> str | None:
    """The first element's name, past the XML declaration, comments and doctype."""
    head = re.sub(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", b"", body[:4096], flags=re.DOTALL)
    found = ROOT_TAG.search(head)
    return found.group(1).decode("ascii", "replace").lower() if found else None


def kind_of(content_type: str, body: bytes) -> Kind:
    """Feed, sitemap or page, by the document's root element, then by its content type."""
    root = _root_tag(body)
    local = root.split(":")[-1] if root else None
    if root in FEED_ROOTS or local in ("rss", "feed"):
        return "feed"
    if local in SITEMAP_ROOTS:
        return "sitemap"
    ctype = content_type.lower()
    if "rss" in ctype or "atom" in ctype:
        return "feed"
    return "page"


def feed_entries(body: bytes) -> Listing:
    """The items of an RSS or Atom feed with a link; ValueError when it is no feed at all."""
    parsed = feedparser.parse(body)
    if parsed.bozo and not parsed.entries:
        raise ValueError(f"malformed feed ({parsed.get('bozo_exception', 'unreadable')})")
    entries = []
    for item in parsed.entries:
        link = item.get("link")
        if not link:
            continue
        entries.append(
            Entry(
                url=str(link),
                guid=str(item.get("id")) if item.get("id") else None,
                title=str(item.get("title")) if item.get("title") else None,
                published=str(item.get("published") or item.get("updated") or "") or None,
            )
        )
    return Listing(tuple(entries))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def sitemap_entries(body: bytes) -> Listing:
    """A sitemap's page URLs (with Google News titles and dates), or a sitemap index's
    sitemaps; ValueError for XML that is no sitemap."""
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise ValueError(f"malformed sitemap ({exc})") from None
    if _local(root.tag) == "sitemapindex":
        locs = [
            (el.text or "").strip()
            for sm in root
            if _local(sm.tag) == "sitemap"
            for el in sm
            if _local(el.tag) == "loc"
        ]
        return Listing((), tuple(loc for loc in locs if loc))
    if _local(root.tag) != "urlset":
        raise ValueError(f"not a sitemap (root element {_local(root.tag)!r})")
    entries = []
    for url in root:
        fields = {_local(el.tag): (el.text or "").strip() for el in url.iter()}
        if fields.get("loc"):
            entries.append(
                Entry(
                    url=fields["loc"],
                    title=fields.get("title") or None,
                    published=fields.get("publication_date") or fields.get("lastmod") or None,
                )
            )
    return Listing(tuple(entries))


def listing(kind: Kind, body: bytes) -> Listing:
    """The articles (and sitemaps) a feed or sitemap lists."""
    return feed_entries(body) if kind == "feed" else sitemap_entries(body)
