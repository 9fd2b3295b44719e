"""The article page a source link opens: the date as a reader writes it, the headline once,
the byline, and each quote marked with its speaker drawn beside it (never copied with it)."""

from __future__ import annotations

from bot.models import ArticleMeta, QuoteRecord
from bot.web.pages import article_html

META = ArticleMeta(
    id="harbour_1",
    title="Harbour plan approved",
    published="2025-01-12T13:30:00",
    outlet="The Coast Courier",
    byline="Ana Ruiz",
)
TEXT = "“We will dredge the channel,” said councillor Tom Evers."
PARAGRAPHS = [(0, 0, "Harbour plan approved"), (1, 22, TEXT)]


def quote() -> QuoteRecord:
    start = 22 + TEXT.index("We")
    return QuoteRecord(
        id=1,
        n=1,
        text="We will dredge the channel",
        speaker="Tom Evers",
        role=None,
        confidence=0.98,
        cue="said",
        kind="full",
        paragraph=1,
        start=start,
        end=start + len("We will dredge the channel"),
        evidence=None,
        antecedent=None,
        article=META,
    )


def test_the_page_reads_like_an_article() -> None:
    html = article_html(META, PARAGRAPHS, [quote()])
    assert "12 Jan 2025, 13:30" in html and "2025-01-12T13:30:00" not in html
    assert html.count("Harbour plan approved") == 2  # the <title> and the heading, not the text
    assert "By Ana Ruiz" in html and "The Coast Courier" in html


def test_the_speaker_is_shown_but_never_part_of_the_quote_s_text() -> None:
    html = article_html(META, PARAGRAPHS, [quote()])
    mark = html[html.index('<mark class="quote" id="q1"') : html.index("</mark>") + 7]
    assert 'data-who="— Tom Evers"' in mark
    inner = mark[mark.index(">") + 1 : -len("</mark>")]
    assert inner == "We will dredge the channel"  # what a reader selects and copies
