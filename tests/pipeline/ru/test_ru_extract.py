"""The Russian pipeline end to end: routing by language, events with roles read from
case, agreements, and one happening reported in Russian and in English that the store
links into a single occurrence.

Every text here is written for these tests (none is taken from an evaluation corpus).
"""

from __future__ import annotations

from steppe.facts import Document
from steppe.pipeline.extract import Extractor

RU = ("Токаев провел переговоры с Мирзиёевым\n"
      "Президент Казахстана Касым-Жомарт Токаев 22 декабря провел переговоры с Президентом "
      "Узбекистана Шавкатом Мирзиёевым в Ташкенте. По итогам встречи лидеры подписали Договор "
      "о союзнических отношениях.")
EN = ("Tokayev and Mirziyoyev sign allied treaty\n"
      "Kazakh President Kassym-Jomart Tokayev held talks with Uzbek President Shavkat Mirziyoyev "
      "in Tashkent on 22 December. The two leaders signed the Treaty on Allied Relations.")


def events(facts):
    return {(e.type, frozenset(e.codes()), e.date) for e in facts.events}


def test_router_sends_russian_to_the_russian_pipeline_lazily():
    extractor = Extractor.load()
    english = extractor.extract(Document(id="en", text=EN, date="2022-12-22", language="en"))
    assert "ru" not in extractor._components     # English-only runs never load it
    assert ("CONSULT", frozenset({"KAZ", "UZB"}), "2022-12-22") in events(english)
    russian = extractor.extract(Document(id="ru", text=RU, date="2022-12-22", language="ru"))
    assert "ru" in extractor._components
    assert ("CONSULT", frozenset({"KAZ", "UZB"}), "2022-12-22") in events(russian)
    # The same Russian text tagged English (a wrong guess of the language) is all Cyrillic:
    # its script sends it to the Russian pipeline all the same (pipeline.mixed).
    mistagged = extractor.extract(Document(id="x", text=RU, date="2022-12-22", language="en"))
    assert events(mistagged) == events(russian)


def test_mixed_batch_keeps_document_order(extractor):
    docs = [Document(id=i, text=t, date="2022-12-22", language=lang)
            for i, t, lang in [("a", EN, "en"), ("b", RU, "ru"), ("c", EN, "en")]]
    assert [d.id for d, _ in extractor.extract_many(docs)] == ["a", "b", "c"]


def test_roles_from_case(extractor):
    text = ("Узбекистан передал Кыргызстану задержанных пограничников. "
            "Пограничники Таджикистана открыли огонь по кыргызским военным 8 июля.")
    facts = extractor.extract(Document(id="r", text=text, date="2021-07-10", language="ru"))
    got = {(e.type, tuple(a.code for a in e.source), tuple(a.code for a in e.target), e.date)
           for e in facts.events}
    assert ("RETREAT", ("UZB",), ("KGZ",), "2021-07-10") in got
    assert ("ASSAULT", ("TJK",), ("KGZ",), "2021-07-08") in got


def test_future_visit_is_planned_agree(extractor):
    text = "Президент Узбекистана посетит Казахстан в марте следующего года."
    facts = extractor.extract(Document(id="p", text=text, date="2023-11-02", language="ru"))
    assert [(e.type, e.modality, e.date) for e in facts.events] == [("AGREE", "planned", "2024-03")]


def test_agreement_title_in_the_nominative(extractor):
    facts = extractor.extract(Document(id="g", text=RU, date="2022-12-22", language="ru"))
    assert [(a.name, a.parties, a.date, a.kind) for a in facts.agreements] == [
        ("Договор о союзнических отношениях", ["KAZ", "UZB"], "2022-12-22", "treaty")]
    # signing the treaty is a SUPPORT event between the parties (PLOVER)
    assert ("SUPPORT", frozenset({"KAZ", "UZB"}), "2022-12-22") in events(facts)


def test_one_occurrence_in_both_languages(extractor, tmp_path):
    from steppe.store import link_occurrences, open_store, query_events, save_document

    docs = [Document(id="en-report", text=EN, date="2022-12-22", language="en"),
            Document(id="ru-report", text=RU, date="2022-12-22", language="ru")]
    with open_store(f"sqlite:///{tmp_path / 'x.db'}") as store:
        for doc, facts in extractor.extract_many(docs):
            save_document(store, doc, facts)
        link_occurrences(store)
        talks = query_events(store, type="CONSULT")
    assert {e["document_id"] for e in talks} == {"en-report", "ru-report"}
    assert len({e["occurrence_id"] for e in talks}) == 1


def test_one_agreement_in_both_languages(extractor):
    from steppe.analysis.agreements import merge_agreements

    docs = [Document(id="en-report", text=EN, date="2022-12-22", language="en"),
            Document(id="ru-report", text=RU, date="2022-12-22", language="ru")]
    items = [(doc.id, a) for doc, facts in extractor.extract_many(docs) for a in facts.agreements]
    assert {doc for doc, _ in items} == {"en-report", "ru-report"}
    clusters = merge_agreements(items)
    assert [c.documents for c in clusters] == [["en-report", "ru-report"]]


def test_agreement_titles_in_lower_case_and_with_a_party_before_the_topic(extractor):
    from steppe.facts import Document

    def agreements(text):
        facts = extractor.extract(Document(id="t", text=text, date="2024-10-02", language="ru"))
        return [(a.name, a.parties, a.date) for a in facts.agreements]

    assert agreements("Главы МИД Туркменистана и Казахстана подписали программу сотрудничества "
                      "на 2025-2027 годы.") == [("Программа сотрудничества", ["KAZ", "TKM"], "2024-10-02")]
    assert agreements("Казахстан ратифицировал соглашение с Кыргызстаном о строительстве "
                      "Камбаратинской ГЭС-1.") == \
        [("Соглашение о строительстве Камбаратинской ГЭС-1", ["KAZ", "KGZ"], "2024-10-02")]
