"""Reading article files into cleaned ``Article`` models; bad files become skip reasons."""

from __future__ import annotations

import codecs
import hashlib
import logging
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bot.corpus.boilerplate import Furniture
from bot.corpus.dates import parse_date, plausible, split_dateline
from bot.corpus.formats import RawArticle, parse_text
from bot.corpus.page import read_page
from bot.errors import ArticleError
from bot.models import Article, Paragraph
from bot.settings import CorpusSettings

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".json", ".html", ".htm", ""})
HEAD_LINES = 4  # title, date and furniture only ever sit in the first few lines
# What no database stores, though a JSON escape ("\\ud800", "\\u0000") or a stray byte puts
# it in a string: a lone UTF-16 surrogate and NUL. One such character stopped a whole run.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Skipped:
    """A file that was not read, and why (one line, for logs and summaries)."""

    path: Path
    reason: str


BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes) -> str:
    """Decode article bytes: UTF-16/32 with a BOM, UTF-8 (with or without BOM), else
    Windows-1252; reject binary."""
    if not data.strip():
        raise ArticleError("empty file")
    for bom, codec in BOMS:  # UTF-32 LE's BOM starts like UTF-16 LE's: longest first
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise ArticleError(
                    f"starts with a {codec.upper()} mark but is not {codec}"
                ) from exc
    if b"\x00" in data[:8192]:
        raise ArticleError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ArticleError("not UTF-8 and not decodable as Windows-1252 text") from exc


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    return 3 <= len(words) <= 30 and line.rstrip()[-1] not in ".:;,"


def _head(raw: RawArticle) -> tuple[str | None, str | None, list[str]]:
    """For plain text: (title, date text, remaining paragraphs) from the first lines."""
    title: str | None = None
    published: str | None = None
    paragraphs = list(raw.paragraphs)
    i = 0
    while i < min(HEAD_LINES, len(paragraphs)):
        line = paragraphs[i]
        dated = None if published else split_dateline(line)
        if dated is not None:
            value, rest = dated
            published = value.isoformat()
            if rest:
                paragraphs[i] = rest
                i += 1
            else:
                del paragraphs[i]
            continue
        if title is None and i == 0 and _looks_like_headline(line) and len(paragraphs) > 1:
            title = line
        i += 1
    return title, published, paragraphs


def _derived_title(paragraphs: list[str]) -> str | None:
    if not paragraphs:
        return None
    first = paragraphs[0]
    return first if len(first) <= 100 else first[:99].rsplit(" ", 1)[0] + "…"


def storable(text: str) -> str:
    """The text as a database can store it: lone surrogates become U+FFFD, NULs go."""
    return LONE_SURROGATE.sub("\ufffd", text).replace("\x00", "")


def build_article(
    raw: RawArticle, article_id: str, furniture: Furniture, source: str, digest: str
) -> Article:
    """Clean one raw article and assemble the model (body = paragraphs joined by blank lines)."""
    article_id = storable(article_id)
    raw.meta = {key: storable(value) for key, value in raw.meta.items()}
    raw.paragraphs = furniture.clean([storable(p) for p in raw.paragraphs])
    meta = raw.meta
    title = meta.get("title")
    date_text = meta.get("date") or meta.get("published")
    paragraphs = raw.paragraphs
    if raw.plain:
        head_title, head_date, paragraphs = _head(raw)
        title = title or head_title
        date_text = date_text or head_date
    if not paragraphs:
        raise ArticleError("no article text left after removing page furniture")
    published = parse_date(date_text) if date_text else None
    if date_text and published is None:
        log.warning("%s: unrecognised date %r; published left empty", source, date_text)
    elif published is not None and not plausible(published):
        log.warning("%s: impossible date %r; published left empty", source, date_text)
        published = None
    body_parts: list[Paragraph] = []
    offset = 0
    for index, text in enumerate(paragraphs):
        body_parts.append(Paragraph(index=index, start=offset, end=offset + len(text), text=text))
        offset += len(text) + 2
    return Article(
        id=article_id,
        title=title or _derived_title(paragraphs),
        published=published,
        url=meta.get("url") or meta.get("link"),
        outlet=meta.get("outlet") or meta.get("source"),
        byline=meta.get("byline") or meta.get("author"),
        body="\n\n".join(paragraphs),
        paragraphs=tuple(body_parts),
        source=source,
        content_hash=digest,
        language=meta.get("language") or meta.get("lang"),
    )


def read_bytes(path: Path, data: bytes, settings: CorpusSettings) -> list[Article]:
    """Articles in one file's bytes. Raises ArticleError with a one-line reason."""
    if len(data) > settings.max_bytes:
        raise ArticleError(f"file too large ({len(data):,} bytes > {settings.max_bytes:,})")
    text = decode(data)
    digest = hashlib.sha256(data).hexdigest()
    furniture = Furniture.from_rules(settings.boilerplate)
    articles = [
        build_article(raw, path.stem + raw.suffix, furniture, str(path), digest)
        for raw in parse_text(text, path.suffix)
    ]
    seen: set[str] = set()
    for article in articles:
        if article.id in seen:
            raise ArticleError(f"two articles in this file have the id {article.id!r}")
        seen.add(article.id)
    return articles


def url_article_id(url: str) -> str:
    """A stable id for an article known by its URL: the last path segment (readable in
    links) and a hash of the whole canonical URL (unique)."""
    parts = urlsplit(url)
    slug = re.sub(r"[^a-z0-9]+", "-", parts.path.rstrip("/").rsplit("/", 1)[-1].lower())
    slug = slug.strip("-")[:60] or re.sub(r"[^a-z0-9]+", "-", parts.netloc.lower())
    return f"{slug}_{hashlib.sha256(url.encode()).hexdigest()[:12]}"


def read_page_article(html: str, url: str, settings: CorpusSettings) -> Article:
    """The article on a web page, known by its canonical URL (the page's own, else ``url``).

    The content hash covers the article's text and metadata, not the page's HTML: a page
    whose adverts or "Most read" list changed is the same version of the article."""
    raw = read_page(html, url)
    canonical = raw.meta.get("url") or url
    if urlsplit(canonical).scheme not in ("http", "https"):
        canonical = url
    raw.meta["url"] = canonical
    furniture = Furniture.from_rules(settings.boilerplate)
    identity = "\n".join([*(f"{k}={v}" for k, v in sorted(raw.meta.items())), *raw.paragraphs])
    digest = hashlib.sha256(identity.encode("utf-8")).hexdigest()
    return build_article(raw, url_article_id(canonical), furniture, canonical, digest)


def file_bytes(path: Path) -> bytes:
    """A regular file's bytes; a broken link, a link loop, a FIFO or a device is an
    ArticleError (reading a FIFO would block the whole run)."""
    try:
        info = path.stat()
    except OSError as exc:
        kind = "broken or looping link" if path.is_symlink() else "cannot read"
        raise ArticleError(f"{kind}: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(info.st_mode):
        raise ArticleError("not a regular file (a FIFO, socket or device)")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"cannot read: {exc.strerror or exc}") from exc


def read_file(path: Path, settings: CorpusSettings) -> list[Article]:
    """Articles in one file. Raises ArticleError with a one-line reason."""
    return read_bytes(path, file_bytes(path), settings)


def article_files(paths: Iterable[Path]) -> list[Path]:
    """Article files under the given files/directories, sorted, hidden files excluded."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p  # every non-directory entry: odd ones are reported, not silently passed over
                for p in sorted(path.rglob("*"))
                if (p.is_symlink() or not p.is_dir())
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and p.suffix.lower() in ARTICLE_SUFFIXES
            )
        else:
            found.append(path)
    return found


def read_all(
    paths: Iterable[Path], settings: CorpusSettings
) -> Iterator[tuple[Path, list[Article] | Skipped]]:
    """Read every article file under ``paths``; a bad file yields ``Skipped``, the rest go on."""
    for path in article_files(paths):
        try:
            yield path, read_file(path, settings)
        except ArticleError as exc:
            log.info("skipped %s: %s", path, exc)  # the caller reports it once, to the user
            yield path, Skipped(path, str(exc))
