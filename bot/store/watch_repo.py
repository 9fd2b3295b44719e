"""Watchlists: a channel watches a speaker or a phrase; each newly indexed article that quotes
it becomes one alert, recorded (pending) before it is posted, so it is posted exactly once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, insert, or_, select, update

from bot.models import QuoteRecord, Watch, WatchKind
from bot.search.normalize import norm
from bot.store import schema as s
from bot.store.columns import aware, now
from bot.store.database import Store
from bot.store.dialects import insert_for


@dataclass(frozen=True)
class AlertRow:
    """A pending alert: which watch, which article, how often tried."""

    watch: Watch
    article_id: str
    attempts: int
    last_attempt_at: datetime | None


def _watch(row: object) -> Watch:
    m = row._mapping  # type: ignore[attr-defined]
    return Watch.model_validate({**m, "created_at": aware(m["created_at"])})


class WatchRepository:
    """The watch tables of a store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.engine = store.engine

    def add(self, channel: str, kind: WatchKind, target: str, user: str) -> tuple[Watch, bool]:
        """Watch a speaker or phrase in a channel; (the watch, whether it is new). Watching
        the same thing twice in a channel is one watch."""
        target = " ".join(target.split())
        key = norm(target)
        w = s.watches
        with self.engine.begin() as conn:
            existing = conn.execute(
                select(w).where(
                    and_(
                        w.c.channel == channel,
                        w.c.kind == kind,
                        w.c.target_norm == key,
                        w.c.removed_at.is_(None),
                    )
                )
            ).first()
            if existing is not None:
                return _watch(existing), False
            new_id = conn.execute(
                insert(w)
                .values(
                    channel=channel,
                    kind=kind,
                    target=target,
                    target_norm=key,
                    created_by=user,
                    created_at=now(),
                )
                .returning(w.c.id)
            ).scalar_one()
            return _watch(conn.execute(select(w).where(w.c.id == new_id)).one()), True

    def remove(self, watch_id: int, user: str) -> Watch | None:
        """Stop a watch (recorded: who and when); None when there is no such active watch."""
        w = s.watches
        with self.engine.begin() as conn:
            done = conn.execute(
                update(w)
                .where(and_(w.c.id == watch_id, w.c.removed_at.is_(None)))
                .values(removed_by=user, removed_at=now())
            )
            if done.rowcount != 1:
                return None
            return _watch(conn.execute(select(w).where(w.c.id == watch_id)).one())

    def active(self, channel: str | None = None) -> list[Watch]:
        """Active watches (of one channel), oldest first."""
        w = s.watches
        query = select(w).where(w.c.removed_at.is_(None)).order_by(w.c.id)
        if channel is not None:
            query = query.where(w.c.channel == channel)
        with self.engine.connect() as conn:
            return [_watch(r) for r in conn.execute(query)]

    def queue_new_matches(self) -> int:
        """Record a pending alert for each article indexed since a watch began that quotes
        its speaker or phrase; an article already alerted for a watch is never queued again."""
        q, a, sp, wa = s.quotes, s.articles, s.speakers, s.watch_alerts
        queued = 0
        with self.engine.begin() as conn:
            upsert = insert_for(conn)
            for watch in self.active():
                if watch.kind == "speaker":
                    corrected_to = select(s.desk_checks.c.quote_norm).where(
                        and_(
                            func.lower(s.desk_checks.c.speaker) == watch.target.lower(),
                            s.desk_checks.c.withdrawn_at.is_(None),
                        )
                    )
                    matches = or_(
                        func.lower(sp.c.name) == watch.target.lower(), q.c.norm.in_(corrected_to)
                    )
                else:
                    pattern = "%" + _like_escape(norm(watch.target)) + "%"
                    matches = q.c.norm.like(pattern, escape="\\")
                found = conn.execute(
                    select(a.c.id)
                    .distinct()
                    .select_from(
                        q.join(a, q.c.article_id == a.c.id).outerjoin(sp, q.c.speaker_id == sp.c.id)
                    )
                    .where(
                        and_(
                            a.c.status == "active",
                            a.c.indexed_at >= watch.created_at,
                            matches,
                        )
                    )
                ).all()
                for (article_id,) in found:
                    done = conn.execute(
                        upsert(wa)
                        .values(
                            watch_id=watch.id,
                            article_id=article_id,
                            status="pending",
                            created_at=now(),
                            attempts=0,
                        )
                        .on_conflict_do_nothing()
                    )
                    queued += done.rowcount or 0
        return queued

    def pending(self) -> list[AlertRow]:
        """Alerts not yet posted, oldest first (of active watches only)."""
        w, wa = s.watches, s.watch_alerts
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(w, wa.c.article_id, wa.c.attempts, wa.c.last_attempt_at)
                .select_from(wa.join(w, wa.c.watch_id == w.c.id))
                .where(and_(wa.c.status == "pending", w.c.removed_at.is_(None)))
                .order_by(wa.c.created_at, w.c.id, wa.c.article_id)
            ).all()
        return [
            AlertRow(
                _watch(r),
                r.article_id,
                r.attempts,
                aware(r.last_attempt_at) if r.last_attempt_at else None,
            )
            for r in rows
        ]

    def record_attempt(
        self, watch_id: int, article_id: str, error: str | None, at: datetime
    ) -> None:
        """Note an attempt to post (before posting; with the error after a failure)."""
        wa = s.watch_alerts
        values: dict[str, object] = {"attempts": wa.c.attempts + 1, "last_attempt_at": at}
        if error is not None:
            values = {"last_error": error}
        with self.engine.begin() as conn:
            conn.execute(
                update(wa)
                .where(and_(wa.c.watch_id == watch_id, wa.c.article_id == article_id))
                .values(**values)
            )

    def mark_sent(self, watch_id: int, article_id: str, ts: str) -> None:
        """The alert is in the channel (message ``ts``)."""
        wa = s.watch_alerts
        with self.engine.begin() as conn:
            conn.execute(
                update(wa)
                .where(and_(wa.c.watch_id == watch_id, wa.c.article_id == article_id))
                .values(status="sent", ts=ts)
            )

    def sent_count(self) -> int:
        """How many alerts have been posted (for tests and the App Home)."""
        wa = s.watch_alerts
        with self.engine.connect() as conn:
            return int(
                conn.execute(
                    select(func.count()).select_from(wa).where(wa.c.status == "sent")
                ).scalar_one()
            )

    def quotes_for(self, watch: Watch, article_id: str) -> Sequence[QuoteRecord]:
        """The article's quotes the watch is about (as the desk corrected them)."""
        quotes = self.store.quotes.quotes_in_articles([article_id])
        if watch.kind == "speaker":
            return [q for q in quotes if (q.speaker or "").lower() == watch.target.lower()]
        key = norm(watch.target)
        return [q for q in quotes if key in norm(q.text)]


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
