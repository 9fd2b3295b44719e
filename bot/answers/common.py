"""What every answer shares: the query cleaned, sources and links, the time budget (pure,
apart from the clock)."""

from __future__ import annotations

import time
from collections.abc import Iterable

from bot.errors import UsageError
from bot.links import article_path, is_web_url
from bot.models import ArticleMeta, Source
from bot.search.normalize import STOPWORDS, words
from bot.search.scoring import quick_score

MAX_QUERY_CHARS = 500
MAX_QUERY_WORDS = 80
REFINE = 40  # candidates re-scored word by word after the quick pass
QUICK_MARGIN = 10.0  # refine only candidates whose quick score is this close to the threshold


def clean_query(phrase: str) -> str:
    """The phrase without surrounding quote marks; UsageError when it cannot be searched."""
    text = " ".join(phrase.split()).strip().strip("\"'“”‘’«»").strip()
    if not text:
        raise UsageError('give a phrase to look up, e.g. whosaid "deserves to be in prison"')
    if len(text) > MAX_QUERY_CHARS or len(text.split()) > MAX_QUERY_WORDS:
        raise UsageError(
            f"that is too long to look up ({len(text):,} characters); "
            f"paste the quoted words only (up to {MAX_QUERY_CHARS} characters)"
        )
    if not words(text):
        raise UsageError("that has no words to look up; give the quoted words")
    if len(words(text)) <= 2 and all(w in STOPWORDS for w in words(text)):
        # "the", "of the": nothing to find. Longer ones are real ("to be or not to be").
        raise UsageError(f"“{text}” is too common to look up on its own; give a few more words")
    return text


def link_for(article: ArticleMeta, quote_n: int | None, base_url: str | None) -> str:
    """The article's own URL, else its page on our web process, else its id."""
    if is_web_url(article.url):
        return str(article.url)
    if base_url:
        anchor = f"#q{quote_n}" if quote_n else ""
        return f"{base_url.rstrip('/')}{article_path(article.id)}{anchor}"
    return article.id


def source_of(article: ArticleMeta, quote_n: int | None, base_url: str | None) -> Source:
    """A Source line for an article."""
    return Source(
        article_id=article.id,
        title=article.title,
        published=article.published,
        outlet=article.outlet,
        byline=article.byline,
        url=str(article.url) if is_web_url(article.url) else None,
        link=link_for(article, quote_n, base_url),
        quote_n=quote_n,
    )


def earliest_first(sources: Iterable[Source]) -> tuple[Source, ...]:
    """One source per article, earliest published first (undated last)."""
    unique = {s.article_id: s for s in sorted(sources, key=lambda s: s.quote_n or 0, reverse=True)}
    return tuple(
        sorted(
            unique.values(), key=lambda s: (s.published is None, s.published or "", s.article_id)
        )
    )


def shortlist(
    query_words: list[str], candidates: list[tuple[int, str]], floor: float, keep: int = REFINE
) -> list[int]:
    """Ids of the candidates worth refining: the best ``keep`` by quick score, above ``floor``."""
    qnorm = " ".join(query_words)
    scored = sorted(((quick_score(qnorm, text), i) for i, text in candidates), reverse=True)
    return [i for score, i in scored[:keep] if score >= floor]


class Budget:
    """An answer's time budget: searches stop at the deadline, and the answer says so."""

    def __init__(self, seconds: float) -> None:
        self.deadline = time.monotonic() + seconds
        self.cut = False  # a search step was skipped or stopped

    def left(self) -> bool:
        """Whether there is time for another search step (noting it when there is not)."""
        if time.monotonic() >= self.deadline:
            self.cut = True
        return not self.cut
