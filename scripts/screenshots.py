"""Take the README's screenshots of every dashboard page.

    .venv/bin/steppe demo                      # builds steppe-demo.db from the sample corpus
    .venv/bin/python scripts/screenshots.py [--db sqlite:///steppe-demo.db] [--out docs/screenshots]
                                            [--pages sources ...]   # only these pages

Serves the store on a free local port with uvicorn in a thread, opens each page in
Debian's chromium through Playwright, and writes one PNG per page.
"""

from __future__ import annotations

import argparse
import socket
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from steppe.settings import Settings
from steppe.web.app import create_app

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
PAGES = [
    ("overview", "/", None),
    ("dyad", "/dyads/KAZ-UZB", "#series canvas"),
    ("events", "/events?dyad=KAZ-UZB&quad=1", None),
    ("document", "/documents/steppe-sample-16?event=EVENT", "mark.selected"),
    ("actor", "/actors/UZB", "#partners canvas"),
    ("sources", "/sources", None),
    ("api-docs", "/docs", ".swagger-ui .info"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default="sqlite:///steppe-demo.db")
    ap.add_argument("--out", default="docs/screenshots", type=Path)
    ap.add_argument("--pages", nargs="*", help="names of the pages to take (default: all)")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = create_app(settings=Settings(db_url=args.db))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = browser.new_page(viewport={"width": 1360, "height": 900}, device_scale_factor=1)
            event = _a_signing_event(page, base)
            for name, path, wait_for in PAGES:
                if args.pages and name not in args.pages:
                    continue
                page.goto(base + path.replace("EVENT", str(event)))
                page.wait_for_load_state("networkidle")
                if wait_for:
                    page.wait_for_selector(wait_for)
                if name == "dyad":
                    # Show the events behind the busiest point, as an analyst would.
                    page.locator("#series").click(position=_busiest_bar(page))
                    page.wait_for_selector("#point-events li")
                page.wait_for_timeout(600)   # let the force layout settle
                page.screenshot(path=str(args.out / f"{name}.png"), full_page=name not in ("api-docs", "document"))
                print("wrote", args.out / f"{name}.png")
            browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def _a_signing_event(page, base: str) -> int:
    page.goto(base + "/api/events?document_id=steppe-sample-16&type=SUPPORT&limit=1")
    import json

    items = json.loads(page.inner_text("body"))["items"]
    return items[0]["id"] if items else 1


def _busiest_bar(page) -> dict:
    """Where the tallest index bar is, from the chart's own coordinate conversion."""
    return page.evaluate("""() => {
        const el = document.getElementById('series');
        const chart = echarts.getInstanceByDom(el);
        const data = JSON.parse(document.getElementById('series-data').textContent).points;
        let best = 0;
        data.forEach((p, i) => { if (p.index_sum > data[best].index_sum) best = i; });
        const [x, y] = chart.convertToPixel({seriesIndex: 0}, [best, data[best].index_sum / 2]);
        return {x: x, y: y};
    }""")


if __name__ == "__main__":
    main()
