"""No URL can exhaust memory, hang a worker or reach an internal address (issue 27).

Each attack is served by a hostile site on 127.0.0.1 (tests/fakes/hostile.py); the "internal
network" is a second site on 127.0.0.2 that must never be reached.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from ipaddress import ip_address
from pathlib import Path
from typing import Any

import pytest

from bot.answers.context import context
from bot.answers.whosaid import whosaid
from bot.digest.clock import Clock
from bot.errors import ConfigError
from bot.ingest import ingest
from bot.settings import Settings, SourceSettings, WebSettings, load_settings
from bot.slack.app import create_app, web_client
from bot.sources.fetch import Fetcher, FetchError
from bot.sources.guard import HostPolicy
from bot.sources.web import OUT_OF_TIME, Crawl
from bot.store.database import Store
from bot.web.app import create_web
from tests.conftest import ROOT, SEEDS
from tests.fakes.hostile import (
    CP1252_PAGE,
    INTERNAL_SECRET,
    LATIN1_PAGE,
    Site,
    double_gzip_bomb,
    gzip_of_zeros,
    serve,
)
from tests.fakes.slack_api import FakeSlack
from tests.slack_helpers import SECRET, serve_app, slash

PEAK_LIMIT_MB = 300
NOON = datetime(2025, 1, 13, 12, 0, tzinfo=UTC)
REBINDING_HOST = "news.rebind.test"


@pytest.fixture
def hostile() -> Iterator[Site]:
    site, server = serve("127.0.0.1")
    yield site
    server.shutdown()


@pytest.fixture
def internal(hostile: Site) -> Iterator[Site]:
    """The internal network: 127.0.0.2 on the hostile site's port (so one URL reaches both)."""
    port = int(hostile.base.rsplit(":", 1)[1])
    try:
        site, server = serve("127.0.0.2", port)
    except OSError as exc:  # pragma: no cover - every Linux loopback answers 127.0.0.0/8
        pytest.skip(f"cannot serve on 127.0.0.2 here: {exc}")
    site.page("/", f"<html><body><article><p>{INTERNAL_SECRET}</p></article></body></html>")
    site.page("/story", f"<html><body><article><p>{INTERNAL_SECRET}</p></article></body></html>")
    yield site
    server.shutdown()


def fetcher(**overrides: Any) -> Fetcher:
    """A fetcher that may reach the hostile site (127.0.0.1) and nothing else private."""
    options: dict[str, Any] = {
        "allow_hosts": ["127.0.0.1"],
        "min_interval": 0.0,
        "respect_robots": False,
        "timeout": 2.0,
        "deadline": 3.0,
    }
    return Fetcher(**(options | overrides))


def refusal(url: str, **overrides: Any) -> str:
    """Why the fetcher refused ``url`` (fails the test if it was fetched)."""
    with fetcher(**overrides) as f, pytest.raises(FetchError) as caught:
        f.fetch(url)
    return caught.value.reason


def web_settings(settings: Settings, **web: Any) -> Settings:
    options: dict[str, Any] = {
        "min_interval_seconds": 0.0,
        "timeout_seconds": 2.0,
        "allow_hosts": ["127.0.0.1"],
    }
    return settings.model_copy(update={"web": WebSettings(**(options | web))})


def slack_settings(settings: Settings, fake: FakeSlack, deadline_seconds: float) -> Settings:
    """Settings for the real Bolt app against the fake Slack, with a fetch deadline."""
    return web_settings(settings, deadline_seconds=deadline_seconds).model_copy(
        update={
            "slack_bot_token": "xoxb-test",
            "slack_signing_secret": SECRET,
            "slack_api_url": fake.url + "/api/",
        }
    )


def peak_fetch(url: str, respect_robots: bool) -> tuple[str, int]:
    """Fetch ``url`` in a fresh process: what happened, and that process's peak memory (MB)."""
    script = textwrap.dedent(
        f"""
        from bot.peak_rss import peak_rss_mb
        from bot.sources.fetch import Fetcher, FetchError
        with Fetcher(allow_hosts=["127.0.0.1"], min_interval=0, respect_robots={respect_robots},
                     deadline=20) as f:
            try:
                outcome = "fetched %d bytes" % len(f.fetch({url!r}).body)
            except FetchError as exc:
                outcome = exc.reason
        print(outcome)
        print(int(peak_rss_mb()))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    outcome, peak = done.stdout.strip().splitlines()
    return outcome, int(peak)


# --- memory: bodies are counted as they are inflated, layer by layer ---------------------


def test_a_double_gzip_bomb_is_refused_with_little_memory(hostile: Site) -> None:
    bomb = double_gzip_bomb()
    assert len(bomb) < 4096  # a gibibyte inside, under 4 KB on the wire
    hostile.page("/bomb", bomb, Content_Encoding="gzip, gzip")
    outcome, peak_mb = peak_fetch(hostile.base + "/bomb", respect_robots=False)
    assert "once decompressed" in outcome
    assert peak_mb < PEAK_LIMIT_MB


def test_a_gzip_bombed_robots_txt_is_not_read_whole(hostile: Site) -> None:
    hostile.page("/robots.txt", gzip_of_zeros(1 << 30), Content_Encoding="gzip")
    hostile.page("/ok", "<html><body><p>fine</p></body></html>")
    outcome, peak_mb = peak_fetch(hostile.base + "/ok", respect_robots=True)
    assert outcome.startswith("fetched")  # an unreadable robots.txt forbids nothing
    assert hostile.paths() == ["/robots.txt", "/ok"]
    assert peak_mb < PEAK_LIMIT_MB


def test_a_body_over_the_cap_is_refused_with_or_without_a_length(hostile: Site) -> None:
    hostile.page("/declared", b"x" * 2_000_001)
    assert "larger than 2,000,000 bytes" in refusal(hostile.base + "/declared", max_bytes=2_000_000)
    assert "larger than" in refusal(hostile.base + "/huge-chunked", deadline=20.0)


def test_an_encoding_nobody_asked_for_is_refused(hostile: Site) -> None:
    hostile.page("/br", b"\x1b\x00\x00", Content_Encoding="br")
    assert "encoding Quotebot did not ask for (br)" in refusal(hostile.base + "/br")


def test_an_ordinary_gzip_page_still_reads(hostile: Site) -> None:
    import gzip

    html = "<html><body><p>“Ordinary,” she said.</p></body></html>"
    hostile.page("/gz", gzip.compress(html.encode()), Content_Encoding="gzip")
    with fetcher() as f:
        assert f.fetch(hostile.base + "/gz").text() == html


# --- time: one deadline per fetch, per source scan; slow sites wait alone ----------------


def test_a_page_that_drips_is_given_up_by_the_deadline(hostile: Site) -> None:
    outcome: list[str] = []

    def fetch() -> None:
        outcome.append(refusal(hostile.base + "/drip", timeout=5.0, deadline=2.0))

    worker = threading.Thread(target=fetch, daemon=True)
    worker.start()
    worker.join(timeout=30)  # the page itself would take a minute
    assert not worker.is_alive(), "the fetch hung on a dripping page"
    assert outcome == ["gave up after 2 s: the site is too slow"]


def test_a_source_scan_stops_when_its_time_is_up(hostile: Site, settings: Settings) -> None:
    links = "".join(f"<url><loc>{hostile.base}/drip?{n}</loc></url>" for n in range(5))
    hostile.page(
        "/sitemap.xml",
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{links}</urlset>',
        Content_Type="application/xml",
    )
    with fetcher(deadline=1.0) as f:
        crawl = Crawl(f, settings.corpus, lambda _url: None)
        crawl.start_source(1.5)
        problems = [i.problem for i in crawl.items(hostile.base + "/sitemap.xml") if i.problem]
    assert problems[0].startswith("gave up after 1 s")  # the first page used most of the time
    assert problems[1].startswith("gave up after 0.")  # the second had what was left of it
    assert problems[2:] == [f"3 links {OUT_OF_TIME}"]  # the rest: one line, and not fetched
    assert [p for p in hostile.paths() if p.startswith("/drip")] == ["/drip?0", "/drip?1"]


def test_slow_adds_from_slack_never_hold_up_an_answer(
    db_url: str, settings: Settings, fake: FakeSlack, hostile: Site
) -> None:
    hostile.drip_interval = 1.0  # a minute per page; the fetcher gives up after 8 s
    store = Store.open(db_url)
    ingest(store, [SEEDS], settings, progress=False)
    cfg = slack_settings(settings, fake, deadline_seconds=8.0)
    with serve_app(create_web(store, create_app(cfg, store), SECRET)) as app:
        for n in range(4):  # as many adds as there are answer workers
            slash(app, "/quotebot", f"add {hostile.base}/drip?{n}", f"{fake.url}/response/add{n}")
        slash(app, "/whosaid", "deserves to be in prison", fake.url + "/response/ask")
        (first,) = fake.wait_for("response", timeout=7.0)
        assert first.path == "/response/ask" and "Elon Musk" in first.text()
        shown = [call.text() for call in fake.wait_for("response", count=5, timeout=40.0)[1:]]
    assert all("too slow" in text for text in shown)


def test_a_burst_of_adds_is_told_to_wait_not_queued_without_end(
    db_url: str, settings: Settings, fake: FakeSlack, hostile: Site
) -> None:
    hostile.drip_interval = 1.0
    store = Store.open(db_url)
    # Long enough that no add finishes (and frees a place) while the nine are sent.
    cfg = slack_settings(settings, fake, deadline_seconds=6.0)
    with serve_app(create_web(store, create_app(cfg, store), SECRET)) as app:
        for n in range(9):  # two fetching, six waiting, one too many
            slash(app, "/quotebot", f"add {hostile.base}/drip?{n}", f"{fake.url}/response/{n}")
        (busy,) = fake.wait_for("response", timeout=5.0)
        assert busy.path == "/response/8" and "Try this link again" in busy.text()
        replies = fake.wait_for("response", count=9, timeout=60.0)
    assert sum("too slow" in call.text() for call in replies) == 8


# --- address: checked once, connected to as checked ------------------------------------


@pytest.fixture
def rebinding(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """news.rebind.test answers 127.0.0.1 (allowed) first, then 127.0.0.2 (internal)."""
    real = socket.getaddrinfo
    answers: list[str] = []

    def resolve(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host != REBINDING_HOST:
            return real(host, port, *args, **kwargs)
        address = "127.0.0.1" if len(answers) % 2 == 0 else "127.0.0.2"
        answers.append(address)
        return real(address, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    return answers


def test_dns_rebinding_never_reaches_the_internal_page(
    db_url: str, settings: Settings, hostile: Site, internal: Site, rebinding: list[str]
) -> None:
    port = hostile.base.rsplit(":", 1)[1]
    hostile.page("/story", "<html><body><article><p>“Public words,” said Ann Public.</p>")
    store = Store.open(db_url)
    cfg = web_settings(settings, allow_hosts=["127.0.0.1"])
    for _ in range(3):  # every connection resolves anew; none may be steered inside
        ingest(store, [], cfg, progress=False, urls=[f"http://{REBINDING_HOST}:{port}/story"])
    assert internal.paths() == []
    assert len(rebinding) >= 2  # the name did change its answer
    assert whosaid("The admin password is hunter2", store, cfg.search).hits == ()
    assert "hunter2" not in str(context("Ian Internal", store, cfg.search))


def test_a_redirect_into_the_internal_network_is_refused(hostile: Site, internal: Site) -> None:
    hostile.redirect("/go", internal.base + "/")
    assert "private or local address (127.0.0.2)" in refusal(hostile.base + "/go")
    assert internal.paths() == []


def test_redirect_chains_are_cut_at_the_limit(hostile: Site) -> None:
    assert refusal(hostile.base + "/loop/0", max_redirects=5) == "too many redirects"
    assert hostile.paths() == [f"/loop/{n}" for n in range(6)]


def test_local_addresses_are_refused_unless_allowed(hostile: Site) -> None:
    hostile.page("/p", "<p>x</p>")
    assert "private or local address" in refusal(hostile.base + "/p", allow_hosts=[])
    assert hostile.paths() == []
    with fetcher(allow_hosts=["127.0.0.0/8"]) as f:
        assert f.fetch(hostile.base + "/p").body == b"<p>x</p>"


@pytest.mark.parametrize(
    ("allowed", "host", "address", "fetched"),
    [
        ([], "example.com", "93.184.216.34", True),
        ([], "localhost", "127.0.0.1", False),
        ([], "x", "::ffff:127.0.0.1", False),  # IPv4-mapped loopback
        ([], "x", "10.1.2.3", False),
        ([], "x", "fe80::1", False),
        ([], "x", "224.0.0.1", False),  # multicast
        (["cms.internal"], "cms.internal", "10.1.2.3", True),
        (["cms.internal"], "other.internal", "10.1.2.3", False),
        (["10.0.0.0/8"], "x", "10.1.2.3", True),
        (["10.0.0.0/8"], "x", "192.168.1.1", False),
        (["169.254.0.0/16"], "x", "169.254.169.254", False),  # metadata: never
        (["169.254.0.0/16"], "x", "169.254.10.10", True),
        (["::/0", "0.0.0.0/0"], "x", "fd00:ec2::254", False),
        (["0.0.0.0/0"], "x", "::ffff:169.254.169.254", False),
        (["metadata.google.internal"], "metadata.google.internal", "169.254.169.254", False),
    ],
)
def test_who_may_be_fetched(allowed: list[str], host: str, address: str, fetched: bool) -> None:
    reason = HostPolicy.allowing(allowed).refusal(host, ip_address(address))
    assert (reason is None) == fetched, reason


def test_the_old_blanket_switch_is_refused_with_what_to_write(tmp_path: Path) -> None:
    config = tmp_path / "quotebot.toml"
    config.write_text("[web]\nallow_private_hosts = true\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"web\.allow_hosts"):
        load_settings(config)


# --- politeness limits that had no test ---------------------------------------------------


def test_requests_to_one_host_are_paced(hostile: Site) -> None:
    hostile.page("/a", "<p>a</p>")
    hostile.page("/b", "<p>b</p>")
    with fetcher(min_interval=0.6) as f:
        f.fetch(hostile.base + "/a")
        f.fetch(hostile.base + "/b")
    (first,), (second,) = hostile.times("/a"), hostile.times("/b")
    assert second - first >= 0.55


def test_sitemaps_nested_too_deep_and_too_long_are_cut(hostile: Site, settings: Settings) -> None:
    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    for n in range(3):
        inner = f"<sitemap><loc>{hostile.base}/deep/{n + 1}.xml</loc></sitemap>"
        hostile.page(
            f"/deep/{n}.xml", f"<sitemapindex {ns}>{inner}</sitemapindex>", Content_Type="text/xml"
        )
    hostile.page("/deep/3.xml", f"<urlset {ns}></urlset>", Content_Type="text/xml")
    pages = "".join(f"<url><loc>{hostile.base}/p{n}</loc></url>" for n in range(6))
    hostile.page("/long.xml", f"<urlset {ns}>{pages}</urlset>", Content_Type="text/xml")
    with fetcher() as f:
        crawl = Crawl(f, settings.corpus, lambda _url: None, max_pages=2)
        deep = [i.problem for i in crawl.items(hostile.base + "/deep/0.xml") if i.problem]
        list(crawl.items(hostile.base + "/long.xml"))
    assert deep == ["a sitemap nested more than 2 deep is not read"]
    assert "/deep/3.xml" not in hostile.paths()
    assert [p for p in hostile.paths() if p.startswith("/p")] == ["/p0", "/p1"]


# --- charsets -----------------------------------------------------------------------------


def test_a_latin1_page_that_says_so_only_in_its_meta_tag_reads_right(
    db_url: str, settings: Settings, hostile: Site
) -> None:
    hostile.page("/regime", LATIN1_PAGE.encode("latin-1"))  # Content-Type: text/html, no charset
    store = Store.open(db_url)
    ingest(store, [], web_settings(settings), progress=False, urls=[hostile.base + "/regime"])
    (hit,) = whosaid("This régime has had its day", store, settings.search).hits
    assert hit.speaker == "Zoë Brûlé"
    assert "\ufffd" not in hit.quote


def test_a_cp1252_page_sent_as_utf8_keeps_its_quotes(
    db_url: str, settings: Settings, hostile: Site
) -> None:
    hostile.page("/regime", CP1252_PAGE.encode("cp1252"), Content_Type="text/html; charset=utf-8")
    store = Store.open(db_url)
    ingest(store, [], web_settings(settings), progress=False, urls=[hostile.base + "/regime"])
    (hit,) = whosaid("the café owners know it", store, settings.search).hits
    assert hit.speaker == "Zoë Brûlé" and "café" in hit.quote


def test_the_clock_posts_its_digest_while_a_source_drips(
    db_url: str, settings: Settings, fake: FakeSlack, hostile: Site
) -> None:
    hostile.drip_interval = 1.0  # a minute a page
    cfg = web_settings(settings, deadline_seconds=3.0).model_copy(
        update={
            "slack_bot_token": "xoxb-test",
            "slack_api_url": fake.url + "/api/",
            "digest": settings.digest.model_copy(update={"channel": "CDIGEST"}),
            "corpus": settings.corpus.model_copy(update={"dirs": [str(SEEDS)]}),
            "sources": [SourceSettings(name="drip", url=hostile.base + "/drip")],
        }
    )
    # 13 January, noon: the 08:00 digest was missed while the clock was down.
    clock = Clock(cfg, Store.open(db_url), web_client(cfg), now=lambda: NOON)
    clock.acquire()
    scheduler = clock.scheduler()
    runner = threading.Thread(target=scheduler.start, daemon=True)
    runner.start()
    try:
        (post, *_) = fake.wait_for("chat.postMessage", timeout=30.0)
    finally:
        scheduler.shutdown(wait=False)
        runner.join(timeout=10)
    assert "5 new articles" in post.body["text"]  # the seeds came in; the dripping page did not
    assert "/drip" in hostile.paths()
