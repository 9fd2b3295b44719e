"""``quotebot serve``: the Slack app with the web pages."""

from __future__ import annotations

import argparse

from bot.cli.common import open_store
from bot.settings import Settings


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    """Run the Slack app (Socket Mode or HTTP mode)."""
    from bot.web.serve import preflight, serve

    who = preflight(settings, args.http)  # before touching the database
    store = open_store(args, settings, auto_ingest=True)
    serve(settings, store, host=args.host, port=args.port, http=args.http, who=who)
    return 0


def cmd_web(args: argparse.Namespace, settings: Settings) -> int:
    """The article pages and /healthz on $PORT, without Slack: for checking a deployment, or
    as a second web process beside the Slack one."""
    import logging
    import os

    import uvicorn

    from bot.web.app import create_web

    store = open_store(args, settings)
    port = args.port or int(os.environ.get("PORT", "3000"))
    logging.getLogger("quotebot").info(
        "Quotebot web (no Slack): /articles/{id} and /healthz on %s:%d", args.host, port
    )
    uvicorn.run(create_web(store, None), host=args.host, port=port, log_level="info")
    return 0
