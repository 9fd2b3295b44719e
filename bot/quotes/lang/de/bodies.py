"""Bodies that speak in German news: a company, a party, a police force, named as one ("die
Berliner Polizei", "die Hoover Institution") or through the one who speaks for it ("ein
Sprecher von Tesla", "eine Sprecherin der Deutschen Bank", "ein IWF-Sprecher"). The English
reading names the body for "a spokesman for Tesla"; these give German the same answer."""

from __future__ import annotations

from functools import cache

from bot.quotes.lang.de import LANGUAGE
from bot.quotes.tokens import Token


def is_medium(word: str) -> bool:
    """A word for a medium ("Zeitung", "US-Magazin", "Fernsehsender"), with its genitive
    ending too ("des Internetdienstes"): before a name, it says the name is the medium's."""
    return word.lower().endswith(_endings("media_nouns"))


def is_body(word: str) -> bool:
    """A word for a body that can speak ("Stadtverwaltung", "Bundesregierung", "des
    Ministeriums"), with its genitive ending too."""
    return word.lower().endswith(_endings("body_nouns"))


@cache
def _endings(word_list: str) -> tuple[str, ...]:
    """Each noun of a list with its genitive forms, built once: ``is_medium`` and ``is_body``
    are asked of every word before a name."""
    heads = sorted(LANGUAGE.words(word_list))
    return tuple(form for head in heads for form in (head, f"{head}s", f"{head}es"))


def body_by_name(words: list[str]) -> bool:
    """ "die Berliner Polizei", "die Hoover Institution", "laut Süddeutscher Zeitung":
    capitalised words before a noun for a body or a medium, inside a noun phrase. German writes
    a modifier there in lower case unless it is part of a name, so the capital makes the phrase
    the body's name ("die Polizei" alone stays a description)."""
    return len(words) >= 2 and (is_body(words[-1]) or is_medium(words[-1]))


def speaks_for(role: str) -> bool:
    """A post whose holder speaks in a body's name ("Sprecher", "Pressesprecherin",
    "IWF-Sprecher")."""
    return role.lower().endswith(tuple(LANGUAGE.words("speaking_for")))


def is_acronym(word: str) -> bool:
    """An organisation's initials ("CDU", "UNO"), a name by its form."""
    letters = word.replace("-", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def compound_body(role: str) -> str | None:
    """The body before the hyphen of a spokesperson's post ("IWF-Sprecher" → "IWF"), when it
    is a name by its form (an acronym): "Regierungssprecher" names no one."""
    prefix, hyphen, _rest = role.rpartition("-")
    return prefix if hyphen and speaks_for(role) and is_acronym(prefix) else None


CONNECTORS = frozenset({"von", "vom", "des", "der"})  # "Sprecher von Tesla", "des Konzerns"
ARTICLE_AFTER_VON = frozenset({"der", "den", "dem"})  # "von der Deutschen Bank"


def body_after(tokens: tuple[Token, ...], k: int) -> tuple[int, int] | None:
    """The capitalised words of a body's name after a spokesperson's post at ``k`` ("von
    Tesla", "der Deutschen Bank", "des Konzerns BP"), as a token range; None when none
    follows. Whether the words name a body is the caller's to judge."""
    if k >= len(tokens) or tokens[k].lower not in CONNECTORS:
        return None
    k += 1
    if tokens[k - 1].lower == "von" and k < len(tokens) and tokens[k].lower in ARTICLE_AFTER_VON:
        k += 1
    start = k
    while k < len(tokens) and tokens[k].is_word and tokens[k].is_capitalised:
        k += 1
    if start < k and is_body(tokens[start].text) and k - start > 1:
        start += 1  # "des Konzerns BP": the name after the word for what it is
    return (start, k) if start < k else None
