"""The web process (Starlette): Slack events over HTTP, article pages, and a health check."""

from __future__ import annotations

from slack_bolt import App
from slack_bolt.adapter.starlette import SlackRequestHandler
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from bot.store.repository import Store
from bot.web_pages import article_html, not_found_html


def create_web(store: Store, bolt_app: App | None) -> Starlette:
    """The ASGI app; ``bolt_app`` None serves only pages and the health check."""
    handler = SlackRequestHandler(bolt_app) if bolt_app is not None else None

    async def slack_events(request: Request) -> Response:
        if handler is None:
            return JSONResponse({"error": "Slack is not configured"}, status_code=503)
        return await handler.handle(request)

    async def article(request: Request) -> Response:
        article_id = request.path_params["article_id"]
        view = store.article_view(article_id)
        if view is None:
            return HTMLResponse(not_found_html(article_id), status_code=404)
        return HTMLResponse(article_html(*view))

    async def healthz(request: Request) -> Response:
        stats = store.stats()
        return JSONResponse({"ok": True, "articles": stats.articles, "quotes": stats.quotes})

    return Starlette(
        routes=[
            Route("/slack/events", slack_events, methods=["POST"]),
            Route("/articles/{article_id}", article),
            Route("/healthz", healthz),
        ]
    )
