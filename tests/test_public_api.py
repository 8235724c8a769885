"""The public Python API: what `import steppe` offers, as README.md documents it."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import steppe
from steppe.errors import ConfigError

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
SECTION = README.split("\n## Python API\n", 1)[1].split("\n## ", 1)[0]
TEXT = "Uzbek President Shavkat Mirziyoyev visited Kazakhstan on 6 December 2021."


def test_all_is_what_the_readme_documents():
    rows = [line.split("|")[1] for line in SECTION.splitlines() if line.startswith("| `")]
    documented = {name for cell in rows for name in re.findall(r"`(\w+)`", cell)}
    assert documented == set(steppe.__all__)


def test_every_exported_name_resolves_and_is_listed():
    for name in steppe.__all__:
        assert getattr(steppe, name) is not None
        assert name in dir(steppe)
    with pytest.raises(AttributeError):
        steppe.no_such_name  # noqa: B018


def test_import_steppe_loads_neither_spacy_nor_the_store():
    code = "import sys, steppe; print(sorted(m for m in ('spacy', 'sqlalchemy') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_readme_example_runs_after_make_demo(demo_dir, tmp_path):
    (code,) = re.findall(r"```python\n(.*?)```", SECTION, re.S)
    folder, _ = demo_dir
    # On a copy of the demo store: the example adds a document, and other tests read the
    # shared store as `steppe demo` left it.
    shutil.copy(folder / "steppe-demo.db", tmp_path / "steppe-demo.db")
    run = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                         text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    # Talks in Tashkent: the Kazakh visitor is the source, the Uzbek host the target (PLOVER).
    assert "CONSULT ['KAZ'] -> ['UZB'] 2024-03-03" in run.stdout
    assert "{'added': 1, 'duplicate': 0, 'skipped': 0, 'failed': 0}" in run.stdout


def test_ingest_sources_reads_extracts_stores_and_reports(extractor, tmp_path):
    (tmp_path / "visit.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    note = steppe.Document(id="note", text="Kazakhstan imposed sanctions on Kyrgyzstan in October 2017.")
    seen = []
    with steppe.open_store(f"sqlite:///{tmp_path / 's.db'}") as store:
        report = steppe.ingest_sources([tmp_path / "visit.txt", tmp_path / "empty.txt", note,
                                        tmp_path / "missing.txt"], store=store,
                                       extractor=extractor,
                                       on_progress=lambda d, status: seen.append((d.id, status)))
        assert sorted(report.added) == ["note", "visit"]
        assert [s.path for s in report.skipped] == [str(tmp_path / "empty.txt"),
                                                     str(tmp_path / "missing.txt")]
        assert report.failed == [] and not report.ok
        assert sorted(seen) == [("note", "added"), ("visit", "added")]
        assert {e["type"] for e in steppe.query_events(store)} == {"CONSULT", "SANCTION"}
        again = steppe.ingest_sources(note, store=store, extractor=extractor)
        assert again.counts() == {"added": 0, "duplicate": 1, "skipped": 0, "failed": 0}
        assert again.ok


def test_one_document_the_store_refuses_does_not_stop_the_batch(extractor, tmp_path, monkeypatch):
    import steppe.store

    real = steppe.store.save_document

    def refuse_bad(store, doc, facts=None):
        if doc.id == "bad":
            raise RuntimeError("disk full")
        return real(store, doc, facts)

    monkeypatch.setattr(steppe.store, "save_document", refuse_bad)
    docs = [steppe.Document(id=i, text=TEXT) for i in ("a", "bad")] + \
        [steppe.Document(id="c", text=TEXT + " Again.")]
    with steppe.open_store(f"sqlite:///{tmp_path / 's.db'}") as store:
        report = steppe.ingest_sources(docs, store=store, extractor=extractor)
    assert report.added == ["a", "c"]
    assert [(f.path, f.reason) for f in report.failed] == [("bad", "not stored: RuntimeError: disk full")]


def test_documents_only_without_extraction(tmp_path):
    with steppe.open_store(f"sqlite:///{tmp_path / 's.db'}") as store:
        report = steppe.ingest_sources(steppe.Document(id="d", text=TEXT), store=store, extract=False)
        assert report.added == ["d"]
        assert steppe.query_events(store) == []


def test_an_unknown_engine_is_a_configuration_error():
    from steppe import engine

    with pytest.raises(ConfigError, match="unknown engine 'spark'"):
        engine.run([], steppe.Settings(engine="spark"))
