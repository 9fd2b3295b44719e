"""English rules: the sieves of ``bot.quotes.attribution.sieves``, the mention finder of
``bot.quotes.mentions`` and the reported-speech reader of ``bot.quotes.attribution.reported``."""

from __future__ import annotations

from bot.quotes.attribution.attributor import Attributor
from bot.quotes.attribution.model import SentenceContext
from bot.quotes.attribution.reported import reported_speech
from bot.quotes.attribution.sieves import SIEVES
from bot.quotes.mentions import find_mentions
from bot.quotes.names import written_as_names
from bot.quotes.speech import not_speech_reason

__all__ = [
    "SIEVES",
    "find_mentions",
    "not_speech_reason",
    "read_sentence",
    "reported_speech",
    "written_as_names",
]


def read_sentence(ctx: SentenceContext, att: Attributor) -> None:
    """English sieves read names through the shared reading state: nothing more to learn."""
