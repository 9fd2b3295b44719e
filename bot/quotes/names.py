"""Is a capitalised word a name? First names, and common English words that only look like names.

"Chicken", "Heart", "Controversy", "Finally": capitalised at a sentence start or in a headline,
they are ordinary words, not speakers. wordfreq knows how common a word is in English; a word
that common, and not a first name we know, does not make a person on its own.
"""

from __future__ import annotations

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
