"""The dashboard in a real browser: Debian's chromium driven by Playwright.

Skips only when no chromium binary is installed (.ci/run installs it).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from live_server import serving

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="no chromium at " + CHROMIUM)

XSS = "<script>window.__xss = 1</script><img src=x onerror=\"window.__xss = 2\">"


def _hostile_document():
    from steppe.facts import Actor, Document, Event, Facts, Span

    text = f"Hostile text {XSS} ends. Kazakhstan hosted talks with Uzbekistan {XSS}."
    phrase = f"Kazakhstan hosted talks with Uzbekistan {XSS}"
    start = text.index(phrase)
    doc = Document(id="hostile", text=text, date="2020-01-05", title=f"Title {XSS}",
                   source=f"Source {XSS}", url="javascript:window.__xss = 3")
    event = Event(type="CONSULT", source=[Actor("KAZ", "GOV", f"KAZ {XSS}", actor_id="state:KAZ")],
                  target=[Actor("UZB", "GOV", "Uzbekistan", actor_id="state:UZB")],
                  evidence=Span(start, start + len(phrase), phrase), date="2020-01-05",
                  date_precision="day", score=1.0, quad=1)
    return doc, Facts(id="hostile", events=[event])


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    from watched import follow_two_sources
    from web_corpus import fill

    from steppe.store import open_store
    from steppe.watch import add_source, make_source
    from steppe.web.app import create_app

    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('browser') / 'web.db'}")
    fill(store, [_hostile_document()])
    follow_two_sources(store)
    add_source(store, make_source("https://hostile.example.org/rss", name=f"Source {XSS}"))
    with serving(create_app(store)) as url:
        yield url
    store.close()


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    context.close()


@pytest.mark.parametrize("path", ["/", "/dyads/KAZ-UZB", "/events", "/events?q=railway",
                                  "/documents", "/documents/visit-2021", "/actors",
                                  "/actors/KAZ", "/sources", "/docs"])
def test_every_page_loads_without_console_errors(page, base_url, path):
    response = page.goto(base_url + path)
    assert response.status == 200
    page.wait_for_load_state("networkidle")
    assert page.errors == []


def test_charts_render(page, base_url):
    page.goto(base_url + "/")
    page.wait_for_selector("#network[data-rendered] canvas")
    page.goto(base_url + "/dyads/KAZ-UZB?by=year")
    page.wait_for_selector("#series[data-rendered] canvas")
    page.goto(base_url + "/actors/KAZ")
    page.wait_for_selector("#partners[data-rendered] canvas")
    assert page.errors == []


def test_filters_change_results(page, base_url):
    page.goto(base_url + "/events")
    everything = int(page.inner_text("#event-total"))
    page.select_option("select[name=type]", "REJECT")
    page.click("#event-filters button[type=submit]")
    page.wait_for_url("**type=REJECT**")
    assert int(page.inner_text("#event-total")) == 1 < everything
    assert "Uzbekistan rejected the claim" in page.inner_text("table.events")
    page.fill("#event-filters input[name=q]", "mediation")
    page.select_option("select[name=type]", "")
    page.click("#event-filters button[type=submit]")
    page.wait_for_url("**q=mediation**")
    assert int(page.inner_text("#event-total")) == 1


def test_chart_point_to_events_to_highlighted_evidence(page, base_url):
    page.goto(base_url + "/dyads/KAZ-UZB?by=year")
    page.wait_for_selector("#series[data-rendered] canvas")
    # Click the 2021 bar where the chart itself says it is.
    x, y = page.evaluate("""() => {
        const chart = echarts.getInstanceByDom(document.getElementById('series'));
        const pts = JSON.parse(document.getElementById('series-data').textContent).points;
        const i = pts.findIndex(p => p.period === '2021');
        return chart.convertToPixel({seriesIndex: 0}, [i, pts[i].index_sum / 2]);
    }""")
    page.locator("#series").click(position={"x": x, "y": y})
    page.wait_for_selector("#point-events li")
    listed = page.inner_text("#point-events")
    assert "2021: 2 occurrences" in listed
    assert "Tokayev arrived in Uzbekistan for talks" in listed
    page.click("#point-events a >> text=Tokayev arrived in Uzbekistan for talks")
    page.wait_for_url("**/documents/visit-2021?event=*")
    selected = page.locator("mark.selected")
    assert selected.first.is_visible()
    assert "".join(selected.all_inner_texts()) == "Tokayev arrived in Uzbekistan for talks"
    assert page.errors == []


def test_event_row_opens_its_evidence(page, base_url):
    page.goto(base_url + "/events?type=ACCUSE")
    page.click("table.events td.evidence a")
    page.wait_for_url("**/documents/border-2022?event=*")
    assert "".join(page.locator("mark.selected").all_inner_texts()) == \
        "Kyrgyzstan accused Uzbekistan of moving border posts"


@pytest.mark.parametrize("path", ["/documents/hostile", "/documents", "/events?q=hosted",
                                  "/dyads/KAZ-UZB?by=year", "/", "/sources"])
def test_hostile_strings_show_as_text_and_never_run(page, base_url, path):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__xss") is None
    assert dialogs == []
    assert page.locator("a[href^='javascript:' i]").count() == 0
    if path == "/documents/hostile":
        assert page.inner_text("#doc-title") == f"Title {XSS}"
        assert page.inner_text("#doc-source") == f"Source {XSS}"
        assert page.inner_text("#doc-url") == "javascript:window.__xss = 3"
        assert XSS in page.inner_text("#doc-text")
        assert page.locator("#doc-text script, #doc-text img").count() == 0
    if path == "/sources":
        assert f"Source {XSS}" in page.inner_text("#sources")
        assert page.locator("#sources script, #sources img").count() == 0


def test_csp_forbids_inline_scripts(page, base_url):
    response = page.goto(base_url + "/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    ran = page.evaluate("""() => {
        const s = document.createElement('script');
        s.textContent = 'window.__inline = 1';
        document.body.appendChild(s);
        return window.__inline === 1;
    }""")
    assert ran is False
    assert any("Content Security Policy" in e for e in page.errors)
