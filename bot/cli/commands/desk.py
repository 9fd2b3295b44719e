"""``quotebot corrections``: the desk's corrections and checks, an audit trail."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import UTC, datetime

from bot.cli.common import open_store
from bot.errors import ConfigError, UsageError
from bot.models import DeskCheck
from bot.settings import Settings


def cmd_corrections(args: argparse.Namespace, settings: Settings) -> int:
    """The desk's record: every correction and check (withdrawn ones too); or withdraw one."""
    store = open_store(args, settings)
    if args.withdraw is not None:
        if not args.by:
            raise UsageError("say who withdraws it: --withdraw ID --by NAME")
        done = store.desk.withdraw_check(args.withdraw, args.by)
        if done is None:
            raise ConfigError(f"no active correction or check with id {args.withdraw}")
        print(f"withdrawn: #{done.id} by {done.by_line()}")
        return 0
    since = None
    if args.since:
        try:
            since = datetime.fromisoformat(args.since)
        except ValueError:
            raise UsageError(f"--since wants a date like 2025-03-01, not {args.since!r}") from None
        since = since if since.tzinfo else since.replace(tzinfo=UTC)
    checks = store.desk.desk_checks(since=since)
    if args.json:
        print(json.dumps([c.model_dump(mode="json") for c in checks], indent=2))
    elif args.csv:
        writer = csv.writer(sys.stdout)
        fields = list(DeskCheck.model_fields)
        writer.writerow(fields)
        for c in checks:
            row = c.model_dump(mode="json")
            writer.writerow([row[f] if row[f] is not None else "" for f in fields])
    else:
        for c in checks:
            print(c.line())
        if not checks:
            print("no corrections or checks yet")
    return 0


def cmd_correct(args: argparse.Namespace, settings: Settings) -> int:
    """Record who really said a quote, or that it is not a quote (the desk's audit trail)."""
    from bot.answers import desk

    store = open_store(args, settings)
    record = desk.quote_by_ref(store, args.quote)
    check = desk.correct(
        store,
        record,
        args.by or "",
        speaker=args.speaker,
        not_quote=args.not_a_quote,
        note=args.note,
    )
    print(f"recorded: {check.line()}")
    return 0


def cmd_confirm(args: argparse.Namespace, settings: Settings) -> int:
    """Record that the desk checked a quote and its speaker stand."""
    from bot.answers import desk

    store = open_store(args, settings)
    record = desk.quote_by_ref(store, args.quote)
    check = desk.confirm(store, record, args.by or "", note=args.note)
    print(f"recorded: {check.line()}")
    return 0
