"""One document whose extraction fails is reported and left out; the batch goes on."""

from __future__ import annotations

import pytest

from steppe.facts import Document
from steppe.pipeline.extract import Extractor
from steppe.pipeline.factories import REGISTRY

TEXT = "Uzbek President Shavkat Mirziyoyev visited Kazakhstan on 6 December 2021."


def failing(monkeypatch, extractor, name: str, fails) -> Extractor:
    """An extractor whose component `name` raises on the documents `fails` picks."""
    real = REGISTRY[name]

    class Flaky(real):
        def __call__(self, ctx):
            if fails(ctx.doc):
                raise RuntimeError("simulated failure")
            super().__call__(ctx)

    monkeypatch.setitem(REGISTRY, name, Flaky)
    return Extractor(nlp=extractor.nlp, resources=extractor.resources)


# One component before the batched parse, one after it.
@pytest.mark.parametrize("stage", ["steppe.candidates.v1", "steppe.events.v1"])
def test_failing_document_is_reported_and_the_rest_extracted(extractor, monkeypatch, stage):
    ex = failing(monkeypatch, extractor, stage, lambda d: d.id == "bad")
    docs = [Document(id=i, text=TEXT, date="2021-12-07") for i in ("a", "bad", "c")]
    errors = []
    out = list(ex.extract_many(docs, on_error=lambda d, e: errors.append((d.id, str(e)))))
    assert [d.id for d, _ in out] == ["a", "c"]
    assert all(f.events for _, f in out)
    assert errors == [("bad", "simulated failure")]


def test_without_a_handler_the_error_propagates(extractor, monkeypatch):
    ex = failing(monkeypatch, extractor, "steppe.figures.v1", lambda d: True)
    with pytest.raises(RuntimeError, match="simulated failure"):
        list(ex.extract_many([Document(id="x", text=TEXT)]))
