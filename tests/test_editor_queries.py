"""The generated editor-query suite on the GGT gold set (issue 24): every way editors type a
check, judged against the annotators' speakers (tests/editor_queries.py says how).

Runs when ``QUOTEBOT_GGT_DIR`` names a local copy (never committed); skips otherwise. The floors
are today's measures rounded down, and prints the table per query kind.
"""

from __future__ import annotations

import pytest

from bot.settings import Settings
from tests.devsets import SETS
from tests.editor_queries import KindScore, run, table, total


@pytest.fixture(scope="module")
def scores(settings: Settings) -> list[KindScore]:
    dev = SETS["ggt"]
    directory = dev.directory()
    if directory is None:
        pytest.skip(f"GGT dev set absent: set {dev.env} to a copy (see tests/devsets/ggt.py)")
    assert dev.present(directory), f"{dev.env}={directory} holds no copy of the GGT set"
    found = run(directory, settings)
    print("\n" + table(found))
    return found


def test_editor_queries_hold_their_floors(scores: list[KindScore]) -> None:
    # A title of the other gender can only be told when a first name's gender is known: it
    # has a floor of its own, and the others' floor is as before it was asked.
    everything = total([s for s in scores if s.kind != "other gender's title"])
    assert everything.queries >= 6000
    assert everything.share >= 0.975
    assert everything.false_alarms == 0  # "differs" for the right person misleads an editor
    by_kind = {s.kind: s for s in scores}
    for kind in ("title said", "role said", "first name said", "surname said", "reordered"):
        assert by_kind[kind].share >= 0.97, kind  # a claimed speaker is a person
    assert by_kind["other gender's title"].share >= 0.8  # "Mrs Musk" is not Elon Musk
    for kind in ("outside words", "pasted paragraph"):  # from the article's own text
        assert by_kind[kind].queries >= 40 and by_kind[kind].share >= 0.9, kind


def test_quotes_from_another_collection_are_never_found(scores: list[KindScore]) -> None:
    (foreign,) = [s for s in scores if s.kind == "another collection"]
    assert foreign.queries >= 20 and foreign.right == foreign.queries
