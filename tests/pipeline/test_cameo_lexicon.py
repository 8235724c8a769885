"""The trigger lexicon derived from CAMEO: how the script maps and filters, how the loader
ranks it below the hand lexicon, and what it lets the coder find.

The script is run on a small dictionary written here in CAMEO's format (the test suite
never reads the shared PETRARCH2 files). Every sentence is written for these tests.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from steppe.facts import Document
from steppe.pipeline.lexicon import load_lexicon

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "derive_cameo_lexicon.py"


@pytest.fixture(scope="module")
def derive():
    spec = importlib.util.spec_from_file_location("derive_cameo_lexicon", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("code, expected", [
    ("0231", None),          # CAMEO 02 (appeals) has no PLOVER type
    ("010", None),           # statements neither
    ("081", "CONCEDE"),      # 08 is split between CONCEDE ...
    ("0874", "RETREAT"),     # ... and RETREAT
    ("080", None),           # the bare root says neither
    ("042:043", "CONSULT"),  # source:target codes: the source's
    (":190", "ASSAULT"),
    ("172", "SANCTION"),     # administrative restrictions between states
    ("1723", "COERCE"),      # a curfew stays coercion
    ("---", None),
])
def test_cameo_codes_map_to_plover_types(derive, code, expected):
    roots = {"03": "AGREE", "04": "CONSULT", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT",
             "19": "ASSAULT"}
    assert derive.plover_of(code, roots, {"01", "02"}) == expected


SAMPLE = """\
&ENVOY
+AMBASSADOR
+ENVOY

####### VERB PATTERNS #######
---  SCOLD   [111]  ---
SCOLD
BERATE
CHIDE [1112]
- * &ENVOY (OVER)                                     [111]         # SCOLD
- OFFICIAL * LEADER                                   [111]         # SCOLD
- * {TRADE POLICY}                                    [0231]        # BERATE

---  TIGHTEN   [---]  ---
TIGHTEN
- * {VISA RULES}                                      [172]         # TIGHTEN
######## TRANSFORMATIONS ##########
"""


def test_derivation_keeps_what_the_coder_can_use(derive, tmp_path, capsys):
    path = tmp_path / "sample.txt"
    path.write_text(SAMPLE, encoding="latin-1")
    derive.main(str(path))
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines() if not line.startswith("#")]
    got = {(r[0], r[1]) for r in rows}
    assert ("scold", "ACCUSE") in got                 # the block's head word, code 111
    assert ("chide", "ACCUSE") in got                 # a synonym with a code of its own
    assert ("berate", "ACCUSE") not in got            # a synonym with only the block's code
    assert ("scold ambassador over", "ACCUSE") in got  # &sets expanded, plurals lemmatised
    assert ("scold envoy over", "ACCUSE") in got
    assert ("berate ambassador over", "ACCUSE") not in got   # the pattern was written for SCOLD
    assert not any("leader" in lemma for lemma, _ in got)    # subject constraint: left out
    assert not any("trade" in lemma for lemma, _ in got)     # an appeal (02): no PLOVER type
    assert ("tighten visa rule", "SANCTION") in got


def test_hand_entries_keep_precedence():
    lex = load_lexicon("en")
    # "sue" is coded by hand (ACCUSE): CAMEO's reading of it (COERCE) is not added.
    assert {t.type for t in lex.triggers["sue"]} == {"ACCUSE"}
    assert not any(t.derived for t in lex.triggers["sue"])
    derived = [t for ts in lex.triggers.values() for t in ts if t.derived]
    assert len(derived) > 1000
    assert all(t.weight < 1.0 and t.pos == "VERB" for t in derived)
    assert "tightened" in lex.surfaces      # the sentence pre-filter sees derived verbs


def _events(ex, text):
    return ex.extract(Document(id="t", text=text, date="2023-06-01")).events


@pytest.mark.parametrize("text, type_, source, target", [
    ("Astana tightened visa rules for citizens of Kyrgyzstan on Tuesday.", "SANCTION", "KAZ", "KGZ"),
    ("Ashgabat airlifted tents and blankets to Afghanistan after the earthquake.", "AID", "TKM", "AFG"),
    ("The dispute over water has strained relations between Dushanbe and Bishkek.", None, None, None),
])
def test_derived_verbs_code_events(extractor, text, type_, source, target):
    events = _events(extractor, text)
    if type_ is None:
        assert not any(e.type == "SANCTION" and e.modality == "asserted" and
                       {a.code for a in e.source} == {"TJK"} for e in events)
        return
    assert any(e.type == type_ and {a.code for a in e.source} == {source}
               and {a.code for a in e.target} == {target} for e in events), events


def test_a_derived_phrase_does_not_silence_a_hand_trigger(extractor):
    # "consider ... military" is a CAMEO phrase; the exercises it governs are still an event.
    events = _events(extractor, "Considering the joint military exercises between Kazakhstan "
                                "and Uzbekistan, the region looks calmer.")
    assert any(e.type == "COOPERATE" and {a.code for a in e.source} == {"KAZ", "UZB"}
               for e in events), events


def test_a_participle_is_not_a_derived_trigger(extractor):
    events = _events(extractor, "The new president's arrival led to improved relations with "
                                "Kazakhstan and Kyrgyzstan.")
    assert not any(e.type == "AGREE" for e in events)
