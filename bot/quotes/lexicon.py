"""The word lists the extractor relies on, read once from ``bot/quotes/data/*.txt``.

Each list is a data file with one entry a line (each entry once; a test checks), so a
newsroom's linguist can read and amend them without reading code. Lower-case throughout.
"""

from __future__ import annotations

from bot.quotes.first_names import faker_first_names
from bot.wordlists import entries, word_set

CALENDAR = word_set("calendar_words")
CUE_VERBS = word_set("cue_verbs")
SKIPPABLE = word_set("skippable")
PREPOSITIONS = word_set("prepositions")
DETERMINERS = word_set("determiners")
SUBORDINATORS = word_set("subordinators")
TITLES_MALE = word_set("titles_male")
TITLES_FEMALE = word_set("titles_female")
TITLES_NEUTRAL = word_set("titles_neutral")
TITLES = TITLES_MALE | TITLES_FEMALE | TITLES_NEUTRAL
ROLE_HEADS = word_set("role_heads")
ROLE_GROUPS: tuple[frozenset[str], ...] = tuple(
    frozenset(line.split()) for line in entries("role_groups")
)
ORG_NOUNS = word_set("org_nouns")
ORG_WORDS_SURNAMES = word_set("org_words_surnames")
ORG_WORDS = word_set("org_words") | ORG_WORDS_SURNAMES
PLATFORMS = word_set("platforms")
STATEMENT_NOUNS = word_set("statement_nouns")
PRONOUNS: dict[str, str] = dict(line.split() for line in entries("pronouns"))
NOT_NAMES = word_set("not_names") | CALENDAR
TIME_WORDS = word_set("time_words") | CALENDAR
POST_CUE_FOLLOW = word_set("post_cue_follow")
NOUNABLE_CUES = word_set("nounable_cues")
CLAIM_NOUNS = word_set("claim_nouns")
COPULAS = word_set("copulas")
NAME_CONNECTORS = word_set("name_connectors")
ORG_CONNECTORS = word_set("org_connectors")
ABBREVIATIONS = word_set("abbreviations")
BE_FORMS = word_set("be_forms")
MODALS = word_set("modals")
INVERTIBLE_CUES = word_set("invertible_cues")
# Endings by what they mark ("participle" -> ("ing",)), from inflections.txt.
ENDINGS: dict[str, tuple[str, ...]] = {}
for _line in entries("inflections"):
    _kind, _ending = _line.split()
    ENDINGS[_kind] = (*ENDINGS.get(_kind, ()), _ending)
# "according to": the source phrase, as words.
SOURCE_PHRASE: tuple[str, ...] = tuple(entries("source_phrases")[0].split())
POST_NOMINALS = word_set("post_nominals")
NEXT_SENTENCE_CUES = word_set("next_sentence_cues")
# Our lists decide; a name Faker gives both genders (across countries too) has none.
_CURATED = (
    word_set("first_names_male") | word_set("first_names_female") | word_set("first_names_unisex")
)
_FAKER_MALE, _FAKER_FEMALE = faker_first_names()
FIRST_NAMES_MALE = word_set("first_names_male") | (_FAKER_MALE - _FAKER_FEMALE - _CURATED)
FIRST_NAMES_FEMALE = word_set("first_names_female") | (_FAKER_FEMALE - _FAKER_MALE - _CURATED)
FIRST_NAMES_UNISEX = word_set("first_names_unisex") | ((_FAKER_MALE & _FAKER_FEMALE) - _CURATED)
FIRST_NAMES = FIRST_NAMES_MALE | FIRST_NAMES_FEMALE | FIRST_NAMES_UNISEX
IRREGULAR_PAST = word_set("irregular_past")
CUE_VERBS_NEEDING_COMPLEMENT = word_set("cue_verbs_needing_complement")
CUE_VERBS_NOT_BEFORE_TO = word_set("cue_verbs_not_before_to")
FUNCTION_WORDS = word_set("function_words")
