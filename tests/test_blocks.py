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
