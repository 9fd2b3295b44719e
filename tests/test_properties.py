"""Property tests: no input crashes extraction, and offsets always slice back to the quote."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.corpus.boilerplate import Furniture
from bot.corpus.formats import RawArticle
from bot.corpus.reader import build_article
from bot.errors import ArticleError
from bot.quotes.extract import extract_quotes
from bot.settings import BoilerplateRules

FURNITURE = Furniture.from_rules(BoilerplateRules())
MARKS = st.sampled_from(list("\"“”‘’'«»„"))
PIECES = st.one_of(
    MARKS,
    st.sampled_from([" said ", " he said", ", she added. ", "Mr Smith", "\n", "\n\n", ". ", ", "]),
    st.text(min_size=0, max_size=12),
)


def article_from(text: str):  # type: ignore[no-untyped-def]
    raw = RawArticle(paragraphs=[p for p in text.splitlines() if p.strip()], plain=True)
    return build_article(raw, "prop", FURNITURE, "prop", "0")


def check(text: str) -> None:
    try:
        article = article_from(text)
    except ArticleError:
        return  # nothing left to read: a clean refusal, not a crash
    for q in extract_quotes(article):
        assert article.body[q.start : q.end] == q.text
        assert q.text.strip() == q.text and q.text
        assert 0.0 <= q.confidence <= 1.0


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=60).map("".join))
def test_random_quote_soup_never_crashes(text: str) -> None:
    check(text)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_arbitrary_unicode_never_crashes(text: str) -> None:
    check(text)


def test_empty_input_is_refused_cleanly() -> None:
    check("")


def test_one_megabyte_article() -> None:
    paragraph = '"We will build it," said Ann Lee. Critics called it a "folly". He said "no. '
    text = "\n".join([paragraph] * (1_000_000 // len(paragraph)))
    assert len(text) >= 990_000
    check(text)
