"""What the annotators say, in one shape for every dev set, and how our output is held against
it (pure): words compared whole, speakers compared as the set's annotation allows.

A gold quote is the words inside quote marks of one annotated quotation, with the speaker the
annotators give it. Sets differ in what that speaker is:

- GGT gives a resolved full name (``reference``) and the words the article used (``surface``):
  our speaker is right when it is that person's name — the full name, or fewer of its words
  ("Trudeau" for Justin Trudeau), never a different first name with the same surname;
- PolNeAR and the German set give only the words of the article (a surface span: "he", "Sen.
  Bernie Sanders (I-Vt.)", "a spokesman for the campaign"): a speaker is judged by the last word
  of the name in that span ("Sanders"), and a span that names nobody is not judged.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from bot.models import Article

WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
DOUBLE_MARKS = '"“”«»„'
MARKED = re.compile(f"[{DOUBLE_MARKS}]([^{DOUBLE_MARKS}]{{2,}}?)[{DOUBLE_MARKS}]")
HELD_OUT = 5  # one article in five, chosen by a hash of its id, is never tuned on
# Words that stand for a speaker without naming one (English and German).
PRONOUNS = frozenset(
    "i you he she it we they me him her us them his its their our who which that this these "
    "ich du er sie es wir ihr ihm ihn ihnen man der die das dieser diese".split()
)
# Surname particles: "de Blasio" is judged by "blasio", "von der Leyen" by "leyen".
PARTICLES = frozenset("de da del della di van von der den du la le al bin ten ter".split())
DETERMINERS = frozenset("the a an der die das den dem des ein eine einer eines einem".split())
# Words that open a German description ("Dieser Arzt", "die US-Delegationsleiterin").
GERMAN_OPENERS = DETERMINERS | frozenset(
    "dieser diese dieses jener jene sein seine seiner seinem seinen seines ihr ihre ihrer ihrem "
    "ihren ihres dessen deren".split()
)
QUANTIFIERS = frozenset("one another some many most both all each several".split())
# Prepositions after which a name qualifies the speaker ("a spokesman for Paul Ryan").
QUALIFIED_BY = frozenset(
    "of for at from with in on to by about von für bei aus vom zum zur im am beim gegen".split()
)
Judge = Literal["reference", "last_word", "last_word_de"]


def norm(text: str) -> str:
    """Lower-case words only (accents kept), for matching text across cleaning differences."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").lower()
    return " ".join(WORD.findall(text))


def folded(text: str) -> str:
    """``norm`` without accents: names compared as an editor types them."""
    decomposed = unicodedata.normalize("NFKD", norm(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def covers(a: str, b: str) -> bool:
    """Whether two normalised texts are the same speech: one's words are a run of the
    other's, whole words only ("bold" is not in "bolder"), or they share most of their
    words (four or more)."""
    if not a or not b:
        return False
    aw, bw = a.split(), b.split()
    if _run_in(aw, bw) or _run_in(bw, aw):
        return True
    common = len(set(aw) & set(bw))
    least = min(len(set(aw)), len(set(bw)))
    return least >= 4 and common >= 0.8 * least


def _run_in(needle: list[str], haystack: list[str]) -> bool:
    n = len(needle)
    return any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def acronym_of(short: str, full: str) -> bool:
    """ "IRCC" for "Immigration, Refugees and Citizenship Canada"."""
    initials = "".join(w[0] for w in re.findall(r"[^\W\d_][\w'-]*", full) if w[0].isupper())
    return short.isupper() and len(short) >= 2 and short == initials


def name_in_span(span: str, german: bool = False) -> str | None:
    """The last word of the name a surface span gives, folded ("Sen. Bernie Sanders (I-Vt.)" →
    "sanders", "Clinton campaign chairman John Podesta" → "podesta", "The leader of the
    Anti-Defamation League, Jonathan Greenblatt," → "greenblatt"); None when it names nobody
    ("he", "a spokesman", "The Florida senator", "Law enforcement sources").

    A span is read clause by clause (commas, dashes, "who"); in the first clause that has one,
    the last run of capitalised words that is a head, not a qualifier, is the name: a run after
    a preposition ("a spokesman for House Speaker Paul Ryan"), a possessive ("Rubio's deputy"),
    or one a lower-case word follows ("Clinton campaign chairman", "The Florida senator")
    qualifies someone else. A one-word title before a preposition is part of the name's run
    ("Secretary of State John Kerry", "The Council on American-Islamic Relations Director
    Nihad Awad").

    ``german``: an article inside a clause starts a genitive or dative qualifier, as a
    preposition does in English ("Der Leiter des Programms der WHO, Klaus Stöhr" is Stöhr,
    not the WHO; "Meinung der Umweltschutzorganisation" names nobody)."""
    text = re.sub(r"\([^)]*(\)|$)", " ", span)  # "(D-Calif.)", and "(R-Pa." left open
    clauses = re.split(r",|;|—|–| - |\bwho\b|\bwhich\b", text)
    if german:
        # "Der Doktorvater zu Guttenbergs, Peter Häberle": a description, then the name in
        # apposition. A clause with no article before its words names rather than describes.
        named = [c for c in clauses if c.split()[:1] and c.split()[0].lower() not in GERMAN_OPENERS]
        clauses = named + [c for c in clauses if c not in named]
    for clause in clauses:
        heads = [run for run in _runs(clause, german) if run]
        if heads and not (german and _described(clause, heads[-1])):
            return folded(heads[-1][-1]).split()[-1]
    return None


def _described(clause: str, head: list[str]) -> bool:
    """German: a lone common noun after an article describes, it does not name ("Der
    Bundespräsident", "die Polizei", "Der 23-jährige Sportler", "Einer der Feuerwehrmänner"):
    a German name takes no article. An organisation's name of several words ("Die Deutsche
    Welle") or an acronym ("die FIFA") still names."""
    while len(head) > 1 and head[0].lower() in GERMAN_OPENERS:
        head = head[1:]  # "Seine Meinung": the possessive opens, the noun is the head
    if len(head) != 1 or head[0].isupper():
        return False
    tokens = re.findall(r"[^\W_][\w'’.-]*", clause)
    at = max((k for k, tok in enumerate(tokens) if tok.rstrip(".") == head[0]), default=-1)
    before = [tok for tok in tokens[:at] if tok[:1].isupper() or tok.lower() in GERMAN_OPENERS]
    return bool(before) and before[-1].lower() in GERMAN_OPENERS


def _runs(clause: str, german: bool = False) -> list[list[str]]:
    """The runs of capitalised words in a clause that can head it (see ``name_in_span``)."""
    tokens = re.findall(r"[^\W_][\w'’.-]*", clause)
    runs: list[list[str]] = []
    run: list[str] = []
    after_preposition = False
    for k, tok in enumerate([*tokens, "."]):
        bare = tok.rstrip(".").removesuffix("’s").removesuffix("'s")
        low = bare.lower()
        opener = k == 0 and low in DETERMINERS | QUANTIFIERS
        capital = bare[:1].isupper() and low not in PRONOUNS and not opener
        # German "der" is a surname particle only after another ("von der Leyen"), and a
        # particle follows a first name, not a full name ("Robert Halver von der Baader Bank").
        genitive = (
            german
            and bool(run)
            and (
                (low in DETERMINERS and run[-1].lower() not in PARTICLES)
                or (low not in DETERMINERS and len(run) >= 2 and run[-1].lower() not in PARTICLES)
            )
        )
        if capital or (run and low in PARTICLES and k + 1 < len(tokens) and not genitive):
            run.append(bare)
            if bare != tok.rstrip("."):  # a possessive ends the run: it qualifies
                run, after_preposition = [], False
            continue
        if len(run) == 1 and low in QUALIFIED_BY and not after_preposition:
            run.append(low)  # "Secretary of …": a title's own preposition
            continue
        if run:
            qualifier = after_preposition or (low and low not in QUALIFIED_BY and tok != ".")
            while run and (run[-1].lower() in PARTICLES or run[-1] in QUALIFIED_BY):
                run.pop()
            runs.append([] if qualifier else run)
            run = []
        if low in DETERMINERS:
            if german and k > 0:
                after_preposition = True  # "der Leiter des Programms": a genitive qualifier
            continue  # "of the New York delegation": the preposition still governs
        after_preposition = low in QUALIFIED_BY
    return runs


@dataclass(frozen=True)
class GoldQuote:
    """One annotated quotation that holds quote marks: the words inside each pair of marks
    (its segments), and who the annotators say spoke them."""

    article: str
    segments: tuple[str, ...]  # normalised words inside each pair of marks
    surface: str | None  # the article's words for the speaker
    reference: str | None  # a resolved name (GGT), else None
    judge: Judge
    # Where the quotation stands in the article's text (PolNeAR's character offsets), when
    # the set says: words alike in two places are then told apart by place.
    spans: tuple[tuple[int, int], ...] = ()

    @property
    def text(self) -> str:
        """The segments as one line (for error lists)."""
        return " … ".join(self.segments)

    def carried_by(self, quote: str) -> bool:
        """Whether an extracted quote (normalised) is this quotation's speech: it covers one
        of the segments, and a short segment (under four words) only by being (part of) it:
        "debate" inside a long quote is no hit."""
        qw = quote.split()
        for seg in self.segments:
            sw = seg.split()
            if covers(quote, seg) and (len(sw) >= 4 or len(qw) <= len(sw)):
                return True
        return False

    def placed(self, quote: str, source: str, nth: int = 0) -> bool:
        """Whether an extracted quote (its words as the article has them, the ``nth`` time
        they occur in the text the product read) stands where this quotation stands: true
        when the set gives no place or the words are not found verbatim in ``source`` (the
        article's text, read differently); else their ``nth`` occurrence in ``source``, or any
        when the two texts hold them a different number of times, overlaps the quotation."""
        if not self.spans or not quote:
            return True
        found = [m.start() for m in re.finditer(re.escape(quote), source)]
        if not found:
            return True
        if nth < len(found):
            found = [found[nth]]
        return any(a < at + len(quote) and at < b for at in found for a, b in self.spans)

    @property
    def named(self) -> bool:
        """Whether the annotators' speaker is someone named (not "he", not "a spokesman", not
        "the minister"): the quotations the measures about speakers count."""
        who = self.reference if self.judge == "reference" else self.surface
        return name_in_span(who or "", self.judge == "last_word_de") is not None

    def speaker_is(self, found: str) -> bool:
        """Whether ``found`` (our speaker) is the annotators' speaker."""
        if self.judge == "reference":
            return self.named and same_person(found, self.reference or "")
        last = name_in_span(self.surface or "", self.judge == "last_word_de")
        if last is None:
            return False
        # Any word of ours: "Shen Xincheng" is the span's "Shen" (family name first).
        return last in folded(found).split() or acronym_of(found, self.surface or "")


def same_person(found: str, reference: str) -> bool:
    """Our speaker names the reference person: the same name, fewer of its words (a
    surname, a first and last name without the middle one), the name with a role glued before
    it ("Police Lt Tom Wilkison"), or its acronym. A different first name with the same
    surname is someone else ("Jason LeBlanc" is not Ernie LeBlanc), and so is an
    organisation named after a person ("Studio Schicketanz")."""
    if acronym_of(found, reference) or acronym_of(reference, found):
        return True
    f, r = folded(found).split(), folded(reference).split()
    if not f or not r:
        return False
    if "and" in f and "and" not in r:
        return False  # "Anne Marie Cerato and Patrick Bardos" is not Patrick Bardos
    return f == r or set(f) <= set(r) or (len(r) >= 2 and f[-len(r) :] == r)


@dataclass(frozen=True)
class Document:
    """One annotated article: its id, how the product reads it, and its gold quotes."""

    id: str
    read: Callable[[], Article]
    gold: tuple[GoldQuote, ...]
    source: str = ""  # the article's text as annotated, where gold quotes give spans

    @property
    def held_out(self) -> bool:
        """One article in ``HELD_OUT`` (fixed by a hash of its id) is never looked at while
        rules or table rows are written: the held-out check, reported apart."""
        digest = hashlib.sha1(self.id.encode("utf-8")).digest()
        return digest[0] % HELD_OUT == 0


def marked_words(quote: str) -> list[str]:
    """The normalised words inside each pair of quote marks of an annotated quotation (the
    words outside them are the reporter's). Two single marks typed for a double one count as
    one: ‘‘…’’ always, ''…'' where the quotation has no other double marks (newspaper
    archives' plain text; elsewhere '' is wiki markup for italics)."""
    for typed in ("‘‘", "’’", "``"):
        quote = quote.replace(typed, '"')
    if "''" in quote and not any(ch in DOUBLE_MARKS for ch in quote):
        quote = quote.replace("''", '"')
    return [w for m in MARKED.finditer(quote) if (w := norm(m.group(1)))]
