"""Full-text prefilter backends. Everything else in the store is dialect-neutral SQL.

A backend indexes quote, report and paragraph text and returns a bounded list of
(id, normalised text) candidates for a query; rapidfuzz re-ranks them. Both backends share one
strategy (``TieredSearch``): the exact phrase, which ends the search when found; else rows
holding every content term, rows holding the query with one word altered, added or dropped
(how most misquotes differ), and rows holding all but one content term; a fuzzy fallback only
when nothing matched. Every tier is bounded, and none ranks a single common term.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import Literal, NamedTuple, Protocol

from sqlalchemy import Connection, text

from bot.search.normalize import STOPWORDS, is_function_word, norm
from bot.search.query import NearGroup, SearchQuery, near_pattern
from bot.store import text_search as ts

Kind = Literal["quotes", "reports", "paragraphs"]
KINDS: tuple[Kind, ...] = ("quotes", "reports", "paragraphs")
POOL = 500  # unranked rows holding every content term
# "All but one term" runs one query per term. Past this many terms (a pasted paragraph, an
# 80-word query) each query is an AND of a dozen words that the full AND already missed:
# dozens of FTS queries for nothing (80 words: 300 ms at 200k quotes). The fuzzy OR tier and
# the quotes-inside-the-query search still serve them.
MAX_DROP_ONE_TERMS = 12
LONG_QUERY_WORDS = 12  # past this, "one word off" looks for exact windows instead
WINDOW_WORDS = 6
# "One word off" checks on the text the rows its anchors find (see SQLiteFTS.near), up to
# this many; past it (every content word common), FTS5 is asked for the exact groups.
NEAR_SUPERSET = 1_000
# Postgres ranks at most this many matches of an AND query (in index order: ts_rank over 2,000
# rows took 15 ms); SQLite keeps the shortest of this many (reading a row's text from FTS5
# costs about 6 µs).
RANK_POOL = 500
SQLITE_RANK_POOL = 500
APOSTROPHE = re.compile("['’]")


def windows(ws: Sequence[str]) -> list[list[str]]:
    """Three runs of ``WINDOW_WORDS`` words (start, middle, end): a passage with one word
    changed holds at least two of them unchanged."""
    n = len(ws)
    starts = dict.fromkeys([0, max(0, n // 2 - WINDOW_WORDS // 2), max(0, n - WINDOW_WORDS)])
    return [list(ws[i : i + WINDOW_WORDS]) for i in starts]


Rows = list[tuple[int, str]]


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
        """Exact phrase; rows with every term and with all but one; one word off; fuzzy last.

        No tier ranks a single common term: bm25 over a term held by a tenth of the archive
        costs more than the rest of the answer, and finds the shortest rows, not the closest.
        """
        if not query.terms:
            return []
        found: dict[int, str] = {}
        if not query.reworded and len(query.words) > 1:
            verbatim = self.phrase(conn, kind, query.words, limit * 3)
            if verbatim:
                return verbatim
        every = TermsAsk(tuple(query.terms), POOL, False)
        asks: dict[tuple[str, ...], TermsAsk] = {(): every}
        long = len(query.words) > LONG_QUERY_WORDS
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
        if not found and not query.reworded:
            loose = query
            if long:  # ranking rows that hold any of 60 terms is most of the archive
                longest = sorted(query.terms, key=len, reverse=True)[:MAX_DROP_ONE_TERMS]
                loose = SearchQuery(query.words, longest)
            found.update(self.fuzzy(conn, kind, loose, limit))
        return list(found.items())  # bounded: POOL + limit + one group per term


def _covering_ask(group: NearGroup, query: SearchQuery) -> tuple[str, ...]:
    """The AND ask that every row holding this near group matches: all the terms, or all but
    the term the group leaves out. When that ask came back complete (fewer rows than it
    asked for), its rows hold every such row already and the index need not be asked again:
    "one word off" was the costliest tier (20–80 ms at 1M quotes), and is mostly spared."""
    if group.left_out is None or group.left_out not in query.terms:
        return ()
    return (group.left_out,)


def _anchor(before: Sequence[str], after: Sequence[str]) -> str | None:
    """An FTS5 query that every row holding this near group matches, cheap to answer: its
    content words near each other (function words and the gap between them), or, with one
    content word, that word and the words beside it in its run, as a phrase (the word alone
    may be in a tenth of the archive; "and notutena" is in a few hundred rows). None when the
    group has no content word, or one with nothing beside it."""
    content = [w for w in [*before, *after] if not is_function_word(w)]
    if len(content) >= 2:
        # FTS5 counts every token between the first word and the last, the other content
        # words too; "it's" and "don't" are two tokens each. The slack errs wide (every token
        # of the group, and the one of the gap): the check on the text is exact.
        tokens = sum(len(APOSTROPHE.split(w)) for w in [*before, *after])
        return f"NEAR({' '.join(_fts_phrase([w]) for w in content)}, {tokens + 1})"
    if not content:
        return None
    run = list(before) if content[0] in before else list(after)
    i = run.index(content[0])
    window = run[max(0, i - 1) : i + 2]
    return _fts_phrase(window) if len(window) > 1 else None


def _near_group(before: Sequence[str], after: Sequence[str]) -> str:
    """An FTS5 query for ``before`` and ``after`` at most one token apart."""
    parts = " ".join(_fts_phrase(p) for p in (before, after) if p)
    return f"NEAR({parts}, 1)" if before and after else parts


def _fts_phrase(words: Sequence[str]) -> str:
    """An FTS5 phrase (one word is a one-word phrase), quotes doubled."""
    return '"' + " ".join(w.replace('"', '""') for w in words) + '"'


class SQLiteFTS(TieredSearch):
    """SQLite FTS5 tables ``<kind>_fts`` (Porter stemming) whose rowid is the row's id."""

    indexes_separately = True

    def create(self, conn: Connection) -> None:
        """Create the FTS5 tables."""
        for kind in KINDS:
            conn.execute(
                text(
                    f"CREATE VIRTUAL TABLE IF NOT EXISTS {kind}_fts USING fts5("
                    "body, tokenize='porter unicode61 remove_diacritics 2')"
                )
            )

    def upgrade(self, conn: Connection, version: int) -> None:
        """No SQLite migration touches the FTS5 tables yet."""

    def add(self, conn: Connection, kind: Kind, rows: Iterable[tuple[int, str]]) -> None:
        """Index rows."""
        params = [{"id": i, "body": b} for i, b in rows]
        if params:
            conn.execute(text(f"INSERT INTO {kind}_fts(rowid, body) VALUES (:id, :body)"), params)

    def remove(self, conn: Connection, kind: Kind, ids: Sequence[int]) -> None:
        """Delete rows from the index."""
        if ids:
            conn.execute(
                text(f"DELETE FROM {kind}_fts WHERE rowid = :id"), [{"id": i} for i in ids]
            )

    def _match(
        self, conn: Connection, kind: Kind, match: str, n: int, ranked: bool = False
    ) -> Rows:
        order = "ORDER BY rank" if ranked else ""
        sql = text(f"SELECT rowid, body FROM {kind}_fts WHERE {kind}_fts MATCH :q {order} LIMIT :n")
        return [(int(r[0]), str(r[1])) for r in conn.execute(sql, {"q": match, "n": n})]

    def all_terms(
        self, conn: Connection, kind: Kind, terms: Sequence[str], n: int, ranked: bool
    ) -> Rows:
        """FTS5 AND query; ranked, the shortest of the first SQLITE_RANK_POOL matches, not
        FTS5's bm25: bm25 counts the rows holding each term, reading the whole doclist of a
        common one (13–20 ms at 1M quotes for two common words), and among rows holding the
        same terms it mostly prefers the shorter ones anyway. (One statement: when every match
        fits in ``n``, ordering them costs no more than fetching them.)"""
        match = " AND ".join(_fts_phrase([t]) for t in terms)
        if not ranked:
            return self._match(conn, kind, match, n)
        sql = text(
            f"SELECT rowid, body FROM (SELECT rowid, body FROM {kind}_fts WHERE {kind}_fts "
            "MATCH :q LIMIT :pool) ORDER BY length(body), rowid LIMIT :n"
        )
        rows = conn.execute(sql, {"q": match, "pool": SQLITE_RANK_POOL, "n": n})
        return [(int(r[0]), str(r[1])) for r in rows]

    def phrase(self, conn: Connection, kind: Kind, words: Sequence[str], n: int) -> Rows:
        """FTS5 phrase query."""
        return self._match(conn, kind, _fts_phrase(words), n)

    def any_phrase(
        self, conn: Connection, kind: Kind, runs: Sequence[Sequence[str]], n: int
    ) -> Rows:
        """One FTS5 query of phrases joined by OR."""
        if not runs:
            return []
        return self._match(conn, kind, " OR ".join(_fts_phrase(r) for r in runs), n)

    def near(self, conn: Connection, kind: Kind, groups: Sequence[NearGroup], n: int) -> Rows:
        """Rows holding the words either side of each word or gap, at most one word apart.

        Asked of FTS5 as they stand, these groups read the whole position list of every
        function word in each of them ("the" is in most rows: 80 ms a query at 1M quotes).
        So the index is asked for one anchor per group (see ``_anchor``), which the groups'
        records all hold, and the groups are checked on the rows it returns. Only groups with
        no anchor (function words and one common word at most), or anchors that find more
        than NEAR_SUPERSET rows, are asked as they stand."""
        anchors: dict[str, None] = {}
        exact: list[str] = []
        for before, after, _ in groups:
            anchor = _anchor(before, after)
            if anchor is None:
                exact.append(_near_group(before, after))
            else:
                anchors[anchor] = None
        found: Rows = []
        if anchors:
            rows = self._match(conn, kind, " OR ".join(anchors), NEAR_SUPERSET + 1)
            if len(rows) > NEAR_SUPERSET:
                every = " OR ".join(_near_group(g.before, g.after) for g in groups)
                return self._match(conn, kind, every, n)
            pattern = near_pattern(groups)
            found = [(i, body) for i, body in rows if pattern.search(norm(body))][:n]
        if exact and len(found) < n:
            found += self._match(conn, kind, " OR ".join(exact), n - len(found))
        return found

    def fuzzy(self, conn: Connection, kind: Kind, query: SearchQuery, n: int) -> Rows:
        """FTS5 OR query ranked by bm25."""
        if len(query.terms) < 2:
            return []
        return self._match(conn, kind, " OR ".join(_fts_phrase([t]) for t in query.terms), n, True)


# Postgres: the text column each kind is searched on (quotes and reports: the normalised text).
PG_COLUMNS: dict[Kind, tuple[str, str]] = {
    "quotes": ("quotes", "norm"),
    "reports": ("reports", "norm"),
    "paragraphs": ("paragraphs", "text"),
}


class PostgresFTS(TieredSearch):
    """Postgres full-text search on stored tsvector columns (GIN), each row's in its own
    language's configuration (``text_search``), with pg_trgm for phrases of function words
    only and for the fuzzy fallback."""

    indexes_separately = False

    def create(self, conn: Connection) -> None:
        """Version 1: the pg_trgm extension and expression GIN indexes (superseded by v2)."""
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
        for kind, (table, column) in PG_COLUMNS.items():
            conn.execute(
                text(
                    f"CREATE INDEX IF NOT EXISTS ix_{kind}_tsv ON {table} "
                    f"USING GIN (to_tsvector('english', {column}))"
                )
            )
            conn.execute(
                text(
                    f"CREATE INDEX IF NOT EXISTS ix_{kind}_trgm ON {table} "
                    f"USING GIN ({column} gin_trgm_ops)"
                )
            )

    def upgrade(self, conn: Connection, version: int) -> None:
        """Version 2: a stored ``tsv`` column per table, so neither the index recheck nor
        ranking recomputes ``to_tsvector`` for every matching row. Version 9: word pairs.
        Version 10: ``tsv`` in the row's language's configuration."""
        if version == 9:
            self._add_pairs(conn)
        if version == 10:
            self._index_by_language(conn)
        if version != 2:
            return
        for kind, (table, column) in PG_COLUMNS.items():
            conn.execute(
                text(
                    f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS tsv tsvector "
                    f"GENERATED ALWAYS AS (to_tsvector('english', {column})) STORED"
                )
            )
            conn.execute(
                text(f"CREATE INDEX IF NOT EXISTS ix_{kind}_tsv2 ON {table} USING GIN (tsv)")
            )
            conn.execute(text(f"DROP INDEX IF EXISTS ix_{kind}_tsv"))

    @staticmethod
    def _index_by_language(conn: Connection) -> None:
        """``tsv`` rebuilt from the row's ``lang``: German rows stemmed and stopped as German.
        (The column is dropped and added again: a generated column's expression cannot be
        altered in place before Postgres 17; the table is rewritten once.)"""
        conn.execute(text(ts.config_function_sql()))
        for kind, (table, column) in PG_COLUMNS.items():
            conn.execute(text(f"ALTER TABLE {table} DROP COLUMN IF EXISTS tsv"))  # and its index
            conn.execute(
                text(
                    f"ALTER TABLE {table} ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
                    f"(to_tsvector(quotebot_tsconfig(lang), {column})) STORED"
                )
            )
            conn.execute(
                text(f"CREATE INDEX IF NOT EXISTS ix_{kind}_tsv2 ON {table} USING GIN (tsv)")
            )

    @staticmethod
    def _add_pairs(conn: Connection) -> None:
        """A stored ``pairs`` column (GIN) on quotes and reports: each two adjacent words of
        which one is a function word ("by vusi", "vusi in").

        The english configuration drops function words, so a phrase such as "by vusi in with"
        is the tsquery "vusi", and every row holding that word had to be read and checked on
        its text (90 ms for a word in 18,000 of 1M quotes). The pairs find those rows through
        the index. (Hand-written because no extension does it: pg_trgm's trigrams of function
        words are in most rows.)"""
        stop = ",".join(f"'{w}'" for w in sorted(PG_UNINDEXED))  # [a-z] words: no quoting
        # PL/pgSQL: a loop costs 6 µs a row where the same in SQL (generate_series and
        # array_agg) cost 16 µs, and it runs for every quote and report written.
        conn.execute(
            text(
                "CREATE OR REPLACE FUNCTION quotebot_pairs(t text) RETURNS text[] "
                "LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$ "
                f"DECLARE w text[] := string_to_array(t, ' '); stop text[] := ARRAY[{stop}]; "
                "pairs text[] := '{}'; left_fn boolean; right_fn boolean; "
                "BEGIN "
                "IF cardinality(w) < 2 THEN RETURN pairs; END IF; "
                "right_fn := w[1] = ANY(stop); "
                "FOR i IN 1 .. cardinality(w) - 1 LOOP "
                "left_fn := right_fn; right_fn := w[i + 1] = ANY(stop); "
                "IF left_fn OR right_fn THEN pairs := pairs || (w[i] || ' ' || w[i + 1]); END IF; "
                "END LOOP; "
                "RETURN pairs; "
                "END $$"
            )
        )
        for kind in PAIRED:
            table, column = PG_COLUMNS[kind]
            conn.execute(
                text(
                    f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS pairs text[] "
                    f"GENERATED ALWAYS AS (quotebot_pairs({column})) STORED"
                )
            )
            conn.execute(
                text(f"CREATE INDEX IF NOT EXISTS ix_{kind}_pairs ON {table} USING GIN (pairs)")
            )

    def add(self, conn: Connection, kind: Kind, rows: Iterable[tuple[int, str]]) -> None:
        """Nothing to do: the columns and indexes follow the tables."""

    def remove(self, conn: Connection, kind: Kind, ids: Sequence[int]) -> None:
        """Nothing to do: the columns and indexes follow the tables."""

    def _rows(self, conn: Connection, kind: Kind, where: str, params: dict[str, object]) -> Rows:
        table, column = PG_COLUMNS[kind]
        sql = text(f"SELECT id, {column} FROM {table} {where}")
        rows = conn.execute(sql, params)
        return [(int(r[0]), str(r[1]) if kind != "paragraphs" else "") for r in rows]

    def all_terms(
        self, conn: Connection, kind: Kind, terms: Sequence[str], n: int, ranked: bool
    ) -> Rows:
        """A tsquery AND match; ranked, by ts_rank over the first RANK_POOL matches only:
        ts_rank over every row holding a common word took 1.7 s at 1M quotes. (When every
        match fits in ``n``, ranking them costs no more than fetching them.)"""
        return self.all_terms_each(conn, kind, [TermsAsk(tuple(terms), n, ranked)])[0]

    def all_terms_each(self, conn: Connection, kind: Kind, asks: Sequence[TermsAsk]) -> list[Rows]:
        """Every ask in one statement (UNION ALL): "every term" and each "all but one" were a
        round trip each, about half a millisecond apiece before any work."""
        table, column = PG_COLUMNS[kind]
        parts: list[str] = []
        params: dict[str, object] = {"pool": RANK_POOL}
        for i, ask in enumerate(asks):
            params[f"q{i}"], params[f"n{i}"] = " ".join(ask.terms), ask.n
            queries, names = ts.per_config("plainto_tsquery", f"q{i}", f"q{i}")
            matches = f"FROM {table}, {queries} WHERE {ts.matches(names)}"
            if ask.ranked:
                parts.append(
                    f"(SELECT {i} AS ask, id, {column} FROM (SELECT id, {column}, "
                    f"{ts.rank(names)} AS r {matches} LIMIT :pool) pool "
                    f"ORDER BY r DESC, id LIMIT :n{i})"
                )
            else:
                parts.append(f"(SELECT {i} AS ask, id, {column} {matches} LIMIT :n{i})")
        answers: list[Rows] = [[] for _ in asks]
        for ask, row_id, body in conn.execute(text(" UNION ALL ".join(parts)), params):
            answers[ask].append((int(row_id), str(body) if kind != "paragraphs" else ""))
        return answers

    def phrase(self, conn: Connection, kind: Kind, words: Sequence[str], n: int) -> Rows:
        """A tsquery phrase match; a phrase of function words only (which the english
        configuration does not index) through the trigram index instead.

        Quotes and reports are checked word for word on their normalised text in the same
        statement: the tsquery keeps only the phrase's indexed words ("by vusi in with" is
        "vusi"), so its first ``n`` rows could all be other lines holding that one word, and
        the line that holds the phrase never among them."""
        phrase = " ".join(words)
        params: dict[str, object] = {"q": phrase, "n": n, "exact": f"% {phrase} %"}
        if kind not in PAIRED:
            if all(w in STOPWORDS for w in words):
                return []
            where = f"WHERE tsv @@ {ts.any_config('phraseto_tsquery', 'q')} LIMIT :n"
            return self._rows(conn, kind, where, params)
        _, column = PG_COLUMNS[kind]
        exact = f"(' ' || {column} || ' ') LIKE :exact"
        pairs = _pairs(words)
        if sum(w not in PG_UNINDEXED for w in words) < 2 and pairs:
            # One indexed word or none: its function words' pairs find the rows.
            where = f"WHERE pairs @> :pairs AND {exact} LIMIT :n"
            params["pairs"] = pairs
        else:
            where = f"WHERE tsv @@ {ts.any_config('phraseto_tsquery', 'q')} AND {exact} LIMIT :n"
        return self._rows(conn, kind, where, params)

    def any_phrase(
        self, conn: Connection, kind: Kind, runs: Sequence[Sequence[str]], n: int
    ) -> Rows:
        """Paragraphs: one tsquery of phrase alternatives (one index scan); quotes and
        reports, whose phrases are checked on their text too, one phrase at a time."""
        if kind in PAIRED:
            return super().any_phrase(conn, kind, runs, n)
        indexed = [" ".join(r) for r in runs if not all(w in STOPWORDS for w in r)]
        if not indexed:
            return []
        params: dict[str, object] = {f"v{i}": phrase for i, phrase in enumerate(indexed)}
        any_run = " || ".join(
            ts.any_config("phraseto_tsquery", f"v{i}") for i in range(len(indexed))
        )
        return self._rows(conn, kind, f"WHERE tsv @@ ({any_run}) LIMIT :n", {**params, "n": n})

    def near(self, conn: Connection, kind: Kind, groups: Sequence[NearGroup], n: int) -> Rows:
        """Phrases with the altered word's place kept (by a stopword, which the english
        configuration counts as a position) or closed up: one tsquery of alternatives.

        A variant left with one indexed word ("vetevo in and at") would match every row
        holding that word, so its function words are checked on the text instead."""
        phrases: list[str] = []
        # LIKE pattern -> (the one content word it needs, the function-word pairs it holds)
        spans: dict[str, tuple[str | None, list[str]]] = {}
        for before, after, _ in groups:
            content = [w for w in [*before, *after] if w not in STOPWORDS]
            pairs = [*_pairs(before), *_pairs(after)]
            if len(content) <= 1 and kind in PAIRED and (content or pairs):
                pattern = "%" + "%".join(" ".join(p) for p in (before, after) if p) + "%"
                spans[pattern] = (content[0] if content else None, pairs)
            for gap in (["the"], []):
                ws = [*before, *gap, *after]
                if sum(w not in STOPWORDS for w in ws) >= 2:
                    phrases.append(" ".join(ws))
        params: dict[str, object] = {"n": n}
        tests: list[str] = []
        # One tsquery of every variant (OR): one index scan reads each word's entries once,
        # where a scan per variant read them once per variant (1.5 ms each for common words).
        # Function words at either end are dropped by Postgres anyway: trimmed, many variants
        # are the same query.
        variants = list(dict.fromkeys(_trim_unindexed(p) for p in phrases))
        for i, phrase in enumerate(variants):
            params[f"v{i}"] = phrase
        if variants:
            any_variant = " || ".join(
                ts.any_config("phraseto_tsquery", f"v{i}") for i in range(len(variants))
            )
            tests.append(f"tsv @@ ({any_variant})")
        _, column = PG_COLUMNS[kind]
        for i, (pattern, (word, pairs)) in enumerate(spans.items()):
            params[f"p{i}"] = pattern
            # "|| ''" keeps the planner off the trigram index: the trigrams of
            # "%this%remaku%" are in most rows (11 ms a span).
            found_by = []
            if word is not None:
                params[f"w{i}"] = word
                found_by.append(f"tsv @@ {ts.any_config('plainto_tsquery', f'w{i}')}")
            if pairs:  # far fewer rows than the word's ("the lisuvi" against "lisuvi")
                params[f"s{i}"] = pairs
                found_by.append(f"pairs @> :s{i}")
            tests.append(f"({' AND '.join(found_by)} AND ({column} || '') LIKE :p{i})")
        if not tests:
            return []
        return self._rows(conn, kind, f"WHERE {' OR '.join(tests)} LIMIT :n", params)

    def fuzzy(self, conn: Connection, kind: Kind, query: SearchQuery, n: int) -> Rows:
        """Any term, ranked (as SQLite's OR); for a single term, trigram word similarity
        (pg_trgm), which finds a misspelled word that no full-text term matches."""
        _, column = PG_COLUMNS[kind]
        if len(query.terms) >= 2:
            # Several words of which none is indexed anywhere: nothing is close, and a trigram
            # scan of the whole table would only say so slowly.
            params: dict[str, object] = {f"t{i}": t for i, t in enumerate(query.terms)}
            # Per configuration, any term: one query a language, each row ranked on its own.
            names = [f"tq.q{c}" for c in range(len(ts.distinct_configs()))]
            per_language = ", ".join(
                " || ".join(f"plainto_tsquery('{config}', :t{i})" for i in range(len(query.terms)))
                + f" AS q{c}"
                for c, config in enumerate(ts.distinct_configs())
            )
            where = (
                f", (SELECT {per_language}) tq WHERE {ts.matches(names)} "
                f"ORDER BY {ts.rank(names)} DESC, id LIMIT :n"
            )
            return self._rows(conn, kind, where, {**params, "n": n})
        where = f"WHERE :q <% {column} ORDER BY word_similarity(:q, {column}) DESC, id LIMIT :n"
        return self._rows(conn, kind, where, {"q": " ".join(query.words), "n": n})


# Function words the english configuration does not index (it keeps these modals).
PG_UNINDEXED = STOPWORDS - {"could", "may", "might", "must", "would"}


# The kinds with a ``pairs`` column (schema v9); paragraphs keep their raw text, unpaired.
PAIRED: tuple[Kind, ...] = ("quotes", "reports")


def _pairs(words: Sequence[str]) -> list[str]:
    """The adjacent word pairs of a run of which one word is unindexed (``quotebot_pairs``)."""
    pairs = (f"{a} {b}" for a, b in pairwise(words) if a in PG_UNINDEXED or b in PG_UNINDEXED)
    return list(dict.fromkeys(pairs))


def _trim_unindexed(phrase: str) -> str:
    """The phrase without the unindexed function words at either end (the same tsquery)."""
    ws = phrase.split()
    while ws and ws[0] in PG_UNINDEXED:
        ws.pop(0)
    while ws and ws[-1] in PG_UNINDEXED:
        ws.pop()
    return " ".join(ws)


def backend_for(dialect: str) -> SearchBackend:
    """The search backend for a SQLAlchemy dialect name."""
    if dialect == "sqlite":
        return SQLiteFTS()
    if dialect == "postgresql":
        return PostgresFTS()
    raise NotImplementedError(f"no search backend for {dialect!r}")
