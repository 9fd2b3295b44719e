"""The database schema (SQLAlchemy Core, dialect-neutral)."""

from __future__ import annotations

from sqlalchemy import (
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("id", String(255), primary_key=True),
    Column("title", Text),
    Column("published", String(40)),  # ISO 8601 date or datetime, sortable as text
    Column("url", Text),
    Column("outlet", Text),
    Column("byline", Text),
    Column("body", Text, nullable=False),
    Column("source", Text),
    Column("content_hash", String(64)),
    Column("status", String(16), nullable=False, default="active"),  # active | removed
    Column("indexed_at", DateTime(timezone=True), nullable=False),
    Column("ingest_run", Integer),
)
Index("ix_articles_source", articles.c.source)
Index("ix_articles_indexed_at", articles.c.indexed_at)
# The articles not active (a few, usually none): a partial index made by migration 8.
NOT_ACTIVE_INDEX = "ix_articles_not_active"

paragraphs = Table(
    "paragraphs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "article_id", String(255), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False
    ),
    Column("idx", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    # The article's language (a pack code, "de"): Postgres indexes the text in its
    # configuration. Rows archived before version 10 are "en", as they were indexed.
    Column("lang", String(8), nullable=False, server_default="en"),
    UniqueConstraint("article_id", "idx", name="uq_paragraphs_article_idx"),
)

speakers = Table(
    "speakers",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(255), nullable=False, unique=True),
)

aliases = Table(
    "aliases",
    metadata,
    Column("alias", String(255), primary_key=True),
    Column("speaker_id", Integer, ForeignKey("speakers.id", ondelete="CASCADE"), nullable=False),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "article_id", String(255), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False
    ),
    Column("n", Integer, nullable=False),  # ordinal in the article: the #q{n} anchor
    Column("text", Text, nullable=False),
    Column("norm", Text, nullable=False),
    Column("speaker_id", Integer, ForeignKey("speakers.id")),
    Column("role", Text),
    Column("confidence", Float, nullable=False),
    Column("cue", String(64)),
    Column("kind", String(16), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("paragraph", Integer, nullable=False),
    Column("evidence", Text),
    Column("antecedent", Text),
    Column("run", Integer, nullable=False),
    Column("lang", String(8), nullable=False, server_default="en"),  # as paragraphs.lang
    UniqueConstraint("article_id", "n", name="uq_quotes_article_n"),
)
Index("ix_quotes_speaker", quotes.c.speaker_id)

reports = Table(
    "reports",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "article_id", String(255), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False
    ),
    Column("n", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("norm", Text, nullable=False),
    Column("speaker_id", Integer, ForeignKey("speakers.id"), nullable=False),
    Column("cue", String(64), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("paragraph", Integer, nullable=False),
    Column("lang", String(8), nullable=False, server_default="en"),  # as paragraphs.lang
    UniqueConstraint("article_id", "n", name="uq_reports_article_n"),
)

ingest_runs = Table(
    "ingest_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("new", Integer, nullable=False, default=0),
    Column("changed", Integer, nullable=False, default=0),
    Column("unchanged", Integer, nullable=False, default=0),
    Column("removed", Integer, nullable=False, default=0),
    Column("skipped", Integer, nullable=False, default=0),
)

ingest_problems = Table(
    "ingest_problems",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("ingest_runs.id", ondelete="CASCADE"), nullable=False),
    Column("path", Text, nullable=False),
    Column("reason", Text, nullable=False),
)

meta = Table(
    "quotebot_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)
# The meta key holding the stamp of the rules that extracted the stored quotes.
EXTRACTION_STAMP = "extraction"

digests = Table(
    "digests",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("channel", String(64), nullable=False),
    Column("status", String(16), nullable=False),  # pending | sent
    Column("parts", Integer, nullable=False),
    Column("message_ts", String(32)),
    Column("sent_at", DateTime(timezone=True)),
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_error", Text),
    Column("last_attempt_at", DateTime(timezone=True)),  # schema v3
)

# An article belongs to at most one digest: the unique key makes "posted twice" impossible.
digest_articles = Table(
    "digest_articles",
    metadata,
    Column("article_id", String(255), primary_key=True),
    Column("digest_id", Integer, ForeignKey("digests.id", ondelete="CASCADE"), nullable=False),
)

digest_parts = Table(
    "digest_parts",
    metadata,
    Column("digest_id", Integer, ForeignKey("digests.id", ondelete="CASCADE"), primary_key=True),
    Column("part", Integer, primary_key=True),
    Column("ts", String(32), nullable=False),
)

leases = Table(
    "leases",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("owner", String(64), nullable=False),
    Column("heartbeat", DateTime(timezone=True), nullable=False),
)

# Schema version 4: web sources.
fetch_state = Table(  # what a server said last time, to ask only whether a URL changed
    "fetch_state",
    metadata,
    Column("url", String(2048), primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("checked_at", DateTime(timezone=True), nullable=False),
)

article_versions = Table(  # every version of an article's text, and when it was first seen
    "article_versions",
    metadata,
    Column("article_id", String(255), primary_key=True),
    Column("content_hash", String(64), primary_key=True),
    Column("first_seen", DateTime(timezone=True), nullable=False),
)

# Schema version 5: the desk's corrections and checks (nothing is deleted; withdrawals recorded).
desk_checks = Table(
    "desk_checks",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    # A quote is known by its article and its normalised words, which survive re-extraction.
    Column("article_id", String(255), nullable=False),
    Column("quote_norm", Text, nullable=False),
    Column("quote", Text, nullable=False),
    Column("kind", String(16), nullable=False),  # speaker | not_quote | confirmed
    Column("speaker", Text),
    Column("original_speaker", Text),
    Column("note", Text),
    Column("user", String(255), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("withdrawn_by", String(255)),
    Column("withdrawn_at", DateTime(timezone=True)),
)
Index("ix_desk_checks_quote", desk_checks.c.article_id, desk_checks.c.quote_norm)

# Schema version 6: watchlists, and their alerts (one per watch and article, exactly once).
watches = Table(
    "watches",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("channel", String(64), nullable=False),
    Column("kind", String(16), nullable=False),  # speaker | phrase
    Column("target", Text, nullable=False),
    Column("target_norm", Text, nullable=False),
    Column("created_by", String(255), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("removed_by", String(255)),
    Column("removed_at", DateTime(timezone=True)),
)

watch_alerts = Table(
    "watch_alerts",
    metadata,
    Column("watch_id", Integer, ForeignKey("watches.id", ondelete="CASCADE"), primary_key=True),
    Column("article_id", String(255), primary_key=True),
    Column("status", String(16), nullable=False),  # pending | sent
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_attempt_at", DateTime(timezone=True)),
    Column("last_error", Text),
    Column("ts", String(32)),
)
