"""A news site on 127.0.0.1 for the watch tests: feeds, sitemaps and article pages we wrote.

`site.put(path, body, ...)` serves a page; `site.script(path, [...])` makes its next
answers misbehave ("500", "timeout", "garbage") before it serves the page again.
Every request is recorded with its headers, so tests can see conditional GETs.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from scratch_db import scratch_url

from steppe.store import open_store
from steppe.watch import Fetcher, FetchSettings


@dataclass
class Page:
    body: bytes
    content_type: str
    etag: str
    last_modified: str
    script: list[str] = field(default_factory=list)
    delay: float = 0.0


@dataclass(frozen=True)
class Request:
    path: str
    headers: dict[str, str]


class Site:
    """The pages served, and the requests received."""

    def __init__(self) -> None:
        self.pages: dict[str, Page] = {}
        self.redirects: dict[str, str] = {}
        self.requests: list[Request] = []
        self.lock = threading.Lock()
        self.server: ThreadingHTTPServer | None = None
        self.stall = 1.0          # how long a "timeout" answer keeps the client waiting
        self._version = 0

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def put(self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8",
            delay: float = 0.0) -> None:
        """Serve `body` at `path`, with a new ETag and Last-Modified."""
        with self.lock:
            self._version += 1
            data = body.encode("utf-8") if isinstance(body, str) else body
            old = self.pages.get(path)
            self.pages[path] = Page(data, content_type, f'"v{self._version}"',
                                    formatdate(time.time() + self._version, usegmt=True),
                                    old.script if old else [], delay)

    def redirect(self, path: str, to: str) -> None:
        with self.lock:
            self.redirects[path] = to

    def script(self, path: str, answers: list[str]) -> None:
        with self.lock:
            self.pages[path].script = list(answers)

    def hits(self, path: str) -> list[Request]:
        with self.lock:
            return [r for r in self.requests if r.path == path]


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            try:
                self._answer()
            except (BrokenPipeError, ConnectionResetError):
                pass       # the client gave up (a timeout test): nothing to answer

        def _answer(self) -> None:
            with site.lock:
                headers = {k.lower(): v for k, v in self.headers.items()}
                site.requests.append(Request(self.path, headers))
                page = site.pages.get(self.path)
                action = page.script.pop(0) if page and page.script else None
                moved = site.redirects.get(self.path)
            if moved:
                self.send_response(302)
                self.send_header("Location", moved)
                self.send_header("Content-Length", "0")
                return self.end_headers()
            if page is None:
                return self._send(404, b"not here", "text/plain")
            if action == "500":
                return self._send(500, b"server error", "text/plain")
            if action == "timeout":
                time.sleep(site.stall)
                return self._send(200, page.body, page.content_type)
            if action == "garbage":
                return self._send(200, b"\x00\x17<<not a feed at all;;", "application/rss+xml")
            if page.delay:
                time.sleep(page.delay)
            if (self.headers.get("If-None-Match") == page.etag
                    or self.headers.get("If-Modified-Since") == page.last_modified):
                return self._send(304, b"", None, page)
            self._send(200, page.body, page.content_type, page)

        def _send(self, status: int, body: bytes, content_type: str | None,
                  page: Page | None = None) -> None:
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            if page is not None:
                self.send_header("ETag", page.etag)
                self.send_header("Last-Modified", page.last_modified)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # A client that hung up (timed out, or dropped a too large answer) is expected.
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture
def site():
    s = Site()
    server = _Server(("127.0.0.1", 0), _handler(s))
    s.server = server
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    yield s
    server.shutdown()
    server.server_close()
    thread.join()


# Short timeouts and no politeness delay keep the tests fast; the delay has its own test.
FAST = FetchSettings(timeout=0.3, max_seconds=2.0, host_delay=0.0, max_bytes=200_000)


@pytest.fixture
def fetcher():
    f = Fetcher(FAST)
    yield f
    f.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    """A fresh store: SQLite, and PostgreSQL too when STEPPE_TEST_PG_URL names one."""
    with open_store(scratch_url(request.param, tmp_path, "watch.db")) as s:
        yield s


def article(title: str, date: str, *paragraphs: str) -> str:
    """An outlet's article page: navigation, the story, a footer."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Steppe Wire</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{date}">
<meta property="og:site_name" content="Steppe Wire"></head>
<body><nav><a href="/">Home</a> <a href="/region">Region</a> <a href="/economy">Economy</a></nav>
<article><h1>{title}</h1>
<p class="byline">By our correspondent, {date}</p>
{body}
</article>
<footer>Steppe Wire is a fictional outlet made for steppe's tests.</footer>
</body></html>"""


def rss(title: str, items: list[tuple[str, str, str]]) -> str:
    """RSS 2.0 with (title, link, RFC 822 date) items."""
    entries = "\n".join(
        f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid>"
        f"<pubDate>{d}</pubDate></item>" for t, link, d in items)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>{title}</title><link>http://example.invalid/</link>
<description>News</description>
{entries}
</channel></rss>"""


def atom(title: str, items: list[tuple[str, str, str]]) -> str:
    """Atom 1.0 with (title, link, ISO date) entries."""
    entries = "\n".join(
        f'<entry><title>{t}</title><link rel="alternate" href="{link}"/><id>{link}</id>'
        f"<updated>{d}</updated></entry>" for t, link, d in items)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title><id>urn:test:{title}</id>
<updated>2025-11-20T08:00:00Z</updated>
{entries}
</feed>"""


def sitemap(urls: list[tuple[str, str]], *, news: bool = False) -> str:
    """A urlset of (loc, date); with `news`, Google News entries with titles."""
    if news:
        items = "\n".join(
            f"<url><loc>{loc}</loc><news:news><news:publication><news:name>Steppe Wire"
            f"</news:name><news:language>en</news:language></news:publication>"
            f"<news:publication_date>{d}</news:publication_date>"
            f"<news:title>Story {i}</news:title></news:news></url>"
            for i, (loc, d) in enumerate(urls))
        ns = ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'
    else:
        items = "\n".join(f"<url><loc>{loc}</loc><lastmod>{d}</lastmod></url>" for loc, d in urls)
        ns = ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"{ns}>
{items}
</urlset>"""


def sitemap_index(children: list[str]) -> str:
    items = "\n".join(f"<sitemap><loc>{c}</loc></sitemap>" for c in children)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{items}
</sitemapindex>"""
