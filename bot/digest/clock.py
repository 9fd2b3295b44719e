"""``quotebot clock``: one scheduler that scans the corpus and posts digests.

Jobs have fixed ids (``startup``, ``scan``, ``digest``, ``heartbeat``). A lease row in the
database means a second clock against the same store refuses to start, so scaling the clock
cannot double-post. The heartbeat is a job of its own, so no scan (however slow a site) keeps
it from renewing the lease.
A digest missed while the clock was down is posted when it comes back.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import threading
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import FrameType
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.events import EVENT_SCHEDULER_STARTED
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from slack_sdk import WebClient

from bot.digest.post import DigestOutcome, DigestPoster, LeaseLost
from bot.digest.watch import WatchAlerter
from bot.errors import ConfigError
from bot.ingest import ingest
from bot.models import IngestSummary
from bot.settings import Settings
from bot.store.database import Store
from bot.store.digest_repo import DigestRepository
from bot.store.watch_repo import WatchRepository

# What signal.signal returns and takes back: a handler, SIG_DFL/SIG_IGN, or None.
SignalHandler = Callable[[int, FrameType | None], Any] | int | None
log = logging.getLogger(__name__)
LEASE = "clock"
HEARTBEAT = timedelta(seconds=30)
STALE = timedelta(minutes=2)


def utc_now() -> datetime:
    """The current time in UTC (the clock's default time source)."""
    return datetime.now(UTC)


def digest_trigger(settings: Settings) -> CronTrigger:
    """The digest cron in the configured timezone."""
    try:
        return CronTrigger.from_crontab(
            settings.digest.cron, timezone=ZoneInfo(settings.digest.timezone)
        )
    except (ValueError, KeyError) as exc:
        cron, tz = settings.digest.cron, settings.digest.timezone
        raise ConfigError(f"invalid digest schedule {cron!r} / {tz!r}: {exc}") from exc


def previous_fire_time(trigger: CronTrigger, now: datetime) -> datetime | None:
    """The last time the cron fired at or before ``now`` (within the last eight days)."""
    fire = trigger.get_next_fire_time(None, now - timedelta(days=8))
    last = None
    while fire is not None and fire <= now:
        last = fire
        fire = trigger.get_next_fire_time(fire, fire + timedelta(seconds=1))
    return last


class Clock:
    """The scan and digest jobs for one store, with an injectable time source."""

    def __init__(
        self,
        settings: Settings,
        store: Store,
        client: WebClient,
        now: Callable[[], datetime] = utc_now,
        dirs: list[Path] | None = None,
    ) -> None:
        self.settings = settings
        self.dirs = settings.corpus_dirs() if dirs is None else dirs  # the folders scanned
        self.store = store
        self.repo = DigestRepository(store)
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self.poster = DigestPoster(self.repo, client, settings, holds_lease=self.holds_lease)
        self.watcher = WatchAlerter(
            WatchRepository(store),
            client,
            settings.public_base_url,
            holds_lease=self.holds_lease,
        )
        self.now = now
        self.lost = False  # set when another clock took the lease: this one must stop
        self.stopping = False  # a signal or a lost lease asked the clock to stop
        self._scheduler: BlockingScheduler | None = None
        self._scanning = threading.Lock()  # one scan at a time, whichever job started it

    def holds_lease(self) -> bool:
        """Renew the lease and say whether this clock still holds it (checked before posts)."""
        if not self.lost and not self.repo.heartbeat(LEASE, self.owner):
            self.lost = True
        return not self.lost

    def scan(self) -> IngestSummary:
        """Ingest new and changed articles from the corpus directories and every configured
        source (feeds, sitemaps, pages); alert watching channels (once per article); in
        ``on_new`` mode, post a digest when some came in.

        A digest left pending by a failed post is finished here too (every few minutes, after
        looking for it in the channel), not only at the next scheduled digest.
        """
        if not self._scanning.acquire(blocking=False):
            log.info("scan: the previous scan is still running; skipped")
            return IngestSummary(run_id=0)  # run 0: no ingest ran
        try:
            return self._scan()
        finally:
            self._scanning.release()

    def _scan(self) -> IngestSummary:
        urls, kinds = self.settings.source_urls()
        summary = ingest(
            self.store,
            self.dirs,
            self.settings,
            progress=False,
            urls=urls,
            kinds=kinds,
            stopped=lambda: self.stopping,
        )
        log.info("%s", summary.line())
        for where, reason in summary.problems:  # the clock's log is where they are reported
            log.warning("skipped %s: %s", where, reason)
        if self.stopping:
            return summary  # alerts and digests wait for the next clock: it starts at once
        alerts = self.watcher.run(self.now())
        if alerts:
            log.info("watch: posted %d alert(s)", alerts)
        if self.settings.digest.mode == "on_new" and (summary.new or summary.changed):
            self.digest()
        elif self.repo.pending():
            log.info("%s", self.poster.finish_pending(self.now()).line())
        return summary

    def digest(self) -> DigestOutcome:
        """Post pending and new digests."""
        outcome = self.poster.run(self.now())
        log.info("%s", outcome.line())
        return outcome

    def start_up(self) -> None:
        """The first scan, then a digest missed while the clock was down."""
        self.scan()
        if not self.stopping:
            self.catch_up()

    def catch_up(self) -> DigestOutcome | None:
        """Post a cron digest missed while the clock was down (and any pending one)."""
        if self.settings.digest.mode != "cron":
            return self.digest() if self.repo.pending() else None
        missed = previous_fire_time(digest_trigger(self.settings), self.now())
        last = self.repo.last_created()
        if self.repo.pending() or (missed is not None and (last is None or last < missed)):
            return self.digest()
        return None

    def beat(self) -> None:
        """Renew the lease; stop the scheduler if another clock took it.

        Raising inside a job would not do: APScheduler catches every exception of its jobs,
        SystemExit included, and the clock would go on posting beside the new lease holder.
        """
        if not self.holds_lease():
            log.error("clock lease lost to another process; stopping")
            self.stop()

    def stop(self, *_signal: object) -> None:
        """Stop the scheduler (SIGTERM, SIGINT, or a lost lease); ``run`` then releases."""
        self.stopping = True
        if self._scheduler is not None and self._scheduler.running:
            self._scheduler.shutdown(wait=False)

    @staticmethod
    def _restore(previous: dict[signal.Signals, SignalHandler]) -> None:
        for sig, handler in previous.items():
            signal.signal(sig, handler)

    def _stop_if_asked(self, _event: object) -> None:
        """A stop that came while the scheduler was starting (not yet running, so it could
        not be shut down) takes effect as soon as it runs: no clock outlives its SIGTERM."""
        if self.stopping:
            self.stop()

    def scheduler(self) -> BlockingScheduler:
        """The scheduler with its three fixed-id jobs."""
        tz = ZoneInfo(self.settings.digest.timezone)
        sched = BlockingScheduler(timezone=tz)
        sched.add_listener(self._stop_if_asked, EVENT_SCHEDULER_STARTED)
        every = IntervalTrigger(minutes=self.settings.digest.scan_interval_minutes, timezone=tz)
        sched.add_job(
            self._safe(self.scan),
            every,
            id="scan",
            max_instances=1,
            coalesce=True,
            replace_existing=True,
        )
        if self.settings.digest.mode == "cron":
            sched.add_job(
                self._safe(self.digest),
                digest_trigger(self.settings),
                id="digest",
                max_instances=1,
                coalesce=True,
                misfire_grace_time=3600,
                replace_existing=True,
            )
        sched.add_job(
            self.beat,
            IntervalTrigger(seconds=HEARTBEAT.total_seconds()),
            id="heartbeat",
            replace_existing=True,
        )
        # At once, but as a job: the heartbeat keeps the lease while a first scan is slow.
        sched.add_job(
            self._safe(self.start_up), id="startup", misfire_grace_time=None, replace_existing=True
        )
        return sched

    def _safe(self, job: Callable[[], object]) -> Callable[[], None]:
        def run() -> None:
            try:
                job()
            except LeaseLost:
                log.error("clock lease lost to another process; stopping")
                self.stop()
            except Exception:  # a failed run is logged; the next run tries again
                log.exception("clock job %s failed", getattr(job, "__name__", job))

        run.__name__ = getattr(job, "__name__", "job")
        return run

    def acquire(self) -> None:
        """Take the clock lease or refuse to start."""
        if not self.repo.acquire_lease(LEASE, self.owner, STALE):
            raise ConfigError(
                "another quotebot clock is running against this database; "
                "run exactly one clock process (it is released when that clock stops)"
            )

    def run(self) -> None:
        """Acquire the lease, catch up, then run the scheduler until stopped.

        SIGTERM (every Heroku restart and deploy) and SIGINT stop the scheduler and release
        the lease, so the next clock starts at once; a lost lease exits with status 1.
        """
        self.poster.channel  # noqa: B018 - fail fast on a missing channel
        # The handlers go in before the lease is taken: a SIGTERM between the two would
        # otherwise kill the process holding the lease, and the next clock would wait for it.
        previous = {sig: signal.signal(sig, self.stop) for sig in (signal.SIGTERM, signal.SIGINT)}
        try:
            self.acquire()
        except BaseException:
            self._restore(previous)
            raise
        d = self.settings.digest
        when = "after scans that find articles" if d.mode == "on_new" else f"at '{d.cron}'"
        log.info(
            "clock: lease held; scanning every %d min, digests to %s %s (%s)",
            d.scan_interval_minutes,
            d.channel,
            when,
            d.timezone,
        )
        try:
            self._scheduler = self.scheduler()
            if not self.stopping:
                self._scheduler.start()
        finally:
            self._restore(previous)
            self.repo.release_lease(LEASE, self.owner)
        if self.lost:
            raise SystemExit(1)
