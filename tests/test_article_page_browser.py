"""The article page in headless Chromium: the linked quote is highlighted and scrolled into view."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from playwright.sync_api import sync_playwright

from bot.ingest import ingest
from bot.settings import Settings
from bot.store.database import Store
from bot.web.app import create_web
from tests.conftest import SEEDS, service_missing
from tests.slack_helpers import serve_app

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def chromium_works() -> bool:
    """Debian's chromium is installed and runs (a bind-mounted stub does not)."""
    path = Path(CHROMIUM)
    return path.is_file() and path.stat().st_size > 0 and os.access(path, os.X_OK)


FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def test_linked_quote_is_highlighted_and_in_view(
    tmp_path: Path, db_url: str, settings: Settings
) -> None:
    if not chromium_works():
        service_missing("Chromium not installed", "apt-get install chromium (CI installs it)")
    store = Store.open(db_url)
    ingest(store, [SEEDS], settings, progress=False)
    view = store.articles.article_view("004_882fe7566cc0b4da")
    assert view is not None
    last = view[2][-1]  # the last quote: far down the page, so it must be scrolled to
    shot = tmp_path / "article.png"
    with serve_app(create_web(store, None)) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        page = browser.new_page(viewport={"width": 900, "height": 500})
        page.goto(f"{base}/articles/004_882fe7566cc0b4da#q{last.n}")
        page.wait_for_function(f"document.getElementById('q{last.n}').classList.contains('linked')")
        box = page.evaluate(
            f"""() => {{
              const r = document.getElementById('q{last.n}').getBoundingClientRect();
              return {{top: r.top, bottom: r.bottom, height: innerHeight, scrolled: scrollY,
                       bg: getComputedStyle(document.getElementById('q{last.n}')).backgroundColor,
                       other: getComputedStyle(document.getElementById('q1')).backgroundColor}};
            }}"""
        )
        copied = page.evaluate(
            f"""() => {{
              const q = document.getElementById('q{last.n}'), range = document.createRange();
              range.selectNode(q);
              getSelection().removeAllRanges(); getSelection().addRange(range);
              return {{copied: getSelection().toString(),
                       shown: getComputedStyle(q, '::after').content}};
            }}"""
        )
        page.screenshot(path=str(shot))
        browser.close()
    print(f"\nscreenshot: {shot}")
    assert box["scrolled"] > 0
    assert box["top"] >= 0 and box["bottom"] <= box["height"]
    assert box["bg"] == "rgb(255, 213, 74)" and box["other"] != box["bg"]
    assert shot.stat().st_size > 10_000
    # The speaker is drawn beside the quote, but selecting the quote copies its words only.
    assert copied["copied"] == last.text and "—" not in copied["copied"]
    assert (last.speaker or "unattributed") in copied["shown"]
