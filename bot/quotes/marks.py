"""Finding quote spans: which marks open and close quotes, decided from their context.

Apostrophes are not quote marks; single quotes count only where they are the article's quote
style (headlines, or articles written with single quotes); inside a double quote a single quote
is nested and belongs to the outer quote. An unclosed quote is closed where the next one opens
at a sentence start, so one missing mark does not swallow the rest of the article.
"""

from __future__ import annotations

from dataclasses import dataclass

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
DOUBLE_ANY = '"' + DOUBLE_OPEN + DOUBLE_CLOSE
SINGLE_ANY = "'‘’‚"
OPEN_CONTEXT = "([{—–-/:"  # a mark after these (or a space) opens
CLOSE_FOLLOW = ".,;:!?)]}—–-…'’\"”"
SENTENCE_END = ".!?…"
TRIM_RIGHT = " \t,;:'‘’"


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


def _role(text: str, i: int, marks: str) -> str:
    """'open', 'close' or '?' for the mark at ``i`` from its neighbours and its shape."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    ch = text[i]
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


def paragraph_starts_quote(text: str, marks: str) -> bool:
    """Whether a paragraph opens with a quote mark (continuing a multi-paragraph quote)."""
    stripped = text.lstrip()
    if not stripped or stripped[0] not in marks:
        return False
    offset = len(text) - len(stripped)
    return _role(text, offset, marks) in ("open", "?")


def _emit(
    spans: list[Span], text: str, where: tuple[int, int, bool], bounds: tuple[int, int, int, int]
) -> None:
    """Append a segment unless trimming leaves no words."""
    index, run, continued = where
    mark_start, word_start, end, mark_end = bounds
    s, e = _trimmed(text, word_start, end)
    if e > s and any(c.isalnum() for c in text[s:e]):
        spans.append(Span(index, mark_start, mark_end, s, e, run, continued))


def find_spans(paragraphs: list[str], single_style: list[bool]) -> list[Span]:
    """Quote segments of every paragraph, in order. Never raises on any input."""
    spans: list[Span] = []
    run = 0
    carried = False  # a quote left open at the end of the previous paragraph continues here
    for index, text in enumerate(paragraphs):
        marks = SINGLE_ANY if single_style[index] else DOUBLE_ANY
        open_at: int | None = None
        continued = False

        if carried and not paragraph_starts_quote(text, marks):
            run += 1
        carried = False
        for i, ch in enumerate(text):
            if ch not in marks:
                continue
            role = _role(text, i, marks)
            if role == "apostrophe":
                continue
            if open_at is None:
                if role in ("open", "?"):
                    open_at = i
                    continued = bool(spans) and spans[-1].run == run and index > spans[-1].paragraph
                continue
            before = text[open_at + 1 : i].rstrip()
            if role == "open" and before and before[-1] in SENTENCE_END + ",":
                # A new quote opens at a sentence start: the previous one lost its closing mark.
                cut = len(before) + open_at + 1
                _emit(spans, text, (index, run, continued), (open_at, open_at + 1, cut, cut))
                run += 1
                open_at = i
                continued = False
                continue
            if role == "open" and not before:
                continue  # doubled opening mark
            _emit(spans, text, (index, run, continued), (open_at, open_at + 1, i, i + 1))
            run += 1
            open_at = None
            continued = False
        if open_at is not None:
            nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
            end = len(text)
            _emit(spans, text, (index, run, continued), (open_at, open_at + 1, end, end))
            next_marks = (
                SINGLE_ANY
                if index + 1 < len(single_style) and single_style[index + 1]
                else DOUBLE_ANY
            )
            carried = bool(nxt) and paragraph_starts_quote(nxt, next_marks)
            if not carried:
                run += 1
    return spans
