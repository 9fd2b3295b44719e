"""Finding quote spans: which marks open and close quotes, decided from their context.

Apostrophes are not quote marks; single quotes count only where they are the article's quote
style (headlines, or articles written with single quotes); inside a double quote a single quote
is nested and belongs to the outer quote. Two single marks typed for a double one are one mark:
‘‘…’’ and ``…'' always, ''…'' in an article that quotes with it (``types_doubles_as_singles``),
the style of newspaper archives' plain text (the New York Times's among them). An unclosed
quote is closed where the next one opens at a sentence start, so one missing mark does not
swallow the rest of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
DOUBLE_ANY = '"' + DOUBLE_OPEN + DOUBLE_CLOSE
SINGLE_ANY = "'‘’‚"
OPEN_CONTEXT = "([{—–-/:"  # a mark after these (or a space) opens
CLOSE_FOLLOW = ".,;:!?)]}—–-…'’\"”"
SENTENCE_END = ".!?…"
TRIM_RIGHT = " \t,;:'‘’"
# Two single marks typed for one double mark, and the double mark each stands for. The
# typewriter pair ''…'' doubles as wiki markup for italics (titles, names), so it is read as
# a quote mark only in an article that quotes with it (``types_doubles_as_singles``).
DOUBLED = {"‘‘": "“", "’’": "”", "``": "“"}
ASCII_DOUBLED = {"''": '"'}


@dataclass(frozen=True)
class Span:
    """One quote segment within a paragraph (offsets are paragraph-relative).

    ``mark_start``/``mark_end`` cover the marks too (for masking); ``start``/``end`` cover the
    words. A multi-paragraph quote is one segment per paragraph sharing ``run``.
    """

    paragraph: int
    mark_start: int
    mark_end: int
    start: int
    end: int
    run: int
    continued: bool  # this segment continues a quote opened in an earlier paragraph


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _role(text: str, i: int, marks: str, width: int = 1, ch: str | None = None) -> str:
    """'open', 'close' or '?' for the mark of ``width`` characters at ``i`` (``ch``: the mark
    it stands for, when two single marks stand for a double one) from its neighbours and its
    shape."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + width] if i + width < len(text) else " "
    ch = ch or text[i]
    if marks is SINGLE_ANY:
        if _is_word(prev) and _is_word(nxt):
            return "apostrophe"
        if ch == "‘":
            return "open"
    open_ctx = (prev.isspace() or prev in OPEN_CONTEXT or prev in DOUBLE_ANY) and not nxt.isspace()
    close_ctx = not prev.isspace() and (nxt.isspace() or nxt in CLOSE_FOLLOW)
    if open_ctx and not close_ctx:
        return "open"
    if close_ctx and not open_ctx:
        return "close"
    if ch in DOUBLE_OPEN:
        return "open"
    if ch in DOUBLE_CLOSE:
        return "close"
    return "?"


def _mark_pattern(marks: str, ascii_doubled: bool) -> re.Pattern[str]:
    """Where this paragraph style's quote marks are: two single marks typed as one double mark
    first, then each mark of the style (a regular expression finds them in a 5 MB paragraph
    far faster than a loop over its characters)."""
    pairs = [*DOUBLED, *ASCII_DOUBLED] if ascii_doubled else list(DOUBLED)
    doubled = [re.escape(p) for p in pairs] if marks is DOUBLE_ANY else []
    return re.compile("|".join([*doubled, f"[{re.escape(marks)}]"]))


PATTERNS = {
    (marks, ascii_doubled): _mark_pattern(marks, ascii_doubled)
    for marks in (DOUBLE_ANY, SINGLE_ANY)
    for ascii_doubled in (False, True)
}


def _stands_for(mark: str) -> str | None:
    """The double mark two single marks were typed for (None: a mark of one character)."""
    return DOUBLED.get(mark) or ASCII_DOUBLED.get(mark)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    inner = text[start:end]
    unmatched_single = inner.count("‘") + inner.count("'") + inner.count("’") > 0
    while start < end and (text[start].isspace() or (unmatched_single and text[start] in "'‘")):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in TRIM_RIGHT):
        if text[end - 1] in "'’" and _is_word(text[end - 2] if end >= 2 else " "):
            break  # a trailing apostrophe of a word ("the players'") stays
        end -= 1
    return start, end


def paragraph_starts_quote(text: str, marks: str, ascii_doubled: bool = False) -> bool:
    """Whether a paragraph opens with a quote mark (continuing a multi-paragraph quote)."""
    offset = len(text) - len(text.lstrip())
    mark = PATTERNS[(marks, ascii_doubled)].match(text, offset)
    if mark is None:
        return False
    width = len(mark.group())
    return _role(text, offset, marks, width, _stands_for(mark.group())) in ("open", "?")


def _emit(
    spans: list[Span], text: str, where: tuple[int, int, bool], bounds: tuple[int, int, int, int]
) -> None:
    """Append a segment unless trimming leaves no words."""
    index, run, continued = where
    mark_start, word_start, end, mark_end = bounds
    s, e = _trimmed(text, word_start, end)
    if e > s and any(c.isalnum() for c in text[s:e]):
        spans.append(Span(index, mark_start, mark_end, s, e, run, continued))


def _nests(text: str, after: int, marks: str, ascii_doubled: bool) -> bool:
    """Whether a mark that opens a quote inside an open one (mid-sentence) opens a nested
    quote: the next two marks after it close, its own and then the outer quote's. Otherwise
    the outer quote ends there (its closing mark lost or the opening mark a stray)."""
    closes = 0
    for mark in PATTERNS[(marks, ascii_doubled)].finditer(text, after):
        role = _role(text, mark.start(), marks, len(mark.group()), _stands_for(mark.group()))
        if role == "apostrophe":
            continue
        if role != "close":
            return False
        closes += 1
        if closes == 2:
            return True
    return False


def find_spans(
    paragraphs: list[str], single_style: list[bool], ascii_doubled: bool = False
) -> list[Span]:
    """Quote segments of every paragraph, in order (``ascii_doubled``: the article types its
    double marks as two single ones, ''…''). Never raises on any input."""
    spans: list[Span] = []
    run = 0
    carried = False  # a quote left open at the end of the previous paragraph continues here
    for index, text in enumerate(paragraphs):
        marks = SINGLE_ANY if single_style[index] else DOUBLE_ANY
        open_at: int | None = None
        open_width = 1
        continued = False
        nested = 0  # quotes opened inside the open one (with the same marks) and not closed

        if carried and not paragraph_starts_quote(text, marks, ascii_doubled):
            run += 1
        carried = False
        for mark in PATTERNS[(marks, ascii_doubled)].finditer(text):
            at, width = mark.start(), len(mark.group())
            role = _role(text, at, marks, width, _stands_for(mark.group()))
            if role == "apostrophe":
                continue
            if open_at is None:
                if role in ("open", "?"):
                    open_at, open_width = at, width
                    continued = bool(spans) and spans[-1].run == run and index > spans[-1].paragraph
                continue
            words_from = open_at + open_width
            before = text[words_from:at].rstrip()
            if role == "open" and before and before[-1] in SENTENCE_END + ",":
                # A new quote opens at a sentence start: the previous one lost its closing mark.
                cut = len(before) + words_from
                _emit(spans, text, (index, run, continued), (open_at, words_from, cut, cut))
                run += 1
                open_at, open_width = at, width
                continued = False
                continue
            if role == "open" and not before:
                continue  # doubled opening mark
            if nested and role != "open":
                nested -= 1
                continue  # the nested quote's closing mark
            if role == "open" and _nests(text, at + width, marks, ascii_doubled):
                nested += 1
                continue  # „… für bedeutende „Small-Business-Unternehmen“ in der …“
            _emit(spans, text, (index, run, continued), (open_at, words_from, at, at + width))
            run += 1
            open_at = None
            continued = False
        if open_at is not None:
            nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
            end = len(text)
            bounds = (open_at, open_at + open_width, end, end)
            _emit(spans, text, (index, run, continued), bounds)
            next_marks = (
                SINGLE_ANY
                if index + 1 < len(single_style) and single_style[index + 1]
                else DOUBLE_ANY
            )
            carried = bool(nxt) and paragraph_starts_quote(nxt, next_marks, ascii_doubled)
            if not carried:
                run += 1
    return spans


# ''…'' closing a sentence or a clause: a quote ("…,'' he said"); italics close a title.
CLOSES_A_QUOTE = re.compile(r"[,.?!]''")


def types_doubles_as_singles(texts: list[str]) -> bool:
    """Whether an article types its double quote marks as two single ones (''…''): one of
    them closes a sentence or clause, and they outnumber the other double marks (an archive's
    plain text keeps a stray "…" or two; wiki markup's ''…'' italics close no clause)."""
    if not any(CLOSES_A_QUOTE.search(t) for t in texts):
        return False
    typed = sum(t.count("''") for t in texts)
    return typed > sum(t.count(ch) for t in texts for ch in DOUBLE_ANY)


def marked_spans(text: str) -> list[Span]:
    """The quote spans of one paragraph (or a pasted passage) read on its own, its style
    (double marks, single ones, or double ones typed as two single) told by the text."""
    single = "‘" in text and not any(ch in DOUBLE_ANY for ch in text)
    return find_spans([text], [single], ascii_doubled=types_doubles_as_singles([text]))


def quoted_in(text: str) -> list[str]:
    """The words inside each pair of quote marks of one paragraph read on its own."""
    return [text[s.start : s.end] for s in marked_spans(text)]


def outside_marks(text: str) -> str:
    """The text with every quote, marks and words, taken out (a space in its place)."""
    kept, last = [], 0
    for span in marked_spans(text):
        kept.append(text[last : span.mark_start])
        last = max(span.mark_end, span.end)
    return " ".join([*kept, text[last:]])
