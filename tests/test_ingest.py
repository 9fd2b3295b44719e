"""Ingest: idempotent, changed files replaced, removed files marked, bad files skipped."""

from __future__ import annotations

import codecs
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import event, insert, select
from sqlalchemy.exc import IntegrityError

from bot.answers.whosaid import whosaid
from bot.corpus.reader import article_files
from bot.extraction import build_extractor
from bot.ingest import ingest
from bot.ingest_pool import Task, prepare, prepared
from bot.settings import Settings
from bot.store import schema
from bot.store.database import Store
from tests.conftest import ROOT, SEEDS


def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "corpus"
    shutil.copytree(SEEDS, d)
    return d


def test_second_run_finds_nothing_new(tmp_path: Path, db_url: str, settings: Settings) -> None:
    store = Store.open(db_url)
    first = ingest(store, [corpus(tmp_path)], settings, progress=False)
    assert (first.new, first.unchanged) == (5, 0)
    quotes = store.articles.stats().quotes
    second = ingest(store, [tmp_path / "corpus"], settings, progress=False)
    assert (second.new, second.changed, second.unchanged) == (0, 0, 5)
    assert store.articles.stats().quotes == quotes


def test_changed_file_replaces_its_quotes(tmp_path: Path, db_url: str, settings: Settings) -> None:
    d = corpus(tmp_path)
    store = Store.open(db_url)
    ingest(store, [d], settings, progress=False)
    before = store.articles.stats().quotes
    (path,) = d.glob("003_*.txt")
    path.write_text(path.read_text().replace("deserves to be in prison", "should resign at once"))
    summary = ingest(store, [d], settings, progress=False)
    assert (summary.changed, summary.unchanged) == (1, 4)
    assert store.articles.stats().quotes == before  # replaced, not duplicated
    answer = whosaid("deserves to be in prison", store, settings.search)
    musk = next(h for h in answer.hits if h.verdict == "verbatim")
    assert [s.article_id[:3] for s in musk.sources] == ["002"]
    assert whosaid("should resign at once", store, settings.search).verdict == "verbatim"


def test_a_run_asked_to_stop_keeps_what_it_wrote_and_the_next_run_reads_the_rest(
    tmp_path: Path, db_url: str, settings: Settings
) -> None:
    """A clock's SIGTERM during a long scan: the scan ends at the next file, what it wrote
    stays, no file it did not reach is taken for removed, and the next scan reads the rest."""
    d = corpus(tmp_path)
    store = Store.open(db_url)
    ingest(store, [d], settings, progress=False)
    for path in d.glob("*.txt"):
        path.write_text(path.read_text() + "\n\n“We will be back next year,” said Karin Vogt.\n")
    asked = iter([False, False])  # two files, then the signal

    summary = ingest(store, [d], settings, progress=False, stopped=lambda: next(asked, True))
    assert summary.stopped and "stopped early" in summary.line()
    assert (summary.changed, summary.removed) == (2, 0)
    assert store.articles.stats().articles == 5  # none of the three unread ones left the answers
    rest = ingest(store, [d], settings, progress=False)
    assert (rest.changed, rest.unchanged, rest.removed, rest.stopped) == (3, 2, 0, False)
    # The same archive as one uninterrupted run over the changed files would give.
    whole = Store.open(f"sqlite:///{tmp_path / 'whole.db'}")
    ingest(whole, [d], settings, progress=False)
    asked_of = [store, whole]
    answers = [whosaid("We will be back next year", s, settings.search) for s in asked_of]
    assert answers[0].verdict == "verbatim"
    assert [len(a.hits[0].sources) for a in answers] == [len(answers[1].hits[0].sources)] * 2
    assert store.articles.stats().quotes == whole.articles.stats().quotes


def test_removed_file_is_marked_and_leaves_answers(
    tmp_path: Path, db_url: str, settings: Settings
) -> None:
    d = corpus(tmp_path)
    store = Store.open(db_url)
    ingest(store, [d], settings, progress=False)
    next(d.glob("004_*.txt")).unlink()
    summary = ingest(store, [d], settings, progress=False)
    assert summary.removed == 1
    assert store.articles.stats().articles == 4
    assert whosaid("a line has been crossed", store, settings.search).verdict == "not_found"


def test_leaving_removed_articles_out_never_reads_the_archives_quotes(
    tmp_path: Path, settings: Settings
) -> None:
    """With an article removed, an answer reads the removed articles' rows (through their
    own index) or looks each candidate up by its id: never a scan of the quotes, whatever
    the planner's statistics say. SQLite's own plan for the join scanned every quote of the
    archive, per answer, with the statistics of the bench's 1M-quote archive (100 ms)."""
    d = corpus(tmp_path)
    store = Store.open(f"sqlite:///{tmp_path / 'a.db'}")
    ingest(store, [d], settings, progress=False)
    next(d.glob("004_*.txt")).unlink()
    ingest(store, [d], settings, progress=False)
    asked: list[tuple[str, object]] = []

    def note(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if "'active'" in statement and ("quotes" in statement or "reports" in statement):
            asked.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", note)
    assert whosaid("deserves to be in prison", store, settings.search).verdict == "verbatim"
    event.remove(store.engine, "before_cursor_execute", note)
    assert asked
    with store.engine.connect() as conn:
        for statement, parameters in asked:
            plan = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).all()
            scans = [str(row[-1]) for row in plan if str(row[-1]).startswith("SCAN")]
            assert all("ix_articles_not_active" in scan for scan in scans), plan


def test_bad_file_among_good_ones(tmp_path: Path, db_url: str, settings: Settings) -> None:
    d = corpus(tmp_path)
    (d / "zz_broken.txt").write_bytes(b"\x00\x01binary")
    (d / "aa_empty.txt").write_text("")
    store = Store.open(db_url)
    summary = ingest(store, [d], settings, progress=False)
    assert (summary.new, summary.skipped) == (5, 2)
    reasons = dict(summary.problems)
    assert "binary" in reasons[str(d.resolve() / "zz_broken.txt")]
    assert store.articles.stats().articles == 5


def test_failed_file_keeps_what_was_indexed(
    tmp_path: Path, db_url: str, settings: Settings
) -> None:
    d = corpus(tmp_path)
    store = Store.open(db_url)
    ingest(store, [d], settings, progress=False)
    (path,) = d.glob("002_*.txt")
    path.write_bytes(b"\x00garbage")  # a later bad version of an indexed file
    summary = ingest(store, [d], settings, progress=False)
    assert summary.skipped == 1
    assert whosaid("deserves to be in prison", store, settings.search).verdict == "verbatim"
    assert store.articles.stats().articles == 5


def test_duplicate_article_ids_are_reported(
    tmp_path: Path, db_url: str, settings: Settings
) -> None:
    d = tmp_path / "c"
    (d / "a").mkdir(parents=True)
    (d / "b").mkdir()
    (d / "a" / "same.txt").write_text('"One," said Ann Lee.')
    (d / "b" / "same.txt").write_text('"Two," said Bob Ray.')
    summary = ingest(Store.open(db_url), [d], settings, progress=False)
    assert (summary.new, summary.skipped) == (1, 1)
    assert "duplicate article id" in summary.problems[0][1]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_first_whosaid_on_empty_store_ingests_the_corpus(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    assert run("migrate", "--db", url, cwd=ROOT).returncode == 0  # an empty archive
    # An archive named with --db never gets the sample articles by default: it says it is
    # empty rather than answer "not found" from nothing.
    empty = run("whosaid", "deserves to be in prison", "--db", url, cwd=ROOT)
    assert empty.returncode == 1 and empty.stdout == ""
    assert empty.stderr.startswith(f"quotebot: the archive at {tmp_path / 'fresh.db'} is empty")
    asked = ("whosaid", "deserves to be in prison", "--db", url, "--corpus", str(SEEDS))
    result = run(*asked, "--json", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "empty archive" in result.stderr and "5 new" in result.stderr
    payload = json.loads(result.stdout)
    assert payload["verdict"] == "verbatim"
    assert payload["hits"][0]["speaker"] == "Elon Musk"
    assert {"article_id", "title", "published", "link"} <= set(payload["hits"][0]["sources"][0])
    again = run("whosaid", "deserves to be in prison", "--db", url, cwd=ROOT)
    assert "empty archive" not in again.stderr and "Elon Musk" in again.stdout


def test_db_may_be_a_plain_file_path(tmp_path: Path) -> None:
    path = tmp_path / "archives" / "desk.db"
    path.parent.mkdir()  # a folder that exists: a typo's folder is never made (test_admin)
    result = run("ingest", str(ROOT / "seeds"), "--db", str(path), "-q", "--jobs", "1", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert path.is_file()
    found = run("whosaid", "deserves to be in prison", "--db", str(path), cwd=ROOT)
    assert "Elon Musk" in found.stdout, found.stderr


def test_cli_usage_errors(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    for args in (
        ("whosaid", "", "--db", url),
        ("whosaid", "...", "--db", url),
        ("ingest", "nope", "--db", url),
    ):
        result = run(*args, cwd=ROOT)
        assert result.returncode == 2, (args, result.stderr)
        assert "Traceback" not in result.stderr


def test_one_bad_file_never_stops_a_run(tmp_path: Path, db_url: str, settings: Settings) -> None:
    d = corpus(tmp_path)
    (d / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (d / "twins.json").write_text(
        json.dumps([{"id": "x", "body": "One."}, {"id": "x", "body": "Two."}]), encoding="utf-8"
    )
    (d / "dangling.txt").symlink_to(d / "gone.txt")
    (d / "loop.txt").symlink_to(d / "loop.txt")
    os.mkfifo(d / "pipe.txt")  # reading it would block the run forever
    (d / "wide.txt").write_bytes(
        codecs.BOM_UTF16_LE + 'Wide story\n"We speak UTF-16," said Ann Lee.\n'.encode("utf-16-le")
    )
    store = Store.open(db_url)
    summary = ingest(store, [d], settings, progress=False)
    reasons = {Path(path).name: reason for path, reason in summary.problems}
    assert "nested too deeply" in reasons["deep.json"]
    assert "two articles in this file have the id 'twins-x'" in reasons["twins.json"]
    assert "broken or looping link" in reasons["dangling.txt"]
    assert "broken or looping link" in reasons["loop.txt"]
    assert "not a regular file" in reasons["pipe.txt"]
    assert summary.new == 6 and summary.skipped == 5  # the seeds and the UTF-16 article
    assert whosaid("We speak UTF-16", store, settings.search).hits[0].speaker == "Ann Lee"


def test_characters_no_database_stores_never_stop_a_run(
    tmp_path: Path, db_url: str, settings: Settings
) -> None:
    """JSON escapes can spell a lone surrogate or a NUL, which neither SQLite nor Postgres
    stores: the article is indexed with a replacement mark (the NUL dropped), and the rest of
    the run goes on."""
    d = corpus(tmp_path)
    (d / "odd.json").write_text(
        '{"id": "odd", "title": "Odd \\u0000 title", '
        '"body": "\\u201cThe \\ud800 ferry will sail on time,\\u201d said Ann Lee."}',
        encoding="utf-8",
    )
    misnamed = os.fsencode(d) + b"/caf\xe9.txt"  # a Latin-1 file name on a UTF-8 system
    with open(misnamed, "wb") as f:
        f.write("Cafe story\n\n\u201cWe open at noon,\u201d said Bo Li.\n".encode())
    store = Store.open(db_url)
    summary = ingest(store, [d], settings, progress=False)
    ((path, reason),) = summary.problems
    assert "caf" in path and "not valid UTF-8" in reason
    assert summary.new == 6 and summary.skipped == 1
    (hit,) = whosaid("the ferry will sail on time", store, settings.search).hits
    assert hit.speaker == "Ann Lee" and hit.quote == "The \ufffd ferry will sail on time"
    assert hit.sources[0].title == "Odd  title"
    assert whosaid("deserves to be in prison", store, settings.search).hits[0].speaker


def test_a_killed_run_is_marked_aborted(tmp_path: Path, db_url: str, settings: Settings) -> None:
    store = Store.open(db_url)
    with store.engine.begin() as conn:  # a run a killed process never finished
        conn.execute(insert(schema.ingest_runs).values(started_at=datetime(2020, 1, 1, tzinfo=UTC)))
    ingest(store, [corpus(tmp_path)], settings, progress=False)
    with store.engine.connect() as conn:
        open_runs = conn.execute(
            select(schema.ingest_runs.c.id).where(schema.ingest_runs.c.finished_at.is_(None))
        ).all()
        reasons = conn.execute(select(schema.ingest_problems.c.reason)).scalars().all()
    assert open_runs == [] and any(r.startswith("aborted") for r in reasons)


def archive_rows(store: Store) -> set[tuple[str, int, str, str | None]]:
    """Every quote in the archive: (article, number, words, speaker)."""
    q, sp = schema.quotes, schema.speakers
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(q.c.article_id, q.c.n, q.c.text, sp.c.name).select_from(
                q.outerjoin(sp, q.c.speaker_id == sp.c.id)
            )
        )
        return {(r[0], r[1], r[2], r[3]) for r in rows}


def big_corpus(tmp_path: Path, articles: int) -> Path:
    """A synthetic corpus (bench's generator) with a bad file and a duplicate id among them."""
    from bot.cli.bench import generate

    d = tmp_path / "big"
    generate(d, articles * 8, seed=3)
    (d / "0000" / "bench_0000005.json").write_text("{not json", encoding="utf-8")
    dup = d / "0000" / "bench_0000007.json"
    dup.write_text(json.dumps({"id": "bench_0000003", "body": "“Hello,” she said."}), "utf-8")
    return d


def test_parallel_ingest_builds_the_same_archive(
    tmp_path: Path, db_url: str, settings: Settings
) -> None:
    d = big_corpus(tmp_path, 120)
    serial = Store.open(f"sqlite:///{tmp_path / 'serial.db'}")
    one = ingest(serial, [d], settings, progress=False, jobs=1)
    parallel = Store.open(db_url)
    two = ingest(parallel, [d], settings, progress=False, jobs=2)
    assert (two.new, two.skipped) == (one.new, one.skipped) == (120, 2)
    assert sorted(p for p, _ in two.problems) == sorted(p for p, _ in one.problems)
    assert archive_rows(parallel) == archive_rows(serial)
    again = ingest(parallel, [d], settings, progress=False, jobs=2)
    assert (again.new, again.changed, again.unchanged) == (0, 0, 120)


def test_a_batch_refused_as_a_whole_is_written_file_by_file_with_its_speakers(
    tmp_path: Path, db_url: str, settings: Settings
) -> None:
    """A batch the archive refuses (another process stored one of its articles at that moment)
    leaves nothing behind, and the rows a worker handed back are then written alone, with
    their speakers."""
    extractor = build_extractor(settings)
    path = next(p for p in article_files([SEEDS]) if "Elon Musk" in p.read_text())
    first, same_again = (prepare(Task(path), settings.corpus, extractor) for _ in range(2))
    store = Store.open(db_url)
    run = store.ingest.start_run()
    with pytest.raises(IntegrityError):  # one article id twice: the whole batch is refused
        store.ingest.replace_many([(first.articles, ()), (same_again.articles, ())], run)
    assert store.articles.stats().articles == 0
    assert store.ingest.replace_many([(first.articles, ())], run) == [True]
    (article,) = first.articles
    view = store.articles.article_view(article.id)
    assert view is not None
    stored = [q.speaker for q in view[2]]
    assert "Elon Musk" in stored
    assert stored == article.quote_speakers


def test_workers_started_beside_running_threads_hand_back_every_file_in_order(
    tmp_path: Path, settings: Settings
) -> None:
    """The server's scheduled ingest runs beside its web and clock threads: its workers start
    another way than a lone command's, and must still give what the serial path gives."""
    d = big_corpus(tmp_path, 60)
    tasks = [Task(p) for p in article_files([d])]
    extractor = build_extractor(settings)
    serial = list(prepared(tasks, settings.corpus, extractor, jobs=1))
    stop = threading.Event()
    beside = threading.Thread(target=stop.wait, daemon=True)
    beside.start()
    try:
        pooled = list(prepared(tasks, settings.corpus, extractor, jobs=2))
    finally:
        stop.set()
    assert [p.path for p in pooled] == [t.path for t in tasks]
    assert pooled == serial
    assert sum(p.error is not None for p in pooled) == 1  # the file that is not JSON


def test_a_parallel_ingest_killed_mid_run_loses_nothing(tmp_path: Path, settings: Settings) -> None:
    d = big_corpus(tmp_path, 600)
    killed_db = tmp_path / "killed.db"
    command = ["ingest", str(d), "--db", f"sqlite:///{killed_db}", "-q", "--jobs", "2"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", *command],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    store = Store.open(f"sqlite:///{killed_db}")
    while proc.poll() is None and store.articles.stats().articles < 100:
        time.sleep(0.02)  # until some batches are written
    os.killpg(proc.pid, 9)  # the writer and its workers, as a crash or `kill -9` would
    proc.wait()
    assert store.articles.stats().articles < 598, "the run finished before it could be killed"
    resumed = ingest(store, [d], settings, progress=False, jobs=2)
    assert resumed.new > 0
    clean = Store.open(f"sqlite:///{tmp_path / 'clean.db'}")
    ingest(clean, [d], settings, progress=False, jobs=2)
    assert archive_rows(store) == archive_rows(clean)


def test_removed_copies_never_crowd_out_the_live_article(
    tmp_path: Path, db_url: str, settings: Settings
) -> None:
    """Fifty withdrawn copies of a line and the one live article that still carries it: the
    answer cites the live one (the withdrawn copies never take its place in the shortlist)."""
    d = tmp_path / "corpus"
    d.mkdir()
    line = "“The harbour bridge will close for repairs in spring,” said Ann Kowalski."
    for i in range(51):
        (d / f"{i:03d}_bridge.txt").write_text(
            f"Bridge story {i}\n\n{line}\n\nMore details followed later.\n", encoding="utf-8"
        )
    store = Store.open(db_url)
    assert ingest(store, [d], settings, progress=False).new == 51
    for i in range(1, 51):
        (d / f"{i:03d}_bridge.txt").unlink()
    assert ingest(store, [d], settings, progress=False).removed == 50
    answer = whosaid("the harbour bridge will close for repairs", store, settings.search)
    assert answer.verdict == "verbatim"
    assert [s.article_id for s in answer.hits[0].sources] == ["000_bridge"]
