"""One document whose extraction fails is reported and left out; the batch goes on."""

from __future__ import annotations

import pytest

from steppe.facts import Document

TEXT = "Uzbek President Shavkat Mirziyoyev visited Kazakhstan on 6 December 2021."


@pytest.mark.parametrize("bad_stage", ["_prepare", "_facts"])
def test_failing_document_is_reported_and_the_rest_extracted(extractor, monkeypatch, bad_stage):
    real = getattr(type(extractor), bad_stage)

    def flaky(self, p, *args):
        doc = p if isinstance(p, Document) else p.doc
        if doc.id == "bad":
            raise RuntimeError("simulated failure")
        return real(self, p, *args)

    monkeypatch.setattr(type(extractor), bad_stage, flaky)
    docs = [Document(id=i, text=TEXT, date="2021-12-07") for i in ("a", "bad", "c")]
    errors = []
    out = list(extractor.extract_many(docs, on_error=lambda d, e: errors.append((d.id, str(e)))))
    assert [d.id for d, _ in out] == ["a", "c"]
    assert all(f.events for _, f in out)
    assert errors == [("bad", "simulated failure")]


def test_without_a_handler_the_error_propagates(extractor, monkeypatch):
    monkeypatch.setattr(type(extractor), "_facts", lambda self, p, parsed: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        list(extractor.extract_many([Document(id="x", text=TEXT)]))
