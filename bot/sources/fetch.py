"""A polite, robust HTTP fetcher for feeds, sitemaps and article pages (the network edge).

It names itself (User-Agent "Quotebot/<version>"), asks robots.txt, waits between requests to
one host, sends conditional requests (ETag / Last-Modified) so an unchanged page costs a 304,
follows a few redirects, accepts gzip, stops reading past a size cap and times out. Every
failure is a FetchError with the URL and a one-line reason; nothing else escapes.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import httpx

from bot.errors import QuotebotError
from bot.models import Validators

try:
    VERSION = version("quotebot")
except PackageNotFoundError:  # running from a checkout that was never installed
    VERSION = "dev"
USER_AGENT = f"Quotebot/{VERSION} (+https://github.com/quotebot; newsroom quote archive)"
ROBOTS_AGENT = "Quotebot"


class _Refused(Exception):
    """Raised inside the request hook: the host is not on the public internet."""


class FetchError(QuotebotError):
    """A URL that could not be fetched; the message is the one-line reason."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


@dataclass(frozen=True)
class Fetched:
    """A response worth reading (2xx), or ``not_modified`` for a 304 (no body)."""

    url: str  # the URL asked for
    final_url: str  # after redirects
    content_type: str
    body: bytes
    validators: Validators
    not_modified: bool = False

    def text(self) -> str:
        """The body decoded with the charset the server declared (UTF-8 otherwise)."""
        charset = "utf-8"
        for part in self.content_type.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                charset = value.strip("\"'")
        try:
            return self.body.decode(charset, errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "", "", ""))


class Fetcher:
    """One client for a run: connection reuse, robots.txt and rate limits per host."""

    def __init__(
        self,
        timeout: float = 15.0,
        max_bytes: int = 5_000_000,
        max_redirects: int = 5,
        min_interval: float = 1.0,
        respect_robots: bool = True,
        allow_private_hosts: bool = False,
    ) -> None:
        self.max_bytes = max_bytes
        self.allow_private_hosts = allow_private_hosts
        self.min_interval = min_interval
        self.respect_robots = respect_robots
        self._client = httpx.Client(
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(timeout),
            follow_redirects=True,
            max_redirects=max_redirects,
            event_hooks={"request": [self._refuse_private]},  # every hop, redirects included
        )
        self._robots: dict[str, RobotFileParser | None] = {}
        self._last_request: dict[str, float] = {}
        self._lock = threading.Lock()

    def _refuse_private(self, request: httpx.Request) -> None:
        """An editor's URL must not make the server call itself or its network (SSRF):
        hosts resolving to loopback, private, link-local or reserved addresses are refused."""
        if self.allow_private_hosts:
            return
        host = request.url.host
        try:
            infos = socket.getaddrinfo(host, request.url.port or 443, type=socket.SOCK_STREAM)
        except OSError as exc:
            raise _Refused(f"cannot resolve {host}: {exc.strerror or exc}") from None
        for info in infos:
            address = ipaddress.ip_address(info[4][0])
            if not address.is_global:
                raise _Refused(f"{host} is a private or local address ({address}); not fetched")

    def close(self) -> None:
        """Close the connections."""
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch(self, url: str, validators: Validators | None = None) -> Fetched:
        """GET a URL politely; FetchError (URL and reason) for anything but 2xx or 304."""
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(url, "only http(s) URLs can be fetched")
        if not self.allowed(url):
            raise FetchError(url, "robots.txt asks robots not to fetch it")
        headers: dict[str, str] = {}
        if validators and validators.etag:
            headers["If-None-Match"] = validators.etag
        if validators and validators.last_modified:
            headers["If-Modified-Since"] = validators.last_modified
        self._wait_turn(url)
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                if response.status_code == 304:
                    return Fetched(
                        url, str(response.url), "", b"", validators or Validators(), True
                    )
                if response.status_code >= 400:
                    raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}")
                body = self._read_capped(url, response)
                return Fetched(
                    url=url,
                    final_url=str(response.url),
                    content_type=response.headers.get("content-type", ""),
                    body=body,
                    validators=Validators(
                        etag=response.headers.get("etag"),
                        last_modified=response.headers.get("last-modified"),
                    ),
                )
        except _Refused as exc:
            raise FetchError(url, str(exc)) from None
        except httpx.TooManyRedirects:
            raise FetchError(url, "too many redirects") from None
        except httpx.TimeoutException:
            raise FetchError(url, "timed out") from None
        except httpx.HTTPError as exc:
            raise FetchError(url, f"{type(exc).__name__}: {exc}".rstrip(": ")) from None

    def _read_capped(self, url: str, response: httpx.Response) -> bytes:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(url, f"larger than {self.max_bytes:,} bytes")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(url, f"larger than {self.max_bytes:,} bytes")
            chunks.append(chunk)
        return b"".join(chunks)

    def _wait_turn(self, url: str) -> None:
        """At most one request per ``min_interval`` seconds to a host."""
        host = urlsplit(url).netloc
        with self._lock:
            now = time.monotonic()
            ready = self._last_request.get(host, 0.0) + self.min_interval
            self._last_request[host] = max(now, ready)
        if ready > now:
            time.sleep(ready - now)

    def allowed(self, url: str) -> bool:
        """Whether the host's robots.txt lets Quotebot fetch the URL (no robots.txt: yes)."""
        if not self.respect_robots:
            return True
        origin = _origin(url)
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin)
        robots = self._robots[origin]
        return robots is None or robots.can_fetch(ROBOTS_AGENT, url)

    def _load_robots(self, origin: str) -> RobotFileParser | None:
        self._wait_turn(origin)
        try:
            response = self._client.get(origin + "/robots.txt")
        except (httpx.HTTPError, _Refused):
            return None  # unreachable robots.txt: the page fetch will report the real problem
        if response.status_code >= 400:
            return None  # no robots.txt: everything is allowed
        parser = RobotFileParser()
        parser.parse(response.text[:500_000].splitlines())
        return parser
