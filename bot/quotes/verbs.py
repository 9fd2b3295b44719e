"""Reporting verbs and the endings that inflect them: read by the extractor and by the search
when it strips a claim ("Starmer said …") from a query."""

from __future__ import annotations

from bot.wordlists import entries, word_set

CUE_VERBS = word_set("cue_verbs")
# Endings by what they mark ("participle" -> ("ing",)), from inflections.txt.
ENDINGS: dict[str, tuple[str, ...]] = {}
for _line in entries("inflections"):
    _kind, _ending = _line.split()
    ENDINGS[_kind] = (*ENDINGS.get(_kind, ()), _ending)
