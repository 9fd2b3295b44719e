"""A fake Socket Mode endpoint: a WebSocket server on 127.0.0.1 that greets like Slack.

It does the RFC 6455 handshake, sends Slack's ``hello`` message, answers pings and counts the
connections, which is all ``quotebot serve`` needs to come up in Socket Mode. Written by hand:
the test suite has no WebSocket server library, and this is the protocol's smallest subset.
"""

from __future__ import annotations

import base64
import hashlib
import json
import socket
import struct
import threading
from dataclasses import dataclass, field

GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


@dataclass
class FakeSocketMode:
    """The server's state: its ws:// URL and how many clients connected."""

    url: str = ""
    connections: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    listener: socket.socket | None = None

    def close(self) -> None:
        """Stop accepting connections."""
        if self.listener is not None:
            self.listener.close()


def _frame(opcode: int, payload: bytes) -> bytes:
    head = bytes([0x80 | opcode])
    if len(payload) < 126:
        return head + bytes([len(payload)]) + payload
    return head + bytes([126]) + struct.pack("!H", len(payload)) + payload


def _read_exact(conn: socket.socket, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = conn.recv(n - len(data))
        if not chunk:
            raise ConnectionError("closed")
        data += chunk
    return data


def _serve_client(conn: socket.socket, state: FakeSocketMode) -> None:
    with conn:
        request = b""
        while b"\r\n\r\n" not in request:
            chunk = conn.recv(4096)
            if not chunk:
                return
            request += chunk
        headers = dict(
            line.split(": ", 1) for line in request.decode().split("\r\n")[1:] if ": " in line
        )
        key = {k.lower(): v for k, v in headers.items()}["sec-websocket-key"].strip()
        accept = base64.b64encode(hashlib.sha1((key + GUID).encode()).digest()).decode()
        conn.sendall(
            (
                "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                f"Connection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n"
            ).encode()
        )
        with state.lock:
            state.connections += 1
        conn.sendall(_frame(0x1, json.dumps({"type": "hello", "num_connections": 1}).encode()))
        try:
            while True:
                first, second = _read_exact(conn, 2)
                opcode, length = first & 0x0F, second & 0x7F
                if length == 126:
                    (length,) = struct.unpack("!H", _read_exact(conn, 2))
                elif length == 127:
                    (length,) = struct.unpack("!Q", _read_exact(conn, 8))
                mask = _read_exact(conn, 4) if second & 0x80 else b"\0\0\0\0"
                data = bytes(b ^ mask[i % 4] for i, b in enumerate(_read_exact(conn, length)))
                if opcode == 0x9:  # ping
                    conn.sendall(_frame(0xA, data))
                elif opcode == 0x8:  # close
                    conn.sendall(_frame(0x8, data))
                    return
        except (ConnectionError, OSError):
            return


def start_fake_socket_mode() -> FakeSocketMode:
    """Listen on a free port of 127.0.0.1; each client is served on its own thread."""
    state = FakeSocketMode()
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    state.listener = listener
    state.url = f"ws://127.0.0.1:{listener.getsockname()[1]}/link"

    def accept_loop() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=_serve_client, args=(conn, state), daemon=True).start()

    threading.Thread(target=accept_loop, daemon=True).start()
    return state
