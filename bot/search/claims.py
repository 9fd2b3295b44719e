"""Reading an editor's query: who it claims spoke, and the words claimed (pure).

Editors paste a sentence from a draft, not a clean quote: "Starmer said a line had been
crossed", "Musk called Jess Phillips a rape genocide apologist", "‘a slap in the face,’ Smith
said". The claimed speaker is answered separately from the claimed words: the words are looked
up, then the record's speaker is compared with the claim.
"""

from __future__ import annotations

import re
from functools import cache

from bot.models import Frozen
from bot.quotes import people
from bot.quotes import verbs as lx
from bot.quotes.lang import packs

TITLE = r"(?:(?:Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Lady|Prof)\.?\s+)?"
CAPITALISED = r"[A-Z][\w'’.-]*"
PERSON = TITLE + CAPITALISED + rf"(?:\s+(?:{CAPITALISED}|de|van|von|bin|al))*"
# A post: "the prime minister", before a name ("Tesla boss Elon Musk"), or after its
# possessive ("Keir Starmer's spokesman": a claim the identity check reads as a post).
ROLE = "(?:" + "|".join(sorted(map(re.escape, people.ROLE_HEADS), key=len, reverse=True)) + ")"
NAME = (
    rf"(?:[Tt]he\s+(?:[\w'’-]+\s+){{0,3}}{ROLE}(?=\s)|(?:[Tt]he\s+)?"
    rf"(?:(?:{CAPITALISED}\s+)*{ROLE}\s+)?{PERSON}"
    rf"(?:(?<=['’]s)(?:\s+{ROLE}){{1,2}})?(?:\s+and\s+{PERSON})?)"
)
VERB = r"(?P<verb>[^\W\d_]+)"  # "said", "sagte", "erklärte": a lower-case word (``_is_cue``)
LEADING = re.compile(
    rf"^(?P<name>{NAME})\s+(?:also\s+|has\s+|had\s+)?{VERB}\b[:,]?\s*(?P<rest>.+)$"
)
TRAILING = re.compile(rf"^(?P<rest>.+?)[,.]?\s+(?P<name>{NAME})\s+{VERB}\.?$")
INVERTED = re.compile(rf"^(?P<rest>.+?)[,.]?\s+{VERB}\s+(?P<name>{NAME})\.?$")
# Past tense of reported speech back to the tense of the words spoken ("had" → "has").
BACKSHIFT = {
    "had": "has",
    "would": "will",
    "was": "is",
    "were": "are",
    "could": "can",
    "should": "shall",
}


class Claim(Frozen):
    """The query split into a claimed speaker (or None) and the claimed words."""

    speaker: str | None
    words: str


def _strip_that(rest: str) -> str:
    rest = rest.strip().strip("\"'“”‘’").strip()
    return re.sub(r"^that\s+", "", rest).strip().strip("\"'“”‘’").strip()


@cache
def _cue_verbs() -> frozenset[str]:
    """The reporting verbs of every language pack ("said", "sagte", "erklärte")."""
    return frozenset().union(*(pack.words("cue_verbs") for pack in packs().values()))


def _is_cue(verb: str) -> bool:
    return verb.islower() and verb in _cue_verbs() and not verb.endswith(lx.ENDINGS["participle"])


def split_claim(query: str) -> Claim:
    """``Starmer said a line had been crossed`` → (Starmer, "a line had been crossed")."""
    text = " ".join(query.split())
    for pattern in (LEADING, TRAILING, INVERTED):
        found = pattern.match(text)
        if found is None or not _is_cue(found.group("verb")):
            continue
        rest = _strip_that(found.group("rest"))
        if len(rest.split()) >= 2:
            return Claim(speaker=found.group("name").strip(), words=rest)
    return Claim(speaker=None, words=text)


def backshifted(words: list[str]) -> list[str] | None:
    """The words with reported-speech tense undone ("had been crossed" → "has been crossed"),
    or None when nothing changes."""
    shifted = [BACKSHIFT.get(w, w) for w in words]
    return shifted if shifted != words else None
