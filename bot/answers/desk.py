"""The desk's corrections and checks of a stored quote, the same from Slack and the CLI: who
said it instead, "not a quote", or "checked, right as it is" — recorded, never overwriting
what the extractor found, withdrawable."""

from __future__ import annotations

import re

from bot.errors import UsageError
from bot.models import CheckKind, DeskCheck, QuoteRecord
from bot.store.database import Store

QUOTE_REF = re.compile(r"^(?P<article>[^#\s]+)#q?(?P<n>\d+)$")


def quote_by_ref(store: Store, ref: str) -> QuoteRecord:
    """The stored quote ``ARTICLE_ID#N`` names (the #qN anchor of its article page, or
    ``quote_n`` in ``whosaid --json``); UsageError when it names none."""
    found = QUOTE_REF.match(ref.strip())
    if found is None:
        raise UsageError(
            f"name the quote as ARTICLE_ID#N (e.g. 002_12aa61651dfc3fe3#3), not {ref!r}"
        )
    records = store.quotes.quote_in_article(found.group("article"), int(found.group("n")))
    if not records:
        raise UsageError(f"no quote {ref} in the archive (see quotebot context or whosaid --json)")
    return records[0]


def correct(
    store: Store,
    record: QuoteRecord,
    user: str,
    speaker: str | None = None,
    not_quote: bool = False,
    note: str | None = None,
) -> DeskCheck:
    """Record who really said a quote, or that it is not a quote at all."""
    if not user.strip():
        raise UsageError("say who makes the correction (it is recorded)")
    if not_quote == bool(speaker and speaker.strip()):
        raise UsageError("give the speaker who said it, or mark it not a quote (one of the two)")
    who = " ".join(speaker.split()) if speaker else None
    kind: CheckKind = "not_quote" if not_quote else "speaker"
    return store.desk.record_check(record, kind, " ".join(user.split()), speaker=who, note=note)


def confirm(store: Store, record: QuoteRecord, user: str, note: str | None = None) -> DeskCheck:
    """Record that the desk checked a quote and its speaker, and they stand."""
    if not user.strip():
        raise UsageError("say who confirms it (it is recorded)")
    return store.desk.record_check(record, "confirmed", " ".join(user.split()), note=note)
