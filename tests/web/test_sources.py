"""The sources page and /api/sources, on a store whose two sources steppe.watch polled."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from watched import follow_two_sources

from steppe.store import open_store
from steppe.web.app import create_app


@pytest.fixture
def empty_client(tmp_path):
    with open_store(f"sqlite:///{tmp_path / 'sources.db'}") as store, \
            TestClient(create_app(store)) as c:
        c.store = store
        yield c


def test_api_sources_reports_health(empty_client):
    assert empty_client.get("/api/sources").json() == {"total": 0, "items": []}
    urls = follow_two_sources(empty_client.store)
    body = empty_client.get("/api/sources").json()
    assert body["total"] == 2
    broken, wire = body["items"]          # by name
    assert (wire["name"], wire["url"], wire["kind"], wire["language"], wire["every"]) == \
        ("wire", urls["wire"], "rss", "en", 1800)
    assert (wire["state"], wire["last_status"], wire["failures"]) == ("healthy", "ok", 0)
    assert (wire["added"], wire["duplicates"], wire["skipped"], wire["pending"],
            wire["errors"]) == (1, 1, 1, 0, 0)
    assert wire["next_poll_at"] > wire["last_poll_at"]
    assert (broken["state"], broken["last_status"], broken["failures"]) == ("failing", "error", 1)
    assert "500" in broken["last_error"]
    assert broken["entries"] == 0


def test_sources_page(empty_client):
    empty = empty_client.get("/sources")
    assert empty.status_code == 200
    assert "No sources yet — add one with" in empty.text
    assert "steppe sources add URL" in empty.text
    urls = follow_two_sources(empty_client.store)
    page = empty_client.get("/sources").text
    assert "No sources yet" not in page
    assert '<a href="/sources" class="on">Sources</a>' in page
    assert f'<a class="source-url" href="{urls["wire"]}"' in page
    assert "rss · en · every 30m" in page and "every 15m" in page
    assert '<span class="status s-healthy">healthy</span>' in page
    assert '<span class="status s-failing">failing</span>' in page
    assert '<span class="source-error">HTTP 500</span>' in page
    assert page.index('id="source-1"') < page.index("broken") < page.index('id="source-2"')
    row = page[page.index('id="source-2"'):]
    cells = [c.split("</td>")[0] for c in row.split('<td class="num">')[1:7]]
    assert cells == ["0", "1", "1", "0", "1", "0"]     # failures, added, dup, pending, skipped, errors
