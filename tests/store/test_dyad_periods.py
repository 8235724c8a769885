"""The aggregates the writers keep (store.dyad_periods) give exactly what the events
give: the packaged sample corpus, copied document by document into a fresh store (SQLite,
and PostgreSQL when STEPPE_TEST_PG_URL names a scratch database), then one document's
events deleted and stored again."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from scratch_db import scratch_url

from steppe.analysis.network import build_network, load_network
from steppe.analysis.series import load_dyad_series
from steppe.facts import Document, Event, Facts
from steppe.store import Store, link_occurrences, open_store, replace_facts, save_document
from steppe.store import tables as t
from steppe.store.dyad_periods import rebuild
from steppe.store.read import (
    EventFilter,
    dyad_activity,
    events_version,
    find_actors,
    find_documents,
    find_events,
    get_document_record,
)


def _facts(store: Store, document_id: str) -> Facts:
    """The stored events of a document as the pipeline handed them over."""
    names = [f.name for f in dataclasses.fields(Event)]
    events = find_events(store, EventFilter(document_id=document_id), limit=None,
                         newest_first=False).items
    return Facts(id=document_id, events=[Event(**{n: getattr(e, n) for n in names})
                                         for e in sorted(events, key=lambda e: e.id)])


@pytest.fixture(params=["sqlite", "postgresql"])
def copied(request, demo_dir, tmp_path) -> Iterator[Store]:
    url = scratch_url(request.param, tmp_path, "copy.db")
    folder, _ = demo_dir
    with open_store(f"sqlite:///{Path(folder) / 'steppe-demo.db'}") as demo, \
            open_store(url) as store:
        for record in find_documents(demo, limit=10_000).items:
            full = get_document_record(demo, record.id)
            doc = Document(id=full.id, text=full.text, date=full.published, title=full.title,
                           source=full.source, url=full.url, language=full.language)
            save_document(store, doc, _facts(demo, record.id))
        link_occurrences(store)
        yield store


def _assert_same_as_events(store: Store) -> None:
    # Every pair with events, in both orders (the raw network is checked whole below),
    # and a pair of labels that never met.
    kinds = {x.label: x.kind for x in find_actors(store)}
    edges = build_network(dyad_activity(store, directed=False, modality=None), (), kinds).edges
    pairs = [(e.a, e.b) for e in edges] + [(e.b, e.a) for e in edges] + [("KAZ", "ZZZ")]
    assert len(pairs) > 10
    compared = 0
    for a, b in pairs:
        for modality in ("asserted", None):
            for direction in ("both", "forward"):
                for by in ("month", "quarter", "year"):
                    kept = load_dyad_series(store, f"{a}-{b}", by=by, direction=direction,
                                            modality=modality)
                    raw = load_dyad_series(store, f"{a}-{b}", by=by, direction=direction,
                                           modality=modality, event_ids=True)
                    expected = raw.to_json()
                    for p in expected["points"]:
                        del p["event_ids"]
                    assert kept.to_json() == expected, (a, b, modality, direction, by)
                    compared += bool(kept.points)
    assert compared > 20
    for modality in ("asserted", None):
        raw = build_network(dyad_activity(store, directed=False, modality=modality),
                            dyad_activity(store, modality=modality), kinds)
        assert load_network(store, modality=modality).to_json() == raw.to_json()
        assert raw.edges


def _aggregates(store: Store) -> tuple[list, list]:
    dp, ed = t.dyad_periods.c, t.event_dyads.c
    with store.connect() as conn:
        cells = [(*r[:9], sorted(r.by_type.items()), sorted(r.by_quad.items()))
                 for r in conn.execute(sa.select(t.dyad_periods).order_by(
                     dp.a, dp.b, dp.direction, dp.counted, dp.period))]
        dyads = conn.execute(sa.select(t.event_dyads).order_by(ed.event_id, ed.dyad)).all()
    return [c[:5] + (c[5], c[6], round(c[7], 9), c[8], c[9], c[10]) for c in cells], dyads


def test_aggregates_answer_as_the_events_do(copied):
    _assert_same_as_events(copied)
    kept = _aggregates(copied)
    with copied.begin() as conn:
        rebuild(conn)
    assert _aggregates(copied) == kept


def test_aggregates_follow_a_document_deleted_and_stored_again(copied):
    busiest = max((d.id for d in find_documents(copied, limit=10_000).items),
                  key=lambda i: len(_facts(copied, i).events))
    facts = _facts(copied, busiest)
    assert len(facts.events) >= 3
    before = _aggregates(copied)
    version = events_version(copied)

    replace_facts(copied, busiest, Facts(id=busiest))
    link_occurrences(copied)
    assert events_version(copied) > version
    assert _aggregates(copied) != before
    _assert_same_as_events(copied)

    replace_facts(copied, busiest, facts)
    link_occurrences(copied)
    _assert_same_as_events(copied)
    # Event ids are new, so compare the period sums and the rebuilt dyad index.
    assert _aggregates(copied)[0] == before[0]
    kept = _aggregates(copied)
    with copied.begin() as conn:
        rebuild(conn)
    assert _aggregates(copied) == kept


def test_dyad_pages_walk_the_index_in_the_order_of_the_general_query(copied):
    from steppe.store.read import _event_conditions

    e = t.events.c
    sizes = []
    for edge in load_network(copied, modality=None).edges[:5]:
        f = EventFilter(dyad=f"{edge.b}-{edge.a}")
        general = sa.select(e.id).where(*_event_conditions(copied, f)) \
            .order_by(e.date.is_(None), e.date.desc(), e.id.desc())
        with copied.connect() as conn:
            expected = list(conn.execute(general).scalars())
        assert [x.id for x in find_events(copied, f, limit=None).items] == expected
        page = find_events(copied, f, limit=2, offset=1)
        assert [x.id for x in page.items] == expected[1:3]
        assert page.total == len(expected) and not page.total_capped
        sizes.append(len(expected))
    assert max(sizes) > 3


def test_totals_stop_counting_at_the_cap(copied):
    every = find_events(copied, EventFilter(), limit=5)
    assert every.total > 10 and not every.total_capped
    capped = find_events(copied, EventFilter(), limit=5, total_cap=10)
    assert (capped.total, capped.total_capped) == (10, True)
    assert [x.id for x in capped.items] == [x.id for x in every.items]
    top = load_network(copied, modality=None).edges[0]
    dyad = find_events(copied, EventFilter(dyad=top.dyad), limit=1, total_cap=2)
    assert (dyad.total, dyad.total_capped) == (2, True)


def test_words_probed_while_walking_dates_select_the_same_page(copied):
    from steppe.store.read import _event_conditions, events_query

    if copied.dialect != "sqlite":
        pytest.skip("SQLite's plan choice (PostgreSQL always sorts the matches)")
    e = t.events.c
    f = EventFilter(q="the")
    source, _, order = events_query(copied, f)
    with copied.connect() as conn:
        pages = [list(conn.execute(sa.select(e.id).select_from(source)
                                   .where(*_event_conditions(copied, f, probe_words=probe))
                                   .order_by(*order).limit(20)).scalars())
                 for probe in (False, True)]
    assert len(pages[0]) == 20 and pages[0] == pages[1]
    assert pages[0] == [x.id for x in find_events(copied, f, limit=20).items]
