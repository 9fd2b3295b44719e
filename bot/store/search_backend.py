"""Full-text prefilter backends. Everything else in the store is dialect-neutral SQL.

A backend indexes quote, report and paragraph text and returns a bounded list of
(id, normalised text) candidates for a query; rapidfuzz re-ranks them. Both backends share one
strategy (``TieredSearch``): the exact phrase, which ends the search when found; else rows
holding every content term, rows holding the query with one word altered, added or dropped
(how most misquotes differ), and rows holding all but one content term; a fallback only when
nothing matched (fuzzy, or for a long passage its short runs). Every tier is bounded, and none
ranks a single common term.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal, NamedTuple, Protocol

from sqlalchemy import Connection

from bot.search.normalize import is_function_word, norm
from bot.search.query import NearGroup, SearchQuery, near_pattern

Kind = Literal["quotes", "reports", "paragraphs"]
KINDS: tuple[Kind, ...] = ("quotes", "reports", "paragraphs")
POOL = 500  # unranked rows holding every content term
# "All but one term" runs one query per term. Past this many terms (a pasted paragraph, an
# 80-word query) each query is an AND of a dozen words that the full AND already missed:
# dozens of FTS queries for nothing (80 words: 300 ms at 200k quotes). Its windows, its short
# runs and the quotes-inside-the-query search still serve them.
MAX_DROP_ONE_TERMS = 12
LONG_QUERY_WORDS = 12  # past this, "one word off" looks for exact windows instead
WINDOW_WORDS = 6
RUN_WORDS = 3  # a long passage's fallback: its runs of this many words (``short_runs``)


def windows(ws: Sequence[str]) -> list[list[str]]:
    """Three runs of ``WINDOW_WORDS`` words (start, middle, end): a passage with one word
    changed holds at least two of them unchanged."""
    n = len(ws)
    starts = dict.fromkeys([0, max(0, n // 2 - WINDOW_WORDS // 2), max(0, n - WINDOW_WORDS)])
    return [list(ws[i : i + WINDOW_WORDS]) for i in starts]


Rows = list[tuple[int, str]]


def longest(terms: Sequence[str]) -> list[str]:
    """A long query's ``MAX_DROP_ONE_TERMS`` longest terms, the likeliest to be rare."""
    return sorted(terms, key=len, reverse=True)[:MAX_DROP_ONE_TERMS]


def short_runs(ws: Sequence[str]) -> list[list[str]]:
    """The passage cut into runs of ``RUN_WORDS`` words that hold two content words or more
    (a run of function words is in most of the archive)."""
    runs = [list(ws[i : i + RUN_WORDS]) for i in range(0, len(ws) - RUN_WORDS + 1, RUN_WORDS)]
    return [r for r in runs if sum(not is_function_word(w) for w in r) >= 2]


class TermsAsk(NamedTuple):
    """Rows holding every one of ``terms``: at most ``n``, best first when ``ranked``."""

    terms: tuple[str, ...]
    n: int
    ranked: bool


class SearchBackend(Protocol):
    """What the store needs from a full-text engine."""

    # Whether ``add`` needs the new rows' ids: an index kept apart from the tables does; one
    # that follows the tables (generated columns, expression indexes) does not.
    indexes_separately: bool

    def create(self, conn: Connection) -> None:
        """Create the index structures if they do not exist."""

    def upgrade(self, conn: Connection, version: int) -> None:
        """Backend-specific schema changes of migration ``version`` (most have none)."""

    def keep_current(self, conn: Connection) -> None:
        """Bring what the index takes from the code, not the schema, up to date (Postgres:
        each language pack's text-search configuration); run on every open, after the
        migrations."""

    def tidy(self, conn: Connection) -> None:
        """After a bulk load: leave the index quick to read (SQLite: its segments merged)."""

    def add(self, conn: Connection, kind: Kind, rows: Iterable[tuple[int, str]]) -> None:
        """Index (id, text) rows."""

    def remove(self, conn: Connection, kind: Kind, ids: Sequence[int]) -> None:
        """Drop rows from the index."""

    def candidates(self, conn: Connection, kind: Kind, query: SearchQuery, limit: int) -> Rows:
        """(id, normalised text) of candidate rows, most precise first, bounded."""

    def all_terms(
        self, conn: Connection, kind: Kind, terms: Sequence[str], n: int, ranked: bool
    ) -> Rows:
        """Rows holding every term (best first when ``ranked``)."""

    def phrase(self, conn: Connection, kind: Kind, words: Sequence[str], n: int) -> Rows:
        """Rows holding these words in this order."""

    def any_phrase(
        self, conn: Connection, kind: Kind, runs: Sequence[Sequence[str]], n: int
    ) -> Rows:
        """Rows holding one of these runs of words, in order (unranked)."""


class TieredSearch:
    """The shared candidate strategy; subclasses supply the engine queries."""

    def keep_current(self, conn: Connection) -> None:
        """Nothing the index takes from the code changes without a migration (Postgres's
        language configurations do: ``PostgresFTS.keep_current``)."""

    def tidy(self, conn: Connection) -> None:
        """Nothing (Postgres's GIN indexes are tidied by VACUUM: ``Store.refresh_statistics``)."""

    def all_terms(
        self, conn: Connection, kind: Kind, terms: Sequence[str], n: int, ranked: bool
    ) -> Rows:
        """Rows holding every term (best first when ``ranked``)."""
        raise NotImplementedError

    def all_terms_each(self, conn: Connection, kind: Kind, asks: Sequence[TermsAsk]) -> list[Rows]:
        """The rows of several ``all_terms`` asks, one list per ask (one after the other)."""
        return [self.all_terms(conn, kind, a.terms, a.n, a.ranked) for a in asks]

    def phrase(self, conn: Connection, kind: Kind, words: Sequence[str], n: int) -> Rows:
        """Rows holding these words in this order."""
        raise NotImplementedError

    def near(self, conn: Connection, kind: Kind, groups: Sequence[NearGroup], n: int) -> Rows:
        """Rows holding one of these near groups: the query with one word altered, added or
        dropped."""
        raise NotImplementedError

    def any_phrase(
        self, conn: Connection, kind: Kind, runs: Sequence[Sequence[str]], n: int
    ) -> Rows:
        """Rows holding one of these runs of words, in order (unranked)."""
        found: dict[int, str] = {}
        for run in runs:
            if len(found) >= n:
                break
            found.update(self.phrase(conn, kind, run, n - len(found)))
        return list(found.items())

    def fuzzy(self, conn: Connection, kind: Kind, query: SearchQuery, n: int) -> Rows:
        """A loose fallback for queries whose terms match nothing."""
        raise NotImplementedError

    def candidates(self, conn: Connection, kind: Kind, query: SearchQuery, limit: int) -> Rows:
        """Exact phrase; rows with every term and with all but one; one word off (a long
        passage: its windows); fuzzy last (a long passage: its short runs).

        No tier ranks a single common term: bm25 over a term held by a tenth of the archive
        costs more than the rest of the answer, and finds the shortest rows, not the closest.
        """
        if not query.terms:
            return []
        found: dict[int, str] = {}
        long = len(query.words) > LONG_QUERY_WORDS
        if not query.reworded and len(query.words) > 1 and not long:
            verbatim = self.phrase(conn, kind, query.words, limit * 3)
            if verbatim:
                return verbatim
        # A pasted passage is asked by its longest words, not all of them: a row holding the
        # passage holds those, and each word asked reads its list of rows (from disk, the
        # most of a long query's time). Its windows below find it word for word.
        every = TermsAsk(tuple(longest(query.terms) if long else query.terms), POOL, False)
        asks: dict[tuple[str, ...], TermsAsk] = {(): every}
        groups = query.near_groups() if not query.reworded and not long else []
        answers: dict[tuple[str, ...], Rows] = {}
        if groups and 3 <= len(query.terms) <= MAX_DROP_ONE_TERMS:
            # A row holding every term and the words one word off is as close as any row can
            # be short of verbatim: the asks for rows lacking a term, and "one word off", can
            # only find its equals. They were the tail of the curve (a query of five or six
            # common words: 10–25 ms at 1M quotes); asked first, this one ask often ends it.
            rows = self.all_terms(conn, kind, every.terms, every.n, every.ranked)
            pattern = near_pattern(groups)
            if any(pattern.search(norm(body)) for _, body in rows):
                return rows
            answers[()] = rows
        if 2 <= len(query.terms) <= MAX_DROP_ONE_TERMS and not query.only_stopwords:
            per_group = max(10, limit // len(query.terms))
            for term in query.terms:
                rest = tuple(t for t in query.terms if t != term)
                asks[(term,)] = TermsAsk(rest, per_group, ranked=len(rest) > 1)
        pending = [key for key in asks if key not in answers]
        asked = self.all_terms_each(conn, kind, [asks[key] for key in pending])
        answers.update(zip(pending, asked, strict=True))
        for rows in answers.values():
            found.update(rows)
        if not query.reworded and long:
            # A pasted passage with a word or two changed still holds one of these windows
            # word for word; "one word off" over the whole passage would be a query of
            # dozens of 80-word alternatives (2.5 s on Postgres at 200k quotes).
            for window in windows(query.words):
                found.update(self.phrase(conn, kind, window, limit))
        elif not query.reworded and len(query.words) > 2:
            complete = {key for key, rows in answers.items() if len(rows) < asks[key].n}
            groups = [g for g in groups if _covering_ask(g, query) not in complete]
            if groups:
                found.update(self.near(conn, kind, groups, limit))
        if not found and not query.reworded and long:
            # A passage changed all through (no window whole, a long word changed) still holds
            # short runs of its words: asked as phrases, they read a few pages of each list,
            # where ranking the rows that hold any of its longest words read them all and
            # looked up every such row's length (bm25): most of a long query's time from disk.
            found.update(self.any_phrase(conn, kind, short_runs(query.words), limit))
        elif not found and not query.reworded:
            found.update(self.fuzzy(conn, kind, query, limit))
        return list(found.items())  # bounded: POOL + limit + one group per term


def _covering_ask(group: NearGroup, query: SearchQuery) -> tuple[str, ...]:
    """The AND ask that every row holding this near group matches: all the terms, or all but
    the term the group leaves out. When that ask came back complete (fewer rows than it
    asked for), its rows hold every such row already and the index need not be asked again:
    "one word off" was the costliest tier (20–80 ms at 1M quotes), and is mostly spared."""
    if group.left_out is None or group.left_out not in query.terms:
        return ()
    return (group.left_out,)


def backend_for(dialect: str) -> SearchBackend:
    """The search backend for a SQLAlchemy dialect name (each in its own module, which
    subclasses ``TieredSearch``: imported here, when asked for)."""
    if dialect == "sqlite":
        from bot.store.search_sqlite import SQLiteFTS

        return SQLiteFTS()
    if dialect == "postgresql":
        from bot.store.search_postgres import PostgresFTS

        return PostgresFTS()
    raise NotImplementedError(f"no search backend for {dialect!r}")
