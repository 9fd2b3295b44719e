"""The Procfile's three processes, started the way Heroku's buildpack runs them: each line
through a shell, with the installed ``quotebot`` on PATH, $PORT and DATABASE_URL set."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT, SEEDS
from tests.fakes.slack_api import FakeSlack
from tests.slack_helpers import SECRET, free_port


def procfile() -> dict[str, str]:
    """process name -> command, as the Procfile says."""
    lines = (ROOT / "Procfile").read_text(encoding="utf-8").splitlines()
    return dict(
        (name.strip(), command.strip())
        for name, command in (line.split(":", 1) for line in lines if ":" in line)
    )


@pytest.fixture
def dyno_env(fake: FakeSlack, tmp_path: Path) -> dict[str, str]:
    """A dyno's environment: config vars, $PORT, the venv's scripts on PATH, a clean cwd."""
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "QUOTEBOT_"))}
    return env | {
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'dyno.db'}",
        "PORT": str(free_port()),
        "SLACK_BOT_TOKEN": "xoxb-1-test",
        "SLACK_SIGNING_SECRET": SECRET,
        "QUOTEBOT_SLACK_API_URL": fake.url + "/api/",
        "QUOTEBOT_DIGEST__CHANNEL": "C0DIGEST",
        "QUOTEBOT_CORPUS__DIRS": f'["{corpus}"]',
    }


def start(command: str, env: dict[str, str], cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        ["bash", "-c", f"exec {command}"],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_procfile_declares_release_web_and_clock() -> None:
    assert set(procfile()) == {"release", "web", "clock"}


def test_release_migrates(dyno_env: dict[str, str], tmp_path: Path) -> None:
    result = subprocess.run(
        ["bash", "-c", procfile()["release"]],
        cwd=tmp_path,
        env=dyno_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "schema: version" in result.stdout


def test_web_binds_port_and_serves(dyno_env: dict[str, str], tmp_path: Path) -> None:
    proc = start(procfile()["web"], dyno_env, tmp_path)
    base = f"http://127.0.0.1:{dyno_env['PORT']}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
            try:
                health = httpx.get(f"{base}/healthz", timeout=2)
                if health.status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "web did not bind $PORT within 60 s"
            time.sleep(0.1)
        assert health.json()["articles"] == 5  # the corpus was indexed on first start
        unsigned = httpx.post(f"{base}/slack/events", content=b"{}", timeout=5)
        assert unsigned.status_code == 401
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=20)
    log = proc.stdout.read() if proc.stdout else ""
    # Starting up is news, not a warning: the operator's log says it at INFO.
    started = [line for line in log.splitlines() if "HTTP mode on" in line]
    assert started and started[0].startswith("INFO "), log
    assert "WARNING" not in log, log


def test_clock_starts_scans_and_stops_on_sigterm(dyno_env: dict[str, str], tmp_path: Path) -> None:
    proc = start(procfile()["clock"], dyno_env, tmp_path)
    lines: list[str] = []
    try:
        deadline = time.monotonic() + 60
        assert proc.stdout is not None
        while not any("ingest" in line or "new" in line for line in lines):
            line = proc.stdout.readline()
            assert line or proc.poll() is None, "".join(lines)
            lines.append(line)
            assert time.monotonic() < deadline, "".join(lines)
        assert any("clock: lease held" in line for line in lines), "".join(lines)
    finally:
        proc.send_signal(signal.SIGTERM)  # what Heroku sends on every restart and deploy
        code = proc.wait(timeout=30)
    assert code == 0
