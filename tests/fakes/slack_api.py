"""A fake Slack Web API: a real HTTP server on 127.0.0.1 that records what the bot sends.

It answers ``/api/<method>`` like Slack (``{"ok": true, …}``) and accepts ``response_url``
posts under ``/response/<id>``. Failures (500, 429 with Retry-After, dropped connections) can be
queued per method to exercise retries.
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs


@dataclass
class Call:
    """One request the bot made."""

    path: str
    body: dict[str, Any]

    @property
    def method(self) -> str:
        """The Web API method name, or "response" for a response_url post."""
        return self.path.removeprefix("/api/") if self.path.startswith("/api/") else "response"

    def text(self) -> str:
        """Everything the user would read: text and every block, as one JSON string."""
        blocks = self.body.get("blocks")
        if isinstance(blocks, str):
            blocks = json.loads(blocks)
        view = self.body.get("view")
        if isinstance(view, str):
            view = json.loads(view)
        return json.dumps(
            {"text": self.body.get("text"), "blocks": blocks, "view": view}, ensure_ascii=False
        )


@dataclass
class FakeSlack:
    """The server's state: calls received and failures to inject."""

    calls: list[Call] = field(default_factory=list)
    failures: dict[str, deque[tuple[int, dict[str, str]]]] = field(default_factory=dict)
    history: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    url: str = ""
    ts_counter: int = 0
    kill_pid_on_post: int | None = None  # simulate a crash after Slack stored the message
    fail_after_storing: int = 0  # the next N posts are stored, then answered with a 500
    auth_error: str | None = None  # auth.test answers {"ok": false, "error": auth_error}
    socket_url: str = ""  # apps.connections.open hands out this ws:// URL
    group_users: list[str] = field(default_factory=list)  # usergroups.users.list members
    history_page_size: int = 200  # conversations.history's most messages per page
    gone_channels: set[str] = field(default_factory=set)  # deleted or archived: channel_not_found

    def fail(
        self, method: str, status: int, times: int = 1, headers: dict[str, str] | None = None
    ) -> None:
        """Make the next ``times`` calls of ``method`` fail with ``status``."""
        queue = self.failures.setdefault(method, deque())
        for _ in range(times):
            queue.append((status, headers or {}))

    def of(self, method: str) -> list[Call]:
        """The calls made to one method (or "response")."""
        with self.lock:
            return [c for c in self.calls if c.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 15.0) -> list[Call]:
        """Wait until ``count`` calls to ``method`` arrived; return them."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.of(method)
            if len(found) >= count:
                return found
            time.sleep(0.02)
        raise AssertionError(f"expected {count} {method} call(s), got {len(self.of(method))}")

    def history_page(self, body: dict[str, Any]) -> dict[str, Any]:
        """conversations.history as Slack answers it: one channel's messages, newest first,
        a page at a time (cursor), metadata only when ``include_all_metadata`` is asked."""
        with self.lock:
            channel = [m for m in reversed(self.history) if m["channel"] == body.get("channel")]
        start = int(body.get("cursor") or 0)
        size = min(int(body.get("limit") or 100), self.history_page_size)
        page = channel[start : start + size]
        if str(body.get("include_all_metadata", "")).lower() not in ("1", "true"):
            page = [{k: v for k, v in m.items() if k != "metadata"} for m in page]
        more = start + size < len(channel)
        answer: dict[str, Any] = {"ok": True, "messages": page, "has_more": more}
        if more:
            answer["response_metadata"] = {"next_cursor": str(start + size)}
        return answer

    def answer(self, method: str, body: dict[str, Any]) -> dict[str, Any]:
        if method == "auth.test" and self.auth_error:
            return {"ok": False, "error": self.auth_error}
        if method == "usergroups.users.list":
            return {"ok": True, "users": list(self.group_users)}
        if method == "views.open":
            return {"ok": True, "view": {"id": "V1"}}
        if method == "apps.connections.open":
            return {"ok": True, "url": self.socket_url}
        if method == "auth.test":
            return {
                "ok": True,
                "user_id": "UBOT",
                "bot_id": "BBOT",
                "team_id": "T1",
                "user": "quotebot",
            }
        gone = method in ("chat.postMessage", "conversations.history")
        if gone and body.get("channel") in self.gone_channels:
            return {"ok": False, "error": "channel_not_found"}
        if method in ("chat.postMessage", "chat.postEphemeral"):
            with self.lock:
                self.ts_counter += 1
                ts = f"1700000000.{self.ts_counter:06d}"
                if method == "chat.postMessage":
                    metadata = body.get("metadata")
                    if isinstance(metadata, str):
                        metadata = json.loads(metadata)
                    self.history.append(
                        {
                            "ts": ts,
                            "text": body.get("text"),
                            "metadata": metadata,
                            "channel": body.get("channel"),
                        }
                    )
            return {"ok": True, "channel": body.get("channel"), "ts": ts, "message_ts": ts}
        if method == "conversations.history":
            return self.history_page(body)
        return {"ok": True}


def make_handler(state: FakeSlack) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # keep test output quiet
            pass

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length).decode("utf-8")
            body: dict[str, Any]
            if "json" in (self.headers.get("Content-Type") or ""):
                body = json.loads(raw or "{}")
            else:
                body = {k: v[0] for k, v in parse_qs(raw).items()}
            path = self.path.split("?")[0]
            method = path.removeprefix("/api/") if path.startswith("/api/") else "response"
            with state.lock:
                queue = state.failures.get(method)
                failure = queue.popleft() if queue else None
            if failure is not None:
                status, headers = failure
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b'{"ok": false, "error": "injected"}')
                return
            with state.lock:
                state.calls.append(Call(path, body))
            payload = state.answer(method, body) if method != "response" else None
            if method == "chat.postMessage" and state.fail_after_storing > 0:
                state.fail_after_storing -= 1  # stored (in history), but the answer is an error
                self.send_response(500)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b'{"ok": false, "error": "internal_error"}')
                return
            if method == "chat.postMessage" and state.kill_pid_on_post:
                pid, state.kill_pid_on_post = state.kill_pid_on_post, None
                os.kill(pid, signal.SIGKILL)  # the message is posted; the poster never hears back
                time.sleep(0.2)
            self.send_response(200)
            self.send_header("Content-Type", "application/json" if payload else "text/plain")
            self.end_headers()
            self.wfile.write(json.dumps(payload).encode() if payload else b"ok")

        do_GET = do_POST

    return Handler


def start_fake_slack() -> tuple[FakeSlack, ThreadingHTTPServer]:
    """Start the fake on a free port of 127.0.0.1."""
    state = FakeSlack()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(state))
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return state, server
