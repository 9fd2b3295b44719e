"""Reading and extracting article files on every core, in order, for one writer.

Extraction is pure CPU work (a few milliseconds an article) and the archive takes one writer,
so files are read and extracted in a process pool (``--jobs``) and handed back in file order;
the caller writes them. A worker that cannot read a file reports why, like the serial path.
"""

from __future__ import annotations

import os
import threading
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_all_start_methods, get_context
from multiprocessing.context import BaseContext
from pathlib import Path

from bot.corpus.reader import file_bytes, read_bytes
from bot.errors import ArticleError
from bot.models import Article
from bot.quotes.extract import Extractor
from bot.settings import CorpusSettings
from bot.store.rows import ArticleRows, article_rows

POOL_MIN_FILES = 40  # fewer files than this are extracted in the calling process
CHUNK = 8  # files per task: enough to amortise the round trip, small enough to stay in order
IN_FLIGHT_PER_JOB = 4  # chunks queued per worker
# Workers yield the CPU to the writer: it is the one serial stage, and a writer waiting for a
# core stalls every worker behind a full window (at the workers' priority, its batches took
# 1.6× their CPU time on 2 cores; niced, 1.1×).
WORKER_NICENESS = 5


@dataclass(frozen=True)
class Task:
    """A file to read and extract (its bytes travel only when they were already read), or an
    article already read (a stored one, extracted again)."""

    path: Path
    data: bytes | None = None
    article: Article | None = None


@dataclass(frozen=True)
class Prepared:
    """A file's extracted articles, as the archive's rows, or the one-line reason it cannot be
    read."""

    path: Path
    articles: tuple[ArticleRows, ...] = ()
    error: str | None = None


_worker_corpus: CorpusSettings | None = None
_worker_extractor: Extractor | None = None


def _init_worker(corpus: CorpusSettings, extractor: Extractor) -> None:
    global _worker_corpus, _worker_extractor
    os.nice(WORKER_NICENESS)
    _worker_corpus = corpus
    _worker_extractor = extractor


def prepare(task: Task, corpus: CorpusSettings, extractor: Extractor) -> Prepared:
    """Read one file's articles and extract their quotes, as the rows the writer inserts."""
    try:
        if task.article is not None:
            articles = [task.article]
        else:
            data = task.data if task.data is not None else file_bytes(task.path)
            articles = read_bytes(task.path, data, corpus)
        return Prepared(task.path, tuple(article_rows(extractor.extract(a)) for a in articles))
    except ArticleError as exc:
        return Prepared(task.path, error=str(exc))
    except RecursionError:
        return Prepared(task.path, error="too deeply nested to read")


def _prepare_chunk(chunk: list[Task]) -> list[Prepared]:
    assert _worker_corpus is not None and _worker_extractor is not None
    return [prepare(task, _worker_corpus, _worker_extractor) for task in chunk]


def default_jobs() -> int:
    """All the cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def prepared(
    tasks: Sequence[Task], corpus: CorpusSettings, extractor: Extractor, jobs: int
) -> Iterator[Prepared]:
    """Each task's result, in task order: in a pool of ``jobs`` processes when it pays."""
    if jobs <= 1 or len(tasks) < POOL_MIN_FILES:
        for task in tasks:
            yield prepare(task, corpus, extractor)
        return
    # Only a few chunks are in flight at a time, so a writer slower than the pool never makes
    # extracted articles pile up in memory.
    chunks = [list(tasks[i : i + CHUNK]) for i in range(0, len(tasks), CHUNK)]
    window: deque[Future[list[Prepared]]] = deque()
    with ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=_start_method(),
        initializer=_init_worker,
        initargs=(corpus, extractor),
    ) as pool:
        try:
            for chunk in chunks:
                window.append(pool.submit(_prepare_chunk, chunk))
                if len(window) >= IN_FLIGHT_PER_JOB * jobs:
                    yield from window.popleft().result()
            while window:
                yield from window.popleft().result()
        finally:
            # A caller that stops reading (a clock asked to stop) waits for the chunks being
            # extracted, not for those still queued.
            for future in window:
                future.cancel()


def _start_method() -> BaseContext:
    """How workers start: forked from this process when it runs no other thread (they start
    at once, the extractor already imported); otherwise from a fork server that imports this
    module once, since forking beside running threads can copy a lock some thread holds (the
    Slack server's scheduled ingest runs beside its web and clock threads)."""
    methods = get_all_start_methods()
    if threading.active_count() == 1 and "fork" in methods:
        return get_context("fork")
    if "forkserver" in methods:
        context = get_context("forkserver")
        context.set_forkserver_preload([__name__])
        return context
    return get_context("spawn")
