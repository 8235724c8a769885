"""Economic and diplomatic news read by the whole pipeline (issue #9): the figures of
trade, supply and project reports, and the dating, modality and parties of visits,
signings and aid. Invented sentences, one per mechanism."""

from __future__ import annotations

import pytest

from coded import found
from steppe.facts import Document


def _figures(extractor, date, text):
    figs = extractor.extract(Document(id="t", text=text, date=date)).figures
    return [(f.indicator, f.value, f.unit, f.period if f.kind != "target" else f.deadline, f.kind,
             sorted(f.parties)) for f in figs]


def _events(extractor, date, text):
    evs = extractor.extract(Document(id="t", text=text, date=date)).events
    return [(e.type, sorted(a.code for a in e.source), sorted(a.code for a in e.target), e.date, e.modality)
            for e in evs]


# (publication date, text, a figure that must be read, a figure that must not)
FIGURE_CASES = [
    # the day a ministry spoke dates no figure: the rate covers the half-year of its base
    ("2024-07-09", "Uzbekistan sold 80,000 tonnes of cotton yarn to Turkey in the first half of 2024, "
                   "the ministry said on Monday, a 12% increase.",
     ("other:exports_growth", 12, "percent", "2024-01/2024-06", "actual", ["TUR", "UZB"]),
     ("other:exports_growth", 12, "percent", "2024-07", "actual", ["TUR", "UZB"])),
    # a cue past the end of the value's clause ("while imports ...") names the next value
    ("2024-04-15", "Turkey's exports to Kazakhstan rose 6 percent in the first quarter to $1.2 billion, "
                   "while imports from Kazakhstan fell to $0.9 billion.",
     ("exports", 1.2e9, "USD", "2024-01/2024-03", "actual", ["KAZ", "TUR"]),
     ("imports", 1.2e9, "USD", "2024-01/2024-03", "actual", ["KAZ", "TUR"])),
    # one state's foreign trade turnover "with" a partner is trade with that partner
    ("2024-02-20", "Tajikistan's foreign trade turnover with China reached $2.3 billion in 2023.",
     ("trade_turnover", 2.3e9, "USD", "2023", "actual", ["CHN", "TJK"]), None),
    # cubic metres of water supplied are water, and an agreement on their supply commits them
    ("2024-03-12", "Tajikistan and Uzbekistan signed an agreement on the supply of 250 million cubic metres "
                   "of water to Uzbek farms.",
     ("water_volume", 250e6, "m3", None, "target", ["TJK", "UZB"]),
     ("exports", 250e6, "m3", None, "target", ["TJK", "UZB"])),
    # "since 2010 ... amounted to": the whole stretch, not its end
    ("2024-10-01", "Korean investment in Uzbekistan since 2010 amounted to $7 billion.",
     ("investment", 7e9, "USD", "2010/2024", "actual", ["KOR", "UZB"]),
     ("investment", 7e9, "USD", "2024", "actual", ["KOR", "UZB"])),
    # what an agreed project costs describes it: no goal
    ("2024-05-05", "Kyrgyzstan and Kazakhstan have agreed to build a logistics hub, with an estimated "
                   "cost of $90 million.",
     ("other:project_cost", 90e6, "USD", None, "actual", ["KAZ", "KGZ"]),
     ("other:project_cost", 90e6, "USD", None, "target", ["KAZ", "KGZ"])),
    # being interested in raising a volume sets a goal
    ("2024-09-09", "Azerbaijan is interested in increasing purchases of Turkmen gas to 2 billion cubic metres.",
     ("imports", 2e9, "m3", None, "target", ["AZE", "TKM"]),
     ("imports", 2e9, "m3", None, "actual", ["AZE", "TKM"])),
    # "the growth in the number of joint ventures to N": a count of them
    ("2024-06-06", "Tajikistan and Uzbekistan held talks on Thursday. The presidents welcomed the growth "
                   "in the number of joint ventures to 420.",
     ("enterprises_count", 420, "count", "2024-06", "actual", ["TJK", "UZB"]), None),
    # "in Kyrgyzstan's foreign trade": an owner after "in" is a party, not a place
    ("2024-03-03", "Kazakhstan's share in Tajikistan's foreign trade was 15 percent in 2023, while Iran's "
                   "share was 3 percent.",
     ("other:share_of_foreign_trade", 15, "percent", "2023", "actual", ["KAZ", "TJK"]),
     ("other:share_of_foreign_trade", 15, "percent", "2023", "actual", ["IRN", "KAZ"])),
    # "have invested" with no time of its own: a total to date, not the last year named
    ("2024-04-15", "Trade between Uzbekistan and Korea reached $2.5 billion last year. Korean companies have "
                   "invested more than $7 billion in Uzbekistan.",
     ("investment", 7e9, "USD", None, "actual", ["KOR", "UZB"]),
     ("investment", 7e9, "USD", "2023", "actual", ["KOR", "UZB"])),
    # lenders' currencies
    ("2024-02-02", "Japan will lend Kyrgyzstan 8 billion yen for a new water supply system.",
     ("other:loans", 8e9, "JPY", None, "target", ["JPN", "KGZ"]), None),
    ("2024-02-02", "The Saudi Fund for Development allocated a grant of 40 million Saudi riyals to Tajikistan.",
     ("other:aid", 40e6, "SAR", "2024-02", "actual", ["SAU", "TJK"]), None),
]


@pytest.mark.parametrize("date,text,wanted,unwanted", FIGURE_CASES, ids=[c[1][:48] for c in FIGURE_CASES])
def test_economic_figure(extractor, date, text, wanted, unwanted):
    got = _figures(extractor, date, text)
    ind, value, unit, time, kind, parties = wanted
    assert any(g[0] == ind and abs(g[1] - value) <= 1e-6 * value and g[2:] == (unit, time, kind, parties)
               for g in got), got
    if unwanted:
        ind, value, unit, time, kind, parties = unwanted
        assert not any(g[0] == ind and abs(g[1] - value) <= 1e-6 * value and g[2:] == (unit, time, kind, parties)
                       for g in got), got


def test_agreed_meeting_is_dated_forward(extractor):
    # said in November: "in March" is the next March, when the meeting is to be held
    evs = _events(extractor, "2024-11-20", "Tokayev and Japarov agreed to meet in Turkestan in March.")
    assert ("AGREE", ["KAZ", "KGZ"], ["KAZ", "KGZ"], "2025-03", "asserted") in evs, evs
    # ... and so is a clause in the future: what was agreed is still to come
    evs = _events(extractor, "2024-11-20", "Peru and Chile agreed that the next round of talks "
                                           "will take place in Lima in March.")
    assert ("AGREE", ["CHL", "PER"], ["CHL", "PER"], "2025-03", "asserted") in evs, evs


def test_agreement_made_in_a_month_is_not_moved(extractor):
    # the month dates the agreeing itself, which happened
    evs = _events(extractor, "2024-11-20", "Tokayev and Japarov agreed in March to open a joint border market.")
    assert [e[3] for e in evs if e[0] == "AGREE"] == ["2024-03"], evs


def test_meeting_taken_part_in_on_a_planned_trip_is_planned(extractor):
    evs = _events(extractor, "2024-09-02",
                  "Japarov will travel to Dushanbe on Friday to take part in the summit of the Commonwealth "
                  "of Independent States.")
    assert not [e for e in evs if e[4] == "asserted"], evs
    assert any(e[0] == "AGREE" and e[4] == "planned" and "KGZ" in e[1] for e in evs), evs


def test_meeting_taken_part_in_is_asserted_when_done(extractor):
    evs = _events(extractor, "2024-09-02",
                  "Japarov took part in the summit of the Commonwealth of Independent States in Dushanbe.")
    assert any(e[0] == "CONSULT" and e[4] == "asserted" for e in evs), evs


@pytest.mark.parametrize("text", [
    "Turkmenistan and Uzbekistan signed an agreement in Baku.",
    "Turkmenistan and Uzbekistan held talks in Baku.",
])
def test_place_is_no_party_when_both_sides_are_named(extractor, text):
    evs = _events(extractor, "2024-04-04", text)
    assert evs and all(e[1] == e[2] == ["TKM", "UZB"] for e in evs), evs


def test_place_stands_for_the_host_when_one_side_is_named(extractor):
    evs = _events(extractor, "2024-04-04", "Berdimuhamedov held talks in Baku.")
    assert any(e[0] == "CONSULT" and e[1] == ["TKM"] and e[2] == ["AZE"] for e in evs), evs


def test_aid_received_from_a_state_is_given_by_it(extractor):
    evs = _events(extractor, "2024-05-14", "Tajikistan received 300 tonnes of humanitarian aid from Kazakhstan.")
    assert ("AID", ["KAZ"], ["TJK"], "2024-05-14", "asserted") in evs, evs


def test_joint_commission_meeting_is_between_the_sentence_pair(extractor):
    evs = _events(extractor, "2024-10-10", "Kazakhstan and Turkmenistan agreed to simplify transit procedures "
                                           "after the intergovernmental commission met in Astana.")
    assert any(e[0] == "CONSULT" and sorted(set(e[1] + e[2])) == ["KAZ", "TKM"] for e in evs), evs


def test_a_named_council_meets_as_itself(extractor):
    evs = _events(extractor, "2024-10-10", "The UN Security Council met on Monday to discuss Afghanistan.")
    assert not any("KAZ" in e[1] + e[2] for e in evs) and any(e[0] == "CONSULT" and e[1] == ["IGO"] for e in evs), evs


@pytest.mark.parametrize("text", [
    "Japarov is to visit Uzbekistan in September.",
    "Talks between Kyrgyzstan and Uzbekistan are to be held in Osh in September.",
])
def test_arranged_with_be_to_is_planned(extractor, text):
    evs = _events(extractor, "2024-06-10", text)
    assert evs and all(e[0] == "AGREE" and e[4] == "planned" and e[3] == "2024-09" for e in evs), evs


def test_a_copula_with_an_aim_is_no_plan_of_the_act(extractor):
    # "was" with a noun complement: the visit happened
    evs = _events(extractor, "2024-06-10", "Japarov's visit to Uzbekistan was a success.")
    assert evs and all(e[4] == "asserted" for e in evs), evs


def test_goal_deadline_does_not_date_the_agreeing(extractor):
    evs = _events(extractor, "2024-10-16", "Uzbekistan and Turkmenistan agreed on Tuesday to raise trade to $3 billion by 2030.")
    assert [e[3] for e in evs if e[0] == "AGREE"] == ["2024-10-15"], evs


def test_talks_a_planned_trip_is_for_are_planned(extractor):
    evs = _events(extractor, "2024-10-16", "Rahmon will travel to Tashkent next week for talks with Mirziyoyev.")
    assert evs and all(e[0] == "AGREE" and e[4] == "planned" for e in evs), evs


@pytest.mark.parametrize("text, states", [
    ("Peru on Monday held the groundbreaking ceremony for the Brazil–Peru highway.", {"BRA", "PER"}),
    ("Chile and Argentina began construction of a joint power plant in the Andes on Friday.", {"ARG", "CHL"}),
    ("The presidents of Ghana and Togo laid the foundation stone of a cross-border bridge.", {"GHA", "TGO"}),
])
def test_starting_the_works_of_a_joint_project_is_cooperation(extractor, text, states):
    # The groundbreaking of a project two states build initiates their cooperation (PLOVER 3.5).
    assert any(t == "COOPERATE" and s | g == states for t, s, g in found(extractor, text))


def test_starting_a_project_of_ones_own_is_no_event(extractor):
    assert not found(extractor, "Peru started construction of a new stadium in Lima on Monday.")
