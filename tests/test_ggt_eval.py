"""Extraction scored on the GenderGapTracker's human-annotated articles (issue 10).

The article texts are the outlets' copyright and are never committed: this runs when
``QUOTEBOT_GGT_DIR`` names a local copy (see ``tests/ggt_eval.py`` for how to make one) and
skips otherwise. Floors are today's measured scores, rounded down: they can only go up.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.settings import Settings
from tests.ggt_eval import ArticleResult, calibration, run, score

GGT_DIR = Path(os.environ.get("QUOTEBOT_GGT_DIR", "")).expanduser()
HAVE_GGT = bool(os.environ.get("QUOTEBOT_GGT_DIR")) and (GGT_DIR / "annotations.xlsx").is_file()
pytestmark = pytest.mark.skipif(
    not HAVE_GGT,
    reason="GGT gold set absent: set QUOTEBOT_GGT_DIR to a local copy (see tests/ggt_eval.py)",
)


@pytest.fixture(scope="module")
def results(settings: Settings) -> list[ArticleResult]:
    return run(GGT_DIR, settings)


def test_scores_hold_their_floors(results: list[ArticleResult]) -> None:
    scores = score(results)
    assert len(results) >= 95
    assert scores.speaker_precision >= 0.975
    assert scores.speaker_recall >= 0.80
    assert scores.quote_precision >= 0.96
    assert scores.speech_recall >= 0.975


def test_high_confidence_means_right(results: list[ArticleResult]) -> None:
    high = [(n, share) for bucket, n, share in calibration(results) if float(bucket[:4]) >= 0.9]
    total = sum(n for n, _ in high)
    right = sum(n * share for n, share in high)
    assert total >= 200 and right / total >= 0.98
