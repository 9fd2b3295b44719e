"""A hostile website on 127.0.0.1, and an "internal" one on 127.0.0.2 beside it.

The hostile site serves what an attacker (or a badly run CMS) would: a gzip bomb stacked two
layers deep, a page that drips a byte at a time, oversized bodies with and without a length,
redirect chains and loops, a redirect into the internal network, a gzip-bombed robots.txt,
pages in legacy charsets, and sitemaps nested deeper than anyone should read. The internal
site stands for an intranet page (or a metadata service): every request it gets is a failure.
Both record their requests.
"""

from __future__ import annotations

import contextlib
import functools
import threading
import time
import zlib
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

GIB = 1 << 30
LATIN1_PAGE = """<!doctype html><html><head><meta charset="iso-8859-1">
<title>Régime change | The Kestrel Times</title></head><body><article><h1>Régime change</h1>
<p>"This régime has had its day, and the café owners know it," said councillor Zoë Brûlé on
Monday, speaking outside the town hall.</p>
<p>The council has run the harbour district for eleven years, and its plans for the old fish
market have divided residents, traders and the tourist board since the spring.</p>
<p>Ms Brûlé, who chairs the traders' association, said the vote next week would decide
whether the market stays open through the winter months.</p></article></body></html>"""
# The same page as a Windows CMS writes it: curly quotes (cp1252 has them), no declaration.
CP1252_PAGE = (
    LATIN1_PAGE.replace('<meta charset="iso-8859-1">', "")
    .replace('"This', "“This")
    .replace('know it,"', "know it,”")
)
INTERNAL_SECRET = "“The admin password is hunter2,” said operator Ian Internal."


def gzip_of_zeros(size: int) -> bytes:
    """``size`` zero bytes, gzip-compressed, made a megabyte at a time."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(1 << 20)
    parts = [packer.compress(block) for _ in range(size // len(block))]
    parts.append(packer.flush())
    return b"".join(parts)


@functools.cache
def double_gzip_bomb(size: int = GIB) -> bytes:
    """``gzip, gzip``: about 1.8 KB on the wire for a gibibyte inside."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    return packer.compress(gzip_of_zeros(size)) + packer.flush()


@dataclass
class Site:
    """One site's state: the requests it got (path, time) and knobs for its slow pages."""

    base: str = ""
    requests: list[tuple[str, float]] = field(default_factory=list)
    drip_interval: float = 0.5
    drip_bytes: int = 120
    lock: threading.Lock = field(default_factory=threading.Lock)
    routes: dict[str, tuple[int, dict[str, str], bytes]] = field(default_factory=dict)

    def paths(self) -> list[str]:
        """Every path requested, in order."""
        with self.lock:
            return [p for p, _ in self.requests]

    def times(self, path: str) -> list[float]:
        """When each request for ``path`` arrived (time.monotonic)."""
        with self.lock:
            return [t for p, t in self.requests if p == path]

    def page(self, path: str, body: bytes | str, **headers: str) -> None:
        """Serve ``body`` at ``path`` with the given headers (underscores become dashes)."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        named = {k.replace("_", "-"): v for k, v in headers.items()}
        self.routes[path] = (200, {"Content-Type": "text/html", **named}, data)

    def redirect(self, path: str, to: str) -> None:
        """Answer ``path`` with a 302 to ``to``."""
        self.routes[path] = (302, {"Location": to}, b"")


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            with site.lock:
                site.requests.append((self.path, time.monotonic()))
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self._answer()  # a fetcher that gives up on us is the point of some pages

        def _answer(self) -> None:
            path = self.path.split("?")[0]  # /drip?1 and /drip?2 are two URLs, one page
            if path == "/drip":
                return self._drip()
            if path == "/huge-chunked":
                return self._huge_chunked()
            if path.startswith("/loop/"):
                n = int(path.rsplit("/", 1)[1])
                return self._send(302, {"Location": f"/loop/{n + 1}"}, b"")
            status, headers, body = site.routes.get(
                path, (404, {"Content-Type": "text/plain"}, b"not here")
            )
            return self._send(status, headers, body)

        def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _drip(self) -> None:
            """A page that never stops arriving: a byte every ``drip_interval`` seconds."""
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(site.drip_bytes))
            self.end_headers()
            for _ in range(site.drip_bytes):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(site.drip_interval)

        def _huge_chunked(self) -> None:
            """Twenty megabytes with no Content-Length: only counting can stop it."""
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            block = b"<p>" + b"x" * 65_530 + b"</p>"
            for _ in range(320):
                self.wfile.write(f"{len(block):x}\r\n".encode() + block + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")

    return Handler


def serve(host: str, port: int = 0) -> tuple[Site, ThreadingHTTPServer]:
    """Serve a site on ``host`` (a port of 0 picks a free one)."""
    site = Site()
    server = ThreadingHTTPServer((host, port), _handler(site))
    server.daemon_threads = True
    site.base = f"http://{host}:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return site, server
