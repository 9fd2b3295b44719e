"""Extracting attributed quotes from a cleaned article (the pure core of Quotebot)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.models import Article, ExtractedArticle, Quote, QuoteKind, Report
from bot.quotes import lexicon as lx
from bot.quotes.attribution import NONE, Attribution, Attributor, SentenceContext
from bot.quotes.entities import Registry
from bot.quotes.marks import DOUBLE_ANY, Span, find_spans
from bot.quotes.speech import not_speech_reason
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
    return list(extract_article(article, aliases, min_confidence).quotes)


def extract_all(
    article: Article, aliases: Mapping[str, str] | None = None, min_confidence: float = 0.5
) -> tuple[list[Quote], list[Report]]:
    """The article's quotes and its sentences of attributed reported speech."""
    texts = [p.text for p in article.paragraphs]
    spans = find_spans(texts, _single_style(article))
    by_paragraph: dict[int, list[Span]] = defaultdict(list)
    for span in spans:
        by_paragraph[span.paragraph].append(span)
    registry = Registry(aliases)
    attributor = Attributor(registry)
    sentence_text: list[str] = []
    results: list[tuple[Span, Attribution, QuoteKind]] = []
    run_speaker: dict[int, Attribution] = {}
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
        for sentence in sentences(masked, text):
            upcoming = attributor.add_sentence(para_index, sentence)
            sentence_text.append(text[sentence.start : sentence.end])
            if current is not None:
                _attribute_sentence(
                    attributor, current, (previous, upcoming), text, pairer, run_speaker, results
                )
                _note_report(attributor, current, min_confidence, reports)
                previous = current
            current = upcoming
        if current is not None:
            _attribute_sentence(
                attributor, current, (previous, None), text, pairer, run_speaker, results
            )
            _note_report(attributor, current, min_confidence, reports)
    quotes: list[Quote] = []
    for span, attr, kind in results:
        paragraph = article.paragraphs[span.paragraph]
        entity = attr.entity if attr.confidence >= min_confidence else None
        evidence = attr.evidence_sentence
        named = attr.named_sentence
        quotes.append(
            Quote(
                text=paragraph.text[span.start : span.end],
                start=paragraph.start + span.start,
                end=paragraph.start + span.end,
                paragraph=span.paragraph,
                speaker=registry.display(entity) if entity else None,
                role=(entity.roles[0] if entity and entity.roles else None),
                confidence=round(attr.confidence if entity else min(attr.confidence, 0.2), 2),
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
    run_speaker: dict[int, Attribution],
    results: list[tuple[Span, Attribution, QuoteKind]],
) -> None:
    """Attribute the quotes of one sentence (its neighbours: the sentences before and after
    it in the paragraph) and add them to ``results``."""
    # Who the sentence reports, with the focus as it stood before the sentence: its own
    # quotes' speakers must not become its subject's antecedent.
    ctx.said = attributor.reported_speech(ctx)
    for span, qi in pairer.pairs(ctx):
        words = text[span.start : span.end]
        after = attributor.post_cue(ctx, qi, text[span.start : span.mark_end])
        attr = after if after.entity is not None else attributor.pre_cue(ctx, qi)
        if attr.entity is None and attr.cue is None and after.cue is not None:
            attr = after  # "“…,” a Marine spokeswoman said": speech, nobody named
        if attr.entity is None and span.continued and span.run in run_speaker:
            prev = run_speaker[span.run]
            attr = Attribution(
                prev.entity,
                prev.confidence,
                prev.cue,
                prev.evidence_sentence,
                prev.named_sentence,
            )
        if attr.entity is None and _standalone(ctx):
            attr = _neighbour(attributor, ctx, neighbours, results)
        if attr.entity is None and attr.cue is None and words[:1].islower():
            attr = attributor.possessor(ctx, qi)  # Musk’s “production hell”
        if attr.entity is not None and span.run not in run_speaker:
            run_speaker[span.run] = attr
        attributor.note_quote(ctx, attr)
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


def _standalone(ctx: SentenceContext) -> bool:
    """A sentence that is only quotation (no narration words of its own)."""
    return not any(t.is_word for t in ctx.tokens)


def _neighbour(
    attributor: Attributor,
    ctx: SentenceContext,
    neighbours: tuple[SentenceContext | None, SentenceContext | None],
    results: list[tuple[Span, Attribution, QuoteKind]],
) -> Attribution:
    """A stand-alone quote sentence: the speaker of the neighbouring sentence or paragraph."""
    prev, nxt = neighbours
    paragraph = ctx.paragraph
    if prev is not None:
        for _p, sent, attr in reversed(attributor.quote_speakers):
            if sent < prev.index:
                break
            if sent == prev.index and attr.entity is not None:
                return _weaker(attr, 0.85)  # "…," he said. "More words."
        if prev.tokens and prev.tokens[-1].text == ":":
            return _weaker(attributor.pre_cue(prev, len(prev.tokens)), 0.85)  # "X said:"
        about = attributor.sentence_subject(prev)
        if about.entity is not None and not any(t.is_quote for t in prev.tokens):
            # "Durning did not need much coaxing. “I’m thankful for the invitation.”"
            return about
    if nxt is not None:
        main = nxt.main
        if main is not None and main.first == 0:
            k = main.last + 1
            if k < len(nxt.tokens) and nxt.tokens[k].lower in lx.NEXT_SENTENCE_CUES:
                return _weaker(attributor.subject_of(nxt, k), 0.75)  # "Q." Smith said …
    if prev is None:
        # A paragraph opening with a quote right after a paragraph that ended with a quote.
        for p, _sent, attr in reversed(attributor.quote_speakers):
            if p == paragraph:
                continue
            if p == paragraph - 1 and attr.entity is not None and _has_quote(results, p):
                return _weaker(attr, 0.85)
            break
        # Or right after the speaker's reported speech: "Brooks … said he obtained housing …"
        # / "“It feels good. It feels warm.”"
        report = attributor.reports.get(paragraph - 1)
        if report is not None and not _has_quote(results, paragraph - 1):
            return _weaker(report, 0.85)
        # Or after a paragraph about one person: "Laurin experienced a 40 per cent drop in
        # income …" / "“It took me two years to grieve …”" (weaker: no verb says it).
        about = attributor.paragraph_subject(paragraph - 1)
        if about is not None and not _has_quote(results, paragraph - 1):
            return about
    return NONE


def _has_quote(results: list[tuple[Span, Attribution, QuoteKind]], paragraph: int) -> bool:
    for span, _, _ in reversed(results):  # in reading order: look back only this far
        if span.paragraph <= paragraph:
            return span.paragraph == paragraph
    return False


def _weaker(attr: Attribution, factor: float) -> Attribution:
    if attr.entity is None:
        return attr
    return Attribution(
        attr.entity,
        round(attr.confidence * factor, 2),
        attr.cue,
        attr.evidence_sentence,
        attr.named_sentence,
    )


def extract_article(
    article: Article, aliases: Mapping[str, str] | None = None, min_confidence: float = 0.5
) -> ExtractedArticle:
    """The article with its quotes, its reported speech and its non-speech terms."""
    found, reports = extract_all(article, aliases, min_confidence)
    quotes = [q for q in found if not_speech_reason(q) is None]
    terms = [q for q in found if not_speech_reason(q) is not None]
    return ExtractedArticle(
        article=article, quotes=tuple(quotes), reports=tuple(reports), terms=tuple(terms)
    )


@dataclass(frozen=True)
class Extractor:
    """The one extraction seam: built once from settings, used by extract, ingest and check.

    ``aliases`` are the newsroom's manual speaker names ("Sir Keir" -> "Keir Starmer");
    attributions below ``min_confidence`` come back unattributed.
    """

    aliases: Mapping[str, str] = field(default_factory=dict)
    min_confidence: float = 0.5

    def extract(self, article: Article) -> ExtractedArticle:
        """The article with its quotes and its sentences of reported speech."""
        return extract_article(article, self.aliases, self.min_confidence)

    def quotes(self, article: Article) -> list[Quote]:
        """Only the article's quotes."""
        return list(self.extract(article).quotes)
