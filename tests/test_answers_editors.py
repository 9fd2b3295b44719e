"""Answers the way editors ask (issue 11): claimed speakers, words outside the marks, one answer
per quote across articles, people by the names editors use. Seeds, then articles written here."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy import Connection, text

from bot.answers.context import context
from bot.answers.whosaid import whosaid
from bot.cli.render import answer_text
from bot.errors import SearchTimeout, UsageError
from bot.ingest import ingest
from bot.models import Answer
from bot.search.query import SearchQuery
from bot.settings import Settings
from bot.store.database import Store
from bot.store.search_backend import Kind


def ask(store: Store, settings: Settings, phrase: str) -> Answer:
    return whosaid(phrase, store, settings.search)


def test_claimed_speaker_and_reported_tense(seeded_store: Store, settings: Settings) -> None:
    answer = ask(seeded_store, settings, "Starmer said a line had been crossed")
    top = answer.hits[0]
    assert (answer.verdict, top.speaker, top.quote) == (
        "close",
        "Keir Starmer",
        "a line has been crossed",
    )
    assert [(d.query, d.record) for d in top.diff or ()] == [("had", "has")]
    assert (answer.claimed_speaker, answer.speaker_check) == ("Starmer", "matches")


def test_a_claim_the_record_contradicts(seeded_store: Store, settings: Settings) -> None:
    answer = ask(seeded_store, settings, "Musk said a line had been crossed")
    assert answer.hits[0].speaker == "Keir Starmer"
    assert answer.speaker_check == "differs"


@pytest.mark.parametrize(
    ("query", "speaker", "check"),
    [
        ("Mr Musk said civil war is inevitable", "Elon Musk", "matches"),
        ("Elon said civil war is inevitable", "Elon Musk", "matches"),
        ("Sir Keir Starmer said a line has been crossed", "Keir Starmer", "matches"),
        ("Prime Minister Keir Starmer said a line has been crossed", "Keir Starmer", "matches"),
        ("Keir Starmer said civil war is inevitable", "Elon Musk", "differs"),
        ("Jane Musk said civil war is inevitable", "Elon Musk", "differs"),
        # a role the articles give one speaker is that speaker ("British Health Secretary")
        (
            "the Health Secretary said Musk's views were misjudged and certainly misinformed",
            "Wes Streeting",
            "matches",
        ),
        ("The Health Secretary said civil war is inevitable", "Elon Musk", "differs"),
        ("The minister said civil war is inevitable", "Elon Musk", "unknown"),
        ("Mrs Musk said civil war is inevitable", "Elon Musk", "differs"),
        ("Kimbal Musk said civil war is inevitable", "Elon Musk", "unknown"),
        ("Tesla boss Elon Musk said civil war is inevitable", "Elon Musk", "matches"),
        ("Keir Starmer's spokesman said a line had been crossed", "Keir Starmer", "unknown"),
        ("Starmer and Musk said a line had been crossed", "Keir Starmer", "unknown"),
        ("the prime minister said a line had been crossed", "Keir Starmer", "unknown"),
    ],
)
def test_a_claimed_speaker_is_a_person_not_a_string(
    seeded_store: Store, settings: Settings, query: str, speaker: str, check: str
) -> None:
    answer = ask(seeded_store, settings, query)
    assert answer.hits[0].speaker == speaker
    assert answer.speaker_check == check, answer.claimed_speaker
    # The claim is read off the query, whatever it is: the words asked are the rest.
    assert answer.claimed_speaker is not None and query.startswith(answer.claimed_speaker)
    shown = answer_text(answer)
    if check == "unknown":
        assert f"the record names {speaker} and does not say whether that is the same" in shown


def test_words_in_quote_marks_are_never_not_found(seeded_store: Store, settings: Settings) -> None:
    answer = ask(seeded_store, settings, "two-tier policing")  # a term nobody is named for
    (hit,) = answer.hits
    assert (answer.verdict, hit.speaker, hit.in_marks_only) == ("verbatim", None, True)
    assert [s.article_id[:3] for s in hit.sources] == ["002"]
    shown = answer_text(answer)
    assert "In quote marks, but the article does not say who said it" in shown
    assert "NOT FOUND" not in shown
    assert ask(seeded_store, settings, "three-tier policing").verdict != "verbatim"
    assert ask(seeded_store, settings, "policing that nobody wrote about").hits == ()


def test_a_speakers_record_lists_each_quote_once_with_all_its_sources(
    seeded_store: Store, settings: Settings
) -> None:
    record = context("Musk", seeded_store, settings.search)
    quotes = [h.quote.lower() for h in record.quotes_by]
    assert len(quotes) == len(set(quotes))
    (prison,) = [h for h in record.quotes_by if h.quote == "deserves to be in prison"]
    assert sorted(s.article_id[:3] for s in prison.sources) == ["002", "003"]


def test_accents_are_not_differences(seeded_store: Store, settings: Settings) -> None:
    typed = "one of the most comprehensive exposes of the rape gang scandal"
    answer = ask(seeded_store, settings, typed)
    assert (answer.verdict, answer.hits[0].speaker) == ("verbatim", "Rupert Lowe")
    altered = ask(seeded_store, settings, typed.replace("comprehensive", "complete"))
    assert [(d.query, d.record) for d in altered.hits[0].diff or ()] == [
        ("complete", "comprehensive")  # the changed word only; "exposes" is no change
    ]


def test_reporters_context_around_a_verbatim_quote(seeded_store: Store, settings: Settings) -> None:
    answer = ask(seeded_store, settings, "Jess Phillips deserves to be in prison")
    top = answer.hits[0]
    assert (answer.verdict, top.speaker, top.quote) == (
        "verbatim",
        "Elon Musk",
        "deserves to be in prison",
    )
    assert top.outside_marks == ("Jess Phillips",)


def test_called_someone_something(seeded_store: Store, settings: Settings) -> None:
    answer = ask(seeded_store, settings, "Musk called Jess Phillips a rape genocide apologist")
    top = answer.hits[0]
    assert (answer.verdict, top.speaker, top.quote) == (
        "verbatim",
        "Elon Musk",
        "rape genocide apologist",
    )
    assert answer.speaker_check == "matches"


def test_an_organisations_name_is_no_paraphrase(seeded_store: Store, settings: Settings) -> None:
    answer = ask(seeded_store, settings, "rape gangs")
    assert all(h.speaker != "Rape Gang Inquiry" for h in answer.hits)
    assert answer.hits[0].verdict == "verbatim"


def test_reported_speech_speaker_is_its_verbs_subject(
    seeded_store: Store, settings: Settings
) -> None:
    # "He also said “a line has been crossed” … when he described …": He is Starmer, not Musk.
    answer = ask(seeded_store, settings, "he also said by the businessman when he described")
    paraphrases = [h for h in answer.hits if h.verdict == "paraphrase"]
    assert paraphrases and all(h.speaker != "Elon Musk" for h in paraphrases)


@pytest.mark.parametrize(
    ("name", "speaker"),
    [
        ("Streeting", "Wes Streeting"),
        ("Mr Musk", "Elon Musk"),
        ("Starmer", "Keir Starmer"),
        ("Musk", "Elon Musk"),
        ("the safeguarding minister", "Jess Phillips"),
    ],
)
def test_context_finds_people_by_the_names_editors_use(
    seeded_store: Store, settings: Settings, name: str, speaker: str
) -> None:
    found = context(name, seeded_store, settings.search)
    assert (found.kind, found.speaker) == ("speaker", speaker)
    assert all(h.speaker == speaker for h in found.quotes_by)


@pytest.mark.parametrize("name", ["Mrs Musk", "Lady Starmer"])
def test_context_never_shows_a_man_s_record_for_a_woman_s_title(
    seeded_store: Store, settings: Settings, name: str
) -> None:
    """ "Mrs Musk" is not Elon Musk: her record is not his, whatever the surname finds."""
    found = context(name, seeded_store, settings.search)
    assert found.kind != "speaker" and not found.quotes_by


def test_a_name_to_whosaid_points_to_context(seeded_store: Store, settings: Settings) -> None:
    assert ask(seeded_store, settings, "Elon Musk").speaker_named == "Elon Musk"
    assert ask(seeded_store, settings, "deserves to be in prison").speaker_named is None


def test_stopwords_alone_ask_for_more(seeded_store: Store, settings: Settings) -> None:
    with pytest.raises(UsageError, match="more words"):
        ask(seeded_store, settings, "the")


def write(directory: Path, name: str, text: str) -> None:
    directory.mkdir(exist_ok=True)
    (directory / name).write_text(text, encoding="utf-8")


@pytest.fixture
def own_store(tmp_path: Path, db_url: str, settings: Settings) -> Store:
    corpus = tmp_path / "own"
    write(
        corpus,
        "a.txt",
        "Mill strike talks collapse\nPublished 3 March 2025\n"
        "The union's leader, Dana Kowal, was furious on Monday. Dana Kowal said the management "
        "offer was “a slap in the face” for workers who kept the lines open.\n",
    )
    write(
        corpus,
        "b.txt",
        "Strike enters second week\nPublished 9 March 2025\n"
        "Workers on the picket line called the offer “a slap in the face”.\n",
    )
    write(
        corpus,
        "c.txt",
        "Council split on bridge\nPublished 1 April 2025\n"
        "“We will build the bridge by spring,” said Mayor Tom Reyes.\n",
    )
    write(
        corpus,
        "d.txt",
        "Bridge row deepens\nPublished 2 April 2025\n"
        "“We will build the bridge by spring,” said councillor Ana Pratt on Tuesday.\n",
    )
    store = Store.open(db_url)
    ingest(store, [corpus], settings, progress=False)
    return store


def test_one_answer_per_quote_across_articles(own_store: Store, settings: Settings) -> None:
    answer = ask(own_store, settings, "a slap in the face")
    slap = [h for h in answer.hits if h.quote == "a slap in the face"]
    assert len(slap) == 1
    (hit,) = slap
    assert hit.speaker == "Dana Kowal" and hit.attributed_in == ("a",)
    assert [s.article_id for s in hit.sources] == ["a", "b"]


def test_words_outside_the_marks(own_store: Store, settings: Settings) -> None:
    answer = ask(own_store, settings, "a slap in the face for workers")
    top = answer.hits[0]
    assert (answer.verdict, top.quote, top.speaker) == (
        "verbatim",
        "a slap in the face",
        "Dana Kowal",
    )
    assert top.outside_marks == ("for workers",)


def test_articles_naming_different_speakers_conflict(own_store: Store, settings: Settings) -> None:
    answer = ask(own_store, settings, "We will build the bridge by spring")
    assert answer.verdict == "verbatim" and len(answer.hits[0].sources) == 2
    assert sorted(answer.conflict) == ["Ana Pratt", "Tom Reyes"]


@pytest.mark.parametrize(
    ("name", "text", "title"),
    [
        (
            "de.txt",
            "Ein neuer Roman\nPublished 2 May 2024\n"
            "Der Roman „Die Stille nach dem Sturm“ erschien im März bei einem Verlag in Leipzig.\n",
            "Die Stille nach dem Sturm",
        ),
        (
            "single.txt",
            "A new film\nPublished 2 May 2024\n"
            "The film ‘The Quiet After the Gale’ opened on Friday in three cities.\n",
            "The Quiet After the Gale",
        ),
        (
            "typed.txt",
            "A new play\nPublished 2 May 2024\n"
            "The play ''The Hush Before the Thaw'' opened on Friday. ''It sold out in an hour,'' "
            "said its producer, Lena Varga.\n",
            "The Hush Before the Thaw",
        ),
    ],
    ids=["german marks", "single marks", "marks typed as two single ones"],
)
def test_words_in_any_quote_marks_are_never_not_found(
    tmp_path: Path, db_url: str, settings: Settings, name: str, text: str, title: str
) -> None:
    """A title in „…“, ‘…’ or ''…'' is no one's words, but it is in quote marks: the answer
    says so, never "not found"."""
    write(tmp_path / "marks", name, text)
    store = Store.open(db_url)
    ingest(store, [tmp_path / "marks"], settings, progress=False)
    answer = ask(store, settings, title)
    assert answer.verdict == "verbatim"
    assert [(h.quote, h.speaker) for h in answer.hits] == [(title, None)]


def test_sources_carry_outlet_and_byline(tmp_path: Path, db_url: str, settings: Settings) -> None:
    corpus = tmp_path / "fm"
    write(
        corpus,
        "e.md",
        "---\ntitle: Port expansion approved\ndate: 2025-05-02T09:15:00\noutlet: The Harbour "
        "Gazette\nbyline: Ann Reporter\nurl: https://gazette.example/port\n---\n"
        "“The port will double in size,” said harbour master Ivo Brandt.\n",
    )
    store = Store.open(db_url)
    ingest(store, [corpus], settings, progress=False)
    (source,) = ask(store, settings, "the port will double in size").hits[0].sources
    assert (source.outlet, source.byline, source.link) == (
        "The Harbour Gazette",
        "Ann Reporter",
        "https://gazette.example/port",
    )


def test_an_answer_out_of_time_says_so(seeded_store: Store, settings: Settings) -> None:
    rushed = settings.search.model_copy(update={"time_budget_ms": 0})
    answer = whosaid("deserves to be in prison", seeded_store, rushed)
    assert answer.incomplete and answer.hits == ()
    assert "nothing found in the time allowed" in answer_text(answer)
    roomy = whosaid("deserves to be in prison", seeded_store, settings.search)
    assert not roomy.incomplete and roomy.hits[0].speaker == "Elon Musk"


def test_a_search_step_with_no_time_left_raises_search_timeout(seeded_store: Store) -> None:
    query = SearchQuery.of("zzz")
    with pytest.raises(SearchTimeout):
        seeded_store.quotes.candidate_norms("quotes", query, 10, deadline=time.monotonic() - 1)


# A statement that runs until it is cut off, on each backend.
ENDLESS = {
    "postgresql": "SELECT pg_sleep(30)",
    "sqlite": "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
    "SELECT count(*) FROM c",
}


def test_a_search_cut_off_mid_answer_leaves_the_answers_other_reads_working(
    seeded_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An answer's reads share one connection; a search step its time budget cancels (which
    aborts the transaction on Postgres) must not break the reads after it, or the editor gets
    an error instead of what was found."""
    found = seeded_store.quotes.candidate_norms(
        "quotes", SearchQuery.of("deserves to be in prison"), 10
    )
    assert found
    original = seeded_store.backend.candidates
    dialect = seeded_store.engine.dialect.name

    def runs_out_of_time(
        conn: Connection, kind: Kind, query: SearchQuery, limit: int
    ) -> list[tuple[int, str]]:
        conn.execute(text(ENDLESS[dialect]))
        return original(conn, kind, query, limit)

    monkeypatch.setattr(seeded_store.backend, "candidates", runs_out_of_time)
    with seeded_store.one_connection():
        with pytest.raises(SearchTimeout):
            seeded_store.quotes.candidate_norms(
                "quotes", SearchQuery.of("zzz"), 10, deadline=time.monotonic() + 0.3
            )
        records = seeded_store.quotes.quotes_by_ids([i for i, _ in found])
    assert any(r.speaker == "Elon Musk" for r in records)


def test_reads_after_a_budgeted_search_are_not_cut_off_by_its_budget(
    seeded_store: Store,
) -> None:
    """A search cut at its deadline must not leave that deadline on the reads that share its
    connection: a record read after a search with little time left would fail the answer."""
    pause = {"postgresql": "SELECT pg_sleep(0.5)", "sqlite": "SELECT 1"}
    with seeded_store.one_connection():
        found = seeded_store.quotes.candidate_norms(
            "quotes",
            SearchQuery.of("deserves to be in prison"),
            10,
            deadline=time.monotonic() + 0.2,
        )
        with seeded_store.read() as conn:  # a read slower than the search's time left
            conn.execute(text(pause[seeded_store.engine.dialect.name]))
        records = seeded_store.quotes.quotes_by_ids([i for i, _ in found])
    assert any(r.speaker == "Elon Musk" for r in records)
