"""First names by gender: our curated lists, extended with Faker's per-country name lists.

A hand-typed list of a few hundred names misses most of the people Canadian news quotes
("Cecil", "Fouzia", "Ragheb"), and an unknown first name makes a speaker look like a common
word or an organisation. Faker maintains first-name lists by gender for dozens of countries;
we read them once and keep only names that cannot be ordinary English words in a headline
(Zipf frequency below ``MAX_ZIPF``: "Cecil" stays, "Will", "Major", "Page" go) or words our
own lists already give another job (titles, role nouns, organisation words, months).
"""

from __future__ import annotations

import importlib
import unicodedata
from functools import cache

from wordfreq import get_frequency_dict

from bot.wordlists import entries, word_set

MAX_ZIPF = 4.2  # "cecil" 3.5, "grace" 4.6, "will" 6.3


def _latin(word: str) -> bool:
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in word)


@cache
def _reserved() -> frozenset[str]:
    """Words our own lists give another job: never a first name learned from Faker."""
    lists = (
        "not_names",
        "calendar_words",
        "titles_male",
        "titles_female",
        "titles_neutral",
        "role_heads",
        "org_nouns",
        "org_words",
        "org_words_surnames",
        "platforms",
        "function_words",
        "determiners",
        "prepositions",
        "cue_verbs",
    )
    return frozenset().union(*(word_set(name) for name in lists))


@cache
def faker_first_names() -> tuple[frozenset[str], frozenset[str]]:
    """(male, female) lower-case first names from Faker's locales, filtered as above."""
    male: set[str] = set()
    female: set[str] = set()
    reserved = _reserved()
    # One dictionary lookup a name: zipf_frequency() tokenises each word and costs 10× more.
    frequency = get_frequency_dict("en")
    too_common = 10 ** (MAX_ZIPF - 9)  # Zipf = log10(frequency per billion words)
    for locale in entries("first_name_locales"):
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute, into in (("first_names_male", male), ("first_names_female", female)):
            for name in getattr(provider, attribute, ()):
                low = str(name).lower()
                if (
                    " " in low
                    or not low[:1].isalpha()
                    or not _latin(low)
                    or low in reserved
                    or frequency.get(low, 0.0) >= too_common
                ):
                    continue
                into.add(low)
    return frozenset(male), frozenset(female)
