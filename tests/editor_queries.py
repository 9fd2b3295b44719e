"""Editor queries generated from annotated news, answered by ``whosaid``, judged against the
annotators' gold (issue 24). Never against our own extraction.

For every gold quoted segment of four words or more whose annotators name a speaker, the
queries an editor would type: the exact words; "Surname said …", "Full Name said …", a title
(fitting the annotators' gender of the person, and one of the other gender, which must never
"match") or a role before the name, the first name only; a wrong claimed speaker (another article's
speaker); one word swapped; words reordered; reported-speech backshift; from the article
itself, the two words before the opening mark pasted with the quote, the quote with its accents
stripped, and its whole paragraph pasted (answered quote by quote). Quotes from another
collection (the shipped seeds) must not be found. Then::

    python -m tests.editor_queries DIR [--json]      # DIR: the GGT copy (tests/devsets/ggt.py)

A query is *right* when the best hit carries the gold words, its speaker is the annotators'
(or none: unattributed is an honest answer), and the speaker check says what the claim is:
"matches" for the right person, not "matches" for a wrong one. A *false alarm* is "differs"
for the right person; a *wrong name* is a best hit naming someone the annotators did not.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bot.answers.whosaid import is_passage, whosaid
from bot.ingest import ingest
from bot.models import Answer
from bot.quotes import lexicon as lx
from bot.search.normalize import without_accents
from bot.settings import Settings, load_settings
from bot.store.database import Store
from tests.devsets import ggt
from tests.devsets.gold import covers, norm, same_person

ROOT = Path(__file__).resolve().parent.parent

# Titles as an editor gives them, by the annotators' gender of the person ("Mr" for a woman
# is a wrong name in print, and the record rightly says so).
TITLES = {"m": ("Mr", "Dr", "Sir", "Mr."), "f": ("Ms.", "Dr", "Ms", "Mrs"), None: ("Dr",)}
ROLES = ("Health Secretary", "Democratic Sen.", "Prime Minister", "Councillor")
BACKSHIFT = {"is": "was", "will": "would", "has": "had", "are": "were", "can": "could"}
SWAP_WORD = "tangerine"


@dataclass(frozen=True)
class GoldSegment:
    """The words inside one pair of quote marks of an annotated quotation, and its speaker."""

    article: str
    text: str
    reference: str | None
    gender: str | None = None  # the annotators' gender of the speaker: "m", "f" or None


def load_gold(data_dir: Path, settings: Settings) -> dict[str, list[GoldSegment]]:
    """Gold segments by article id: every marked segment of every annotated quotation."""
    genders = load_genders(data_dir)
    return {
        doc.id: [
            GoldSegment(doc.id, seg, q.reference, genders.get((q.reference or "").lower()))
            for q in doc.gold
            for seg in q.segments
        ]
        for doc in ggt.load(data_dir, settings.corpus)
    }


def load_genders(data_dir: Path) -> dict[str, str]:
    """The annotators' gender of each person they list (``peopleFemale``, ``peopleMale``),
    by lower-case name; a name listed with both genders somewhere has none."""
    import openpyxl  # dev-only dependency

    book = openpyxl.load_workbook(data_dir / ggt.MARKER, read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    header = [str(h) for h in rows[0]]
    seen: dict[str, set[str]] = {}
    for row in rows[1:]:
        record = dict(zip(header, row, strict=False))
        for column, gender in (("peopleFemale", "f"), ("peopleMale", "m")):
            for name in json.loads(str(record.get(column) or "[]")):
                seen.setdefault(str(name).lower(), set()).add(gender)
    return {name: next(iter(g)) for name, g in seen.items() if len(g) == 1}


@dataclass(frozen=True)
class EditorQuery:
    """One query, the kind it is, and what the gold says of it."""

    kind: str
    text: str
    gold: GoldSegment | None  # None: words from another collection, never in the archive
    claimed_right: bool | None = None  # the claimed speaker is the gold one (None: no claim)


def _names(reference: str) -> tuple[str, str, str]:
    parts = reference.split()
    return parts[0], parts[-1], reference


def strictly_same(found: str, reference: str) -> bool:
    """The record names the annotators' person: the same words, or the tail of them ("Khan",
    "Ali Khan" for Azfar Ali Khan). Looser than this ("Jason LeBlanc" for Ernie LeBlanc) and
    a correct "differs" would count as a false alarm."""
    f, r = norm(found).split(), norm(reference).split()
    return bool(f) and f == r[len(r) - len(f) :]


def is_person(reference: str) -> bool:
    """Two to four capitalised words and no organisation word: "Surname said" makes sense."""
    parts = reference.split()
    return (
        2 <= len(parts) <= 4
        and all(p[:1].isupper() for p in parts)
        and not any(p.lower().strip(",") in lx.ORG_WORDS for p in parts)
    )


def queries_for(segment: GoldSegment, n: int, other: str) -> Iterator[EditorQuery]:
    """The queries an editor checking this quote might type."""
    words = segment.text
    assert segment.reference is not None
    first, surname, full = _names(segment.reference)
    yield EditorQuery("exact", words, segment)
    plain = "".join(without_accents(c) for c in words)
    if plain != words:
        yield EditorQuery("accents stripped", plain, segment)
    if not is_person(full):  # an organisation: named whole, or not at all
        yield EditorQuery("full name said", f"{full} said {words}", segment, True)
        yield EditorQuery("wrong speaker", f"{other} said {words}", segment, False)
        return
    yield EditorQuery("surname said", f"{surname} said {words}", segment, True)
    yield EditorQuery("full name said", f"{full} said {words}", segment, True)
    titles = TITLES[segment.gender if segment.gender in ("m", "f") else None]
    title = titles[n % len(titles)]
    yield EditorQuery("title said", f"{title} {surname} said {words}", segment, True)
    if segment.gender in ("m", "f"):  # "Mrs Musk" is not Elon Musk: never "matches"
        other_title = "Mrs" if segment.gender == "m" else "Mr"
        yield EditorQuery(
            "other gender's title", f"{other_title} {surname} said {words}", segment, False
        )
    yield EditorQuery("role said", f"{ROLES[n % 4]} {full} said {words}", segment, True)
    if len(full.split()) > 1:
        yield EditorQuery("first name said", f"{first} said {words}", segment, True)
    yield EditorQuery("wrong speaker", f"{other} said {words}", segment, False)
    split = words.split()
    middle = len(split) // 2
    swapped = [*split[:middle], SWAP_WORD, *split[middle + 1 :]]
    yield EditorQuery("one word swapped", " ".join(swapped), segment)
    yield EditorQuery("reordered", " ".join([*split[1:], split[0]]), segment)
    shifted = [BACKSHIFT.get(w, w) for w in split]
    if shifted != split:
        yield EditorQuery("backshift", f"{surname} said {' '.join(shifted)}", segment, True)


WORD = re.compile(r"[\w'’-]+")
OPENING = ('"', "“")


def article_queries(segment: GoldSegment, raw: str) -> Iterator[EditorQuery]:
    """The queries that take the article's own text: the words just before the opening mark
    pasted with the quote, and its whole paragraph pasted."""
    at = raw.find(segment.text)
    if at < 0:
        return
    start = raw.rfind("\n", 0, at) + 1
    end = raw.find("\n", at)
    paragraph = raw[start : end if end >= 0 else len(raw)].strip()
    before = raw[start:at]
    lead = WORD.findall(before)[-2:]
    if before.rstrip().endswith(OPENING) and len(lead) == 2:
        yield EditorQuery("outside words", f"{' '.join(lead)} {segment.text}", segment)
    if is_passage(paragraph) and len(paragraph) <= 500:
        yield EditorQuery("pasted paragraph", paragraph, segment)


def generated(
    gold: dict[str, list[GoldSegment]], foreign: list[str], raw: dict[str, str] | None = None
) -> list[EditorQuery]:
    """Every query kind for every usable gold segment, then the foreign quotes; ``raw``: the
    article texts by id, for the kinds that take the article's own words."""
    segments = [
        g
        for article in sorted(gold)
        for g in gold[article]
        if g.reference and 4 <= len(g.text.split()) <= 40 and not g.reference.isupper()
    ]
    references = sorted({g.reference for g in segments if g.reference})
    out: list[EditorQuery] = []
    for n, segment in enumerate(segments):
        assert segment.reference is not None
        others = [r for r in references if not same_person(r, segment.reference)]
        out.extend(queries_for(segment, n, others[n % len(others)]))
        if raw and segment.article in raw:
            out.extend(article_queries(segment, raw[segment.article]))
    out.extend(EditorQuery("another collection", text, None) for text in foreign)
    return out


def judge(query: EditorQuery, answer: Answer) -> tuple[bool, bool, bool]:
    """(right, false alarm, wrong name) for one answer; a pasted paragraph by the part that
    answers the gold quote (its claim is the passage's reading, not the editor's)."""
    if answer.parts and query.gold is not None:
        gold = norm(query.gold.text)
        part = next(
            (p for p in answer.parts if p.hits and covers(norm(p.hits[0].quote), gold)), None
        )
        if part is None:
            return False, False, False
        return judge(EditorQuery(query.kind, part.query, query.gold, None), part)
    if query.gold is None:
        return answer.verdict == "not_found" or answer.verdict == "paraphrase", False, False
    top = answer.hits[0] if answer.hits else None
    carries = top is not None and covers(norm(top.quote), query.gold.text)
    reference = query.gold.reference or ""
    wrong_name = bool(carries and top and top.speaker and not same_person(top.speaker, reference))
    check = answer.speaker_check
    # "differs" is the truth when the record names someone else (an extraction error,
    # counted as a wrong name); it is a false alarm only when the record is right.
    record_right = bool(top and top.speaker and strictly_same(top.speaker, reference))
    false_alarm = (
        carries and record_right and query.claimed_right is not False and check == "differs"
    )
    if query.claimed_right is True:
        check_right = check == "matches" or (
            check == "unknown" and top is not None and not top.speaker
        )
    elif query.claimed_right is False:
        check_right = check != "matches"
    else:
        check_right = True
    right = carries and not wrong_name and check_right
    return right, false_alarm, wrong_name


@dataclass(frozen=True)
class KindScore:
    """How one kind of query fared."""

    kind: str
    queries: int
    right: int
    false_alarms: int
    wrong_names: int

    @property
    def share(self) -> float:
        return round(self.right / self.queries, 3) if self.queries else 1.0


def foreign_quotes(settings: Settings) -> list[str]:
    """Quotes of the shipped seeds: another collection, absent from the GGT archive."""
    from bot.corpus.reader import read_file
    from bot.extraction import build_extractor

    extractor = build_extractor(settings)
    out = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        for article in read_file(path, settings.corpus):
            out.extend(q.text for q in extractor.quotes(article) if len(q.text.split()) >= 4)
    return out


def run(data_dir: Path, settings: Settings, db_url: str = "sqlite://") -> list[KindScore]:
    """Index the GGT articles, ask every generated query, score each kind."""
    store = Store.open(db_url)
    ingest(store, [data_dir / "rawtext"], settings, progress=False)
    tally: dict[str, Counter[str]] = {}
    raw = {p.stem: p.read_text(encoding="utf-8") for p in (data_dir / "rawtext").glob("*.txt")}
    for query in generated(load_gold(data_dir, settings), foreign_quotes(settings), raw):
        right, alarm, wrong = judge(query, whosaid(query.text, store, settings.search))
        counts = tally.setdefault(query.kind, Counter())
        counts.update(queries=1, right=right, false_alarms=alarm, wrong_names=wrong)
    return [
        KindScore(kind, c["queries"], c["right"], c["false_alarms"], c["wrong_names"])
        for kind, c in tally.items()
    ]


def table(scores: list[KindScore]) -> str:
    """A plain-text table, one row per kind and a total."""
    lines = [f"{'kind':<20} {'queries':>7} {'right':>7} {'share':>6} {'alarms':>6} {'wrong':>6}"]
    for s in [*scores, total(scores)]:
        lines.append(
            f"{s.kind:<20} {s.queries:>7} {s.right:>7} {s.share:>6.3f} "
            f"{s.false_alarms:>6} {s.wrong_names:>6}"
        )
    return "\n".join(lines)


def total(scores: list[KindScore]) -> KindScore:
    """All kinds together."""
    return KindScore(
        "all",
        sum(s.queries for s in scores),
        sum(s.right for s in scores),
        sum(s.false_alarms for s in scores),
        sum(s.wrong_names for s in scores),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    scores = run(args.data_dir, load_settings(ROOT / "config" / "quotebot.toml"))
    if args.json:
        print(json.dumps([s.__dict__ for s in scores], indent=2))
    else:
        print(table(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
