"""Score quote extraction on the GenderGapTracker's 98 human-annotated articles (issue 10).

The gold set is public but its article texts are the outlets' copyright, so it is never
committed: fetch ``NLP/evaluation/src/rawtext.zip`` and
``NLP/evaluation/src/eval/AnnotationTable_byArticle_withReplacementArticles.xlsx`` from
github.com/sfu-discourse-lab/GenderGapTracker at commit b2db965…, unzip the texts into
``DIR/rawtext/`` and save the table as ``DIR/annotations.xlsx``. Then::

    python -m tests.ggt_eval DIR [--errors] [--json]

Only the words inside quote marks count, and who said them:
- *speech recall*: gold quoted segments that some extracted quote covers;
- *quote precision*: extracted quotes that are (part of) gold quoted speech;
- *speaker precision*: of extracted quotes that name a speaker and are gold speech, those whose
  speaker is the annotators' resolved ``reference``;
- *speaker recall*: gold segments with a named reference that come back with that speaker.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bot.corpus.reader import read_file
from bot.extraction import build_extractor
from bot.models import Quote
from bot.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parent.parent
QUOTED = re.compile(r"[\"“”«»„]([^\"“”«»„]{2,}?)[\"“”«»„]")
CONFIDENCE_BUCKETS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01)


def norm(text: str) -> str:
    """Lower-case words only, for matching text across cleaning differences."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").lower()
    return " ".join(re.findall(r"[a-z0-9']+", text))


@dataclass(frozen=True)
class GoldSegment:
    """Words inside quote marks in one annotated quotation, with the resolved speaker."""

    article: str
    text: str
    reference: str | None


@dataclass
class ArticleResult:
    """Extracted quotes of one article, matched against its gold segments."""

    article: str
    gold: list[GoldSegment]
    quotes: list[Quote]
    gold_of_quote: dict[int, GoldSegment | None] = field(default_factory=dict)


def gold_segments(article: str, quotations: list[dict[str, str]]) -> list[GoldSegment]:
    """The quote-marked segments of an article's annotated quotations."""
    out: list[GoldSegment] = []
    for q in quotations:
        reference = (q.get("reference") or "").strip() or None
        for m in QUOTED.finditer(q.get("quote") or ""):
            words = norm(m.group(1))
            if len(words.split()) >= 1:
                out.append(GoldSegment(article, words, reference))
    return out


def json_lists(text: str) -> list[dict[str, str]]:
    """The quotations list; one row of the table starts a second list before closing the first."""
    return list(json.loads(re.sub(r"\}\s*\[\s*\{", "}, {", text)))


def load_gold(data_dir: Path) -> dict[str, list[GoldSegment]]:
    """Gold segments by article id (the text file's stem)."""
    import openpyxl  # dev-only dependency: the product never reads spreadsheets

    book = openpyxl.load_workbook(data_dir / "annotations.xlsx", read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    header = [str(h) for h in rows[0]]
    gold: dict[str, list[GoldSegment]] = {}
    for row in rows[1:]:
        record = dict(zip(header, row, strict=False))
        found = re.search(r"([0-9a-f]{24})", str(record.get("_id") or ""))
        if not found:
            continue
        article = found.group(1)
        quotations = json_lists(str(record.get("quotations") or "[]"))
        gold[article] = gold_segments(article, quotations)
    return gold


def covers(a: str, b: str) -> bool:
    """Whether two normalised texts are the same speech (one holds most of the other)."""
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    aw, bw = set(a.split()), set(b.split())
    return len(aw & bw) >= 0.8 * min(len(aw), len(bw)) and min(len(aw), len(bw)) >= 4


def acronym_of(short: str, full: str) -> bool:
    """ "IRCC" for "Immigration, Refugees and Citizenship Canada"."""
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", full) if w[0].isupper())
    return short.isupper() and len(short) >= 2 and short == initials


def same_person(found: str, reference: str) -> bool:
    """The extracted speaker names the reference (surname or full-name match)."""
    f, r = norm(found).split(), norm(reference).split()
    if not f or not r:
        return False
    if acronym_of(found, reference) or acronym_of(reference, found):
        return True
    if "and" in f and "and" not in r:
        return False  # "Anne Marie Cerato and Patrick Bardos" is not Patrick Bardos
    return f == r or f[-1] == r[-1] or set(f) <= set(r) or set(r) <= set(f)


def match_article(article: str, gold: list[GoldSegment], quotes: list[Quote]) -> ArticleResult:
    """Pair each extracted quote with the gold segment it belongs to (or None)."""
    result = ArticleResult(article, gold, quotes)
    for i, q in enumerate(quotes):
        text = norm(q.text)
        result.gold_of_quote[i] = next((g for g in gold if covers(text, g.text)), None)
    return result


def run(data_dir: Path, settings: Settings) -> list[ArticleResult]:
    """Extract every gold article with the product's extractor and match it to the gold."""
    gold = load_gold(data_dir)
    extractor = build_extractor(settings)
    results: list[ArticleResult] = []
    for article_id, segments in sorted(gold.items()):
        path = data_dir / "rawtext" / f"{article_id}.txt"
        if not path.is_file():
            continue
        (article,) = read_file(path, settings.corpus)
        quotes = list(extractor.extract(article).quotes)
        results.append(match_article(article_id, segments, quotes))
    return results


@dataclass(frozen=True)
class Scores:
    """The four measures of issue 10 with their counts."""

    speaker_precision: float
    speaker_recall: float
    quote_precision: float
    speech_recall: float
    counts: dict[str, int]


def ratio(a: int, b: int) -> float:
    """a / b, 1.0 when there is nothing to count."""
    return round(a / b, 3) if b else 1.0


def _quotes_of_segment(r: ArticleResult, g: GoldSegment) -> list[int]:
    """The extracted quotes that carry a gold segment: those matched to it (or to a
    segment with the same words: annotators sometimes list one quote twice), and those
    that hold it whole when it has four words or more (one quote the annotators split in
    two). Short segments need their own match: "debate" inside a long quote is no hit."""
    long_enough = len(g.text.split()) >= 4
    out: list[int] = []
    for i, q in enumerate(r.quotes):
        matched = r.gold_of_quote[i]
        same = matched is not None and matched.text == g.text
        if same or (long_enough and covers(norm(q.text), g.text)):
            out.append(i)
    return out


def score(results: list[ArticleResult]) -> Scores:
    """The measures over all articles."""
    named = right = extracted = speech = 0
    gold_total = gold_found = gold_named = gold_named_right = 0
    for r in results:
        for i, q in enumerate(r.quotes):
            g = r.gold_of_quote[i]
            extracted += 1
            if g is None:
                continue
            speech += 1
            if q.speaker:
                named += 1
                right += bool(g.reference and same_person(q.speaker, g.reference))
        for g in r.gold:
            hits = _quotes_of_segment(r, g)
            gold_total += 1
            gold_found += bool(hits) or any(covers(norm(q.text), g.text) for q in r.quotes)
            if g.reference:
                gold_named += 1
                gold_named_right += any(
                    r.quotes[i].speaker and same_person(r.quotes[i].speaker or "", g.reference)
                    for i in hits
                )
    return Scores(
        speaker_precision=ratio(right, named),
        speaker_recall=ratio(gold_named_right, gold_named),
        quote_precision=ratio(speech, extracted),
        speech_recall=ratio(gold_found, gold_total),
        counts={
            "named": named,
            "named_wrong": named - right,
            "extracted": extracted,
            "not_speech": extracted - speech,
            "gold": gold_total,
            "gold_named": gold_named,
        },
    )


def calibration(results: list[ArticleResult]) -> list[tuple[str, int, float]]:
    """(confidence bucket, attributions in it, share right) over named, gold-speech quotes."""
    rows: list[tuple[str, int, float]] = []
    for lo, hi in itertools.pairwise(CONFIDENCE_BUCKETS):
        n = ok = 0
        for r in results:
            for i, q in enumerate(r.quotes):
                g = r.gold_of_quote[i]
                if g is None or not q.speaker or not lo <= q.confidence < hi:
                    continue
                n += 1
                ok += bool(g.reference and same_person(q.speaker, g.reference))
        rows.append((f"{lo:.2f}–{min(hi, 1.0):.2f}", n, ratio(ok, n)))
    return rows


def errors(results: list[ArticleResult]) -> Iterator[str]:
    """One line per wrong speaker, non-speech quote and missed attribution."""
    for r in results:
        for i, q in enumerate(r.quotes):
            g = r.gold_of_quote[i]
            if g is None:
                yield f"NOT-SPEECH {r.article} [{q.speaker}] {q.text[:90]!r}"
            elif q.speaker and not (g.reference and same_person(q.speaker, g.reference)):
                yield f"WRONG {r.article} {q.speaker!r} ≠ {g.reference!r} {q.text[:80]!r}"
            elif not q.speaker and g.reference:
                yield f"MISSED {r.article} ({g.reference}) {q.text[:90]!r}"
        found = set(r.gold_of_quote.values())
        for g in r.gold:
            if g not in found and not any(covers(norm(q.text), g.text) for q in r.quotes):
                yield f"ABSENT {r.article} ({g.reference}) {g.text[:90]!r}"


def main(argv: list[str] | None = None) -> int:
    """Print the scores (and optionally each error) for a local copy of the gold set."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--errors", action="store_true", help="print every error")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    settings = load_settings(ROOT / "config" / "quotebot.toml")
    results = run(args.data_dir, settings)
    scores = score(results)
    if args.errors:
        for line in errors(results):
            print(line)
    if args.json:
        payload = {**scores.__dict__, "calibration": calibration(results)}
        print(json.dumps(payload, indent=2, ensure_ascii=False))
        return 0
    print(f"articles {len(results)}  counts {scores.counts}")
    print(f"speaker precision {scores.speaker_precision}  speaker recall {scores.speaker_recall}")
    print(f"quote precision   {scores.quote_precision}  speech recall  {scores.speech_recall}")
    print("confidence  n  right")
    for bucket, n, share in calibration(results):
        print(f"{bucket}  {n:4d}  {share}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
