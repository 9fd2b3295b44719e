"""The newsroom's own articles flow in: feeds, sitemaps and article URLs (issue 12).

Everything runs against a small newsroom site served on 127.0.0.1 (tests/fakes/newsroom.py).
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.answers.whosaid import whosaid
from bot.cli.render import answer_text
from bot.digest.clock import Clock
from bot.ingest import ingest
from bot.settings import Settings, SourceSettings, WebSettings
from bot.slack.app import create_app, web_client
from bot.store.database import Store
from bot.web.app import create_web
from tests.conftest import ROOT
from tests.fakes.newsroom import Newsroom, start_newsroom
from tests.fakes.slack_api import FakeSlack
from tests.slack_helpers import SECRET, interactive, serve_app, slash


@pytest.fixture
def site() -> Iterator[Newsroom]:
    state, server = start_newsroom()
    yield state
    server.shutdown()


@pytest.fixture
def store(db_url: str) -> Store:
    return Store.open(db_url)


@pytest.fixture
def web_settings(settings: Settings) -> Settings:
    """The local site allowed, no pause between requests to it, a short timeout."""
    web = WebSettings(min_interval_seconds=0.0, timeout_seconds=2.0, allow_hosts=["127.0.0.1"])
    return settings.model_copy(update={"web": web})


def test_a_feed_brings_its_articles_with_their_metadata(
    store: Store, web_settings: Settings, site: Newsroom
) -> None:
    summary = ingest(store, [], web_settings, progress=False, urls=[site.base + "/feed.xml"])
    assert (summary.new, summary.skipped) == (2, 0)
    answer = whosaid("the biggest change to our streets", store, web_settings.search)
    (hit,) = answer.hits
    assert hit.speaker == "Priya Shah"
    (source,) = hit.sources
    assert source.url == site.base + "/news/council-vote"  # the article's canonical URL
    assert source.outlet == "The Kestrel Times" and source.byline == "Sam Patel"
    assert source.published == "2025-03-05T17:00:00+00:00"


def test_fetcher_names_itself_and_asks_robots(
    store: Store, web_settings: Settings, site: Newsroom
) -> None:
    ingest(store, [], web_settings, progress=False, urls=[site.base + "/feed.xml"])
    agents = {h["user-agent"] for _, h in site.requests}
    assert len(agents) == 1 and agents.pop().startswith("Quotebot/")
    assert site.hits("/robots.txt")
    assert all("gzip" in h.get("accept-encoding", "") for _, h in site.requests)


def test_page_furniture_never_becomes_quotes(
    store: Store, web_settings: Settings, site: Newsroom
) -> None:
    ingest(store, [], web_settings, progress=False, urls=[site.base + "/news/minister-quits"])
    quotes = [q.text for q in store.quotes.quotes_in_articles(_article_ids(store))]
    assert any(q.startswith("I have done nothing wrong") for q in quotes)
    for furniture in ("Accept all", "Shock", "never again", "Journalism that matters", "Resign"):
        assert not any(furniture in q for q in quotes), furniture


def test_a_quote_over_several_paragraphs_stays_one_speakers(
    store: Store, web_settings: Settings, site: Newsroom
) -> None:
    ingest(store, [], web_settings, progress=False, urls=[site.base + "/news/minister-quits"])
    answer = whosaid("signed in good faith", store, web_settings.search)
    assert answer.hits[0].speaker == "Maria Okafor"


def test_feed_and_sitemap_reach_one_article_once_and_report_bad_urls(
    store: Store, web_settings: Settings, site: Newsroom
) -> None:
    urls = [site.base + "/feed.xml", site.base + "/sitemap.xml"]
    summary = ingest(store, [], web_settings, progress=False, urls=urls)
    # minister-quits (feed, with ?utm_source, and sitemap) is one article; plus council, strike
    assert summary.new == 3
    assert len(_article_ids(store)) == 3
    reasons = dict(summary.problems)
    assert reasons[site.base + "/news/gone"].startswith("HTTP 404")
    assert reasons[site.base + "/news/broken"].startswith("HTTP 500")
    assert "robots.txt" in reasons[site.base + "/private/draft"]
    assert (
        "not an article" in reasons[site.base + "/news"]
        or "no article text" in reasons[site.base + "/news"]
    )
    assert not site.hits("/private/draft")  # never fetched


def test_unchanged_pages_are_asked_conditionally_and_not_reread(
    store: Store, web_settings: Settings, site: Newsroom
) -> None:
    url = site.base + "/feed.xml"
    ingest(store, [], web_settings, progress=False, urls=[url])
    again = ingest(store, [], web_settings, progress=False, urls=[url])
    assert (again.new, again.changed, again.skipped) == (0, 0, 0)
    second_feed_request = site.hits("/feed.xml")[-1]
    assert second_feed_request.get("if-none-match")  # answered 304: pages not even asked
    assert len(site.hits("/news/council-vote")) == 1


def test_an_updated_page_is_reextracted_and_its_versions_kept(
    store: Store, web_settings: Settings, site: Newsroom
) -> None:
    url = site.base + "/news/council-vote"
    ingest(store, [], web_settings, progress=False, urls=[url])
    site.pages["/news/council-vote"] = site.pages["/news/council-vote"].replace(
        "the biggest change to our streets in a generation",
        "the biggest change to our town centre in a generation",
    )
    summary = ingest(store, [], web_settings, progress=False, urls=[url])
    assert summary.changed == 1
    answer = whosaid("the biggest change to our town centre", store, web_settings.search)
    assert answer.verdict == "verbatim" and answer.hits[0].speaker == "Priya Shah"
    old = whosaid("the biggest change to our streets in a generation", store, web_settings.search)
    assert old.verdict != "verbatim"  # answers show the latest version
    (article_id,) = _article_ids(store)
    assert len(store.ingest.versions(article_id)) == 2
    (source,) = answer.hits[0].sources
    assert source.updated is not None  # the answer says the text changed after first read
    assert "text changed" in answer_text(answer, color=False)


def test_a_slow_page_times_out_and_the_rest_is_kept(
    store: Store, web_settings: Settings, site: Newsroom
) -> None:
    site.slow_seconds = 4.0
    urls = [site.base + "/news/slow", site.base + "/news/ferry-strike"]
    summary = ingest(store, [], web_settings, progress=False, urls=urls)
    assert dict(summary.problems)[site.base + "/news/slow"] == "timed out"
    assert summary.new == 1


def test_cli_ingest_takes_urls_and_config_sources(tmp_path: Path, site: Newsroom) -> None:
    config = tmp_path / "quotebot.toml"
    config.write_text(
        '[corpus]\ndirs = []\n[web]\nmin_interval_seconds = 0\nallow_hosts = ["127.0.0.1"]\n'
        f'[[sources]]\nname = "Kestrel Times feed"\nurl = "{site.base}/feed.xml"\n'
        f'[[sources]]\nname = "Not a sitemap"\nurl = "{site.base}/news/ferry-strike"\n'
        'kind = "sitemap"\n',
        encoding="utf-8",
    )
    db = f"sqlite:///{tmp_path / 'web.db'}"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "bot", "--config", str(config), *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )

    from_config = run("ingest", "--db", db, "--json")
    assert from_config.returncode == 0, from_config.stderr
    assert json.loads(from_config.stdout)["new"] == 2
    assert "configured as a sitemap, but it is a page" in from_config.stderr
    explicit = run("ingest", site.base + "/news/gone", site.base + "/news/ferry-strike", "--db", db)
    assert explicit.returncode == 0
    assert explicit.stderr.count(f"skipped {site.base}/news/gone: HTTP 404") == 1  # once
    assert "1 new" in explicit.stdout


def test_local_addresses_are_refused_by_default(
    store: Store, settings: Settings, site: Newsroom
) -> None:
    summary = ingest(store, [], settings, progress=False, urls=[site.base + "/news/council-vote"])
    (reason,) = dict(summary.problems).values()
    assert "private or local address" in reason
    assert site.requests == []  # nothing was sent, robots.txt included


def test_the_clock_polls_every_source(
    store: Store,
    web_settings: Settings,
    site: Newsroom,
    fake: FakeSlack,
    caplog: pytest.LogCaptureFixture,
) -> None:
    cfg = web_settings.model_copy(
        update={
            "sources": [
                SourceSettings(name="feed", url=site.base + "/feed.xml"),
                SourceSettings(name="gone", url=site.base + "/news/gone"),
            ],
            "corpus": web_settings.corpus.model_copy(update={"dirs": []}),
            "slack_bot_token": "xoxb-test",
            "slack_api_url": fake.url + "/api/",
        }
    )
    clock = Clock(cfg, store, web_client(cfg))
    with caplog.at_level(logging.WARNING, logger="bot.digest.clock"):
        assert clock.scan().new == 2
    assert f"skipped {site.base}/news/gone: HTTP 404" in caplog.text  # the clock's log says so
    again = clock.scan()
    assert (again.new, again.failed_sources) == (0, (site.base + "/news/gone",))
    assert site.hits("/feed.xml")[-1].get("if-none-match")  # asked "anything new?" and got 304


def test_a_source_needs_a_web_url() -> None:
    with pytest.raises(ValueError, match="http"):
        SourceSettings(name="x", url="file:///etc/passwd")


def _article_ids(store: Store) -> list[str]:
    return [i for stored in store.ingest.stored_files().values() for i in stored.article_ids]


@pytest.fixture
def slack_url(fake: FakeSlack, store: Store, web_settings: Settings) -> Iterator[str]:
    cfg = web_settings.model_copy(
        update={
            "slack_bot_token": "xoxb-test",
            "slack_signing_secret": SECRET,
            "slack_api_url": fake.url + "/api/",
        }
    )
    with serve_app(create_web(store, create_app(cfg, store), SECRET)) as url:
        yield url


def test_an_editor_adds_an_article_from_slack(
    slack_url: str, fake: FakeSlack, site: Newsroom
) -> None:
    link = f"<{site.base}/news/council-vote|{site.base[7:]}/news/council-vote>"  # as Slack sends
    response, _ = slash(slack_url, "/quotebot", f"add {link}", fake.url + "/response/1")
    assert response.status_code == 200
    shown = fake.wait_for("response")[0].text()
    assert "Indexed" in shown and "Council backs new cycle lanes" in shown
    assert "1 quote" in shown and "Priya Shah" in shown


def test_add_to_quotebot_on_a_message_with_a_link(
    slack_url: str, fake: FakeSlack, site: Newsroom
) -> None:
    payload = {
        "type": "message_action",
        "callback_id": "add_article",
        "trigger_id": "1.2.3",
        "response_url": fake.url + "/response/2",
        "user": {"id": "U1"},
        "team": {"id": "T1"},
        "channel": {"id": "C1"},
        "message": {"text": f"Worth a look: <{site.base}/news/gone> and the strike story"},
    }
    assert interactive(slack_url, payload).status_code == 200
    shown = fake.wait_for("response")[0].text()
    assert "Not indexed" in shown and "HTTP 404" in shown


def test_quotebot_without_add_explains_itself(slack_url: str, fake: FakeSlack) -> None:
    slash(slack_url, "/quotebot", "frobnicate", fake.url + "/response/3")
    assert "/quotebot add https://" in fake.wait_for("response")[0].text()
