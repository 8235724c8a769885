"""Two followed sources in a store, polled for real by steppe.watch against a loopback
site: "wire" (an RSS feed: one article stored, one copy of it, one dead link) is healthy,
"broken" (its feed answers 500) is failing."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from steppe.store import Store
from steppe.watch import Fetcher, FetchSettings, Watcher, add_source, make_source

ARTICLE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Border crossing reopens | Plain Wire</title>
<meta property="article:published_time" content="2025-10-02"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Border crossing reopens</h1>
<p>Kazakhstan and Kyrgyzstan reopened the crossing at Korday to lorries on 2 October 2025,
the customs services of both countries said in a joint statement.</p>
<p>Drivers had waited for up to three days during the repairs, and the two governments
agreed to add a second lane for empty trucks before the winter.</p>
<p>Traders in Bishkek welcomed the decision and said prices for fruit should fall.</p>
</article><footer>Plain Wire is a fictional outlet made for steppe's tests.</footer></body></html>"""


def _feed(base: str) -> str:
    items = "".join(f"<item><title>{t}</title><link>{base}{p}</link><guid>{base}{p}</guid>"
                    "<pubDate>Thu, 02 Oct 2025 08:00:00 GMT</pubDate></item>"
                    for t, p in [("Border crossing reopens", "/news/korday"),
                                 ("Border crossing reopens (copy)", "/copy/korday"),
                                 ("Gone", "/news/gone")])
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>Plain Wire</title><link>{base}/</link><description>News</description>"
            f"{items}</channel></rss>")


def follow_two_sources(store: Store) -> dict[str, str]:
    """Add and poll the two sources once; return their URLs by name."""
    pages: dict[str, tuple[int, str, str]] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            status, kind, body = pages.get(self.path, (404, "text/plain", "not here"))
            data = body.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = "http://127.0.0.1:%d" % server.server_address[1]
    pages["/rss.xml"] = (200, "application/rss+xml", _feed(base))
    pages["/news/korday"] = pages["/copy/korday"] = (200, "text/html; charset=utf-8", ARTICLE)
    pages["/broken.xml"] = (500, "text/plain", "server error")
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    urls = {"wire": base + "/rss.xml", "broken": base + "/broken.xml"}
    fetcher = Fetcher(FetchSettings(timeout=2.0, max_seconds=5.0, host_delay=0.0))
    try:
        add_source(store, make_source(urls["wire"], name="wire", every="30m", language="en"))
        add_source(store, make_source(urls["broken"], name="broken", every="15m"))
        Watcher(store, fetcher).round()
    finally:
        fetcher.close()
        server.shutdown()
        server.server_close()
        thread.join()
    return urls
