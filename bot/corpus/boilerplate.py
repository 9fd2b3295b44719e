"""Removing page furniture (radio schedules, "Read more:", "You may also like" …) line by line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.settings import BoilerplateRules


@dataclass(frozen=True)
class Furniture:
    """Compiled furniture rules."""

    drop: tuple[re.Pattern[str], ...]
    cut: tuple[re.Pattern[str], ...]

    @classmethod
    def from_rules(cls, rules: BoilerplateRules) -> Furniture:
        """Compile the configured patterns (case-insensitive, whole stripped line)."""
        return _compiled(tuple(rules.all_drop_lines()), tuple(rules.all_cut_from()))

    def clean(self, lines: list[str]) -> list[str]:
        """The lines with furniture removed; a cut line ends the article."""
        kept: list[str] = []
        for line in lines:
            stripped = line.strip()
            if any(p.search(stripped) for p in self.cut):
                break
            if any(p.search(stripped) for p in self.drop):
                continue
            kept.append(line)
        return kept


@lru_cache(maxsize=16)
def _compiled(drop: tuple[str, ...], cut: tuple[str, ...]) -> Furniture:
    return Furniture(
        drop=tuple(re.compile(p, re.IGNORECASE) for p in drop),
        cut=tuple(re.compile(p, re.IGNORECASE) for p in cut),
    )
