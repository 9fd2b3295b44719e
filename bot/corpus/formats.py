"""Turning raw file text into (metadata, body lines) for each supported format."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from bot.errors import ArticleError


@dataclass
class RawArticle:
    """What a format yields before cleaning: metadata fields and the body's paragraphs."""

    paragraphs: list[str]
    meta: dict[str, str] = field(default_factory=dict)
    plain: bool = False  # plain text: title/date may hide in the first lines
    suffix: str = ""  # appended to the file stem for multi-article files


FRONT_MATTER = re.compile(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\n(.*?)\n\1[ \t]*(?:\n|\Z)", re.DOTALL)
META_KEYS = {
    "title",
    "date",
    "published",
    "url",
    "link",
    "outlet",
    "source",
    "byline",
    "author",
    "language",
    "lang",
}


# Markup left in plain text by an export or a scrape (``<tweet id="67…" author="@x">``,
# ``<a href="…">``, ``</tweet>``, ``<br/>``): a tag is a name alone or with at least one
# ``attribute=value``, so prose such as "a <b and c> d" stays. Its attribute values are not
# anyone's words, and a quote mark inside one would open a quote. Written by hand, not with
# html.parser (which reads the HTML files): in plain text that parser would also take
# "<b and c>" for a tag and unescape "&amp;" in prose the writer typed.
MARKUP_TAG = re.compile(
    r"</?[A-Za-z][\w:-]*\s*/?>"
    r"|<[A-Za-z][\w:-]*(?:\s+[\w:-]+\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|”[^”<>]*”|[^\s\"'<>]+))+\s*/?>"
)


def without_markup(line: str) -> str:
    """The line with any markup tags taken out (their text between tags stays)."""
    if "<" not in line:
        return line
    bare = MARKUP_TAG.sub("", line)
    return re.sub(r"[ \t]{2,}", " ", bare) if bare != line else line


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of plain text: one per line, re-joining hard-wrapped lines, markup tags
    taken out.

    A line is joined to the previous one when that one does not end a sentence and this one
    starts in lower case (typical of text wrapped at a fixed width).
    """
    out: list[str] = []
    for raw in text.splitlines():
        line = without_markup(raw).strip()
        if not line:
            out.append("")
            continue
        if (
            out
            and out[-1]
            and line[0].islower()
            and out[-1][-1] not in ".!?:\"”’'"
            and len(out[-1]) > 40
        ):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return [p for p in out if p]


def _front_matter(text: str) -> RawArticle | None:
    m = FRONT_MATTER.match(text)
    if not m:
        return None
    meta: dict[str, str] = {}
    for line in m.group(2).splitlines():
        key, sep, value = line.partition("=" if m.group(1) == "+++" else ":")
        key = key.strip().lower()
        if sep and key in META_KEYS:
            meta[key] = value.strip().strip("'\"")
    body = text[m.end() :]
    paragraphs = [re.sub(r"^#+\s*", "", p) for p in split_paragraphs(body)]
    return RawArticle(paragraphs=paragraphs, meta=meta)


def _json_articles(text: str) -> list[RawArticle]:
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ArticleError(f"invalid JSON: {exc.msg} at line {exc.lineno}") from exc
    except RecursionError as exc:
        raise ArticleError("invalid JSON: nested too deeply to be an article") from exc
    items = data if isinstance(data, list) else [data]
    out: list[RawArticle] = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise ArticleError(f"JSON item {i} is not an article object")
        body = item.get("body") or item.get("text") or item.get("content")
        if not isinstance(body, str) or not body.strip():
            raise ArticleError(f"JSON item {i} has no 'body' (or 'text'/'content') string")
        meta = {k: str(v) for k, v in item.items() if k in META_KEYS and v is not None}
        suffix = "" if not isinstance(data, list) else f"-{item.get('id') or i + 1}"
        out.append(RawArticle(paragraphs=split_paragraphs(body), meta=meta, suffix=suffix))
    return out


class _HTMLText(HTMLParser):
    BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "li", "blockquote", "div", "br", "title"})
    SKIP = frozenset({"script", "style", "nav", "footer", "aside", "header", "figure"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self.meta: dict[str, str] = {}
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in self.SKIP:
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "meta":
            key = (a.get("property") or a.get("name") or "").lower()
            for name, field_name in (
                ("og:title", "title"),
                ("article:published_time", "date"),
                ("og:url", "url"),
                ("og:site_name", "outlet"),
                ("author", "byline"),
            ):
                if key == name and a.get("content"):
                    self.meta[field_name] = a["content"]
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self._skip:
            self._skip -= 1
        elif tag == "title":
            self._in_title = False
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skip:
            self.parts.append(re.sub(r"\s+", " ", data))


def _html(text: str) -> RawArticle:
    parser = _HTMLText()
    parser.feed(text)
    meta = dict(parser.meta)
    if parser.title.strip() and "title" not in meta:
        meta["title"] = parser.title.strip()
    paragraphs = [line.strip() for line in "".join(parser.parts).split("\n") if line.strip()]
    return RawArticle(paragraphs=paragraphs, meta=meta)


def _saved_page(text: str) -> RawArticle:
    """A saved newsroom page is read like a fetched one (trafilatura: main text, metadata);
    a small or unusual HTML file, where that finds no article, by its paragraphs."""
    from bot.corpus.page import read_page  # imported here: page.py builds on this module

    try:
        return read_page(text, "")
    except ArticleError:
        return _html(text)


def parse_text(text: str, suffix: str) -> list[RawArticle]:
    """Parse one file's decoded text by its extension (``.json``, ``.html``, else text)."""
    suffix = suffix.lower()
    if suffix == ".json":
        return _json_articles(text)
    if suffix in (".html", ".htm"):
        return [_saved_page(text)]
    front = _front_matter(text)
    if front is not None:
        return [front]
    return [RawArticle(paragraphs=split_paragraphs(text), plain=True)]
