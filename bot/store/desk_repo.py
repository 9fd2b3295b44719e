"""The desk's corrections and checks: recorded with who and when, never overwriting what the
extractor found, withdrawn (recorded) rather than deleted."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import and_, insert, select, update

from bot.models import CheckKind, DeskCheck, QuoteRecord
from bot.search.normalize import norm
from bot.store import schema as s
from bot.store.columns import desk_check, now

if TYPE_CHECKING:
    from bot.store.database import Store


class DeskRepository:
    """The desk_checks table: corrections, "not a quote" and confirmations."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.engine = store.engine

    def record_check(
        self,
        record: QuoteRecord,
        kind: CheckKind,
        user: str,
        speaker: str | None = None,
        note: str | None = None,
    ) -> DeskCheck:
        """Store an editor's correction, "not a quote" or confirmation of a quote. The speaker
        the extractor gave is kept with it; a correction over a correction keeps the first."""
        original = record.correction.original_speaker if record.correction else record.speaker
        values = {
            "article_id": record.article.id,
            "quote_norm": norm(record.text),
            "quote": record.text,
            "kind": kind,
            "speaker": speaker if kind == "speaker" else None,
            "original_speaker": original,
            "note": note or None,
            "user": user,
            "at": now(),
        }
        with self.engine.begin() as conn:
            new_id = conn.execute(
                insert(s.desk_checks).values(**values).returning(s.desk_checks.c.id)
            ).scalar_one()
            row = conn.execute(select(s.desk_checks).where(s.desk_checks.c.id == new_id)).one()
        return desk_check(row)

    def withdraw_check(self, check_id: int, user: str) -> DeskCheck | None:
        """Withdraw a correction or check (recorded, never deleted); None if there is none
        active with that id."""
        d = s.desk_checks
        with self.engine.begin() as conn:
            done = conn.execute(
                update(d)
                .where(and_(d.c.id == check_id, d.c.withdrawn_at.is_(None)))
                .values(withdrawn_by=user, withdrawn_at=now())
            )
            if done.rowcount != 1:
                return None
            return desk_check(conn.execute(select(d).where(d.c.id == check_id)).one())

    def not_quote_marks(self, norms: Sequence[str]) -> dict[tuple[str, str], DeskCheck]:
        """The desk's standing "not a quote" decisions on these words, by (article, words)."""
        if not norms:
            return {}
        d = s.desk_checks
        query = (
            select(d)
            .where(
                and_(
                    d.c.quote_norm.in_(sorted(set(norms))),
                    d.c.kind == "not_quote",
                    d.c.withdrawn_at.is_(None),
                )
            )
            .order_by(d.c.id)
        )
        with self.store.read() as conn:
            return {(r.article_id, r.quote_norm): desk_check(r) for r in conn.execute(query)}

    def desk_checks(
        self, since: datetime | None = None, limit: int | None = None
    ) -> list[DeskCheck]:
        """Every correction and check, withdrawn ones included, newest first."""
        d = s.desk_checks
        query = select(d).order_by(d.c.id.desc())
        if since is not None:
            query = query.where(d.c.at >= since)
        if limit is not None:
            query = query.limit(limit)
        with self.store.read() as conn:
            return [desk_check(r) for r in conn.execute(query)]
