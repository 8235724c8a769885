"""The pipeline is a list of registered components over one document context."""

from __future__ import annotations

import ast
from importlib.resources import files

import pytest

from steppe.facts import Document
from steppe.pipeline.extract import Extractor
from steppe.pipeline.factories import PIPELINES, REGISTRY, build

TEXT = ("Kazakhstan and Uzbekistan signed a treaty on water use in Tashkent on 4 March 2024. "
        "The weather in the capital was mild for the season. "
        "Trade between Kazakhstan and Uzbekistan reached $4.2 billion in 2023.")


def test_every_listed_component_is_registered():
    for language, names in PIPELINES.items():
        assert names and all(n in REGISTRY for n in names), language
    with pytest.raises(KeyError, match="steppe.nothing.v1"):
        build(["steppe.nothing.v1"], None)


def test_a_language_runs_the_components_of_its_list(extractor):
    doc = Document(id="d", text=TEXT, date="2024-03-05")
    full = extractor.extract(doc)
    assert full.events and full.figures and full.agreements
    # Without the figure readers: the same events, no figures.
    names = [n for n in PIPELINES["en"] if n not in ("steppe.tables.v1", "steppe.figures.v1")]
    lean = Extractor(nlp=extractor.nlp, resources=extractor.resources, pipelines={"en": names})
    facts = lean.extract(doc)
    assert not facts.figures
    assert [e.to_json() for e in facts.events] == [e.to_json() for e in full.events]


def test_only_sentences_with_an_actor_and_a_trigger_word_are_parsed(extractor, monkeypatch):
    seen = []

    class Spy:
        def __init__(self, loaded) -> None:
            pass

        def __call__(self, ctx) -> None:
            seen.append(ctx)

    monkeypatch.setitem(REGISTRY, "test.spy.v1", Spy)
    names = list(PIPELINES["en"])
    names.insert(names.index("steppe.parse.v1") + 1, "test.spy.v1")
    ex = Extractor(nlp=extractor.nlp, resources=extractor.resources, pipelines={"en": names})
    ex.extract(Document(id="d", text=TEXT, date="2024-03-05"))
    (ctx,) = seen
    assert len(ctx.sentences) == 3
    # Not the weather (no trigger word), nor the trade figure: "reached" and "trade" begin
    # triggers ("reach an agreement", "trade restrictions") whose other words are absent.
    assert sorted(ctx.parsed) == ctx.candidates == [0]
    for i in ctx.candidates:
        s, e = ctx.sentences[i]
        assert any(s <= m.start < e for m in ctx.mentions)
        assert ctx.parsed[i].text == ctx.text[s:e]


# The stages share results through the context: none imports another.
STAGES = ["agreements", "projects", "figures", "tables", "events", "occurrences"]


@pytest.mark.parametrize("stage", STAGES)
def test_stages_do_not_import_each_other(stage):
    tree = ast.parse((files("steppe.pipeline") / f"{stage}.py").read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    others = {f"steppe.pipeline.{s}" for s in STAGES if s != stage}
    assert not imported & others
