"""What German words are, apart from any one article: first names, how common a word is
(wordfreq's German counts), function words, posts and titles, and adjectives that decline.
The name reader (``names``) and the sentence readers ask these."""

from __future__ import annotations

import importlib
import math
from functools import cache

from bot.quotes.lang.de import LANGUAGE


@cache
def first_names() -> frozenset[str]:
    """First names from Faker's German-speaking locales and the English lists (German news
    quotes the world)."""
    from bot.quotes.people import FIRST_NAMES  # English and international first names

    names: set[str] = set(FIRST_NAMES)
    for locale in LANGUAGE.entries("first_name_locales"):
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in ("first_names_male", "first_names_female", "first_names"):
            names.update(str(n).lower() for n in getattr(provider, attribute, ()) if " " not in n)
    return frozenset(names - LANGUAGE.words("determiners") - LANGUAGE.words("cue_verbs"))


COMMON_ZIPF = 4.0  # "experten" 4.6, "polizei" 5.4; "milinkewitsch" 0, "stoiber" 3.6


@cache
def _german_frequencies() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict("de")


def frequency(word: str) -> float:
    """How often German text uses a word, on wordfreq's Zipf scale (0: never seen)."""
    found = _german_frequencies().get(word.lower(), 0.0)
    return math.log10(found) + 9 if found > 0 else 0.0


def common_word(word: str) -> bool:
    """A word German text uses often (a noun, most likely), by wordfreq's German counts."""
    return frequency(word) >= COMMON_ZIPF


@cache
def function_words() -> frozenset[str]:
    """Articles, pronouns, prepositions and conjunctions: capitalised only to open a sentence."""
    lists = ("determiners", "prepositions", "subordinators")
    pronouns = {line.split()[0] for line in LANGUAGE.entries("pronouns")}
    return frozenset().union(*(LANGUAGE.words(name) for name in lists)) | pronouns


def is_role(word: str) -> bool:
    """A post, not a name: "Regierungssprecher", "SPD-Vorsitzende", "Bundeskanzlerin"."""
    low = word.lower()
    suffixes = LANGUAGE.words("role_suffixes")
    # The genitive and weak endings too: "des Oppositionsführers", "dem Präsidenten".
    forms = (low, low.removesuffix("s"), low.removesuffix("en"), low.removesuffix("n"))
    return any(form.endswith(suffix) for form in forms for suffix in suffixes) or (
        low.rstrip(".") in titles()
    )


@cache
def definite_articles() -> dict[str, str]:
    """The articles a post takes as a subject, with the gender each gives ("der": "m"); read
    once, since every noun phrase asks."""
    return LANGUAGE.gendered("definite_articles")


@cache
def _statement_nouns() -> tuple[str, ...]:
    return tuple(sorted(LANGUAGE.words("statement_nouns")))


def statement_noun(word: str) -> bool:
    """A noun for someone's words, compounds included ("Fazit", "Kernaussage")."""
    return word.lower().endswith(_statement_nouns())


@cache
def titles() -> dict[str, str]:
    """Titles written before a name ("Frau", "Herr", "Dr."), each with the gender it gives:
    "m", "f" or "n" (``titles.txt``)."""
    return LANGUAGE.gendered("titles")


ADJECTIVE_ENDINGS = ("en", "em", "er", "es", "e")  # longest first
ADJECTIVE_ZIPF = 3.0  # "deutsche" 5.6, "europäischen" 5.0; "kinde" 3.0, "kinden" 1.7
# The strong dative "-em" is an adjective's alone: "vereintem" 1.2, "süddeutschem" 1.4, where
# nouns and verbs with "-e" and "-en" forms have none ("tagem", "redem", "leitem": 0).
DATIVE_ZIPF = 1.0


def named_by_adjective(words: list[str]) -> bool:
    """ "Deutsche Welle", "Vereinten Nationen", "Europäischen Union": a capitalised adjective
    before a noun, after an article. German writes an adjective in lower case unless it is
    part of a name, so inside a noun phrase its capital marks the phrase as one ("der
    Erste Bürgermeister" is a post, not a body)."""
    if len(words) < 2 or is_role(words[-1]):
        return False
    return declines(words[0])


def declines(word: str) -> bool:
    """Whether a word is a form of an adjective ("Deutsche", "Positives"). An adjective
    declines: its stem takes "-e" and "-en" in common use ("deutsche", "deutschen") and "-em"
    at all; a noun or a verb ending so does not ("Tage", "Rede")."""
    low = word.lower()
    ending = next((e for e in ADJECTIVE_ENDINGS if low.endswith(e)), None)
    if ending is None or len(low) - len(ending) < 3:
        return False
    stem = low[: -len(ending)]
    common = all(frequency(stem + e) >= ADJECTIVE_ZIPF for e in ("e", "en"))
    return common and frequency(stem + "em") >= DATIVE_ZIPF
