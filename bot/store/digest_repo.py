"""Digest bookkeeping: pending digests, their articles and posted parts; the clock's lease."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError, OperationalError

from bot.errors import StoreBusy
from bot.models import ArticleMeta, QuoteRecord
from bot.store import schema as s
from bot.store.columns import now
from bot.store.database import Store


@dataclass(frozen=True)
class DigestRow:
    """A recorded digest."""

    id: int
    created_at: datetime
    channel: str
    status: str
    parts: int
    message_ts: str | None
    attempts: int
    last_attempt_at: datetime | None = None


class DigestRepository:
    """Digest and lease tables of a store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.engine = store.engine

    def undigested_articles(self) -> list[str]:
        """Active articles not yet in any digest, oldest indexed first."""
        a, da = s.articles, s.digest_articles
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(a.c.id)
                .select_from(a.outerjoin(da, da.c.article_id == a.c.id))
                .where(and_(a.c.status == "active", da.c.article_id.is_(None)))
                .order_by(a.c.indexed_at, a.c.id)
            )
            return [str(r[0]) for r in rows]

    def create(
        self, channel: str, article_ids: Sequence[str], parts: int, at: datetime
    ) -> int | None:
        """Record a pending digest with its articles; None if another process claimed them."""
        try:
            with self.engine.begin() as conn:
                digest_id = conn.execute(
                    insert(s.digests)
                    .values(
                        created_at=at, channel=channel, status="pending", parts=parts, attempts=0
                    )
                    .returning(s.digests.c.id)
                ).scalar_one()
                conn.execute(
                    insert(s.digest_articles),
                    [{"article_id": a, "digest_id": digest_id} for a in article_ids],
                )
                return int(digest_id)
        except IntegrityError:
            return None

    def pending(self) -> list[DigestRow]:
        """Digests recorded but not yet marked sent, oldest first."""
        return self._rows(s.digests.c.status == "pending")

    def last_sent(self) -> DigestRow | None:
        """The most recently sent digest."""
        rows = self._rows(s.digests.c.status == "sent")
        return rows[-1] if rows else None

    def last_created(self) -> datetime | None:
        """When the last digest (sent or pending) was recorded."""
        with self.engine.connect() as conn:
            value = conn.execute(select(func.max(s.digests.c.created_at))).scalar_one()
        return _aware(value) if value else None

    def _rows(self, where: object) -> list[DigestRow]:
        d = s.digests
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(
                    d.c.id,
                    d.c.created_at,
                    d.c.channel,
                    d.c.status,
                    d.c.parts,
                    d.c.message_ts,
                    d.c.attempts,
                    d.c.last_attempt_at,
                )
                .where(where)  # type: ignore[arg-type]
                .order_by(d.c.id)
            )
            return [
                DigestRow(
                    r[0], _aware(r[1]), r[2], r[3], r[4], r[5], r[6], _aware(r[7]) if r[7] else None
                )
                for r in rows
            ]

    def articles_of(self, digest_id: int) -> list[ArticleMeta]:
        """The articles of a digest in the order they were indexed."""
        da = s.digest_articles
        in_digest = select(da.c.article_id).where(da.c.digest_id == digest_id)
        return self._metas(s.articles.c.id.in_(in_digest))

    def store_articles(self, article_ids: Sequence[str]) -> list[ArticleMeta]:
        """Metadata of these articles in the order they were indexed."""
        return self._metas(s.articles.c.id.in_(list(article_ids)))

    def _metas(self, where: ColumnElement[bool]) -> list[ArticleMeta]:
        a = s.articles
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(a.c.id, a.c.title, a.c.published, a.c.url, a.c.outlet)
                .where(where)
                .order_by(a.c.indexed_at, a.c.id)
            )
            return [
                ArticleMeta(id=r[0], title=r[1], published=r[2], url=r[3], outlet=r[4])
                for r in rows
            ]

    def quotes_of(self, article_ids: Sequence[str]) -> dict[str, list[QuoteRecord]]:
        """The quotes of these articles, by article id."""
        out: dict[str, list[QuoteRecord]] = {a: [] for a in article_ids}
        for record in self.store.quotes.quotes_in_articles(article_ids):
            out[record.article.id].append(record)
        return out

    def posted_parts(self, digest_id: int) -> dict[int, str]:
        """Parts of a digest already posted: part number -> message ts."""
        p = s.digest_parts
        with self.engine.connect() as conn:
            rows = conn.execute(select(p.c.part, p.c.ts).where(p.c.digest_id == digest_id))
            return {int(r[0]): str(r[1]) for r in rows}

    def record_part(self, digest_id: int, part: int, ts: str) -> None:
        """Remember that a part was posted (so it is never posted again)."""
        with self.engine.begin() as conn:
            conn.execute(insert(s.digest_parts).values(digest_id=digest_id, part=part, ts=ts))
            if part == 0:
                conn.execute(
                    update(s.digests).where(s.digests.c.id == digest_id).values(message_ts=ts)
                )

    def record_attempt(self, digest_id: int, error: str | None, at: datetime | None = None) -> None:
        """Count a posting attempt (its start, or its error)."""
        values: dict[str, object] = {"last_error": error}
        if at is not None:
            values |= {"attempts": s.digests.c.attempts + 1, "last_attempt_at": at}
        with self.engine.begin() as conn:
            conn.execute(update(s.digests).where(s.digests.c.id == digest_id).values(**values))

    def rehome(self, digest_id: int, channel: str) -> None:
        """Send a pending digest to another channel, from its first part (what reached the
        old channel stays there; nothing is posted twice in one channel)."""
        with self.engine.begin() as conn:
            conn.execute(delete(s.digest_parts).where(s.digest_parts.c.digest_id == digest_id))
            conn.execute(
                update(s.digests)
                .where(s.digests.c.id == digest_id)
                .values(channel=channel, attempts=0, last_attempt_at=None, message_ts=None)
            )

    def abandon(self, digest_id: int, reason: str) -> None:
        """Give up a digest that can never be posted; its articles go into the next one."""
        with self.engine.begin() as conn:
            conn.execute(
                delete(s.digest_articles).where(s.digest_articles.c.digest_id == digest_id)
            )
            conn.execute(
                update(s.digests)
                .where(s.digests.c.id == digest_id)
                .values(status="abandoned", last_error=reason[:500])
            )

    def mark_sent(self, digest_id: int) -> None:
        """Mark a digest sent."""
        with self.engine.begin() as conn:
            conn.execute(
                update(s.digests)
                .where(s.digests.c.id == digest_id)
                .values(status="sent", sent_at=now(), last_error=None)
            )

    # -- the clock's lease ----------------------------------------------------------------
    def acquire_lease(self, name: str, owner: str, stale_after: timedelta) -> bool:
        """Take the named lease unless another live owner holds it (heartbeat not stale)."""
        lease = s.leases
        at = now()
        try:
            with self.engine.begin() as conn:
                row = conn.execute(
                    select(lease.c.owner, lease.c.heartbeat).where(lease.c.name == name)
                ).first()
                if row is None:
                    conn.execute(insert(lease).values(name=name, owner=owner, heartbeat=at))
                    return True
                if row[0] != owner and _aware(row[1]) > at - stale_after:
                    return False
                taken = conn.execute(
                    update(lease)
                    .where(
                        and_(
                            lease.c.name == name,
                            lease.c.owner == row[0],
                            lease.c.heartbeat == row[1],
                        )
                    )
                    .values(owner=owner, heartbeat=at)
                )
                return taken.rowcount == 1
        except IntegrityError:
            return False  # another clock inserted the lease at the same moment
        except (OperationalError, StoreBusy):
            return False  # SQLite: the other starting clock holds the write lock right now

    def heartbeat(self, name: str, owner: str) -> bool:
        """Renew the lease; False if it was lost."""
        with self.engine.begin() as conn:
            result = conn.execute(
                update(s.leases)
                .where(and_(s.leases.c.name == name, s.leases.c.owner == owner))
                .values(heartbeat=now())
            )
            return result.rowcount == 1

    def release_lease(self, name: str, owner: str) -> None:
        """Give the lease up on a clean shutdown."""
        with self.engine.begin() as conn:
            conn.execute(
                delete(s.leases).where(and_(s.leases.c.name == name, s.leases.c.owner == owner))
            )


def _aware(value: datetime) -> datetime:
    """SQLite returns naive datetimes for timezone-aware columns: they are UTC."""
    from datetime import UTC

    return value if value.tzinfo else value.replace(tzinfo=UTC)
