"""Extracting the archive's articles again when the extraction rules changed (an upgrade, new
aliases, other sieves): an archive answers as one built today does. The stored article text
is extracted again — no file or page is read — and only the quotes and reports are replaced,
so nothing an editor or a digest relies on moves (see ``bot.store.extraction_repo``)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from bot.extraction import build_extractor, extraction_stamp
from bot.ingest_pool import Task, default_jobs, prepared
from bot.progress import Progress
from bot.quotes.extract import Extractor
from bot.settings import Settings
from bot.store.database import Store
from bot.store.extraction_repo import ExtractionRepository
from bot.store.rows import ArticleRows

log = logging.getLogger(__name__)
READ_BATCH = 2000  # articles read back from the archive at a time (memory stays flat)
WRITE_BATCH = 50  # articles whose quotes are replaced in one transaction


def bring_up_to_date(
    store: Store,
    settings: Settings,
    extractor: Extractor | None = None,
    progress: bool = False,
    jobs: int | None = None,
    stopped: Callable[[], bool] = lambda: False,
) -> int:
    """Extract every stored article again unless the archive's quotes already carry the
    current rules' stamp; how many articles were extracted again (0 when up to date, and
    for an empty archive, which is simply stamped). ``stopped`` is asked between articles:
    a stopped run leaves the stamp unset, so the next run does it again from the start."""
    extractor = extractor or build_extractor(settings)
    stamp = extraction_stamp(extractor)
    repo = ExtractionRepository(store)
    if repo.stamp() == stamp:
        return 0
    ids = repo.article_ids()
    if ids:
        log.info("extracting %d stored articles again: the extraction rules changed", len(ids))
    bar = Progress(len(ids), "re-extract") if progress and len(ids) > 50 else None
    workers = jobs if jobs is not None else default_jobs()
    done, halted = 0, False
    for start in range(0, len(ids), READ_BATCH):
        if stopped():  # asked between batches too (a stop inside one is caught below)
            halted = True
            break
        articles = repo.articles(ids[start : start + READ_BATCH])
        tasks = [Task(Path(a.source or a.id), article=a) for a in articles]
        batch: list[ArticleRows] = []
        for item in prepared(tasks, settings.corpus, extractor, workers):
            if stopped():
                halted = True
                break
            batch.extend(item.articles)  # a stored article always extracts (no reading)
            done += 1
            if len(batch) >= WRITE_BATCH:
                repo.replace_spoken(batch)
                batch.clear()
            if bar:
                bar.step()
        if batch:
            repo.replace_spoken(batch)
    if bar:
        bar.close()
    if halted:
        return done  # no stamp: the next run extracts the archive again
    repo.set_stamp(stamp)
    return len(ids)
