"""The Russian pipeline is a list of registered components over the document context,
built from Resources (its data in Resources.russian), like the English one.

Every text here is written for these tests (none is taken from an evaluation corpus).
"""

from __future__ import annotations

import ast
import shutil
from dataclasses import replace
from importlib.resources import files

import pytest

from steppe.errors import ConfigError
from steppe.facts import Document
from steppe.pipeline.extract import Extractor
from steppe.pipeline.factories import PIPELINES, REGISTRY, Loaded, build
from steppe.pipeline.ru.lexicon import RussianLexicon

STAGES = ["steppe.ru.sentences.v1", "steppe.ru.timex.v1", "steppe.ru.actors.v1", "steppe.ru.coref.v1",
          "steppe.ru.events.v1", "steppe.ru.figures.v1", "steppe.ru.agreements.v1"]
SHARED = ["steppe.signings.v1", "steppe.occurrences.v1", "steppe.signing_links.v1"]

# Talks and a signing, a headline restating the lead, a group ("Стороны") and a pronoun
# ("Он") standing for actors, a figure referring back ("довести его"), an act dated by the
# sentence that reports it ("Об этом 15 марта сообщила ...").
TEXT = ("Казахстан и Кыргызстан договорились о поставках воды\n"
        "Президент Кыргызстана Садыр Жапаров 14 марта провел переговоры с Президентом Казахстана "
        "Касым-Жомартом Токаевым в Астане. Стороны подписали Соглашение о совместном использовании "
        "водных ресурсов. Он также пригласил казахстанского коллегу посетить Бишкек в мае.\n"
        "Товарооборот между Казахстаном и Кыргызстаном в 2023 году составил 1,2 млрд долларов. "
        "Стороны намерены довести его до 3 млрд долларов к 2030 году.\n"
        "Узбекистан выделил Таджикистану гуманитарную помощь на 5 млн долларов. "
        "Об этом 15 марта сообщила пресс-служба президента.")
DOC = Document(id="ru-sample", text=TEXT, date="2024-03-16", language="ru")


def events(facts):
    return [(e.type, [a.code for a in e.source], [a.code for a in e.target], e.date, e.modality,
             e.date_source) for e in facts.events]


def figures(facts):
    return [(f.indicator, f.value, f.unit, f.parties, f.direction, f.period, f.kind, f.deadline)
            for f in facts.figures]


def agreements(facts):
    return [(a.name, a.parties, a.date, a.kind, a.signing_event) for a in facts.agreements]


def test_russian_components_are_registered_and_listed():
    assert PIPELINES["ru"] == STAGES + SHARED
    assert all(name in REGISTRY for name in PIPELINES["ru"])


def test_russian_components_are_built_from_what_is_loaded(extractor):
    comps = build(STAGES, Loaded(extractor.resources, extractor.nlp))
    assert [type(c).__name__ for c in comps] == [
        "RuSentences", "RuTimeExpressions", "RuActors", "RuCoreference", "RuEvents", "RuFigures",
        "RuAgreements"]
    assert all(callable(c) and not hasattr(c, "pipe") for c in comps)


def test_the_facts_of_a_russian_text(extractor):
    # The facts the single-component reader (steppe.ru.reader.v1) gave for this text before
    # it was split into components: the split changes none of them; since then "Он" is the
    # subject named last (Japarov invites), no longer the person named last (Tokayev).
    facts = extractor.extract(DOC)
    assert events(facts) == [
        ("CONSULT", ["KGZ"], ["KAZ"], "2024-03-14", "asserted", "text"),
        ("SUPPORT", ["KAZ", "KGZ"], ["KAZ", "KGZ"], "2024-03-16", "asserted", "document"),
        ("AGREE", ["KGZ"], ["KAZ"], "2024-05", "planned", "text"),
        ("AID", ["UZB"], ["TJK"], "2024-03-15", "asserted", "text"),
    ]
    assert figures(facts) == [
        ("trade_turnover", 1.2e9, "USD", ["KAZ", "KGZ"], None, "2023", "actual", None),
        ("trade_turnover", 3e9, "USD", ["KAZ", "KGZ"], None, None, "target", "2030"),
        ("other:aid", 5e6, "USD", ["TJK", "UZB"], {"from": "UZB", "to": "TJK"}, "2024", "actual", None),
    ]
    assert agreements(facts) == [
        ("Соглашение о совместном использовании водных ресурсов", ["KAZ", "KGZ"], "2024-03-16",
         "agreement", 1)]
    # the evidence of every fact indexes the text
    for f in facts.events + facts.figures + facts.agreements:
        assert TEXT[f.evidence.start:f.evidence.end] == f.evidence.text


def test_stages_share_results_through_the_context_only(extractor):
    full = extractor.extract(DOC)
    names = [n for n in PIPELINES["ru"] if n != "steppe.ru.figures.v1"]
    lean = Extractor(nlp=extractor.nlp, resources=extractor.resources, pipelines={"ru": names})
    facts = lean.extract(DOC)
    assert not facts.figures
    assert events(facts) == events(full) and agreements(facts) == agreements(full)


def test_russian_data_comes_through_resources(extractor, tmp_path):
    # A copy of data/ru whose trigger lexicon lacks AID: the same pipeline, built on it,
    # no longer codes the aid (the figure, read with figures.yaml, stays).
    folder = tmp_path / "ru"
    shutil.copytree(str(files("steppe.data") / "ru"), folder)
    triggers = folder / "triggers.yaml"
    lines = triggers.read_text(encoding="utf-8").splitlines(keepends=True)
    triggers.write_text("".join(l for l in lines if "type: AID" not in l), encoding="utf-8")
    resources = replace(extractor.resources, russian=RussianLexicon(folder))
    facts = Extractor(nlp=extractor.nlp, resources=resources).extract(DOC)
    assert "AID" in {e.type for e in extractor.extract(DOC).events}
    assert "AID" not in {e.type for e in facts.events}
    assert "other:aid" in {f.indicator for f in facts.figures}


def test_a_bad_russian_data_file_names_the_file_and_entry(tmp_path):
    folder = tmp_path / "ru"
    shutil.copytree(str(files("steppe.data") / "ru"), folder)
    (folder / "dates.yaml").write_text("months: {январь: первый}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"dates\.yaml.*months"):
        RussianLexicon(folder).dates()
    with pytest.raises(ConfigError, match=r"nothing.dates\.yaml"):
        RussianLexicon(folder / "nothing").dates()      # a missing file is an error, never empty


# What a module that loads its own data imports: yaml, a cache, the package's files, the
# module-level word-list loaders of steppe.words.
LOADERS = {("yaml", None), ("functools", "lru_cache"), ("importlib.resources", "files"),
           ("steppe.words", "words"), ("steppe.words", "time_words"), ("steppe.words", "number_words")}


@pytest.mark.parametrize("module", ["actors", "agreements", "coref", "dating", "events", "figures",
                                    "sentences", "timex", "components"])
def test_russian_stages_read_no_data_files_themselves(module):
    source = (files("steppe.pipeline.ru") / f"{module}.py").read_text(encoding="utf-8")
    imported = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported |= {(a.name, None) for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported |= {(node.module, a.name) for a in node.names}
    assert not imported & LOADERS
