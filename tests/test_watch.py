"""Watchlists (issue 15): a channel watches a speaker or a phrase and gets one alert per new
article that quotes it, exactly once, across a clock restart and an ambiguous Slack failure."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.digest.watch import WatchAlerter
from bot.ingest import ingest
from bot.settings import Settings
from bot.slack.app import create_app, web_client
from bot.store.database import Store
from bot.store.watch_repo import WatchRepository
from bot.web.app import create_web
from tests.fakes.slack_api import FakeSlack
from tests.slack_helpers import SECRET, interactive, serve_app, slash

NEW_ARTICLE = """Musk returns to the grooming row
date 2025-03-09

Elon Musk again wrote about what he called the "rape gangs" scandal on Sunday.

"The inquiry must happen now," Musk said in a post on X.
"""


@pytest.fixture
def corpus(seed_corpus: Path) -> Path:
    return seed_corpus


@pytest.fixture
def archive(db_url: str, corpus: Path, settings: Settings) -> Store:
    store = Store.open(db_url)
    ingest(store, [corpus], settings, progress=False)
    return store


@pytest.fixture
def cfg(settings: Settings, fake: FakeSlack) -> Settings:
    return settings.model_copy(
        update={
            "slack_bot_token": "xoxb-test",
            "slack_signing_secret": SECRET,
            "slack_api_url": fake.url + "/api/",
        }
    )


@pytest.fixture
def app_url(archive: Store, cfg: Settings) -> Iterator[str]:
    with serve_app(create_web(archive, create_app(cfg, archive), SECRET)) as url:
        yield url


def test_watch_list_and_unwatch_in_slack(app_url: str, fake: FakeSlack, archive: Store) -> None:
    slash(app_url, "/quotebot", 'watch "Elon Musk"', fake.url + "/response/1")
    assert "now watches *Elon Musk*" in fake.wait_for("response")[0].text()
    slash(app_url, "/quotebot", 'watch phrase "rape gangs"', fake.url + "/response/2")
    slash(app_url, "/quotebot", 'watch "Elon Musk"', fake.url + "/response/3")
    assert "already watches" in fake.wait_for("response", 3)[2].text()
    slash(app_url, "/quotebot", "watches", fake.url + "/response/4")
    listing = fake.wait_for("response", 4)[3]
    assert "watches 2" in listing.text() and "rape gangs" in listing.text()
    unwatch = next(
        b["accessory"] for b in listing.body["blocks"] if b.get("accessory", {}).get("value")
    )
    payload = {
        "type": "block_actions",
        "user": {"id": "U1", "username": "ana"},
        "team": {"id": "T1"},
        "channel": {"id": "C1"},
        "response_url": fake.url + "/response/5",
        "trigger_id": "1.2.3",
        "actions": [{"action_id": "unwatch", "value": unwatch["value"], "type": "button"}],
    }
    assert interactive(app_url, payload).status_code == 200
    assert "Stopped watching" in fake.wait_for("response", 5)[4].text()
    assert [w.target for w in WatchRepository(archive).active("C1")] == ["rape gangs"]


def test_one_alert_per_new_article_and_watch(
    archive: Store, corpus: Path, cfg: Settings, fake: FakeSlack
) -> None:
    repo = WatchRepository(archive)
    repo.add("C1", "speaker", "Elon Musk", "ana")
    repo.add("C2", "phrase", "rape gangs", "ben")
    alerter = WatchAlerter(repo, web_client(cfg))
    now = datetime.now(UTC)
    assert alerter.run(now) == 0  # articles indexed before the watches began are not news
    (corpus / "005_musk_again.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    ingest(archive, [corpus], cfg, progress=False)
    assert alerter.run(now) == 2
    posts = fake.of("chat.postMessage")
    assert sorted(p.body["channel"] for p in posts) == ["C1", "C2"]
    speaker_alert = next(p for p in posts if p.body["channel"] == "C1").text()
    assert "Elon Musk" in speaker_alert and "The inquiry must happen now" in speaker_alert
    assert alerter.run(now + timedelta(minutes=5)) == 0  # the next scan posts nothing again
    assert len(fake.of("chat.postMessage")) == 2


def test_an_alert_slack_stored_is_not_posted_again_after_a_restart(
    archive: Store, corpus: Path, cfg: Settings, fake: FakeSlack
) -> None:
    repo = WatchRepository(archive)
    repo.add("C1", "speaker", "Elon Musk", "ana")
    (corpus / "005_musk_again.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    ingest(archive, [corpus], cfg, progress=False)
    fake.fail_after_storing = 1  # Slack stores the message, then answers 500
    now = datetime.now(UTC)
    assert WatchAlerter(repo, web_client(cfg)).run(now) == 0
    assert len(fake.history) == 1
    # The clock restarts (a new alerter, nothing in memory) after history has settled.
    restarted = WatchAlerter(WatchRepository(archive), web_client(cfg))
    assert restarted.run(now + timedelta(minutes=2)) == 0
    assert len(fake.of("chat.postMessage")) == 1 and len(fake.history) == 1
    assert repo.pending() == [] and repo.sent_count() == 1


def test_a_watch_whose_channel_is_gone_stops_and_says_so(
    archive: Store, corpus: Path, cfg: Settings, fake: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    repo = WatchRepository(archive)
    repo.add("CGONE", "speaker", "Elon Musk", "ana")
    (corpus / "005_musk_again.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    ingest(archive, [corpus], cfg, progress=False)
    fake.gone_channels.add("CGONE")  # the channel was deleted
    now = datetime.now(UTC)
    assert WatchAlerter(repo, web_client(cfg)).run(now) == 0
    assert repo.active() == [] and repo.pending() == []  # stopped: nothing stuck, nothing retried
    (line,) = [r.getMessage() for r in caplog.records if "channel CGONE" in r.getMessage()]
    assert "answered channel_not_found" in line and "Add the watch again" in line
