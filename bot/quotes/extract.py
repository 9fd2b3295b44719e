"""Extracting attributed quotes from a cleaned article (the pure core of Quotebot)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.models import Article, ExtractedArticle, Quote, QuoteKind, Report
from bot.quotes.attribution.attributor import Attributor
from bot.quotes.attribution.calibration import Calibration, measured
from bot.quotes.attribution.model import Attribution, QuoteSite, SentenceContext
from bot.quotes.attribution.sieves import DEFAULT_ORDER, Sieve, attribute, ordered
from bot.quotes.entities import Registry
from bot.quotes.lang import Language, language
from bot.quotes.lang.detect import article_language
from bot.quotes.marks import DOUBLE_ANY, Span, find_spans, types_doubles_as_singles
from bot.quotes.tokens import mask, sentences

EVIDENCE_CHARS = 400


def _single_style(article: Article) -> list[bool]:
    """Which paragraphs use single quote marks as quotes: headlines, single-quote articles."""
    texts = [p.text for p in article.paragraphs]
    no_doubles = not any(ch in DOUBLE_ANY for t in texts for ch in t)
    uses_curly_single = any("‘" in t for t in texts)
    styles = [no_doubles and uses_curly_single for _ in texts]
    if texts and article.title and texts[0] == article.title:
        styles[0] = not any(ch in DOUBLE_ANY for ch in texts[0])
    return styles


def _kind(text: str, ctx: SentenceContext, qi: int) -> QuoteKind:
    first_alpha = next((c for c in text if c.isalpha()), "")
    prev = ctx.tokens[qi - 1].lower if qi > 0 else ""
    if not first_alpha.isupper() or prev in ("a", "an", "the", "of", "as"):
        return "partial"
    return "full" if len(text.split()) >= 4 or text.rstrip()[-1:] in ".!?" else "partial"


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= EVIDENCE_CHARS else text[: EVIDENCE_CHARS - 1].rstrip() + "…"


def extract_quotes(
    article: Article, aliases: Mapping[str, str] | None = None, min_confidence: float = 0.5
) -> list[Quote]:
    """The article's direct quotes (speech only), each with its speaker (or None) and evidence."""
    return list(Extractor(dict(aliases or {}), min_confidence).extract(article).quotes)


def extract_all(
    article: Article,
    aliases: Mapping[str, str] | None = None,
    min_confidence: float = 0.5,
    sieves: tuple[Sieve, ...] | None = None,
    calibration: Calibration | None = None,
    lang: Language | None = None,
) -> tuple[list[Quote], list[Report]]:
    """The article's quotes and its sentences of attributed reported speech (``calibration``:
    confidences from the dev sets' measurements; None: each sieve's own evidence score;
    ``lang``: the language pack whose rules read it, English by default)."""
    lang = lang or language("en")
    sieves = sieves if sieves is not None else ordered(lang.default_order, lang.sieves)
    rules = (sieves, calibration)
    texts = [p.text for p in article.paragraphs]
    spans = find_spans(texts, _single_style(article), types_doubles_as_singles(texts))
    by_paragraph: dict[int, list[Span]] = defaultdict(list)
    for span in spans:
        by_paragraph[span.paragraph].append(span)
    registry = Registry(aliases, lang.rules.written_as_names(texts))
    attributor = Attributor(registry, lang.rules)
    sentence_text: list[str] = []
    results: list[tuple[Span, Attribution, QuoteKind]] = []
    reports: list[tuple[int, int, int, Attribution]] = []  # paragraph, start, end, speaker
    for para_index, text in enumerate(texts):
        if is_caption(text):
            continue  # a photo caption names people who are not the story's speakers
        para_spans = by_paragraph.get(para_index, [])
        masked = mask(text, para_spans)
        pairer = _SpanPairer(para_spans)
        # Sentences are read one ahead of the one being attributed (a stand-alone quote may
        # take its speaker from the next sentence) and then let go: a 5 MB paragraph keeps
        # a bounded number of sentences' tokens in memory, not all of them.
        previous: SentenceContext | None = None
        current: SentenceContext | None = None
        for sentence in sentences(masked, text, lang.ordinal_stops):
            upcoming = attributor.add_sentence(para_index, sentence)
            sentence_text.append(text[sentence.start : sentence.end])
            if current is not None:
                neighbours = (previous, upcoming)
                _attribute_sentence(attributor, current, neighbours, text, pairer, rules, results)
                _note_report(attributor, current, min_confidence, reports)
                previous = current
            current = upcoming
        if current is not None:
            last = (previous, None)
            _attribute_sentence(attributor, current, last, text, pairer, rules, results)
            _note_report(attributor, current, min_confidence, reports)
    quotes: list[Quote] = []
    for span, attr, kind in results:
        paragraph = article.paragraphs[span.paragraph]
        entity = attr.entity if attr.shown_confidence >= min_confidence else None
        evidence = attr.evidence_sentence
        named = attr.named_sentence
        quotes.append(
            Quote(
                text=paragraph.text[span.start : span.end],
                start=paragraph.start + span.start,
                end=paragraph.start + span.end,
                paragraph=span.paragraph,
                speaker=registry.display(entity) if entity else None,
                role=entity.shown_role if entity else None,
                confidence=round(attr.shown_confidence if entity else min(attr.confidence, 0.2), 2),
                cue=attr.cue,
                kind=kind,
                evidence=_clean(sentence_text[evidence])
                if entity and evidence is not None
                else None,
                antecedent=(
                    _clean(sentence_text[named])
                    if entity and named is not None and named != evidence
                    else None
                ),
                run=span.run,
                sieve=attr.sieve if entity else None,
            )
        )
    found_reports = [
        Report(
            text=texts[p][start:end].strip(),
            start=article.paragraphs[p].start + start,
            end=article.paragraphs[p].start + end,
            paragraph=p,
            speaker=registry.display(attr.entity),
            cue=attr.cue,
        )
        for p, start, end, attr in reports
        if attr.entity is not None and attr.cue
    ]
    return quotes, found_reports


def _attribute_sentence(
    attributor: Attributor,
    ctx: SentenceContext,
    neighbours: tuple[SentenceContext | None, SentenceContext | None],
    text: str,
    pairer: _SpanPairer,
    rules: tuple[tuple[Sieve, ...], Calibration | None],
    results: list[tuple[Span, Attribution, QuoteKind]],
) -> None:
    """Attribute the quotes of one sentence (its neighbours: the sentences before and after
    it in the paragraph) and add them to ``results``."""
    # Who the sentence reports, with the focus as it stood before the sentence: its own
    # quotes' speakers must not become its subject's antecedent.
    ctx.said = attributor.rules.reported_speech(attributor, ctx)
    for span, qi in pairer.pairs(ctx):
        words = text[span.start : span.end]
        site = QuoteSite(ctx, qi, span, words, text[span.start : span.mark_end], *neighbours)
        attr = attribute(site, attributor, *rules)
        attributor.note_quote(ctx, span.run, attr)
        results.append((span, attr, _kind(words, ctx, qi)))


def _note_report(
    attributor: Attributor,
    ctx: SentenceContext,
    min_confidence: float,
    reports: list[tuple[int, int, int, Attribution]],
) -> None:
    """After a sentence's quotes: keep its reported speech and update the focus."""
    said = ctx.said
    reported = said is not None and said.entity is not None and said.cue
    if said is not None and reported and said.confidence >= min_confidence:
        reports.append((ctx.paragraph, ctx.sentence.start, ctx.sentence.end, said))
        attributor.note_report(ctx, said)
    attributor.note_sentence_done(ctx)


CAPTION_CREDIT = re.compile(r"\(\s*([^()]{2,80}?)\s*\)\s*$")


def is_caption(text: str) -> bool:
    """A photo caption: a paragraph ending with a credit ("( Richard Lautens / Toronto Star )")."""
    found = CAPTION_CREDIT.search(text)
    if found is None:
        return False
    credit = found.group(1)
    words = credit.split()
    if "/" in credit or "photo" in credit.lower():
        return len(words) <= 12
    return len(words) <= 5 and all(w[:1].isupper() for w in words)


class _SpanPairer:
    """Pairs each sentence's quote tokens with the quote spans they stand for, sentence by
    sentence in reading order: one merge pass over the paragraph's spans, so a paragraph
    that is one long run of quotes costs linear time."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = sorted(spans, key=lambda sp: sp.mark_start)
        self.next = 0

    def pairs(self, ctx: SentenceContext) -> list[tuple[Span, int]]:
        """The sentence's quotes and the token index that stands for each."""
        out: list[tuple[Span, int]] = []
        for k, tok in enumerate(ctx.tokens):
            if not tok.is_quote:
                continue
            while self.next < len(self.spans) and self.spans[self.next].mark_start < tok.start:
                self.next += 1  # a span no token stands for
            while self.next < len(self.spans):
                span = self.spans[self.next]
                if not tok.start <= span.mark_start < tok.end + 1:
                    break
                if tok.end >= span.start:
                    out.append((span, k))
                self.next += 1
        return out


def extract_article(
    article: Article,
    aliases: Mapping[str, str] | None = None,
    min_confidence: float = 0.5,
    sieves: tuple[Sieve, ...] | None = None,
    calibration: Calibration | None = None,
    lang: Language | None = None,
) -> ExtractedArticle:
    """The article with its quotes, its reported speech and its non-speech terms."""
    lang = lang or language("en")
    found, reports = extract_all(article, aliases, min_confidence, sieves, calibration, lang)
    reasons = [lang.rules.not_speech_reason(q, *_around(article, q)) for q in found]
    quotes = [q for q, reason in zip(found, reasons, strict=True) if reason is None]
    terms = [q for q, reason in zip(found, reasons, strict=True) if reason is not None]
    return ExtractedArticle(
        article=article,
        quotes=tuple(quotes),
        reports=tuple(reports),
        terms=tuple(terms),
        language=lang.code,
    )


def _around(article: Article, quote: Quote) -> tuple[str, str]:
    """The text of the quote's paragraph before its opening mark and after its closing one."""
    paragraph = article.paragraphs[quote.paragraph]
    before = article.body[paragraph.start : quote.start].rstrip()
    after = article.body[quote.end : paragraph.end].lstrip()
    return before[:-1] if before else before, after[1:] if after else after


@dataclass(frozen=True)
class Extractor:
    """The one extraction seam: built once from settings, used by extract, ingest and check.

    ``aliases`` are the newsroom's manual speaker names ("Sir Keir" -> "Keir Starmer");
    attributions below ``min_confidence`` come back unattributed; ``sieves`` names the
    English attribution sieves to run, in order (other languages run their pack's own);
    ``calibrated``: confidences are the sieves' measured precision, and a sieve under 0.95
    names nobody alone; ``languages``: the languages attributed — an article in another is
    kept with its quotes, every one unattributed.
    """

    aliases: Mapping[str, str] = field(default_factory=dict)
    min_confidence: float = 0.5
    sieves: tuple[str, ...] = DEFAULT_ORDER
    calibrated: bool = True  # False: each sieve's own score, for measuring the sieves
    languages: tuple[str, ...] = ("en", "de")

    def __post_init__(self) -> None:
        object.__setattr__(self, "_sieves", ordered(self.sieves))  # ValueError: a bad name
        for code in self.languages:
            try:
                language(code)
            except KeyError as exc:
                raise ValueError(exc.args[0]) from None

    def extract(self, article: Article) -> ExtractedArticle:
        """The article with its quotes and its sentences of reported speech."""
        calibration = measured() if self.calibrated else None
        code = article_language(article, self.languages)
        if code not in self.languages:
            # Kept and searchable, its quotes found by their marks, but no rules of ours
            # read the language: nobody is named.
            found = extract_article(article, self.aliases, self.min_confidence, (), calibration)
            return found.model_copy(update={"language": code, "attributed": False})
        lang = language(code)
        sieves: tuple[Sieve, ...] = (
            object.__getattribute__(self, "_sieves")
            if code == "en"
            else ordered(lang.default_order, lang.sieves)
        )
        return extract_article(
            article, self.aliases, self.min_confidence, sieves, calibration, lang
        )

    def quotes(self, article: Article) -> list[Quote]:
        """Only the article's quotes."""
        return list(self.extract(article).quotes)
