"""What the fetcher may connect to, and for how long (the network edge's safety catch).

Three promises, kept below httpx, where the socket is opened and read:

- **The address that is checked is the address that is used.** A host name is resolved once;
  every address it gave is checked against the policy; the connection goes to one of those
  checked addresses. Resolving twice (once to check, once to connect) lets a name answer a
  public address to the check and 127.0.0.1 to the connection (DNS rebinding). TLS still
  verifies the certificate for the host *name*, and the Host header is the URL's, because
  httpcore is only handed a socket to a different address, not a different URL.
- **Private networks are closed unless named.** ``web.allow_hosts`` lists host names or
  networks an intranet CMS lives on; cloud metadata addresses are refused whatever it says.
- **One wall-clock deadline per fetch.** httpx's timeouts are per socket operation, so a page
  that sends a byte every two seconds never times out. Every read, write, connect and TLS
  handshake here is given at most the time left before the fetch's deadline.

httpx has no public hook for any of this; httpcore's ``NetworkBackend`` is the documented seam
for custom connections, so that is what is written by hand here.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import threading
import time
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import httpcore
import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[..., list[tuple[typing.Any, ...]]]

# Cloud metadata endpoints (AWS, GCP, Azure, and AWS's IPv6 one): credentials live there.
METADATA_ADDRESSES = frozenset(
    {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}
)


class Refused(Exception):
    """Raised while connecting: the address is not one Quotebot may fetch from."""


class DeadlinePassed(httpcore.TimeoutException):
    """The fetch's wall-clock deadline passed (an httpcore timeout, so httpx maps it)."""


def _plain(address: IPAddress) -> IPAddress:
    """An IPv4-mapped IPv6 address (::ffff:127.0.0.1) is the IPv4 address it maps."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


@dataclass(frozen=True)
class HostPolicy:
    """Which addresses may be fetched: the public internet, plus the named exceptions."""

    names: frozenset[str] = frozenset()
    networks: tuple[IPNetwork, ...] = ()

    @classmethod
    def allowing(cls, entries: Iterable[str]) -> HostPolicy:
        """A policy from ``web.allow_hosts`` entries: host names or networks (CIDR or one
        address)."""
        names: set[str] = set()
        networks: list[IPNetwork] = []
        for entry in entries:
            entry = entry.strip().lower()
            try:
                networks.append(ipaddress.ip_network(entry, strict=False))
            except ValueError:
                names.add(entry.rstrip("."))
        return cls(frozenset(names), tuple(networks))

    def refusal(self, host: str, address: IPAddress) -> str | None:
        """Why ``host`` at ``address`` may not be fetched, or None when it may."""
        address = _plain(address)
        if address in METADATA_ADDRESSES:
            return f"{host} is a cloud metadata address ({address}); never fetched"
        if address.is_global and not address.is_multicast:
            return None
        if host.lower().rstrip(".") in self.names or any(address in n for n in self.networks):
            return None
        return (
            f"{host} is a private or local address ({address}); not fetched "
            "(web.allow_hosts can let an intranet host through)"
        )


class Deadline:
    """The wall-clock deadline of the fetch under way in this thread (none: no limit)."""

    def __init__(self) -> None:
        self._local = threading.local()

    def set(self, seconds: float | None) -> None:
        """Start (or with None, clear) this thread's deadline."""
        self._local.at = None if seconds is None else time.monotonic() + seconds

    def passed(self) -> bool:
        """Whether this thread's deadline has passed."""
        at = getattr(self._local, "at", None)
        return at is not None and time.monotonic() >= at

    def cap(self, timeout: float | None) -> float | None:
        """A socket timeout no longer than the time left; DeadlinePassed when none is."""
        at = getattr(self._local, "at", None)
        if at is None:
            return timeout
        left = at - time.monotonic()
        if left <= 0:
            raise DeadlinePassed("the fetch's deadline passed")
        return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose every operation ends by the deadline."""

    def __init__(self, inner: httpcore.NetworkStream, deadline: Deadline) -> None:
        self._inner = inner
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._deadline.cap(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._deadline.cap(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        # server_hostname is the URL's host name: the certificate is checked for it.
        tls = self._inner.start_tls(ssl_context, server_hostname, self._deadline.cap(timeout))
        return _DeadlineStream(tls, self._deadline)

    def get_extra_info(self, info: str) -> typing.Any:
        return self._inner.get_extra_info(info)


class PinnedBackend(httpcore.NetworkBackend):
    """Connections to checked addresses only, each within the fetch's deadline."""

    def __init__(
        self,
        policy: HostPolicy,
        deadline: Deadline,
        resolve: Resolver = socket.getaddrinfo,
    ) -> None:
        self._policy = policy
        self._deadline = deadline
        self._resolve = resolve
        self._inner = httpcore.SyncBackend()

    def checked_addresses(self, host: str, port: int) -> list[str]:
        """Resolve ``host`` once; every address must pass the policy (Refused otherwise)."""
        try:
            infos = self._resolve(host, port, type=socket.SOCK_STREAM)
        except OSError as exc:
            raise Refused(f"cannot resolve {host}: {exc.strerror or exc}") from None
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        for address in addresses:
            reason = self._policy.refusal(host, ipaddress.ip_address(address.split("%")[0]))
            if reason is not None:
                raise Refused(reason)
        if not addresses:
            raise Refused(f"cannot resolve {host}: no address")
        return addresses

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[typing.Any] | None = None,
    ) -> httpcore.NetworkStream:
        failure: Exception | None = None
        for address in self.checked_addresses(host, port):
            try:
                stream = self._inner.connect_tcp(
                    address,
                    port,
                    timeout=self._deadline.cap(timeout),
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except httpcore.ConnectError as exc:  # the next checked address may answer
                failure = exc
                continue
            return _DeadlineStream(stream, self._deadline)
        assert failure is not None
        raise failure

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[typing.Any] | None = None,
    ) -> httpcore.NetworkStream:
        raise Refused("unix sockets are never fetched")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class PinnedTransport(httpx.HTTPTransport):
    """httpx's own transport (its error mapping, pooling and HTTP/1.1) over a PinnedBackend.

    httpx builds its httpcore pool in ``__init__`` without a way to pass a network backend,
    so the pool is rebuilt here with the same settings and ours."""

    def __init__(self, backend: PinnedBackend, limits: httpx.Limits | None = None) -> None:
        limits = limits or httpx.Limits(max_connections=20, max_keepalive_connections=10)
        super().__init__(limits=limits, trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=backend,
        )
