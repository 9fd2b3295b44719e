"""Speakers as editors name them: a full name or alias, "Mr Musk", a bare surname or a role
the articles give, resolved to the archive's canonical speaker; and a speaker's record."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, and_, func, or_, select

from bot.models import QuoteRecord, ReportRecord
from bot.search.identity import identity
from bot.store import schema as s
from bot.store.columns import quote_select
from bot.wordlists import word_set

if TYPE_CHECKING:
    from bot.store.database import Store

# "Mr Musk", "the health secretary": the words before a name an editor may type (a data file)
TITLE_PREFIX = re.compile(
    rf"^(?:(?:{'|'.join(sorted(word_set('title_prefixes', package='bot.search')))})\.?\s+)+"
)


class SpeakerRepository:
    """The archive's speakers, by any name editors use."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def resolve_speaker(self, name: str) -> str | None:
        """The canonical speaker for a name as editors type it, if the archive knows one:
        the full name or an alias, "Mr Musk", a bare surname ("Streeting"), or a role the
        articles give ("the health secretary") — the last two only when one speaker fits."""
        found = self.speaker_candidates(name)
        return found[0][0] if len(found) == 1 else None

    def speaker_candidates(self, name: str, limit: int = 6) -> list[tuple[str, str | None]]:
        """(speaker, role) of everyone a name as editors type it may mean: one speaker for a
        full name or alias; for a bare surname or a role ("the MP"), every speaker it fits
        (a role matches on its head: "the health secretary" is "British Health Secretary")."""
        key = " ".join(name.split()).lower().rstrip(".")
        bare = TITLE_PREFIX.sub("", key)
        with self.store.read() as conn:
            for candidate in dict.fromkeys([key, bare]):
                found = self._speaker_named(conn, candidate)
                if found is not None:
                    return [(found, None)]
            if bare and " " not in bare:
                fits = self._speakers_where(
                    conn, func.lower(s.speakers.c.name).like(f"% {bare}"), limit
                )
                # "Mrs Musk" is not Elon Musk: a title of the other gender rules him out.
                fits = [f for f in fits if identity(name, f[0]) != "different"]
                if fits:
                    return fits
            if not key.startswith("the "):
                return []  # a role is asked for as "the health secretary"
            role = func.lower(s.quotes.c.role)
            return self._speakers_where(conn, or_(role == bare, role.like(f"% {bare}")), limit)

    @staticmethod
    def _speaker_named(conn: Connection, key: str) -> str | None:
        """The speaker whose name or alias is exactly ``key`` (case-insensitive)."""
        row = conn.execute(
            select(s.speakers.c.name).where(func.lower(s.speakers.c.name) == key)
        ).first()
        if row is None:
            row = conn.execute(
                select(s.speakers.c.name)
                .select_from(s.aliases.join(s.speakers, s.aliases.c.speaker_id == s.speakers.c.id))
                .where(func.lower(s.aliases.c.alias) == key)
            ).first()
        if row is None:  # a speaker only the desk has named, by correcting an attribution
            d = s.desk_checks
            row = conn.execute(
                select(d.c.speaker).where(
                    and_(
                        func.lower(d.c.speaker) == key,
                        d.c.kind == "speaker",
                        d.c.withdrawn_at.is_(None),
                    )
                )
            ).first()
        return str(row[0]) if row is not None else None

    @staticmethod
    def _speakers_where(
        conn: Connection, condition: Any, limit: int
    ) -> list[tuple[str, str | None]]:
        """(speaker, a role the articles give them) of quoted speakers meeting ``condition``,
        the most quoted first."""
        rows = conn.execute(
            select(s.speakers.c.name, func.max(s.quotes.c.role))
            .select_from(s.quotes.join(s.speakers, s.quotes.c.speaker_id == s.speakers.c.id))
            .where(condition)
            .group_by(s.speakers.c.name)
            .order_by(func.count().desc(), s.speakers.c.name)
            .limit(limit)
        ).all()
        return [(str(r[0]), r[1]) for r in rows]

    def quotes_by_speaker(self, name: str, limit: int = 20) -> list[QuoteRecord]:
        """The speaker's quotes, newest first (undated last), as the desk corrected them: a
        quote corrected to this speaker is theirs, one corrected away is not."""
        q, a, d = s.quotes, s.articles, s.desk_checks
        corrected_to = select(d.c.quote_norm).where(
            and_(d.c.speaker == name, d.c.kind == "speaker", d.c.withdrawn_at.is_(None))
        )
        theirs = or_(s.speakers.c.name == name, q.c.norm.in_(corrected_to))
        with self.store.read() as conn:
            rows = conn.execute(
                quote_select()
                .where(theirs)
                .order_by(a.c.published.is_(None), a.c.published.desc(), q.c.n)
                .limit(limit)
            )
            return [r for r in self.store.quotes.records(conn, rows) if r.speaker == name]

    def reports_by_speaker(self, name: str, limit: int = 20) -> list[ReportRecord]:
        """Reported-speech sentences whose speaker is ``name``, newest first."""
        return self.store.quotes.reports_where(s.speakers.c.name == name, limit)
