"""Words that name people: titles ("Sir", "Dr"), the heads of roles ("minister"), and first
names by gender (our lists, and Faker's filtered: ``first_names``). Read by the extractor and
by the search when it reads a claimed speaker ("Mr Musk said …")."""

from __future__ import annotations

from bot.quotes.first_names import faker_first_names
from bot.wordlists import word_set

TITLES_MALE = word_set("titles_male")
TITLES_FEMALE = word_set("titles_female")
TITLES_NEUTRAL = word_set("titles_neutral")
TITLES = TITLES_MALE | TITLES_FEMALE | TITLES_NEUTRAL
ROLE_HEADS = word_set("role_heads")
# Our lists decide; a name Faker gives both genders (across countries too) has none.
_CURATED = (
    word_set("first_names_male") | word_set("first_names_female") | word_set("first_names_unisex")
)
_FAKER_MALE, _FAKER_FEMALE = faker_first_names()
FIRST_NAMES_MALE = word_set("first_names_male") | (_FAKER_MALE - _FAKER_FEMALE - _CURATED)
FIRST_NAMES_FEMALE = word_set("first_names_female") | (_FAKER_FEMALE - _FAKER_MALE - _CURATED)
FIRST_NAMES_UNISEX = word_set("first_names_unisex") | ((_FAKER_MALE & _FAKER_FEMALE) - _CURATED)
FIRST_NAMES = FIRST_NAMES_MALE | FIRST_NAMES_FEMALE | FIRST_NAMES_UNISEX
