"""Which URLs may become links (pure): only the web's own schemes, never javascript: or data:."""

from __future__ import annotations

from urllib.parse import quote, urlsplit


def is_web_url(url: str | None) -> bool:
    """An http(s) URL with a host."""
    if not url:
        return False
    parts = urlsplit(url.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def article_path(article_id: str) -> str:
    """The article page's path, its id percent-encoded ("odd#name?x=1", "a/../b" stay ids)."""
    return "/articles/" + quote(article_id, safe="")
