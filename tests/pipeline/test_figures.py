import re
from functools import lru_cache

import pytest

from steppe.pipeline.context import context_for
from steppe.pipeline.figures import FigureWords, extract_figures, present_year
from steppe.pipeline.tables import TableWords, table_figures
from steppe.pipeline.timex import TimeGrammar
from steppe.resources import Resources

STATES = {
    "KAZ": r"Kazakhstan\w*|Kazakh|Astana", "UZB": r"Uzbekistan\w*|Uzbek|Tashkent",
    "KGZ": r"Kyrgyzstan|Kyrgyz|Bishkek", "TJK": r"Tajikistan|Tajik|Dushanbe",
    "CHN": r"China|Chinese", "RUS": r"Russia|Russian", "USA": r"US|U\.S\.",
}


def mentions(text):
    return sorted((m.start(), m.end(), code) for code, pat in STATES.items()
                  for m in re.finditer(rf"\b(?:{pat})\b", text))


def sentences(text):
    out, pos = [], 0
    for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z])|\n+", text):
        out.append((pos, m.start()))
        pos = m.end()
    return out + [(pos, len(text))] if pos < len(text) else out


@lru_cache(maxsize=1)
def packaged_resources() -> Resources:
    return Resources.load()


@lru_cache(maxsize=1)
def figure_words() -> FigureWords:
    return FigureWords.from_grammar(packaged_resources().grammar)


def run(text, anchor="2024-05-10", main=("KGZ", "TJK")):
    ctx = context_for(text, anchor=anchor, sentences=sentences(text), states=mentions(text),
                      main_parties=main)
    res = packaged_resources()
    # as the tables stage does
    ctx.figures = table_figures(ctx, res.units, TableWords.from_grammar(res.grammar, res.indicators.growth_names()))
    return extract_figures(ctx, res, figure_words())


def only(figs, **kw):
    hits = [f for f in figs if all(getattr(f, k) == v for k, v in kw.items())]
    assert len(hits) == 1, [f.to_json() for f in figs]
    return hits[0]


def test_actual_with_growth_and_month_range():
    figs = run("In January-September 2023, mutual trade rose by 9% and totalled $812 million.")
    t = only(figs, indicator="trade_turnover")
    assert (t.value, t.unit, t.parties, t.period, t.kind) == (812e6, "USD", ["KGZ", "TJK"], "2023-01/2023-09", "actual")
    g = only(figs, indicator="other:trade_growth")
    assert (g.value, g.unit, g.period) == (9, "percent", "2023-01/2023-09")


@pytest.mark.parametrize("text,kind,deadline", [
    ("The presidents plan to raise bilateral trade to $3 billion by 2027.", "target", "2027"),
    ("The sides aim to increase trade turnover to 2 billion dollars in the coming years.", "target", None),
    ("Bilateral trade is expected to reach $1.5 billion.", "forecast", None),
    ("Bilateral trade may reach $1.5 billion, analysts say.", "forecast", None),
    ("In 2022, bilateral trade amounted to $1.1 billion.", "actual", None),
])
def test_kinds(text, kind, deadline):
    f = only(run(text), indicator="trade_turnover")
    assert (f.kind, f.deadline) == (kind, deadline)
    assert f.period == (None if kind != "actual" else "2022")


@pytest.mark.parametrize("text", [
    "Under the contract, Kyrgyzstan is to supply 300 million kWh of electricity a year to Tajikistan for two years.",
    "Kyrgyzstan will supply 300 million kWh of electricity a year to Tajikistan under the deal.",
    "Kyrgyzstan will supply 300 million kWh of electricity a year to Tajikistan for the next three years.",
    # words that only begin like a trade word ("important", "exporter") name no trade
    "Under an important deal, Kyrgyzstan will supply 300 million kWh of electricity a year to Tajikistan.",
])
def test_goods_a_deal_provides_for_are_a_supply_contract(text):
    # what is arranged ("is to", "will") is a commitment, not trade yet; "for two years" is
    # how long, not a deadline
    f = only(run(text), value=300e6)
    assert (f.indicator, f.kind, f.deadline, f.direction) == \
        ("other:supply_contract", "target", None, {"from": "KGZ", "to": "TJK"})


def test_a_rise_that_would_come_is_a_forecast():
    f = only(run("Analysts said trade between Kyrgyzstan and Tajikistan would increase to $2 billion by 2026."),
             indicator="trade_turnover")
    assert f.kind == "forecast"


def test_goods_shipped_are_trade():
    f = only(run("In 2023 Kyrgyzstan supplied 300 million kWh of electricity to Tajikistan."), value=300e6)
    assert (f.indicator, f.kind, f.period) == ("exports", "actual", "2023")


def test_relative_deadline_counts_from_previous_target():
    text = ("Kyrgyzstan and Tajikistan agreed to bring trade to 900 million USD by 2025 "
            "and to reach 2 billion USD within the next three years.")
    figs = run(text)
    assert only(figs, value=900e6).deadline == "2025"
    assert only(figs, value=2e9).deadline == "2028"


def test_within_years_counts_from_when_the_goal_was_set():
    text = ("Trade between Kyrgyzstan and Tajikistan was $1 billion in 2021. "
            "In March 2023 Kyrgyzstan and Tajikistan set the goal of raising trade "
            "to $2 billion within five years.")
    assert only(run(text), value=2e9).deadline == "2028"


def test_present_uses_anchor_year():
    f = only(run("Currently, there are 35 flights per week between Bishkek and Dushanbe."), indicator="flights_per_week")
    assert (f.period, f.parties) == ("2024", ["KGZ", "TJK"])


@pytest.mark.parametrize("anchor,text,year", [
    ("2024-05-10", "Trade grew in March.", 2024),
    ("2024-01", "Trade grew in 2023; currently 20 flights a week operate.", 2023),
    ("2024-01", "In December 2023 the parties met.", 2023),
    ("2024-01", "No dates here.", 2024),
    ("2022-01", "A target was set for 2030 and trade reached $1 billion in 2021.", 2021),
    ("2021", "", 2021),
    # a mid-year report speaks of its own year, whatever years its history names
    ("2016-07", "Imports peaked in 2008 and fell in 2015.", 2016),
    ("2024-02-09", "In 2023, trade grew.", 2023),
    ("2024-02-09", "In 2021, trade grew.", 2024),
    (None, "In 2020 trade fell.", None),
])
def test_present_year_is_the_latest_year_the_text_names(anchor, text, year):
    time = TimeGrammar.from_grammar(packaged_resources().grammar)
    assert present_year(anchor, time.find(text, anchor=anchor)) == year


def test_capital_direction_and_counts():
    text = "There are now 412 enterprises with Tajik capital operating in Kyrgyzstan."
    f = only(run(text), indicator="enterprises_count")
    assert f.direction == {"from": "TJK", "to": "KGZ"} and f.value == 412


def test_share_in_parentheses_takes_the_named_state():
    text = "In 2022, Tajikistan was Kyrgyzstan's fourth partner with 6.1% of foreign trade, after China (30.2%)."
    figs = run(text)
    assert only(figs, value=6.1).parties == ["KGZ", "TJK"]
    china = only(figs, value=30.2)
    assert (china.indicator, china.parties) == ("other:share_of_foreign_trade", ["CHN", "KGZ"])


@pytest.mark.parametrize("text", [
    "The 14th session of the commission met in Bishkek in 2023.",
    "It was the first visit of a Tajik leader to Kyrgyzstan in 11 years.",
    "[4] Kyrgyzstan and Tajikistan signed 3 documents.",
])
def test_skips_non_figures(text):
    assert run(text) == []


@pytest.mark.parametrize("text,periods", [
    ("Bilateral turnover reached about 2 bln dollars in 2017 and rose by roughly half, "
     "to around $3 billion, in 2018.", {2e9: "2017", 3e9: "2018"}),
    ("In 2019 mutual trade totalled $900 million, and in 2020 it fell to $700 million.",
     {9e8: "2019", 7e8: "2020"}),
])
def test_each_figure_takes_the_period_of_its_own_clause(text, periods):
    figs = [f for f in run(text) if f.indicator == "trade_turnover"]
    assert {f.value: f.period for f in figs} == periods


@pytest.mark.parametrize("text,indicators", [
    ("Kazakhstan hosts about 620 thousand Uzbeks.", ["other:diaspora_population"]),
    ("Kazakh police detained 12 Kyrgyz citizens for illegal border crossing.", []),
])
def test_counted_nationals_are_a_diaspora_unless_they_take_part_in_an_event(text, indicators):
    assert [f.indicator for f in run(text, main=("KAZ", "UZB"))] == indicators


@pytest.mark.parametrize("anchor,text,period", [
    # A stretch that started this year runs to the publication month ...
    ("2023-09-14", "Since the beginning of 2023, 41 joint ventures were set up in Kyrgyzstan "
     "and Tajikistan.", "2023-01/2023-09"),
    # ... and a year the text's present lies beyond is whole.
    ("2024-01", "In 2023 Tajik traders were busy: since the start of this year, 41 joint "
     "ventures were set up in Kyrgyzstan.", "2023"),
    ("2023-10-02", "Over 9 months of 2023, Kyrgyz exports to Tajikistan reached $80 million.",
     "2023-01/2023-09"),
    ("2023-10-02", "In January–August, Kyrgyz exports to Tajikistan reached $80 million.",
     "2023-01/2023-08"),
    # The year a change is measured from is not the period.
    ("2022-03", "In 2021 Kyrgyz exports to Tajikistan grew to $80 million, 20% more than the "
     "previous year.", "2021"),
])
def test_periods_follow_the_time_grammar(anchor, text, period):
    figs = run(text, anchor=anchor)
    assert figs and {f.period for f in figs} == {period}, [f.to_json() for f in figs]


def test_a_dateline_is_not_a_period():
    text = "BISHKEK, March 3 (Reuters) - Kyrgyz exports to Tajikistan reached $80 million."
    f = only(run(text, anchor="2023-03-03"), indicator="exports")
    assert f.period is None


@pytest.mark.parametrize("text", [
    "In 2023, Kyrgyz exports to Tajikistan reached US$ 80 million.",
    "In 2023, Kyrgyz exports to Tajikistan reached US $80 million.",
    "In 2023, Kyrgyz exports to Tajikistan reached 80 million U.S. dollars.",
])
def test_the_state_a_currency_is_named_after_is_no_party(text):
    f = only(run(text), indicator="exports")
    assert (f.value, f.parties, f.direction) == (80e6, ["KGZ", "TJK"], {"from": "KGZ", "to": "TJK"})


def test_a_state_before_a_parenthesis_and_lists_that_continue():
    text = ("In 2023, Chinese trade with Kazakhstan reached $41 billion, 52 percent of the total. "
            "Kyrgyzstan followed with $19 billion (24 percent). "
            "Next came Uzbekistan ($11 billion, 14 percent) and Tajikistan ($2 billion, 3 percent).")
    figs = run(text, main=("CHN", "KGZ"))
    assert {(f.value, tuple(f.parties), f.period) for f in figs if f.indicator == "trade_turnover"} == {
        (41e9, ("CHN", "KAZ"), "2023"), (19e9, ("CHN", "KGZ"), "2023"),
        (11e9, ("CHN", "UZB"), "2023"), (2e9, ("CHN", "TJK"), "2023")}
    shares = {f.value: tuple(f.parties) for f in figs if f.indicator.startswith("other:share_of_")}
    assert shares == {52: ("CHN", "KAZ"), 24: ("CHN", "KGZ"), 14: ("CHN", "UZB"), 3: ("CHN", "TJK")}


def test_changes_in_parentheses_and_respectively():
    text = ("In 2023 trade with China grew in Kazakhstan (+$1.2 billion) and Kyrgyzstan (+$0.4 billion). "
            "Uzbekistan and Tajikistan saw trade with China fall by $90 million and $15 million, respectively.")
    figs = run(text, main=("CHN", "KGZ"))
    assert {(f.indicator, f.value, tuple(f.parties)) for f in figs} == {
        ("other:trade_change", 1.2e9, ("CHN", "KAZ")), ("other:trade_change", 0.4e9, ("CHN", "KGZ")),
        ("other:trade_change", -90e6, ("CHN", "UZB")), ("other:trade_change", -15e6, ("CHN", "TJK"))}


def test_the_last_period_named_carries_to_the_next_sentences():
    text = ("In January-March 2024, Kyrgyz-Tajik trade rose to $30 million.\n\n"
            "Kyrgyz exports to Tajikistan, which are mostly food, were $12 million. "
            "Currently, Kyrgyz exports to Tajikistan are $50 million a year.")
    figs = [f for f in run(text) if f.indicator == "exports"]
    assert [f.period for f in figs] == ["2024-01/2024-03", "2024"]
    # with no period named before, a present-tense statement is about the present
    (f,) = run("Kyrgyz exports to Tajikistan are $50 million a year.")
    assert f.period == "2024"


@pytest.mark.parametrize("text,expected", [
    # counts of documents and meetings are figures once they were signed or held
    ("During the talks in Dushanbe in May 2024, 14 documents were signed by Kyrgyzstan and Tajikistan.",
     ("other:documents_signed", 14, "count", "actual", "2024-05")),
    ("Some 30 Kyrgyz-Tajik meetings were held in 2023.", ("other:meetings_held", 30, "count", "actual", "2023")),
    # a count in the future tense is expected, not reported
    ("At the Kyrgyz-Tajik forum in June 2024, 12 agreements will be signed.",
     ("other:agreements_signed", 12, "count", "forecast", "2024-06")),
    # money named by its own grammar
    ("Tajikistan seeks $40 million in damages from Kyrgyzstan.", ("other:damages", 40e6, "USD", "actual", None)),
    ("Kyrgyzstan repaid a $25 million loan to Tajikistan in 2022.", ("other:loans", 25e6, "USD", "actual", "2022")),
    ("In 2022 Kyrgyz-Tajik trade deals worth $70 million were concluded.",
     ("other:trade_deals_value", 70e6, "USD", "actual", "2022")),
    # units beyond money and their measures
    ("In 2022, Kyrgyzstan leased 120 hectares to Tajikistan.", ("other:area", 120, "hectares", "actual", "2022")),
    ("In 2022, Kyrgyzstan sold 300 kilos of honey to Tajikistan.", ("exports", 300, "kg", "actual", "2022")),
    ("In 2023, Kyrgyzstan supplied 2 bcm of gas to Tajikistan.", ("exports", 2e9, "m3", "actual", "2023")),
    # shares stated with "share in ... was"
    ("In 2023, Tajikistan's share in Kyrgyzstan's foreign trade was 3.2%.",
     ("other:share_of_foreign_trade", 3.2, "percent", "actual", "2023")),
])
def test_indicators_units_and_kinds(text, expected):
    figs = run(text)
    got = [(f.indicator, f.value, f.unit, f.kind, f.period) for f in figs]
    assert expected in got, got


@pytest.mark.parametrize("text", [
    "In April 2021, clashes on the Kyrgyz-Tajik border killed 49 people.",
    "In 2022, 25 people were injured in the Kyrgyz-Tajik border clashes.",
])
def test_casualties_are_no_figures(text):
    assert run(text) == []


@pytest.mark.parametrize("text,kind,period,deadline", [
    ("We will soon bring Kyrgyz-Tajik trade to $500 million.", "target", None, None),
    ("Our potential in Kyrgyz-Tajik trade is at least $1 billion.", "target", None, None),
    ("Kyrgyz-Tajik trade is expected to grow to $600 million by the year-end.", "forecast", "2024", None),
])
def test_goals_and_forecasts(text, kind, period, deadline):
    f = only(run(text), indicator="trade_turnover")
    assert (f.kind, f.period, f.deadline) == (kind, period, deadline)


def test_a_standing_total_and_those_set_up_within_a_period():
    text = ("At present 185 enterprises with Kazakh capital operate in Uzbekistan; of these, 27 "
            "companies were established since the start of 2024.")
    figs = run(text)
    total = only(figs, value=185)
    new = only(figs, value=27)
    assert (total.indicator, total.period) == ("enterprises_count", "2024")
    assert (new.indicator, new.period) == ("other:companies_established", "2024-01/2024-05")


@pytest.mark.parametrize("text", [
    "The Kyrgyz-Tajik plant, with a planned capacity of 900 megawatts, will open in 2027.",
    "The Kyrgyz-Tajik road is planned at 140 km.",
])
def test_a_planned_specification_is_no_target(text):
    (f,) = run(text)
    assert f.kind == "forecast" and f.unit in ("MW", "km")


def test_the_object_of_a_raise_names_a_sum():
    text = "Under the 2024 protocol, Russia agreed to raise the fee for the depot to $2.1 million, Kyrgyz officials said."
    f = only(run(text, main=("KGZ", "RUS")), value=2.1e6)
    assert (f.indicator, f.kind) == ("other:fee", "target")


def test_a_states_own_output_is_no_figure():
    text = ("In 2023 Kyrgyzstan, which produces about 15 billion kWh a year, sold 1.2 billion kWh "
            "of electricity to Tajikistan.")
    figs = run(text)
    assert [(f.indicator, f.value) for f in figs] == [("exports", 1.2e9)]


@pytest.mark.parametrize("text,indicator,value,unit,direction", [
    ("In 2023 Tajikistan received 35 tonnes of humanitarian aid from Kyrgyzstan.",
     "other:aid", 35, "tons", {"from": "KGZ", "to": "TJK"}),
    ("In 2023 Kyrgyzstan gave Tajikistan a $4 million grant.", "other:aid", 4e6, "USD", None),
    ("In 2023 Tajik migrants sent home $2.6 billion from Russia.",
     "other:remittances", 2.6e9, "USD", {"from": "RUS", "to": "TJK"}),
    ("In 2023 Tajikistan imported 2 billion kWh of electricity from Kyrgyzstan.",
     "imports", 2e9, "kWh", {"from": "KGZ", "to": "TJK"}),
    ("In 2023 Kyrgyzstan's purchases of Tajik cement reached 300,000 tons.",
     "imports", 3e5, "tons", {"from": "TJK", "to": "KGZ"}),
    ("In 2023 Russia's investments in Kyrgyzstan totalled $90 million.",
     "investment", 9e7, "USD", {"from": "RUS", "to": "KGZ"}),
])
def test_flows_and_their_direction(text, indicator, value, unit, direction):
    f = only(run(text, main=("KGZ", "TJK")), indicator=indicator)
    assert (f.value, f.unit) == (value, unit)
    if direction:
        assert f.direction == direction


def test_a_rate_counts_the_noun_named_before():
    f = only(run("In 2024 the number of Kyrgyz-Tajik flights rose to 14 per week."), value=14)
    assert (f.indicator, f.period) == ("flights_per_week", "2024")


def test_debts_run_from_debtor_to_creditor():
    f = only(run("At the end of 2023 Tajikistan owed Kyrgyzstan some $12 million for electricity."),
             indicator="other:debt")
    assert (f.value, f.direction, f.period) == (12e6, {"from": "TJK", "to": "KGZ"}, "2023")


def test_signed_before_the_count():
    text = "In March 2024 Kyrgyzstan and Tajikistan signed 15 agreements worth $1.2 billion."
    figs = run(text)
    assert only(figs, value=15).indicator == "other:agreements"
    assert only(figs, value=1.2e9).indicator == "other:agreements_value"


def test_share_of_an_owners_trade():
    f = only(run("In 2023 Tajikistan accounted for 2.5% of Kyrgyzstan's foreign trade."), value=2.5)
    assert f.indicator == "other:share_of_foreign_trade"


@pytest.mark.parametrize("text,parties", [
    # who reports a figure is no party to it
    ("After talks in Moscow, Russian officials said Kyrgyz-Tajik trade reached $45 million in 2023.",
     [["KGZ", "TJK"]]),
    # a flow's parties are its sender and receiver
    ("Like Kazakhstan, Tajikistan exported $30 million of goods to Kyrgyzstan in 2023.", [["KGZ", "TJK"]]),
    # a value takes the states of its own stretch of the sentence
    ("In 2023, Uzbekistan's trade with Tajikistan rose to $600 million, and with Kyrgyzstan to $1.1 billion.",
     [["TJK", "UZB"], ["KGZ", "UZB"]]),
    # a report naming one state is about it and the speaker's state
    ("Meeting the US envoy, a Tajik minister said that trade with Kyrgyzstan reached $90 million in 2023.",
     [["KGZ", "TJK"]]),
])
def test_parties_are_the_states_the_clause_names(text, parties):
    assert [f.parties for f in run(text)] == parties


@pytest.mark.parametrize("text,indicator,value,period,kind,deadline", [
    ("Kyrgyz-Tajik trade in 2023 made up $45 million, which is 8.3 percent more than in 2022.",
     "other:trade_growth", 8.3, "2023", "actual", None),
    ("Kyrgyz-Tajik trade in 2023 was $40 million, 4 percent lower than in 2022.",
     "other:trade_growth", -4, "2023", "actual", None),
    ("The share of Tajikistan in Kyrgyzstan's total trade was 1.2 percent in 2023.",
     "other:share_of_total_trade", 1.2, "2023", "actual", None),
    ("Kyrgyzstan plans to increase exports to Tajikistan by 20 percent next year.",
     "other:exports_growth", 20, None, "target", "2025"),
    ("In 2023 Tajikistan imported goods worth $30 million from Kyrgyzstan.",
     "imports", 30e6, "2023", "actual", None),
])
def test_more_phrasings(text, indicator, value, period, kind, deadline):
    f = only(run(text), indicator=indicator)
    assert (f.value, f.period, f.kind, f.deadline) == (value, period, kind, deadline)


def test_loans_run_from_lender_to_borrower():
    figs = run("In 2023 China provided Kyrgyzstan with loans totalling $1.8 billion.", main=("CHN", "KGZ"))
    f = only(figs, indicator="other:loans")
    assert (f.value, f.direction) == (1.8e9, {"from": "CHN", "to": "KGZ"})
    assert run("Tajikistan imposed a 30-day ban on Kyrgyz trucks.") == []


def test_running_total_in_present_perfect_has_no_period():
    figs = run("In 2023 trade between Kyrgyzstan and Tajikistan reached $900 million. "
               "Some 140 documents have been signed between Kyrgyzstan and Tajikistan.")
    assert only(figs, indicator="trade_turnover").period == "2023"
    assert only(figs, unit="count").period is None


def test_evacuees_votes_and_places_are_no_figures():
    figs = run("Over 400 residents of a border village were evacuated after Kyrgyzstan and Tajikistan clashed. "
               "Tajikistan's president won 90 percent of the votes. "
               "Kyrgyzstan sold power to 12 Tajik districts.")
    assert figs == [], [f.to_json() for f in figs]


def test_comparison_base_is_the_same_measure_at_its_own_time():
    figs = run("In 2023 trade between Kyrgyzstan and Tajikistan grew by 8% (compared to 3% in 2022) "
               "and reached $700 million, an increase of $50 million compared to 2022 ($650 million).")
    growth = {f.period: f.value for f in figs if f.indicator == "other:trade_growth"}
    assert growth == {"2023": 8.0, "2022": 3.0}
    levels = {f.period: f.value for f in figs if f.indicator == "trade_turnover"}
    assert levels == {"2023": 7e8, "2022": 6.5e8}


def test_from_a_to_b_without_years_is_year_on_year():
    figs = run("In 2023 Kyrgyzstan's exports to Tajikistan rose from $40 million to $52 million.")
    assert {f.value: f.period for f in figs if f.indicator == "exports"} == {4e7: "2022", 5.2e7: "2023"}
    figs = run("Kyrgyzstan's exports to Tajikistan rose from $40 million in 2021 to $52 million in 2023.")
    assert {f.value: f.period for f in figs if f.indicator == "exports"} == {4e7: "2021", 5.2e7: "2023"}


def test_a_state_named_alone_is_paired_with_the_hub_of_the_text():
    text = ("In 2023 China's trade with Uzbekistan reached $13 billion. "
            "Uzbekistan's trade with Russia was $9.9 billion. Trade with Kazakhstan reached $4.4 billion.")
    figs = run(text, main=("CHN", "UZB"))
    assert {f.value: tuple(f.parties) for f in figs} == {
        1.3e10: ("CHN", "UZB"), 9.9e9: ("RUS", "UZB"), 4.4e9: ("KAZ", "UZB")}


def test_a_sentence_naming_no_state_goes_on_about_the_previous_ones():
    text = ("In 2023 Uzbekistan's trade with Kazakhstan declined for the first time. "
            "The overall trade fell by 5% to $4.4 billion.")
    figs = run(text, main=("CHN", "UZB"))
    assert {tuple(f.parties) for f in figs} == {("KAZ", "UZB")}


def test_counts_in_words_are_figures_only_as_completed_acts():
    figs = run("In 2023 six meetings of the joint commission of Kyrgyzstan and Tajikistan were held. "
               "The two countries share three checkpoints.")
    assert [(f.value, f.unit, f.period) for f in figs] == [(6.0, "count", "2023")]


def test_bare_number_counts_the_noun_named_before():
    figs = run("Of the 500 Tajik citizens stopped at the Russian border in April 2024, 120 have been let in. "
               "Russia plans to expel 80 migrants, with 15 already deported to Tajikistan.")
    values = {f.value: f for f in figs}
    assert values[120.0].kind == "actual" and values[120.0].period == "2024-04"
    assert values[80.0].kind == "target"
    assert values[15.0].kind == "actual" and values[15.0].unit == "count"


def test_an_acts_day_dates_a_figure_by_month_a_snapshot_keeps_its_day():
    figs = run("On 3 April 2024 a Kyrgyz court fined a Tajik carrier $20,000 in damages.")
    assert [f.period for f in figs] == ["2024-04"]
    figs = run("As of 27 April 2024, 900 Tajik citizens were held at Kyrgyz checkpoints.")
    assert [f.period for f in figs] == ["2024-04-27"]


def test_expected_values_are_forecasts():
    figs = run("We expect that contracts worth $300 million will be signed between Kyrgyzstan and Tajikistan in 2025.")
    assert [(f.kind, f.period) for f in figs] == [("forecast", "2025")]


def test_future_values_are_not_actual():
    figs = run("In 2023 trade between Kyrgyzstan and Tajikistan reached $900 million. "
               "Kyrgyzstan will supply 200,000 tonnes of coal to Tajikistan. "
               "Trade between Kyrgyzstan and Tajikistan will grow to $1.2 billion.")
    kinds = {f.value: (f.indicator, f.kind) for f in figs}
    assert kinds == {9e8: ("trade_turnover", "actual"), 2e5: ("other:supply_contract", "target"),
                     1.2e9: ("trade_turnover", "forecast")}


def test_the_verb_names_the_value_the_in_phrase_says_where_it_goes():
    figs = run("In 2022 Kyrgyzstan invested $50 million in factories in Tajikistan. "
               "Kyrgyzstan will invest $20 million in gas pipelines in Tajikistan. "
               "Tajikistan paid Kyrgyzstan $5 million in reimbursements.")
    assert [f.indicator for f in figs] == ["investment", "investment", "other:reimbursements"]


@pytest.mark.parametrize("text", [
    "Under the new protocol, Russia will raise the rent for the depot to $2.1 million a year from 1.8 million, Kyrgyz officials said.",
    "Under the new protocol with Kyrgyzstan, Russia will raise the rent for the depot from 1.8 million to 2.1 million dollars.",
])
def test_a_set_change_has_a_target_and_the_level_it_starts_from(text):
    figs = run(text, main=("KGZ", "RUS"))
    got = {f.value: (f.kind, f.period, f.deadline) for f in figs}
    assert got == {2.1e6: ("target", None, None), 1.8e6: ("actual", None, None)}
    assert len({f.indicator for f in figs}) == 1


def test_a_state_mentioned_around_the_measure_is_no_party():
    figs = run("Despite the sanctions on Russia, Uzbekistan's trade with China rose to $14 billion in 2023.",
               main=("UZB", "CHN"))
    f = only(figs, indicator="trade_turnover")
    assert f.parties == ["CHN", "UZB"] and f.period == "2023"


def test_each_flow_of_a_sentence_runs_the_way_its_own_clause_says():
    figs = run("In 2022, Uzbekistan's exports to Kyrgyzstan came to $900 million, while imports from "
               "Kyrgyzstan reached $300 million.", main=("UZB", "KGZ"))
    assert only(figs, indicator="exports").direction == {"from": "UZB", "to": "KGZ"}
    assert only(figs, indicator="imports").direction == {"from": "KGZ", "to": "UZB"}


def test_a_sender_may_be_followed_by_a_relative_clause():
    figs = run("Tajikistan, which borders China, exported goods worth $50 million to Uzbekistan in May.",
               main=("TJK", "UZB"))
    f = only(figs, indicator="exports")
    assert f.parties == ["TJK", "UZB"] and f.direction == {"from": "TJK", "to": "UZB"}


@pytest.mark.parametrize("text", [
    "In 2023 Kazakhstan and Kyrgyzstan agreed to build a 210-kilometre railway.",
    "In 2023 the sides discussed the route of a 210 km railway.",
])
def test_a_length_is_a_specification_of_no_period_and_no_goal(text):
    f = only(run(text, main=("KAZ", "KGZ")), unit="km")
    assert (f.value, f.kind, f.period) == (210, "actual", None)


def test_a_share_made_up_of_a_whole_is_a_share():
    figs = run("Kyrgyz exports to Tajikistan grew by 9 percent in 2023 and made up 61% of bilateral trade.")
    assert only(figs, value=61).indicator == "other:share_of_bilateral_trade"
    assert only(figs, value=9).indicator == "other:exports_growth"


def test_acts_just_done_are_dated_by_the_report_a_running_total_is_not():
    f = only(run("The presidents of Tajikistan and Kyrgyzstan signed nine documents.", anchor="2024-05-10"),
             unit="count")
    assert f.period == "2024-05"
    f = only(run("Some 140 documents have been signed between Tajikistan and Kyrgyzstan.", anchor="2024-05-10"),
             unit="count")
    assert f.period is None


def test_money_sent_home_is_remittances():
    figs = run("About 900,000 Kyrgyz migrants work in Russia, sending home $2.7 billion in 2023.", main=("KGZ", "RUS"))
    assert only(figs, unit="USD").indicator == "other:remittances"


def test_a_value_named_again_with_the_is_the_same_figure():
    text = ("Tajikistan will give Kyrgyzstan $40 million in aid. "
            "Officials in Kyrgyzstan said the $40 million would go to schools.")
    assert len([f for f in run(text) if f.value == 40e6]) == 1


@pytest.mark.parametrize("text", [
    "In 2023 trade between Kyrgyzstan and Tajikistan rose by 8% to reach $190 million.",
    "In 2023 trade between Kyrgyzstan and Tajikistan grew to reach $190 million.",
])
def test_to_reach_after_a_change_that_happened_is_its_result_not_a_goal(text):
    f = only(run(text), unit="USD")
    assert (f.kind, f.period) == ("actual", "2023")


def test_to_reach_after_a_plan_is_a_goal():
    f = only(run("Kyrgyzstan and Tajikistan plan to reach $500 million in trade by 2027."), unit="USD")
    assert (f.kind, f.deadline) == ("target", "2027")


def test_a_share_that_fell_to_a_level_is_a_share_not_a_growth_rate():
    f = only(run("China's share in Tajikistan's imports fell to 27% in 2023.", main=("TJK", "CHN")), unit="percent")
    assert (f.indicator, f.value) == ("other:share_of_imports", 27)


def test_a_thing_valued_is_named_by_its_noun_not_the_place_it_is_in():
    f = only(run("China will build a cement plant in Tajikistan worth $90 million.", main=("TJK", "CHN")), unit="USD")
    assert f.indicator == "other:plant_value"


def test_a_pronoun_growth_rate_is_the_growth_of_the_measure_before_and_of_its_pair():
    figs = run("Uzbekistan and China held talks in May. Bilateral trade exceeded $14 billion in 2023. "
               "This year it is expected to grow by 12 percent.", main=())
    f = only(figs, unit="percent")
    assert (f.indicator, f.kind, f.parties) == ("other:trade_growth", "forecast", ["CHN", "UZB"])


def test_a_value_as_predicate_of_worth_is_named_by_the_subject():
    f = only(run("Trade between Kyrgyzstan and Tajikistan is now worth $300 million."), unit="USD")
    assert f.indicator == "trade_turnover"


def test_a_capacity_named_so_is_a_specification_of_no_period():
    f = only(run("Kyrgyzstan and Tajikistan agreed to build a power line with an annual capacity of 2 billion kWh "
                 "by 2027."), unit="kWh")
    assert (f.indicator, f.kind, f.period, f.deadline) == ("other:capacity", "actual", None, None)


def test_what_a_project_will_cost_is_a_figure():
    f = only(run("The dam, to be built jointly by Kyrgyzstan and Tajikistan, will cost about $2 billion."), unit="USD")
    assert (f.indicator, f.kind) == ("other:project_cost", "forecast")


def test_money_allocated_to_another_state_is_aid_and_an_agreed_plan_is_a_target():
    f = only(run("Tajikistan allocated $3 million to Kyrgyzstan after the floods in 2024."), unit="USD")
    assert (f.indicator, f.direction) == ("other:aid", {"from": "TJK", "to": "KGZ"})
    f = only(run("Kyrgyzstan and Tajikistan have agreed to set up 12 joint ventures by 2026."), unit="count")
    assert (f.indicator, f.kind, f.deadline) == ("enterprises_count", "target", "2026")


def test_who_a_figure_is_according_to_or_where_it_was_agreed_is_no_party():
    f = only(run("According to Kazakhstan's customs, China's investment in Kyrgyzstan reached $200 million in 2023.",
                 main=("CHN", "KGZ")), unit="USD")
    assert (f.parties, f.direction) == (["CHN", "KGZ"], {"from": "CHN", "to": "KGZ"})
    f = only(run("After talks in Tashkent, Kyrgyzstan and Tajikistan agreed to raise trade to $1 billion by 2026."),
             unit="USD")
    assert f.parties == ["KGZ", "TJK"]


def test_each_part_of_a_total_goes_to_the_state_its_clause_names():
    figs = run("Russia exported 9 million tons of wheat in 2023, including 2 million tons to Kazakhstan and "
               "1 million tons to Tajikistan.", main=("RUS", "KAZ"))
    assert only(figs, value=1e6).parties == ["RUS", "TJK"]
    assert only(figs, value=2e6).direction == {"from": "RUS", "to": "KAZ"}


def test_a_verb_before_what_is_valued_names_the_flow():
    f = only(run("Kyrgyzstan exported cattle worth $20 million to Tajikistan in 2023."), unit="USD")
    assert (f.indicator, f.direction) == ("exports", {"from": "KGZ", "to": "TJK"})


def test_goods_a_deal_provides_for_are_a_commitment_what_was_signed_is_counted():
    f = only(run("In May Kyrgyzstan signed a deal with Tajikistan for an extra 400 million kWh of power."), unit="kWh")
    assert (f.kind, f.period, f.deadline) == ("target", None, None)
    f = only(run("In 2023 Kyrgyzstan and Tajikistan signed agreements for 14 joint projects."), unit="count")
    assert (f.kind, f.period) == ("actual", "2023")


def test_a_state_before_a_dollar_value_is_a_party_not_a_currency():
    f = only(run("Tajikistan owes China $1.1 billion.", main=("TJK", "KGZ")), unit="USD")
    assert (f.indicator, f.parties, f.direction) == ("other:debt", ["CHN", "TJK"], {"from": "TJK", "to": "CHN"})


def test_parts_of_a_total_go_to_the_state_named_right_after_each():
    figs = run("Kyrgyzstan's trade with the region reached $5 billion in 2023, including $2.1 billion with "
               "Kazakhstan and $1.4 billion with Uzbekistan.", main=("KGZ",))
    assert only(figs, value=2.1e9).parties == ["KAZ", "KGZ"]
    assert only(figs, value=1.4e9).parties == ["KGZ", "UZB"]


def test_what_trade_should_reach_is_a_forecast_of_the_time_named_after_it():
    f = only(run("Trade between Kyrgyzstan and Tajikistan exceeded $300 million in 2023 and should reach "
                 "$500 million in 2026."), value=5e8)
    assert (f.kind, f.period) == ("forecast", "2026")


def test_a_result_infinitive_after_a_change_and_its_period_is_actual():
    text = "Mutual trade between Kyrgyzstan and Tajikistan rose 1.3 times in January-October 2023 to reach $95 million."
    f = only(run(text), indicator="trade_turnover")
    assert (f.kind, f.period) == ("actual", "2023-01/2023-10")


@pytest.mark.parametrize("text", [
    "Kyrgyzstan allocated $2 million to Tajikistan for the repair of a school, the ministry said.",
    "Kyrgyzstan provided Tajikistan with 120 tonnes of humanitarian aid, the ministry said.",
])
def test_a_transfer_the_news_reports_is_dated_to_its_month(text):
    f = only(run(text), indicator="other:aid")
    assert (f.kind, f.period) == ("actual", "2024-05")


def test_a_transfer_in_the_present_perfect_is_no_act_of_this_month():
    f = only(run("Kyrgyzstan has provided Tajikistan with 120 tonnes of humanitarian aid."), indicator="other:aid")
    assert f.period is None


def test_a_share_stated_in_the_present_tense_holds_in_the_present_year():
    f = only(run("Kyrgyzstan accounts for about 12 percent of Tajikistan's foreign trade."), unit="percent")
    assert (f.kind, f.period) == ("actual", "2024")


def test_aiming_for_a_level_sets_a_goal():
    text = "Trade between Kyrgyzstan and Tajikistan hit $400 million last year, and the two governments now aim for $1bn by 2027."
    figs = run(text)
    assert (only(figs, value=400e6).period, only(figs, value=400e6).kind) == ("2023", "actual")
    goal = only(figs, value=1e9)
    assert (goal.kind, goal.deadline) == ("target", "2027")


def test_list_items_take_measure_period_and_hub_from_their_lead():
    text = ("Tajikistan's trade with its neighbours in January-June 2024:\n"
            "- Kyrgyzstan: $210 million (+5.1%)\n"
            "- Uzbekistan: $380 million (-2.0%)\n"
            "The data come from the statistics agency.")
    figs = run(text, main=("TJK",))
    assert sorted((f.indicator, f.value, tuple(f.parties), f.period) for f in figs) == [
        ("other:trade_growth", -2.0, ("TJK", "UZB"), "2024-01/2024-06"),
        ("other:trade_growth", 5.1, ("KGZ", "TJK"), "2024-01/2024-06"),
        ("trade_turnover", 210e6, ("KGZ", "TJK"), "2024-01/2024-06"),
        ("trade_turnover", 380e6, ("TJK", "UZB"), "2024-01/2024-06"),
    ]


def test_bare_numbers_of_a_list_take_the_unit_its_caption_declares():
    text = "Russia's trade with Central Asia in 2023 (billion USD)\nKazakhstan — 26.1\nUzbekistan — 9.9\n"
    figs = run(text, main=("RUS",))
    assert sorted((f.indicator, f.value, f.unit, tuple(f.parties), f.period) for f in figs) == [
        ("trade_turnover", 9.9e9, "USD", ("RUS", "UZB"), "2023"),
        ("trade_turnover", 26.1e9, "USD", ("KAZ", "RUS"), "2023"),
    ]


def test_a_numbered_product_list_is_the_flow_its_lead_names():
    text = "Kyrgyzstan's exports to China in 2023 by product:\n1. Wool - $12 million\n2. Hides - $4.5 million"
    figs = run(text, main=("CHN", "KGZ"))
    assert sorted((f.indicator, f.value, f.period, tuple(sorted(f.direction.items()))) for f in figs) == [
        ("exports", 4.5e6, "2023", (("from", "KGZ"), ("to", "CHN"))),
        ("exports", 12e6, "2023", (("from", "KGZ"), ("to", "CHN"))),
    ]


def test_a_paragraph_after_a_heading_is_no_list_item():
    text = "Trade news\nKyrgyzstan and Tajikistan traded goods worth $300 million in 2023, officials said."
    f = only(run(text), value=300e6)
    assert f.period == "2023"


def test_a_goal_under_a_deal_signed_before_the_report_has_no_deadline_from_the_signing():
    text = "Kyrgyzstan will deliver 50,000 tonnes of cement to Tajikistan under a contract signed on Monday."
    f = only(run(text), unit="tons")
    assert (f.kind, f.deadline) == ("target", None)


def test_the_object_raised_to_a_level_names_it_in_several_words():
    text = "Kyrgyzstan and Tajikistan agreed to increase gas swap volumes to 3 million cubic meters a day."
    f = only(run(text), unit="m3")
    assert (f.indicator, f.kind) == ("other:gas_swap_volumes", "target")


def test_gapped_partners_share_the_hub_the_sentence_names():
    text = ("Main partners of Kyrgyzstan in foreign trade in 2023: China accounted for $5.1 billion, "
            "Russia for $3.3 billion and Kazakhstan for $1.9 billion.")
    figs = run(text, main=())
    assert sorted((tuple(f.parties), f.value) for f in figs) == [
        (("CHN", "KGZ"), 5.1e9), (("KAZ", "KGZ"), 1.9e9), (("KGZ", "RUS"), 3.3e9)]


def test_a_standing_count_in_the_present_tense_holds_now_not_in_the_period_before():
    text = ("In January-March 2024, trade between Kyrgyzstan and Tajikistan reached $90 million.\n\n"
            "Some 300 companies with Tajik capital operate in Kyrgyzstan.")
    f = only(run(text), value=300)
    assert (f.indicator, f.period) == ("enterprises_count", "2024")


def test_a_scaled_number_of_a_counted_whole():
    text = "The number of Tajik labour migrants in Kyrgyzstan is estimated at 1.2 million."
    f = only(run(text), value=1.2e6)
    assert f.indicator == "other:labour_migrants"


def test_documents_signed_in_a_later_paragraph_date_to_the_report():
    text = ("Trade between Kyrgyzstan and Tajikistan grew to $400 million in 2023.\n\n"
            "Some 12 agreements were signed during the visit.")
    f = only(run(text), value=12)
    assert f.period == "2024-05"


def test_a_state_a_flow_passes_through_is_no_party():
    text = "In 2023 Kyrgyzstan exported 30,000 tonnes of coal to Tajikistan via Uzbekistan."
    f = only(run(text), unit="tons")
    assert (f.parties, f.direction) == (["KGZ", "TJK"], {"from": "KGZ", "to": "TJK"})


def test_a_rate_in_words_is_a_figure():
    text = "Kyrgyz and Tajik airlines will operate four weekly flights between Bishkek and Dushanbe."
    f = only(run(text), indicator="flights_per_week")
    assert f.value == 4


def test_a_flow_to_two_coordinated_states_keeps_both():
    text = "In 2023 China sent 500 tonnes of humanitarian aid to Kyrgyzstan and Tajikistan, Russian media reported."
    f = only(run(text), unit="tons")
    assert f.parties == ["CHN", "KGZ", "TJK"]


def test_a_growth_rate_does_not_measure_a_later_clause():
    text = "In 2023 Tajikistan's economy grew by 8.3%, and Kyrgyz investment in Tajikistan rose to $90 million."
    assert [f.indicator for f in run(text)] == ["investment"]


def test_the_level_a_forecast_rises_from_is_actual():
    text = "Kyrgyzstan expects trade with Tajikistan to exceed $500 million in 2025, up from $420 million in 2024."
    figs = run(text, anchor="2025-06-01")
    assert (only(figs, value=500e6).kind, only(figs, value=420e6).kind, only(figs, value=420e6).period) == (
        "forecast", "actual", "2024")
