"""Polling rounds against the loopback site: new articles stored once, conditional GETs,
new entries picked up, duplicates across feeds, failing sources retried, bad entries
reported."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa

from steppe.store import count_documents, get_document, query_events
from steppe.store import tables as t
from steppe.watch import Watcher, add_source, make_source, source_health

from . import articles
from .conftest import atom, rss, sitemap, sitemap_index

D1 = "Mon, 17 Nov 2025 08:00:00 GMT"
D2 = "Tue, 18 Nov 2025 08:00:00 GMT"
D3 = "Wed, 19 Nov 2025 08:00:00 GMT"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2025, 11, 24, 6, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> Clock:
    return Clock()


def serve_outlet(site) -> None:
    """An outlet with an RSS feed, an Atom feed sharing one story, and a sitemap index."""
    for path, page in [("/news/rail", articles.RAIL), ("/news/water", articles.WATER),
                       ("/news/summit", articles.SUMMIT), ("/news/gas", articles.GAS),
                       ("/news/customs", articles.CUSTOMS), ("/news/dam", articles.DAM),
                       ("/mirror/summit-copy", articles.SUMMIT)]:
        site.put(path, page)
    site.put("/rss.xml", rss("Steppe Wire", [
        ("Rail freight", site.url("/news/rail"), D1),
        ("Water talks", site.url("/news/water"), D2),
        ("Summit", site.url("/news/summit?utm_source=rss"), D3),
    ]), "application/rss+xml")
    # The same summit story, spelled differently, and again under a mirror URL.
    site.put("/atom.xml", atom("Steppe Wire regional", [
        ("Summit", site.url("/news/summit#top"), "2025-11-19T08:00:00Z"),
        ("Summit (mirror)", site.url("/mirror/summit-copy"), "2025-11-19T08:00:00Z"),
        ("Gas", site.url("/news/gas"), "2025-11-20T08:00:00Z"),
    ]), "application/atom+xml")
    site.put("/sitemap.xml", sitemap_index([site.url("/sitemap-news.xml"),
                                            site.url("/sitemap-pages.xml")]), "text/xml")
    site.put("/sitemap-news.xml", sitemap([(site.url("/news/customs"), "2025-11-21")],
                                          news=True), "text/xml")
    site.put("/sitemap-pages.xml", sitemap([(site.url("/news/dam"), "2025-11-22"),
                                            (site.url("/news/rail"), "2025-11-17")]), "text/xml")


def follow(store, site, *paths: str, every: int = 600) -> None:
    for path in paths:
        add_source(store, make_source(site.url(path), name=path.strip("/").split(".")[0],
                                      every=every))


def entries(store, status: str | None = None) -> list:
    e = t.source_entries
    query = sa.select(e).order_by(e.c.id)
    if status:
        query = query.where(e.c.status == status)
    with store.connect() as conn:
        return conn.execute(query).all()


def test_rounds_store_each_article_once_then_only_what_is_new(
        site, store, fetcher, extractor, clock) -> None:
    serve_outlet(site)
    follow(store, site, "/rss.xml", "/atom.xml", "/sitemap.xml")
    watcher = Watcher(store, fetcher, extractor, clock=clock)

    first = watcher.round()
    assert sorted(first.polled) == ["atom", "rss", "sitemap"]
    assert first.count("added") == 6            # rail water summit gas customs dam
    assert count_documents(store) == 6
    # The summit story: once by its URL, once by its text under the mirror URL.
    dupes = {e.url: e.reason for e in entries(store, "duplicate")}
    assert dupes == {site.url("/news/summit"): "URL already stored",
                     site.url("/mirror/summit-copy"): "same text already stored",
                     site.url("/news/rail"): "URL already stored"}
    assert len(site.hits("/news/summit")) == 1 and len(site.hits("/news/rail")) == 1

    doc = get_document(store, site.url("/news/rail"))
    assert doc["title"] == "Kazakhstan and Uzbekistan agree to run more freight trains"
    assert (doc["published"], doc["source"], doc["url"]) == ("2025-11-17", "rss",
                                                             site.url("/news/rail"))
    assert "\nKazakhstan and Uzbekistan signed an agreement on rail freight" in doc["text"]
    assert "Home" not in doc["text"] and "fictional outlet" not in doc["text"]
    # A plain sitemap gives no publication date: the page's own metadata does.
    dam = get_document(store, site.url("/news/dam"))
    assert (dam["published"], dam["meta"]["date_source"]) == ("2025-11-22", "html-metadata")
    # Extracted like any ingested document.
    events = query_events(store, dyad="KAZ-UZB", document_id=site.url("/news/rail"))
    assert "AGREE" in {e["type"] for e in events}

    clock.advance(601)
    second = watcher.round()
    assert sorted(second.polled) == ["atom", "rss", "sitemap"]
    assert second.count("added") == 0 and count_documents(store) == 6
    for path in ("/rss.xml", "/atom.xml", "/sitemap.xml", "/sitemap-news.xml"):
        last = site.hits(path)[-1].headers
        assert last.get("if-none-match") and last.get("if-modified-since"), path
    assert {o.status for o in second.outcomes if not o.entry} == {"not-modified"}
    assert len(site.hits("/news/rail")) == 1     # no article fetched again

    site.put("/news/visa", articles.VISA)
    site.put("/rss.xml", rss("Steppe Wire", [
        ("Visa-free stays", site.url("/news/visa"), "Sun, 23 Nov 2025 08:00:00 GMT"),
        ("Rail freight", site.url("/news/rail"), D1),
        ("Water talks", site.url("/news/water"), D2),
    ]), "application/rss+xml")
    clock.advance(601)
    third = watcher.round()
    assert [o.url for o in third.outcomes if o.status == "added"] == [site.url("/news/visa")]
    assert count_documents(store) == 7

    health = {h.name: h for h in source_health(store)}
    # Sources are polled by name: the Atom feed stored the summit story first.
    assert {n: (h.entries, h.added, h.duplicates) for n, h in health.items()} == {
        "atom": (3, 2, 1), "rss": (4, 3, 1), "sitemap": (3, 2, 1)}
    assert health["sitemap"].kind == "sitemap-index"
    assert all(h.state == "healthy" and h.etag for h in health.values())


def test_a_failing_feed_backs_off_is_retried_and_spares_the_others(
        site, store, fetcher, clock) -> None:
    site.put("/news/rail", articles.RAIL)
    site.put("/news/gas", articles.GAS)
    site.put("/steady.xml", rss("Steady", [("Rail", site.url("/news/rail"), D1)]),
             "application/rss+xml")
    site.put("/flaky.xml", rss("Flaky", [("Gas", site.url("/news/gas"), D2)]),
             "application/rss+xml")
    site.script("/flaky.xml", ["500", "timeout", "garbage"])
    follow(store, site, "/steady.xml", "/flaky.xml", every=60)
    watcher = Watcher(store, fetcher, clock=clock)

    def flaky():
        return {h.name: h for h in source_health(store)}["flaky"]

    first = watcher.round()
    assert [(o.source, o.status) for o in first.problems] == [("flaky", "error")]
    assert "HTTP 500" in first.problems[0].reason
    assert first.count("added") == 1                   # steady's article
    assert (flaky().state, flaky().failures, flaky().last_error) == ("failing", 1, "HTTP 500")

    clock.advance(61)                                  # steady is due, flaky backs off
    assert watcher.round().polled == ["steady"]

    reasons = []
    for _ in range(2):                                 # times out, then serves garbage
        clock.advance(flaky().next_poll_at.timestamp() - clock.now.timestamp())
        report = watcher.round(["flaky"])
        reasons.append(report.problems[0].reason)
    assert "timed out" in reasons[0] and "not RSS, Atom or a sitemap" in reasons[1]
    assert flaky().failures == 3
    assert flaky().next_poll_at - flaky().last_poll_at == timedelta(seconds=480)

    clock.advance(480)
    recovered = watcher.round()
    assert recovered.count("added") == 1 and not recovered.problems
    assert (flaky().state, flaky().failures, flaky().last_error) == ("healthy", 0, None)
    assert count_documents(store) == 2


def test_bad_entries_are_reported_with_a_reason_and_never_stop_the_round(
        site, store, fetcher, clock) -> None:
    site.put("/news/report.pdf", b"%PDF-1.7 not really", "application/pdf")
    site.put("/news/empty", "<html><head><title>x</title></head><body></body></html>")
    site.put("/news/huge", "<html><body>" + "<p>word</p>" * 30_000 + "</body></html>")
    site.put("/news/slow", articles.WATER)
    site.script("/news/slow", ["timeout"])
    site.redirect("/news/loop", "/news/loop")
    site.put("/news/rail", articles.RAIL)
    names = ["report.pdf", "empty", "huge", "slow", "loop", "gone", "rail"]
    site.put("/rss.xml", rss("Wire", [(n, site.url(f"/news/{n}"), D1) for n in names]),
             "application/rss+xml")
    follow(store, site, "/rss.xml", every=60)
    watcher = Watcher(store, fetcher, clock=clock)

    report = watcher.round()
    got = {o.url.rsplit("/", 1)[1]: (o.status, o.reason) for o in report.outcomes if o.entry}
    assert got["report.pdf"] == ("skipped", "not an HTML page (application/pdf)")
    assert got["empty"] == ("skipped", "no article text in the page")
    assert got["huge"][0] == "skipped" and "too large" in got["huge"][1]
    assert got["slow"][0] == "error" and "timed out" in got["slow"][1]
    assert got["loop"][0] == "skipped" and "redirects" in got["loop"][1]
    assert got["gone"] == ("skipped", "HTTP 404")
    assert got["rail"] == ("added", "")

    clock.advance(61)                       # the timed-out page is retried, and now answers
    again = watcher.round()
    assert [(o.url.rsplit("/", 1)[1], o.status) for o in again.outcomes if o.entry] == \
        [("slow", "added")]
    assert count_documents(store) == 2


def test_an_entry_that_keeps_failing_is_given_up_after_a_few_tries(
        site, store, fetcher, clock) -> None:
    site.put("/news/rail", articles.RAIL)
    site.script("/news/rail", ["500"] * 5)
    site.put("/rss.xml", rss("Wire", [("Rail", site.url("/news/rail"), D1)]),
             "application/rss+xml")
    follow(store, site, "/rss.xml", every=60)
    watcher = Watcher(store, fetcher, clock=clock)
    for _ in range(5):
        watcher.round()
        clock.advance(61)
    assert len(site.hits("/news/rail")) == 3
    (entry,) = entries(store)
    assert (entry.status, entry.attempts, entry.reason) == ("error", 3, "HTTP 500")


class FailingOn:
    """The real extractor, made to fail on one page as a pipeline bug would."""

    def __init__(self, extractor, url: str) -> None:
        self.extractor, self.url = extractor, url

    def extract(self, doc):
        if doc.id == self.url:
            raise RuntimeError("cannot code this page")
        return self.extractor.extract(doc)


def test_a_page_that_fails_extraction_is_reported_and_the_round_goes_on(
        site, store, fetcher, extractor, clock) -> None:
    site.put("/news/rail", articles.RAIL)
    site.put("/news/water", articles.WATER)
    site.put("/rss.xml", rss("Wire", [("Rail", site.url("/news/rail"), D1),
                                      ("Water", site.url("/news/water"), D2)]),
             "application/rss+xml")
    follow(store, site, "/rss.xml")
    report = Watcher(store, fetcher, FailingOn(extractor, site.url("/news/rail")),
                     clock=clock).round()
    assert [(o.status, o.reason) for o in report.problems] == [
        ("error", "extraction or storing failed: RuntimeError: cannot code this page")]
    assert report.count("added") == 1 and count_documents(store) == 1
    assert get_document(store, site.url("/news/rail")) is None      # nothing half-written


def test_a_redirecting_link_is_stored_under_the_url_it_lands_on(
        site, store, fetcher, clock) -> None:
    site.put("/news/summit", articles.SUMMIT)
    site.redirect("/go/12345", "/news/summit")
    site.redirect("/go/777", "/news/summit")
    site.put("/proxy.xml", rss("Proxy", [("Summit", site.url("/go/12345"), D3)]),
             "application/rss+xml")
    site.put("/relay.xml", rss("Relay", [("Summit", site.url("/go/777"), D3)]),
             "application/rss+xml")
    site.put("/rss.xml", rss("Wire", [("Summit", site.url("/news/summit"), D3)]),
             "application/rss+xml")
    follow(store, site, "/proxy.xml", "/relay.xml", "/rss.xml")
    report = Watcher(store, fetcher, clock=clock).round()
    assert [(o.source, o.status, o.reason) for o in report.outcomes if o.entry] == [
        ("proxy", "added", ""), ("relay", "duplicate", "redirects to a URL already stored"),
        ("rss", "duplicate", "URL already stored")]
    assert len(site.hits("/news/summit")) == 2         # through each redirect, never directly
    assert count_documents(store) == 1
    assert get_document(store, site.url("/news/summit"))["url"] == site.url("/news/summit")


def test_pages_robots_txt_disallows_are_not_fetched(site, store, fetcher, clock) -> None:
    # The group naming steppe is the one that applies to it (RFC 9309), not the '*' one.
    site.put("/robots.txt", "User-agent: steppe\nDisallow: /drafts/\n\n"
                            "User-agent: *\nDisallow: /\n", "text/plain")
    site.put("/news/rail", articles.RAIL)
    site.put("/drafts/gas", articles.GAS)
    site.put("/news/water", articles.WATER)
    site.put("/rss.xml", rss("Wire", [("Rail", site.url("/news/rail"), D1),
                                      ("Gas", site.url("/drafts/gas"), D3),
                                      ("Water", site.url("/news/water"), D2)]),
             "application/rss+xml")
    follow(store, site, "/rss.xml")
    report = Watcher(store, fetcher, clock=clock).round()
    assert [(o.status, o.reason) for o in report.outcomes if o.entry] == [
        ("added", ""), ("skipped", "disallowed by robots.txt"), ("added", "")]
    assert not site.hits("/drafts/gas")
    assert len(site.hits("/robots.txt")) == 1          # read once, not per page
