"""Russian actor mentions resolve to the same KB actors as English ones, in every case.

Every sentence here is written for these tests (none is taken from an evaluation corpus).
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "surface", "code"), [
    ("Делегация прибыла по приглашению Мирзиёева.", "Мирзиёева", "UZB"),
    ("Вопрос обсуждался с Токаевым по телефону.", "Токаевым", "KAZ"),
    ("Соглашение было подписано Жапаровым накануне.", "Жапаровым", "KGZ"),
    ("Москва передала Узбекистану партию техники.", "Узбекистану", "UZB"),
    ("Граница с Кыргызстаном будет открыта.", "Кыргызстаном", "KGZ"),
    ("Посол Киргизии вручил верительные грамоты.", "Посол Киргизии", "KGZ"),
    ("Документ согласован узбекской стороной.", "узбекской стороной", "UZB"),
    ("Казахстанская делегация покинула зал.", "Казахстанская делегация", "KAZ"),
    ("Туркмения наращивает добычу газа.", "Туркмения", "TKM"),
])
def test_inflected_forms_resolve(ru_mentions, text, surface, code):
    found = {t: codes for t, codes, _, _ in ru_mentions(text)}
    assert found.get(surface) == [code]


@pytest.mark.parametrize(("text", "surface", "code", "kind"), [
    ("Президент Кыргызстана выступил на форуме.", "Президент Кыргызстана", "KGZ", "role"),
    ("Глава МИД Казахстана ответил журналистам.", "Глава МИД Казахстана", "KAZ", "role"),
    ("Министр энергетики Узбекистана посетил станцию.", "Министр энергетики Узбекистана", "UZB", "role"),
    ("Президент Узбекистана Шавкат Мирзиёев открыл саммит.", "Президент Узбекистана Шавкат Мирзиёев", "UZB", "person"),
])
def test_role_phrases_are_one_mention(ru_mentions, text, surface, code, kind):
    found = {t: (codes, k) for t, codes, k, _ in ru_mentions(text)}
    assert found.get(surface) == ([code], kind)


def test_people_follow_their_dated_roles(ru_mentions):
    # Tokayev was Kazakhstan's foreign minister in 2005 and president in 2023: the state
    # is the same either way, the resolver must find him in both years.
    assert ru_mentions("Токаев прибыл в Пекин.", "2005-03-01")[0][1] == ["KAZ"]
    assert ru_mentions("Токаев прибыл в Пекин.", "2023-03-01")[0][1] == ["KAZ"]


def test_capital_is_an_actor_as_subject_and_a_place_after_v(ru_mentions):
    subject = ru_mentions("Ташкент предложил Душанбе провести переговоры.")
    assert [(t, c, loc) for t, c, _, loc in subject] == [("Ташкент", ["UZB"], False), ("Душанбе", ["TJK"], False)]
    place = ru_mentions("Переговоры прошли в Ташкенте.")
    assert place[0][3] is True


@pytest.mark.parametrize(("text", "name"), [
    ("Саммит ШОС прошел в Астане.", "SCO"),
    ("Миротворцы ОДКБ покинули страну.", "CSTO"),
    ("Решение принято на совете ЕАЭС.", "EAEU"),
    ("Лидеры СНГ собрались в Бишкеке.", "CIS"),
    ("Туркменистан получил статус наблюдателя в ОТГ.", "OTS"),
    ("Делегаты Шанхайской организации сотрудничества одобрили план.", "SCO"),
])
def test_organisations(ru_resolver, text, name):
    from steppe.pipeline.ru.text import words
    igos = [a for m in ru_resolver.find(words(text), "2023-01-01", text) for a in m.actors if a.code == "IGO"]
    assert [a.text for a in igos] == [name]


def test_compound_adjective_names_both_states(ru_mentions):
    found = ru_mentions("На кыргызско-таджикской границе спокойно.")
    assert found[0][1] == ["KGZ", "TJK"]


def test_news_agency_is_not_an_actor(ru_mentions):
    assert ru_mentions("Об этом сообщает ТАСС.") == []


def test_dollars_of_the_usa_are_a_currency(ru_mentions):
    found = ru_mentions("Экспорт достиг 611,3 млн долл. США, а США ввели пошлины.")
    assert [(t, c) for t, c, _, _ in found] == [("США", ["USA"])]
