"""The word lists the extractor relies on, read once from ``bot/quotes/lang/en/data/*.txt``.

The few a search needs too (words naming people, reporting verbs) live in ``people`` and
``verbs``, so answering a question reads those lists and not the extractor's fifty.

Each list is a data file with one entry a line (each entry once; a test checks), so a
newsroom's linguist can read and amend them without reading code. Lower-case throughout.
"""

from __future__ import annotations

import re

from bot.quotes.people import (  # noqa: F401 (the extractor reads them all from here)
    FIRST_NAMES,
    FIRST_NAMES_FEMALE,
    FIRST_NAMES_MALE,
    FIRST_NAMES_UNISEX,
    ROLE_HEADS,
    TITLES,
    TITLES_FEMALE,
    TITLES_MALE,
    TITLES_NEUTRAL,
)
from bot.quotes.verbs import CUE_VERBS, ENDINGS  # noqa: F401
from bot.wordlists import entries, word_set

CALENDAR = word_set("calendar_words")
SKIPPABLE = word_set("skippable")
PREPOSITIONS = word_set("prepositions")
DETERMINERS = word_set("determiners")
SUBORDINATORS = word_set("subordinators")
ROLE_GROUPS: tuple[frozenset[str], ...] = tuple(
    frozenset(line.split()) for line in entries("role_groups")
)
ORG_NOUNS = word_set("org_nouns")
ORG_WORDS_SURNAMES = word_set("org_words_surnames")
ORG_WORDS = word_set("org_words") | ORG_WORDS_SURNAMES
PLATFORMS = word_set("platforms")
STATEMENT_NOUNS = word_set("statement_nouns")
DOCUMENT_CUES = word_set("document_cues")
ISSUING_VERBS = word_set("issuing_verbs")
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
# "according to": the source phrase, as words.
SOURCE_PHRASE: tuple[str, ...] = tuple(entries("source_phrases")[0].split())
POST_NOMINALS = word_set("post_nominals")
NEXT_SENTENCE_CUES = word_set("next_sentence_cues")
IRREGULAR_PAST = word_set("irregular_past")
CUE_VERBS_NEEDING_COMPLEMENT = word_set("cue_verbs_needing_complement")
CUE_VERBS_NOT_BEFORE_TO = word_set("cue_verbs_not_before_to")
RELATIONAL_ROLES = word_set("relational_roles")
# "shot back", "points out": (verb, particle) pairs that report speech together.
PARTICLE_CUES: frozenset[tuple[str, str]] = frozenset(
    (verb, particle) for verb, particle in (line.split() for line in entries("particle_cues"))
)
FUNCTION_WORDS = word_set("function_words")
# Closed-class words that open sentences (see sentence_openers.txt).
SENTENCE_OPENERS = (
    word_set("sentence_openers") | frozenset(PRONOUNS) | DETERMINERS | PREPOSITIONS | SUBORDINATORS
)


def region_key(text: str) -> str:
    """A place's name as the regions list is keyed: lower case, no full stops or spaces
    ("S.C." and "SC" are "sc")."""
    return re.sub(r"[.\s]", "", text.lower())


# States and provinces ("S.C.", "South Carolina"), keyed by ``region_key``.
REGIONS = frozenset(region_key(e) for e in entries("regions"))
