"""Listings detected by content: RSS, Atom, sitemaps, sitemap indexes, news sitemaps."""

from __future__ import annotations

import pytest

from steppe.watch import ListingError, canonical_url, parse_listing

from .conftest import atom, rss, sitemap, sitemap_index

BASE = "http://news.example.org/feeds/main.xml"


def test_rss_entries_with_canonical_links_and_dates() -> None:
    body = rss("Wire", [
        ("Border talks resume", "http://News.Example.org/a/1?utm_source=rss#comments",
         "Tue, 18 Nov 2025 09:30:00 +0500"),
        ("Gas deal", "/a/2", "Wed, 19 Nov 2025 10:00:00 GMT"),
    ]).encode()
    listing = parse_listing(body, BASE)
    assert listing.kind == "rss" and listing.title == "Wire"
    assert [e.url for e in listing.entries] == ["http://news.example.org/a/1",
                                                "http://news.example.org/a/2"]
    # The outlet's own time zone is kept: the story is dated the day it says.
    assert listing.entries[0].published == "2025-11-18T09:30:00+05:00"
    assert listing.entries[1].title == "Gas deal"


def test_atom_is_detected_by_content_whatever_the_url() -> None:
    body = atom("Wire", [("Summit", "http://news.example.org/s", "2025-11-20T08:00:00Z")])
    listing = parse_listing(body.encode(), "http://news.example.org/rss.php")
    assert listing.kind == "atom"
    assert listing.entries[0].url == "http://news.example.org/s"
    assert listing.entries[0].published == "2025-11-20T08:00:00+00:00"


def test_early_morning_story_keeps_its_local_date() -> None:
    body = rss("Wire", [("Early", "http://news.example.org/early",
                         "Tue, 18 Nov 2025 01:30:00 +0500")])
    (entry,) = parse_listing(body.encode(), BASE).entries
    assert entry.published.startswith("2025-11-18T01:30")


def test_sitemap_index_lists_child_sitemaps() -> None:
    body = sitemap_index(["http://news.example.org/sm-1.xml", "/sm-2.xml"]).encode()
    listing = parse_listing(body, "http://news.example.org/sitemap.xml")
    assert listing.kind == "sitemap-index" and not listing.entries
    assert listing.sitemaps == ["http://news.example.org/sm-1.xml",
                                "http://news.example.org/sm-2.xml"]


def test_news_sitemap_gives_titles_and_publication_dates() -> None:
    body = sitemap([("http://news.example.org/n/1", "2025-11-21T07:15:00+05:00")], news=True)
    listing = parse_listing(body.encode(), "http://news.example.org/news-sitemap.xml")
    assert listing.kind == "sitemap"
    (entry,) = listing.entries
    assert (entry.title, entry.published) == ("Story 0", "2025-11-21T07:15:00+05:00")


def test_plain_sitemap_lastmod_is_not_taken_for_a_publication_date() -> None:
    body = sitemap([("http://news.example.org/p/1", "2025-10-01"), ("ftp://x/y", "2025-10-02")])
    listing = parse_listing(body.encode(), "http://news.example.org/sitemap.xml")
    assert [(e.url, e.published) for e in listing.entries] == [
        ("http://news.example.org/p/1", None)]
    assert "ftp://x/y" in listing.problems[0]


@pytest.mark.parametrize("body", [
    b"",
    b"\x00\x17<<not a feed at all;;",
    b"<!DOCTYPE html><html><body><p>Welcome to our home page</p></body></html>",
    b'{"items": []}',
])
def test_what_is_neither_a_feed_nor_a_sitemap_is_refused(body: bytes) -> None:
    with pytest.raises(ListingError):
        parse_listing(body, BASE)


def test_truncated_feed_keeps_what_it_can_and_says_so() -> None:
    body = rss("Wire", [("One", "http://news.example.org/1", "Tue, 18 Nov 2025 09:30:00 GMT")])
    listing = parse_listing(body[: body.index("</item>") + 7].encode(), BASE)
    assert [e.url for e in listing.entries] == ["http://news.example.org/1"]
    assert "malformed feed" in listing.problems[0]


def test_entry_without_link_is_reported_not_fatal() -> None:
    body = rss("Wire", [("No link", "", "Tue, 18 Nov 2025 09:30:00 GMT"),
                        ("Fine", "http://news.example.org/ok", "Tue, 18 Nov 2025 09:30:00 GMT")])
    listing = parse_listing(body.encode(), BASE)
    assert [e.title for e in listing.entries] == ["Fine"]
    assert "No link" in listing.problems[0]


def test_canonical_url_drops_tracking_and_fragment_but_keeps_the_query() -> None:
    assert canonical_url("HTTPS://WWW.Example.org/a?b=1&utm_medium=feed#top") == \
        "https://www.example.org/a?b=1"
    assert canonical_url("http://example.org/view.php?news_id=7&fbclid=x") == \
        "http://example.org/view.php?news_id=7"
    assert canonical_url("mailto:desk@example.org") is None
