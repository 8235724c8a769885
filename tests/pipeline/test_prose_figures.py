"""Figures in running news prose, read by the whole pipeline: what each value measures, its
unit, the period it covers (or a goal's deadline), its kind and the states it is about.
Invented sentences, one per way news states a figure; numbers that are not figures of the
relations (casualties, detainees, a lease's years, a vote) give none."""

from __future__ import annotations

import pytest

from steppe.facts import Document

# (publication date, sentence, [(indicator, value, unit, period or deadline, kind, parties)])
CASES = [
    # the indicator and the parties from the words around the value
    ("2025-03-14", "Trade between Kyrgyzstan and Turkey rose to $1.1 billion last year, the ministry said.",
     [("trade_turnover", 1.1e9, "USD", "2024", "actual", ["KGZ", "TUR"])]),
    ("2024-06-02", "Uzbekistan exported 4.2 billion cubic metres of gas to China in 2023.",
     [("exports", 4.2e9, "m3", "2023", "actual", ["CHN", "UZB"])]),
    ("2025-02-27", "Gas supplies from Turkmenistan to China totalled 31 billion cubic metres in 2024.",
     [("exports", 31e9, "m3", "2024", "actual", ["CHN", "TKM"])]),
    ("2025-06-12", "Tajikistan imported 1.1 million tonnes of wheat from Kazakhstan last year.",
     [("imports", 1.1e6, "tons", "2024", "actual", ["KAZ", "TJK"])]),
    ("2024-04-18", "Germany has invested around EUR 300 million in Kazakhstan over the past five years.",
     [("investment", 300e6, "EUR", "2019/2024", "actual", ["DEU", "KAZ"])]),
    ("2025-07-01", "India's investment in Kazakhstan stood at $500 million at the end of 2024, its ambassador said.",
     [("investment", 500e6, "USD", "2024", "actual", ["IND", "KAZ"])]),
    ("2024-04-18", "The Asian Development Bank approved a $150 million loan to Tajikistan for a new power line.",
     [("other:loans", 150e6, "USD", None, "actual", ["IGO", "TJK"])]),
    ("2024-05-22", "Tajikistan's debt to China amounts to $1.1 billion.",
     [("other:debt", 1.1e9, "USD", "2024", "actual", ["CHN", "TJK"])]),
    ("2024-06-19", "Today there are 150 joint enterprises of Pakistan and Uzbekistan.",
     [("enterprises_count", 150, "count", "2024", "actual", ["PAK", "UZB"])]),
    ("2024-06-30", "In 2023, 210 enterprises with Kazakh capital were created in Kyrgyzstan.",
     [("other:enterprises_created", 210, "count", "2023", "actual", ["KAZ", "KGZ"])]),
    ("2025-05-25", "Around 4 million tourists from Russia visited Kazakhstan in 2024.",
     [("other:tourists", 4e6, "count", "2024", "actual", ["KAZ", "RUS"])]),
    ("2024-02-02", "The number of passengers carried between Uzbekistan and Kazakhstan by rail reached 1.1 million in 2023.",
     [("passengers", 1.1e6, "count", "2023", "actual", ["KAZ", "UZB"])]),
    # shares
    ("2023-08-15", "Russia accounts for 18.3 percent of Uzbekistan's foreign trade.",
     [("other:share_of_foreign_trade", 18.3, "percent", "2023", "actual", ["RUS", "UZB"])]),
    ("2025-01-30", "Turkey's share of Turkmenistan's exports was 12 percent in 2024.",
     [("other:share_of_exports", 12, "percent", "2024", "actual", ["TKM", "TUR"])]),
    # growth: in percent, as a ratio, negative, in the next sentence, of a count
    ("2025-02-10", "Kazakhstan's exports to Azerbaijan grew by 18 percent in 2024.",
     [("other:exports_growth", 18, "percent", "2024", "actual", ["AZE", "KAZ"])]),
    ("2024-05-16", "Kyrgyz-Uzbek trade turnover increased 1.6 times in 2023, to $1.3 billion.",
     [("other:trade_growth", 1.6, "ratio", "2023", "actual", ["KGZ", "UZB"]),
      ("trade_turnover", 1.3e9, "USD", "2023", "actual", ["KGZ", "UZB"])]),
    ("2025-10-10", "The volume of trade between Russia and Tajikistan in January-June fell by 7% to $700 million.",
     [("other:trade_growth", -7, "percent", "2025-01/2025-06", "actual", ["RUS", "TJK"]),
      ("trade_turnover", 700e6, "USD", "2025-01/2025-06", "actual", ["RUS", "TJK"])]),
    ("2024-08-14", "In January-June, Kazakhstan's trade with Uzbekistan reached $2.1 billion. "
                   "That is 9% more than in the same period of 2023.",
     [("trade_turnover", 2.1e9, "USD", "2024-01/2024-06", "actual", ["KAZ", "UZB"]),
      ("other:trade_growth", 9, "percent", "2024-01/2024-06", "actual", ["KAZ", "UZB"])]),
    ("2025-05-06", "Some 350,000 tourists from Kazakhstan visited Kyrgyzstan in 2024, up 12% on the previous year.",
     [("other:tourists", 350000, "count", "2024", "actual", ["KAZ", "KGZ"]),
      ("other:tourists_growth", 12, "percent", "2024", "actual", ["KAZ", "KGZ"])]),
    ("2024-09-27", "The number of Chinese tourists visiting Uzbekistan grew 2.5 times in the first eight months.",
     [("other:tourists_growth", 2.5, "ratio", "2024-01/2024-08", "actual", ["CHN", "UZB"])]),
    # the period: a part of the year, "since", the year of the publication
    ("2024-08-08", "Cargo carried by rail between China and Kazakhstan amounted to 28 million tonnes "
                   "in the first seven months of the year.",
     [("transport_volume", 28e6, "tons", "2024-01/2024-07", "actual", ["CHN", "KAZ"])]),
    ("2024-12-01", "Chinese investment in Tajikistan has reached $3.2 billion since 2007.",
     [("investment", 3.2e9, "USD", "2007/2024", "actual", ["CHN", "TJK"])]),
    ("2025-09-15", "Trade between Kazakhstan and Kyrgyzstan reached $1.2 billion in the first half of the year.",
     [("trade_turnover", 1.2e9, "USD", "2025-01/2025-06", "actual", ["KAZ", "KGZ"])]),
    # aid, also in goods "as aid"
    ("2023-11-05", "Japan will provide Kyrgyzstan with a grant of $12 million to upgrade hospitals.",
     [("other:aid", 12e6, "USD", None, "target", ["JPN", "KGZ"])]),
    ("2023-12-28", "In 2023 Kazakhstan delivered 45,000 tonnes of flour to Afghanistan as humanitarian aid.",
     [("other:aid", 45000, "tons", "2023", "actual", ["AFG", "KAZ"])]),
    # flights: a weekly rate, named by its noun before it; a month ahead is next year's
    ("2024-11-11", "Flights between Kazakhstan and South Korea will increase to 21 per week from February.",
     [("flights_per_week", 21, "count", "2025-02", "forecast", ["KAZ", "KOR"])]),
    ("2024-03-03", "Uzbekistan Airways will operate 14 flights a week between Tashkent and Moscow from April.",
     [("flights_per_week", 14, "count", "2024-04", "forecast", ["RUS", "UZB"])]),
    # the cities a route joins stand for their states
    ("2025-04-28", "Air Astana will operate 7 flights a week between Almaty and Delhi from June.",
     [("flights_per_week", 7, "count", "2025-06", "forecast", ["IND", "KAZ"])]),
    ("2025-04-28", "The number of passengers on the Tashkent-Almaty train reached 200,000 in 2024.",
     [("passengers", 200000, "count", "2024", "actual", ["KAZ", "UZB"])]),
    # targets (with the deadline), forecasts (with their period)
    ("2024-09-20", "Tajikistan and Iran aim to lift mutual trade to $500 million by 2027.",
     [("trade_turnover", 500e6, "USD", "2027", "target", ["IRN", "TJK"])]),
    ("2024-12-20", "By 2026, Uzbekistan intends to increase electricity imports from Tajikistan to 3 billion kWh a year.",
     [("imports", 3e9, "kWh", "2026", "target", ["TJK", "UZB"])]),
    ("2024-07-07", "Azerbaijan and Kazakhstan agreed to increase trade turnover to $1 billion within the next three years.",
     [("trade_turnover", 1e9, "USD", "2027", "target", ["AZE", "KAZ"])]),
    ("2025-04-09", "The two presidents set a goal of bringing trade between Turkmenistan and Uzbekistan to $2 billion.",
     [("trade_turnover", 2e9, "USD", None, "target", ["TKM", "UZB"])]),
    ("2024-02-20", "Trade between Kazakhstan and Russia is expected to exceed $28 billion this year, the deputy minister said.",
     [("trade_turnover", 28e9, "USD", "2024", "forecast", ["KAZ", "RUS"])]),
    ("2023-09-19", "Trade between Russia and Kyrgyzstan could reach $4 billion by the end of the year, the minister said.",
     [("trade_turnover", 4e9, "USD", "2023", "forecast", ["KGZ", "RUS"])]),
    # more wordings of levels, parties and periods
    ("2024-03-05", "Trade turnover between Kazakhstan and Azerbaijan reached $480 million in 2023 against $410 million in 2022.",
     [("trade_turnover", 480e6, "USD", "2023", "actual", ["AZE", "KAZ"]),
      ("trade_turnover", 410e6, "USD", "2022", "actual", ["AZE", "KAZ"])]),
    ("2024-06-14", "Sino-Kazakh trade hit a record $41 billion last year.",
     [("trade_turnover", 41e9, "USD", "2023", "actual", ["CHN", "KAZ"])]),
    ("2025-02-03", "Kazakhstan accounted for 12% of Kyrgyzstan's imports in 2024.",
     [("other:share_of_imports", 12, "percent", "2024", "actual", ["KAZ", "KGZ"])]),
    ("2024-10-10", "Tajikistan's exports to Russia totalled $150 million, and imports $1.3 billion, in January-September.",
     [("exports", 150e6, "USD", "2024-01/2024-09", "actual", ["RUS", "TJK"]),
      ("imports", 1.3e9, "USD", "2024-01/2024-09", "actual", ["RUS", "TJK"])]),
    ("2024-07-02", "Trade between Kyrgyzstan and Kazakhstan amounted to USD 1.6 bln in 2023.",
     [("trade_turnover", 1.6e9, "USD", "2023", "actual", ["KAZ", "KGZ"])]),
    ("2024-05-07", "Kazakhstan and Uzbekistan held talks in Tashkent. The sides noted that trade reached $4.5 billion "
                   "in 2023. They agreed to raise it to $10 billion.",
     [("trade_turnover", 4.5e9, "USD", "2023", "actual", ["KAZ", "UZB"]),
      ("trade_turnover", 10e9, "USD", None, "target", ["KAZ", "UZB"])]),
    ("2024-11-06", "Last year Uzbekistan and Kyrgyzstan traded goods worth $1.3 billion. Over the same period, "
                   "the number of joint ventures rose by 15% to 1,100.",
     [("trade_turnover", 1.3e9, "USD", "2023", "actual", ["KGZ", "UZB"]),
      ("other:enterprises_growth", 15, "percent", "2023", "actual", ["KGZ", "UZB"])]),
    ("2025-06-04", "Chinese direct investment in Kazakhstan in 2024 amounted to $2.1 billion, or 14% of all foreign "
                   "direct investment in the country.",
     [("investment", 2.1e9, "USD", "2024", "actual", ["CHN", "KAZ"]),
      ("other:share_of_all_foreign_direct_investment", 14, "percent", "2024", "actual", ["CHN", "KAZ"])]),
    ("2025-10-17", "In 2024, remittances from Russia to Tajikistan amounted to $2.8 billion, 9% less than in 2023.",
     [("other:remittances", 2.8e9, "USD", "2024", "actual", ["RUS", "TJK"]),
      ("other:remittances_growth", -9, "percent", "2024", "actual", ["RUS", "TJK"])]),
    ("2024-11-25", "Kyrgyzstan attracted $250 million of Chinese investment in the first nine months of 2024.",
     [("investment", 250e6, "USD", "2024-01/2024-09", "actual", ["CHN", "KGZ"])]),
    # goods received are imports; money received is what its own words say
    ("2025-01-15", "Kazakhstan received 600,000 tonnes of fuel from Russia in 2024.",
     [("imports", 600000, "tons", "2024", "actual", ["KAZ", "RUS"])]),
    ("2025-01-15", "Kazakhstan received $5 billion of investment from China in 2024.",
     [("investment", 5e9, "USD", "2024", "actual", ["CHN", "KAZ"])]),
    ("2024-09-05", "China has become Turkmenistan's largest buyer of gas, purchasing more than 30 billion cubic metres in 2023.",
     [("imports", 30e9, "m3", "2023", "actual", ["CHN", "TKM"])]),
    # a volume of gas no cue names, its route left out of the parties
    ("2024-12-09", "The volume of Russian gas transit through Kazakhstan to Uzbekistan rose to 5.6 billion cubic "
                   "metres in January-November.",
     [("other:volume", 5.6e9, "m3", "2024-01/2024-11", "actual", ["RUS", "UZB"])]),
    # "a year earlier": the same stretch of the year before
    ("2025-03-21", "Uzbekistan bought goods worth $2.3 billion from Russia in the first two months of the year, "
                   "up from $1.9 billion a year earlier.",
     [("imports", 2.3e9, "USD", "2025-01/2025-02", "actual", ["RUS", "UZB"]),
      ("imports", 1.9e9, "USD", "2024-01/2024-02", "actual", ["RUS", "UZB"])]),
    ("2025-03-21", "Trade between Kazakhstan and China reached $44 billion in 2024, compared with $41 billion a year earlier.",
     [("trade_turnover", 44e9, "USD", "2024", "actual", ["CHN", "KAZ"]),
      ("trade_turnover", 41e9, "USD", "2023", "actual", ["CHN", "KAZ"])]),
    # more goals and projections; a potential is a goal of the measure it qualifies
    ("2024-07-25", "Trade between Uzbekistan and Tajikistan exceeded $700 million in 2023, and the parties plan to "
                   "double it by 2026.",
     [("trade_turnover", 700e6, "USD", "2023", "actual", ["TJK", "UZB"]),
      ("other:trade_growth", 2, "ratio", "2026", "target", ["TJK", "UZB"])]),
    ("2024-04-30", "Turkmenistan and Afghanistan intend to double their trade turnover within two years.",
     [("other:trade_growth", 2, "ratio", "2026", "target", ["AFG", "TKM"])]),
    ("2024-02-27", "Bilateral trade between Uzbekistan and India is about $800 million a year, far below its "
                   "potential of $2 billion.",
     [("trade_turnover", 800e6, "USD", "2024", "actual", ["IND", "UZB"]),
      ("trade_turnover", 2e9, "USD", None, "target", ["IND", "UZB"])]),
    ("2024-08-30", "Trade between Kazakhstan and Tajikistan is forecast to reach $1.5 billion in 2025.",
     [("trade_turnover", 1.5e9, "USD", "2025", "forecast", ["KAZ", "TJK"])]),
    ("2024-02-06", "The two sides set the task of increasing trade between Kyrgyzstan and Turkey to $2 billion "
                   "within five years.",
     [("trade_turnover", 2e9, "USD", "2029", "target", ["KGZ", "TUR"])]),
    ("2025-08-26", "Turkmenistan plans to raise gas exports to China to 65 billion cubic metres a year.",
     [("exports", 65e9, "m3", None, "target", ["CHN", "TKM"])]),
    # a pronoun carries the measure of the sentence before, level or growth
    ("2025-03-27", "Kazakh President Tokayev received the Azerbaijani foreign minister. He said trade had grown by "
                   "30 percent in 2024. Tokayev called for raising it to $1 billion by 2027.",
     [("other:trade_growth", 30, "percent", "2024", "actual", ["AZE", "KAZ"]),
      ("trade_turnover", 1e9, "USD", "2027", "target", ["AZE", "KAZ"])]),
    ("2024-11-20", "The Russian-Uzbek intergovernmental commission met in Moscow. In January-September, trade "
                   "turnover reached $8.4 billion. By the end of the year, it may exceed $11 billion.",
     [("trade_turnover", 8.4e9, "USD", "2024-01/2024-09", "actual", ["RUS", "UZB"]),
      ("trade_turnover", 11e9, "USD", "2024", "forecast", ["RUS", "UZB"])]),
    ("2024-09-03", "Uzbekistan and Turkey held the fourth meeting of their cooperation council. The sides aim to "
                   "reach $5 billion in trade in the near future. Currently, some 2,000 Turkish companies operate "
                   "in Uzbekistan.",
     [("trade_turnover", 5e9, "USD", None, "target", ["TUR", "UZB"]),
      ("enterprises_count", 2000, "count", "2024", "actual", ["TUR", "UZB"])]),
    # a stock stated in the present is of the publication's year; a value of things signed, of their signing
    ("2025-01-09", "More than 700,000 Uzbek labour migrants work in Kazakhstan, the labour ministry said.",
     [("other:labour_migrants", 700000, "count", "2025", "actual", ["KAZ", "UZB"])]),
    ("2025-04-15", "Russia and Kazakhstan signed 17 commercial agreements worth $4.5 billion at the interregional forum.",
     [("other:commercial_agreements", 17, "count", "2025-04", "actual", ["KAZ", "RUS"]),
      ("other:commercial_agreements_value", 4.5e9, "USD", "2025-04", "actual", ["KAZ", "RUS"])]),
    # a promise reported: "would provide" is the "will provide" of the one who promised
    ("2024-03-02", "Japan said it would provide $300 million in loans to Kyrgyzstan.",
     [("other:loans", 300e6, "USD", None, "target", ["JPN", "KGZ"])]),
    # numbers that are no figures of the relations
    ("2024-04-30", "Kazakhstan and Uzbekistan signed an agreement on the avoidance of double taxation.", []),
    ("2025-09-02", "Some 1,200 Kyrgyz migrants were deported from Russia in August.", []),
    ("2024-05-02", "At least 12 Tajik soldiers and 5 Kyrgyz border guards were wounded in the shooting.", []),
    ("2024-05-02", "Kazakhstan produced 90 million tonnes of oil last year, most of it shipped via Russia.", []),
    ("2024-05-02", "Kazakhstan's GDP grew by 5.1% in 2023, Tokayev told Putin during their meeting.", []),
    ("2024-04-02", "Uzbekistan's foreign trade reached $62 billion in 2023, with China remaining its top partner.", []),
    ("2024-04-02", "Uzbekistan's foreign trade with Kazakhstan reached $4 billion in 2023.",
     [("trade_turnover", 4e9, "USD", "2023", "actual", ["KAZ", "UZB"])]),
    ("2025-03-30", "Three Uzbek citizens were detained by Kazakh border guards on Monday.", []),
    ("2024-07-17", "Over 40 people were killed in the clashes between Kyrgyz and Tajik troops.", []),
    ("2024-11-19", "The lease of the base was extended for 49 years under the new agreement between Russia and Kyrgyzstan.", []),
    ("2024-01-15", "The parliament of Kyrgyzstan ratified the treaty with Tajikistan by 88 votes to 2.", []),
]


def _time(f):
    return f.deadline if f.kind == "target" else f.period


@pytest.mark.parametrize("date,text,expected", CASES, ids=[c[1][:48] for c in CASES])
def test_prose_figure(extractor, date, text, expected):
    figs = extractor.extract(Document(id="t", text=text, date=date)).figures
    got = [(f.indicator, f.value, f.unit, _time(f), f.kind, sorted(f.parties)) for f in figs]
    assert len(got) == len(expected), got
    for ind, value, unit, time, kind, parties in expected:
        assert any(g[0] == ind and abs(g[1] - value) <= 1e-6 * abs(value) and g[2:] == (unit, time, kind, parties)
                   for g in got), (ind, value, got)
