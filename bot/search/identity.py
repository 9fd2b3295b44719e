"""Whether the speaker an editor claims is the person the record names (pure).

Editors name people the way articles do: "Mr Musk", "Sir Keir Starmer", "Elon", "Democratic
Sen. Chris Murphy", "Italian Prime Minister Giorgia Meloni", "Ms. Phillips". Comparing those
strings with the record's "Elon Musk" raises false alarms; comparing *people* does not:

- the record's surname among the claim's words, with no different first name right before
  it, is the same person (titles, roles, parties and nationalities around a name change
  nobody);
- the record's first name alone at the end of the claim ("Elon said …") is the same person;
- a claim that names a post, not a person ("The minister said …"), is the record's person
  only when the archive says so (one speaker holds that role); else "unknown", never
  "differs";
- anything else names someone else: "differs".

Accents are folded ("Zoe Brule" is Zoë Brûlé) and a hyphenated surname is one word.
"""

from __future__ import annotations

import unicodedata
from typing import Literal

from bot.quotes import lexicon as lx

Identity = Literal["same", "different", "nobody"]


def name_words(name: str) -> list[str]:
    """A name's words, lower case, accents folded, dots and possessives dropped."""
    folded = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    out = []
    for word in plain.replace("’", "'").split():
        word = word.strip(".,;:()\"'")
        word = word.removesuffix("'s")
        if word:
            out.append(word)
    return out


def is_role(words: list[str]) -> bool:
    """A claim that names one post, not a person: "The minister", "the Health Secretary".
    ("Officials" is a group: it is never the one person the record names.)"""
    return words[-1] in lx.ROLE_HEADS or words[-1] in lx.TITLES


def _first_name_clash(before: str, record_given: list[str]) -> bool:
    """The word before the surname is a first name the record's person does not have."""
    if before in record_given or before in lx.TITLES:
        return False
    if len(before) == 1 and record_given and record_given[0].startswith(before):
        return False  # "J. Phillips" for Jess Phillips
    return before in lx.FIRST_NAMES


def identity(claimed: str, record: str, resolved: str | None = None) -> Identity:
    """Whether ``claimed`` (as an editor typed it) names the person ``record`` names.

    ``resolved``: the archive's speaker for the claim, when it knows one (an alias from
    speakers.toml, "Sir Keir", a surname or role only one speaker has)."""
    named = name_words(record)
    if resolved is not None and named:
        return "same" if name_words(resolved) == named else "different"
    claim = name_words(claimed)
    if not claim or not named:
        return "nobody"
    surname, given = named[-1], named[:-1]
    if surname in claim:
        at = len(claim) - 1 - claim[::-1].index(surname)
        if at > 0 and given and _first_name_clash(claim[at - 1], given):
            return "different"
        return "same"
    if given and claim[-1] == given[0]:
        return "same"  # "Elon said …", "Sir Keir said …"
    if is_role(claim):
        return "nobody"  # the post may be this person's: nothing to say either way
    return "different"
