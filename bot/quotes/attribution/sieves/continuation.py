"""A quote that runs on into the next paragraph (no closing mark, a new opening one) keeps the
speaker of its run."""

from __future__ import annotations

from bot.quotes.attribution.attributor import Attributor
from bot.quotes.attribution.model import Attribution, QuoteSite


def continuation(site: QuoteSite, att: Attributor) -> Attribution | None:
    """The speaker the run's first attributed part was given."""
    if site.span is None or not site.span.continued:
        return None
    return att.run_speaker.get(site.span.run)
