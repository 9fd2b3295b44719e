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


def backend_for(dialect: str) -> SearchBackend:
    """The search backend for a SQLAlchemy dialect name."""
    if dialect == "sqlite":
        return SQLiteFTS()
    raise NotImplementedError(f"no search backend for {dialect!r} yet")
