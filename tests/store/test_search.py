"""Full-text search (migration 0004) and the typed reads the API and pages use."""

from __future__ import annotations

import sqlalchemy as sa

from steppe.store import open_store, save_document
from steppe.store.read import (
    EventFilter,
    dyad_activity,
    find_agreements,
    find_documents,
    find_events,
    find_figures,
    find_projects,
    get_event,
)
from steppe.store.search import terms


def test_terms_are_words_never_syntax():
    assert terms('Gas pipe* "OR" NEAR(a b) -x') == ["gas", "pipe*", "or", "near", "a", "b", "x"]
    assert terms("  ") == []


def test_event_search_matches_words_and_prefixes(filled):
    assert [e.evidence.text for e in find_events(filled, EventFilter(q="signed treaty")).items] \
        == ["They signed the Treaty on Allied Relations"]
    assert find_events(filled, EventFilter(q="protest*")).total == 1
    assert find_events(filled, EventFilter(q="treaty railway")).total == 0
    # FTS5 operators in user input are searched as words, not run.
    assert find_events(filled, EventFilter(q='" AND OR NOT ( * :')).total == 0


def test_document_search_covers_title_and_text(filled):
    assert [d.id for d in find_documents(filled, q="railway").items] == ["doc-b"]
    assert [d.id for d in find_documents(filled, q="pledge").items] == ["doc-b"]
    assert find_documents(filled, q="state visit").total == 1
    assert find_documents(filled).total == 2


def test_search_index_follows_deletes_and_updates(filled):
    with filled.begin() as conn:
        conn.execute(sa.text("UPDATE events SET evidence_text = 'a water accord' "
                             "WHERE evidence_text LIKE 'Kyrgyzstan protested%'"))
        conn.execute(sa.text("DELETE FROM documents WHERE id = 'doc-a'"))
    assert find_events(filled, EventFilter(q="protested")).total == 0
    assert find_events(filled, EventFilter(q="water accord")).total == 1
    assert find_events(filled, EventFilter(q="treaty")).total == 0
    assert find_documents(filled, q="visit").total == 1     # doc-b's "visit", not doc-a's


def test_upgrade_from_0003_indexes_existing_rows(tmp_path, doc_a, facts_a):
    from steppe.store.schema import upgrade

    url = f"sqlite:///{tmp_path / 'old.db'}"
    with open_store(url, migrate=False) as s:
        upgrade(s._writer, revision="0003")
        # Rows as steppe of revision 0003 wrote them (today's writers also fill the
        # tables of later revisions).
        with s.begin() as conn:
            write_old_rows(conn, doc_a, facts_a)
    with open_store(url) as s:
        assert find_events(s, EventFilter(q="allied")).total == 1
        assert find_documents(s, q="Mirziyoyev").total == 1
        # Migration 0006 back-filled the dyads of the events already stored.
        assert find_events(s, EventFilter(dyad="UZB-KAZ")).total == 2


def write_old_rows(conn, doc, facts):
    """The document, its actors and its events, written with plain inserts."""
    from datetime import datetime, timezone

    from steppe.store import tables as t

    conn.execute(t.documents.insert().values(
        id=doc.id, content_hash="old-hash", title=doc.title, published=doc.date,
        text=doc.text, ingested_at=datetime.now(timezone.utc)))
    for e in facts.events:
        event_id = conn.execute(t.events.insert().values(
            document_id=doc.id, type=e.type, modality=e.modality, date=e.date,
            date_precision=e.date_precision, evidence_start=e.evidence.start,
            evidence_end=e.evidence.end, evidence_text=e.evidence.text)).inserted_primary_key[0]
        conn.execute(t.event_actors.insert(), [
            {"event_id": event_id, "role": role, "position": i, "code": a.code, "text": a.text}
            for role, side in (("source", e.source), ("target", e.target))
            for i, a in enumerate(side)])


def test_typed_reads_carry_their_document(filled):
    page = find_events(filled, EventFilter(dyad="KAZ-UZB"), limit=1)
    assert page.total == 3 and len(page.items) == 1
    event = get_event(filled, page.items[0].id)
    assert event.document_id in ("doc-a", "doc-b") and event.evidence.text
    assert find_events(filled, EventFilter(dyad="UZB-KAZ", directed=True)).total == 3
    assert find_events(filled, EventFilter(dyad="KGZ-KAZ", directed=True)).total == 1
    assert find_events(filled, EventFilter(dyad="KAZ-KGZ", directed=True)).total == 0
    assert {f.document_id for f in find_figures(filled, dyad="UZB-KAZ")} == {"doc-a"}
    assert find_agreements(filled, dyad="KAZ-UZB")[0].key
    assert find_projects(filled, dyad="KAZ-UZB")[0].status == [("2024-08-09", "planned")]


def test_dyad_activity_counts_occurrences_once(filled):
    from steppe.store import link_occurrences

    link_occurrences(filled)
    pairs = {(a.source, a.target): a for a in dyad_activity(filled, directed=False)}
    # The visit is reported by both documents (6 and 8 August): one occurrence.
    assert pairs[("KAZ", "UZB")].occurrences == 2       # the visit and the signing
    yearly = dyad_activity(filled, directed=False, period_width=4)
    assert {(a.source, a.target, a.period) for a in yearly} >= {("KAZ", "UZB", "2024")}
