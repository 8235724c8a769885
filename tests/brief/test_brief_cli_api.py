"""`steppe brief` and /api/briefs on the sample reports."""

from __future__ import annotations

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from steppe.cli.app import app
from steppe.web.app import create_app


def test_cli_writes_markdown_with_charts_and_html(store, tmp_path):
    db = str(store.engine.url)
    md = tmp_path / "out" / "kz-uz.md"
    result = CliRunner().invoke(app, ["brief", "KAZ", "UZB", "--db", db, "-o", str(md)])
    assert result.exit_code == 0, result.output
    assert md.read_text().startswith("# Kazakhstan and Uzbekistan")
    assert sorted(p.name for p in md.parent.glob("*.svg")) == ["kz-uz-summary.svg", "kz-uz-trade.svg"]
    html = tmp_path / "kz-uz.html"
    result = CliRunner().invoke(app, ["brief", "kaz", "uzb", "--since", "2020", "--db", db,
                                      "-o", str(html)])
    assert result.exit_code == 0 and "<svg" in html.read_text()
    result = CliRunner().invoke(app, ["brief", "UZB", "--region", "--db", db])
    assert result.exit_code == 0 and "# Uzbekistan and its neighbours" in result.output


def test_cli_refuses_unclear_requests(store, tmp_path):
    db = str(store.engine.url)
    for args in (["brief", "UZB"], ["brief", "KAZ", "UZB", "--region"],
                 ["brief", "KAZ", "UZB", "-o", str(tmp_path / "b.pdf")],
                 ["brief", "NOR", "--region"]):
        result = CliRunner().invoke(app, [*args, "--db", db])
        assert result.exit_code == 2, args


def test_api_serves_the_brief_and_the_dyad_page_links_it(store):
    with TestClient(create_app(store)) as client:
        r = client.get("/api/briefs/UZB-KAZ?since=2019")
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
        assert "Uzbekistan and Kazakhstan" in r.text and "<svg" in r.text
        r = client.get("/api/briefs/KAZ-UZB", params={"format": "md", "download": "true"})
        assert r.headers["content-type"].startswith("text/markdown")
        assert r.headers["content-disposition"] == 'attachment; filename="brief-KAZ-UZB.md"'
        assert "## Sources" in r.text
        assert client.get("/api/briefs/KAZ").status_code == 422
        empty = client.get("/api/briefs/KGZ-TJK")
        assert empty.status_code == 200 and "no events, figures" in empty.text
        page = client.get("/dyads/KAZ-UZB?since=2019").text
        assert 'href="/api/briefs/KAZ-UZB?since=2019&amp;download=true"' in page
