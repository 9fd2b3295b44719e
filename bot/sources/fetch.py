"""A polite, robust HTTP fetcher for feeds, sitemaps and article pages (the network edge).

It names itself (User-Agent "Quotebot/<version>"), asks robots.txt, waits between requests to
one host, sends conditional requests (ETag / Last-Modified) so an unchanged page costs a 304,
follows a few redirects and accepts gzip. It is built for hostile URLs too (guard.py,
decode.py): each fetch has one wall-clock deadline, the body is inflated within the size cap
through every encoding layer, and it connects only to addresses it has checked. Every failure
is a FetchError with the URL and a one-line reason; nothing else escapes.
"""

from __future__ import annotations

import socket
import threading
import time
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import httpx

from bot.errors import QuotebotError
from bot.models import Validators
from bot.sources.charset import decode_page
from bot.sources.decode import TooLarge, UnsupportedEncoding, encodings, inflate_capped
from bot.sources.guard import Deadline, HostPolicy, PinnedBackend, PinnedTransport, Refused

try:
    VERSION = version("quotebot")
except PackageNotFoundError:  # running from a checkout that was never installed
    VERSION = "dev"
USER_AGENT = f"Quotebot/{VERSION} (+https://github.com/quotebot; newsroom quote archive)"
ROBOTS_AGENT = "Quotebot"
ROBOTS_MAX_BYTES = 500 * 1024  # RFC 9309: crawlers must read at least 500 KiB of it


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
        """The body as text: the declared charset when the bytes fit it, else detected."""
        return decode_page(self.body, self.content_type)


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
        allow_hosts: Iterable[str] = (),
        deadline: float = 25.0,
    ) -> None:
        """``timeout``: per socket operation; ``deadline``: the whole fetch, connect to last
        byte; ``allow_hosts``: private host names or networks that may be fetched (an
        intranet CMS)."""
        self.max_bytes = max_bytes
        self.min_interval = min_interval
        self.respect_robots = respect_robots
        self.deadline_seconds = deadline
        self._deadline = Deadline()
        # The resolver is looked up now, not when guard.py was imported: tests stand in for it.
        backend = PinnedBackend(
            HostPolicy.allowing(allow_hosts), self._deadline, socket.getaddrinfo
        )
        self._client = httpx.Client(
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(timeout),
            follow_redirects=True,
            max_redirects=max_redirects,
            transport=PinnedTransport(backend),  # every hop, redirects included
            trust_env=False,  # a proxy from the environment would connect for us, unchecked
        )
        self._robots: dict[str, RobotFileParser | None] = {}
        self._last_request: dict[str, float] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        """Close the connections."""
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch(
        self, url: str, validators: Validators | None = None, within: float | None = None
    ) -> Fetched:
        """GET a URL politely; FetchError (URL and reason) for anything but 2xx or 304.

        ``within``: seconds the caller has left (a source scan's), when fewer than the
        fetch's own deadline."""
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
        seconds = self.deadline_seconds if within is None else min(within, self.deadline_seconds)
        return self._get(url, headers, self.max_bytes, seconds, validators)

    def _get(
        self,
        url: str,
        headers: dict[str, str],
        cap: int,
        seconds: float,
        validators: Validators | None = None,
    ) -> Fetched:
        """One GET (redirects followed) within ``seconds`` and ``cap`` bytes."""
        self._deadline.set(seconds)
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                if response.status_code == 304:
                    return Fetched(
                        url, str(response.url), "", b"", validators or Validators(), True
                    )
                if response.status_code >= 400:
                    raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}")
                body = self._read_capped(url, response, cap)
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
        except Refused as exc:
            raise FetchError(url, str(exc)) from None
        except httpx.TooManyRedirects:
            raise FetchError(url, "too many redirects") from None
        except httpx.TimeoutException:
            if self._deadline.passed():
                reason = f"gave up after {seconds:.2g} s: the site is too slow"
                raise FetchError(url, reason) from None
            raise FetchError(url, "timed out") from None
        except httpx.HTTPError as exc:
            raise FetchError(url, f"{type(exc).__name__}: {exc}".rstrip(": ")) from None
        finally:
            self._deadline.set(None)

    def _read_capped(self, url: str, response: httpx.Response, cap: int) -> bytes:
        """The body, inflated here rather than by httpx so that no layer passes the cap."""
        too_large = f"larger than {cap:,} bytes"
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise FetchError(url, too_large)
        try:
            applied = encodings(response.headers.get("content-encoding", ""))
            return inflate_capped(response.iter_raw(), applied, cap)
        except TooLarge:
            raise FetchError(url, f"{too_large} (once decompressed)") from None
        except UnsupportedEncoding as exc:
            raise FetchError(url, f"sent in an encoding Quotebot did not ask for ({exc})") from None
        except zlib.error:
            raise FetchError(url, "its compressed body is corrupt") from None

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
            fetched = self._get(origin + "/robots.txt", {}, ROBOTS_MAX_BYTES, self.deadline_seconds)
        except FetchError:
            # None there (4xx), unreachable (the page fetch reports the real problem), or
            # over the cap robots.txt files are held to: read as "everything is allowed".
            return None
        parser = RobotFileParser()
        parser.parse(fetched.body.decode("utf-8", errors="replace").splitlines())
        return parser
