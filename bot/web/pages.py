"""HTML of the article pages that source links point at (pure)."""

from __future__ import annotations

from html import escape

from bot.answers.words import date_in_words
from bot.links import is_web_url
from bot.models import ArticleMeta, QuoteRecord

STYLE = """
body { font: 18px/1.6 Georgia, serif; max-width: 44em; margin: 2em auto; padding: 0 1em;
       color: #1d1d1d; }
header p { color: #666; font: 14px system-ui, sans-serif; }
mark.quote { background: #eef3ff; border-bottom: 2px solid #8aa4e8; padding: 0 .1em; }
mark.quote:target, mark.quote.linked { background: #ffd54a; outline: 3px solid #e0a800;
       border-bottom-color: #e0a800; }
/* The speaker is drawn by CSS, not written into the text: copying a quote copies its words,
   never "— Elon Musk" with them. */
mark.quote::after { content: attr(data-who); font: 12px system-ui, sans-serif; color: #555;
       margin-left: .3em; }
"""
HIGHLIGHT_SCRIPT = """
<script>
// Highlight and scroll to the linked quote (#qN), also after in-page navigation.
function show() {
  document.querySelectorAll('mark.linked').forEach(m => m.classList.remove('linked'));
  const m = location.hash && document.getElementById(location.hash.slice(1));
  if (m) { m.classList.add('linked'); m.scrollIntoView({block: 'center'}); }
}
window.addEventListener('hashchange', show); window.addEventListener('load', show);
</script>
"""


def article_html(
    meta: ArticleMeta, paragraphs: list[tuple[int, int, str]], quotes: list[QuoteRecord]
) -> str:
    """The cleaned article with every quote marked (id ``q{n}``) and its speaker shown."""
    by_paragraph: dict[int, list[QuoteRecord]] = {}
    for q in quotes:
        by_paragraph.setdefault(q.paragraph, []).append(q)
    body: list[str] = []
    for idx, start, text in paragraphs:
        if idx == 0 and text.strip() == (meta.title or "").strip() and not by_paragraph.get(0):
            continue  # the headline opens the text too: shown once, as the heading
        parts: list[str] = []
        cursor = 0
        for q in sorted(by_paragraph.get(idx, []), key=lambda q: q.start):
            a, b = q.start - start, q.end - start
            if a < cursor or b > len(text):
                continue
            who = escape(q.speaker) if q.speaker else "unattributed"
            parts.append(escape(text[cursor:a]))
            parts.append(
                f'<mark class="quote" id="q{q.n}" title="{who}" data-who="— {who}">'
                f"{escape(text[a:b])}</mark>"
            )
            cursor = b
        parts.append(escape(text[cursor:]))
        body.append(f"<p>{''.join(parts)}</p>")
    title = escape(meta.title or meta.id)
    by = (
        f"By {meta.byline}"
        if meta.byline and not meta.byline.lower().startswith("by ")
        else meta.byline
    )
    details = " · ".join(escape(x) for x in (meta.outlet, by, date_in_words(meta.published)) if x)
    original = (
        f' · <a href="{escape(meta.url or "")}">original</a>' if is_web_url(meta.url) else ""
    )  # never a javascript: or data: link
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<style>{STYLE}</style></head><body><header><h1>{title}</h1>"
        f"<p>{details}{original} · archive id {escape(meta.id)}</p></header>"
        f"<main>{''.join(body)}</main>{HIGHLIGHT_SCRIPT}</body></html>"
    )


def not_found_html(article_id: str) -> str:
    """The page for an unknown or removed article."""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title>'
        f"</head><body><p>No article <code>{escape(article_id)}</code> in the archive.</p>"
        "</body></html>"
    )
