"""Reading articles: formats, metadata, page furniture and bad files."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot.corpus.dates import parse_date
from bot.corpus.reader import Skipped, read_all, read_file
from bot.errors import ArticleError
from bot.settings import CorpusSettings, Settings
from tests.conftest import SEEDS, seed_article

BST = timezone(timedelta(hours=1))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" date 2025-01-03", date(2025, 1, 3)),
        ("12 January 2025, 13:30", datetime(2025, 1, 12, 13, 30)),
        ("Published 4 March 2025", date(2025, 3, 4)),
        ("2025-06-18T09:15:00Z", datetime(2025, 6, 18, 9, 15, tzinfo=UTC)),
        ("Tuesday 9 September 2025 9.15pm BST", datetime(2025, 9, 9, 21, 15, tzinfo=BST)),
        ("2025-03-06", date(2025, 3, 6)),
        ("March 4, 2025", date(2025, 3, 4)),
    ],
)
def test_publication_dates_parse(text: str, expected: date) -> None:
    assert parse_date(text) == expected


def test_not_a_date() -> None:
    assert parse_date("2025 was a year of change") is None
    assert parse_date("31 February 2025") is None


def test_seed_metadata(settings: Settings) -> None:
    a2 = seed_article("002", settings)
    assert a2.published == date(2025, 1, 3)
    assert a2.body.startswith("A senior British politician")  # the dateline is not body text
    a4 = seed_article("004", settings)
    assert a4.published == datetime(2025, 1, 12, 13, 30)
    assert a4.title is not None and a4.title.startswith("Elon Musk hails 'integrity'")


def test_seed_furniture_removed(settings: Settings) -> None:
    a4 = seed_article("004", settings)
    for furniture in ("Vanessa Feltz 3pm", "Listen to this article", "Loading audio", "Read more:"):
        assert furniture not in a4.body
    a0 = seed_article("000", settings)
    assert "You may also like" not in a0.body
    assert "Raducanu" not in a0.body and "T-Day" not in a0.body
    assert a0.body.rstrip().endswith("as the investigation continues.")


def test_paragraph_offsets_slice_the_body(settings: Settings) -> None:
    for path in SEEDS.glob("*.txt"):
        (article,) = read_file(path, settings.corpus)
        for p in article.paragraphs:
            assert article.body[p.start : p.end] == p.text


def test_front_matter_markdown(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(
        "---\ntitle: Pier reopens\ndate: 2025-03-06\nurl: https://ex.test/pier\n"
        "outlet: Coast News\nbyline: A. Writer\n---\n# Pier reopens\n\n"
        'The pier reopened on Friday. "It is a great day," said owner Sam Hale.\n',
        encoding="utf-8",
    )
    (a,) = read_file(path, CorpusSettings())
    assert (a.id, a.title, a.published, a.url, a.outlet, a.byline) == (
        "story",
        "Pier reopens",
        date(2025, 3, 6),
        "https://ex.test/pier",
        "Coast News",
        "A. Writer",
    )
    assert "title:" not in a.body


def test_json_object_and_list(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"title": "T", "date": "2025-01-02", "body": "Hello."}))
    (a,) = read_file(one, CorpusSettings())
    assert (a.id, a.title, a.published) == ("one", "T", date(2025, 1, 2))
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"body": "First."}, {"id": "x7", "body": "Second."}]))
    ids = [a.id for a in read_file(many, CorpusSettings())]
    assert ids == ["many-1", "many-x7"]


def test_html_article(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Town news</title>"
        '<meta property="article:published_time" content="2025-06-18T09:15:00Z"></head>'
        "<body><nav>Home | Sport</nav><p>The mayor spoke.</p>"
        "<p>&ldquo;We are ready,&rdquo; she said.</p><script>var x=1;</script></body></html>"
    )
    (a,) = read_file(path, CorpusSettings())
    assert a.title == "Town news"
    assert a.published == datetime(2025, 6, 18, 9, 15, tzinfo=UTC)
    assert "Home | Sport" not in a.body and "var x" not in a.body
    assert "“We are ready,” she said." in a.body


def test_windows_1252_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "cp.txt"
    path.write_bytes("“Caf\u00e9 society,” she said.".encode("cp1252"))
    (a,) = read_file(path, CorpusSettings())
    assert "Café" in a.body


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"   \n", "empty"),
        ("blob.txt", b"\x89PNG\x00\x00\x01", "binary"),
        ("bad.json", b"{not json", "invalid JSON"),
        ("furniture.txt", b"Advertisement\nShare this article\n", "no article text"),
    ],
)
def test_bad_files_raise_a_one_line_reason(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ArticleError, match=reason) as exc:
        read_file(path, CorpusSettings())
    assert "\n" not in str(exc.value)


def test_oversized_file_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("word " * 1000)
    with pytest.raises(ArticleError, match="too large"):
        read_file(path, CorpusSettings(max_bytes=100))


def test_a_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text('"Yes," said Ann Lee.')
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "c.txt").write_text('"No," said Bob Ray.')
    results = list(read_all([tmp_path], CorpusSettings()))
    assert [p.name for p, _ in results] == ["a.txt", "b.txt", "c.txt"]
    assert isinstance(results[1][1], Skipped)
    assert all(isinstance(r, list) for _, r in (results[0], results[2]))


def test_newsroom_furniture_rules_from_config(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("Body text here.\nPromoted content from our partners\nMore body text.\n")
    settings = CorpusSettings.model_validate(
        {"boilerplate": {"extra_drop_lines": [r"^promoted content"]}}
    )
    (a,) = read_file(path, settings)
    assert "Promoted" not in a.body and "More body text." in a.body


def test_a_saved_newsroom_page_is_read_like_a_fetched_one(tmp_path: Path) -> None:
    from tests.fakes.newsroom import MINISTER

    path = tmp_path / "minister.html"
    path.write_text(MINISTER.replace("{base}", "https://news.example"), encoding="utf-8")
    (a,) = read_file(path, CorpusSettings())
    assert a.title == "Minister quits over ferry contract"
    assert (a.byline, a.outlet) == ("Jane Roe", "The Kestrel Times")
    assert a.url == "https://news.example/news/minister-quits"
    assert a.published == datetime(2025, 3, 4, 9, 15, tzinfo=UTC)
    for furniture in ("Accept all", "Most read", "Share on", "Journalism that matters", "Resign"):
        assert furniture not in a.body, furniture
    assert "“I have done nothing wrong" in a.body


def test_markup_left_in_plain_text_is_not_read_as_quotes(tmp_path: Path) -> None:
    """An exported article with an embedded post's markup: the tag's attribute values
    ("@jdoe", an id, a date) are not quotes; the post's own words stay, and so does prose
    that only looks like a tag."""
    from bot.quotes.extract import Extractor

    path = tmp_path / "post.txt"
    path.write_text(
        "Mayor answers critics\n\n"
        "Ruth Meyer said the budget was fair.\n"
        '<tweet id="771154653060866048" author="@jdoe" datetime="2016-09-01">The mayor wears '
        'a hat that says "Budget First" today — Jane Doe (@jdoe)</tweet>.\n'
        'Numbers went from a <b and c> range, and <a href="https://example.org/x">the report</a>'
        ' called it "a fair deal for everyone in the city," Meyer said.\n',
        encoding="utf-8",
    )
    (article,) = read_file(path, CorpusSettings())
    assert "<" not in article.body.replace("<b and c>", "")
    assert "The mayor wears a hat" in article.body and "the report called it" in article.body
    quoted = [q.text.rstrip(",") for q in Extractor().extract(article).quotes]
    assert quoted == ["a fair deal for everyone in the city"]
