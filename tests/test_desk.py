"""The desk's memory (issue 15): corrections with an audit trail, and confirmations.

Slack is driven over signed HTTP (block_actions, view_submission) against the fake Web API.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.answers.context import context
from bot.answers.whosaid import whosaid
from bot.cli.render import answer_text
from bot.ingest import ingest
from bot.settings import Settings, SlackSettings
from bot.slack.app import create_app
from bot.store.database import Store
from bot.web.app import create_web
from tests.conftest import ROOT
from tests.fakes.slack_api import FakeSlack
from tests.slack_helpers import SECRET, interactive, serve_app, slash

PHRASE = "deserves to be in prison"


@pytest.fixture
def corpus(seed_corpus: Path) -> Path:
    return seed_corpus


@pytest.fixture
def desk(db_url: str, corpus: Path, settings: Settings) -> Store:
    store = Store.open(db_url)
    ingest(store, [corpus], settings, progress=False)
    return store


def app_for(store: Store, settings: Settings, fake: FakeSlack, group: str | None = None) -> Any:
    cfg = settings.model_copy(
        update={
            "slack_bot_token": "xoxb-test",
            "slack_signing_secret": SECRET,
            "slack_api_url": fake.url + "/api/",
            "slack": SlackSettings(editors_group=group),
        }
    )
    return create_web(store, create_app(cfg, store), SECRET)


@pytest.fixture
def app_url(desk: Store, settings: Settings, fake: FakeSlack) -> Iterator[str]:
    with serve_app(app_for(desk, settings, fake)) as url:
        yield url


def button(fake: FakeSlack, action_id: str, response: int = 0) -> dict[str, Any]:
    """A button of the answer the fake received as its ``response``-th reply."""
    blocks = fake.wait_for("response", response + 1)[response].body["blocks"]
    for block in blocks:
        for element in block.get("elements", []):
            if element.get("action_id") == action_id:
                return dict(element)
    raise AssertionError(f"no {action_id} button in {blocks}")


def click(app_url: str, fake: FakeSlack, action: dict[str, Any], user: str, n: int) -> None:
    payload = {
        "type": "block_actions",
        "trigger_id": f"trig-{n}",
        "response_url": f"{fake.url}/response/click{n}",
        "user": {"id": user, "username": user.lower()},
        "team": {"id": "T1"},
        "channel": {"id": "C1"},
        "actions": [{"action_id": action["action_id"], "value": action["value"], "type": "button"}],
    }
    assert interactive(app_url, payload).status_code == 200


def submit(app_url: str, modal: dict[str, Any], user: str, **answers: Any) -> Any:
    """Submit the correction modal as Slack would: the form's state and its metadata."""
    speaker = answers.get("speaker")
    values = {
        "speaker": {"value": {"type": "plain_text_input", "value": speaker}},
        "not_quote": {
            "value": {
                "type": "checkboxes",
                "selected_options": [{"value": "not_quote"}] if answers.get("not_quote") else [],
            }
        },
        "note": {"value": {"type": "plain_text_input", "value": answers.get("note")}},
    }
    payload = {
        "type": "view_submission",
        "user": {"id": user, "username": user.lower()},
        "team": {"id": "T1"},
        "view": {
            "id": "V1",
            "type": "modal",
            "callback_id": modal["callback_id"],
            "private_metadata": modal["private_metadata"],
            "state": {"values": values},
        },
    }
    return interactive(app_url, payload)


def open_correction(app_url: str, fake: FakeSlack, user: str = "U1") -> dict[str, Any]:
    slash(app_url, "/whosaid", PHRASE, fake.url + "/response/ask")
    click(app_url, fake, button(fake, "correct_quote"), user, 1)
    (opened,) = fake.wait_for("views.open")
    view = opened.body["view"]
    return dict(json.loads(view) if isinstance(view, str) else view)


def test_a_correction_changes_every_later_answer(
    app_url: str, fake: FakeSlack, desk: Store, settings: Settings
) -> None:
    modal = open_correction(app_url, fake)
    assert modal["callback_id"] == "correct_submit" and PHRASE in json.dumps(modal)
    response = submit(app_url, modal, "UANA", speaker="Jane Roe", note="Roe said it on air")
    assert response.status_code == 200
    recorded = fake.wait_for("response", 2)[1].text()
    assert "Correction recorded" in recorded and "Jane Roe" in recorded
    answer = whosaid(PHRASE, desk, settings.search)
    hit = answer.hits[0]
    assert hit.speaker == "Jane Roe"
    assert hit.correction is not None and hit.correction.user == "uana"
    assert hit.correction.original_speaker == "Elon Musk"  # visible on request
    assert hit.evidence is None  # the extractor's evidence no longer applies
    # Slack shows who corrected it and what it was
    slash(app_url, "/whosaid", PHRASE, fake.url + "/response/again")
    shown = fake.wait_for("response", 3)[2].text()
    assert "Corrected by uana" in shown and "was: Elon Musk" in shown
    # A speaker's record follows the correction
    roe = context("Jane Roe", desk, settings.search)
    assert roe.kind == "speaker" and any(h.quote == PHRASE for h in roe.quotes_by)
    musk = context("Elon Musk", desk, settings.search)
    assert not any(h.quote == PHRASE for h in musk.quotes_by)


def test_corrections_survive_reingest_and_reextraction(
    app_url: str, fake: FakeSlack, desk: Store, settings: Settings, corpus: Path
) -> None:
    submit(app_url, open_correction(app_url, fake), "UANA", speaker="Jane Roe")
    fake.wait_for("response", 2)
    (path,) = corpus.glob("002_*.txt")
    path.write_text(path.read_text(encoding="utf-8") + "\n\nA late paragraph.\n", "utf-8")
    summary = ingest(desk, [corpus], settings, progress=False)
    assert summary.changed == 1  # the article was extracted again, and still:
    assert whosaid(PHRASE, desk, settings.search).hits[0].speaker == "Jane Roe"


def test_not_a_quote_leaves_the_words_out(
    app_url: str, fake: FakeSlack, desk: Store, settings: Settings
) -> None:
    submit(app_url, open_correction(app_url, fake), "UANA", not_quote=True)
    assert "not a quote" in fake.wait_for("response", 2)[1].text()
    answer = whosaid(PHRASE, desk, settings.search)
    marked = [h for h in answer.hits if h.quote == PHRASE]
    # The words still stand in quote marks, so they are no "not found": the desk's decision
    # is shown, with who and when, and nobody is named for them.
    assert marked and all(h.speaker is None and h.correction for h in marked)
    assert marked[0].correction is not None and marked[0].correction.kind == "not_quote"
    by = marked[0].correction.user  # the Slack user's name, as the desk log keeps it
    assert f"Marked not a quote by {by} on" in answer_text(answer)


def test_an_empty_correction_is_sent_back_with_the_reason(app_url: str, fake: FakeSlack) -> None:
    response = submit(app_url, open_correction(app_url, fake), "UANA", speaker="  ")
    assert response.json()["response_action"] == "errors"
    assert "speaker" in response.json()["errors"]


def test_two_editors_correcting_at_once_are_both_recorded(
    app_url: str, fake: FakeSlack, desk: Store
) -> None:
    modal = open_correction(app_url, fake)
    threads = [
        threading.Thread(target=submit, args=(app_url, modal, user), kwargs={"speaker": name})
        for user, name in (("UANA", "Jane Roe"), ("UBEN", "John Doe"))
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    fake.wait_for("response", 3)  # both confirmations sent: both corrections are stored
    checks = desk.desk.desk_checks()
    assert sorted(c.user for c in checks) == ["uana", "uben"]
    assert {c.speaker for c in checks} == {"Jane Roe", "John Doe"}


def test_a_confirmation_is_shown_on_the_answer(
    app_url: str, fake: FakeSlack, desk: Store, settings: Settings
) -> None:
    slash(app_url, "/whosaid", PHRASE, fake.url + "/response/ask")
    click(app_url, fake, button(fake, "confirm_quote"), "UANA", 1)
    assert "you checked" in fake.wait_for("response", 2)[1].text()
    hit = whosaid(PHRASE, desk, settings.search).hits[0]
    assert hit.confirmation is not None and hit.speaker == "Elon Musk"
    slash(app_url, "/whosaid", PHRASE, fake.url + "/response/again")
    assert "Checked against the source by uana" in fake.wait_for("response", 3)[2].text()


def test_only_the_editors_group_may_correct(
    desk: Store, settings: Settings, fake: FakeSlack
) -> None:
    fake.group_users = ["UANA"]
    with serve_app(app_for(desk, settings, fake, group="SEDITORS")) as url:
        modal = open_correction(url, fake, user="UOUT")
        assert "Only the desk's editors" in json.dumps(modal)
        assert "callback_id" not in modal  # nothing to submit
        click(url, fake, button(fake, "correct_quote"), "UANA", 2)
        allowed = fake.wait_for("views.open", 2)[1].body["view"]
        assert "correct_submit" in json.dumps(allowed)
    assert desk.desk.desk_checks() == []


def test_audit_trail_lists_and_withdraws(
    app_url: str, fake: FakeSlack, desk: Store, settings: Settings, db_url: str
) -> None:
    submit(app_url, open_correction(app_url, fake), "UANA", speaker="Jane Roe", note="on air")
    fake.wait_for("response", 2)

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "bot", "corrections", "--db", db_url, *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )

    (listed,) = json.loads(cli("--json").stdout)
    assert listed["speaker"] == "Jane Roe" and listed["original_speaker"] == "Elon Musk"
    withdrawn = cli("--withdraw", str(listed["id"]), "--by", "desk chief")
    assert withdrawn.returncode == 0 and "desk chief" in withdrawn.stdout
    # Withdrawn: the extractor's speaker is back, and the record keeps both events.
    assert whosaid(PHRASE, desk, settings.search).hits[0].speaker == "Elon Musk"
    table = cli("--csv").stdout.splitlines()
    assert table[0].startswith("id,article_id,quote,kind") and "desk chief" in table[1]
    assert "withdrawn by desk chief" in cli().stdout
    again = cli("--withdraw", str(listed["id"]), "--by", "desk chief")
    assert again.returncode == 1 and "no active correction" in again.stderr


def test_context_and_check_quotes_results_offer_the_desk_buttons(
    app_url: str, fake: FakeSlack
) -> None:
    slash(app_url, "/context", f'"{PHRASE}"', fake.url + "/response/ctx")
    assert button(fake, "correct_quote")["value"]
    payload = {
        "type": "message_action",
        "callback_id": "check_quotes",
        "user": {"id": "U1"},
        "team": {"id": "T1"},
        "channel": {"id": "C1"},
        "response_url": fake.url + "/response/chk",
        "trigger_id": "1.2.3",
        "message": {"text": f'Musk said Phillips "{PHRASE}".', "ts": "1.1"},
    }
    assert interactive(app_url, payload).status_code == 200
    assert button(fake, "confirm_quote", response=1)["value"]
