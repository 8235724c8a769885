"""Small misses found on invented sentences: claims and criticism answered by the one they
are aimed at, a currency's fall told before what it hit.

Every sentence here is written for these tests (none is taken from an evaluation corpus).
"""

from __future__ import annotations

import pytest

from coded import found

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
