"""The Ray engine gives exactly the store the local engine gives, survives a dead worker
and reports a document that fails on a worker like any other failure."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
import ray  # in the test extra, so CI always proves the Ray path
import sqlalchemy as sa

import steppe
from steppe.ingest import read_paths
from steppe.store import tables as t

BENCH = Path(__file__).parents[2] / "bench"
VOLATILE = {"ingested_at", "at"}     # wall-clock times differ between any two runs


def _corpus_module():
    spec = importlib.util.spec_from_file_location("bench_corpus", BENCH / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module   # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def cluster():
    """A 2-worker local Ray instance for the module (the engine joins it, never stops it)."""
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
             object_store_memory=128 * 1024 * 1024, logging_level="warning")
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def news(tmp_path_factory):
    """500 short generated articles in two JSON Lines files, plus one unreadable record."""
    folder = tmp_path_factory.mktemp("news")
    _corpus_module().write(500, folder, per_file=250, short=True, seed=13)
    with (folder / "part-00001.jsonl").open("a", encoding="utf-8") as f:
        f.write(json.dumps({"id": "no-text"}) + "\n")
    return folder


@pytest.fixture(scope="module")
def local_store(news, extractor, tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('local') / 'local.db'}"
    with steppe.open_store(url) as store:
        report = steppe.ingest_sources([news], store=store, extractor=extractor)
    assert report.counts() == {"added": 500, "duplicate": 0, "skipped": 1, "failed": 0}
    return url


def dump(url: str) -> dict[str, list[tuple]]:
    """Every row of every table, wall-clock columns left out, in a fixed order."""
    engine = sa.create_engine(url)
    out = {}
    with engine.connect() as conn:
        for table in t.metadata.sorted_tables:
            cols = [c for c in table.c if c.name not in VOLATILE]
            out[table.name] = sorted(map(tuple, conn.execute(sa.select(*cols))), key=repr)
    engine.dispose()
    return out


def test_ray_gives_the_same_store_as_local(cluster, news, local_store, tmp_path):
    url = f"sqlite:///{tmp_path / 'ray.db'}"
    settings = steppe.Settings(engine="ray", workers=2, write_batch=64)
    with steppe.open_store(url) as store:
        report = steppe.ingest_sources([news], store=store, settings=settings)
    assert report.counts() == {"added": 500, "duplicate": 0, "skipped": 1, "failed": 0}
    ray_rows, local_rows = dump(url), dump(local_store)
    assert len(ray_rows["events"]) > 500
    assert ray_rows == local_rows

    # Run again (as after a crash): nothing is added twice, nothing is extracted again.
    with steppe.open_store(url) as store:
        again = steppe.ingest_sources([news], store=store, settings=settings)
    assert again.counts() == {"added": 0, "duplicate": 500, "skipped": 1, "failed": 0}
    assert dump(url)["events"] == local_rows["events"]


def test_parquet_dataset_loads_into_the_same_store(cluster, news, extractor, tmp_path):
    from steppe.api import extract_to_parquet, load_parquet

    some = [d for d in read_paths(news / "part-00000.jsonl")][:60]
    settings = steppe.Settings(engine="ray", workers=2)
    report = extract_to_parquet(some, tmp_path / "facts", settings=settings)
    assert len(report.added) == 60 and not report.failed
    url = f"sqlite:///{tmp_path / 'from-parquet.db'}"
    with steppe.open_store(url) as store:
        loaded = load_parquet(tmp_path / "facts", store=store)
        assert len(loaded.added) == 60
        assert len(load_parquet(tmp_path / "facts", store=store).duplicate) == 60
    with steppe.open_store(f"sqlite:///{tmp_path / 'direct.db'}") as store:
        steppe.ingest_sources(some, store=store, extractor=extractor)
    assert dump(url) == dump(f"sqlite:///{tmp_path / 'direct.db'}")


def test_a_killed_worker_is_replaced_and_a_failing_document_reported(cluster, news, extractor):
    from steppe.engine import ray as ray_engine

    docs = [d for d in read_paths(news / "part-00000.jsonl")][:48]
    expected = {d.id: f for d, f in extractor.extract_many(docs)}
    # A document that fails on a worker (its date is not a date) is reported, not fatal.
    docs.insert(20, steppe.Document(id="bad", text="Kazakhstan accused Uzbekistan again.", date=5))
    settings = steppe.Settings(engine="ray", workers=2, batch_size=8)

    def workers() -> list[str]:
        return sorted(a["name"] for a in ray.util.list_named_actors(all_namespaces=True)
                      if a["namespace"] == "steppe")

    got, failed, seen = {}, [], []
    for doc, facts in ray_engine.run(docs, settings, on_error=lambda d, exc: failed.append((d.id, exc))):
        if not got:
            # The first batch is back; the first worker now holds the third: kill it.
            ray.kill(ray.get_actor(workers()[0], namespace="steppe"), no_restart=True)
        got[doc.id] = facts
        if len(got) == len(expected):
            seen = workers()
    assert any(name.endswith("-3") for name in seen)   # a third worker took over
    assert got == expected
    assert [(i, type(exc).__name__) for i, exc in failed] == [("bad", "AttributeError")]
