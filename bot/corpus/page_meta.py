"""What a news page says about itself, read from its HTML tree (pure): the canonical URL,
the publication date as the page prints it, and the inline widgets that are not text.

trafilatura reads this too, but not the way an editor cites a page: it takes ``og:url``
(a "social." host, a syndicator's address) before ``rel=canonical`` and drops a relative
canonical; its day comes from a UTC timestamp that can be the next day where the page was
published; and a JSON-LD placeholder (0001-01-01) is taken as the date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, cast
from urllib.parse import urljoin, urlsplit

from bot.corpus.dates import parse_date, plausible

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_DATE_METAS = frozenset(
    {
        "article:published_time",
        "og:article:published_time",
        "og:published_time",
        "datepublished",
        "pubdate",
        "publishdate",
        "publish-date",
        "dc.date",
        "dc.date.issued",
        "dcterms.created",
        "parsely-pub-date",
    }
)  # not "sailthru.date" nor "date" alone: sites fill them with the time of the last edit
_JSON_LD_PUBLISHED = re.compile(r"\"datePublished\"\s*:\s*\"([^\"]{6,60})\"")
_PUBLISHED_MARK = re.compile(r"publish|pubdate|entry-date|datepublished", re.IGNORECASE)
# No time zone is further than this from UTC.
_MOST_OFFSET = timedelta(hours=14)

# Name cards, hover pop-ups, tooltips and hidden blocks: text a reader never sees in the
# flow of the article, glued into it by text extraction ("Rep. Alexandria
# Ocasio-CortezAlexandria Ocasio-Cortez…").
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_WIDGET_CLASS = re.compile(r"tooltip|popover|pop-?up|hover-?card|rollover", re.IGNORECASE)
_NOT_TEXT = ("script", "style", "noscript")
_MAYBE_HIDDEN = "//body//*[@hidden or @aria-hidden or @style]"
_WIDGET_STEMS = ("ooltip", "opover", "opup", "op-up", "ollover", "overcard", "over-card")
# Only inside paragraphs: there a pop-up is glued into the text (elsewhere trafilatura
# drops it with the rest of the page furniture).
_MAYBE_WIDGET = "//p//*[" + " or ".join(f"contains(@class, '{s}')" for s in _WIDGET_STEMS) + "]"
_INLINE = frozenset({"span", "a", "em", "strong", "b", "i", "small", "sup", "sub", "abbr"})
_MOST_WIDGET_SHARE = 0.2  # a "hidden" block holding this much of the page is the page


@dataclass(frozen=True)
class PageFacts:
    """The page's own canonical URL and publication date, when it gives them."""

    url: str | None
    published: date | datetime | None
    language: str | None = None


def page_facts(tree: HtmlElement, page_url: str, extracted_day: str | None) -> PageFacts:
    """The canonical URL, the printed publication date and the stated language of a parsed
    page; ``extracted_day`` is trafilatura's reading of the date, one more candidate."""
    return PageFacts(
        url=canonical_url(tree, page_url),
        published=printed_date(tree, extracted_day),
        language=stated_language(tree),
    )


def stated_language(tree: HtmlElement) -> str | None:
    """The language the page says it is in: ``<html lang>``, else ``og:locale``, else
    ``<meta http-equiv="content-language">`` (as written: "de-DE", "en_GB")."""
    root = tree.getroottree().getroot()
    if root.get("lang"):
        return str(root.get("lang"))
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("http-equiv") or meta.get("name") or "").lower()
        if key in ("og:locale", "content-language") and meta.get("content"):
            return str(meta.get("content"))
    return None


def _web_url(href: str | None, page_url: str) -> str | None:
    if not href or not href.strip():
        return None
    url = urljoin(page_url, href.strip()) if page_url else href.strip()
    if url.startswith("//"):
        url = "https:" + url
    parts = urlsplit(url)
    return url if parts.scheme in ("http", "https") and parts.netloc else None


def canonical_url(tree: HtmlElement, page_url: str) -> str | None:
    """``<link rel=canonical>`` (relative ones resolved against the page), else ``og:url``."""
    for link in tree.iter("link"):
        rels = (link.get("rel") or "").lower().split()
        if "canonical" in rels:
            found = _web_url(link.get("href"), page_url)
            if found:
                return found
    for meta in tree.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() == "og:url":
            found = _web_url(meta.get("content"), page_url)
            if found:
                return found
    return None


def _stated_dates(tree: HtmlElement) -> Iterator[str]:
    """Where a page states when it was published, most explicit first: its metadata,
    JSON-LD, and ``<time>`` elements marked as the publication time."""
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _DATE_METAS and meta.get("content"):
            yield meta.get("content") or ""
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            yield from _JSON_LD_PUBLISHED.findall(script.text)
    for stamp, marked in _time_elements(tree):
        if marked:
            yield stamp


def _time_elements(tree: HtmlElement) -> Iterator[tuple[str, bool]]:
    """Every ``<time datetime>``, and whether it is marked as the publication time (the
    others may date a comment or a related story, but can confirm a local time)."""
    for time in tree.iter("time"):
        stamp = time.get("datetime")
        if stamp:
            marks = " ".join(time.get(k) or "" for k in ("class", "itemprop", "id"))
            yield stamp, bool(_PUBLISHED_MARK.search(marks))


def _dates(strings: Iterator[str]) -> list[date | datetime]:
    return [v for v in map(parse_date, strings) if v is not None and plausible(v)]


def _is_utc(value: datetime) -> bool:
    offset = value.utcoffset()
    return offset is not None and not offset


def _same_moment(local: datetime, utc: datetime) -> bool:
    """A local time that is the UTC one seen from some time zone: the same instant when
    it gives its offset; when it does not, a whole number of quarter hours away (no zone
    is further than 14 hours), so a related story's time is not taken for it."""
    if local.tzinfo is not None:
        return abs(local - utc) <= timedelta(minutes=1)
    gap = local - utc.replace(tzinfo=None)
    return abs(gap) <= _MOST_OFFSET and gap % timedelta(minutes=15) == timedelta(0)


def printed_date(tree: HtmlElement, extracted_day: str | None) -> date | datetime | None:
    """The publication date as the page prints it, with its time and offset when known.

    The most explicit statement wins; impossible dates are ignored. When that statement is
    in UTC, the same moment in local time found elsewhere on the page (with its offset, or
    as printed) is kept instead, so a story published in the evening in California is not
    dated the next day; failing that, the day trafilatura reads off the page, when it is
    the day before the UTC timestamp's."""
    stated = _dates(_stated_dates(tree))
    extracted = _dates(iter([extracted_day] if extracted_day else []))
    if not stated:
        return extracted[0] if extracted else None
    first = stated[0]
    if not isinstance(first, datetime) or not _is_utc(first):
        return first
    for candidate in [*stated[1:], *_dates(stamp for stamp, _ in _time_elements(tree))]:
        local = isinstance(candidate, datetime) and not _is_utc(candidate)
        if local and _same_moment(cast(datetime, candidate), first):
            return candidate
    for candidate in extracted:
        day = candidate.date() if isinstance(candidate, datetime) else candidate
        if day == first.date() - timedelta(days=1):
            return day  # the page prints a day its UTC timestamp has already left
    return first


def drop_widgets(tree: HtmlElement, page_chars: int, html: str) -> int:
    """Remove hidden blocks, and what follows the visible trigger inside a name pop-up or
    tooltip (the card with the name again, a photo, headlines); how many went.

    A pop-up's trigger is the word in the sentence ("the <span class=tooltip><a>Zinfandel</a>
    …"), so a widget keeps its own leading text and first child and loses the rest. A
    "hidden" block holding a fifth of the page's text (``page_chars``) is the page. The
    page's ``html`` tells whether it has pop-ups at all (most pages do not)."""
    most = _MOST_WIDGET_SHARE * page_chars
    doomed: list[HtmlElement] = []
    # XPath picks the few elements worth a look: walking every element of a large page in
    # Python costs as much as parsing it.
    for element in tree.xpath(_MAYBE_HIDDEN):
        style = element.get("style")
        if (
            element.get("hidden") is not None
            or (element.get("aria-hidden") or "").lower() == "true"
            or (style and _HIDDEN_STYLE.search(style))
        ) and len(element.text_content()) <= most:
            doomed.append(element)
    has_widgets = any(stem in html for stem in _WIDGET_STEMS)  # str.find: far faster than re
    for widget in tree.xpath(_MAYBE_WIDGET) if has_widgets else ():
        if _WIDGET_CLASS.search(widget.get("class") or ""):
            doomed.extend(list(widget)[1:] if not (widget.text or "").strip() else widget)
    for element in doomed:
        _remove_keeping_tail(element)
    return len(doomed)


def _remove_keeping_tail(element: HtmlElement) -> None:
    """Drop an element but not the text that follows it; an inline parent left empty goes
    too (trafilatura loses the text after an empty ``<span>``)."""
    parent = element.getparent()
    if parent is None:
        return
    element.drop_tree()
    if parent.tag in _INLINE and not (parent.text or "").strip() and not len(parent):
        _remove_keeping_tail(parent)


def page_text_chars(tree: HtmlElement) -> int:
    """How much readable text the page's body holds (scripts and styles not counted)."""
    body = tree.find(".//body")
    if body is None:
        return 0
    code = sum(len(" ".join((node.text or "").split())) for node in body.iter(*_NOT_TEXT))
    return max(0, int(body.xpath("string-length(normalize-space(.))")) - code)
