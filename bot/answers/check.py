"""Every quote of a draft or a pasted passage, checked against the archive."""

from __future__ import annotations

from bot.answers.common import MAX_QUERY_CHARS
from bot.answers.whosaid import answer_claim, answering_many
from bot.corpus.boilerplate import Furniture
from bot.corpus.formats import RawArticle, split_paragraphs
from bot.corpus.reader import build_article
from bot.errors import UsageError
from bot.models import Answer, CheckItem, CheckStatus
from bot.quotes.extract import Extractor
from bot.search.identity import same_person
from bot.search.normalize import words
from bot.settings import BoilerplateRules, SearchSettings
from bot.store.database import Store

DRAFT_FURNITURE = Furniture.from_rules(BoilerplateRules(drop_lines=[], cut_from=[]))


def passage_quotes(text: str, extractor: Extractor | None = None) -> list[tuple[str, str | None]]:
    """(words, the speaker the text gives them) of every quote of two or more words in a
    draft or a pasted passage, in order."""
    raw = RawArticle(paragraphs=split_paragraphs(text), plain=False)
    draft = build_article(raw, "draft", DRAFT_FURNITURE, "draft", "")
    return [
        (quote.text[:MAX_QUERY_CHARS], quote.speaker)
        for quote in (extractor or Extractor()).quotes(draft)
        if len(words(quote.text)) >= 2  # a one-word scare quote is not worth checking
    ]


def check_draft(
    text: str,
    store: Store,
    cfg: SearchSettings,
    base_url: str | None = None,
    extractor: Extractor | None = None,
) -> list[CheckItem]:
    """Every quoted passage of a draft, checked: verbatim, altered, wrong speaker, not on record.

    ``extractor`` is the one built from settings (the newsroom's aliases and threshold).
    """
    if not text.strip():
        raise UsageError("there is no text to check")
    items: list[CheckItem] = []
    quotes = passage_quotes(text, extractor)
    answers: dict[str, Answer] = {}  # the same words twice in a draft are looked up once
    with answering_many(store):
        for quote, _speaker in quotes:
            if quote not in answers:
                answers[quote] = answer_claim(quote, None, store, cfg, base_url)
    for quote, speaker in quotes:
        answer = answers[quote]
        hit = next((h for h in answer.hits if h.verdict in ("verbatim", "close")), None)
        if hit is None:
            items.append(CheckItem(quote=quote, draft_speaker=speaker, status="not_found"))
            continue
        status: CheckStatus = "verbatim" if hit.verdict == "verbatim" else "altered"
        if speaker and hit.speaker and not same_person(speaker, hit.speaker):
            status = "wrong_speaker"
        items.append(CheckItem(quote=quote, draft_speaker=speaker, status=status, hit=hit))
    return items
