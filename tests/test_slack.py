"""The Slack app end to end: signed HTTP requests to the real app, a fake Slack Web API."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from sqlalchemy import text

from bot.ingest import ingest
from bot.settings import Settings
from bot.slack.app import create_app
from bot.slack.verify import response_url_allowed
from bot.store.database import Store
from bot.web.app import create_web
from tests.conftest import ROOT, SEEDS
from tests.fakes.slack_api import FakeSlack
from tests.slack_helpers import SECRET, interactive, post_form, post_json, serve_app, slash

EVIL = (
    "Town hall row\nPublished 4 March 2025\n"
    '"Everyone come now <!channel> and <@U123> &amp; <https://evil.example|click>," '
    "said councillor Ada Vell.\n"
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "corpus"
    d.mkdir()
    for p in SEEDS.glob("*.txt"):
        (d / p.name).write_bytes(p.read_bytes())
    (d / "evil.txt").write_text(EVIL, encoding="utf-8")
    return d


@pytest.fixture
def app_url(fake: FakeSlack, corpus: Path, db_url: str, settings: Settings) -> Iterator[str]:
    cfg = settings.model_copy(
        update={
            "slack_bot_token": "xoxb-test",
            "slack_signing_secret": SECRET,
            "slack_api_url": fake.url + "/api/",
        }
    )
    store = Store.open(db_url)
    ingest(store, [corpus], cfg, progress=False)
    bolt = create_app(cfg, store, last_digest=lambda: "2025-01-12 (3 articles)")
    web = create_web(store, bolt, SECRET)
    with serve_app(web) as url:
        yield url


def blocks_text(fake: FakeSlack, method: str = "response", count: int = 1) -> str:
    return fake.wait_for(method, count)[count - 1].text()


def test_whosaid_acks_fast_then_answers_ephemerally(app_url: str, fake: FakeSlack) -> None:
    resp, ack_s = slash(app_url, "/whosaid", '"deserves to be in prison"', fake.url + "/response/1")
    print(f"\n/whosaid ack in {ack_s * 1000:.1f} ms")
    assert resp.status_code == 200
    (call,) = fake.wait_for("response")
    assert call.body["response_type"] == "ephemeral"
    shown = call.text()
    assert "Verbatim" in shown and "Elon Musk" in shown
    assert "First seen in our archive" in shown
    assert "Post in channel" in shown
    assert shown.index("002_12aa61651dfc3fe3") < shown.index("003_f471cb85c2e29c6f")


def test_close_match_marks_the_differing_words(app_url: str, fake: FakeSlack) -> None:
    slash(app_url, "/whosaid", "deserve to be in jail", fake.url + "/response/2")
    shown = blocks_text(fake)
    assert "Altered" in shown
    # Whole words in bold that Slack renders; the words on record appear once, unmarked.
    assert "you typed *jail* — on record *prison*" in shown
    assert '"text": "deserves to be in prison"' in shown


@pytest.mark.parametrize("text", ["", "   ", "!!!"])
def test_bad_argument_gets_usage_help(app_url: str, fake: FakeSlack, text: str) -> None:
    resp, _ = slash(app_url, "/whosaid", text, fake.url + "/response/3")
    assert resp.status_code == 200
    shown = blocks_text(fake)
    assert "Usage" in shown


def test_not_found_is_said_plainly(app_url: str, fake: FakeSlack) -> None:
    slash(app_url, "/whosaid", '"the moon is made of green cheese"', fake.url + "/response/4")
    shown = blocks_text(fake)
    assert "Not found" in shown and "Elon Musk" not in shown


def test_context_command(app_url: str, fake: FakeSlack) -> None:
    slash(app_url, "/context", "a line has been crossed", fake.url + "/response/5")
    shown = blocks_text(fake)
    assert "Keir Starmer" in shown and "Named in" in shown


def test_forged_and_stale_requests_are_refused(app_url: str, fake: FakeSlack) -> None:
    forged = post_form(app_url, {"command": "/whosaid", "text": "x"}, secret="wrong-secret")
    stale = post_form(
        app_url, {"command": "/whosaid", "text": "x"}, timestamp=int(time.time()) - 360
    )
    assert forged.status_code == 401 and stale.status_code == 401
    time.sleep(0.3)
    assert fake.calls == []


@pytest.mark.parametrize("timestamp", ["abc", "", "1e10", "+17", "17.5", "-5", "9" * 40])
def test_malformed_timestamp_is_refused_and_sends_nothing(
    app_url: str, fake: FakeSlack, timestamp: str
) -> None:
    # Forged requests naming a response_url and a channel: nothing may be sent anywhere.
    form = urlencode(
        {"command": "/whosaid", "text": "x", "response_url": fake.url + "/response/evil"}
    )
    body = json.dumps(event("app_mention", '<@UBOT> "x"', "EvForged"))
    for content, kind in ((form, "application/x-www-form-urlencoded"), (body, "application/json")):
        headers = {
            "X-Slack-Request-Timestamp": timestamp,
            "X-Slack-Signature": "v0=" + "0" * 64,
            "Content-Type": kind,
        }
        resp = httpx.post(f"{app_url}/slack/events", content=content, headers=headers, timeout=10)
        assert resp.status_code == 401
    time.sleep(0.5)
    assert fake.calls == []


def test_unsigned_request_without_headers_is_refused(app_url: str, fake: FakeSlack) -> None:
    form = urlencode({"command": "/whosaid", "text": "x", "response_url": fake.url + "/r/1"})
    resp = httpx.post(
        f"{app_url}/slack/events",
        content=form,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        timeout=10,
    )
    assert resp.status_code == 401
    time.sleep(0.3)
    assert fake.calls == []


def test_oversized_body_is_refused_before_it_is_read(app_url: str, fake: FakeSlack) -> None:
    huge = b"payload=" + b"x" * (2 * 1024 * 1024)
    resp = httpx.post(f"{app_url}/slack/events", content=huge, timeout=10)
    assert resp.status_code == 413

    def chunks() -> Iterator[bytes]:  # no Content-Length: the cap applies while streaming
        for _ in range(64):
            yield b"x" * 65536

    streamed = httpx.post(f"{app_url}/slack/events", content=chunks(), timeout=10)
    assert streamed.status_code == 413 and fake.calls == []


def test_signed_request_with_a_foreign_response_url_sends_nothing(
    app_url: str, fake: FakeSlack
) -> None:
    resp, _ = slash(app_url, "/whosaid", '"a line has been crossed"', "https://evil.example/x")
    assert resp.status_code == 400
    time.sleep(0.3)
    assert fake.calls == []


@pytest.mark.parametrize(
    ("url", "override", "allowed"),
    [
        ("https://hooks.slack.com/commands/T1/123/abc", None, True),  # Slack's real hook host
        ("https://hooks.slack.com/actions/T1/123/abc", "http://127.0.0.1:9/api/", True),
        ("http://hooks.slack.com/commands/T1/123/abc", None, False),  # never in clear text
        ("https://hooks.slack.com.evil.example/x", None, False),
        ("https://evil.example/hooks.slack.com", None, False),
        ("http://127.0.0.1:9/response/1", None, False),  # no override: no local address
        ("http://127.0.0.1:9/response/1", "http://127.0.0.1:9/api/", True),
        ("http://127.0.0.1:10/response/1", "http://127.0.0.1:9/api/", False),
    ],
)
def test_replies_go_only_to_slacks_hooks(url: str, override: str | None, allowed: bool) -> None:
    assert response_url_allowed(url, override) is allowed


def test_without_an_api_override_a_local_response_url_is_refused(
    fake: FakeSlack, settings: Settings, tmp_path: Path
) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'q.db'}")
    cfg = settings.model_copy(
        update={"slack_bot_token": "xoxb-test", "slack_signing_secret": SECRET}
    )
    with serve_app(create_web(store, create_app(cfg, store), SECRET)) as url:
        resp, _ = slash(url, "/whosaid", '"a line has been crossed"', fake.url + "/response/1")
    assert resp.status_code == 400
    time.sleep(0.3)
    assert fake.calls == []


def test_article_text_is_escaped_and_pings_nobody(app_url: str, fake: FakeSlack) -> None:
    slash(app_url, "/whosaid", '"Everyone come now"', fake.url + "/response/6")
    (call,) = fake.wait_for("response")
    assert "Ada Vell" in call.text()
    blocks = call.body["blocks"]
    # The quote is plain rich text (Slack reads no mentions or links in it) …
    quote = next(b for b in blocks if b["type"] == "rich_text")
    (element,) = quote["elements"][0]["elements"]
    assert element["type"] == "text" and "<!channel>" in element["text"]
    # … and every mrkdwn field has the article's markup escaped.
    mrkdwn = json.dumps([b for b in blocks if b["type"] != "rich_text"])
    assert "<!channel>" not in mrkdwn and "<@U123>" not in mrkdwn and "<https://evil" not in mrkdwn


def test_post_in_channel_button(app_url: str, fake: FakeSlack) -> None:
    payload = {
        "type": "block_actions",
        "user": {"id": "U1", "username": "ana"},
        "team": {"id": "T1"},
        "channel": {"id": "C1"},
        "response_url": fake.url + "/response/7",
        "trigger_id": "1.2.3",
        "actions": [
            {"action_id": "post_in_channel", "value": "a line has been crossed", "type": "button"}
        ],
    }
    assert interactive(app_url, payload).status_code == 200
    (call,) = fake.wait_for("response")
    assert call.body["response_type"] == "in_channel"
    assert "Keir Starmer" in call.text() and "Post in channel" not in call.text()
    assert "Shared by ana" in call.text()  # the channel sees who shared it


def test_check_quotes_shortcut(app_url: str, fake: FakeSlack) -> None:
    draft = (
        'Keir Starmer said "a line has been crossed" on Monday. '
        'Wes Streeting said Phillips "deserves to be in prison". '
        'Streeting said the views were "misjudged and misinformed". '
        'The mayor said: "We will build a hundred new bridges by the spring."'
    )
    payload = {
        "type": "message_action",
        "callback_id": "check_quotes",
        "user": {"id": "U1"},
        "team": {"id": "T1"},
        "channel": {"id": "C1"},
        "response_url": fake.url + "/response/8",
        "trigger_id": "1.2.3",
        "message": {"text": draft, "ts": "1.1"},
    }
    assert interactive(app_url, payload).status_code == 200
    shown = blocks_text(fake)
    assert "✅ verbatim" in shown
    assert "⚠️ different speaker on record" in shown and "Elon Musk" in shown
    assert "✏️ altered" in shown
    assert "❓ not on record" in shown
    # The result can be shared: the button posts the same check in the channel, signed.
    share = next(
        e
        for b in fake.wait_for("response")[0].body["blocks"]
        for e in b.get("elements", [])
        if e.get("action_id") == "post_check_in_channel"
    )
    click = {
        "type": "block_actions",
        "user": {"id": "U1", "username": "ana"},
        "team": {"id": "T1"},
        "channel": {"id": "C1"},
        "response_url": fake.url + "/response/9",
        "trigger_id": "1.2.4",
        "actions": [{"action_id": share["action_id"], "value": share["value"], "type": "button"}],
    }
    assert interactive(app_url, click).status_code == 200
    posted = fake.wait_for("response", 2)[1]
    assert posted.body["response_type"] == "in_channel"
    assert "Shared by ana" in posted.text() and "different speaker on record" in posted.text()


def event(kind: str, text: str, event_id: str, **extra: Any) -> dict[str, Any]:
    return {
        "type": "event_callback",
        "team_id": "T1",
        "api_app_id": "A1",
        "event_id": event_id,
        "event_time": int(time.time()),
        "event": {
            "type": kind,
            "text": text,
            "user": "U1",
            "channel": "C1",
            "ts": "171.1",
            **extra,
        },
    }


def test_mention_answers_in_thread_once_despite_retries(app_url: str, fake: FakeSlack) -> None:
    payload = event("app_mention", '<@UBOT> who said "a line has been crossed"?', "Ev1")
    assert post_json(app_url, payload).status_code == 200
    (call,) = fake.wait_for("chat.postMessage")
    assert call.body["thread_ts"] == "171.1" and "Keir Starmer" in call.text()
    post_json(
        app_url, payload, extra={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    )
    post_json(app_url, payload)  # the same event id redelivered
    time.sleep(0.5)
    assert len(fake.of("chat.postMessage")) == 1


def test_direct_message_answers(app_url: str, fake: FakeSlack) -> None:
    payload = event("message", '"deserves to be in prison"', "Ev2", channel_type="im")
    post_json(app_url, payload)
    (call,) = fake.wait_for("chat.postMessage")
    assert "Elon Musk" in call.text()


def test_a_question_with_german_marks_is_answered(app_url: str, fake: FakeSlack) -> None:
    payload = event("message", "wer sagte „deserves to be in prison“?", "Ev9", channel_type="im")
    post_json(app_url, payload)
    (call,) = fake.wait_for("chat.postMessage")
    assert "Elon Musk" in call.text()


def test_app_home_shows_stats_and_last_digest(app_url: str, fake: FakeSlack) -> None:
    post_json(
        app_url,
        {
            **event("app_home_opened", "", "Ev3"),
            "event": {"type": "app_home_opened", "user": "U1", "tab": "home"},
        },
    )
    (call,) = fake.wait_for("views.publish")
    shown = call.text()
    assert "6 articles" in shown and "Last digest" in shown and "2025-01-12" in shown
    assert call.body["user_id"] == "U1"


def test_listener_failure_apologises_with_an_error_id(
    app_url: str, fake: FakeSlack, db_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    with Store.open(db_url).engine.begin() as conn:  # break the store underneath the app
        conn.execute(text("DROP TABLE quotes"))
    slash(app_url, "/whosaid", '"deserves to be in prison"', fake.url + "/response/9")
    shown = blocks_text(fake)
    assert "Sorry" in shown and "error id" in shown
    error_id = json.loads(shown)["text"].split("error id ")[1].rstrip(").")
    assert any(error_id in r.getMessage() for r in caplog.records)


def test_article_page_marks_quotes(app_url: str) -> None:
    page = httpx.get(f"{app_url}/articles/004_882fe7566cc0b4da", timeout=10)
    assert page.status_code == 200
    assert 'id="q1"' in page.text and "Keir Starmer" in page.text
    evil = httpx.get(f"{app_url}/articles/evil", timeout=10)
    assert "&lt;!channel&gt;" in evil.text and "<!channel>" not in evil.text
    assert httpx.get(f"{app_url}/articles/nope", timeout=10).status_code == 404
    health = httpx.get(f"{app_url}/healthz", timeout=10).json()
    assert health["ok"] is True and health["articles"] == 6


def test_serve_without_credentials_names_what_is_missing(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "serve", "--db", f"sqlite:///{tmp_path / 'x.db'}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "SLACK_BOT_TOKEN" in result.stderr and "Connect to Slack" in result.stderr


def test_every_result_says_what_it_is(app_url: str, fake: FakeSlack) -> None:
    slash(app_url, "/whosaid", "deserves to be in prison", fake.url + "/response/20")
    (call,) = fake.wait_for("response")
    blocks = call.body["blocks"]
    labels = [
        b["text"]["text"] for b in blocks if b["type"] == "section" and "·" in b["text"]["text"]
    ]
    assert labels[0].startswith("✅ *Verbatim* · *Elon Musk*")
    assert any("Reported speech — not a quote" in label for label in labels[1:])
    # Reported speech is never a quotation block; the quote is.
    quotes = [b["elements"][0]["elements"][0]["text"] for b in blocks if b["type"] == "rich_text"]
    assert quotes == ["deserves to be in prison"]


def test_words_outside_the_marks_are_flagged(app_url: str, fake: FakeSlack) -> None:
    slash(app_url, "/whosaid", "Jess Phillips deserves to be in prison", fake.url + "/response/22")
    shown = blocks_text(fake)
    assert "‘Jess Phillips’ is the reporter's wording — keep it outside the quote marks" in shown


def test_claimed_speaker_checked_in_slack(app_url: str, fake: FakeSlack) -> None:
    slash(app_url, "/whosaid", "Musk said a line had been crossed", fake.url + "/response/21")
    shown = blocks_text(fake)
    assert "You named Musk, but the record names Keir Starmer." in shown
    assert "First published" in shown and "12 Jan 2025, 13:30" in shown


def test_article_pages_link_only_the_web_and_encode_ids(
    tmp_path: Path, db_url: str, settings: Settings
) -> None:
    from bot.answers.common import link_for
    from bot.models import ArticleMeta

    corpus = tmp_path / "odd"
    corpus.mkdir()
    (corpus / "evil.md").write_text(
        "---\ntitle: Odd one\nurl: javascript:alert(1)\n---\n“Hello there,” said Ann Lee.\n",
        encoding="utf-8",
    )
    store = Store.open(db_url)
    ingest(store, [corpus], settings, progress=False)
    with serve_app(create_web(store, None)) as base:
        page = httpx.get(f"{base}/articles/evil", timeout=10)
        assert page.status_code == 200 and "Hello there" in page.text
        assert "javascript:" not in page.text
    link = link_for(ArticleMeta(id="odd#name?x=1"), None, "https://qb.example")
    assert link == "https://qb.example/articles/odd%23name%3Fx%3D1"
    sneaky = link_for(ArticleMeta(id="a/../b"), 3, "https://qb.example")
    assert sneaky == "https://qb.example/articles/a%2F..%2Fb#q3"


def test_every_manifest_command_and_shortcut_is_answered(app_url: str, fake: FakeSlack) -> None:
    manifest = (ROOT / "manifest.yaml").read_text(encoding="utf-8")
    commands = re.findall(r"command: (/\w+)", manifest)
    shortcuts = re.findall(r"callback_id: (\w+)", manifest)
    assert {"/whosaid", "/context", "/quotebot"} <= set(commands) and len(shortcuts) >= 2
    for n, command in enumerate(commands):
        response, _ = slash(app_url, command, "", f"{fake.url}/response/m{n}")
        assert response.status_code == 200, command
    for n, callback in enumerate(shortcuts):
        payload = {
            "type": "message_action",
            "callback_id": callback,
            "trigger_id": "1.2.3",
            "response_url": f"{fake.url}/response/s{n}",
            "user": {"id": "U1"},
            "team": {"id": "T1"},
            "channel": {"id": "C1"},
            "message": {"text": "no quotes and no links here"},
        }
        assert interactive(app_url, payload).status_code == 200, callback
    replies = fake.wait_for("response", len(commands) + len(shortcuts))
    assert len(replies) == len(commands) + len(shortcuts)
