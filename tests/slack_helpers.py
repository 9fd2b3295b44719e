"""Running the real web app on 127.0.0.1 and sending it signed Slack requests."""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlencode

import httpx
import uvicorn

SECRET = "test-signing-secret"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve_app(asgi_app: Any) -> Iterator[str]:
    """Serve an ASGI app in a thread; yields its base URL."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(asgi_app, host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("app did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=5)


def signed_headers(
    body: str, content_type: str, timestamp: int | None = None, secret: str = SECRET
) -> dict[str, str]:
    ts = str(timestamp if timestamp is not None else int(time.time()))
    digest = hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": f"v0={digest}",
        "Content-Type": content_type,
    }


def post_form(base: str, fields: dict[str, str], **sign: Any) -> httpx.Response:
    body = urlencode(fields)
    headers = signed_headers(body, "application/x-www-form-urlencoded", **sign)
    return httpx.post(f"{base}/slack/events", content=body, headers=headers, timeout=10)


def post_json(
    base: str, payload: dict[str, Any], extra: dict[str, str] | None = None
) -> httpx.Response:
    body = json.dumps(payload)
    headers = signed_headers(body, "application/json") | (extra or {})
    return httpx.post(f"{base}/slack/events", content=body, headers=headers, timeout=10)


def slash(base: str, command: str, text: str, response_url: str) -> tuple[httpx.Response, float]:
    """POST a slash command; returns the response and the time to the ack (seconds)."""
    start = time.perf_counter()
    resp = post_form(
        base,
        {
            "command": command,
            "text": text,
            "response_url": response_url,
            "trigger_id": "1.2.3",
            "user_id": "U1",
            "channel_id": "C1",
            "team_id": "T1",
            "token": "legacy",
        },
    )
    return resp, time.perf_counter() - start


def interactive(base: str, payload: dict[str, Any]) -> httpx.Response:
    return post_form(base, {"payload": json.dumps(payload)})
