"""Russian events beyond the first lexicon: framed event nouns, reciprocal signings with no
subject, mobilisation, duties as sanctions, recalled and standing acts left undated.

Every sentence here is written for these tests (none is taken from an evaluation corpus).
"""

from __future__ import annotations

from steppe.facts import Document


def events(extractor, text: str, date: str = "2024-10-02"):
    facts = extractor.extract(Document(id="t", text=text, date=date, language="ru"))
    return [(e.type, sorted(a.code for a in e.source), sorted(a.code for a in e.target), e.date)
            for e in facts.events]


def test_event_noun_after_a_frame_noun(extractor):
    got = events(extractor, "По итогам переговоров глав МИД Казахстана и Узбекистана подписан протокол.")
    assert ("CONSULT", ["KAZ", "UZB"], ["KAZ", "UZB"], "2024-10-02") in got
    # a passive signing with no subject is mutual
    assert ("SUPPORT", ["KAZ", "UZB"], ["KAZ", "UZB"], "2024-10-02") in got


def test_troops_moved_and_duties_imposed(extractor):
    assert events(extractor, "Таджикистан стянул к границе с Кыргызстаном бронетехнику.") == \
        [("MOBILIZE", ["TJK"], ["KGZ"], "2024-10-02")]
    # the complement of a ban is no second (trade) event
    assert events(extractor, "Узбекистан ввел пошлины на импорт казахстанской муки.") == \
        [("SANCTION", ["UZB"], ["KAZ"], "2024-10-02")]


def test_a_place_before_a_role_is_not_its_state(extractor):
    got = events(extractor, "В ходе визита в Бишкек министр иностранных дел Таджикистана "
                            "встретился с президентом Кыргызстана.")
    assert got == [("CONSULT", ["TJK"], ["KGZ"], "2024-10-02")]


def test_recalled_and_standing_acts_take_no_publication_date(extractor):
    assert events(extractor, "Ранее Казахстан выразил солидарность с народом Кыргызстана.") == \
        [("SUPPORT", ["KAZ"], ["KGZ"], None)]
    assert events(extractor, "Туркменистан поставляет газ в Китай.") == \
        [("COOPERATE", ["TKM"], ["CHN"], None)]
    assert events(extractor, "Казахстан выразил солидарность с народом Кыргызстана.") == \
        [("SUPPORT", ["KAZ"], ["KGZ"], "2024-10-02")]


def test_a_sentence_opening_date_dates_its_later_clauses(extractor):
    got = events(extractor, "Вчера, 1 октября, по итогам встречи пограничных представителей "
                            "Кыргызстана и Таджикистана задержанный гражданин был передан кыргызской стороне.")
    assert ("RETREAT", ["TJK"], ["KGZ"], "2024-10-01") in got


def test_invitations_are_planned_and_participation_is_consult(extractor):
    facts = extractor.extract(Document(id="t", date="2024-10-02", language="ru", text=(
        "Президент Узбекистана пригласил Президента Туркменистана посетить Узбекистан.")))
    assert [(e.type, e.modality, e.date) for e in facts.events] == [("AGREE", "planned", None)]
    got = events(extractor, "Делегация Туркменистана приняла участие в заседании СНГ в Москве.")
    assert got == [("CONSULT", ["TKM"], ["IGO"], "2024-10-02")]
    facts = extractor.extract(Document(id="t", date="2024-10-02", language="ru", text=(
        "Путин и Токаев обсудили по телефону энергетическое сотрудничество.")))
    assert [(e.type, e.mode) for e in facts.events] == [("CONSULT", "phone")]


def test_central_asia_stands_for_the_five_states(extractor):
    got = events(extractor, "Си Цзиньпин провел переговоры с лидерами центральноазиатских государств.")
    assert got == [("CONSULT", ["CHN"], ["KAZ", "KGZ", "TJK", "TKM", "UZB"], "2024-10-02")]
    # a place, not a party
    assert events(extractor, "Президент России обсудил с Токаевым ситуацию в Центральной Азии.") == \
        [("CONSULT", ["RUS"], ["KAZ"], "2024-10-02")]


def test_a_meeting_that_will_take_place_is_planned(extractor):
    facts = extractor.extract(Document(id="t", date="2024-10-02", language="ru", text=(
        "Встреча президентов Казахстана и Узбекистана состоится в ноябре.")))
    assert [(e.type, e.modality, e.date) for e in facts.events] == [("AGREE", "planned", "2024-11")]
    facts = extractor.extract(Document(id="t", date="2024-10-02", language="ru", text=(
        "Переговоры глав МИД России и Туркменистана прошли в Москве.")))
    assert [(e.type, e.modality) for e in facts.events] == [("CONSULT", "asserted")]


def test_cooperation_talked_about_is_no_act_of_it(extractor):
    assert events(extractor, "Сотрудничество между Арменией и Казахстаном успешно развивается.") == []
    assert events(extractor, "Россия выступает за тесное взаимодействие с братским Таджикистаном.") == []
    # an act of it is
    assert events(extractor, "Кыргызстан возобновил поставки электроэнергии в Казахстан.") == \
        [("COOPERATE", ["KGZ"], ["KAZ"], "2024-10-02")]


def test_a_state_adjective_alone_is_what_is_acted_on(extractor):
    got = events(extractor, "Правительство Казахстана обсуждает меры на рынке топлива. "
                            "В 2021 году ввозить российский бензин запрещали на три месяца.")
    assert got == [("SANCTION", ["KAZ"], ["RUS"], "2021")]


def test_a_participle_signing_is_mutual_and_a_trip_home_no_visit(extractor):
    got = events(extractor, "Президент Армении отметил важность подписанных с Казахстаном соглашений.")
    assert got == [("SUPPORT", ["ARM", "KAZ"], ["ARM", "KAZ"], "2024-10-02")]
    assert events(extractor, "Министр Узбекистана прибыл в Узбекистан из Таджикистана.") == []


def test_projects_are_no_plan_but_a_draft_is(extractor):
    facts = extractor.extract(Document(id="t", date="2024-10-02", language="ru", text=(
        "Министр Узбекистана осмотрел совместные инвестиционные проекты и провел переговоры с послом Таджикистана.")))
    assert ("CONSULT", "asserted") in [(e.type, e.modality) for e in facts.events]
    facts = extractor.extract(Document(id="t", date="2024-10-02", language="ru", text=(
        "Минсельхоз Узбекистана разработал проект приказа о запрете ввоза муки из Казахстана.")))
    assert [(e.type, e.modality) for e in facts.events] == [("SANCTION", "planned")]


def test_no_plans_to_join_is_a_refusal(extractor):
    got = events(extractor, "У Армении нет планов присоединения к союзу России и Белоруссии.")
    assert [g[0] for g in got] == ["REJECT"]


def test_readiness_is_an_intent_and_drills_are_not_joint(extractor):
    got = events(extractor, "Туркменистан и Узбекистан готовы совместно решить вопросы водопользования.")
    assert [g[0] for g in got] == ["AGREE"]
    assert events(extractor, "Узбекистан экспортирует в Казахстан готовую продукцию.")[0][0] == "COOPERATE"
    assert events(extractor, "Во время учений армии Кыргызстана министр обороны заявил, что "
                             "Казахстан остается главным партнером.") == []


def test_the_day_of_the_report_dates_the_sentence_before(extractor):
    got = events(extractor, "Таджикистан отказался присоединиться к союзу России и Белоруссии. "
                            "Об этом 5 марта заявил министр иностранных дел Таджикистана.", date="2024-10-02")
    assert [(g[0], g[3]) for g in got] == [("REJECT", "2024-03-05")]
