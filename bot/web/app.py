"""The web process (Starlette): Slack events over HTTP, article pages, and a health check."""

from __future__ import annotations

from slack_bolt import App
from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from bot.errors import StoreFault
from bot.slack.verify import headers_signed
from bot.store.database import Store
from bot.web.pages import article_html, not_found_html

# Slack's requests are a few kilobytes; anything far larger is refused before it is read whole.
MAX_SLACK_BODY_BYTES = 256 * 1024


class BodyTooLarge(Exception):
    """The request body passed the size limit while it was being read."""


async def read_capped(request: Request, limit: int) -> bytes:
    """The request body, or BodyTooLarge as soon as more than ``limit`` bytes have arrived."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge
        chunks.append(chunk)
    return b"".join(chunks)


def create_web(store: Store, bolt_app: App | None, signing_secret: str = "") -> Starlette:
    """The ASGI app; ``bolt_app`` None serves only pages and the health check.

    Slack requests are size-capped and signature-checked here, before Bolt parses them: an
    unverified request gets 401 and causes nothing else.
    """

    async def slack_events(request: Request) -> Response:
        if bolt_app is None:
            return JSONResponse({"error": "Slack is not configured"}, status_code=503)
        try:
            body = await read_capped(request, MAX_SLACK_BODY_BYTES)
        except BodyTooLarge:
            return JSONResponse({"error": "request body too large"}, status_code=413)
        if not headers_signed(signing_secret, body, request.headers):
            return JSONResponse({"error": "invalid request"}, status_code=401)
        try:
            bolt_request = to_bolt_request(request, body)
        except ValueError:  # undecodable or malformed body, though correctly signed
            return JSONResponse({"error": "malformed request"}, status_code=400)
        # Bolt's dispatch blocks (middleware, ack); keep it off the event loop.
        bolt_response = await run_in_threadpool(bolt_app.dispatch, bolt_request)
        return to_starlette_response(bolt_response)

    # Plain functions: Starlette runs them in its thread pool, so the blocking store never
    # stalls the event loop.
    def article(request: Request) -> Response:
        article_id = request.path_params["article_id"]
        view = store.articles.article_view(article_id)
        if view is None:
            return HTMLResponse(not_found_html(article_id), status_code=404)
        return HTMLResponse(article_html(*view))

    def healthz(request: Request) -> Response:
        # A monitor polls this: an archive it cannot read is a 503 that says why, in one line.
        try:
            stats = store.articles.stats()
        except StoreFault as exc:
            return JSONResponse({"ok": False, "error": str(exc)}, status_code=503)
        return JSONResponse({"ok": True, "articles": stats.articles, "quotes": stats.quotes})

    return Starlette(
        routes=[
            Route("/slack/events", slack_events, methods=["POST"]),
            Route("/articles/{article_id:path}", article),  # ids may hold "/" (encoded)
            Route("/healthz", healthz),
        ]
    )
