"""German spellings an editor types on another keyboard (pure): "Mueller" for "Müller",
"Strasse" for "Straße", and the reverse.

Written by hand: the rule is three lines of German orthography (an umlaut may be written as
its vowel and "e", "ß" as "ss"), and no library we use says which way an archive spelled a
word. The archive does: a spelling is offered only when some quote holds it."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.search.normalize import words

TRANSLITERATION = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}
UMLAUT_OF = {"ae": "ä", "oe": "ö", "ue": "ü"}
# "ae", "oe", "ue" stand for an umlaut, but not after a vowel or "q": "Bauer", "neue",
# "Treue" and "Queen" keep theirs.
DIGRAPH = re.compile(r"(?<![aeiouq])(ae|oe|ue)")


def transliterated(word: str) -> str:
    """The word with its umlauts and ß written out ("müller" → "mueller")."""
    return "".join(TRANSLITERATION.get(c, c) for c in word)


def umlauted(word: str) -> list[str]:
    """The ways a word typed without umlauts may be spelled with them ("muessen" → "müssen";
    "strasse" → "straße"), most likely first."""
    with_umlauts = DIGRAPH.sub(lambda m: UMLAUT_OF[m.group(1)], word)
    found = [with_umlauts, with_umlauts.replace("ss", "ß")]
    return [w for w in dict.fromkeys(found) if w != word]


def respelled(text: str, held: Callable[[str], bool]) -> str | None:
    """The text with each word the archive spells otherwise written as the archive spells
    it, or None when no word is (``held``: whether some quote holds a word)."""
    out: list[str] = []
    changed = False
    for word in words(text):
        if any(c in TRANSLITERATION for c in word):
            options = [transliterated(word)]
        elif DIGRAPH.search(word) or "ss" in word:
            options = umlauted(word)
        else:
            options = []
        spelled = next((o for o in options if held(o)), word)
        changed = changed or spelled != word
        out.append(spelled)
    return " ".join(out) if changed else None
