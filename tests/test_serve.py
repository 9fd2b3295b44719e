"""``quotebot serve`` as a deploy runs it: a real process, real ports, a fake Slack on 127.0.0.1.

Wrong tokens are one-line errors at start-up; ``--http`` always answers Slack over HTTP on
$PORT; Socket Mode still serves the article pages and /healthz.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT, SEEDS
from tests.fakes.slack_api import FakeSlack
from tests.fakes.socket_mode import start_fake_socket_mode
from tests.slack_helpers import SECRET, free_port, slash

BOT = "xoxb-1-test"
APP = "xapp-1-test"


def serve_env(fake: FakeSlack, tmp_path: Path, **slack: str) -> dict[str, str]:
    """A clean environment: only the given Slack variables, the fake's URL, a seeded corpus."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "QUOTEBOT_"))}
    corpus = tmp_path / "corpus"
    if not corpus.exists():
        shutil.copytree(SEEDS, corpus)
    env |= {
        "QUOTEBOT_SLACK_API_URL": fake.url + "/api/",
        "QUOTEBOT_CORPUS__DIRS": f'["{corpus}"]',
        "DATABASE_URL": f"sqlite:///{tmp_path / 'serve.db'}",
    }
    return env | slack


def start_failure(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "serve", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@contextmanager
def running(env: dict[str, str], *args: str) -> Iterator[str]:
    """Start ``serve`` on a free $PORT; yields its base URL once /healthz answers."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "serve", "--host", "127.0.0.1", *args],
        cwd=ROOT,
        env=env | {"PORT": str(port)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                pytest.fail(f"serve exited: {proc.stdout.read() if proc.stdout else ''}")
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("serve did not answer /healthz within 60 s")
            time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_swapped_tokens_are_named(fake: FakeSlack, tmp_path: Path) -> None:
    env = serve_env(fake, tmp_path, SLACK_BOT_TOKEN=APP, SLACK_APP_TOKEN=BOT)
    line = one_line(start_failure(env))
    assert "SLACK_BOT_TOKEN must be the Bot User OAuth Token (xoxb-…)" in line
    assert "swapped" in line
    assert fake.of("auth.test") == []  # nothing sent with a token of the wrong kind


def test_a_rejected_bot_token_stops_start_up_with_the_fix(fake: FakeSlack, tmp_path: Path) -> None:
    fake.auth_error = "invalid_auth"
    env = serve_env(fake, tmp_path, SLACK_BOT_TOKEN=BOT, SLACK_SIGNING_SECRET=SECRET)
    line = one_line(start_failure(env))
    assert "Slack rejected SLACK_BOT_TOKEN (invalid_auth)" in line and "reinstall" in line


def test_http_flag_means_http_even_with_an_app_token(fake: FakeSlack, tmp_path: Path) -> None:
    env = serve_env(
        fake, tmp_path, SLACK_BOT_TOKEN=BOT, SLACK_APP_TOKEN=APP, SLACK_SIGNING_SECRET=SECRET
    )
    with running(env, "--http") as base:
        response, _ = slash(base, "/whosaid", "deserves to be in prison", fake.url + "/response/1")
        assert response.status_code == 200
        (reply,) = fake.wait_for("response")
        assert "Elon Musk" in reply.text()
    assert fake.of("apps.connections.open") == []  # no Socket Mode beside it


def test_http_flag_without_a_signing_secret_says_so(fake: FakeSlack, tmp_path: Path) -> None:
    env = serve_env(fake, tmp_path, SLACK_BOT_TOKEN=BOT, SLACK_APP_TOKEN=APP)
    line = one_line(start_failure(env, "--http"))
    assert "SLACK_SIGNING_SECRET" in line


def test_socket_mode_still_serves_article_pages(fake: FakeSlack, tmp_path: Path) -> None:
    socket_mode = start_fake_socket_mode()
    fake.socket_url = socket_mode.url
    try:
        env = serve_env(fake, tmp_path, SLACK_BOT_TOKEN=BOT, SLACK_APP_TOKEN=APP)
        with running(env) as base:
            assert socket_mode.connections >= 1
            page = httpx.get(f"{base}/articles/004_882fe7566cc0b4da", timeout=10)
            assert page.status_code == 200 and "Keir Starmer" in page.text
            # Slack's events come over the socket; the HTTP endpoint does not pretend otherwise.
            assert httpx.post(f"{base}/slack/events", content=b"{}").status_code == 503
    finally:
        socket_mode.close()
