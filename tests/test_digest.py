"""Digests: composition, splitting, exactly-once posting through failures and crashes, the clock."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from bot.digest.blocks import BLOCKS_PER_MESSAGE, digest_messages
from bot.digest.clock import Clock, digest_trigger, previous_fire_time
from bot.digest.compose import compose
from bot.digest.post import DigestPoster
from bot.errors import ConfigError
from bot.ingest import ingest
from bot.models import ArticleMeta
from bot.settings import Settings
from bot.slack.app import web_client
from bot.store import schema
from bot.store.database import Store
from bot.store.digest_repo import DigestRepository
from bot.web.serve import last_digest_line
from tests.conftest import ROOT, SEEDS
from tests.fakes.slack_api import FakeSlack

NOON = datetime(2025, 1, 13, 12, 0, tzinfo=UTC)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "corpus"
    shutil.copytree(SEEDS, d)
    return d


@pytest.fixture
def cfg(settings: Settings, fake: FakeSlack, corpus: Path) -> Settings:
    digest = settings.digest.model_copy(update={"channel": "CDIGEST"})
    corpus_cfg = settings.corpus.model_copy(update={"dirs": [str(corpus)]})
    return settings.model_copy(
        update={
            "slack_bot_token": "xoxb-test",
            "slack_api_url": fake.url + "/api/",
            "digest": digest,
            "corpus": corpus_cfg,
        }
    )


def posted_digests(fake: FakeSlack) -> dict[int, list[str]]:
    """digest id -> the fallback texts of its posted parts, from the fake channel's history."""
    out: dict[int, list[str]] = {}
    for message in fake.history:
        meta = message["metadata"] or {}
        out.setdefault(meta["event_payload"]["digest_id"], []).append(message["text"])
    return out


def test_compose_picks_notable_quotes_and_top_speakers(store_with_seeds: Store) -> None:
    repo = DigestRepository(store_with_seeds)
    ids = repo.undigested_articles()
    articles = repo.store_articles(ids)
    digest = compose(1, NOON, articles, repo.quotes_of(ids), None)
    assert len(digest.articles) == 5
    assert all(len(a.quotes) <= 3 for a in digest.articles)
    assert digest.top_speakers[0][0] == "Elon Musk"
    four = next(a for a in digest.articles if a.article.id.startswith("004"))
    assert len({q.speaker for q in four.quotes}) == 3  # different speakers preferred


def test_long_digest_splits_across_messages() -> None:
    metas = [ArticleMeta(id=f"a{i}", title=f"Story {i} <!channel>") for i in range(120)]
    digest = compose(7, NOON, metas, {}, None)
    messages = digest_messages(digest)
    assert len(messages) > 1
    assert all(len(blocks) <= BLOCKS_PER_MESSAGE + 1 for _, blocks in messages)
    assert "part 2 of" in messages[1][0]
    dumped = json.dumps([b for _, b in messages])
    assert "<!channel>" not in dumped and "&lt;!channel&gt;" in dumped


@pytest.fixture
def store_with_seeds(db_url: str, settings: Settings) -> Store:
    store = Store.open(db_url)
    ingest(store, [SEEDS], settings, progress=False)
    return store


def poster(store: Store, cfg: Settings) -> DigestPoster:
    return DigestPoster(DigestRepository(store), web_client(cfg), cfg)


def test_posts_once_and_nothing_new_means_no_post(
    store_with_seeds: Store, cfg: Settings, fake: FakeSlack
) -> None:
    first = poster(store_with_seeds, cfg).run(NOON)
    assert len(first.posted) == 1 and first.articles == 5
    (call,) = fake.of("chat.postMessage")
    assert call.body["unfurl_links"] is False and call.body["channel"] == "CDIGEST"
    assert call.body["metadata"]["event_payload"]["digest_id"] == first.posted[0]
    assert "5 new articles" in call.body["text"]
    second = poster(store_with_seeds, cfg).run(NOON)
    assert second.posted == () and len(fake.of("chat.postMessage")) == 1


def test_rate_limits_are_retried_at_once(
    store_with_seeds: Store, cfg: Settings, fake: FakeSlack
) -> None:
    fake.fail("chat.postMessage", 429, times=2, headers={"Retry-After": "0"})
    outcome = poster(store_with_seeds, cfg).run(NOON)
    assert len(outcome.posted) == 1
    assert len(fake.history) == 1


def test_a_server_error_is_not_retried_blindly(
    store_with_seeds: Store, cfg: Settings, fake: FakeSlack
) -> None:
    fake.fail("chat.postMessage", 500, times=1)
    first = poster(store_with_seeds, cfg).run(NOON)
    assert first.failed and len(fake.of("chat.postMessage")) == 0  # one try, no retry storm
    soon = poster(store_with_seeds, cfg).run(NOON + timedelta(seconds=10))
    assert soon.failed and len(fake.history) == 0  # Slack's history may lag: not yet
    later = poster(store_with_seeds, cfg).run(NOON + timedelta(minutes=2))
    assert len(later.posted) == 1 and len(fake.history) == 1


@pytest.mark.parametrize("when", [timedelta(seconds=5), timedelta(minutes=2)])
def test_stored_then_500_is_never_posted_twice(
    store_with_seeds: Store, cfg: Settings, fake: FakeSlack, when: timedelta
) -> None:
    fake.fail_after_storing = 1  # Slack keeps the message but answers 500
    first = poster(store_with_seeds, cfg).run(NOON)
    assert first.failed and len(fake.history) == 1
    again = poster(store_with_seeds, cfg).run(NOON + when)
    assert len(again.posted) == 1  # found by its metadata in the channel history
    assert len(fake.history) == 1 and DigestRepository(store_with_seeds).pending() == []


def test_a_stored_digest_is_found_deep_in_a_busy_channel(
    store_with_seeds: Store, cfg: Settings, fake: FakeSlack
) -> None:
    fake.fail_after_storing = 1
    fake.history_page_size = 3  # the digest ends up on the third page of the channel
    first = poster(store_with_seeds, cfg).run(NOON)
    assert first.failed and len(fake.history) == 1
    chatter = [{"ts": f"1700000001.{n:06d}", "text": "chat", "metadata": None} for n in range(7)]
    fake.history += [{**m, "channel": "CDIGEST"} for m in chatter]
    fake.history += [{**m, "channel": "COTHER"} for m in chatter]
    again = poster(store_with_seeds, cfg).run(NOON + timedelta(minutes=2))
    assert len(again.posted) == 1
    assert len(fake.of("chat.postMessage")) == 1  # found, not posted again
    pages = fake.of("conversations.history")
    assert {call.body["channel"] for call in pages} == {"CDIGEST"} and len(pages) == 3


def digest_env(db_url: str, fake: FakeSlack) -> dict[str, str]:
    """The environment of a `quotebot digest --now` process against the fake Slack."""
    return {
        **os.environ,
        "DATABASE_URL": db_url,
        "SLACK_BOT_TOKEN": "xoxb-test",
        "QUOTEBOT_SLACK_API_URL": fake.url + "/api/",
        "QUOTEBOT_DIGEST__CHANNEL": "CDIGEST",
    }


def test_digest_now_under_500_after_storing_posts_once(
    store_with_seeds: Store, cfg: Settings, fake: FakeSlack, db_url: str
) -> None:
    env = digest_env(db_url, fake)
    fake.fail_after_storing = 5
    for _ in range(3):
        subprocess.run(
            [sys.executable, "-m", "bot", "digest", "--now"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            timeout=60,
        )
    assert len(fake.history) == 1


def test_a_long_outage_leaves_the_digest_pending_and_nothing_is_lost(
    store_with_seeds: Store, cfg: Settings, fake: FakeSlack, corpus: Path
) -> None:
    fake.fail("chat.postMessage", 500, times=20)
    down = poster(store_with_seeds, cfg).run(NOON)
    assert down.failed and not down.posted
    repo = DigestRepository(store_with_seeds)
    (pending,) = repo.pending()
    assert len(repo.articles_of(pending.id)) == 5
    fake.failures.clear()
    (corpus / "later.txt").write_text(
        'Late story\n"We are here," said Ann Lee.\n', encoding="utf-8"
    )
    ingest(store_with_seeds, [corpus], cfg, progress=False)
    back = poster(store_with_seeds, cfg).run(NOON + timedelta(minutes=5))
    assert back.posted == (pending.id, pending.id + 1)
    posted = posted_digests(fake)
    assert list(posted) == [pending.id, pending.id + 1]
    assert (
        "5 new articles" in posted[pending.id][0] and "1 new article" in posted[pending.id + 1][0]
    )
    assert repo.pending() == [] and repo.undigested_articles() == []


def test_crash_between_post_and_commit_does_not_double_post(
    store_with_seeds: Store, cfg: Settings, fake: FakeSlack, db_url: str
) -> None:
    env = digest_env(db_url, fake)
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "digest", "--now"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    fake.kill_pid_on_post = proc.pid
    proc.wait(timeout=60)
    assert proc.returncode == -9  # killed after Slack stored the message, before the commit
    repo = DigestRepository(store_with_seeds)
    assert len(repo.pending()) == 1
    assert len(fake.history) == 1
    again = subprocess.run(
        [sys.executable, "-m", "bot", "digest", "--now"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert again.returncode == 0, again.stderr
    assert len(fake.history) == 1  # found in history by its metadata: not posted again
    assert repo.pending() == [] and repo.last_sent() is not None
    assert repo.last_sent().message_ts == fake.history[0]["ts"]  # type: ignore[union-attr]


def test_dry_run_prints_and_posts_nothing(
    store_with_seeds: Store, fake: FakeSlack, db_url: str
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "digest", "--dry-run", "--db", db_url],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Quotebot digest" in result.stdout and "Elon Musk" in result.stdout
    assert fake.calls == [] and DigestRepository(store_with_seeds).pending() == []


def london(hour: int, day: int = 13) -> datetime:
    from zoneinfo import ZoneInfo

    return datetime(2025, 1, day, hour, 0, tzinfo=ZoneInfo("Europe/London"))


def test_cron_fires_at_eight_london_time(cfg: Settings) -> None:
    trigger = digest_trigger(cfg)
    assert previous_fire_time(trigger, london(9)) == london(8)
    assert previous_fire_time(trigger, london(7)) == london(8, day=12)
    clock = Clock(cfg, Store.open("sqlite://"), web_client(cfg), now=lambda: london(9))
    jobs = {job.id: job for job in clock.scheduler().get_jobs()}
    assert set(jobs) == {"scan", "digest", "heartbeat", "startup"}


def test_missed_digest_is_posted_when_the_clock_comes_back(
    db_url: str, cfg: Settings, fake: FakeSlack, corpus: Path
) -> None:
    store = Store.open(db_url)
    current = {"now": london(8, day=12).replace(minute=1)}
    clock = Clock(cfg, store, web_client(cfg), now=lambda: current["now"])
    clock.acquire()  # a clock posts only while it holds the lease
    clock.scan()
    clock.digest()  # yesterday's 08:00 digest, posted at 08:01
    assert len(posted_digests(fake)) == 1
    (corpus / "new.txt").write_text(
        'Morning story\n"Good morning," said Ann Lee.\n', encoding="utf-8"
    )
    clock.scan()
    current["now"] = london(7)  # today, before 08:00: nothing is due yet
    assert clock.catch_up() is None
    current["now"] = london(9)  # the clock was down at 08:00 and comes back at 09:00
    outcome = clock.catch_up()
    assert outcome is not None and len(outcome.posted) == 1
    assert "1 new article" in fake.history[-1]["text"]
    assert clock.catch_up() is None  # caught up: not posted again


def test_first_start_with_no_digest_ever_posts_one(
    db_url: str, cfg: Settings, fake: FakeSlack
) -> None:
    clock = Clock(cfg, Store.open(db_url), web_client(cfg), now=lambda: london(9))
    clock.acquire()
    clock.scan()
    outcome = clock.catch_up()
    assert outcome is not None and outcome.articles == 5


def test_on_new_mode_posts_after_a_scan_that_found_articles(
    db_url: str, cfg: Settings, fake: FakeSlack
) -> None:
    on_new = cfg.model_copy(update={"digest": cfg.digest.model_copy(update={"mode": "on_new"})})
    clock = Clock(on_new, Store.open(db_url), web_client(on_new), now=lambda: NOON)
    clock.acquire()
    clock.scan()
    assert len(posted_digests(fake)) == 1
    clock.scan()  # nothing new
    assert len(posted_digests(fake)) == 1


def test_second_clock_refuses_to_start(db_url: str, cfg: Settings) -> None:
    store = Store.open(db_url)
    first = Clock(cfg, store, web_client(cfg), now=lambda: NOON)
    second = Clock(cfg, Store.open(db_url), web_client(cfg), now=lambda: NOON)
    first.acquire()
    with pytest.raises(ConfigError, match="another quotebot clock"):
        second.acquire()
    first.repo.release_lease("clock", first.owner)
    second.acquire()  # released: the next one may start
    with store.engine.begin() as conn:  # a crashed clock stops renewing its lease
        conn.execute(update(schema.leases).values(heartbeat=datetime(2020, 1, 1, tzinfo=UTC)))
    first.acquire()  # a stale lease is taken over


def test_clock_needs_a_channel_and_token(db_url: str, settings: Settings) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "clock", "--db", db_url],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={k: v for k, v in os.environ.items() if k != "SLACK_BOT_TOKEN"},
    )
    assert result.returncode == 1 and "SLACK_BOT_TOKEN" in result.stderr


def test_a_clock_that_lost_its_lease_posts_nothing_and_stops(
    db_url: str, cfg: Settings, fake: FakeSlack
) -> None:
    store = Store.open(db_url)
    clock = Clock(cfg, store, web_client(cfg), now=lambda: NOON)
    clock.acquire()
    clock.scan()
    with store.engine.begin() as conn:  # paused past its lease; another clock took over
        conn.execute(update(schema.leases).values(owner="another-clock"))
    clock._safe(clock.digest)()  # as the scheduler runs it
    assert fake.history == [] and clock.lost
    clock.beat()  # the heartbeat job: no exception escapes into APScheduler
    assert clock.lost


def start_clock(db_url: str, fake: FakeSlack, corpus: Path) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": "xoxb-test",
        "QUOTEBOT_SLACK_API_URL": fake.url + "/api/",
        "QUOTEBOT_DIGEST__CHANNEL": "CDIGEST",
        "QUOTEBOT_CORPUS__DIRS": json.dumps([str(corpus)]),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "clock", "--db", db_url],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_lease(store: Store, present: bool, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with store.engine.connect() as conn:
            held = conn.execute(select(schema.leases.c.owner)).first() is not None
        if held == present:
            return
        time.sleep(0.2)
    raise AssertionError(f"lease {'never taken' if present else 'never released'}")


def test_sigterm_releases_the_lease_and_the_next_clock_starts_at_once(
    db_url: str, cfg: Settings, fake: FakeSlack, corpus: Path
) -> None:
    store = Store.open(db_url)
    proc = start_clock(db_url, fake, corpus)
    try:
        wait_for_lease(store, present=True)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0, proc.stderr.read() if proc.stderr else ""
        wait_for_lease(store, present=False, timeout=5)
        nxt = Clock(cfg, store, web_client(cfg), now=lambda: NOON)
        nxt.acquire()  # no two-minute wait
    finally:
        proc.kill()


def test_a_stop_while_the_scheduler_starts_still_stops_the_clock(
    db_url: str, cfg: Settings, fake: FakeSlack
) -> None:
    """A SIGTERM that lands after the clock checked for one and before its scheduler runs
    (too early to shut the scheduler down) still ends the clock and releases its lease."""
    store = Store.open(db_url)
    clock = Clock(cfg, store, web_client(cfg), now=lambda: NOON)
    make = clock.scheduler
    rescued: list[bool] = []
    timers: list[threading.Timer] = []

    def scheduler_hit_while_starting():  # type: ignore[no-untyped-def]
        sched = make()
        start = sched.start

        def start_after_the_signal(*args, **kwargs):  # type: ignore[no-untyped-def]
            clock.stop()  # the signal handler runs here: the scheduler is not yet running
            start(*args, **kwargs)

        def rescue() -> None:  # only if the clock would otherwise run on for ever
            if sched.running:
                rescued.append(True)
                sched.shutdown(wait=False)

        sched.start = start_after_the_signal  # type: ignore[method-assign]
        timers.append(threading.Timer(20, rescue))
        timers[-1].start()
        return sched

    clock.scheduler = scheduler_hit_while_starting  # type: ignore[method-assign]
    try:
        clock.run()
    finally:
        for timer in timers:
            timer.cancel()
    assert rescued == [], "the clock ran on after its stop"
    wait_for_lease(store, present=False, timeout=5)


def test_two_clocks_starting_together_one_runs_one_refuses(
    tmp_path: Path, fake: FakeSlack, corpus: Path
) -> None:
    db_url = f"sqlite:///{tmp_path / 'fresh.db'}"  # a fresh file: both create the schema
    procs = [start_clock(db_url, fake, corpus) for _ in range(2)]
    try:
        store = Store.open(db_url)
        wait_for_lease(store, present=True)
        loser = _first_to_exit(procs, 45)
        assert loser is not None, "neither clock refused"
        err = loser.stderr.read() if loser.stderr else ""
        assert loser.returncode == 1 and "another quotebot clock" in err
        assert "Traceback" not in err and "database is locked" not in err
        assert sum(p.poll() is None for p in procs) == 1
    finally:
        for p in procs:
            p.kill()


def _first_to_exit(
    procs: list[subprocess.Popen[str]], seconds: float
) -> subprocess.Popen[str] | None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for proc in procs:
            if proc.poll() is not None:
                return proc
        time.sleep(0.1)
    return None


def test_app_home_names_the_last_digest(
    store_with_seeds: Store, cfg: Settings, fake: FakeSlack
) -> None:
    assert last_digest_line(store_with_seeds) is None
    poster(store_with_seeds, cfg).run(NOON)
    assert last_digest_line(store_with_seeds) == "13 Jan 2025, 12:00 (5 articles)"


def test_a_changed_digest_channel_takes_the_pending_digest(
    store_with_seeds: Store, cfg: Settings, fake: FakeSlack
) -> None:
    fake.gone_channels.add("CDIGEST")  # the configured channel was deleted
    first = poster(store_with_seeds, cfg).run(NOON)
    assert first.failed and fake.history == []
    # The administrator sets a new channel and restarts: the digest goes there, once.
    moved = cfg.model_copy(update={"digest": cfg.digest.model_copy(update={"channel": "CNEW"})})
    later = poster(store_with_seeds, moved).run(NOON + timedelta(minutes=2))
    assert len(later.posted) == 1 and later.articles == 5
    assert [m["channel"] for m in fake.history] == ["CNEW"]
    assert poster(store_with_seeds, moved).run(NOON + timedelta(minutes=4)).posted == ()


def test_a_digest_whose_only_channel_is_gone_is_given_up_not_stuck(
    store_with_seeds: Store, cfg: Settings, fake: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    fake.gone_channels.add("CDIGEST")
    poster(store_with_seeds, cfg).run(NOON)
    repo = DigestRepository(store_with_seeds)
    assert repo.pending() == []  # given up, not retried for ever
    assert len(repo.undigested_articles()) == 5  # its articles wait for the next digest
    (line,) = [r.getMessage() for r in caplog.records if "abandoned" in r.getMessage()]
    assert "channel CDIGEST answered channel_not_found: set digest.channel" in line
    fake.gone_channels.clear()  # the bot is invited back: the next digest carries them
    again = poster(store_with_seeds, cfg).run(NOON + timedelta(minutes=2))
    assert len(again.posted) == 1 and again.articles == 5
