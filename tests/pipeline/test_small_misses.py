"""Small misses found on invented sentences: claims and criticism answered by the one they
are aimed at, a currency's fall told before what it hit, a total broken down by partner,
a leader fleeing his own country.

Every sentence here is written for these tests (none is taken from an evaluation corpus).
"""

from __future__ import annotations

import pytest

from coded import events_in, found

from steppe.facts import Document


@pytest.mark.parametrize("text, rejecter, author", [
    ("Beijing dismissed the claims by Manila that Chinese vessels had rammed a supply boat.",
     {"CHN"}, {"PHL"}),
    ("Moscow dismissed Kyiv's claims that Russian troops had shelled the power plant.",
     {"RUS"}, {"UKR"}),
    ("Tashkent denied claims by Kyrgyz media that Uzbek guards had opened fire.", {"UZB"}, {"KGZ"}),
    ("Ankara rejected Athens' criticism of its drilling plans in the eastern Mediterranean.",
     {"TUR"}, {"GRC"}),
    ("Dushanbe rejected Bishkek's criticism of the new border post.", {"TJK"}, {"KGZ"}),
])
def test_answered_claims_and_criticism_are_aimed_at_their_author(extractor, text, rejecter, author):
    events = found(extractor, text)
    assert ("REJECT", rejecter, author) in events
    # PLOVER 3.9 ACCUSE: what was claimed or criticised was said, against the one answering
    assert ("ACCUSE", author, rejecter) in events


def test_a_rejected_claim_to_territory_is_no_accusation(extractor):
    events = found(extractor, "Beijing rejected Manila's territorial claims in the South China Sea.")
    assert ("REJECT", {"CHN"}, {"PHL"}) in events
    assert not any(t == "ACCUSE" for t, _, _ in events)


def _figures(extractor, text):
    return extractor.extract(Document(id="t", text=text, date="2024-05-10")).figures


@pytest.mark.parametrize("text", [
    "In 2015 the rouble fell 20% against the dollar, hitting remittances from Russia to Tajikistan.",
    "The rouble fell by 20% last year, cutting remittances to Kyrgyzstan.",
    "The tenge weakened by 15 percent in 2023, pushing up imports from China.",
])
def test_a_currencys_fall_is_no_growth_of_what_it_hit(extractor, text):
    assert not any(f.indicator.endswith(("_growth", "_change")) for f in _figures(extractor, text))


def test_a_growth_rate_still_measures_what_came_before_it(extractor):
    figs = _figures(extractor, "Remittances from Russia to Tajikistan fell 20% in 2015, hitting "
                               "household incomes.")
    assert any(f.indicator.endswith("_growth") and f.value == -20 for f in figs), figs


@pytest.mark.parametrize("text, whole, part, partner", [
    ("Kazakhstan's grain exports reached 12 million tonnes in 2023, including 3 million tonnes "
     "to Uzbekistan.", 12e6, 3e6, "UZB"),
    ("Turkmenistan exported 40 billion cubic metres of gas last year, including 30 billion "
     "cubic metres to China.", 40e9, 30e9, "CHN"),
    ("Kyrgyzstan imported 2 million tonnes of fuel in 2023, of which 1.8 million tonnes came "
     "from Russia.", 2e6, 1.8e6, "RUS"),
])
def test_a_total_with_the_world_has_not_the_partner_of_its_part(extractor, text, whole, part, partner):
    figs = _figures(extractor, text)
    assert any(f.value == part and partner in f.parties for f in figs), figs
    assert not any(f.value == whole and partner in f.parties for f in figs), figs


def test_a_partner_named_before_the_breakdown_stays_the_wholes(extractor):
    figs = _figures(extractor, "Uzbekistan's trade with Russia reached $10 billion in 2023, "
                               "including exports of $3 billion.")
    assert any(f.value == 10e9 and sorted(f.parties) == ["RUS", "UZB"] for f in figs), figs


@pytest.mark.parametrize("text", [
    "Former President Bakiyev fled Kyrgyzstan in 2010.",
    "The ousted Tajik opposition leader fled Tajikistan in 1997.",
])
def test_a_leader_fleeing_his_own_country_unprompted_is_no_expulsion(extractor, text):
    assert not [e for e in events_in(extractor, text) if e.type == "SANCTION"]


def test_people_driven_from_a_place_by_another_state_are_still_expelled(extractor):
    events = found(extractor, "Thousands of ethnic Armenians fled Karabakh after the Azerbaijani offensive.")
    assert ("SANCTION", {"AZE"}, {"ARM"}) in events
