"""A small newsroom website on 127.0.0.1: an RSS feed, a Google News sitemap behind a sitemap
index, article pages with real-world furniture, robots.txt, a 404, a 500, a slow page, and
ETags (an unchanged page answers 304). It records every request, so tests can see what the
fetcher asked and how."""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FURNITURE_TOP = """<div class="cookie-banner"><p>We use cookies. Click “Accept all” to continue
reading.</p></div><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a>
</nav>"""
FURNITURE_BOTTOM = """<aside class="most-read"><h2>Most read</h2><ul>
<li><a href="/x">“Shock” as council votes on parking</a></li>
<li><a href="/y">Readers say “never again” to roadworks</a></li></ul></aside>
<div class="share">Share on Facebook · Share on X · Copy link</div>
<footer><p>© The Kestrel Times. “Journalism that matters”.</p></footer>"""


def article_page(path: str, headline: str, byline: str, published: str, paras: list[str]) -> str:
    """An article page as a newsroom CMS renders it (JSON-LD, og: tags, furniture)."""
    body = "\n".join(f"<p>{p}</p>" for p in paras)
    return f"""<!doctype html><html><head><title>{headline} | The Kestrel Times</title>
<link rel="canonical" href="{{base}}{path}">
<meta property="og:site_name" content="The Kestrel Times">
<meta property="article:published_time" content="{published}">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"{headline}","author":{{"@type":"Person","name":"{byline}"}},
"datePublished":"{published}"}}</script></head><body>{FURNITURE_TOP}
<article><h1>{headline}</h1><p class="byline">By {byline}</p>
{body}
<figure><img src="/p.jpg"><figcaption>A placard reading “Resign now” outside the ministry.
(Photo: Staff)</figcaption></figure></article>{FURNITURE_BOTTOM}</body></html>"""


MINISTER = article_page(
    "/news/minister-quits",
    "Minister quits over ferry contract",
    "Jane Roe",
    "2025-03-04T09:15:00Z",
    [
        "The transport minister, Maria Okafor, resigned on Tuesday after weeks of pressure over "
        "the ferry contract awarded to Northline Ferries last spring.",
        "“I have done nothing wrong, but the work of this department matters more than any one "
        "person,” Okafor said in a statement released on Tuesday morning.",
        "“The contract was signed in good faith. I will co-operate fully with the inquiry.",
        "“I hope the ferries sail on time at last,” she added.",
        "Opposition leader Tom Baker said the resignation was “long overdue” and called for the "
        "contract to be published in full before the inquiry begins its work.",
    ],
)
COUNCIL = article_page(
    "/news/council-vote",
    "Council backs new cycle lanes",
    "Sam Patel",
    "2025-03-05T17:00:00Z",
    [
        "Kestrel Bay council voted on Wednesday to build four new cycle lanes through the town "
        "centre, after a debate that lasted more than three hours.",
        "“This is the biggest change to our streets in a generation,” said councillor Priya "
        "Shah, who proposed the plan.",
        "Shopkeepers on the high street had opposed the scheme, saying it would cost them "
        "customers who arrive by car.",
    ],
)
STRIKE = article_page(
    "/news/ferry-strike",
    "Ferry crews vote to strike",
    "Jane Roe",
    "2025-03-06T08:00:00Z",
    [
        "Crews at Northline Ferries have voted to strike next month in a dispute over pay and "
        "rosters, their union said on Thursday.",
        "“Our members have been left with no choice,” said union organiser Dave Kerr, who "
        "represents more than two hundred deck and engine crew.",
        "The company said it was disappointed and would keep talking to the union this week.",
    ],
)
SECTION_FRONT = f"""<!doctype html><html><head><title>News | The Kestrel Times</title></head>
<body>{FURNITURE_TOP}<h1>News</h1><ul><li><a href="/news/minister-quits">Minister quits</a></li>
</ul>{FURNITURE_BOTTOM}</body></html>"""

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>The Kestrel Times</title><link>{base}/</link>
<item><title>Minister quits over ferry contract</title>
<link>{base}/news/minister-quits?utm_source=rss</link><guid>kt-1001</guid>
<pubDate>Tue, 04 Mar 2025 09:15:00 GMT</pubDate></item>
<item><title>Council backs new cycle lanes</title><link>{base}/news/council-vote</link>
<guid>kt-1002</guid><pubDate>Wed, 05 Mar 2025 17:00:00 GMT</pubDate></item>
</channel></rss>"""

SITEMAP_INDEX = """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{base}/sitemap-news.xml</loc></sitemap></sitemapindex>"""

NEWS_SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
{urls}</urlset>"""
NEWS_URL = """<url><loc>{base}{path}</loc><news:news><news:publication>
<news:name>The Kestrel Times</news:name><news:language>en</news:language></news:publication>
<news:publication_date>2025-03-06T08:00:00Z</news:publication_date>
<news:title>{path}</news:title></news:news></url>"""
SITEMAP_PATHS = (
    "/news/minister-quits",
    "/news/ferry-strike",
    "/news/gone",  # 404
    "/news/broken",  # 500
    "/private/draft",  # disallowed by robots.txt
    "/news",  # a section front, not an article
)
ROBOTS = "User-agent: *\nDisallow: /private/\n"


@dataclass
class Newsroom:
    """The site's state: its pages (editable), and every request it received."""

    base: str = ""
    pages: dict[str, str] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    slow_seconds: float = 5.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def hits(self, path: str) -> list[dict[str, str]]:
        """The headers of each request for a path (query strings ignored)."""
        with self.lock:
            return [h for p, h in self.requests if p.split("?")[0] == path]


def _handler(site: Newsroom) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            path = self.path.split("?")[0]
            with site.lock:
                site.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            if path == "/news/broken":
                return self._send(500, "text/html", "<h1>Internal error</h1>")
            if path == "/news/slow":
                time.sleep(site.slow_seconds)
            body = site.pages.get(path)
            if body is None:
                return self._send(404, "text/html", "<h1>Not found</h1>")
            body = body.replace("{base}", site.base)
            etag = '"' + hashlib.sha256(body.encode()).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return None
            ctype = "application/xml" if path.endswith(".xml") else "text/html; charset=utf-8"
            if path == "/robots.txt":
                ctype = "text/plain"
            return self._send(200, ctype, body, etag)

        def _send(self, status: int, ctype: str, body: str, etag: str | None = None) -> None:
            data = body.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            if etag:
                self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(data)

    return Handler


def start_newsroom() -> tuple[Newsroom, ThreadingHTTPServer]:
    """Serve the site on a free port of 127.0.0.1."""
    site = Newsroom()
    site.pages = {
        "/robots.txt": ROBOTS,
        "/feed.xml": FEED,
        "/sitemap.xml": SITEMAP_INDEX,
        "/sitemap-news.xml": NEWS_SITEMAP.replace(
            "{urls}", "\n".join(NEWS_URL.replace("{path}", p) for p in SITEMAP_PATHS)
        ),
        "/news/minister-quits": MINISTER,
        "/news/council-vote": COUNCIL,
        "/news/ferry-strike": STRIKE,
        "/private/draft": STRIKE,
        "/news": SECTION_FRONT,
        "/news/slow": COUNCIL,
    }
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return site, server
