"""The brief in a real browser (Debian's chromium, as in tests/web): served by the
dashboard under its Content-Security-Policy, and opened from a file, offline."""

from __future__ import annotations

from pathlib import Path

import pytest
from live_server import serving

from steppe.brief import dyad_brief, to_html

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="no chromium at " + CHROMIUM)


@pytest.fixture
def page():
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        context = browser.new_context(viewport={"width": 1100, "height": 900})
        page = context.new_page()
        page.errors = []
        page.requests = []
        page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.on("request", lambda r: page.requests.append(r.url))
        yield page
        browser.close()


@pytest.fixture
def base_url(store):

    from steppe.web.app import create_app

    with serving(create_app(store)) as url:
        yield url


def _check(page):
    assert page.locator("h1").inner_text().startswith("Kazakhstan and Uzbekistan")
    assert page.locator("figure svg").count() == 2
    bars = page.locator("figure svg rect")
    assert bars.count() >= 4 and bars.first.bounding_box()["height"] > 1
    # A citation leads to its quoted span in the reference list.
    mark = page.locator("#dialogue sup.cite a").first
    target = mark.get_attribute("href")
    mark.click()
    assert page.locator(f"{target} blockquote").is_visible()
    assert page.evaluate("location.hash") == target
    assert page.errors == []


def test_brief_from_the_dashboard_renders_without_errors(page, base_url):
    page.goto(f"{base_url}/dyads/KAZ-UZB")
    assert page.errors == []
    href = page.locator("#brief-link").get_attribute("href")
    page.goto(base_url + href.replace("?download=true", ""))
    _check(page)
    assert all(u.startswith(base_url) for u in page.requests)


def test_brief_file_works_offline(page, store, tmp_path):
    path = tmp_path / "brief.html"
    path.write_text(to_html(dyad_brief(store, "KAZ", "UZB")), encoding="utf-8")
    page.goto(path.as_uri())
    _check(page)
    assert all(u.startswith("file://") for u in page.requests)
    page.screenshot(path=str(tmp_path / "brief.png"), full_page=True)
    assert (tmp_path / "brief.png").stat().st_size > 10_000
