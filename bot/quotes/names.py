"""Is a capitalised word a name? First names, and common English words that only look like names.

"Chicken", "Heart", "Controversy", "Finally": capitalised at a sentence start or in a headline,
they are ordinary words, not speakers. wordfreq knows how common a word is in English; a word
that common, and not a first name we know, does not make a person on its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from wordfreq import zipf_frequency

from bot.quotes import lexicon as lx

# Zipf 3.5 is about 3 uses per million words: "controversy" (4.3), "chicken" (4.6) are above it;
# rarer surnames such as "Lonechild" or "Greenspan" are below.
COMMON_ZIPF = 3.5


@cache
def is_common_word(word: str) -> bool:
    """A frequent English word that is not a first name we know ("Finally", "Chicken")."""
    low = word.lower()
    if low in lx.FIRST_NAMES or low in lx.TITLES or len(low) < 2 or word.isupper():
        return False  # first names, titles and acronyms ("EU", "RCMP") are names
    return zipf_frequency(low, "en") >= COMMON_ZIPF


# A title or a post right before a capitalised word: "President Obama", "Mr. Trump",
# "businessman Trump".
_AFTER_TITLE = re.compile(r"\b([A-Za-z]+)\.? (?=([A-Z][a-z]+)\b)")  # overlapping
# A place: "in China", "at Sacramento", "across Iowa" (people are seldom in or at someone).
_LOCATIVES = "in|at|across|near|outside|inside|throughout"
# A capitalised word and the word after it: "Verizon said", "Google declined".
_BEFORE_VERB = re.compile(r"\b([A-Z][a-z]+) ([a-z]+)\b")


def written_as_names(texts: Sequence[str]) -> frozenset[str]:
    """Common words an article writes as someone's name (lower-cased): after a title, a
    post or a first name ("President Obama", "Mr. Trump", "businessman Trump", "Donald
    Trump") and never in lower case, so
    that a later "Obama said" names him though no first name comes with it. Not a place the
    article is in or at ("in Washington"), nor a plural whose singular is a common word
    ("Democrats", "Canadians"): a group is not someone.

    wordfreq counts "obama" and "trump" among frequent English words, which is right for a
    sentence's first word ("Trump cards …") and wrong inside an article that titles them."""
    posts = lx.TITLES | lx.ROLE_HEADS
    titled = {
        name
        for text in texts
        for post, name in _AFTER_TITLE.findall(text)
        if (post.lower() in posts or _first_name(post)) and is_common_word(name)
    }
    # Few articles title a common word at all: only those words are looked for again.
    candidates = {name for name in titled | _speaking(texts) if not _plural_of_common(name)}
    if not candidates:
        return frozenset()
    words = "|".join(re.escape(name) for name in candidates)
    against = re.compile(rf"\b(?:({words.lower()})|(?:{_LOCATIVES}) ({words}))\b")
    refuted = {m.group(1) or m.group(2) for text in texts for m in against.finditer(text)}
    return frozenset(name.lower() for name in candidates - {r.capitalize() for r in refuted})


def _plural_of_common(word: str) -> bool:
    """ "Democrats", "Authorities": a group of common things, not someone."""
    low = word.lower()
    if low.endswith("ies") and is_common_word(low[:-3] + "y"):
        return True
    return low.endswith("s") and is_common_word(low[:-1])


def _speaking(texts: Sequence[str]) -> set[str]:
    """Common words an article writes as a company's or a person's name by what they do:
    the subject of a reporting verb ("Verizon said in a statement", "Facebook told
    employees") that the article also capitalises inside a sentence ("a deal with Verizon").
    A sentence's first word alone proves nothing ("Finally said")."""
    speaking = {
        word
        for text in texts
        for word, verb in _BEFORE_VERB.findall(text)
        if verb.lower() in lx.CUE_VERBS and is_common_word(word)
    }
    if not speaking:
        return set()
    words = "|".join(re.escape(word) for word in speaking)
    inside = re.compile(rf"(?<=[a-z0-9,] )({words})\b(?! [A-Z])")
    return {m.group(1) for text in texts for m in inside.finditer(text)}


def _first_name(word: str) -> bool:
    """A capitalised first name whose gender is usual ("Donald" in "a Donald Trump
    nomination"): the word after it is a surname, even where the full name stands only in
    someone's quoted words."""
    return word[:1].isupper() and first_name_gender(word) is not None


def first_name_gender(word: str) -> str | None:
    """ "m" or "f" for a first name whose gender is usual, else None."""
    low = word.lower()
    if low in lx.FIRST_NAMES_MALE:
        return "m"
    if low in lx.FIRST_NAMES_FEMALE:
        return "f"
    return None


def names_organisation(name: tuple[str, ...]) -> bool:
    """Whether a word of the name marks an organisation ("Canada Post", "Acme Group").

    A surname-like organisation word right after a known first name names a person:
    "Damon Green", "Christopher House".
    """
    lows = [w.lower() for w in name]
    if len(lows) == 2 and lows[0] in lx.FIRST_NAMES and lows[1] in lx.ORG_WORDS_SURNAMES:
        return False
    return any(w in lx.ORG_WORDS for w in lows)
