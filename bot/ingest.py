"""Ingesting corpus directories into the store: idempotent, file by file, nothing lost."""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from bot.corpus.reader import article_files, file_bytes
from bot.errors import ArticleError
from bot.extraction import build_extractor
from bot.ingest_pool import Prepared, Task, default_jobs, prepared
from bot.models import AddedArticle, Article, IngestSummary
from bot.progress import Progress
from bot.quotes.extract import Extractor
from bot.reextract import bring_up_to_date
from bot.settings import Settings
from bot.sources.discover import Kind
from bot.sources.fetch import Fetcher
from bot.sources.web import Crawl
from bot.store.database import Store
from bot.store.ingest_repo import StoredFile

log = logging.getLogger(__name__)
BULK = 100  # files changed in one run after which the planner's statistics are refreshed
# Files written per transaction: a bulk import's commits cost less, and a killed run loses at
# most this many files' work (never data: they are read again next time).
WRITE_BATCH = 25
# An editor's "add" answers in Slack within a minute: a feed or sitemap pasted there is read
# to its newest pages only (configure it as a source for the rest).
ADD_MAX_PAGES = 20


def ingest(
    store: Store,
    dirs: Sequence[Path],
    settings: Settings,
    progress: bool = True,
    urls: Sequence[str] = (),
    kinds: Mapping[str, Kind] | None = None,
    jobs: int | None = None,
    max_pages: int | None = None,
    stopped: Callable[[], bool] = lambda: False,
) -> IngestSummary:
    """Index new and changed articles under ``dirs`` and at ``urls`` (feeds, sitemaps, article
    pages); mark articles whose files are gone. ``kinds``: what the configuration says a URL is
    (feed, sitemap, page), checked against the document.

    Unchanged files (same content hash) are not re-read; unchanged pages cost a 304. Files are
    extracted on ``jobs`` cores (default: all) and written by this process, each file in its
    own transaction, so a bad file or URL is skipped with its reason and nothing already
    indexed is lost.

    ``stopped`` is asked between files and pages: once it says yes (a clock's SIGTERM), what
    is written stays written, nothing more is read, and no file is taken for removed.
    """
    extractor = build_extractor(settings)
    store.ingest.sync_aliases(dict(extractor.aliases))
    # Quotes extracted by older rules are brought up to date first, so the archive answers as
    # one built today would; not for an editor's "add" (max_pages), which must answer at once.
    reextracted = (
        bring_up_to_date(store, settings, extractor, progress=progress, jobs=jobs, stopped=stopped)
        if max_pages is None
        else 0
    )
    # Every stored file, to compare hashes and find removed files; a run over URLs alone
    # (an editor's "add") asks per article instead of reading the whole archive's list.
    known = store.ingest.stored_files() if dirs else {}
    run_id = store.ingest.start_run()
    counts = {"new": 0, "changed": 0, "unchanged": 0, "removed": 0, "skipped": 0}
    problems: list[tuple[str, str]] = []
    unread: Counter[str] = Counter()  # articles in a language no rules of ours read
    dirs = [d.resolve() for d in dirs]
    files = article_files(dirs)
    seen_sources: set[str] = set()
    claimed: dict[str, str] = {}  # article id -> source that indexed it in this run
    bar = Progress(len(files), "ingest") if progress and len(files) > 50 else None
    todo: list[Task] = []
    for path in files:
        source = str(path)
        seen_sources.add(source)
        try:
            data = _file_bytes_named_in_utf8(path, source)
        except ArticleError as exc:
            # The name as the editor can read it: the raw bytes are no string to store or print.
            source = source.encode("utf-8", "backslashreplace").decode("utf-8")
            log.info("skipped %s: %s", path, exc)  # the caller reports problems, once
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
        todo.append(Task(path))  # read again by the worker: no bytes held for a long run
    workers = jobs if jobs is not None else default_jobs()
    batch: list[tuple[Prepared, StoredFile | None]] = []

    def flush() -> None:
        _write_batch(store, batch, run_id, claimed, counts, problems, unread)
        if bar:
            bar.step(len(batch))
        batch.clear()

    for item in prepared(todo, settings.corpus, extractor, workers):
        if stopped():
            break  # the files not written are still "seen": none is marked removed
        source = str(item.path)
        error = item.error
        if error is None:
            # Two files claiming one article id: the second is refused (checked in file order).
            in_batch = {a.id: str(p.path) for p, _ in batch for a in p.articles}
            for x in item.articles:
                other = claimed.get(x.id) or in_batch.get(x.id)
                if other is not None and other != source:
                    error = f"duplicate article id {x.id!r} (also in {other})"
                    break
        if error is not None:
            log.info("skipped %s: %s", item.path, error)
            problems.append((source, error))
            counts["skipped"] += 1
            if bar:
                bar.step()
            continue
        batch.append((item, known.get(source)))
        if len(batch) >= WRITE_BATCH:
            flush()
    if batch:
        flush()
    if bar:
        bar.close()
    pages: list[str] = []
    failed: list[str] = []
    if urls and not stopped():
        pages, failed = _ingest_urls(
            store,
            urls,
            kinds or {},
            settings,
            extractor,
            run_id,
            known,
            claimed,
            counts,
            problems,
            max_pages,
            unread,
            stopped,
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
    store.ingest.mark_removed(gone)
    counts["removed"] = len(gone)
    if counts["new"] + counts["changed"] + counts["removed"] >= BULK:
        store.refresh_statistics()
    store.ingest.finish_run(run_id, counts, problems)
    return IngestSummary(
        run_id=run_id,
        problems=tuple(problems),
        pages=tuple(pages),
        sources=len(urls or ()),
        failed_sources=tuple(failed),
        reextracted=reextracted,
        unattributed=tuple(unread.most_common()),
        stopped=stopped(),
        **counts,
    )


def remove_folder(store: Store, folder: Path) -> int:
    """Take every article indexed from files under ``folder`` out of the answers (the folder
    itself may be gone); how many articles that was."""
    prefix = str(folder.expanduser().resolve()).rstrip("/") + "/"
    gone = [
        article_id
        for source, stored in store.ingest.stored_files().items()
        if source.startswith(prefix)
        for article_id in stored.article_ids
    ]
    store.ingest.mark_removed(gone)
    return len(gone)


def _file_bytes_named_in_utf8(path: Path, source: str) -> bytes:
    """The file's bytes; ArticleError when its name is not UTF-8: the archive keeps the
    path, and no database stores the bytes Python could not decode (one such name stopped a
    whole run)."""
    try:
        source.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ArticleError("the file name is not valid UTF-8: rename the file") from exc
    return file_bytes(path)


def _write_batch(
    store: Store,
    batch: Sequence[tuple[Prepared, StoredFile | None]],
    run_id: int,
    claimed: dict[str, str],
    counts: dict[str, int],
    problems: list[tuple[str, str]],
    unread: Counter[str],
) -> None:
    """Write several files in one transaction; if that fails, each in its own, so one file
    another process is writing at the same moment costs only itself."""
    files = [(p.articles, stored.article_ids if stored else ()) for p, stored in batch]
    try:
        outcomes: list[bool | None] = list(store.ingest.replace_many(files, run_id))
    except IntegrityError:
        outcomes = []
        for one in files:
            try:
                outcomes.append(store.ingest.replace_many([one], run_id)[0])
            except IntegrityError:
                outcomes.append(None)  # indexed concurrently by another process
    for (item, stored), written in zip(batch, outcomes, strict=True):
        source = str(item.path)
        claimed.update({x.id: source for x in item.articles})
        if written:
            unread.update(x.unread_language for x in item.articles if x.unread_language)
        if not written:
            # None: another process indexed this file at the same moment; False: it has
            # just stored this very version.
            if written is None:
                log.info("%s was indexed concurrently by another process", item.path)
            counts["unchanged"] += 1
        else:
            counts["changed" if stored is not None else "new"] += 1


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
    max_pages: int | None,
    unread: Counter[str],
    stopped: Callable[[], bool],
) -> tuple[list[str], list[str]]:
    """Index the articles at some URLs: a feed or sitemap is expanded, a page is read.

    An article is known by its canonical URL, so one reached through a feed and a sitemap
    (or with tracking parameters) is one article, read once. Returns the ids of the articles
    read."""
    web = settings.web
    pages: list[str] = []
    failed: list[str] = []
    fetcher = Fetcher(
        timeout=web.timeout_seconds,
        max_bytes=settings.corpus.max_bytes,
        min_interval=web.min_interval_seconds,
        respect_robots=web.respect_robots,
        allow_hosts=web.allow_hosts,
        deadline=web.deadline_seconds,
    )
    with fetcher:
        crawl = Crawl(fetcher, settings.corpus, store.ingest.validators)
        if max_pages is not None:
            crawl.max_pages = max_pages
        for url in urls:
            if stopped():
                break
            crawl.start_source(web.scan_deadline_seconds)
            for item in crawl.items(url, expect=kinds.get(url)):
                if stopped():
                    break
                if item.url == url and item.problem is not None and not item.listing:
                    failed.append(url)  # the source itself could not be read
                if item.problem is not None:
                    log.info("skipped %s: %s", item.url, item.problem)
                    problems.append((item.url, item.problem))
                    counts["skipped"] += 1
                    continue
                if item.article is not None:
                    outcome = _write_page(
                        store, item.article, extractor, run_id, (known, claimed, unread)
                    )
                    counts[outcome] += 1
                    pages.append(item.article.id)
                elif item.unchanged and (known.get(item.url) or store.ingest.stored_file(item.url)):
                    counts["unchanged"] += 1  # an article page; a feed or sitemap is no article
                if item.validators is not None:
                    store.ingest.save_validators(item.url, item.validators)
    return pages, failed


def _write_page(
    store: Store,
    article: Article,
    extractor: Extractor,
    run_id: int,
    seen: tuple[dict[str, StoredFile], dict[str, str], Counter[str]],
) -> str:
    """Write one web article unless this version is stored; "new", "changed" or "unchanged".
    ``seen``: the stored files, the articles claimed in this run, and the run's count of
    articles in languages no rules of ours read."""
    known, claimed, unread = seen
    source = article.source or article.id
    stored = known.get(source) or store.ingest.stored_file(source)
    if article.id in claimed or (
        stored is not None and stored.content_hash == article.content_hash
    ):
        claimed[article.id] = source
        return "unchanged"
    extracted = extractor.extract(article)
    try:
        written = store.ingest.replace_articles(
            [extracted], run_id, replaces=stored.article_ids if stored else ()
        )
    except IntegrityError:
        written = False  # another process indexed it at the same moment
    if written and not extracted.attributed:
        unread[extracted.language] += 1
    claimed[article.id] = source
    known[source] = StoredFile((article.id,), article.content_hash)
    if not written:
        return "unchanged"
    return "changed" if stored is not None else "new"


def add_url(store: Store, url: str, settings: Settings) -> tuple[list[AddedArticle], str | None]:
    """Index one article page (or a feed's or sitemap's articles) an editor asked for: what the
    archive now holds of each, and the first problem (URL and reason), if any."""
    summary = ingest(store, [], settings, progress=False, urls=[url], max_pages=ADD_MAX_PAGES)
    added = []
    for article_id in dict.fromkeys(summary.pages):
        view = store.articles.article_view(article_id)
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
    elif not added:
        problem = f"{url}: nothing new there since it was last read"
    return added, problem
