"""A response body inflated within a size cap, however many encodings are stacked (pure).

httpx inflates each network chunk whole, through every ``Content-Encoding`` layer, before the
caller can count a byte: a 1.8 KB ``gzip, gzip`` body becomes gigabytes in one step. zlib can
stop at a given output size (``max_length``), so each layer here inflates at most what is left
of the cap, and a body that would pass it is refused before it is inflated further. No library
does this bounded, layered decoding, hence this module.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable

SUPPORTED = ("gzip", "x-gzip", "deflate", "identity")


class TooLarge(Exception):
    """The body, once inflated, is larger than the cap."""


class UnsupportedEncoding(Exception):
    """A Content-Encoding Quotebot never asked for (it sends Accept-Encoding: gzip, deflate)."""


def encodings(header: str) -> list[str]:
    """The encodings of a Content-Encoding header, in the order they were applied."""
    found = [part.strip().lower() for part in header.split(",") if part.strip()]
    for name in found:
        if name not in SUPPORTED:
            raise UnsupportedEncoding(name)
    return [name for name in found if name != "identity"]


class _Layer:
    """One encoding undone, never producing more than the caller allows."""

    def __init__(self, name: str) -> None:
        # gzip has a header zlib reads with wbits 16+; "deflate" is zlib-wrapped by the
        # standard, but some servers send it raw, so the first failure retries raw.
        self._wbits = 16 + zlib.MAX_WBITS if name in ("gzip", "x-gzip") else zlib.MAX_WBITS
        self._raw_fallback = name == "deflate"
        self._inflater = zlib.decompressobj(self._wbits)
        self._started = False

    def inflate(self, data: bytes, limit: int) -> bytes:
        """Up to ``limit`` + 1 bytes of output for ``data`` (TooLarge past ``limit``)."""
        try:
            out = self._inflater.decompress(data, limit + 1)
        except zlib.error:
            if not (self._raw_fallback and not self._started):
                raise
            self._raw_fallback = False
            self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)
            out = self._inflater.decompress(data, limit + 1)
        self._started = True
        if len(out) > limit or self._inflater.unconsumed_tail:
            raise TooLarge
        return out

    def flush(self, limit: int) -> bytes:
        """What the layer still holds at the end of the body."""
        out = self._inflater.flush()
        if len(out) > limit:
            raise TooLarge
        return out


def inflate_capped(chunks: Iterable[bytes], applied: list[str], cap: int) -> bytes:
    """The body behind ``chunks`` (raw bytes as sent) with ``applied`` encodings undone, at
    most ``cap`` bytes at every layer; TooLarge as soon as a layer would pass it.

    zlib.error for a body that is not what its header says."""
    layers = [_Layer(name) for name in reversed(applied)]  # the last applied is undone first
    sizes = [0] * (len(layers) + 1)  # bytes out of each stage, the raw input first
    out: list[bytes] = []

    def push(data: bytes, stage: int) -> None:
        sizes[stage] += len(data)
        if sizes[stage] > cap:
            raise TooLarge
        if stage == len(layers):
            out.append(data)
        elif data:
            push(layers[stage].inflate(data, cap - sizes[stage + 1]), stage + 1)

    for chunk in chunks:
        push(chunk, 0)
    for stage, layer in enumerate(layers):
        push(layer.flush(cap - sizes[stage + 1]), stage + 1)
    return b"".join(out)
