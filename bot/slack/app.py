"""The Bolt app: listeners parse the payload, call ``answers``, render and reply. Nothing more."""

from __future__ import annotations

import json
import logging
import re
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from slack_bolt import Ack, App, BoltRequest, BoltResponse, Respond, Say
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.webhook import WebhookClient

from bot.answers import check_draft, clean_query, context, whosaid
from bot.errors import UsageError
from bot.extraction import build_extractor
from bot.ingest import add_url
from bot.models import QuoteRecord, WatchKind
from bot.settings import Settings
from bot.slack import blocks as ui
from bot.slack.pool import BoundedPool
from bot.slack.verify import StrictRequestVerification, response_url_allowed
from bot.store.repository import Store
from bot.store.watch_repo import WatchRepository

log = logging.getLogger(__name__)
QUOTED = re.compile(r"[\"“”](.+?)[\"“”]")
MENTION = re.compile(r"<@[A-Z0-9]+>")
SLACK_LINK = re.compile(r"<(https?://[^|>\s]+)(?:\|[^>]*)?>")
BARE_LINK = re.compile(r"(https?://[^\s<>|]+)")
ANSWER_WORKERS = 4  # searches at once; more wait in the queue, while acks go straight back
ADD_WORKERS = 2  # URL adds fetching at once, on their own threads (a slow site waits alone)
ADDS_WAITING = 6  # adds in line behind them; more are told to try again
RETRY_HANDLERS = [
    ConnectionErrorRetryHandler(max_retry_count=3),
    RateLimitErrorRetryHandler(max_retry_count=3),
    ServerErrorRetryHandler(max_retry_count=3),
]


class SeenEvents:
    """Event ids already handled, kept for a while: a redelivered event is not answered twice."""

    def __init__(self, ttl_seconds: float = 3600.0) -> None:
        self.ttl = ttl_seconds
        self._seen: dict[str, float] = {}
        self._lock = threading.Lock()

    def first_time(self, event_id: str) -> bool:
        """True the first time an id is seen (within the TTL)."""
        now = time.monotonic()
        with self._lock:
            self._seen = {k: t for k, t in self._seen.items() if now - t < self.ttl}
            if event_id in self._seen:
                return False
            self._seen[event_id] = now
            return True


class _NoTokenSkippedWarning(logging.Filter):
    """Bolt reads SLACK_BOT_TOKEN from the environment even when given a client, then warns
    that the token "will be unused" on every start. The client carries that same token, so
    the warning is noise; this drops that one message and nothing else."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


logging.getLogger("slack_bolt.App").addFilter(_NoTokenSkippedWarning())


def web_client(settings: Settings) -> WebClient:
    """A Web API client with retries for outages and rate limits (and a test/proxy base URL)."""
    kwargs: dict[str, Any] = {"token": settings.slack_bot_token, "retry_handlers": RETRY_HANDLERS}
    if settings.slack_api_url:
        kwargs["base_url"] = settings.slack_api_url.rstrip("/") + "/"
    return WebClient(**kwargs)


def watch_target(text: str) -> tuple[WatchKind, str] | None:
    """ "Elon Musk" → a speaker; phrase "rape gangs" → a phrase; None when nothing is named."""
    words = text.strip()
    kind: WatchKind = "speaker"
    if words.lower().startswith("phrase "):
        kind, words = "phrase", words[len("phrase ") :]
    target = words.strip().strip("\"“”'‘’").strip()
    return (kind, target) if target else None


def first_web_url(text: str) -> str | None:
    """The first http(s) link in Slack message text (``<https://…|label>``, ``<https://…>``)
    or typed plainly."""
    found = SLACK_LINK.search(text or "") or BARE_LINK.search(text or "")
    return found.group(1) if found else None


ERRORS = {
    "no_speaker": "Give the right speaker, or tick “Not a quote”.",
    "gone": "That quote is no longer in the archive (its article changed or was removed).",
}


def user_name(body: dict[str, Any]) -> str:
    """Who did it, as the desk's record shows them: the Slack name, else the user id."""
    user = body.get("user") or {}
    return str(user.get("username") or user.get("name") or user.get("id") or "someone")


def phrase_in(text: str) -> str | None:
    """The quoted phrase in a mention or DM ("… who said “x”?"), or None."""
    found = QUOTED.search(MENTION.sub("", text or ""))
    return found.group(1).strip() if found and found.group(1).strip() else None


def create_app(
    settings: Settings, store: Store, last_digest: Callable[[], str | None] | None = None
) -> App:
    """The Bolt app with every Quotebot surface registered.

    Bolt's own signature check is replaced by a strict one that runs before anything else and
    never raises (see ``bot.slack.verify``): no listener, and no error handler, ever sees an
    unverified request.
    """
    app = App(
        client=web_client(settings),
        signing_secret=settings.slack_signing_secret or "",
        token_verification_enabled=False,
        request_verification_enabled=False,
        before_authorize=StrictRequestVerification(
            settings.slack_signing_secret or "", extra_origin=settings.slack_api_url
        ),
        process_before_response=False,
    )
    search = settings.search
    base = settings.public_base_url
    extractor = build_extractor(settings)
    workers = ThreadPoolExecutor(max_workers=ANSWER_WORKERS, thread_name_prefix="quotebot-answer")
    adds = BoundedPool(ADD_WORKERS, ADDS_WAITING, "quotebot-add")
    seen = SeenEvents()
    watches = WatchRepository(store)

    @app.middleware
    def skip_slack_retries(
        req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]
    ) -> BoltResponse:
        # Slack re-sends a request it thinks timed out; the first delivery is being answered.
        if req.headers.get("x-slack-retry-num"):
            return BoltResponse(status=200, body="")
        event_id = req.body.get("event_id") if isinstance(req.body, dict) else None
        if event_id and not seen.first_time(str(event_id)):
            return BoltResponse(status=200, body="")
        return next()

    def whosaid_reply(text: str, respond: Respond, command: str = "/whosaid") -> None:
        try:
            query = clean_query(text)
        except UsageError as exc:
            respond(response_type="ephemeral", text=str(exc), blocks=ui.usage_blocks(command))
            return
        answer = whosaid(query, store, search, base)
        blocks = ui.answer_blocks(answer)
        respond(response_type="ephemeral", text=ui.plain_text(blocks), blocks=blocks)

    @app.command("/whosaid")
    def on_whosaid(
        ack: Ack, command: dict[str, Any], respond: Respond, body: dict[str, Any]
    ) -> None:
        ack()  # within Slack's 3 seconds: nothing is searched before this
        in_background(body, lambda: whosaid_reply(command.get("text", ""), respond))

    @app.command("/context")
    def on_context(
        ack: Ack, command: dict[str, Any], respond: Respond, body: dict[str, Any]
    ) -> None:
        ack()
        in_background(body, lambda: context_reply(command, respond))

    def context_reply(command: dict[str, Any], respond: Respond) -> None:
        try:
            query = clean_query(command.get("text", ""))
        except UsageError as exc:
            respond(response_type="ephemeral", text=str(exc), blocks=ui.usage_blocks("/context"))
            return
        blocks = ui.context_blocks(context(query, store, search, base))
        respond(response_type="ephemeral", text=ui.plain_text(blocks), blocks=blocks)

    @app.action("post_in_channel")
    def on_post_in_channel(
        ack: Ack, action: dict[str, Any], respond: Respond, body: dict[str, Any]
    ) -> None:
        ack()
        in_background(body, lambda: post_in_channel(action, respond, user_name(body)))

    def post_in_channel(action: dict[str, Any], respond: Respond, user: str) -> None:
        answer = whosaid(action.get("value", ""), store, search, base)
        share(respond, ui.answer_blocks(answer, with_button=False, shared_by=user))

    def share(respond: Respond, blocks: list[dict[str, Any]]) -> None:
        """Post a result in the channel, beside the ephemeral original, without link previews."""
        respond(
            response_type="in_channel",
            replace_original=False,
            text=ui.plain_text(blocks),
            blocks=blocks,
            unfurl_links=False,
        )

    @app.shortcut("check_quotes")
    def on_check_quotes(
        ack: Ack, shortcut: dict[str, Any], respond: Respond, body: dict[str, Any]
    ) -> None:
        ack()
        in_background(body, lambda: check_reply(shortcut, respond))

    def check_reply(shortcut: dict[str, Any], respond: Respond) -> None:
        text = (shortcut.get("message") or {}).get("text", "")
        try:
            items = check_draft(text, store, search, base, extractor)
        except UsageError as exc:
            respond(response_type="ephemeral", text=str(exc))
            return
        blocks = ui.check_blocks(items, draft=text)
        respond(response_type="ephemeral", text=ui.plain_text(blocks), blocks=blocks)

    @app.action("post_check_in_channel")
    def on_post_check_in_channel(
        ack: Ack, action: dict[str, Any], respond: Respond, body: dict[str, Any]
    ) -> None:
        ack()
        in_background(body, lambda: post_check(action.get("value", ""), respond, user_name(body)))

    def post_check(draft: str, respond: Respond, user: str) -> None:
        items = check_draft(draft, store, search, base, extractor)
        share(respond, ui.check_blocks(items, shared_by=user))

    @app.command("/quotebot")
    def on_quotebot(
        ack: Ack, command: dict[str, Any], respond: Respond, body: dict[str, Any]
    ) -> None:
        ack()
        verb, _, rest = command.get("text", "").strip().partition(" ")
        if verb.lower() == "add" and (url := first_web_url(rest)) is not None:
            add_in_background(body, url, respond)
        else:
            in_background(body, lambda: quotebot_reply(command, respond))

    def quotebot_reply(command: dict[str, Any], respond: Respond) -> None:
        verb, _, rest = command.get("text", "").strip().partition(" ")
        verb = verb.lower()
        channel = str(command.get("channel_id", ""))
        user = str(command.get("user_name") or command.get("user_id") or "someone")
        if verb == "watch" and (wanted := watch_target(rest)) is not None:
            watch, new = watches.add(channel, wanted[0], wanted[1], user)
            blocks = ui.watch_added_blocks(watch, new)
            respond(response_type="ephemeral", text=ui.plain_text(blocks), blocks=blocks)
        elif verb == "watches":
            blocks = ui.watches_blocks(watches.active(channel))
            respond(response_type="ephemeral", text=ui.plain_text(blocks), blocks=blocks)
        else:
            respond(response_type="ephemeral", text=ui.USAGE["/quotebot"])

    @app.action("unwatch")
    def on_unwatch(
        ack: Ack, action: dict[str, Any], respond: Respond, body: dict[str, Any]
    ) -> None:
        ack()
        removed = watches.remove(int(action.get("value") or 0), user_name(body))
        channel = str((body.get("channel") or {}).get("id", ""))
        blocks = ui.watches_blocks(watches.active(channel), removed=removed)
        respond(replace_original=True, text=ui.plain_text(blocks), blocks=blocks)

    def add_in_background(body: dict[str, Any], url: str, respond: Respond) -> None:
        """Fetch and index a URL on the adds' own pool, or say it is full."""
        if not adds.try_submit(lambda: guarded(body, lambda: add_reply(url, respond))):
            respond(response_type="ephemeral", text=ui.ADDS_BUSY)

    def add_reply(url: str, respond: Respond) -> None:
        added, problem = add_url(store, url, settings)
        blocks = ui.added_blocks(added, problem)
        respond(response_type="ephemeral", text=ui.plain_text(blocks), blocks=blocks)

    @app.shortcut("add_article")
    def on_add_article(
        ack: Ack, shortcut: dict[str, Any], respond: Respond, body: dict[str, Any]
    ) -> None:
        ack()
        url = first_web_url((shortcut.get("message") or {}).get("text", ""))
        if url is None:
            respond(response_type="ephemeral", text="That message holds no web link to add.")
            return
        add_in_background(body, url, respond)

    def answer_in_thread(event: dict[str, Any], say: Say) -> None:
        phrase = phrase_in(event.get("text", ""))
        thread = event.get("thread_ts") or event.get("ts")
        if phrase is None:
            say(
                text="Put the words in quotes, e.g. who said “deserves to be in prison”?",
                blocks=ui.usage_blocks("/whosaid"),
                thread_ts=thread,
            )
            return
        blocks = ui.answer_blocks(whosaid(phrase, store, search, base), with_button=False)
        say(text=ui.plain_text(blocks), blocks=blocks, thread_ts=thread, unfurl_links=False)

    @app.event("app_mention")
    def on_mention(event: dict[str, Any], say: Say, body: dict[str, Any]) -> None:
        in_background(body, lambda: answer_in_thread(event, say))

    @app.event("message")
    def on_direct_message(event: dict[str, Any], say: Say, body: dict[str, Any]) -> None:
        if event.get("channel_type") != "im" or event.get("bot_id") or event.get("subtype"):
            return
        in_background(body, lambda: answer_in_thread(event, say))

    def quote_of(value: str) -> QuoteRecord | None:
        """The stored quote a desk button names ({"a": article id, "n": quote number})."""
        try:
            key = json.loads(value)
            found = store.quote_in_article(str(key["a"]), int(key["n"]))
        except (ValueError, KeyError, TypeError):
            return None
        return found[0] if found else None

    def may_correct(client: WebClient, user_id: str) -> bool:
        group = settings.slack.editors_group
        if not group:
            return True
        members = client.usergroups_users_list(usergroup=group).get("users") or []
        return user_id in members

    @app.action("correct_quote")
    def on_correct_quote(
        ack: Ack, action: dict[str, Any], body: dict[str, Any], client: WebClient
    ) -> None:
        ack()
        user_id = (body.get("user") or {}).get("id", "")
        if not may_correct(client, user_id):
            group = settings.slack.editors_group or ""
            client.views_open(trigger_id=body["trigger_id"], view=ui.refusal_modal(group))
            return
        record = quote_of(action.get("value", ""))
        if record is None:
            client.views_open(trigger_id=body["trigger_id"], view=ui.notice_modal(ERRORS["gone"]))
            return
        metadata = json.dumps(
            {"value": action.get("value", ""), "response_url": body.get("response_url")}
        )
        client.views_open(trigger_id=body["trigger_id"], view=ui.correction_modal(record, metadata))

    @app.view("correct_submit")
    def on_correct_submit(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        values = view.get("state", {}).get("values", {})
        speaker = ((values.get("speaker") or {}).get("value") or {}).get("value") or ""
        ticked = ((values.get("not_quote") or {}).get("value") or {}).get("selected_options")
        note = ((values.get("note") or {}).get("value") or {}).get("value")
        not_quote = bool(ticked)
        if not not_quote and not speaker.strip():
            ack(response_action="errors", errors={"speaker": ERRORS["no_speaker"]})
            return
        meta = json.loads(view.get("private_metadata") or "{}")
        record = quote_of(meta.get("value", ""))
        if record is None:
            ack(response_action="errors", errors={"speaker": ERRORS["gone"]})
            return
        ack()
        check = store.record_check(
            record,
            "not_quote" if not_quote else "speaker",
            user_name(body),
            speaker=" ".join(speaker.split()) or None,
            note=note,
        )
        reply_to(meta.get("response_url"), ui.desk_recorded(check))

    @app.action("confirm_quote")
    def on_confirm_quote(
        ack: Ack, action: dict[str, Any], body: dict[str, Any], respond: Respond
    ) -> None:
        ack()
        record = quote_of(action.get("value", ""))
        if record is None:
            respond(response_type="ephemeral", replace_original=False, text=ERRORS["gone"])
            return
        check = store.record_check(record, "confirmed", user_name(body))
        respond(response_type="ephemeral", replace_original=False, text=ui.desk_recorded(check))

    def reply_to(response_url: str | None, text: str) -> None:
        if response_url and response_url_allowed(response_url, settings.slack_api_url):
            WebhookClient(response_url, retry_handlers=RETRY_HANDLERS).send(
                text=text, response_type="ephemeral", replace_original=False
            )

    @app.event("app_home_opened")
    def on_home(event: dict[str, Any], client: WebClient) -> None:
        view = ui.home_view(
            store.stats(), last_digest() if last_digest else None, store.desk_checks(limit=5)
        )
        client.views_publish(user_id=event["user"], view=view)

    def apologise(error: BaseException, body: dict[str, Any]) -> None:
        """Log a failure under an error id and tell the user, where the request allows."""
        error_id = uuid.uuid4().hex[:8]
        log.error("listener failed (error id %s)", error_id, exc_info=error)
        apology = ui.error_blocks(error_id)
        text = f"Sorry — something went wrong (error id {error_id})."
        try:
            if body.get("response_url"):
                WebhookClient(body["response_url"], retry_handlers=RETRY_HANDLERS).send(
                    text=text, blocks=apology, response_type="ephemeral", replace_original=False
                )
            elif isinstance(body.get("event"), dict) and body["event"].get("channel"):
                event = body["event"]
                app.client.chat_postEphemeral(
                    channel=event["channel"], user=event.get("user", ""), text=text, blocks=apology
                )
        except Exception:
            log.exception("could not tell the user about error %s", error_id)

    def in_background(body: dict[str, Any], job: Callable[[], None]) -> None:
        """Run an answer off the request path, on Quotebot's own bounded pool: Bolt's threads
        (and so every other request's ack) never wait behind an expensive search."""

        workers.submit(lambda: guarded(body, job))

    def guarded(body: dict[str, Any], job: Callable[[], None]) -> None:
        """Run a job; a failure is logged with an id and the user told (never silence)."""
        try:
            job()
        except Exception as exc:
            apologise(exc, body)

    @app.error
    def on_error(error: Exception, body: dict[str, Any]) -> None:
        apologise(error, body)

    return app
