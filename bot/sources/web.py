"""From a URL to articles: a feed or sitemap is expanded to its pages, a page is read.

Each URL yields one ``WebItem``: an article, "unchanged" (the server answered 304), a listing
(a feed or sitemap, whose pages follow), or a problem with its one-line reason. One bad URL
never stops the others. A listing's validators are only worth keeping when all its pages
were read: otherwise an unchanged feed would hide a page that failed last time.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from bot.corpus.reader import read_page_article
from bot.errors import ArticleError
from bot.models import Article, Validators
from bot.settings import CorpusSettings
from bot.sources.discover import Kind, kind_of, listing
from bot.sources.fetch import Fetcher, FetchError

MAX_DEPTH = 2  # a sitemap index -> its sitemaps -> their pages
MAX_PAGES_PER_LISTING = 500  # the newest entries of a huge sitemap; the rest next time
OUT_OF_TIME = "not read: this source's scan ran out of time (the next scan goes on)"


@dataclass(frozen=True)
class WebItem:
    """What one URL gave."""

    url: str
    article: Article | None = None
    validators: Validators | None = None  # to save for the next conditional request
    unchanged: bool = False
    listing: bool = False
    problem: str | None = None


@dataclass
class Crawl:
    """One run over some URLs: each page is read at most once, whichever listing names it."""

    fetcher: Fetcher
    settings: CorpusSettings
    validators_of: Callable[[str], Validators | None]
    max_pages: int = MAX_PAGES_PER_LISTING  # per feed or sitemap
    seen: set[str] = field(default_factory=set)
    problems: int = 0
    scan_deadline: float | None = None  # time.monotonic() past which this source's scan stops

    def time_left(self) -> float | None:
        """Seconds this source's scan has left (None: no limit)."""
        return None if self.scan_deadline is None else self.scan_deadline - time.monotonic()

    def out_of_time(self) -> bool:
        """Whether this source's scan has used its time."""
        left = self.time_left()
        return left is not None and left <= 0

    def start_source(self, seconds: float) -> None:
        """Give the next source (a feed and its pages) ``seconds`` of wall-clock time."""
        self.scan_deadline = time.monotonic() + seconds

    def items(self, url: str, depth: int = 0, expect: Kind | None = None) -> Iterator[WebItem]:
        """The URL's item, then (for a feed or sitemap) those of its pages. ``expect``: the
        kind the configuration says the URL is; a different document is reported, not read."""
        if url in self.seen:
            return
        if self.out_of_time():
            self.problems += 1  # not marked seen: the next source may still reach it
            yield WebItem(url, problem=OUT_OF_TIME)
            return
        self.seen.add(url)
        try:
            fetched = self.fetcher.fetch(url, self.validators_of(url), self.time_left())
        except FetchError as exc:
            self.problems += 1
            yield WebItem(url, problem=exc.reason)
            return
        if fetched.not_modified:
            yield WebItem(url, validators=fetched.validators, unchanged=True)
            return
        kind = kind_of(fetched.content_type, fetched.body)
        if expect is not None and kind != expect:
            self.problems += 1
            yield WebItem(url, problem=f"configured as a {expect}, but it is a {kind}")
            return
        if kind == "page":
            try:
                article = read_page_article(fetched.text(), fetched.final_url, self.settings)
            except ArticleError as exc:
                self.problems += 1
                yield WebItem(url, problem=str(exc))
                return
            yield WebItem(url, article=article, validators=fetched.validators)
            return
        try:
            found = listing(kind, fetched.body)
        except ValueError as exc:
            self.problems += 1
            yield WebItem(url, problem=str(exc))
            return
        if depth >= MAX_DEPTH:
            self.problems += 1
            yield WebItem(url, problem=f"a {kind} nested more than {MAX_DEPTH} deep is not read")
            return
        before = self.problems
        children = [*found.sitemaps, *(entry.url for entry in found.entries[: self.max_pages])]
        for done, child in enumerate(children):
            if self.out_of_time():  # one line for the rest, not one per page
                self.problems += 1
                yield WebItem(
                    url, problem=f"{len(children) - done} links {OUT_OF_TIME}", listing=True
                )
                break
            yield from self.items(child, depth + 1)
        clean = self.problems == before
        yield WebItem(url, validators=fetched.validators if clean else None, listing=True)
