"""Which characters a fetched page's bytes are (pure).

The order browsers use: the charset the server declares, else the page's own ``<meta
charset>`` or ``http-equiv`` declaration, else a guess from the bytes (charset-normalizer, the
detector requests and trafilatura rely on). A declaration the bytes contradict (a cp1252 page
sent as UTF-8) is not believed: the next source is asked, so no "r\ufffdgime" reaches the archive.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE | re.DOTALL
)
# WHATWG: pages labelled latin-1 or ASCII are read as windows-1252, as every browser does.
WEB_DEFAULT = "cp1252"
BROWSER_ALIASES = {"iso8859-1": "cp1252", "ascii": "cp1252", "latin-1": "cp1252"}


def _codec(label: str | None) -> str | None:
    """Python's codec name for a charset label, or None for a label nobody knows."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return BROWSER_ALIASES.get(name, name)


def header_charset(content_type: str) -> str | None:
    """The ``charset=`` of a Content-Type header."""
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value
    return None


def meta_charset(body: bytes) -> str | None:
    """The charset a page declares in its first 4 KB (``<meta charset>`` or http-equiv)."""
    found = META_CHARSET.search(body[:4096])
    return found.group(1).decode("ascii") if found else None


def decode_page(body: bytes, content_type: str) -> str:
    """The page's text: declared charsets that fit the bytes, else a detected one."""
    for label in (header_charset(content_type), meta_charset(body), "utf-8"):
        codec = _codec(label)
        if codec is None:
            continue
        try:
            return body.decode(codec)
        except UnicodeDecodeError:
            continue  # the declaration is wrong for these bytes: ask the next source
    return body.decode(detected(body) or WEB_DEFAULT, errors="replace")


def detected(body: bytes) -> str | None:
    """The codec the bytes most look like; among equally likely ones, the web's default
    (windows-1252: what browsers assume for an undeclared Western page)."""
    matches = from_bytes(body[:200_000])
    best = matches.best()
    if best is None:
        return None
    tied = {m.encoding for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)}
    return WEB_DEFAULT if WEB_DEFAULT in tied else _codec(best.encoding)
