"""Block Kit limits: long quotes are cut with a link, answers stay within 50 blocks."""

from __future__ import annotations

from bot.models import Answer, Hit, Source
from bot.slack.blocks import MAX_BLOCKS, SECTION_LIMIT, answer_blocks
from bot.slack.escape import escape


def hit(quote: str, n: int = 1) -> Hit:
    source = Source(article_id=f"a{n}", title="T", published="2025-01-01", link="https://ex.test/a")
    return Hit(speaker="Ann Lee", quote=quote, score=100.0, verdict="verbatim", sources=(source,))


def test_long_quote_is_cut_with_a_link() -> None:
    blocks = answer_blocks(Answer(query="x", verdict="verbatim", hits=(hit("word " * 2000),)))
    texts = [b["text"]["text"] for b in blocks if b["type"] == "section"]
    assert all(len(t) <= SECTION_LIMIT for t in texts)
    (quote,) = [b["elements"][0]["elements"][0]["text"] for b in blocks if b["type"] == "rich_text"]
    assert quote.endswith("…") and len(quote) <= SECTION_LIMIT
    assert "full quote: <https://ex.test/a|T>" in str(blocks)


def test_many_hits_stay_within_fifty_blocks() -> None:
    many = tuple(hit(f"quote number {i}", i) for i in range(40))
    blocks = answer_blocks(Answer(query="x", verdict="verbatim", hits=many))
    assert len(blocks) <= MAX_BLOCKS
    assert "more blocks not shown" in str(blocks[-1])


def test_escape_makes_control_sequences_inert() -> None:
    assert escape("<!channel> & <@U1>") == "&lt;!channel&gt; &amp; &lt;@U1&gt;"


def test_article_markup_never_formats_in_slack() -> None:
    source = Source(
        article_id="odd#name?x=1",
        title="*Breaking* _news_ ~now~ `x`",
        published=None,
        link="https://ex.test/a|<!channel>",
    )
    shown = answer_blocks(
        Answer(
            query="q",
            verdict="verbatim",
            hits=(
                Hit(
                    speaker="*Ann* _Lee_",
                    quote="words",
                    score=100.0,
                    verdict="verbatim",
                    evidence="She said *this* loudly, with `code` and ~strikes~.",
                    sources=(source,),
                ),
            ),
        )
    )
    mrkdwn = " ".join(str(b) for b in shown if b["type"] != "rich_text")
    for mark in ("*Breaking*", "_news_", "~now~", "`x`", "*Ann*", "_Lee_", "*this*", "`code`"):
        assert mark not in mrkdwn
    # The URL's "|" cannot rewrite the label, and nothing pings.
    assert "<https://ex.test/a%7C%3C!channel%3E|" in mrkdwn and "<!channel>" not in mrkdwn


def test_only_web_urls_become_links() -> None:
    source = Source(article_id="a1", title="T", published=None, link="javascript:alert(1)")
    shown = str(answer_blocks(Answer(query="q", verdict="verbatim", hits=(hit("w"),))))
    assert "<https://ex.test/a|T>" in shown
    bad = Hit(speaker=None, quote="w", score=100.0, verdict="verbatim", sources=(source,))
    blocks = str(answer_blocks(Answer(query="q", verdict="verbatim", hits=(bad,))))
    assert "javascript:" not in blocks and "`a1`" in blocks
