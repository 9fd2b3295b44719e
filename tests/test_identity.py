"""A claimed speaker is a person, not a string (issue 24): one row per way editors name people.

The record's name is what the archive holds; the claim is what an editor typed before "said".
"""

from __future__ import annotations

import pytest

from bot.search.identity import identity

ROWS: list[tuple[str, str, str]] = [
    # titles and honorifics change nobody
    ("Mr Musk", "Elon Musk", "same"),
    ("Mr. Musk", "Elon Musk", "same"),
    ("Ms. Phillips", "Jess Phillips", "same"),
    ("Sir Keir Starmer", "Keir Starmer", "same"),
    ("Dr Smith", "Anna Smith", "same"),
    ("Councillor Priya Shah", "Priya Shah", "same"),
    # roles, parties and nationalities before the name
    ("Health Secretary Wes Streeting", "Wes Streeting", "same"),
    ("Democratic Sen. Chris Murphy", "Chris Murphy", "same"),
    ("Italian Prime Minister Giorgia Meloni", "Giorgia Meloni", "same"),
    ("White House Press Secretary Karine Jean-Pierre", "Karine Jean-Pierre", "same"),
    ("Rep. Ocasio-Cortez", "Alexandria Ocasio-Cortez", "same"),
    ("Prime Minister Meloni", "Giorgia Meloni", "same"),
    # first names, initials, accents, possessives
    ("Elon", "Elon Musk", "same"),
    ("Sir Keir", "Keir Starmer", "same"),
    ("J. Phillips", "Jess Phillips", "same"),
    ("Zoe Brule", "Zoë Brûlé", "same"),
    ("Musk's", "Elon Musk", "same"),
    # someone else
    ("Keir Starmer", "Elon Musk", "different"),
    ("Starmer", "Elon Musk", "different"),
    ("Jane Musk", "Elon Musk", "different"),
    ("Elon", "Keir Starmer", "different"),
    ("Officials", "Elon Musk", "different"),  # a group is never the one person on record
    ("Mrs Musk", "Elon Musk", "different"),  # a title of the other gender
    ("Lady Starmer", "Keir Starmer", "different"),
    ("Mr Phillips", "Jess Phillips", "different"),
    # someone of the person's, or an organisation named after them; another initial
    ("Musk's brother Kimbal", "Elon Musk", "different"),
    ("Musk Foundation", "Elon Musk", "different"),
    ("K. Musk", "Elon Musk", "different"),
    ("Elon R. Musk", "Elon Musk", "same"),
    # a middle name, a possessive before the surname
    ("Elon Reeve Musk", "Elon Musk", "same"),
    ("Tesla's Musk", "Elon Musk", "same"),
    # neither: a first name no list holds, two people, a spokesman for the person
    ("Kimbal Musk", "Elon Musk", "nobody"),
    ("Starmer and Musk", "Keir Starmer", "nobody"),
    ("Keir Starmer's spokesman", "Keir Starmer", "nobody"),
    # a post, not a person: the archive alone can pin it on someone
    ("The minister", "Elon Musk", "nobody"),
    ("the Health Secretary", "Wes Streeting", "nobody"),
]


@pytest.mark.parametrize(("claimed", "record", "expected"), ROWS, ids=[r[0] for r in ROWS])
def test_identity(claimed: str, record: str, expected: str) -> None:
    assert identity(claimed, record) == expected


def test_the_archives_resolution_decides_a_post() -> None:
    assert identity("the Health Secretary", "Wes Streeting", resolved="Wes Streeting") == "same"
    assert identity("The Health Secretary", "Elon Musk", resolved="Wes Streeting") == "different"


def test_a_title_of_the_other_gender_is_someone_else_whatever_the_archive_resolves() -> None:
    assert identity("Mrs Musk", "Elon Musk", resolved="Elon Musk") == "different"
