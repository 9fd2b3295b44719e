"""Whether the speaker an editor claims is the person the record names (pure).

Editors name people the way articles do: "Mr Musk", "Sir Keir Starmer", "Elon", "Democratic
Sen. Chris Murphy", "Italian Prime Minister Giorgia Meloni", "Ms. Phillips". Comparing those
strings with the record's "Elon Musk" raises false alarms; comparing *people* does not:

- the record's surname among the claim's words, with no different first name right before
  it, is the same person (titles, roles, parties and nationalities around a name change
  nobody);
- the record's first name alone at the end of the claim ("Elon said …") is the same person,
  and so is an organisation's acronym ("EDC" for Export Development Canada);
- a title of the other gender than the record's first name is someone else ("Mrs Musk" is
  not Elon Musk, "Lady Starmer" not Keir Starmer);
- two people claimed ("Starmer and Musk said …") are not the one the record names: the claim
  can be neither confirmed nor denied ("nobody");
- someone of the person's ("Musk's brother Kimbal"), an organisation named after them ("Musk
  Foundation") or another initial ("K. Musk") is someone else;
- a claim that names a post, not a person ("The minister said …"), is the record's person
  only when the archive says so (one speaker holds that role); else "unknown", never
  "differs";
- anything else names someone else: "differs".

Accents are folded ("Zoe Brule" is Zoë Brûlé) and a hyphenated surname is one word.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from bot.quotes import people as lx
from bot.quotes.lang import packs
from bot.search.normalize import without_accents
from bot.wordlists import word_set

Identity = Literal["same", "different", "nobody"]
ORG_WORDS = word_set("org_words")  # "Foundation", "Group": a name after them is no person's


def name_words(name: str) -> list[str]:
    """A name's words, lower case, accents folded, dots and possessives dropped."""
    plain = without_accents(name).lower()
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
    return words[-1] in lx.ROLE_HEADS or _is_title(words[-1])


def _first_name_clash(before: str, record_given: list[str]) -> bool:
    """The word before the surname is a first name the record's person does not have."""
    if before in record_given or _is_title(before):
        return False
    if len(before) == 1:
        return not record_given[0].startswith(before)  # "J. Phillips" is Jess; "K. Musk" no
    return before in lx.FIRST_NAMES


def identity(claimed: str, record: str, resolved: str | None = None) -> Identity:
    """Whether ``claimed`` (as an editor typed it) names the person ``record`` names.

    ``resolved``: the archive's speaker for the claim, when it knows one (an alias from
    speakers.toml, "Sir Keir", a surname or role only one speaker has)."""
    named, claim = name_words(record), name_words(claimed)
    if not claim or not named:
        return "nobody"
    if _gender_clash(claim, named[:-1]):
        return "different"  # whatever the archive resolves the surname to
    if resolved is not None and name_words(resolved) == named:
        return "same"  # the archive knows the claim as this person (an alias, a role)
    if is_role(claim):
        # A post is the record's person only when the archive says so.
        return "nobody" if resolved is None else "different"
    if "and" in claim[1:-1]:
        return "nobody"  # two people claimed: the record names one of them at most
    if len(named) == 1 and named[0] in lx.FIRST_NAMES and named[0] not in claim:
        return "nobody"  # the record has a first name only: "Michael" may be Mr Greenspan
    surname, given = named[-1], named[:-1]
    if surname in claim:
        at = len(claim) - 1 - claim[::-1].index(surname)
        after = claim[at + 1 :]
        if after and (_typed_possessive(claimed, surname) or any(w in ORG_WORDS for w in after)):
            return "different"  # "Musk's brother Kimbal", "Musk Foundation": not the man
        middle = any(g in claim[: at - 1] for g in given)  # "Elon R. Musk"
        if at > 0 and given and not middle and _first_name_clash(claim[at - 1], given):
            return "different"
        if at > 0 and given and _unknown_before(claimed, claim[:at], given):
            return "nobody"  # "Kimbal Musk": a first name no list holds may be someone else's
        return "same"
    if given and claim[-1] in given:
        return "same"  # "Elon said …", "Sir Keir said …"
    if _acronym_of(claimed, record) or _acronym_of(record, claimed):
        return "same"  # "EDC" is Export Development Canada
    return "different"


def _typed_possessive(claimed: str, word: str) -> bool:
    """Whether the claim as typed has ``word`` in the possessive ("Musk's")."""
    typed = [w.strip('.,;:()"').lower() for w in claimed.replace("’", "'").split()]
    return f"{word}'s" in typed


def _unknown_before(claimed: str, before: list[str], record_given: list[str]) -> bool:
    """The word right before the surname is one no list knows (not a title, a post, an initial,
    a possessive, or the record's given name, nor after it as a middle name would be)."""
    word = before[-1]
    if len(word) == 1 or _is_title(word) or word in lx.ROLE_HEADS or word in lx.FIRST_NAMES:
        return False
    if any(g in before for g in record_given):
        return False  # "Elon Reeve Musk": a middle name after the record's first
    return not _typed_possessive(claimed, word)  # "Tesla's Musk": a possessive, no first name


@cache
def titles_by_gender() -> dict[str, frozenset[str]]:
    """Titles written before a name, by the gender they give ("m", "f", "n"): English's lists
    and every language pack's ``titles`` list ("frau f", "herr m", "dr n")."""
    found: dict[str, set[str]] = {
        "m": set(lx.TITLES_MALE),
        "f": set(lx.TITLES_FEMALE),
        "n": set(lx.TITLES_NEUTRAL),
    }
    for pack in packs().values():
        if pack.has_list("titles"):
            for title, gender in pack.gendered("titles").items():
                found.setdefault(gender, set()).add(title)
    return {gender: frozenset(words) for gender, words in found.items()}


def _is_title(word: str) -> bool:
    return any(word in words for words in titles_by_gender().values())


def _gender_of_first_name(given: list[str]) -> str | None:
    first = given[0] if given else ""
    if first in lx.FIRST_NAMES_MALE:
        return "m"
    return "f" if first in lx.FIRST_NAMES_FEMALE else None


def _gender_clash(claim: list[str], record_given: list[str]) -> bool:
    """The claim's title is of one gender and the record's first name of the other."""
    by_gender = titles_by_gender()
    titled = {g for g in ("m", "f") for w in claim if w in by_gender[g]}
    record = _gender_of_first_name(record_given)
    return len(titled) == 1 and record is not None and record not in titled


def _acronym_of(short: str, full: str) -> bool:
    """ "IRCC" for "Immigration, Refugees and Citizenship Canada"."""
    initials = "".join(w[0] for w in full.split() if w[:1].isupper())
    return len(short) >= 2 and short.isupper() and short == initials


def same_person(a: str, b: str) -> bool:
    """Whether two names plausibly name one person ("Musk" and "Elon Musk", "Mr Musk")."""
    return "same" in (identity(a, b), identity(b, a))
