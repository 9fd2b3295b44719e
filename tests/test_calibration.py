"""Confidence is measured, and a rule measured below 0.95 never names anyone by itself.

The shipped measurements (bot/quotes/attribution/data/precision.tsv) come from the dev sets'
tuning parts (``python -m tests.devsets --calibrate``); these tests use measurements written
here, so they hold whatever the dev sets say next time.
"""

from __future__ import annotations

import os
import subprocess
import sys

from bot.models import Article, Paragraph
from bot.quotes.attribution.calibration import NAMES_ALONE, PRIOR, Calibration, measured
from bot.quotes.attribution.sieves import ordered
from bot.quotes.extract import extract_article
from tests.conftest import ROOT

# A description of the story's one person as the speaker: the "described" sieve, and nothing
# else, names her.
DESCRIBED = (
    "Henrik Vogel knows he is entering new territory.\n\n"
    "“I don’t know any airline that makes money,” the tall, soft-spoken engineer said."
)


def article(text: str) -> Article:
    paragraphs, position = [], 0
    for index, para in enumerate(text.split("\n\n")):
        paragraphs.append(
            Paragraph(index=index, start=position, end=position + len(para), text=para)
        )
        position += len(para) + 2
    return Article(id="t", body=text, paragraphs=tuple(paragraphs))


def speaker_and_confidence(text: str, counts: dict[tuple[str, ...], tuple[int, int]]) -> tuple:
    sieves = ordered(("post_cue", "described", "previous_subject"))
    found = extract_article(article(text), sieves=sieves, calibration=Calibration(counts))
    (quote,) = [q for q in found.quotes if "airline" in q.text]
    return quote.speaker, quote.confidence, quote.sieve


def test_a_rule_measured_below_the_bar_names_nobody_alone() -> None:
    counts = {("described",): (40, 30)}  # right 3 times in 4
    speaker, _, _ = speaker_and_confidence(DESCRIBED, counts)
    assert speaker is None


def test_a_rule_measured_above_the_bar_names_with_its_measured_precision() -> None:
    counts = {("described",): (400, 392), ("described", "before"): (400, 392)}
    speaker, confidence, sieve = speaker_and_confidence(DESCRIBED, counts)
    assert (speaker, sieve) == ("Henrik Vogel", "described")
    assert NAMES_ALONE <= confidence <= 0.99  # about 392/400, drawn a little to the prior


def test_a_rule_never_measured_is_not_trusted_alone() -> None:
    assert PRIOR < NAMES_ALONE
    assert not Calibration({}).trusted("described")


def test_a_rule_seldom_met_borrows_the_measurements_of_its_twin_in_another_language() -> None:
    few = {("de_previous_subject",): (2, 2)}  # right both times: too few to trust alone
    assert not Calibration(few).trusted("de_previous_subject", kin="previous_subject")
    precise_twin = few | {("previous_subject",): (40, 40)}
    assert Calibration(precise_twin).trusted("de_previous_subject", kin="previous_subject")
    assert not Calibration(precise_twin).trusted("de_previous_subject")  # no twin declared
    sloppy_twin = few | {("previous_subject",): (40, 30)}
    assert not Calibration(sloppy_twin).trusted("de_previous_subject", kin="previous_subject")
    wrong_here = {("de_previous_subject",): (6, 3), ("previous_subject",): (40, 40)}
    assert not Calibration(wrong_here).trusted("de_previous_subject", kin="previous_subject")


def test_two_unsure_rules_that_agree_name_the_person() -> None:
    # "the tall engineer said": the post-quote verb's subject is a role the article gave
    # Henrik Vogel (post_cue), and a description of the story's one person (described).
    text = (
        "Henrik Vogel, an engineer, knows he is entering new territory.\n\n"
        "“I don’t know any airline that makes money,” the tall engineer said."
    )
    unsure = {("post_cue",): (40, 34), ("described",): (40, 34)}  # 85% each
    alone = extract_article(
        article(text), sieves=ordered(("post_cue",)), calibration=Calibration(unsure)
    )
    assert alone.quotes[0].speaker is None
    together = extract_article(
        article(text), sieves=ordered(("post_cue", "described")), calibration=Calibration(unsure)
    )
    (quote,) = together.quotes
    assert quote.speaker == "Henrik Vogel"
    assert quote.confidence > 0.95  # two independent 85% rules agreeing


def test_the_shipped_measurements_trust_the_common_rules() -> None:
    shipped = measured()
    assert all(shipped.trusted(name) for name in ("post_cue", "pre_cue", "inverted_post_cue"))
    assert shipped.counts[("post_cue",)][0] >= 500  # measured on real articles, not a stub


def test_calibrating_with_no_dev_set_leaves_the_measurements_alone() -> None:
    table = ROOT / "bot" / "quotes" / "attribution" / "data" / "precision.tsv"
    before = table.read_text(encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUOTEBOT_")}
    result = subprocess.run(
        [sys.executable, "-m", "tests.devsets", "--calibrate"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "no dev set present" in result.stdout
    assert table.read_text(encoding="utf-8") == before
