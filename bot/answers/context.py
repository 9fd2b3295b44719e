"""Context: a quote in its paragraph, a speaker's record (or the candidates an ambiguous name
fits), or the words in context when no quote matches."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.answers.common import clean_query, earliest_first, source_of
from bot.answers.whosaid import whosaid
from bot.models import ContextAnswer, Hit, QuoteRecord, ReportRecord, Snippet, SpeakerCandidate
from bot.search.normalize import content_terms, norm, words
from bot.search.query import SearchQuery
from bot.search.scoring import contains_words
from bot.settings import SearchSettings
from bot.store.database import Store

KWIC_CHARS = 80


def context(
    phrase: str, store: Store, cfg: SearchSettings, base_url: str | None = None
) -> ContextAnswer:
    """A quote in its paragraph; a speaker's record; or keyword-in-context snippets."""
    with store.one_connection():
        query = clean_query(phrase)
        candidates = store.speakers.speaker_candidates(query)
        if len(candidates) > 1:
            return ContextAnswer(
                query=query,
                kind="ambiguous",
                candidates=tuple(SpeakerCandidate(name=n, role=r) for n, r in candidates),
            )
        if candidates:
            return _speaker_context(query, candidates[0][0], store, cfg, base_url)
        answer = whosaid(query, store, cfg, base_url)
        best = next((h for h in answer.hits if h.verdict in ("verbatim", "close")), None)
        if best is not None and best.sources[0].quote_n is not None:
            src = best.sources[0]
            (record,) = store.quotes.quote_in_article(src.article_id, src.quote_n or 0)
            return ContextAnswer(
                query=query,
                kind="quote",
                speaker=best.speaker,
                hit=best,
                paragraphs=tuple(
                    store.articles.paragraphs_around(src.article_id, record.paragraph)
                ),
                focus_paragraph=record.paragraph,
                antecedent=record.antecedent,
            )
        snippets = _keyword_snippets(query, store, cfg, base_url)
        return ContextAnswer(
            query=query, kind="keyword" if snippets else "not_found", snippets=snippets
        )


def _hit_of(record: QuoteRecord, base_url: str | None) -> Hit:
    return Hit(
        speaker=record.speaker,
        role=record.role,
        quote=record.text,
        score=100.0,
        verdict="verbatim",
        confidence=record.confidence,
        evidence=record.evidence,
        sources=(source_of(record.article, record.n, base_url),),
    )


def _hits_once(records: Iterable[QuoteRecord], base_url: str | None) -> tuple[Hit, ...]:
    """One hit per quote (the same words by the same speaker), with every article that
    carries it, earliest first; in the order the records came."""
    grouped: dict[tuple[str, str | None], list[QuoteRecord]] = {}
    for record in records:
        grouped.setdefault((norm(record.text), record.speaker), []).append(record)
    return tuple(
        _hit_of(same[0], base_url).model_copy(
            update={"sources": earliest_first(source_of(r.article, r.n, base_url) for r in same)}
        )
        for same in grouped.values()
    )


def _reports_once(reports: Iterable[ReportRecord], base_url: str | None) -> tuple[Hit, ...]:
    """One hit per reported sentence, with every article that carries it."""
    grouped: dict[str, list[ReportRecord]] = {}
    for report in reports:
        grouped.setdefault(norm(report.text), []).append(report)
    return tuple(
        Hit(
            speaker=same[0].speaker,
            quote=same[0].text,
            score=100.0,
            verdict="paraphrase",
            sources=earliest_first(source_of(r.article, None, base_url) for r in same),
        )
        for same in grouped.values()
    )


def _speaker_context(
    query: str, speaker: str, store: Store, cfg: SearchSettings, base_url: str | None
) -> ContextAnswer:
    by = store.speakers.quotes_by_speaker(speaker, limit=cfg.max_hits * 4)
    # Someone known only from reported speech has no quotes, but a record all the same.
    reported = [] if by else store.speakers.reports_by_speaker(speaker, limit=cfg.max_hits * 2)
    name_words = words(speaker)
    surname = name_words[-1:]
    search = SearchQuery.of(speaker)
    places = [
        (p.article.id, p.idx) for p in store.articles.paragraph_candidates(search, cfg.candidates)
    ]
    seen: set[int] = set()
    about: list[QuoteRecord] = []
    for r in [
        *store.quotes.quote_candidates(search, cfg.candidates),
        *store.quotes.quotes_in_places(places),
    ]:
        if r.id in seen or r.speaker == speaker:
            continue
        seen.add(r.id)
        said = words(r.text) + words(r.evidence or "")
        if contains_words(said, name_words) or contains_words(said, surname):
            about.append(r)
    metas = [r.article for r in by] + [r.article for r in reported] + [r.article for r in about]
    articles = earliest_first(source_of(meta, None, base_url) for meta in metas)
    return ContextAnswer(
        query=query,
        kind="speaker",
        speaker=speaker,
        quotes_by=_hits_once(by, base_url),
        reported_by=_reports_once(reported, base_url),
        quotes_about=_hits_once(about, base_url)[: cfg.max_hits * 2],
        articles=articles,
    )


def _keyword_snippets(
    query: str, store: Store, cfg: SearchSettings, base_url: str | None
) -> tuple[Snippet, ...]:
    terms = content_terms(query)
    pattern = re.compile(
        r"\b" + r"\W+".join(re.escape(w) for w in words(query)) + r"\b", re.IGNORECASE
    )
    loose = re.compile("|".join(rf"\b{re.escape(t)}" for t in terms), re.IGNORECASE)
    full: list[Snippet] = []
    partial: list[Snippet] = []
    for para in store.articles.paragraph_candidates(SearchQuery.of(query), cfg.candidates):
        text = para.text.replace("’", "'")
        present = set(words(text))
        complete = all(t in present for t in terms)
        found = pattern.search(text) or loose.search(text)
        if found is None:
            continue
        snippets = full if complete else partial
        start = max(0, found.start() - KWIC_CHARS)
        end = min(len(para.text), found.end() + KWIC_CHARS)
        snippet = (
            ("…" if start else "")
            + para.text[start:end].strip()
            + ("…" if end < len(para.text) else "")
        )
        snippets.append(Snippet(text=snippet, source=source_of(para.article, None, base_url)))
    return tuple((full or partial)[: cfg.max_hits * 2])
