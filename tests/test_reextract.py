"""Archives built by older extraction rules are brought up to date: the stored articles are
extracted again (their text, not their files), and nothing an editor or the clock relies on
moves — corrections, when each article was indexed, which articles were digested."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from bot.answers.whosaid import whosaid
from bot.ingest import ingest
from bot.settings import Settings
from bot.store import schema
from bot.store.database import Store
from bot.store.digest_repo import DigestRepository
from tests.conftest import SEEDS

QUOTE = "deserves to be in prison"


def indexed_at(store: Store) -> dict[str, datetime]:
    with store.engine.connect() as conn:
        rows = conn.execute(select(schema.articles.c.id, schema.articles.c.indexed_at))
        return {str(i): at for i, at in rows}


def with_alias(settings: Settings, tmp_path: Path, written: str, canonical: str) -> Settings:
    """The settings with a speakers file that files ``written`` under ``canonical``."""
    speakers = tmp_path / "speakers.toml"
    speakers.write_text(f'[aliases]\n"{written}" = "{canonical}"\n', encoding="utf-8")
    extraction = settings.extraction.model_copy(update={"speakers_file": str(speakers)})
    return settings.model_copy(update={"extraction": extraction})


def test_new_rules_reach_every_stored_article_and_move_nothing_else(
    tmp_path: Path, db_url: str, settings: Settings
) -> None:
    store = Store.open(db_url)
    assert ingest(store, [SEEDS], settings, progress=False).reextracted == 0  # a new archive
    musk = next(h for h in whosaid(QUOTE, store, settings.search).hits if h.verdict == "verbatim")
    assert musk.speaker == "Elon Musk"
    other = whosaid("a line has been crossed", store, settings.search).hits[0]
    record = store.quotes.quote_in_article(
        other.sources[0].article_id, other.sources[0].quote_n or 0
    )[0]
    store.desk.record_check(record, "speaker", "Night desk", speaker="Somebody Else")
    digests = DigestRepository(store)
    digests.create("C1", digests.undigested_articles(), 1, datetime.now(UTC))
    when = indexed_at(store)

    renamed = with_alias(settings, tmp_path, "Elon Musk", "Elon Reeve Musk")
    again = ingest(store, [SEEDS], renamed, progress=False)
    assert (again.reextracted, again.unchanged, again.new, again.changed) == (5, 5, 0, 0)
    answer = whosaid(QUOTE, store, renamed.search)
    assert next(h for h in answer.hits if h.verdict == "verbatim").speaker == "Elon Reeve Musk"
    corrected = whosaid("a line has been crossed", store, renamed.search).hits[0]
    assert corrected.correction is not None and corrected.speaker == "Somebody Else"
    assert indexed_at(store) == when
    assert digests.undigested_articles() == []  # no old article is news again
    assert ingest(store, [SEEDS], renamed, progress=False).reextracted == 0  # once only


def test_an_editor_adding_a_page_never_waits_for_the_archive(
    tmp_path: Path, db_url: str, settings: Settings
) -> None:
    store = Store.open(db_url)
    ingest(store, [SEEDS], settings, progress=False)
    renamed = with_alias(settings, tmp_path, "Elon Musk", "Elon Reeve Musk")
    added = ingest(store, [], renamed, progress=False, max_pages=20)  # Slack's "add"
    assert added.reextracted == 0
    assert ingest(store, [SEEDS], renamed, progress=False).reextracted == 5  # the next scan


def test_a_stopped_reextraction_is_finished_by_the_next_run(
    tmp_path: Path, db_url: str, settings: Settings
) -> None:
    """A clock stopped while it brings the archive up to new rules: the next run starts the
    work again and finishes it; no article is left answering by the old rules."""
    store = Store.open(db_url)
    ingest(store, [SEEDS], settings, progress=False)
    renamed = with_alias(settings, tmp_path, "Elon Musk", "Elon Reeve Musk")
    asked = iter([False] * 3)  # a few articles in, the signal

    stopped = ingest(store, [SEEDS], renamed, progress=False, stopped=lambda: next(asked, True))
    assert stopped.stopped and 0 < stopped.reextracted < 5
    again = ingest(store, [SEEDS], renamed, progress=False)
    assert again.reextracted == 5 and not again.stopped
    answer = whosaid(QUOTE, store, renamed.search)
    assert next(h for h in answer.hits if h.verdict == "verbatim").speaker == "Elon Reeve Musk"
    assert ingest(store, [SEEDS], renamed, progress=False).reextracted == 0
