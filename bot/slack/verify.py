"""Is this request really from Slack? Strict signature checks that never raise.

Written by hand around ``hmac`` because slack_sdk's ``SignatureVerifier.is_valid`` calls
``int()`` on the timestamp header: a forged request with ``X-Slack-Request-Timestamp: abc``
raised inside Bolt's middleware, and Bolt's error handler then answered the unverified body's
``response_url`` — anyone could make the bot send requests. Here every malformed header is
simply "not verified".
"""

from __future__ import annotations

import hashlib
import hmac
import re
import time
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

from slack_bolt import BoltResponse
from slack_bolt.middleware import Middleware
from slack_bolt.request import BoltRequest

MAX_SKEW_SECONDS = 5 * 60
TIMESTAMP = re.compile(r"[0-9]{1,12}")
SIGNATURE = re.compile(r"v0=[0-9a-f]{64}")
SLACK_RESPONSE_HOSTS = frozenset({"hooks.slack.com"})


def is_signed_by_slack(
    secret: str,
    body: bytes,
    timestamp: str | None,
    signature: str | None,
    now: float | None = None,
) -> bool:
    """True only for a well-formed, fresh, correctly signed request; never raises."""
    if not secret or timestamp is None or signature is None:
        return False
    if not TIMESTAMP.fullmatch(timestamp) or not SIGNATURE.fullmatch(signature):
        return False
    current = time.time() if now is None else now
    if abs(current - int(timestamp)) > MAX_SKEW_SECONDS:
        return False
    base = b"v0:" + timestamp.encode("ascii") + b":" + body
    expected = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


def headers_signed(secret: str, body: bytes, headers: Mapping[str, str]) -> bool:
    """``is_signed_by_slack`` over an HTTP header mapping (case-insensitive names)."""
    lowered = {k.lower(): v for k, v in headers.items()}
    return is_signed_by_slack(
        secret, body, lowered.get("x-slack-request-timestamp"), lowered.get("x-slack-signature")
    )


def response_url_allowed(url: str, extra_origin: str | None = None) -> bool:
    """Slack's response URLs live on hooks.slack.com (or the configured test/proxy API origin)."""
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname in SLACK_RESPONSE_HOSTS:
        return True
    if extra_origin:
        allowed = urlsplit(extra_origin)
        return (parts.scheme, parts.netloc) == (allowed.scheme, allowed.netloc)
    return False


class StrictRequestVerification(Middleware):
    """Bolt middleware in place of Bolt's own verification: malformed or unsigned → 401.

    Socket Mode requests arrive over the app-token connection and carry no signature.
    A verified request whose ``response_url`` is not Slack's is refused too, so that nothing
    (replies or apologies) is ever sent to an address a caller chose.
    """

    def __init__(self, secret: str, extra_origin: str | None = None) -> None:
        self.secret = secret
        self.extra_origin = extra_origin

    def process(
        self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]
    ) -> BoltResponse:
        """Pass a verified request on; answer anything else with an error and do nothing."""
        if req.mode != "socket_mode":
            headers = {k: v[0] for k, v in req.headers.items() if v}
            raw = req.raw_body.encode("utf-8") if isinstance(req.raw_body, str) else req.raw_body
            if not headers_signed(self.secret, raw, headers):
                return BoltResponse(status=401, body='{"error":"invalid request"}')
        response_url = _response_url(req.body)
        if response_url is not None and not response_url_allowed(response_url, self.extra_origin):
            return BoltResponse(status=400, body='{"error":"unexpected response_url"}')
        return next()


def _response_url(body: Any) -> str | None:
    """The response URL a request carries (slash commands and interactions), if any."""
    if not isinstance(body, dict):
        return None
    value = body.get("response_url")
    if value is None:
        urls = body.get("response_urls")
        if isinstance(urls, list) and urls and isinstance(urls[0], dict):
            value = urls[0].get("response_url")
    return str(value) if value is not None else None
