"""Full-text prefilter backends. Everything else in the store is dialect-neutral SQL.

A backend indexes quote, report and paragraph text and returns bounded candidate id lists for
a set of search terms; rapidfuzz re-ranks them. SQLite uses FTS5 (Porter stemming).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal, Protocol

from sqlalchemy import Connection, text

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

    def candidates(
        self, conn: Connection, kind: Kind, terms: Sequence[str], limit: int
    ) -> list[int]:
        """Ids of rows matching all terms first, then any term, best first, at most ``limit``."""


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

    def candidates(
        self, conn: Connection, kind: Kind, terms: Sequence[str], limit: int
    ) -> list[int]:
        """AND-match first (precise), then OR-match ranked by bm25 to fill up to ``limit``."""
        if not terms:
            return []
        quoted = [_fts_term(t) for t in terms]
        sql = text(f"SELECT rowid FROM {kind}_fts WHERE {kind}_fts MATCH :q ORDER BY rank LIMIT :n")
        found = [r[0] for r in conn.execute(sql, {"q": " AND ".join(quoted), "n": limit})]
        if len(found) < limit and len(quoted) > 1:
            seen = set(found)
            more = conn.execute(sql, {"q": " OR ".join(quoted), "n": limit})
            found.extend(r[0] for r in more if r[0] not in seen)
        return found[:limit]


def backend_for(dialect: str) -> SearchBackend:
    """The search backend for a SQLAlchemy dialect name."""
    if dialect == "sqlite":
        return SQLiteFTS()
    raise NotImplementedError(f"no search backend for {dialect!r} yet")
