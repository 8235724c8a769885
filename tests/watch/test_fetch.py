"""The watcher's HTTP: named, conditional, bounded in time, size and redirects, polite."""

from __future__ import annotations

import time

import pytest

from steppe.watch import FetchError, Fetcher, FetchSettings


def test_user_agent_names_steppe_and_validators_come_back(site, fetcher) -> None:
    site.put("/feed.xml", "<rss/>", "application/rss+xml")
    resp = fetcher.get(site.url("/feed.xml"))
    assert resp.status == 200 and resp.body == b"<rss/>"
    assert resp.content_type == "application/rss+xml"
    assert site.hits("/feed.xml")[0].headers["user-agent"].startswith("steppe/")
    again = fetcher.get(site.url("/feed.xml"), etag=resp.etag, last_modified=resp.last_modified)
    assert again.not_modified
    sent = site.hits("/feed.xml")[1].headers
    assert sent["if-none-match"] == resp.etag
    assert sent["if-modified-since"] == resp.last_modified


@pytest.mark.parametrize("status, lasting", [(500, False), (404, True)])
def test_http_errors_say_which(site, fetcher, status, lasting) -> None:
    site.put("/x", "fine")
    site.script("/x", ["500"]) if status == 500 else None
    path = "/x" if status == 500 else "/missing"
    with pytest.raises(FetchError) as caught:
        fetcher.get(site.url(path))
    assert caught.value.reason == f"HTTP {status}"
    assert caught.value.lasting is lasting


def test_slow_answer_times_out(site, fetcher) -> None:
    site.put("/slow", "late")
    site.script("/slow", ["timeout"])
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetcher.get(site.url("/slow"))
    assert time.monotonic() - started < 0.9


def test_too_large_answer_is_dropped(site, fetcher) -> None:
    site.put("/huge", b"x" * 300_000, "text/html")
    with pytest.raises(FetchError, match="too large"):
        fetcher.get(site.url("/huge"))


def test_gzip_bomb_is_stopped_at_the_limit(site, fetcher) -> None:
    import gzip

    site.put("/sitemap.xml.gz", gzip.compress(b"<" * 5_000_000), "application/gzip")
    with pytest.raises(FetchError, match="too large once unpacked"):
        fetcher.get(site.url("/sitemap.xml.gz"))


def test_redirect_loop_is_an_error(site, fetcher) -> None:
    site.redirect("/a", "/b")
    site.redirect("/b", "/a")
    with pytest.raises(FetchError, match="redirects"):
        fetcher.get(site.url("/a"))


def test_requests_to_one_host_are_spaced(site) -> None:
    site.put("/p", "page")
    waits: list[float] = []
    polite = Fetcher(FetchSettings(timeout=1, host_delay=0.2),
                     wait=lambda s: (waits.append(s), time.sleep(s)))
    try:
        for _ in range(3):
            polite.get(site.url("/p"))
    finally:
        polite.close()
    assert len(waits) == 2 and all(0.1 < w <= 0.2 for w in waits)
