"""The extractor's word lists are data files, each entry once."""

from __future__ import annotations

from collections import Counter
from importlib import resources

import pytest

from bot.quotes import lexicon as lx
from bot.wordlists import entries

PACKAGES = ("bot.quotes.lang.en", "bot.quotes.lang.de", "bot.search")
NAMES = sorted(
    (package, p.name.removesuffix(".txt"))
    for package in PACKAGES
    for p in resources.files(package).joinpath("data").iterdir()
    if p.name.endswith(".txt")
)


@pytest.mark.parametrize(("package", "name"), NAMES)
def test_each_entry_once(package: str, name: str) -> None:
    items = [e.lower() for e in entries(name, package)]
    assert items, f"{name}.txt is empty"
    repeated = sorted(k for k, n in Counter(items).items() if n > 1)
    assert repeated == [], f"{name}.txt repeats {repeated}"


def test_lists_are_loaded_from_the_files() -> None:
    assert "said" in lx.CUE_VERBS and "tweeted" in lx.CUE_VERBS
    assert lx.PRONOUNS["she"] == "f" and lx.PRONOUNS["they"] == "p"
    assert "monday" in lx.TIME_WORDS and "monday" in lx.NOT_NAMES
    assert any({"spokesperson", "spokesman"} <= group for group in lx.ROLE_GROUPS)


def test_calendar_words_live_in_one_file() -> None:
    calendar = set(entries("calendar_words"))
    for name in ("time_words", "not_names", "abbreviations"):
        assert not calendar & set(entries(name)), f"{name}.txt repeats calendar words"


def test_first_names_reach_beyond_our_lists_but_not_common_words() -> None:
    # Names our hand-typed lists lack come from Faker's per-country lists, with a gender …
    assert "cecil" in lx.FIRST_NAMES_MALE and "cecil" not in entries("first_names_male")
    assert "babatunji" in lx.FIRST_NAMES_MALE
    # … but a name that is also a common English word makes no person on its own …
    for word in ("major", "page", "king", "art"):
        assert word not in lx.FIRST_NAMES, word
    # … and a name given to both genders somewhere has none.
    assert "andrea" in lx.FIRST_NAMES_UNISEX
    assert "andrea" not in lx.FIRST_NAMES_MALE | lx.FIRST_NAMES_FEMALE
