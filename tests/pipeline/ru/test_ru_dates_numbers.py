"""Russian time expressions and figures in Russian notation.

Every sentence here is written for these tests (none is taken from an evaluation corpus).
"""

from __future__ import annotations

import pytest

from steppe.facts import Document
from steppe.pipeline.ru.lexicon import RussianLexicon
from steppe.pipeline.ru.timex import RuDates

find_times = RuDates(RussianLexicon().dates()).find_times


@pytest.mark.parametrize(("text", "value", "deadline"), [
    ("Саммит прошел 26-27 января 2023 года в Ташкенте.", "2023-01-26", False),
    ("Товарооборот в январе–августе 2023 года вырос.", "2023-01/2023-08", False),
    ("Министры встретятся на следующей неделе.", "2024-05", False),
    ("В прошлом году стороны подписали меморандум.", "2023", False),
    ("Цель поставлена до 2030 года.", "2030", True),
    ("Вчера делегация вернулась домой.", "2024-05-14", False),
    ("Соглашения подписаны во вторник.", "2024-05-14", False),
    ("Визит состоится в апреле этого года.", "2024-04", False),
    ("Документ подписан 03.02.2022 в Москве.", "2022-02-03", False),
    ("Договор о дружбе (1998 год) остается в силе.", "1998", False),
    ("За 9 месяцев 2023 года экспорт вырос.", "2023-01/2023-09", False),
    ("В первом полугодии торговля оживилась.", "2024-01/2024-06", False),
])
def test_time_expressions(text, value, deadline):
    # anchor: Wednesday 15 May 2024
    times = find_times(text, "2024-05-15")
    assert [(t.value, t.deadline) for t in times] == [(value, deadline)]


def figures(extractor, text: str, date: str = "2023-10-02"):
    facts = extractor.extract(Document(id="t", text=text, date=date, language="ru"))
    return [(f.indicator, f.value, f.unit, f.parties, f.direction, f.period, f.kind, f.deadline)
            for f in facts.figures]


def test_billions_with_comma_and_growth(extractor):
    got = figures(extractor, "В январе–июне 2023 года товарооборот между Казахстаном и "
                             "Кыргызстаном составил 1,3 млрд долларов и вырос на 12%.")
    assert got == [
        ("trade_turnover", 1.3e9, "USD", ["KAZ", "KGZ"], None, "2023-01/2023-06", "actual", None),
        ("other:trade_growth", 12, "percent", ["KAZ", "KGZ"], None, "2023-01/2023-06", "actual", None),
    ]


def test_abbreviated_dollars_and_direction(extractor):
    got = figures(extractor, "Экспорт Узбекистана в Казахстан в 2022 году достиг 611,3 млн долл. США.")
    assert got == [("exports", 611.3e6, "USD", ["KAZ", "UZB"], {"from": "UZB", "to": "KAZ"},
                    "2022", "actual", None)]


def test_thousands_of_tons(extractor):
    got = figures(extractor, "Казахстан поставил в Таджикистан свыше 5 тыс. тонн зерна.")
    assert got == [("exports", 5000, "tons", ["KAZ", "TJK"], {"from": "KAZ", "to": "TJK"},
                    None, "actual", None)]


def test_target_with_deadline_in_words(extractor):
    got = figures(extractor, "Узбекистан и Кыргызстан намерены довести товарооборот до "
                             "10 миллиардов долларов к 2030 году.")
    assert got == [("trade_turnover", 1e10, "USD", ["KGZ", "UZB"], None, None, "target", "2030")]


def test_decline_is_negative_growth(extractor):
    got = figures(extractor, "В 2020 году товарооборот между Россией и Таджикистаном "
                             "сократился на 7% и составил 1 млрд долларов.")
    assert ("other:trade_growth", -7, "percent", ["RUS", "TJK"], None, "2020", "actual", None) in got


def test_deadline_belongs_to_the_amount_before_it(extractor):
    got = figures(extractor, "Президенты Казахстана и Турции подписали 12 документов и "
                             "договорились довести товарооборот до $4 млрд к 2030 году.")
    assert ("other:agreements_signed", 12, "count", ["KAZ", "TUR"], None, "2023-10", "actual", None) in got
    assert ("trade_turnover", 4e9, "USD", ["KAZ", "TUR"], None, None, "target", "2030") in got


def test_compound_amount_and_share_in_words(extractor):
    got = figures(extractor, "За январь-сентябрь 2024 года товарооборот Казахстана и Кыргызстана "
                             "составил 1 млрд 200 млн долларов. На долю Казахстана приходится "
                             "почти четверть внешней торговли Кыргызстана.")
    assert got[0] == ("trade_turnover", 1.2e9, "USD", ["KAZ", "KGZ"], None, "2024-01/2024-09", "actual", None)
    assert got[1][:4] == ("other:trade_share", 25, "percent", ["KAZ", "KGZ"])


def test_indicator_named_in_the_sentence_before(extractor):
    got = figures(extractor, "Стороны обсудили рост товарооборота между Казахстаном и Кыргызстаном. "
                             "По итогам прошлого года этот показатель составил 1,6 млрд долларов.",
                  date="2024-04-19")
    assert got == [("trade_turnover", 1.6e9, "USD", ["KAZ", "KGZ"], None, "2023", "actual", None)]


def test_relative_year_wherever_it_starts(extractor):
    # "по итогам прошлого года" after an odd number of words: every word may start a pair
    got = figures(extractor, "Товарооборот между Казахстаном и Узбекистаном по итогам прошлого "
                             "года составил 4,4 млрд долларов.", date="2024-03-01")
    assert got == [("trade_turnover", 4.4e9, "USD", ["KAZ", "UZB"], None, "2023", "actual", None)]


def test_months_in_words_and_growth_as_a_ratio(extractor):
    got = figures(extractor, "За девять месяцев текущего года товарооборот между Россией и "
                             "Таджикистаном увеличился в 1,5 раза.", date="2024-10-20")
    assert got == [("other:trade_growth", 1.5, "ratio", ["RUS", "TJK"], None, "2024-01/2024-09",
                    "actual", None)]


def test_a_duration_is_no_period():
    assert find_times("Переговоры шли в течение двух месяцев.", "2024-05-15") == []


def test_import_flows_from_the_seller(extractor):
    got = figures(extractor, "Импорт Казахстана из Китая в первом полугодии 2024 года "
                             "составил 7,8 млрд долларов США.")
    assert got == [("imports", 7.8e9, "USD", ["CHN", "KAZ"], {"from": "CHN", "to": "KAZ"},
                    "2024-01/2024-06", "actual", None)]


def test_each_clause_keeps_its_own_direction(extractor):
    got = figures(extractor, "В 2023 году Кыргызстан экспортировал в Казахстан товаров на сумму "
                             "1,1 млрд долларов, а импортировал из Казахстана на 900 млн долларов.")
    assert got == [
        ("exports", 1.1e9, "USD", ["KAZ", "KGZ"], {"from": "KGZ", "to": "KAZ"}, "2023", "actual", None),
        ("imports", 9e8, "USD", ["KAZ", "KGZ"], {"from": "KAZ", "to": "KGZ"}, "2023", "actual", None),
    ]


def test_each_amount_takes_its_own_clause_period(extractor):
    got = figures(extractor, "Товарооборот Узбекистана и Таджикистана в 2022 году составил "
                             "500 млн долларов, а в 2023 году — 650 млн долларов.")
    assert [(g[1], g[5]) for g in got] == [(5e8, "2022"), (6.5e8, "2023")]


def test_a_comparison_base_is_no_period(extractor):
    got = figures(extractor, "В 2021 году товарооборот между Россией и Кыргызстаном вырос на 9% "
                             "по сравнению с 2020 годом — до 2,7 млрд долларов.")
    assert [(g[0], g[5]) for g in got] == [("other:trade_growth", "2021"), ("trade_turnover", "2021")]


def test_share_named_before_a_nearer_trade_cue(extractor):
    got = figures(extractor, "Доля России во внешней торговле Кыргызстана составляет 25 процентов.")
    assert got == [("other:trade_share", 25, "percent", ["KGZ", "RUS"], None, None, "actual", None)]


def test_aid_and_loans_flow_to_the_dative(extractor):
    got = figures(extractor, "Казахстан направил Афганистану гуманитарную помощь объемом 5 тыс. тонн муки.",
                  date="2024-02-10")
    assert got == [("other:aid", 5000, "tons", ["AFG", "KAZ"], {"from": "KAZ", "to": "AFG"}, "2024",
                    "actual", None)]
    got = figures(extractor, "Россия выделила Кыргызстану кредит на 200 млн долларов.", date="2024-02-10")
    assert got[0][:5] == ("other:loans", 2e8, "USD", ["KGZ", "RUS"], {"from": "RUS", "to": "KGZ"})


@pytest.mark.parametrize(("text", "kind", "deadline"), [
    ("Казахстан и Кыргызстан намерены нарастить товарооборот до 3 млрд долларов.", "target", None),
    ("Объем торговли Казахстана и Китая должен вырасти до 35 млрд долларов.", "target", None),
    ("Узбекистан и Туркменистан поставили задачу в ближайшие пять лет выйти на товарооборот "
     "в 5 млрд долларов.", "target", "2028"),
    ("Товарооборот между Казахстаном и Кыргызстаном в 2022 году составил 3 млрд долларов.", "actual", None),
])
def test_targets_in_other_words(extractor, text, kind, deadline):
    got = figures(extractor, text)
    assert [(g[6], g[7]) for g in got] == [(kind, deadline)]


def test_growth_named_by_a_noun_and_a_range_of_amounts(extractor):
    got = figures(extractor, "Рост товарооборота между Казахстаном и Узбекистаном в 2023 году составил 12%.")
    assert got == [("other:trade_growth", 12, "percent", ["KAZ", "UZB"], None, "2023", "actual", None)]
    got = figures(extractor, "Снижение экспорта Казахстана в Россию составило 5,4%.")
    assert got[0][:2] == ("other:exports_growth", -5.4)
    got = figures(extractor, "Объем торговли между Россией и Кыргызстаном увеличился с 2,5 млрд до 3,1 млрд долларов.")
    assert [(g[1], g[2]) for g in got] == [(2.5e9, "USD"), (3.1e9, "USD")]


def test_a_flow_takes_the_direction_the_document_states(extractor):
    got = figures(extractor, "Туркменистан является крупнейшим экспортером газа в Китай. "
                             "Ежегодный объем поставок между Китаем и Туркменистаном составляет "
                             "около 35 миллиардов кубометров.")
    assert got == [("exports", 35e9, "m3", ["CHN", "TKM"], {"from": "TKM", "to": "CHN"}, None, "actual", None)]


def test_the_states_of_the_indicator_are_its_parties(extractor):
    got = figures(extractor, "Объем торговли между Китаем и Туркменистаном достиг 5 млрд долларов, "
                             "сообщил представитель компании по Центральной Азии и России.")
    assert got[0][3] == ["CHN", "TKM"]


def test_a_number_word_before_a_scale(extractor):
    got = figures(extractor, "В прошлом году торговля между Арменией и Казахстаном достигла "
                             "полутора миллиардов долларов.")
    assert got == [("trade_turnover", 1.5e9, "USD", ["ARM", "KAZ"], None, "2022", "actual", None)]


def test_thousands_and_a_bare_rest(extractor):
    got = figures(extractor, "Сейчас в Таджикистане работает более 2 тысяч 450 компаний с "
                             "узбекским капиталом.")
    assert [(g[0], g[1]) for g in got] == [("enterprises_count", 2450)]


def test_an_adjective_between_a_count_and_its_noun(extractor):
    got = figures(extractor, "В ходе визита в Баку президент Казахстана и президент Азербайджана "
                             "подписали 17 межправительственных документов.")
    assert [(g[0], g[1], g[2]) for g in got] == [("other:agreements_signed", 17, "count")]


def test_a_total_since_a_year_runs_to_the_publication(extractor):
    got = figures(extractor, "С момента запуска маршрута в 2015 году Казахстан экспортировал в "
                             "Китай 60 млн тонн нефти.")
    assert got == [("exports", 60e6, "tons", ["CHN", "KAZ"], {"from": "KAZ", "to": "CHN"},
                    "2015/2023", "actual", None)]


def test_counts_of_what_the_news_reports_are_figures(extractor):
    got = figures(extractor, "Узбекистан временно закрыл 3 из 9 пунктов пропуска на границе с "
                             "Таджикистаном.", date="2023-03-14")
    assert got == [("other:border_points", 3, "count", ["TJK", "UZB"], None, "2023-03-14", "actual", None)]
    # a count of victims is no figure of the relations
    assert figures(extractor, "На границе Кыргызстана и Таджикистана погибли водители 4 "
                              "автомобилей.") == []


def test_bringing_trade_to_an_amount_is_a_target(extractor):
    got = figures(extractor, "Лидеры договорились о доведении товарооборота между Турцией и "
                             "Узбекистаном до 5 млрд долларов.")
    assert [(g[0], g[1], g[6]) for g in got] == [("trade_turnover", 5e9, "target")]
