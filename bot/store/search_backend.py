"""Full-text prefilter backends. Everything else in the store is dialect-neutral SQL.

A backend indexes quote, report and paragraph text and returns a bounded list of
(id, normalised text) candidates for a query; rapidfuzz re-ranks them. Both backends share one
strategy (``TieredSearch``): the unranked pool of rows holding every content term, checked for
the exact phrase in Python (cheap: it never intersects the posting lists of "the" and "is");
ranked matches when that pool overflows; then all-but-one of the terms, which finds a quote
with one altered or dropped word; a fuzzy fallback only when nothing matched.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal, Protocol

from sqlalchemy import Connection, text

from bot.search.query import SearchQuery

Kind = Literal["quotes", "reports", "paragraphs"]
KINDS: tuple[Kind, ...] = ("quotes", "reports", "paragraphs")
POOL = 2000  # unranked rows holding every content term, scanned for the exact phrase
Rows = list[tuple[int, str]]


class SearchBackend(Protocol):
    """What the store needs from a full-text engine."""

    def create(self, conn: Connection) -> None:
        """Create the index structures if they do not exist."""

    def add(self, conn: Connection, kind: Kind, rows: Iterable[tuple[int, str]]) -> None:
        """Index (id, text) rows."""

    def remove(self, conn: Connection, kind: Kind, ids: Sequence[int]) -> None:
        """Drop rows from the index."""

    def candidates(self, conn: Connection, kind: Kind, query: SearchQuery, limit: int) -> Rows:
        """(id, normalised text) of candidate rows, most precise first, bounded."""


def contains_phrase(body: str, phrase: str) -> bool:
    """Whether normalised ``body`` holds normalised ``phrase`` as whole words."""
    return f" {phrase} " in f" {body} "


class TieredSearch:
    """The shared candidate strategy; subclasses supply the three engine queries."""

    def all_terms(
        self, conn: Connection, kind: Kind, terms: Sequence[str], n: int, ranked: bool
    ) -> Rows:
        """Rows holding every term (best first when ``ranked``)."""
        raise NotImplementedError

    def fuzzy(self, conn: Connection, kind: Kind, query: SearchQuery, n: int) -> Rows:
        """A loose fallback for queries whose terms match nothing."""
        raise NotImplementedError

    def phrase(self, conn: Connection, kind: Kind, words: Sequence[str], n: int) -> Rows:
        """Rows holding these words in this order."""
        raise NotImplementedError

    def candidates(self, conn: Connection, kind: Kind, query: SearchQuery, limit: int) -> Rows:
        """Exact phrase in the AND pool; ranked AND; all-but-one; fuzzy when nothing matched."""
        if not query.terms:
            return []
        phrase = " ".join(query.words)
        found: dict[int, str] = {}
        pool = self.all_terms(conn, kind, query.terms, POOL, ranked=False)
        verbatim = [(i, b) for i, b in pool if contains_phrase(b, phrase)]
        if not verbatim and len(pool) == POOL and len(query.words) > 1:
            # Common terms overflow the pool: only a phrase query finds the exact words.
            verbatim = self.phrase(conn, kind, query.words, limit)
        if verbatim and query.stop_at_phrase:
            return verbatim[: limit * 3]
        found.update(verbatim)
        if len(pool) < POOL:
            found.update(pool)  # every row holding all the terms: nothing to rank
        else:
            found.update(self.all_terms(conn, kind, query.terms, limit, ranked=True))
        if len(query.terms) >= 2:
            per_group = max(10, limit // len(query.terms))
            for i in range(len(query.terms)):
                rest = query.terms[:i] + query.terms[i + 1 :]
                found.update(self.all_terms(conn, kind, rest, per_group, ranked=True))
        if not found:
            found.update(self.fuzzy(conn, kind, query, limit))
        return list(found.items())  # bounded: POOL + limit + one group per term


def _fts_term(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


class SQLiteFTS(TieredSearch):
    """SQLite FTS5 tables ``<kind>_fts`` (Porter stemming) whose rowid is the row's id."""

    def create(self, conn: Connection) -> None:
        """Create the FTS5 tables."""
        for kind in KINDS:
            conn.execute(
                text(
                    f"CREATE VIRTUAL TABLE IF NOT EXISTS {kind}_fts USING fts5("
                    "body, tokenize='porter unicode61 remove_diacritics 2')"
                )
            )

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

    def all_terms(
        self, conn: Connection, kind: Kind, terms: Sequence[str], n: int, ranked: bool
    ) -> Rows:
        """FTS5 AND query."""
        order = "ORDER BY rank" if ranked else ""
        sql = text(f"SELECT rowid, body FROM {kind}_fts WHERE {kind}_fts MATCH :q {order} LIMIT :n")
        match = " AND ".join(_fts_term(t) for t in terms)
        return [(int(r[0]), str(r[1])) for r in conn.execute(sql, {"q": match, "n": n})]

    def phrase(self, conn: Connection, kind: Kind, words: Sequence[str], n: int) -> Rows:
        """FTS5 phrase query."""
        sql = text(f"SELECT rowid, body FROM {kind}_fts WHERE {kind}_fts MATCH :q LIMIT :n")
        match = '"' + " ".join(w.replace('"', '""') for w in words) + '"'
        return [(int(r[0]), str(r[1])) for r in conn.execute(sql, {"q": match, "n": n})]

    def fuzzy(self, conn: Connection, kind: Kind, query: SearchQuery, n: int) -> Rows:
        """FTS5 OR query ranked by bm25."""
        if len(query.terms) < 2:
            return []
        sql = text(
            f"SELECT rowid, body FROM {kind}_fts WHERE {kind}_fts MATCH :q ORDER BY rank LIMIT :n"
        )
        match = " OR ".join(_fts_term(t) for t in query.terms)
        return [(int(r[0]), str(r[1])) for r in conn.execute(sql, {"q": match, "n": n})]


# Postgres: the text column each kind is searched on (quotes and reports: the normalised text).
PG_COLUMNS: dict[Kind, tuple[str, str]] = {
    "quotes": ("quotes", "norm"),
    "reports": ("reports", "norm"),
    "paragraphs": ("paragraphs", "text"),
}


class PostgresFTS(TieredSearch):
    """Postgres full-text search (english tsvector + GIN) with a pg_trgm fuzzy fallback."""

    def create(self, conn: Connection) -> None:
        """The pg_trgm extension and the GIN indexes."""
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

    def add(self, conn: Connection, kind: Kind, rows: Iterable[tuple[int, str]]) -> None:
        """Nothing to do: the indexes follow the tables."""

    def remove(self, conn: Connection, kind: Kind, ids: Sequence[int]) -> None:
        """Nothing to do: the indexes follow the tables."""

    def all_terms(
        self, conn: Connection, kind: Kind, terms: Sequence[str], n: int, ranked: bool
    ) -> Rows:
        """A tsquery AND match."""
        table, column = PG_COLUMNS[kind]
        vector = f"to_tsvector('english', {column})"
        order = f"ORDER BY ts_rank({vector}, q) DESC, id" if ranked else ""
        sql = text(
            f"SELECT id, {column} FROM {table}, plainto_tsquery('english', :q) q "
            f"WHERE {vector} @@ q {order} LIMIT :n"
        )
        rows = conn.execute(sql, {"q": " ".join(terms), "n": n})
        return [(int(r[0]), str(r[1]) if kind != "paragraphs" else "") for r in rows]

    def phrase(self, conn: Connection, kind: Kind, words: Sequence[str], n: int) -> Rows:
        """A tsquery phrase match."""
        table, column = PG_COLUMNS[kind]
        sql = text(
            f"SELECT id, {column} FROM {table} "
            f"WHERE to_tsvector('english', {column}) @@ phraseto_tsquery('english', :q) LIMIT :n"
        )
        rows = conn.execute(sql, {"q": " ".join(words), "n": n})
        return [(int(r[0]), str(r[1]) if kind != "paragraphs" else "") for r in rows]

    def fuzzy(self, conn: Connection, kind: Kind, query: SearchQuery, n: int) -> Rows:
        """Any term, ranked (as SQLite's OR); then trigram word similarity (pg_trgm), which also
        finds a misspelled word that no full-text term matches."""
        table, column = PG_COLUMNS[kind]
        vector = f"to_tsvector('english', {column})"
        if len(query.terms) >= 2:
            params: dict[str, object] = {f"t{i}": t for i, t in enumerate(query.terms)}
            any_term = " || ".join(
                f"plainto_tsquery('english', :t{i})" for i in range(len(query.terms))
            )
            sql = text(
                f"SELECT id, {column} FROM {table}, (SELECT {any_term} AS q) tq "
                f"WHERE {vector} @@ tq.q ORDER BY ts_rank({vector}, tq.q) DESC, id LIMIT :n"
            )
            rows = conn.execute(sql, {**params, "n": n}).all()
            if rows:
                return [(int(r[0]), str(r[1]) if kind != "paragraphs" else "") for r in rows]
        sql = text(
            f"SELECT id, {column} FROM {table} WHERE :q <% {column} "
            f"ORDER BY word_similarity(:q, {column}) DESC, id LIMIT :n"
        )
        rows = conn.execute(sql, {"q": " ".join(query.words), "n": n}).all()
        return [(int(r[0]), str(r[1]) if kind != "paragraphs" else "") for r in rows]


def backend_for(dialect: str) -> SearchBackend:
    """The search backend for a SQLAlchemy dialect name."""
    if dialect == "sqlite":
        return SQLiteFTS()
    if dialect == "postgresql":
        return PostgresFTS()
    raise NotImplementedError(f"no search backend for {dialect!r}")
