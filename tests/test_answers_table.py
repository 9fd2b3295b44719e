"""The answer classes of issue 24, row by row: reported speech kept in its own words, words in
marks inside a reported sentence answered as the quote, word order, containment across
articles, words outside the marks beside an altered quote, a pasted passage quote by quote,
ambiguous roles, and a name alone. Each class on the seeds, then on articles written here."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.answers.context import context
from bot.answers.whosaid import whosaid
from bot.cli.render import answer_text, context_text
from bot.ingest import ingest
from bot.models import Answer, Hit
from bot.settings import Settings
from bot.slack.blocks import answer_blocks
from bot.store.database import Store
from tests.conftest import SEEDS
from tests.test_answers_editors import write


def ask(store: Store, settings: Settings, phrase: str) -> Answer:
    return whosaid(phrase, store, settings.search)


def seed_text(article_prefix: str) -> str:
    (path,) = SEEDS.glob(f"{article_prefix}*.txt")
    return path.read_text(encoding="utf-8")


def articles(hit: Hit) -> list[str]:
    return [s.article_id[:3] for s in hit.sources]


def block_words(blocks: list[dict[str, Any]]) -> str:
    """Every text a Slack user sees in the blocks."""
    return json.dumps(blocks, ensure_ascii=False)


def squeezed(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


def test_exact_reported_speech_is_kept_with_its_speaker(
    seeded_store: Store, settings: Settings
) -> None:
    answer = ask(
        seeded_store, settings, "Lowe said the inquiry will begin public hearings later this year"
    )
    (top,) = answer.hits
    assert (answer.verdict, top.speaker, top.reported_verbatim) == (
        "paraphrase",
        "Rupert Lowe",
        True,
    )
    assert articles(top) == ["000"] and answer.speaker_check == "matches"
    assert top.quote.startswith("Mr Lowe said the inquiry will begin public hearings")
    shown = answer_text(answer)
    assert "NOT FOUND" not in shown and "in these words (no quote marks)" in shown


def test_exact_reported_speech_outranks_loose_matches(
    seeded_store: Store, settings: Settings
) -> None:
    answer = ask(seeded_store, settings, "Phillips said the Government will not intervene")
    top = answer.hits[0]
    assert (top.speaker, top.reported_verbatim, articles(top)) == ("Jess Phillips", True, ["004"])
    assert answer.speaker_check == "matches"
    # the loose sentences by Streeting, Carden and Cooper are noise beside the very words
    assert {h.speaker for h in answer.hits} == {"Jess Phillips"}


def test_reported_words_around_a_quote(seeded_store: Store, settings: Settings) -> None:
    answer = ask(seeded_store, settings, "Streeting said Musk's views were misjudged")
    top = answer.hits[0]
    assert (top.speaker, top.verdict, articles(top)) == ("Wes Streeting", "paraphrase", ["002"])
    assert answer.speaker_check == "matches"


def test_altered_words_in_marks_inside_a_reported_sentence_are_the_quote(
    seeded_store: Store, settings: Settings
) -> None:
    answer = ask(seeded_store, settings, "Starmer said a line would be crossed")
    top = answer.hits[0]
    assert (answer.verdict, top.quote, top.speaker) == (
        "close",
        "a line has been crossed",
        "Keir Starmer",
    )
    assert [(d.query, d.record) for d in top.diff or ()] == [("would be", "has been")]
    assert "REPORTED SPEECH" not in answer_text(answer).split("\n\n")[1]


def test_other_words_around_a_marked_phrase_are_not_its_alteration(
    seeded_store: Store, settings: Settings
) -> None:
    # "deserve to be spoken to" must never be an altered "deserves to be in prison"
    answer = ask(seeded_store, settings, "Starmer said a border would be crossed")
    assert all(h.quote != "a line has been crossed" for h in answer.hits)


def test_reordered_words_are_the_quote_altered(seeded_store: Store, settings: Settings) -> None:
    answer = ask(seeded_store, settings, "to be in prison deserves")
    top = answer.hits[0]
    assert (answer.verdict, top.quote, top.speaker) == (
        "close",
        "deserves to be in prison",
        "Elon Musk",
    )
    assert [d.op for d in top.diff or ()] == ["order"]
    assert "another order" in answer_text(answer)


def test_each_sentence_comes_with_its_own_article(seeded_store: Store, settings: Settings) -> None:
    for query in ("Phillips should be in prison", "Musk said Phillips deserved to be in prison"):
        for hit in ask(seeded_store, settings, query).hits:
            for article in articles(hit):
                assert squeezed(hit.quote) in squeezed(seed_text(article)), (query, article)


def test_a_quote_holding_another_is_one_hit_with_both_articles(
    seeded_store: Store, settings: Settings
) -> None:
    answer = ask(seeded_store, settings, "help fund legal actions against corrupt officials")
    quoted = [h for h in answer.hits if h.verdict == "verbatim"]
    assert len(quoted) == 1
    assert articles(quoted[0]) == ["000", "001"] and quoted[0].quote.endswith("consideration.")


def test_typed_words_shown_as_typed_and_outside_words_apart(
    seeded_store: Store, settings: Settings
) -> None:
    answer = ask(seeded_store, settings, "Musk said Phillips Deserved to be in prison")
    top = answer.hits[0]
    assert (top.verdict, top.quote) == ("close", "deserves to be in prison")
    assert [(d.query, d.record) for d in top.diff or ()] == [("Deserved", "deserves")]
    assert top.outside_marks == ("Phillips",)


def test_a_pasted_paragraph_is_checked_quote_by_quote(
    seeded_store: Store, settings: Settings
) -> None:
    lines = seed_text("004").splitlines()
    start = next(i for i, line in enumerate(lines) if "Liverpool Echo" in line)
    pasted = " ".join(lines[start : start + 2])
    answer = ask(seeded_store, settings, pasted)
    assert len(answer.parts) == 2 and answer.verdict == "verbatim"
    for part in answer.parts:
        assert part.hits[0].speaker == "Dan Carden"
        assert part.speaker_check != "differs"  # "He told The Liverpool Echo" names no one
    shown = answer_text(answer)
    assert "Quote 1 of 2" in shown and "Quote 2 of 2" in shown
    assert "Quote 2 of 2" in block_words(answer_blocks(answer))


def test_a_single_quote_with_the_editors_marks_is_the_quote(
    seeded_store: Store, settings: Settings
) -> None:
    answer = ask(
        seeded_store,
        settings,
        'Streeting said Musk views were "misjudged and certainly misinformed"',
    )
    (part,) = answer.parts
    assert (part.verdict, part.hits[0].speaker) == ("verbatim", "Wes Streeting")
    assert part.hits[0].outside_marks == ()  # the editor kept them outside already
    # the claim is the passage's own attribution, not something the editor typed apart
    assert "The passage names Streeting: the record agrees" in answer_text(answer)


def test_an_ambiguous_role_lists_the_candidates(seeded_store: Store, settings: Settings) -> None:
    found = context("the MP", seeded_store, settings.search)
    assert found.kind == "ambiguous"
    assert {c.name for c in found.candidates} == {"Rupert Lowe", "Dan Carden"}
    assert "Rupert Lowe" in context_text(found) and "Dan Carden" in context_text(found)


def test_a_name_alone_is_one_coherent_answer(seeded_store: Store, settings: Settings) -> None:
    answer = ask(seeded_store, settings, "Streeting")
    assert answer.speaker_named == "Wes Streeting"
    for shown in (answer_text(answer), block_words(answer_blocks(answer))):
        assert "NOT FOUND" not in shown.upper() and "Check the wording" not in shown
        assert "context" in shown


# The same classes on articles written here, not the seeds.


@pytest.fixture
def harbour_store(tmp_path: Path, db_url: str, settings: Settings) -> Store:
    corpus = tmp_path / "harbour"
    write(
        corpus,
        "a.txt",
        "Harbour plan approved\nPublished 3 May 2025\n"
        "Harbour master Ivo Brandt said the new quay will open before the autumn storms.\n"
        "Councillor Mara Quint said the vote showed “the town has finally chosen the sea” "
        "after a decade of argument.\n"
        "“We will dredge the whole channel and rebuild the north wall by next spring,” "
        "said councillor Tom Evers.\n",
    )
    write(
        corpus,
        "b.txt",
        "Quay work begins\nPublished 9 May 2025\n"
        "Evers repeated his promise: “We will dredge the whole channel.”\n"
        "The councillor said he expected no delays.\n",
    )
    store = Store.open(db_url)
    ingest(store, [corpus], settings, progress=False)
    return store


def test_own_articles_reported_speech(harbour_store: Store, settings: Settings) -> None:
    answer = ask(
        harbour_store, settings, "Brandt said the new quay will open before the autumn storms"
    )
    top = answer.hits[0]
    assert (top.speaker, top.reported_verbatim, articles(top)) == ("Ivo Brandt", True, ["a"])


def test_own_articles_marks_inside_a_report(harbour_store: Store, settings: Settings) -> None:
    answer = ask(harbour_store, settings, "Quint said the town had finally chosen the sea")
    top = answer.hits[0]
    assert (top.verdict, top.speaker, top.quote) == (
        "close",
        "Mara Quint",
        "the town has finally chosen the sea",
    )


def test_own_articles_containment_and_order(harbour_store: Store, settings: Settings) -> None:
    answer = ask(harbour_store, settings, "We will dredge the whole channel")
    quoted = [h for h in answer.hits if h.verdict == "verbatim"]
    assert len(quoted) == 1 and articles(quoted[0]) == ["a", "b"]
    assert quoted[0].speaker == "Tom Evers"
    order = ask(harbour_store, settings, "the whole channel we will dredge")
    assert order.hits[0].verdict == "close" and order.hits[0].diff[0].op == "order"  # type: ignore[index]


def test_own_articles_ambiguous_role(harbour_store: Store, settings: Settings) -> None:
    found = context("the councillor", harbour_store, settings.search)
    assert found.kind == "ambiguous"
    assert {c.name for c in found.candidates} == {"Mara Quint", "Tom Evers"}


def test_someone_with_no_quotes_has_a_record_all_the_same(
    harbour_store: Store, settings: Settings
) -> None:
    found = context("Ivo Brandt", harbour_store, settings.search)  # reported, never quoted
    assert (found.kind, found.quotes_by) == ("speaker", ())
    assert found.reported_by and all(h.speaker == "Ivo Brandt" for h in found.reported_by)
    assert "No quotes on record" in context_text(found)
