"""The eval gate: precision of named speakers and recall of quotes over hand-labelled articles.

Floors can only be raised. Each article under tests/articles covers one pattern family; its gold
file under tests/gold lists every direct quote and who said it (null where the article does not
say).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from bot.corpus.reader import read_file
from bot.quotes.extract import extract_quotes
from bot.settings import Settings
from tests.conftest import ARTICLES, GOLD

PRECISION_FLOOR = 0.97
RECALL_FLOOR = 0.90
# Gold quotes with a speaker that come back with that speaker. Two of the six misses are rules
# measured below 0.95 on the dev sets ("according to X", "claims by X"), which name nobody
# by themselves (bot/quotes/attribution/calibration.py): a miss, not a wrong name.
SPEAKER_RECALL_FLOOR = 0.85


def norm(text: str) -> str:
    """Quote text for matching: case, curly marks, edge punctuation and spacing ignored."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"\s+", " ", text)
    return text.strip(" .,;:!?'\"“”…")


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    named: int = 0
    named_right: int = 0
    gold_named: int = 0  # gold quotes whose article names the speaker
    gold_named_right: int = 0  # ... found with that speaker: a quote with none is no hit


def score(settings: Settings) -> tuple[Score, list[str]]:
    total = Score()
    problems: list[str] = []
    for path in sorted(ARTICLES.glob("*.txt")):
        gold = json.loads((GOLD / f"{path.stem}.json").read_text(encoding="utf-8"))
        (article,) = read_file(path, settings.corpus)
        quotes = extract_quotes(article)
        unmatched = list(quotes)
        for item in gold:
            total.gold += 1
            total.gold_named += item["speaker"] is not None
            match = next((q for q in unmatched if norm(q.text) == norm(item["quote"])), None)
            if match is None:
                problems.append(f"{path.stem}: missed {item['quote']!r}")
                continue
            unmatched.remove(match)
            total.found += 1
            if match.speaker is not None:
                total.named += 1
                if match.speaker == item["speaker"]:
                    total.named_right += 1
                    total.gold_named_right += item["speaker"] is not None
                else:
                    problems.append(f"{path.stem}: {match.text!r} -> {match.speaker}")
        for q in unmatched:  # quotes that are not in the gold file count against precision
            if q.speaker is not None:
                total.named += 1
                problems.append(f"{path.stem}: spurious {q.text!r} -> {q.speaker}")
    return total, problems


def test_gold_articles_cover_enough_patterns() -> None:
    assert len(list(ARTICLES.glob("*.txt"))) >= 6


def test_precision_and_recall_floors(settings: Settings) -> None:
    total, problems = score(settings)
    precision = total.named_right / total.named
    recall = total.found / total.gold
    speaker_recall = total.gold_named_right / total.gold_named
    print(
        f"\neval: precision {precision:.3f} ({total.named_right}/{total.named}), "
        f"recall {recall:.3f} ({total.found}/{total.gold}), "
        f"speaker recall {speaker_recall:.3f} ({total.gold_named_right}/{total.gold_named})"
    )
    assert precision >= PRECISION_FLOOR, problems
    assert recall >= RECALL_FLOOR, problems
    assert speaker_recall >= SPEAKER_RECALL_FLOOR, problems
