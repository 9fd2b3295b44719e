"""Postgres's full-text search: stored tsvector columns (GIN) in each row's language, word
pairs (``bot.store.word_pairs``) and pg_trgm, behind the shared tiers."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, select, text

from bot.search.normalize import STOPWORDS
from bot.search.query import NearGroup, SearchQuery
from bot.store import schema as s
from bot.store import text_search as ts
from bot.store.dialects import insert_for
from bot.store.search_backend import Kind, Rows, TermsAsk, TieredSearch
from bot.store.word_pairs import PAIRED, PG_UNINDEXED, word_pairs

# Postgres ranks at most this many matches of an AND query (in index order: ts_rank over 2,000
# rows took 15 ms).
RANK_POOL = 500


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

    def keep_current(self, conn: Connection) -> None:
        """A language pack added or given another configuration since the archive last
        opened: ``quotebot_tsconfig`` is made again and that language's rows are touched, which
        re-indexes them (a generated column is recomputed when its row is updated, never when
        a function it calls changes). So adding a language is adding its folder."""
        current = json.dumps(ts.configurations(), sort_keys=True)
        recorded = conn.execute(
            select(s.meta.c.value).where(s.meta.c.key == ts.META_KEY)
        ).scalar_one_or_none()
        if recorded == current:
            return
        if recorded is not None:  # None: the archive was indexed by this mapping (version 10)
            conn.execute(text(ts.config_function_sql()))
            before: dict[str, str] = json.loads(recorded)
            changed = sorted(
                code for code, config in ts.configurations().items() if before.get(code) != config
            )
            for code in changed:
                for table, _ in PG_COLUMNS.values():
                    conn.execute(
                        text(f"UPDATE {table} SET lang = lang WHERE lang = :code"), {"code": code}
                    )
        row = insert_for(conn)(s.meta).values(key=ts.META_KEY, value=current)
        conn.execute(row.on_conflict_do_update(index_elements=["key"], set_={"value": current}))

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
        pairs = word_pairs(words)
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
            pairs = [*word_pairs(before), *word_pairs(after)]
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


def _trim_unindexed(phrase: str) -> str:
    """The phrase without the unindexed function words at either end (the same tsquery)."""
    ws = phrase.split()
    while ws and ws[0] in PG_UNINDEXED:
        ws.pop(0)
    while ws and ws[-1] in PG_UNINDEXED:
        ws.pop()
    return " ".join(ws)
