"""Ingesting corpus directories into the store: idempotent, file by file, nothing lost."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping, Sequence
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from bot.corpus.reader import article_files, file_bytes, read_bytes
from bot.errors import ArticleError
from bot.extraction import build_extractor
from bot.models import AddedArticle, Article, IngestSummary
from bot.progress import Progress
from bot.quotes.extract import Extractor
from bot.settings import Settings
from bot.sources.discover import Kind
from bot.sources.fetch import Fetcher
from bot.sources.web import Crawl
from bot.store.repository import Store, StoredFile

log = logging.getLogger(__name__)
BULK = 100  # files changed in one run after which the planner's statistics are refreshed


def ingest(
    store: Store,
    dirs: Sequence[Path],
    settings: Settings,
    progress: bool = True,
    urls: Sequence[str] = (),
    kinds: Mapping[str, Kind] | None = None,
) -> IngestSummary:
    """Index new and changed articles under ``dirs`` and at ``urls`` (feeds, sitemaps, article
    pages); mark articles whose files are gone. ``kinds``: what the configuration says a URL is
    (feed, sitemap, page), checked against the document.

    Unchanged files (same content hash) are not re-read; unchanged pages cost a 304. Each
    article is written in its own transaction, so a bad file or URL is skipped with its reason
    and nothing already indexed is lost.
    """
    extractor = build_extractor(settings)
    store.sync_aliases(dict(extractor.aliases))
    known = store.stored_files()
    run_id = store.start_run()
    counts = {"new": 0, "changed": 0, "unchanged": 0, "removed": 0, "skipped": 0}
    problems: list[tuple[str, str]] = []
    dirs = [d.resolve() for d in dirs]
    files = article_files(dirs)
    seen_sources: set[str] = set()
    claimed: dict[str, str] = {}  # article id -> source that indexed it in this run
    bar = Progress(len(files), "ingest") if progress and len(files) > 50 else None
    for path in files:
        source = str(path)
        seen_sources.add(source)
        try:
            data = file_bytes(path)
        except ArticleError as exc:
            log.warning("skipped %s: %s", path, exc)
            problems.append((source, str(exc)))
            counts["skipped"] += 1
            continue
        stored = known.get(source)
        if stored is not None and stored.content_hash == hashlib.sha256(data).hexdigest():
            counts["unchanged"] += 1
            claimed.update(dict.fromkeys(stored.article_ids, source))
            if bar:
                bar.step()
            continue
        try:
            articles = read_bytes(path, data, settings.corpus)
            clash = next((a.id for a in articles if claimed.get(a.id, source) != source), None)
            if clash:
                raise ArticleError(f"duplicate article id {clash!r} (also in {claimed[clash]})")
            extracted = [extractor.extract(a) for a in articles]
            written = store.replace_articles(
                extracted, run_id, replaces=stored.article_ids if stored else ()
            )
        except ArticleError as exc:
            log.warning("skipped %s: %s", path, exc)
            problems.append((source, str(exc)))
            counts["skipped"] += 1
        except IntegrityError:
            # Another process (a second web dyno, the clock) indexed this file at the same moment.
            log.info("%s was indexed concurrently by another process", path)
            counts["unchanged"] += 1
        else:
            claimed.update({a.id: source for a in articles})
            if not written:
                counts["unchanged"] += 1  # another process indexed this very version just now
            else:
                counts["changed" if stored is not None else "new"] += 1
        if bar:
            bar.step()
    if bar:
        bar.close()
    pages: list[str] = []
    if urls:
        pages = _ingest_urls(
            store, urls, kinds or {}, settings, extractor, run_id, known, claimed, counts, problems
        )
    scanned = [str(d) for d in dirs]
    gone = [
        article_id
        for source, stored in known.items()
        if source not in seen_sources
        and any(source.startswith(d.rstrip("/") + "/") for d in scanned)
        for article_id in stored.article_ids
        if article_id not in claimed
    ]
    store.mark_removed(gone)
    counts["removed"] = len(gone)
    if counts["new"] + counts["changed"] + counts["removed"] >= BULK:
        store.refresh_statistics()
    store.finish_run(run_id, counts, problems)
    return IngestSummary(run_id=run_id, problems=tuple(problems), pages=tuple(pages), **counts)


def _ingest_urls(
    store: Store,
    urls: Sequence[str],
    kinds: Mapping[str, Kind],
    settings: Settings,
    extractor: Extractor,
    run_id: int,
    known: dict[str, StoredFile],
    claimed: dict[str, str],
    counts: dict[str, int],
    problems: list[tuple[str, str]],
) -> list[str]:
    """Index the articles at some URLs: a feed or sitemap is expanded, a page is read.

    An article is known by its canonical URL, so one reached through a feed and a sitemap
    (or with tracking parameters) is one article, read once. Returns the ids of the articles
    read."""
    web = settings.web
    pages: list[str] = []
    fetcher = Fetcher(
        timeout=web.timeout_seconds,
        max_bytes=settings.corpus.max_bytes,
        min_interval=web.min_interval_seconds,
        respect_robots=web.respect_robots,
        allow_private_hosts=web.allow_private_hosts,
    )
    with fetcher:
        crawl = Crawl(fetcher, settings.corpus, store.validators)
        for url in urls:
            for item in crawl.items(url, expect=kinds.get(url)):
                if item.problem is not None:
                    log.warning("skipped %s: %s", item.url, item.problem)
                    problems.append((item.url, item.problem))
                    counts["skipped"] += 1
                    continue
                if item.article is not None:
                    outcome = _write_page(store, item.article, extractor, run_id, known, claimed)
                    counts[outcome] += 1
                    pages.append(item.article.id)
                elif item.unchanged:
                    counts["unchanged"] += 1
                if item.validators is not None:
                    store.save_validators(item.url, item.validators)
    return pages


def _write_page(
    store: Store,
    article: Article,
    extractor: Extractor,
    run_id: int,
    known: dict[str, StoredFile],
    claimed: dict[str, str],
) -> str:
    """Write one web article unless this version is stored; "new", "changed" or "unchanged"."""
    source = article.source or article.id
    stored = known.get(source)
    if article.id in claimed or (
        stored is not None and stored.content_hash == article.content_hash
    ):
        claimed[article.id] = source
        return "unchanged"
    try:
        written = store.replace_articles(
            [extractor.extract(article)], run_id, replaces=stored.article_ids if stored else ()
        )
    except IntegrityError:
        written = False  # another process indexed it at the same moment
    claimed[article.id] = source
    known[source] = StoredFile((article.id,), article.content_hash)
    if not written:
        return "unchanged"
    return "changed" if stored is not None else "new"


def add_url(store: Store, url: str, settings: Settings) -> tuple[list[AddedArticle], str | None]:
    """Index one article page (or a feed's or sitemap's articles) an editor asked for: what the
    archive now holds of each, and the first problem (URL and reason), if any."""
    summary = ingest(store, [], settings, progress=False, urls=[url])
    added = []
    for article_id in dict.fromkeys(summary.pages):
        view = store.article_view(article_id)
        if view is None:
            continue
        meta, _, quotes = view
        speakers = tuple(dict.fromkeys(q.speaker for q in quotes if q.speaker))
        added.append(
            AddedArticle(
                article_id=article_id,
                title=meta.title,
                outlet=meta.outlet,
                url=meta.url,
                quotes=len(quotes),
                speakers=speakers,
            )
        )
    problem = None
    if summary.problems:
        where, reason = summary.problems[0]
        problem = f"{where}: {reason}"
    elif not added and summary.unchanged:
        problem = f"{url}: already in the archive and unchanged since it was last read"
    return added, problem
