"""Sources whose text changed after Quotebot first read them."""

from __future__ import annotations

from bot.models import Hit
from bot.store.database import Store


def with_updates(hits: list[Hit], store: Store) -> list[Hit]:
    """Mark sources whose text changed after Quotebot first read them: a quote changed after
    publication is a correction an editor needs to know about."""
    ids = sorted({src.article_id for hit in hits for src in hit.sources})
    updated = store.ingest.updated_since_first_seen(ids) if ids else {}
    if not updated:
        return hits
    return [
        hit.model_copy(
            update={
                "sources": tuple(
                    src.model_copy(update={"updated": updated[src.article_id].date().isoformat()})
                    if src.article_id in updated
                    else src
                    for src in hit.sources
                )
            }
        )
        for hit in hits
    ]
