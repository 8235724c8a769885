"""Resources: the packaged data files and a user's --kb / --lexicon files, checked as they
are read, reaching the stages that use them."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from steppe.cli.app import app
from steppe.errors import ConfigError
from steppe.facts import Document
from steppe.pipeline.extract import Extractor
from steppe.pipeline.quantities import find_quantities
from steppe.resources import Resources, lexicon_files, load_indicators, load_units
from steppe.settings import Settings

TRIGGER = "triggers:\n- {type: SUPPORT, pos: VERB, lemmas: [befriend]}\n"
SENTENCE = "Kazakhstan befriended Mongolia during the summit in Astana on 4 March 2024."


def _events(extractor: Extractor, text: str) -> list[tuple[str, list[str], list[str]]]:
    facts = extractor.extract(Document(id="t", text=text, date="2024-03-05", language="en"))
    return [(e.type, [a.code for a in e.source], [a.code for a in e.target]) for e in facts.events]


def test_a_user_trigger_codes_an_event(tmp_path, extractor):
    assert ("SUPPORT", ["KAZ"], ["MNG"]) not in _events(extractor, SENTENCE)
    (tmp_path / "triggers.yaml").write_text(TRIGGER, encoding="utf-8")
    mine = Extractor(nlp=extractor.nlp, resources=Resources.load(Settings(lexicon_dir=tmp_path)))
    assert ("SUPPORT", ["KAZ"], ["MNG"]) in _events(mine, SENTENCE)


def test_a_user_trigger_replaces_the_packaged_entries_of_its_lemma(tmp_path):
    (tmp_path / "triggers.yaml").write_text("triggers:\n- {type: REJECT, pos: VERB, lemma: snub}\n",
                                            encoding="utf-8")
    packaged = Resources.load().lexicon.triggers["snub"]
    mine = Resources.load(Settings(lexicon_dir=tmp_path)).lexicon.triggers["snub"]
    assert [t.type for t in mine] == ["REJECT"] and [t.type for t in packaged] != ["REJECT"]


def test_user_units_and_indicators_extend_the_packaged_ones(tmp_path):
    text = "Kazakhstan shipped 5 million barrels to China."
    (q,) = find_quantities(text, units=load_units())
    assert q.unit == "count"                               # a counted noun by default
    (tmp_path / "units.tsv").write_text("unit\tbarrels\tbbl\t1\n", encoding="utf-8")
    (tmp_path / "indicators.yaml").write_text(
        "indicators:\n  oil_exports: {cues: [shipped], units: [bbl], growth: oil_exports}\n"
        "value_links: [for a sum of]\n", encoding="utf-8")
    user = lexicon_files(tmp_path)
    (q,) = find_quantities(text, units=load_units([p for p in user if p.suffix == ".tsv"]))
    assert (q.unit, q.value) == ("bbl", 5e6)
    data = load_indicators([p for p in user if p.suffix == ".yaml"]).data
    assert "oil_exports" in data["indicators"] and "exports" in data["indicators"]
    assert data["value_links"][-1] == "for a sum of" and "worth" in data["value_links"]


@pytest.mark.parametrize("content,contract", [
    ("supply_contract: null\n", None),                          # switched off
    ("supply_contract: {unless: [barter]}\n", "other:supply_contract"),   # extended
])
def test_a_user_file_may_switch_off_or_extend_the_supply_contract(tmp_path, content, contract):
    (tmp_path / "indicators.yaml").write_text(content, encoding="utf-8")
    data = load_indicators(lexicon_files(tmp_path)).data
    assert (data["supply_contract"] or {}).get("name") == contract
    if contract:
        assert data["supply_contract"]["unless"][-1] == "barter" and "export" in data["supply_contract"]["unless"]


@pytest.mark.parametrize("name,content,says", [
    ("triggers.yaml", "triggers:\n- {type: BEFRIEND, lemma: befriend}\n", ["triggers.0.type", "unknown PLOVER type 'BEFRIEND'"]),
    ("triggers.yaml", "triggers:\n- {type: SUPPORT, pos: VERB}\n", ["lemma", "needs `lemma` or `lemmas`"]),
    ("triggers.yaml", "triggers:\n- {type: SUPPORT, lemma: befriend, weigth: 0.5}\n", ["weigth", "Extra inputs"]),
    ("units.tsv", "unit\tbarrels\tbbl\n", ["units.tsv:1", "factor", "Field required"]),
    ("units.tsv", "# kind form unit factor\nmeasure\tbarrels\tbbl\t1\n", ["units.tsv:2", "kind", "'measure'"]),
    ("indicators.yaml", "indicators:\n  oil: {cues: shipped, units: [bbl], growth: oil}\n", ["indicators.oil.cues", "valid list"]),
    ("words.yaml", "a: b\n", ["words.yaml", "unknown lexicon files"]),
])
def test_a_bad_user_lexicon_file_names_the_file_the_entry_and_the_reason(tmp_path, name, content, says):
    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        Resources.load(Settings(lexicon_dir=tmp_path))
    assert all(s in str(err.value) for s in [str(tmp_path)] + says), str(err.value)


def test_the_cli_reports_a_bad_lexicon_file_and_exits_2(tmp_path):
    (tmp_path / "triggers.yaml").write_text("triggers:\n- {type: BEFRIEND, lemma: befriend}\n", encoding="utf-8")
    doc = tmp_path.parent / f"{tmp_path.name}-doc.txt"
    doc.write_text(SENTENCE, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(doc), "--lexicon", str(tmp_path)])
    assert result.exit_code == 2
    message = " ".join(result.output.split())
    assert "triggers.yaml" in message and "BEFRIEND" in message and "unknown PLOVER type" in message


def test_the_cli_passes_a_user_lexicon_to_extraction(tmp_path):
    (tmp_path / "triggers.yaml").write_text(TRIGGER, encoding="utf-8")
    doc = tmp_path.parent / f"{tmp_path.name}-doc.txt"
    doc.write_text(SENTENCE, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(doc), "--lexicon", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert '"type": "SUPPORT"' in result.stdout and "befriended" in result.stdout


def test_a_missing_packaged_file_is_an_error_not_an_empty_section(tmp_path, monkeypatch):
    import steppe.kb.load as kb_load

    class Missing:
        def __truediv__(self, name):
            return tmp_path / name

    monkeypatch.setattr(kb_load, "files", lambda package: Missing())
    with pytest.raises(ConfigError, match=r"kb/states.yaml: cannot read data file"):
        kb_load.load_kb()


def test_every_packaged_word_list_reads_and_a_yaml_boolean_is_not_a_word():
    import yaml

    from steppe.pipeline.agreement_grammar import load_agreement_words
    from steppe.schemas import AgreementWords, check
    from steppe.words import Grammar, WordFile

    agreement_words = load_agreement_words().model_dump()
    assert "on" in agreement_words["comma_stop"]     # written unquoted, YAML made it True
    assert "on" in Grammar().words("en", "roles").set("target_prepositions")
    data = yaml.safe_load("roles:\n  target_prepositions: [to, on, with]\n")
    with pytest.raises(ConfigError, match=r"mine.yaml: roles.target_prepositions.1 .*valid string"):
        check(WordFile, data, "mine.yaml")
    with pytest.raises(ConfigError, match=r"agreements.yaml: heads"):
        check(AgreementWords, {**agreement_words, "heads": ["treaty"]}, "agreements.yaml")


def test_a_bad_knowledge_base_entry_names_the_file_the_entry_and_the_reason(tmp_path):
    from steppe.kb.load import load_kb

    path = tmp_path / "mine.yaml"
    path.write_text("people:\n  - {id: ann-ivel, name: Ann Ivel, roles: [{state: KAZ, rank: minister}]}\n",
                    encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_kb([path])
    message = str(err.value)
    assert "mine.yaml: people.0.roles.0.role (" in message and "'id': 'ann-ivel'" in message
    assert "Field required" in message
    assert "people.0.roles.0.rank (" in message and "Extra inputs are not permitted" in message


def test_no_pipeline_module_keeps_its_own_copy_of_the_data():
    """Every stage takes its words from the Resources it is built from: no module-level
    cache of a loader, no Grammar or Resources made at import time. (ru/text.py's memo of
    a pure function of one word is the one cache allowed.)"""
    import ast
    from importlib.resources import files

    found = []
    for path in sorted(files("steppe.pipeline").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                names = [getattr(d, "id", None) or getattr(getattr(d, "func", None), "id", None)
                         for d in node.decorator_list]
                if {"lru_cache", "cache"} & set(names) and path.name != "text.py":
                    found.append(f"{path.name}: {node.name} is cached")
        for node in tree.body:                   # module level only
            if isinstance(node, (ast.Assign, ast.AnnAssign)):
                calls = [c.func for c in ast.walk(node) if isinstance(c, ast.Call)]
                named = {getattr(f, "id", None) or getattr(f, "attr", None) for f in calls}
                if named & {"Grammar", "load", "read_yaml", "words", "time_words", "number_words"}:
                    found.append(f"{path.name}: line {node.lineno} loads data at import")
    assert found == []
