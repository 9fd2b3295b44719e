"""Scoring the product's extraction against a dev set's gold: the four measures, per sieve,
by confidence, and each error on a line.

Only the words inside quote marks count, and who said them:
- *speaker precision* ("named speaker is right"): of extracted quotes that name a speaker and
  are gold speech whose speaker can be judged, those whose speaker is the annotators';
- *speaker recall* ("named-speaker quotes given the right speaker"): gold quotes whose speaker
  the article names there (not "he", not "a spokesman") that come back with that speaker;
- *quote precision*: extracted quotes that are (part of) gold quoted speech;
- *speech recall*: gold quotes that some extracted quote covers.
"""

from __future__ import annotations

import itertools
import multiprocessing as mp
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from bot.models import Quote
from bot.quotes.extract import Extractor
from tests.devsets.gold import Document, GoldQuote, norm

CONFIDENCE_BUCKETS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01)


@dataclass
class Result:
    """One article's extracted quotes, paired with the gold quotes each one carries."""

    doc: str
    held_out: bool
    gold: tuple[GoldQuote, ...]
    quotes: list[Quote]
    carried: dict[int, list[GoldQuote]] = field(default_factory=dict)
    # The carried quotations that stand where the quote stands (all of them when the set
    # gives no places): a speaker is judged only against these.
    here: dict[int, list[GoldQuote]] = field(default_factory=dict)

    def verdict(self, i: int) -> bool | None:
        """Whether quote ``i``'s speaker is right (None: no speaker, not speech, or a gold
        speaker that cannot be judged)."""
        q = self.quotes[i]
        judged = [g for g in self.here.get(i, self.carried[i]) if g.named]
        if not q.speaker or not judged:
            return None
        return any(g.speaker_is(q.speaker) for g in judged)


def match(doc: Document, quotes: list[Quote], body: str = "") -> Result:
    """Pair each extracted quote with the gold quotes it carries (``body``: the article's
    text as the product read it, where the quotes' offsets point)."""
    result = Result(doc.id, doc.held_out, doc.gold, quotes)
    for i, q in enumerate(quotes):
        text = norm(q.text)
        result.carried[i] = [g for g in doc.gold if g.carried_by(text)]
        # Words said in two places ("2nd Amendment people" in a headline and inside an
        # adviser's statement) are judged against the quotation where this quote stands.
        nth = body.count(q.text, 0, q.start) if body and q.text else 0
        result.here[i] = [g for g in result.carried[i] if g.placed(q.text, doc.source, nth)]
    return result


def _extract(job: tuple[Document, Extractor]) -> Result:
    doc, extractor = job
    article = doc.read()
    return match(doc, list(extractor.extract(article).quotes), article.body)


def run(docs: Sequence[Document], extractor: Extractor, jobs: int = 1) -> list[Result]:
    """Extract every document with the product's extractor and pair it with its gold."""
    work = [(d, extractor) for d in docs]
    if jobs <= 1:
        return [_extract(w) for w in work]
    with mp.get_context("fork").Pool(jobs) as pool:
        return pool.map(_extract, work, chunksize=8)


@dataclass(frozen=True)
class Scores:
    """The four measures with their counts."""

    speaker_precision: float
    speaker_recall: float
    quote_precision: float
    speech_recall: float
    counts: dict[str, int]

    def line(self) -> str:
        """The measures on one line."""
        return (
            f"named speaker right {self.speaker_precision:.3f}  "
            f"named-speaker quotes right {self.speaker_recall:.3f}  "
            f"quote precision {self.quote_precision:.3f}  "
            f"speech recall {self.speech_recall:.3f}"
        )


def ratio(a: int, b: int) -> float:
    """a / b, 1.0 when there is nothing to count."""
    return round(a / b, 3) if b else 1.0


def _carrying(r: Result, g: GoldQuote) -> list[int]:
    """The extracted quotes that carry a gold quotation (or one with the same words:
    annotators sometimes list one quote twice)."""
    return [
        i for i, _ in enumerate(r.quotes) if any(c.segments == g.segments for c in r.carried[i])
    ]


def score(results: Sequence[Result]) -> Scores:
    """The measures over these articles."""
    named = right = extracted = speech = 0
    gold_total = gold_found = gold_named = gold_named_right = 0
    for r in results:
        for i in range(len(r.quotes)):
            extracted += 1
            if not r.carried[i]:
                continue
            speech += 1
            verdict = r.verdict(i)
            if verdict is not None:
                named += 1
                right += verdict
        for g in r.gold:
            hits = _carrying(r, g)
            gold_total += 1
            gold_found += bool(hits)
            if g.named:
                gold_named += 1
                gold_named_right += any(
                    (s := r.quotes[i].speaker) is not None and g.speaker_is(s) for i in hits
                )
    return Scores(
        speaker_precision=ratio(right, named),
        speaker_recall=ratio(gold_named_right, gold_named),
        quote_precision=ratio(speech, extracted),
        speech_recall=ratio(gold_found, gold_total),
        counts={
            "articles": len(results),
            "named": named,
            "named_wrong": named - right,
            "extracted": extracted,
            "not_speech": extracted - speech,
            "gold": gold_total,
            "gold_named": gold_named,
        },
    )


def by_sieve(results: Sequence[Result]) -> list[tuple[str, int, int, float]]:
    """(sieve, quotes it named that can be judged, of those right, precision), most first."""
    seen: dict[str, list[int]] = {}
    for r in results:
        for i, q in enumerate(r.quotes):
            verdict = r.verdict(i)
            if verdict is None:
                continue
            counts = seen.setdefault(getattr(q, "sieve", None) or "—", [0, 0])
            counts[0] += 1
            counts[1] += verdict
    rows = [(name, n, ok, ratio(ok, n)) for name, (n, ok) in seen.items()]
    return sorted(rows, key=lambda row: (-row[1], row[0]))


def calibration(results: Sequence[Result]) -> list[tuple[str, int, float]]:
    """(confidence bucket, judged attributions in it, share right)."""
    rows: list[tuple[str, int, float]] = []
    for lo, hi in itertools.pairwise(CONFIDENCE_BUCKETS):
        n = ok = 0
        for r in results:
            for i, q in enumerate(r.quotes):
                verdict = r.verdict(i)
                if verdict is None or not lo <= q.confidence < hi:
                    continue
                n += 1
                ok += verdict
        rows.append((f"{lo:.2f}–{min(hi, 1.0):.2f}", n, ratio(ok, n)))
    return rows


def errors(results: Sequence[Result]) -> Iterator[str]:
    """One line per wrong speaker, non-speech quote, missed attribution and absent quote."""
    for r in results:
        for i, q in enumerate(r.quotes):
            gold = r.carried[i]
            sieve = getattr(q, "sieve", None) or "—"
            if not gold:
                yield f"NOT-SPEECH {r.doc} [{q.speaker}] {q.text[:90]!r}"
            elif r.verdict(i) is False:
                said = gold[0].reference or gold[0].surface
                yield f"WRONG {r.doc} {sieve} {q.speaker!r} ≠ {said!r} {q.text[:80]!r}"
            elif not q.speaker and any(g.named for g in gold):
                said = gold[0].reference or gold[0].surface
                yield f"MISSED {r.doc} ({said}) {q.text[:90]!r}"
        for g in r.gold:
            if not _carrying(r, g):
                yield f"ABSENT {r.doc} ({g.reference or g.surface}) {g.text[:90]!r}"
