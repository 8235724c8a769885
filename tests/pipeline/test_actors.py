"""Actor resolution: time-aware roles, people -> states, transliterations, capitals,
adjectives + agents, apposition, coordination, group phrases, pronouns, IGOs, unknowns,
and users' knowledge-base override files.

Every sentence here is written for these tests (none is taken from an evaluation corpus).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from steppe.facts import Document
from steppe.kb.load import load_kb
from steppe.pipeline.extract import Extractor


def _mentions(ex, text, date):
    return ex.mentions(text, date=date)


def _mention(ex, text, surface, date="2017-09-01"):
    """The one mention whose text contains `surface` (fails when there is none)."""
    found = [m for m in _mentions(ex, text, date) if surface in m.text]
    assert found, f"no mention containing {surface!r} in {text!r}: " \
        f"{[m.text for m in _mentions(ex, text, date)]}"
    assert len(found) == 1, [m.text for m in found]
    return found[0]


def _codes(mention):
    return {a.code for a in mention.actors if a.code}


# -- time-aware roles --------------------------------------------------------------------

@pytest.mark.parametrize("text,surface,date,person_id", [
    ("The President of Kyrgyzstan flew to Moscow for talks.", "President of Kyrgyzstan",
     "2017-06-01", "person:almazbek-atambayev"),
    ("The Kyrgyz president flew to Moscow for talks.", "Kyrgyz president",
     "2017-06-01", "person:almazbek-atambayev"),
    ("The President of Kyrgyzstan flew to Moscow for talks.", "President of Kyrgyzstan",
     "2023-06-01", "person:sadyr-japarov"),
    ("The Kyrgyz president flew to Moscow for talks.", "Kyrgyz president",
     "2023-06-01", "person:sadyr-japarov"),
    ("The Uzbek president received the ambassadors.", "Uzbek president",
     "2015-06-01", "person:islam-karimov"),
    ("The Uzbek president received the ambassadors.", "Uzbek president",
     "2020-06-01", "person:shavkat-mirziyoyev"),
])
def test_role_resolves_to_holder_at_date(extractor, text, surface, date, person_id):
    assert person_id in extractor.kb.entities
    m = _mention(extractor, text, surface, date)
    actor, = m.actors
    assert actor.actor_id == person_id
    assert actor.code == extractor.kb.entities[person_id].code
    assert actor.sector == "GOV"


@pytest.mark.parametrize("state,role,date,person_id", [
    ("KGZ", "president", "2017-06-01", "person:almazbek-atambayev"),
    ("KGZ", "president", "2023-06-01", "person:sadyr-japarov"),
    ("UZB", "president", "2015-06-01", "person:islam-karimov"),
    ("UZB", "president", "2020-06-01", "person:shavkat-mirziyoyev"),
])
def test_kb_holders_single_at_date(extractor, state, role, date, person_id):
    assert [e.id for e in extractor.kb.holders(state, role, date)] == [person_id]


# -- a person stands for the state they served ---------------------------------------

@pytest.mark.parametrize("text,surface,date,code,sector,person_id", [
    ("Tokayev spoke to journalists after the talks.", "Tokayev", "2022-01-10",
     "KAZ", "GOV", "person:kassym-jomart-tokayev"),
    ("Tokayev spoke to journalists after the talks.", "Tokayev", "2005-05-10",
     "KAZ", "GOV", "person:kassym-jomart-tokayev"),      # then foreign minister
    ("Atambayev spoke to journalists after the talks.", "Atambayev", "2015-05-10",
     "KGZ", "GOV", "person:almazbek-atambayev"),
    # Out of office at the date: still Kyrgyz, a former official (PLOVER sector ELI).
    ("Atambayev spoke to journalists after the talks.", "Atambayev", "2019-05-10",
     "KGZ", "ELI", "person:almazbek-atambayev"),
])
def test_person_resolves_to_state(extractor, text, surface, date, code, sector, person_id):
    actor, = _mention(extractor, text, surface, date).actors
    assert (actor.code, actor.sector, actor.actor_id) == (code, sector, person_id)


# -- transliterations ------------------------------------------------------------------

_KB_VARIANTS = [
    ("Shavkat Mirziyoyev", "person:shavkat-mirziyoyev"),
    ("Mirziyoev", "person:shavkat-mirziyoyev"),
    ("Şevket Mirziyoyev", "person:shavkat-mirziyoyev"),
    ("Шавкат Мирзиёев", "person:shavkat-mirziyoyev"),
    ("Japarov", "person:sadyr-japarov"),
    ("Zhaparov", "person:sadyr-japarov"),
    ("Жапаров", "person:sadyr-japarov"),
    ("Tokayev", "person:kassym-jomart-tokayev"),
    ("Toqayev", "person:kassym-jomart-tokayev"),
    ("Токаев", "person:kassym-jomart-tokayev"),
]


@pytest.mark.parametrize("name,person_id", _KB_VARIANTS)
def test_kb_transliteration_variants(extractor, name, person_id):
    # A KB alias, or a spelling with the key of one (kb/index.py NameKey): certain either way.
    m = _mention(extractor, f"{name} met the press after the talks.", name, "2022-01-10")
    actor, = m.actors
    assert actor.actor_id == person_id
    assert actor.confidence == 1.0


@pytest.mark.parametrize("name,person_id", [
    ("Shavkat Mirzijoyev", "person:shavkat-mirziyoyev"),
    ("Shavkat Mirziyayev", "person:shavkat-mirziyoyev"),
    ("Sadyr Djaparov", "person:sadyr-japarov"),
    ("Mirzijoyev", "person:shavkat-mirziyoyev"),           # NER calls it an ORG
    ("Kassym-Jomart Tokaiyef", "person:kassym-jomart-tokayev"),
])
def test_fuzzy_transliteration_variants(extractor, name, person_id):
    assert name not in extractor.kb.aliases, "the variant must be unknown to the KB"
    m = _mention(extractor, f"{name} met the press after the talks.", name, "2022-01-10")
    actor, = m.actors
    assert actor.actor_id == person_id
    assert actor.code == extractor.kb.entities[person_id].code
    assert 0.5 < actor.confidence < 1.0


@pytest.mark.parametrize("text,surface,code", [
    # A spelling differs within a word: still the state.
    ("Delegates of the Republic of Uzbekstan met the press.", "Uzbekstan", "UZB"),
    # Another word makes another name, however close the letters.
    ("The Central Asians arrived in Dushanbe for the summit.", "Central Asians", ""),
    ("Delegates of the Central Asian Union met the press.", "Central Asian Union", ""),
])
def test_state_names_are_matched_fuzzily_word_by_word(extractor, text, surface, code):
    m = _mention(extractor, text, surface, "2020-01-10")
    assert {a.code for a in m.actors} == {code}


def test_a_name_in_another_spelling_inside_a_longer_name_is_no_person(extractor):
    # "Route" spells like "Rutte" by the transliteration key, but a capitalised word before
    # it that is no title makes it part of another name; after a title it is the person
    found = _mentions(extractor, "Trade along the International Transport Route grew.", "2025-01-10")
    assert not [m.text for m in found if m.kind == "person"]
    m = _mention(extractor, "Secretary-General Rute met the press.", "Secretary-General Rute", "2025-01-10")
    assert [a.actor_id for a in m.actors] == ["person:mark-rutte"]
    # ... and after a given name of someone the knowledge base knows, however spelled
    m = _mention(extractor, "Kassym Tokaev met the press.", "Tokaev", "2022-01-10")
    assert [a.actor_id for a in m.actors] == ["person:kassym-jomart-tokayev"]


def test_the_eurasian_economic_community_is_no_european_one(extractor):
    m = _mention(extractor, "Uzbekistan left the Eurasian Economic Community in 2008.",
                 "Eurasian Economic Community", "2012-01-10")
    assert [a.actor_id for a in m.actors] == ["igo:EurAsEC"]


@pytest.mark.parametrize("text,code", [
    ("President Kassym-Jomart Tokaiyev met the press after the talks.", "KAZ"),
])
def test_role_before_unknown_hyphenated_name(extractor, text, code):
    coded = [m for m in _mentions(extractor, text, "2022-01-10") if _codes(m)]
    assert coded and _codes(coded[0]) == {code}


@pytest.mark.parametrize("names", [
    ("Shavkat Mirziyoyev", "Mirziyoev", "Şevket Mirziyoyev", "Шавкат Мирзиёев", "Shavkat Mirzijoyev"),
    ("Japarov", "Zhaparov", "Жапаров", "Sadyr Djaparov"),
    ("Tokayev", "Toqayev", "Токаев", "Tokaiyev"),
])
def test_variants_share_one_person_id(extractor, names):
    ids = set()
    for name in names:
        actor, = _mention(extractor, f"{name} met the press after the talks.", name,
                          "2022-01-10").actors
        ids.add(actor.actor_id)
    assert len(ids) == 1 and next(iter(ids)).startswith("person:")


# -- metonymic capitals ----------------------------------------------------------------

@pytest.mark.parametrize("capital,code", [
    ("Tashkent", "UZB"), ("Astana", "KAZ"), ("Nur-Sultan", "KAZ"), ("Bishkek", "KGZ"),
    ("Dushanbe", "TJK"), ("Ashgabat", "TKM"), ("Moscow", "RUS"), ("Beijing", "CHN"),
])
def test_capital_stands_for_state(extractor, capital, code):
    m = _mention(extractor, f"{capital} rejected the proposal on Tuesday.", capital, "2020-03-01")
    assert _codes(m) == {code}
    assert not m.location


# -- adjectives and agents, apposition, coordination ----------------------------------

@pytest.mark.parametrize("text,surface,code,sector", [
    ("Kyrgyz officials inspected the new checkpoint.", "Kyrgyz officials", "KGZ", "GOV"),
    ("Uzbek border guards inspected the new checkpoint.", "Uzbek border guards", "UZB", None),
    ("Tajik troops inspected the new checkpoint.", "Tajik troops", "TJK", "MIL"),
])
def test_adjective_with_agent(extractor, text, surface, code, sector):
    m = _mention(extractor, text, surface)
    assert m.text == surface
    actor, = m.actors
    assert actor.code == code
    if sector is None:
        assert actor.sector      # some non-empty PLOVER sector
    else:
        assert actor.sector == sector


@pytest.mark.parametrize("text,surface,code,sector,person_id", [
    ("Uzbek President Shavkat Mirziyoyev opened the new bridge.",
     "Uzbek President Shavkat Mirziyoyev", "UZB", "GOV", "person:shavkat-mirziyoyev"),
    ("Kazakh President Kassym-Jomart Tokayev opened the new bridge.",
     "Kazakh President Kassym-Jomart Tokayev", "KAZ", "GOV", "person:kassym-jomart-tokayev"),
])
def test_apposition_is_one_mention(extractor, text, surface, code, sector, person_id):
    coded = [m for m in _mentions(extractor, text, "2022-01-10") if _codes(m)]
    assert len(coded) == 1
    m = coded[0]
    assert m.text == surface
    actor, = m.actors
    assert (actor.code, actor.sector, actor.actor_id) == (code, sector, person_id)


@pytest.mark.parametrize("text,codes,sector", [
    ("Kazakh and Uzbek officials inspected the new checkpoint.", {"KAZ", "UZB"}, "GOV"),
    ("Kyrgyz and Tajik officials inspected the new checkpoint.", {"KGZ", "TJK"}, "GOV"),
])
def test_coordinated_adjectives_share_the_agent(extractor, text, codes, sector):
    coded = [m for m in _mentions(extractor, text, "2017-09-01") if _codes(m)]
    assert set().union(*(_codes(m) for m in coded)) == codes
    for m in coded:
        assert all(a.sector == sector for a in m.actors), (m.text, m.actors)
        assert not m.weak


# -- group phrases and pronouns ---------------------------------------------------------

@pytest.mark.parametrize("text,phrase,codes", [
    ("Kazakhstan and Uzbekistan share a long border. Kazakhstan sells wheat and Uzbekistan "
     "sells gas. The two countries want more trade.", "The two countries", {"KAZ", "UZB"}),
    ("Kyrgyzstan and Tajikistan disagree about the border. Kyrgyzstan wants talks and "
     "Tajikistan wants guarantees. Both sides want calm.", "Both sides", {"KGZ", "TJK"}),
])
def test_group_phrase_stands_for_main_parties(extractor, text, phrase, codes):
    m = _mention(extractor, text, phrase)
    assert m.kind == "group"
    assert _codes(m) == codes


def test_the_longest_group_phrase_wins(extractor):
    # "the countries" alone would be the story's pair; the longer phrase names the region.
    text = ("China and Kazakhstan opened a new border crossing. China sells machinery and "
            "Kazakhstan sells grain. Trade with the countries of the region keeps growing.")
    m = _mention(extractor, text, "the countries of the region")
    assert m.kind == "group" and m.text == "the countries of the region"
    assert _codes(m) == {"KAZ", "KGZ", "TJK", "TKM", "UZB"}


@pytest.mark.parametrize("text,pronoun_at,code,person_id", [
    ("Shavkat Mirziyoyev arrived in Almaty on Monday. He said the talks went well.",
     "He said", "UZB", "person:shavkat-mirziyoyev"),
    ("Sadyr Japarov visited the border area. Later he met local residents.",
     "he met", "KGZ", "person:sadyr-japarov"),
])
def test_pronoun_resolves_to_last_person(extractor, text, pronoun_at, code, person_id):
    at = text.index(pronoun_at)
    ms = [m for m in _mentions(extractor, text, "2023-06-01") if m.start == at]
    assert len(ms) == 1
    m = ms[0]
    assert m.kind == "pronoun"
    actor, = m.actors
    assert (actor.code, actor.actor_id) == (code, person_id)


# -- organisations, unknowns -----------------------------------------------------------

@pytest.mark.parametrize("text,surface,igo_id", [
    ("The Shanghai Cooperation Organisation issued a statement.", "Shanghai Cooperation Organisation", "igo:SCO"),
    ("The SCO issued a statement.", "SCO", "igo:SCO"),
    ("The CSTO issued a statement.", "CSTO", "igo:CSTO"),
])
def test_igo_mentions(extractor, text, surface, igo_id):
    actor, = _mention(extractor, text, surface).actors
    assert actor.code == "IGO"
    assert actor.actor_id == igo_id


@pytest.mark.parametrize("text,name", [
    ("Zorbulon Vextrani said the talks had failed.", "Zorbulon Vextrani"),
    ("Minister Quillon Ardavast said the talks had failed.", "Quillon Ardavast"),
])
def test_invented_name_stays_unknown(extractor, text, name):
    start = text.index(name)
    end = start + len(name)
    overlapping = [m for m in _mentions(extractor, text, "2020-01-01")
                   if m.start < end and start < m.end]
    for m in overlapping:
        for a in m.actors:
            assert a.code == "", (m.text, a)
            assert a.actor_id in ("unknown", "")


# -- users' knowledge-base files ---------------------------------------------------------

@pytest.mark.parametrize("name,state,role,date", [
    ("Arvid Kestrel", "KGZ", "foreign_minister", "2031-05-01"),
])
def test_user_kb_override(extractor, tmp_path, name, state, role, date):
    path = tmp_path / "extra.yaml"
    path.write_text(
        "people:\n"
        f"  - id: test-person\n    name: {name}\n"
        f"    roles:\n      - {{state: {state}, role: {role}, start: 2030-01-01}}\n",
        encoding="utf-8")
    text = f"{name} met the ambassadors on Monday."
    # The packaged KB does not know the name.
    assert not any(_codes(m) for m in _mentions(extractor, text, date))
    ex = Extractor(nlp=extractor.nlp, resources=replace(extractor.resources, kb=load_kb([path])))
    actor, = _mention(ex, text, name, date).actors
    assert (actor.code, actor.sector, actor.actor_id) == (state, "GOV", "person:test-person")
    # Added alongside the packaged holders (whose open-ended terms still cover the date).
    assert "person:test-person" in [e.id for e in ex.kb.holders(state, role, date)]


@pytest.mark.parametrize("content", [
    "people: [{name: No Id Person}]\n",
    "states: {UZB: [not, a, mapping]}\n",
    "rivers: []\n",
    "- just a list\n",
])
def test_bad_user_kb_file_is_a_config_error_naming_the_file(tmp_path, content):
    from steppe.errors import ConfigError
    from steppe.kb.load import load_kb

    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match="bad.yaml"):
        load_kb([path])


@pytest.mark.parametrize("date,sector", [("2019-03-01", "REB"), ("2022-03-01", "GOV")])
def test_an_organisation_standing_changes_with_the_date(extractor, date, sector):
    (m,) = [m for m in extractor.mentions("The Taliban met Uzbek officials in Termez.", date=date)
            if m.text.endswith("Taliban")]
    assert (m.actors[0].code, m.actors[0].sector) == ("AFG", sector)


@pytest.mark.parametrize("text,codes", [
    ("Kazakhstan and Uzbekistan dominate regional trade. Tajik President Emomali Rahmon "
     "met Uzbek officials in Tashkent.\n\n“Last month the ministers of our countries met "
     "in Dushanbe,” Rahmon told reporters.", {"TJK", "UZB"}),
])
def test_our_countries_in_a_quote_are_the_speakers(extractor, text, codes):
    (group,) = [m for m in extractor.mentions(text, date="2020-01-01") if m.kind == "group"]
    assert set(group.codes) == codes


@pytest.mark.parametrize("text,adjective,is_actor", [
    ("Since the approval of the Kazakh Digital Silk Way 2030 Programme, exports have risen.", "Kazakh", False),
    ("The Palestinian Islamic Jihad movement rejected the offer.", "Palestinian", True),
    ("The Uzbek President arrived.", "Uzbek", True),
])
def test_an_adjective_inside_a_document_name_is_not_an_actor(extractor, text, adjective, is_actor):
    found = [m for m in extractor.mentions(text, date="2021-01-01") if m.text.startswith(adjective)]
    assert bool(found) is is_actor


# -- "the two countries": the pair just named ----------------------------------------------

@pytest.mark.parametrize("text, surface, codes", [
    # the sentence names two states before the phrase: they are the pair
    ("Kazakhstan and Uzbekistan lead the region. Kyrgyzstan also sent its envoy to Ankara, "
     "and the two countries signed a memorandum.", "two countries", {"KGZ", "TUR"}),
    # "two Central Asian nations" is a pair, not the five states of the region
    ("Uzbekistan and Turkmenistan argued over water. Uzbekistan shut a canal to Turkmenistan. "
     "A week on, the two Central Asian nations held talks.", "two Central Asian nations",
     {"UZB", "TKM"}),
    # an initial is not the end of a sentence: "the U.S. envoy" still names the pair
    ("Kazakhstan and Uzbekistan met. The U.S. envoy to Kyrgyzstan said the two countries "
     "had agreed.", "two countries", {"USA", "KGZ"}),
    # nothing named before it in the sentence: the document's main pair
    ("Kazakhstan and Uzbekistan met. Kazakhstan thanked Uzbekistan. Both countries then "
     "signed a plan.", "Both countries", {"KAZ", "UZB"}),
    # a third state named in between: still the pair named just before, not the main pair
    ("Uzbekistan and Russia signed a gas deal. Russia thanked Uzbekistan. Uzbekistan praised "
     "Russia. Kyrgyzstan and Tajikistan signed a border treaty. Kazakhstan welcomed the "
     "treaty, saying the two countries had shown wisdom.", "two countries", {"KGZ", "TJK"}),
    ("Uzbekistan and Russia signed a gas deal. Russia thanked Uzbekistan. Uzbekistan praised "
     "Russia. Kyrgyzstan and Tajikistan signed a border treaty. Kazakhstan welcomed it. "
     "The two countries will open three crossings.", "two countries", {"KGZ", "TJK"}),
])
def test_pair_phrase_takes_the_pair_named_before(extractor, text, surface, codes):
    assert _codes(_mention(extractor, text, surface, date="2023-05-01")) == codes


def test_agency_credit_line_is_not_an_actor(extractor):
    text = "BEIJING, May 2 (Xinhua) -- China will send aid to Kyrgyzstan, Xinhua reported."
    agencies = [m for m in _mentions(extractor, text, "2023-05-02") if "Xinhua" in m.text and m.codes]
    # the credit line in parentheses stands for no state; the agency named in the story does
    assert [m.start for m in agencies] == [text.rindex("Xinhua")]


# -- "it" and "they" ------------------------------------------------------------------------

@pytest.mark.parametrize("text, surface, codes", [
    ("Kyrgyzstan and Tajikistan closed the crossing. Later they reopened it.", "they", {"KGZ", "TJK"}),
    ("Gazprom raised its prices again. In May it cut supplies to Armenia.", "it", {"RUS"}),
])
def test_it_and_they_point_back(extractor, text, surface, codes):
    found = [m for m in _mentions(extractor, text, "2023-05-01") if m.text == surface]
    assert found and _codes(found[0]) == codes


def test_a_possessive_is_not_a_new_actor(extractor):
    found = [m for m in _mentions(extractor, "Benin opened its borders to refugees.", "2023-05-01")
             if m.text == "its"]
    assert not found


@pytest.mark.parametrize("text, surface, codes", [
    ("The Ministry of Energy of Kazakhstan raised tariffs. Later the ministry cut exports.",
     "ministry", {"KAZ"}),
    # nothing named before with that head word: left unresolved
    ("Kazakhstan raised tariffs. Later the ministry cut exports.", "ministry", set()),
])
def test_definite_description_takes_the_actor_named_before(extractor, text, surface, codes):
    found = [m for m in _mentions(extractor, text, "2023-05-01") if m.text == surface]
    assert found and _codes(found[0]) == codes


@pytest.mark.parametrize("opening", [
    "Tbilisi, Georgia, Aug. 17\n\n",
    "TBILISI (Agenda) — ",
    "Tbilisi, Georgia (Civil.ge) — ",
    # the day it was filed, and a Markdown story's front matter and headline before it
    "TBILISI, 17 August 2024 — ",
    "Tbilisi, Aug. 17, 2024 — ",
    "---\nid: x\ndate: 2024-08-17\n---\n# Mongolia and China talk trade\n\nTBILISI, 17 August 2024 — ",
])
def test_a_dateline_names_no_main_party(extractor, opening):
    from steppe.pipeline.actors import main_parties

    text = (opening + "Mongolia and China held talks on trade. Mongolia asked China to open "
            "more crossings, and China agreed.")
    mentions = extractor.resolver.find(extractor.nlp.make_doc(text), date="2024-05-01")
    assert main_parties(mentions, text) == ["CHN", "MNG"]


def test_a_capital_inside_an_institution_name_is_no_actor(extractor):
    text = "Gazprom is demanding compensation from Turkmenistan at the Stockholm Chamber of Commerce."
    assert not _mention(extractor, text, "Stockholm", "2016-07-05").codes
    facts = extractor.extract(Document(id="t", text=text, date="2016-07-05"))
    assert all("SWE" not in {a.code for a in e.source + e.target} for e in facts.events)
    # A capital that stands alone still stands for its state.
    assert _mention(extractor, "Kazakhstan sent a note to Moscow on Monday.", "Moscow").codes == ["RUS"]


@pytest.mark.parametrize("text, surface, codes", [
    # an organisation, a state or a body set off by a comma is where or about what, not a title
    ("On the sidelines of the UN General Assembly, Joe Biden met Tokayev.", "Biden", {"USA"}),
    ("In the Kyrgyz parliament, Emmanuel Macron praised Sadyr Japarov.", "Macron", {"FRA"}),
    # a title's comma still joins its holder
    ("The secretary general of the CSTO, Stanislav Zas, arrived in Dushanbe.", "Zas", {"IGO"}),
])
def test_a_comma_joins_a_name_only_to_a_title(extractor, text, surface, codes):
    assert _codes(_mention(extractor, text, surface, "2023-09-20")) == codes
