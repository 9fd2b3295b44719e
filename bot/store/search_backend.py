"""Full-text prefilter backends. Everything else in the store is dialect-neutral SQL.

A backend indexes quote, report and paragraph text and returns bounded candidate id lists for
a set of search terms; rapidfuzz re-ranks them. SQLite uses FTS5 (Porter stemming).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal, Protocol

from sqlalchemy import Connection, text

from bot.search.query import SearchQuery

Kind = Literal["quotes", "reports", "paragraphs"]
KINDS: tuple[Kind, ...] = ("quotes", "reports", "paragraphs")


class SearchBackend(Protocol):
    """What the store needs from a full-text engine."""

    def create(self, conn: Connection) -> None:
        """Create the index structures if they do not exist."""

    def add(self, conn: Connection, kind: Kind, rows: Iterable[tuple[int, str]]) -> None:
        """Index (id, text) rows."""

    def remove(self, conn: Connection, kind: Kind, ids: Sequence[int]) -> None:
        """Drop rows from the index."""

    def candidates(self, conn: Connection, kind: Kind, query: SearchQuery, limit: int) -> list[int]:
        """Ids of rows for a query, most precise tier first, at most ``limit``."""


def _fts_term(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


class SQLiteFTS:
    """SQLite FTS5 tables ``<kind>_fts`` whose rowid is the row's id."""

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

    def candidates(self, conn: Connection, kind: Kind, query: SearchQuery, limit: int) -> list[int]:
        """Tiered AND matches (bm25 order); a ranked OR only when they find nothing."""
        if not query.terms:
            return []
        sql = text(f"SELECT rowid FROM {kind}_fts WHERE {kind}_fts MATCH :q ORDER BY rank LIMIT :n")
        found: dict[int, None] = {}
        for name, groups in query.tiers():
            per_group = limit if len(groups) == 1 else max(10, limit // len(groups))
            for group in groups:
                if name == "phrase":
                    match = '"' + " ".join(w.replace('"', '""') for w in group) + '"'
                else:
                    match = " AND ".join(_fts_term(t) for t in group)
                for (rowid,) in conn.execute(sql, {"q": match, "n": per_group}):
                    found.setdefault(rowid)
            if name == "phrase" and found and query.stop_at_phrase:
                break  # the words occur verbatim: nothing looser can beat that
        if not found and len(query.terms) > 1:
            match = " OR ".join(_fts_term(t) for t in query.terms)
            found.update(dict.fromkeys(r[0] for r in conn.execute(sql, {"q": match, "n": limit})))
        return list(found)[: limit * 3]


# Postgres: the text column each kind is searched on.
PG_COLUMNS: dict[Kind, tuple[str, str]] = {
    "quotes": ("quotes", "norm"),
    "reports": ("reports", "norm"),
    "paragraphs": ("paragraphs", "text"),
}


class PostgresFTS:
    """Postgres full-text search (english tsvector + GIN) with a pg_trgm fuzzy fallback.

    The tiers are the SQLite backend's: exact phrase, all terms, all but one; where they find
    nothing, trigram word similarity replaces FTS5's ranked OR.
    """

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

    def candidates(self, conn: Connection, kind: Kind, query: SearchQuery, limit: int) -> list[int]:
        """Tiered tsquery matches (ranked); trigram word similarity when they find nothing."""
        if not query.terms:
            return []
        table, column = PG_COLUMNS[kind]
        vector = f"to_tsvector('english', {column})"
        found: dict[int, None] = {}
        for name, groups in query.tiers():
            per_group = limit if len(groups) == 1 else max(10, limit // len(groups))
            for group in groups:
                fn = "phraseto_tsquery" if name == "phrase" else "plainto_tsquery"
                sql = text(
                    f"SELECT id FROM {table}, {fn}('english', :q) q WHERE {vector} @@ q "
                    f"ORDER BY ts_rank({vector}, q) DESC, id LIMIT :n"
                )
                for (rowid,) in conn.execute(sql, {"q": " ".join(group), "n": per_group}):
                    found.setdefault(rowid)
            if name == "phrase" and found and query.stop_at_phrase:
                break
        if not found:
            sql = text(
                f"SELECT id FROM {table} WHERE :q <% {column} "
                f"ORDER BY word_similarity(:q, {column}) DESC, id LIMIT :n"
            )
            found.update(
                dict.fromkeys(
                    r[0] for r in conn.execute(sql, {"q": " ".join(query.words), "n": limit})
                )
            )
        return list(found)[: limit * 3]


def backend_for(dialect: str) -> SearchBackend:
    """The search backend for a SQLAlchemy dialect name."""
    if dialect == "sqlite":
        return SQLiteFTS()
    if dialect == "postgresql":
        return PostgresFTS()
    raise NotImplementedError(f"no search backend for {dialect!r}")
