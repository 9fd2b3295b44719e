"""The administrator's side, through the real CLI: the sample articles stay out of a
newsroom's archive, a typo in --db or the config is one line that creates nothing, and a
folder's articles can be taken out again."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import ROOT

QUOTE = "deserves to be in prison"  # in the sample articles


def run(*args: str, cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess[str]:
    """``quotebot ARGS`` in a clean environment (plus ``env``)."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("QUOTEBOT_", "SLACK_")) and k != "DATABASE_URL"
    }
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        env=clean | env,
        capture_output=True,
        text=True,
        timeout=180,
    )


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def quick_start_copy(tmp_path: Path) -> Path:
    """A project folder as the quick start has it: the shipped config and the sample
    articles, and no archive yet."""
    project = tmp_path / "project"
    (project / "config").mkdir(parents=True)
    (project / "config" / "quotebot.toml").write_text(
        (ROOT / "config" / "quotebot.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (project / "seeds").symlink_to(ROOT / "seeds")
    return project


def test_the_quick_start_indexes_the_sample_articles(tmp_path: Path) -> None:
    project = quick_start_copy(tmp_path)
    answer = run("whosaid", "--no-color", QUOTE, cwd=project)
    assert answer.returncode == 0, answer.stderr
    assert "Elon Musk" in answer.stdout
    assert "indexing" in answer.stderr and (project / "quotebot.db").is_file()


def test_a_deploy_never_indexes_the_sample_articles(tmp_path: Path) -> None:
    # app.json's postdeploy, as Heroku runs it: DATABASE_URL set, the shipped config.
    project = quick_start_copy(tmp_path)
    db = f"sqlite:///{tmp_path / 'deployed.db'}"
    postdeploy = json.loads((ROOT / "app.json").read_text(encoding="utf-8"))["scripts"]
    for command in postdeploy["postdeploy"].split("&&"):
        words = command.split()
        assert words[0] == "quotebot"
        done = run(*words[1:], cwd=project, DATABASE_URL=db)
        assert done.returncode == 0, done.stderr
    answer = run("whosaid", "--no-color", QUOTE, cwd=project, DATABASE_URL=db)
    assert one_line_error(answer).startswith(f"quotebot: the archive at {tmp_path}/")
    assert articles_in(tmp_path / "deployed.db") == 0
    assert not (project / "quotebot.db").exists()


def articles_in(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])


WIRE = '[{"name": "Wire", "url": "http://127.0.0.1:9/feed.xml"}]'  # nothing listens there


@pytest.mark.parametrize("configured", ["database_url", "db_flag", "sources", "sources_env"])
def test_a_newsroom_archive_never_gets_the_sample_articles(tmp_path: Path, configured: str) -> None:
    path = tmp_path / "newsroom.db"
    db = f"sqlite:///{path}"
    env = {"DATABASE_URL": db} if configured == "database_url" else {}
    args: list[str] = ["--config", str(ROOT / "config" / "quotebot.toml")]
    if configured == "sources":
        config = tmp_path / "quotebot.toml"
        config.write_text(
            "[[sources]]\n"
            + "\n".join(f"{k} = {json.dumps(v)}" for k, v in json.loads(WIRE)[0].items())
            + "\n"
        )
        args = ["--config", str(config)]
    if configured == "sources_env":  # as on Heroku: the sources in a config variable
        env = {"QUOTEBOT_SOURCES": WIRE}
    ingested = run(*args, "ingest", "-q", "--db", db, **env)
    if configured.startswith("sources"):  # the wire is down: said so; the seeds no fallback
        assert ingested.returncode == 1
        assert "ingest: no source could be read" in ingested.stderr
    else:
        assert ingested.returncode == 0, ingested.stderr
    assert articles_in(path) == 0
    answer = run(*args, "whosaid", "--db", db, "--no-color", QUOTE, **env)
    assert one_line_error(answer) == (
        f"quotebot: the archive at {path} is empty: index articles first (quotebot ingest DIR "
        "or URL into it), or name a folder with --corpus DIR"
    )


def test_a_folder_is_taken_out_and_can_come_back(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'a.db'}"
    assert run("ingest", "-q", "--db", db, "seeds").returncode == 0
    removed = run("ingest", "--db", db, "--remove", "seeds")
    assert removed.returncode == 0, removed.stderr
    assert removed.stdout.strip() == "ingest: 5 articles from seeds taken out of the archive"
    gone = run("whosaid", "--db", db, "--no-color", QUOTE)
    assert gone.stdout.startswith("NOT FOUND")
    again = run("ingest", "-q", "--db", db, "seeds")
    assert again.stdout.startswith("ingest: 5 new")
    assert "Elon Musk" in run("whosaid", "--db", db, "--no-color", QUOTE).stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["whosaid", "--db", "not a url at all", QUOTE],
            "quotebot: --db 'not a url at all' is neither a database URL nor an archive file;",
        ),
        (
            ["ingest", "--db", "not a url at all", "seeds"],
            "quotebot: --db 'not a url at all' is neither a database URL nor an archive file;",
        ),
        (
            ["ingest", "--db", "{tmp}/no/such/dir/q.db", "seeds"],
            "quotebot: --db: no such directory {tmp}/no/such/dir for a new archive",
        ),
        (
            ["whosaid", "--db", "{tmp}/missing.db", QUOTE],
            "quotebot: --db '{tmp}/missing.db': no archive there",
        ),
        (
            ["ingest", "--db", "ftp://host/archive.db"],
            "quotebot: --db 'ftp://host/archive.db': not a database URL Quotebot knows",
        ),
        (
            ["ingest", "--db", "{tmp}/x.db", "ftp://host/feed.xml"],
            "quotebot: only http(s) URLs can be fetched, not 'ftp://host/feed.xml'",
        ),
    ],
)
def test_a_bad_archive_is_one_line_and_creates_nothing(
    tmp_path: Path, args: list[str], message: str
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    (work / "seeds").symlink_to(ROOT / "seeds")
    before = sorted(p.name for p in work.iterdir())
    line = one_line_error(run(*(a.replace("{tmp}", str(tmp_path)) for a in args), cwd=work))
    assert line.startswith(message.replace("{tmp}", str(tmp_path))), line
    assert sorted(p.name for p in work.iterdir()) == before  # no file named after a typo
    assert not (tmp_path / "no").exists() and not (tmp_path / "x.db").exists()


def test_an_answer_elsewhere_leaves_no_archive_behind(tmp_path: Path) -> None:
    line = one_line_error(run("whosaid", QUOTE, cwd=tmp_path))
    assert line.startswith(f"quotebot: no archive at {tmp_path / 'quotebot.db'}, and no corpus")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("[serch]\nmax_hits = 3\n", "unknown section 'serch' (did you mean 'search'?)"),
        ("[search]\nmax_hit = 3\n", "unknown key 'search.max_hit' (did you mean 'max_hits'?)"),
        (
            '[[sources]]\nname = "Wire"\nurl = "https://wire.example/feed"\nkidn = "feed"\n',
            "unknown key 'sources[0].kidn' (did you mean 'kind'?)",
        ),
        (
            '[search]\nmax_hits = "lots"\n',
            "search.max_hits: Input should be a valid integer, unable to parse string as an "
            "integer (got 'lots')",
        ),
    ],
)
def test_a_config_mistake_names_the_file_and_key(tmp_path: Path, config: str, message: str) -> None:
    path = tmp_path / "quotebot.toml"
    path.write_text(config, encoding="utf-8")
    line = one_line_error(run("--config", str(path), "whosaid", "--db", "x.db", QUOTE))
    assert line == f"quotebot: {path}: {message}"


@pytest.fixture
def empty_page() -> Iterator[str]:
    """A local page that answers 200 with an empty HTML document."""

    class Empty(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Empty)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/news/empty"
    server.shutdown()


def test_a_page_nothing_can_be_read_from_is_our_one_line_not_the_parsers(
    tmp_path: Path, empty_page: str
) -> None:
    config = tmp_path / "quotebot.toml"
    config.write_text('[web]\nallow_hosts = ["127.0.0.1"]\nrespect_robots = false\n')
    db = str(tmp_path / "a.db")
    done = run("--config", str(config), "ingest", "-q", "--db", db, empty_page)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert lines[0].startswith(f"skipped {empty_page}: "), done.stderr
    assert lines[1:] == ["ingest: no source could be read (see above)"], done.stderr
    assert "trafilatura" not in done.stderr and "ERROR" not in done.stderr


def test_a_private_address_names_the_setting_that_lets_it_through(tmp_path: Path) -> None:
    done = run("ingest", "-q", "--db", str(tmp_path / "a.db"), "http://127.0.0.1:9/feed.xml")
    assert done.returncode == 1
    assert "web.allow_hosts" in done.stderr.splitlines()[0], done.stderr


IMPORTS_OF = """
import sys
from bot.cli.main import main
heavy = ("bot.quotes.lexicon", "bot.quotes.extract", "faker", "wordfreq", "trafilatura",
         "slack_bolt", "starlette", "apscheduler", "psycopg", "httpx")
try:
    main(sys.argv[1:])
finally:
    print("loaded:", ",".join(sorted(m for m in heavy if m in sys.modules)), file=sys.stderr)
"""


@pytest.mark.parametrize(
    "args",
    [["--help"], ["whosaid", "--no-color", QUOTE], ["context", "--no-color", "Elon Musk"]],
)
def test_an_answer_loads_nothing_it_does_not_use(tmp_path: Path, args: list[str]) -> None:
    """The extractor, its name lists, the web and Slack edges and Postgres's driver are for the
    commands that use them: an answer on an SQLite archive starts without them."""
    db = tmp_path / "a.db"
    assert run("ingest", "-q", "--db", str(db), str(ROOT / "seeds")).returncode == 0
    argv = args if args == ["--help"] else [args[0], "--db", str(db), *args[1:]]
    done = subprocess.run(
        [sys.executable, "-c", IMPORTS_OF, *argv],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.stderr.strip().splitlines()[-1] == "loaded:", done.stderr
