"""Every API endpoint on a small store of our own sentences."""

from __future__ import annotations

import pytest


def get(client, url: str, status: int = 200) -> dict:
    r = client.get(url)
    assert r.status_code == status, r.text
    return r.json()


def test_events_filters_and_total(client):
    page = get(client, "/api/events?dyad=KAZ-UZB")
    assert page["total"] == 4     # the CONSULT, the SUPPORT, the railway AGREE, the CSTO's is not KAZ-UZB
    assert page["total_capped"] is False
    types = {e["type"] for e in page["items"]}
    assert types == {"CONSULT", "SUPPORT", "AGREE"}
    assert get(client, "/api/events?dyad=UZB-KGZ&directed=true")["total"] == 1
    assert get(client, "/api/events?actor=CSTO")["items"][0]["source"][0]["label"] == "CSTO"
    assert get(client, "/api/events?quad=3")["total"] == 2
    assert get(client, "/api/events?modality=planned")["items"][0]["type"] == "AGREE"
    assert get(client, "/api/events?type=REJECT")["items"][0]["document_id"] == "border-2022"
    assert get(client, "/api/events?since=2022-06&until=2023")["total"] == 2


def test_events_full_text_search_and_pagination(client):
    assert {e["type"] for e in get(client, "/api/events?q=railway")["items"]} == {"AGREE"}
    assert get(client, "/api/events?q=border+posts")["total"] == 1
    assert get(client, "/api/events?q=raIl*")["total"] == 1
    # Query syntax of FTS5 in user input is searched as words, not run.
    assert get(client, '/api/events?q=" OR NEAR(')["total"] == 0
    first = get(client, "/api/events?limit=2")
    second = get(client, "/api/events?limit=2&offset=2")
    assert first["total"] == second["total"] == 7
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}
    # Newest first.
    assert first["items"][0]["date"] == "2023-07-10"


def test_one_event_and_ids(client, texts):
    page = get(client, "/api/events?type=CONSULT")
    event_id = page["items"][0]["id"]
    event = get(client, f"/api/events/{event_id}")
    assert event["evidence"]["text"] == "Tokayev arrived in Uzbekistan for talks"
    assert texts["visit-2021"][event["evidence"]["start"]:event["evidence"]["end"]] == \
        event["evidence"]["text"]
    assert get(client, f"/api/events?ids={event_id},999999")["total"] == 1
    assert get(client, "/api/events/999999", 404)["detail"] == "no event 999999"


@pytest.mark.parametrize("url", [
    "/api/events?since=2024-13", "/api/events?quad=5", "/api/events?type=HUG",
    "/api/events?limit=0", "/api/events?dyad=KAZ", "/api/events?ids=1,x",
    "/api/events/0", "/api/dyads/KAZ/series", "/api/dyads/KAZ-UZB/series?by=week",
    "/api/changes", "/api/network?min_occurrences=0", "/api/figures?kind=guess",
    "/api/commitments?status=late", "/api/actors/k",
])
def test_invalid_parameters_are_422_with_a_message(client, url):
    detail = get(client, url, 422)["detail"]
    assert detail and all(isinstance(d, str) for d in detail)


def test_documents(client, texts):
    page = get(client, "/api/documents")
    assert page["total"] == 3 and "text" not in page["items"][0]
    assert [d["id"] for d in get(client, "/api/documents?q=reservoir")["items"]] == ["border-2022"]
    doc = get(client, "/api/documents/visit-2021")
    assert doc["text"] == texts["visit-2021"]
    assert len(doc["facts"]["events"]) == 2 and len(doc["facts"]["figures"]) == 2
    assert doc["facts"]["agreements"][0]["event_id"] == doc["facts"]["events"][1]["id"]
    get(client, "/api/documents/nope", 404)


def test_dyads_series_and_changes(client):
    dyads = get(client, "/api/dyads")["items"]
    assert dyads[0]["dyad"] == "KAZ-UZB"
    one = get(client, "/api/dyads/uzb-kaz")
    assert one["names"] == ["Kazakhstan", "Uzbekistan"] and one["occurrences"] == 3
    get(client, "/api/dyads/KAZ-RUS", 404)
    series = get(client, "/api/dyads/KAZ-UZB/series?by=year")
    assert [(p["period"], p["occurrences"]) for p in series["points"]] == \
        [("2021", 2), ("2022", 0), ("2023", 1)]
    assert series["points"][0]["index_sum"] == 4.5
    # Counts only: the events behind a point are the dyad's events in its period.
    assert "event_ids" not in series["points"][0]
    behind = get(client, "/api/events?dyad=KAZ-UZB&since=2021&until=2021&modality=asserted")
    assert behind["total"] == series["points"][0]["reports"]
    quarter = get(client, "/api/dyads/KGZ-UZB/series?by=quarter&direction=forward")
    assert [p["period"] for p in quarter["points"]] == ["2022-Q2"]
    assert quarter["points"][0]["by_type"] == {"ACCUSE": 1}
    # Planned events count only when asked.
    assert get(client, "/api/dyads/KAZ-KGZ/series?counted=any")["points"][0]["by_type"] == {"AGREE": 1}
    changes = get(client, "/api/changes?dyad=KAZ-UZB&by=year&window=2")
    assert changes["dyad"] == "KAZ-UZB" and isinstance(changes["items"], list)


def test_network(client):
    net = get(client, "/api/network")
    labels = {n["label"]: n for n in net["nodes"]}
    assert {"KAZ", "UZB", "KGZ", "CSTO"} <= set(labels)
    assert labels["CSTO"]["kind"] == "igo"
    edge = next(e for e in net["edges"] if e["dyad"] == "KGZ-UZB")
    assert edge["occurrences"] == 2 and edge["index_mean"] == -3.5
    assert get(client, "/api/network?since=2023")["edges"][0]["dyad"] in ("KAZ-UZB", "CSTO-KAZ", "CSTO-UZB")


def test_figures_commitments_contradictions(client):
    assert get(client, "/api/figures?dyad=KAZ-UZB")["total"] == 3
    assert get(client, "/api/figures?kind=target")["items"][0]["deadline"] == "2030"
    commitment = get(client, "/api/commitments?dyad=KAZ-UZB")["items"][0]
    assert commitment["target"]["value"] == 1e10 and commitment["status"] in ("pending", "unknown")
    contradiction = get(client, "/api/contradictions")["items"][0]
    assert {contradiction["a"]["value"], contradiction["b"]["value"]} == {3.1e9, 4.2e9}


def test_agreements_projects_actors(client):
    agreement = get(client, "/api/agreements?dyad=KAZ-UZB")["items"][0]
    assert agreement["name"] == "Treaty on Good Neighbourliness"
    assert agreement["reports"][0]["document_id"] == "visit-2021"
    project = get(client, "/api/projects?dyad=KAZ-UZB")["items"][0]
    assert project["status"] == [{"date": "2023-07-10", "status": "agreed"}]
    actors = get(client, "/api/actors")["items"]
    assert actors[0]["label"] == "UZB" and actors[0]["name"] == "Uzbekistan"
    kaz = get(client, "/api/actors/KAZ")
    assert {p["label"] for p in kaz["partners"]} >= {"UZB"}
    tokayev = kaz["people"][0]
    assert tokayev["name"] == "Kassym-Jomart Tokayev"
    assert any(r["role"] == "president" for r in tokayev["roles"])
    get(client, "/api/actors/RUS", 404)


def test_post_documents_needs_the_token(client, monkeypatch):
    body = {"text": "Astana, 1 June 2024. Kazakhstan and Uzbekistan signed a water accord."}
    r = client.post("/api/documents", json=body)
    assert r.status_code == 403 and "read-only" in r.json()["detail"]
    monkeypatch.setenv("STEPPE_API_TOKEN", "s3cret")
    assert client.post("/api/documents", json=body).status_code == 401
    assert client.post("/api/documents", json=body,
                       headers={"X-Steppe-Token": "wrong"}).status_code == 401
    assert client.post("/api/documents", json={"text": ""},
                       headers={"X-Steppe-Token": "s3cret"}).status_code == 422


def test_post_documents_ingests(client, monkeypatch, extractor):
    client.app.state.extractor = extractor
    monkeypatch.setenv("STEPPE_API_TOKEN", "s3cret")
    body = {"id": "api-1", "date": "2024-06-01", "title": "Accord",
            "text": "Astana, 1 June 2024. President Tokayev met President Mirziyoyev in Astana."}
    r = client.post("/api/documents", json=body, headers={"X-Steppe-Token": "s3cret"})
    assert r.status_code == 201, r.text
    assert r.json()["status"] == "added" and r.json()["events"] >= 1
    assert get(client, "/api/events?document_id=api-1")["items"][0]["type"] == "CONSULT"
    again = client.post("/api/documents", json=body, headers={"X-Steppe-Token": "s3cret"})
    assert again.json()["status"] == "duplicate"


def test_security_headers_and_gzip(client):
    r = client.get("/api/actors", headers={"Accept-Encoding": "gzip"})
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert r.headers["x-content-type-options"] == "nosniff"
    js = client.get("/static/vendor/echarts.min.js", headers={"Accept-Encoding": "gzip"})
    assert js.status_code == 200 and js.headers["content-encoding"] == "gzip"


def test_openapi_lists_every_resource(client):
    paths = get(client, "/openapi.json")["paths"]
    for resource in ("documents", "events", "dyads", "network", "changes", "figures",
                     "commitments", "agreements", "projects", "contradictions", "actors",
                     "sources"):
        assert f"/api/{resource}" in paths
    assert client.get("/docs").status_code == 200


def test_document_ids_with_slashes(client, web_store):
    # `steppe ingest folder/` names documents by their path ("news/visit").
    from steppe.facts import Document
    from steppe.store import save_document

    save_document(web_store, Document(id="news/visit", text="A short note on a visit."))
    assert get(client, "/api/documents/news/visit")["text"] == "A short note on a visit."
    assert get(client, "/api/documents/news%2Fvisit")["id"] == "news/visit"
    page = client.get("/documents/news%2Fvisit")
    assert page.status_code == 200 and "A short note on a visit." in page.text


def test_oversized_bodies_are_refused_before_they_are_read(client, monkeypatch):
    from steppe.web.security import MAX_BODY

    monkeypatch.setenv("STEPPE_API_TOKEN", "t0ken")
    big = b'{"text": "' + b"x" * (MAX_BODY + 10) + b'"}'
    r = client.post("/api/documents", content=big, headers={"X-Steppe-Token": "t0ken",
                                                            "Content-Type": "application/json"})
    assert r.status_code == 413 and "larger than" in r.json()["detail"][0]
    assert r.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("path", [
    "/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd",
    "/api/documents/..%2F..%2F..%2Fetc%2Fpasswd", "/documents/../../etc/passwd",
])
def test_no_path_reaches_files_outside_the_package(client, path):
    r = client.get(path)
    assert r.status_code in (404, 422) and "root:" not in r.text
