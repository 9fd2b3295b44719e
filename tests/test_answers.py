"""Answers over the seed corpus: verdicts, speakers, sources earliest first, diffs, context."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers.context import context
from bot.answers.whosaid import whosaid
from bot.errors import UsageError
from bot.ingest import ingest
from bot.settings import Settings
from bot.store.database import Store


def ask(store: Store, settings: Settings, phrase: str, base_url: str | None = None):  # type: ignore[no-untyped-def]
    return whosaid(phrase, store, settings.search, base_url)


def test_deserves_to_be_in_prison(seeded_store: Store, settings: Settings) -> None:
    answer = ask(seeded_store, settings, "deserves to be in prison")
    assert answer.verdict == "verbatim"
    musk = [h for h in answer.hits if h.speaker == "Elon Musk" and h.verdict == "verbatim"]
    assert len(musk) == 1  # one hit per (speaker, quote), all its sources inside
    assert [s.article_id[:3] for s in musk[0].sources] == ["002", "003"]  # dated first
    assert musk[0].quote == "deserves to be in prison"
    paraphrase = [h for h in answer.hits if h.verdict == "paraphrase"]
    assert paraphrase and paraphrase[0].sources[0].article_id.startswith("001")
    assert paraphrase[0].speaker == "Elon Musk"


def test_rape_genocide_apologist(seeded_store: Store, settings: Settings) -> None:
    answer = ask(seeded_store, settings, "rape genocide apologist")
    top = answer.hits[0]
    assert (answer.verdict, top.speaker) == ("verbatim", "Elon Musk")
    assert sorted(
        s.article_id[:3] for h in answer.hits if h.speaker == "Elon Musk" for s in h.sources
    ) == ["001", "004"]


def test_a_line_has_been_crossed(seeded_store: Store, settings: Settings) -> None:
    answer = ask(seeded_store, settings, "“a line has been crossed”")
    assert answer.verdict == "verbatim" and answer.hits[0].speaker == "Keir Starmer"


def test_misquote_is_close_with_the_differing_words(
    seeded_store: Store, settings: Settings
) -> None:
    answer = ask(seeded_store, settings, "deserve to be in jail")
    top = answer.hits[0]
    assert answer.verdict == "close" and top.speaker == "Elon Musk"
    assert top.quote == "deserves to be in prison"
    assert {(d.query, d.record) for d in top.diff or ()} == {
        ("deserve", "deserves"),
        ("jail", "prison"),
    }
    dropped = ask(seeded_store, settings, "misjudged and misinformed")
    assert dropped.verdict == "close" and dropped.hits[0].speaker == "Wes Streeting"
    assert [(d.op, d.record) for d in dropped.hits[0].diff or ()] == [("insert", "certainly")]


def test_case_punctuation_and_curly_marks_do_not_matter(
    seeded_store: Store, settings: Settings
) -> None:
    answer = ask(
        seeded_store, settings, "SO IF HE WANTS TO WORK WITH US... and roll his sleeves up, we'd"
    )
    assert answer.verdict == "verbatim" and answer.hits[0].speaker == "Wes Streeting"


@pytest.mark.parametrize(
    "phrase",
    [
        "The lighthouse keeper fed the seagulls every Tuesday morning",
        "Emma Raducanu status doesn't matter",  # seed 000's "You may also like" footer
        "This is England!",
        "Trump's 50% tariff kicks in today",
    ],
)
def test_not_found_is_said_plainly(seeded_store: Store, settings: Settings, phrase: str) -> None:
    answer = ask(seeded_store, settings, phrase)
    assert answer.verdict == "not_found" and answer.hits == ()


def test_scare_quotes_are_never_presented_as_anyones_words(
    seeded_store: Store, settings: Settings
) -> None:
    # Seed 002 puts “two-tier policing” in quote marks, but nobody is reported to say it: the
    # answer says where the words stand, and that nobody is named (issue 24), never a name.
    answer = ask(seeded_store, settings, "two-tier policing")
    assert answer.hits and all(h.speaker is None for h in answer.hits)
    assert all(h.in_marks_only for h in answer.hits if h.verdict != "paraphrase")


def test_links_prefer_article_url_then_public_pages(
    seeded_store: Store, settings: Settings
) -> None:
    plain = ask(seeded_store, settings, "a line has been crossed")
    assert plain.hits[0].sources[0].link == "004_882fe7566cc0b4da"
    hosted = ask(seeded_store, settings, "a line has been crossed", "https://qb.example/")
    link = hosted.hits[0].sources[0].link
    assert link.startswith("https://qb.example/articles/004_882fe7566cc0b4da#q")


@pytest.mark.parametrize("phrase", ["", "   ", "!!! ... ???", "x" * 10_000])
def test_absurd_queries_are_usage_errors(
    seeded_store: Store, settings: Settings, phrase: str
) -> None:
    with pytest.raises(UsageError):
        ask(seeded_store, settings, phrase)


def test_context_of_a_quote(seeded_store: Store, settings: Settings) -> None:
    ctx = context("a line has been crossed", seeded_store, settings.search)
    assert ctx.kind == "quote" and ctx.speaker == "Keir Starmer"
    assert [i for i, _ in ctx.paragraphs] == [
        ctx.focus_paragraph - 1,
        ctx.focus_paragraph,
        ctx.focus_paragraph + 1,
    ]  # type: ignore[operator]
    focus = dict(ctx.paragraphs)[ctx.focus_paragraph]  # type: ignore[index]
    assert "a line has been crossed" in focus
    assert ctx.antecedent is not None and "Starmer" in ctx.antecedent  # who "He" is
    assert ctx.hit is not None and ctx.hit.sources[0].title


def test_context_of_a_speaker(seeded_store: Store, settings: Settings) -> None:
    ctx = context("Jess Phillips", seeded_store, settings.search)
    assert ctx.kind == "speaker" and ctx.speaker == "Jess Phillips"
    assert {h.quote for h in ctx.quotes_by} == {"strength of feeling", "intervene"}
    about = {(h.speaker, h.quote) for h in ctx.quotes_about}
    assert ("Elon Musk", "deserves to be in prison") in about
    assert ctx.articles


def test_context_alias_resolves_to_speaker(seeded_store: Store, settings: Settings) -> None:
    ctx = context("Sir Keir", seeded_store, settings.search)  # config/speakers.toml alias
    assert ctx.kind == "speaker" and ctx.speaker == "Keir Starmer"


def test_context_keyword_in_context(seeded_store: Store, settings: Settings) -> None:
    ctx = context("Oldham scandal", seeded_store, settings.search)
    assert ctx.kind == "keyword"
    assert all("Oldham" in s.text for s in ctx.snippets)
    assert ctx.snippets


def indexed(tmp_path: Path, db_url: str, settings: Settings, files: dict[str, str]) -> Store:
    """A store holding these article files (name -> text), indexed."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    store = Store.open(db_url)
    ingest(store, [corpus], settings, progress=False)
    return store


def test_misquote_of_the_only_content_word_is_found(
    tmp_path: Path, db_url: str, settings: Settings
) -> None:
    # Every other word is a function word, so no full-text term is left to search for:
    # only the words either side of the altered one find the quote.
    harbour = (
        "Harbour plan approved\n12 March 2024\n"
        '"It was not for them that we did it," said council leader Ann Brook.\n'
    )
    store = indexed(tmp_path, db_url, settings, {"harbour.txt": harbour})
    answer = ask(store, settings, "it was not for us that we did it")
    top = answer.hits[0]
    assert (answer.verdict, top.speaker) == ("close", "Ann Brook")
    assert [(d.query, d.record) for d in top.diff or ()] == [("us", "them")]


def test_a_long_misquote_is_found_close(seeded_store: Store, settings: Settings) -> None:
    # 24 words with one changed: past the length where every "all but one term" query runs
    query = (
        "Start by condemning the grovelers and collaborators in positions of authority in "
        "Britain who aided the rape epidemic of their own people or turned a blind eye"
    )
    answer = ask(seeded_store, settings, query.replace("condemning", "denouncing"))
    assert answer.verdict == "close" and answer.hits[0].speaker == "Elon Musk"
    assert ("denouncing", "condemning") in {(d.query, d.record) for d in answer.hits[0].diff or ()}


def test_a_long_passage_changed_all_through_is_found_close(
    seeded_store: Store, settings: Settings
) -> None:
    """Three words changed, one in each of the windows a long passage is first looked for by
    and one of them among its longest words: its short runs still find the record."""
    query = (
        "Start by denouncing the grovelers and collaborators in positions of authority in "
        "Britain who assisted the rape epidemic of their own people or turned a deaf eye"
    )
    answer = ask(seeded_store, settings, query)
    assert answer.verdict == "close" and answer.hits[0].speaker == "Elon Musk"
    changed = {(d.query, d.record) for d in answer.hits[0].diff or ()}
    assert {("denouncing", "condemning"), ("assisted", "aided"), ("deaf", "blind")} <= changed


def test_a_misquote_is_found_among_many_lines_with_the_same_other_words(
    tmp_path: Path, db_url: str, settings: Settings
) -> None:
    # Ninety shorter lines hold every word but the altered one, more than "all but one word"
    # keeps: only the "one word off" search, asked because that list came back full, finds
    # the line (a search that trusted a full list would answer "not found").
    files = {
        f"filler_{i:02d}.txt": f"Harbour item {i}\n12 March 2024\n"
        f'"Today, finally, item {i}: plan for harbour approved," said clerk Tom Reed.\n'
        for i in range(90)
    }
    files["tunnel.txt"] = (
        "Harbour tunnel\n13 March 2024\n"
        '"The harbour bridge plan was finally approved today after a long wait," '
        "said council leader Ann Brook.\n"
    )
    store = indexed(tmp_path, db_url, settings, files)
    answer = ask(store, settings, "the harbour tunnel plan was finally approved today")
    top = answer.hits[0]
    assert (answer.verdict, top.speaker) == ("close", "Ann Brook")
    assert ("tunnel", "bridge") in {(d.query, d.record) for d in top.diff or ()}


# A phrase among 700 other lines that hold its words (fillers: "{a} {i}" numbers them),
# never in its order; the one line holding it must not be lost.
PHRASES_AMONG_THEIR_WORDS = [
    pytest.param(  # Postgres indexes "vusi" alone: more rows than the phrase search keeps
        '"Vusi said the plan number {a} {i} was fine," said Tom Reed.',
        '"It was built by Vusi in with the old stones," said council leader Ann Brook.',
        "by vusi in with",
        id="one indexed word",
    ),
    pytest.param(  # every word a function word: both backends read their word pairs first
        '"What it is not, it is {a} {i} times what we want," said Tom Reed.',
        '"We lost, and it is what it is," said coach Ann Brook after the match.',
        "it is what it is",
        id="function words only",
    ),
]


@pytest.mark.parametrize(("filler", "line", "phrase"), PHRASES_AMONG_THEIR_WORDS)
def test_a_phrase_is_found_among_many_lines_holding_its_words(
    tmp_path: Path, db_url: str, settings: Settings, filler: str, line: str, phrase: str
) -> None:
    files = {
        f"filler_{a:02d}.txt": f"Item {a}\n12 March 2024\n"
        + "".join(filler.format(a=a, i=i) + "\n" for i in range(8))
        for a in range(88)
    }
    files["line.txt"] = f"The line\n13 March 2024\n{line}\n"
    store = indexed(tmp_path, db_url, settings, files)
    answer = ask(store, settings, phrase)
    assert (answer.verdict, answer.hits[0].speaker) == ("verbatim", "Ann Brook")


def test_a_draft_asks_the_store_on_one_connection(seeded_store: Store, settings: Settings) -> None:
    from sqlalchemy import event

    from bot.answers.check import check_draft

    draft = (
        "Elon Musk said Jess Phillips “deserves to be in prison”.\n\n"
        "Keir Starmer replied that “a line has been crossed”.\n\n"
        "He added that “the moon is made of green cheese”."
    )
    checkouts: list[object] = []
    event.listen(seeded_store.engine, "checkout", lambda *_: checkouts.append(1))
    items = check_draft(draft, seeded_store, settings.search)
    assert [(i.quote, i.status) for i in items] == [
        ("deserves to be in prison", "verbatim"),
        ("a line has been crossed", "verbatim"),
        ("the moon is made of green cheese", "not_found"),
    ]
    assert len(checkouts) == 1  # three quotes, one connection: not one (or two) a quote
