"""SQLite's full-text search: FTS5 tables of the text (Porter stemming) and, for quotes and
reports, of their word pairs (``bot.store.word_pairs``), behind the shared tiers."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, text

from bot.search.normalize import is_function_word, norm
from bot.search.query import NearGroup, SearchQuery, near_pattern
from bot.store.search_backend import KINDS, Kind, Rows, TieredSearch
from bot.store.word_pairs import APOSTROPHE, PAIRED, pair_tokens

# "One word off" checks on the text the rows its anchors find (see SQLiteFTS.near), up to
# this many; past it (every content word common), each group is asked through its word pairs
# or, failing that, as it stands.
NEAR_SUPERSET = 1_000
# A group of function words is checked on the rows its word pairs find only when they are
# this few: reading a row's text costs about 6 µs (2.4 ms for 400), where FTS5's own NEAR
# query over the groups of a common pair's words took 17–25 ms at 1M quotes.
PAIRS_SUPERSET = 400
# FTS5 keeps an index as segments that it merges a few at a time (``automerge``): after a bulk
# load a common word's list is spread over a dozen or more, and every AND, phrase or NEAR query
# reads each of them. Past this many, ``tidy`` merges them into one.
MOST_SEGMENTS = 8
# SQLite keeps the shortest of this many matches of a ranked AND query (reading a row's text
# from FTS5 costs about 6 µs).
SQLITE_RANK_POOL = 500


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
        """Version 11: the word pairs of quotes and reports (``<kind>_pairs``)."""
        if version != 11:
            return
        for kind in PAIRED:
            conn.execute(
                text(
                    f"CREATE VIRTUAL TABLE IF NOT EXISTS {kind}_pairs USING fts5(body, "
                    "tokenize=\"unicode61 remove_diacritics 2 tokenchars '_'\", "
                    "detail=none, columnsize=0)"
                )
            )
            # The rows archived before: their pairs from the text FTS5 already holds.
            last = -1
            while True:
                batch = conn.execute(
                    text(
                        f"SELECT rowid, body FROM {kind}_fts WHERE rowid > :last "
                        "ORDER BY rowid LIMIT 5000"
                    ),
                    {"last": last},
                ).all()
                if not batch:
                    break
                self._add_pairs(conn, kind, [(int(r[0]), str(r[1])) for r in batch])
                last = int(batch[-1][0])

    def tidy(self, conn: Connection) -> None:
        """Merge each full-text table's segments into one (FTS5's ``optimize``) when a bulk
        load left more than MOST_SEGMENTS: its cost is a rewrite of the table's index, paid
        once per bulk load, where the segments cost every query."""
        for table in self._tables():
            segments = conn.execute(text(f"SELECT count(DISTINCT segid) FROM {table}_idx"))
            if int(segments.scalar_one()) > MOST_SEGMENTS:
                conn.execute(text(f"INSERT INTO {table}({table}) VALUES ('optimize')"))

    @staticmethod
    def _tables() -> list[str]:
        """The FTS5 tables: each kind's text, and the word pairs of quotes and reports."""
        return [f"{kind}_fts" for kind in KINDS] + [f"{kind}_pairs" for kind in PAIRED]

    def add(self, conn: Connection, kind: Kind, rows: Iterable[tuple[int, str]]) -> None:
        """Index rows (quotes and reports: their word pairs too)."""
        rows = list(rows)
        params = [{"id": i, "body": b} for i, b in rows]
        if params:
            conn.execute(text(f"INSERT INTO {kind}_fts(rowid, body) VALUES (:id, :body)"), params)
            if kind in PAIRED:
                self._add_pairs(conn, kind, rows)

    @staticmethod
    def _add_pairs(conn: Connection, kind: Kind, rows: Sequence[tuple[int, str]]) -> None:
        params = [{"id": i, "body": " ".join(pair_tokens(b.split()))} for i, b in rows]
        conn.execute(text(f"INSERT INTO {kind}_pairs(rowid, body) VALUES (:id, :body)"), params)

    def remove(self, conn: Connection, kind: Kind, ids: Sequence[int]) -> None:
        """Delete rows from the index."""
        if ids:
            params = [{"id": i} for i in ids]
            conn.execute(text(f"DELETE FROM {kind}_fts WHERE rowid = :id"), params)
            if kind in PAIRED:
                conn.execute(text(f"DELETE FROM {kind}_pairs WHERE rowid = :id"), params)

    def _paired_ids(self, conn: Connection, kind: Kind, tokens: Sequence[str]) -> list[int] | None:
        """The ids of the rows holding every one of these word pairs, or None when there are
        more than PAIRS_SUPERSET (read from the pairs alone, their bodies not yet)."""
        match = " AND ".join(_fts_phrase([t]) for t in tokens)
        sql = text(f"SELECT rowid FROM {kind}_pairs WHERE {kind}_pairs MATCH :q LIMIT :n")
        ids = [int(r[0]) for r in conn.execute(sql, {"q": match, "n": PAIRS_SUPERSET + 1})]
        return ids if len(ids) <= PAIRS_SUPERSET else None

    @staticmethod
    def _bodies(conn: Connection, kind: Kind, ids: Sequence[int]) -> Rows:
        """The indexed (normalised) text of these rows."""
        if not ids:
            return []
        sql = text(f"SELECT rowid, body FROM {kind}_fts WHERE rowid IN ({','.join(map(str, ids))})")
        return [(int(r[0]), str(r[1])) for r in conn.execute(sql)]

    def _paired(
        self, conn: Connection, kind: Kind, tokens: Sequence[str], n: int, exact: str
    ) -> Rows:
        """Rows holding every one of these word pairs and ``exact``, a run of words: the rows a
        run of common words is in, read through the pairs' short lists instead of each common
        word's long one."""
        match = " AND ".join(_fts_phrase([t]) for t in tokens)
        sql = text(
            f"SELECT f.rowid, f.body FROM {kind}_pairs p JOIN {kind}_fts f ON f.rowid = p.rowid "
            f"WHERE {kind}_pairs MATCH :pairs AND (' ' || f.body || ' ') LIKE :exact LIMIT :n"
        )
        rows = conn.execute(sql, {"pairs": match, "n": n, "exact": f"% {exact} %"})
        return [(int(r[0]), str(r[1])) for r in rows]

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
        """FTS5 phrase query; a phrase of one content word or none ("by at for"), through
        its word pairs first (an FTS5 phrase reads every common word's position list: 31 of
        40 ms of the slowest answers at 4M quotes), checked word for word on the text."""
        tokens = pair_tokens(words)
        content = sum(not is_function_word(w) for w in words)
        if kind in PAIRED and tokens and content < 2:
            rows = self._paired(conn, kind, tokens, n, " ".join(words))
            if rows or not content:
                return rows
            # The pairs are the words as written; FTS5 stems them ("its" finds "it"): a
            # phrase with a content word, whose rows FTS5 reads quickly, is asked again.
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
        unanchored: list[NearGroup] = []
        for group in groups:
            anchor = _anchor(group.before, group.after)
            if anchor is None:
                unanchored.append(group)
            else:
                anchors[anchor] = None
        found: dict[int, str] = {}
        if anchors:
            rows = self._match(conn, kind, " OR ".join(anchors), NEAR_SUPERSET + 1)
            if len(rows) > NEAR_SUPERSET:
                # Anchors too common to check ("raseka … riboteki" near each other in
                # thousands of rows): each group is asked through its word pairs, which
                # its function words make selective, else as it stands.
                unanchored = list(groups)
            else:
                pattern = near_pattern(groups)
                found.update((i, body) for i, body in rows if pattern.search(norm(body)))
        exact: list[str] = []
        for group in unanchored:
            # Function words and one common word at most: their word pairs find the rows
            # (quotes and reports), else the group is asked as it stands.
            tokens = [*pair_tokens(group.before), *pair_tokens(group.after)]
            ids = self._paired_ids(conn, kind, tokens) if kind in PAIRED and tokens else None
            if ids is None:
                exact.append(_near_group(group.before, group.after))
                continue
            pattern = near_pattern([group])
            found.update((i, b) for i, b in self._bodies(conn, kind, ids) if pattern.search(b))
        if exact and len(found) < n:
            found.update(self._match(conn, kind, " OR ".join(exact), n - len(found)))
        return list(found.items())[:n]

    def fuzzy(self, conn: Connection, kind: Kind, query: SearchQuery, n: int) -> Rows:
        """FTS5 OR query ranked by bm25."""
        if len(query.terms) < 2:
            return []
        return self._match(conn, kind, " OR ".join(_fts_phrase([t]) for t in query.terms), n, True)
