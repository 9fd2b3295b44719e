"""How often each sieve names the right person, measured on the dev sets, as a quote's
confidence.

``data/precision.tsv`` holds, per sieve, per how the speaker was found (named in the sentence
that shows the speech, or reached through a pronoun or role to an earlier one) and per band of
the sieve's own evidence score, how many attributions the annotators could judge and how many
were right (``python -m tests.devsets --calibrate`` writes it from the dev sets' tuning parts).

A cell with few attributions says little: its precision is drawn towards its parent's (the
sieve and resolution, then the sieve, then the same rule in another language where a pack
declares one (``Sieve.kin``), then a sceptical prior), Beta-style, so one lucky hit never makes
a rule trusted. A sieve below ``NAMES_ALONE`` never names anyone by itself: another
sieve must name the same person. (The gate is the sieve's, the confidence its cell's: a
sieve's pronoun cases may be less sure than its named ones without silencing the sieve.)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

from bot.quotes.attribution.model import Attribution

NAMES_ALONE = 0.95  # a sieve less precise than this names someone only with another's support
PRIOR = 0.9  # a sieve never measured is trusted like this (below NAMES_ALONE: not alone)
STRENGTH = 5.0  # how many attributions the parent's precision counts for
Cell = tuple[str, ...]


def resolution(attr: Attribution) -> str:
    """ "here" when the speaker is named in the sentence that shows the speech (or no other
    sentence is known to name them), else "before" (a pronoun, a role or the sentence before
    reached an earlier name: the quote's ``antecedent``)."""
    named = attr.named_sentence
    return "here" if named is None or named == attr.evidence_sentence else "before"


def band(raw: float) -> str:
    """The sieve's own evidence score, in tenths ("0.9")."""
    return f"{math.floor(raw * 10 + 1e-9) / 10:.1f}"


@dataclass(frozen=True)
class Calibration:
    """Measured (judged, right) counts per cell, and the precision they give."""

    counts: dict[Cell, tuple[int, int]]

    def precision(self, sieve: str, attr: Attribution, kin: str | None = None) -> float:
        """The smoothed precision of the cell an attribution falls in (its confidence);
        ``kin``: the same rule in another language, whose measurements are the prior."""
        p = self._prior(kin)
        how = resolution(attr)
        for cell in ((sieve,), (sieve, how), (sieve, how, band(attr.confidence))):
            p = self._smoothed(cell, p)
        return round(p, 3)

    def trusted(self, sieve: str, kin: str | None = None) -> bool:
        """Whether the sieve is precise enough to name someone by itself."""
        return self._smoothed((sieve,), self._prior(kin)) >= NAMES_ALONE

    def _prior(self, kin: str | None) -> float:
        """What a sieve is trusted like before its own cases: its twin's smoothed precision
        when it has one, else the sceptical prior."""
        return PRIOR if kin is None else self._smoothed((kin,), PRIOR)

    def _smoothed(self, cell: Cell, parent: float) -> float:
        judged, right = self.counts.get(cell, (0, 0))
        return (right + STRENGTH * parent) / (judged + STRENGTH)


@cache
def measured() -> Calibration:
    """The shipped measurements (read once)."""
    text = resources.files("bot.quotes.attribution").joinpath("data", "precision.tsv")
    counts: dict[Cell, list[int]] = {}
    for line in text.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        sieve, how, score, judged, right = line.split("\t")
        for cell in ((sieve,), (sieve, how), (sieve, how, score)):
            total = counts.setdefault(cell, [0, 0])
            total[0] += int(judged)
            total[1] += int(right)
    return Calibration({cell: (n, ok) for cell, (n, ok) in counts.items()})
