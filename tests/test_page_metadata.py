"""What a fetched page says about itself: the date as printed, the canonical address, the
speaker without a name pop-up glued to them, and the article when the precise reading
keeps nothing. Pages in tests/pages are served by the local newsroom site and ingested."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.answers.whosaid import whosaid
from bot.corpus.dates import parse_date, plausible
from bot.ingest import ingest
from bot.models import Answer
from bot.settings import Settings, WebSettings
from bot.store import schema
from bot.store.database import Store
from bot.store.engine import make_engine
from tests.fakes.newsroom import Newsroom, start_newsroom

PAGES = Path(__file__).parent / "pages"


@pytest.fixture(scope="module")
def site() -> Iterator[Newsroom]:
    state, server = start_newsroom()
    for page in PAGES.glob("*.html"):
        state.pages[f"/{page.stem}"] = page.read_text(encoding="utf-8")
    yield state
    server.shutdown()


def stored(db_url: str) -> list[tuple[str, str | None, str | None, str]]:
    """(title, published, url, body) of every article in the archive."""
    a = schema.articles.c
    with make_engine(db_url).connect() as conn:
        rows = conn.execute(select(a.title, a.published, a.url, a.body)).all()
    return [(r[0], r[1], r[2], r[3]) for r in rows]


@pytest.fixture
def archive(db_url: str, settings: Settings, site: Newsroom) -> tuple[Store, Settings]:
    web = WebSettings(min_interval_seconds=0.0, timeout_seconds=5.0, allow_hosts=["127.0.0.1"])
    local = settings.model_copy(update={"web": web})
    store = Store.open(db_url)
    urls = [f"{site.base}/{page.stem}" for page in sorted(PAGES.glob("*.html"))]
    summary = ingest(store, [], local, progress=False, urls=urls)
    assert (summary.new, summary.skipped) == (len(urls), 0)
    return store, local


def ask(archive: tuple[Store, Settings], words: str) -> Answer:
    store, settings = archive
    return whosaid(words, store, settings.search)


def test_a_placeholder_date_never_dates_an_article(archive: tuple[Store, Settings]) -> None:
    (hit,) = ask(archive, "This bridge is a matter of safety, not convenience").hits
    (source,) = hit.sources
    assert source.published is not None and source.published.startswith("2019-11-")


def test_every_fetched_page_has_a_possible_date(
    archive: tuple[Store, Settings], db_url: str
) -> None:
    articles = stored(db_url)
    assert len(articles) == len(list(PAGES.glob("*.html")))
    for title, published, _url, _body in articles:
        assert published is not None, title
        value = parse_date(published)
        assert value is not None and plausible(value), (title, published)


def test_a_javascript_date_string_is_read(archive: tuple[Store, Settings]) -> None:
    (hit,) = ask(archive, "Nobody wins a strike, but our members won respect").hits
    assert hit.sources[0].published == "2019-11-19T03:05:46+00:00"


def test_a_time_before_the_date_keeps_its_zone(archive: tuple[Store, Settings]) -> None:
    (hit,) = ask(archive, "what remains is testing").hits
    assert hit.sources[0].published == "2019-11-20T15:05:00+05:30"


def test_the_local_time_printed_beats_the_same_moment_in_utc(
    archive: tuple[Store, Settings],
) -> None:
    (hit,) = ask(archive, "the only day working families can bring their children").hits
    assert hit.sources[0].published == "2023-01-16T16:30:41"  # UTC would say the 17th


def test_the_canonical_url_wins_over_og_url(
    archive: tuple[Store, Settings], site: Newsroom
) -> None:
    (hit,) = ask(archive, "the only day working families can bring their children").hits
    assert hit.sources[0].url == f"{site.base}/2023/01/16/letters-library-hours"


def test_a_relative_canonical_is_resolved_against_the_page(
    archive: tuple[Store, Settings], site: Newsroom
) -> None:
    (hit,) = ask(archive, "what remains is testing").hits
    path = "/city/metro-line-to-open-in-march/articleshow/72134411.cms"
    assert hit.sources[0].url == site.base + path  # not og:url's "social." host


def test_a_name_pop_up_never_becomes_the_speaker(
    archive: tuple[Store, Settings], db_url: str
) -> None:
    answer = ask(archive, "This bill is ready for the floor today, not next year")
    (hit,) = answer.hits
    assert hit.speaker == "Marisol Quintero"
    (body,) = [b for title, _, _, b in stored(db_url) if "transit bill" in (title or "")]
    assert "QuinteroMarisol" not in body and "Five things to watch" not in body
    assert "tied to ridership targets" in body  # a tooltip's word stays in the text
    assert "passengers who use a service" not in body


def test_an_article_the_precise_reading_drops_is_read_in_full(
    archive: tuple[Store, Settings],
) -> None:
    answer = ask(archive, "People built their working lives around that boat")
    (hit,) = answer.hits
    assert hit.speaker == "Angus Reid"
    assert hit.sources[0].published == "2019-03-12"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Tue Nov 19 2019 03:05:46 GMT+0000", datetime(2019, 11, 19, 3, 5, 46, tzinfo=UTC)),
        (
            "Tue Nov 19 2019 08:35:46 GMT+0530 (India Standard Time)",
            datetime(2019, 11, 19, 8, 35, 46, tzinfo=timezone(timedelta(minutes=330))),
        ),
        (
            "03:05 PM IST Nov 20, 2019",
            datetime(2019, 11, 20, 15, 5, tzinfo=timezone(timedelta(minutes=330))),
        ),
        ("Published 4 March 2025", date(2025, 3, 4)),
        ("Nov 20, 2019", date(2019, 11, 20)),
        ("November 2019", None),  # no day: not a publication date
        ("2019", None),
        ("five things to watch", None),
    ],
)
def test_date_shapes(text: str, value: date | datetime | None) -> None:
    assert parse_date(text) == value


@pytest.mark.parametrize(
    ("value", "possible"),
    [
        (datetime(1, 1, 1), False),
        (date(1989, 12, 31), False),
        (date(1990, 1, 1), True),
        (datetime(2030, 1, 1, tzinfo=UTC), False),
        (date(2026, 12, 3), True),  # "tomorrow" where the page is, still today here
    ],
)
def test_impossible_dates(value: date | datetime, possible: bool) -> None:
    assert plausible(value, now=datetime(2026, 12, 2, 23, 0, tzinfo=UTC)) is possible
