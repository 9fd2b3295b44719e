"""Frozen domain models. The core takes and returns these, never dicts or database rows."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

QuoteKind = Literal["full", "partial"]
Verdict = Literal["verbatim", "close", "paraphrase", "not_found"]


class Frozen(BaseModel):
    """Base for immutable models."""

    model_config = ConfigDict(frozen=True)


class Paragraph(Frozen):
    """One paragraph of a cleaned article body; ``body[start:end] == text``."""

    index: int
    start: int
    end: int
    text: str


class Article(Frozen):
    """A cleaned article: metadata plus a body from which page furniture has been removed."""

    id: str
    title: str | None = None
    published: date | datetime | None = None
    url: str | None = None
    outlet: str | None = None
    byline: str | None = None
    body: str
    paragraphs: tuple[Paragraph, ...]
    source: str | None = None
    content_hash: str | None = None


class Quote(Frozen):
    """A direct quote: the words between the marks, where they are, and who said them.

    ``speaker`` is the canonical name, or None when the article does not say (or the evidence is
    too weak to say) who spoke. ``run`` groups the paragraphs of one multi-paragraph quote.
    """

    text: str
    start: int
    end: int
    paragraph: int
    speaker: str | None
    role: str | None = None
    confidence: float
    cue: str | None = None
    kind: QuoteKind
    evidence: str | None = None
    antecedent: str | None = None
    run: int


class ExtractedArticle(Frozen):
    """An article together with the quotes found in it."""

    article: Article
    quotes: tuple[Quote, ...]
