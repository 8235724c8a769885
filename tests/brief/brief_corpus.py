"""Three short reports of our own on Kazakhstan and Uzbekistan, stored with the facts a
careful reader would extract, to test what the brief says and cites."""

from __future__ import annotations

from steppe.facts import Actor, Agreement, Document, Event, Facts, Figure, Project, Span
from steppe.store import Store, link_occurrences, save_document

KAZ = Actor("KAZ", "GOV", "Kazakhstan", actor_id="state:KAZ")
UZB = Actor("UZB", "GOV", "Uzbekistan", actor_id="state:UZB")
TOKAYEV = Actor("KAZ", "GOV", "Tokayev", actor_id="person:kassym-jomart-tokayev")
MIRZIYOYEV = Actor("UZB", "GOV", "Mirziyoyev", actor_id="person:shavkat-mirziyoyev")

TEXTS = {
    "tashkent-2019": (
        "Tashkent, 10 April 2019. Kazakh President Tokayev paid a state visit to Uzbekistan on "
        "10 April 2019. Kazakhstan and Uzbekistan signed a Strategic Partnership Declaration in "
        "Tashkent. Trade between Kazakhstan and Uzbekistan reached $3 billion in 2018, and "
        "both sides aim for $5 billion by 2020. The presidents agreed to establish a "
        "Kazakh-Uzbek Supreme Interstate Council."),
    "nur-sultan-2021": (
        "Nur-Sultan, 6 December 2021. Uzbekistan's President Mirziyoyev visited Kazakhstan on "
        "6 December 2021, returning the visit Tokayev of Kazakhstan made to Uzbekistan in April "
        "2019. Kazakhstan and Uzbekistan recalled the Strategic Partnership Declaration of 2019. "
        "Trade between Kazakhstan and Uzbekistan reached $3.5 billion in 2020. A railway from "
        "Saryagash to Keles between Kazakhstan and Uzbekistan was agreed in 2021."),
    "astana-2022": (
        "Astana, 15 September 2022. Kazakhstan accused Uzbekistan of delaying water releases in "
        "September 2022. Kazakhstan and Uzbekistan held talks in Astana on 15 September 2022. "
        "Trade between Kazakhstan and Uzbekistan reached $4.0 billion in 2020, officials in Astana "
        "said. Construction of the Saryagash-Keles railway between Kazakhstan and Uzbekistan "
        "began in 2022."),
}
TITLES = {"tashkent-2019": "Tokayev in Tashkent", "nur-sultan-2021": "Mirziyoyev in Nur-Sultan",
          "astana-2022": "Water row <b>and</b> talks in Astana"}


def span(doc: str, phrase: str) -> Span:
    start = TEXTS[doc].index(phrase)
    return Span(start, start + len(phrase), phrase)


def _event(doc, type_, src, tgt, phrase, date, score, quad, mode=""):
    return Event(type=type_, mode=mode, source=src, target=tgt, evidence=span(doc, phrase),
                 date=date, date_precision={4: "year", 7: "month", 10: "day"}[len(date)],
                 score=score, quad=quad, trigger=phrase.split()[2])


def corpus() -> list[tuple[Document, Facts]]:
    a, b, c = "tashkent-2019", "nur-sultan-2021", "astana-2022"
    dates = {a: "2019-04-10", b: "2021-12-06", c: "2022-09-15"}
    docs = {d: Document(id=d, text=TEXTS[d], date=dates[d], title=TITLES[d],
                        source="Steppe Test Wire", url=f"https://example.org/{d}", language="en")
            for d in TEXTS}
    trade = "trade_turnover"
    return [
        (docs[a], Facts(id=a, events=[
            _event(a, "CONSULT", [TOKAYEV], [UZB],
                   "Kazakh President Tokayev paid a state visit to Uzbekistan on 10 April 2019",
                   "2019-04-10", 4.0, 1, "visit"),
            _event(a, "SUPPORT", [KAZ, UZB], [KAZ, UZB],
                   "Kazakhstan and Uzbekistan signed a Strategic Partnership Declaration",
                   "2019-04-10", 5.0, 1),
            _event(a, "AGREE", [KAZ, UZB], [KAZ, UZB],
                   "The presidents agreed to establish a Kazakh-Uzbek Supreme Interstate Council",
                   "2019-04-10", 2.5, 1)],
            figures=[Figure(trade, 3e9, "USD", ["KAZ", "UZB"],
                            span(a, "Trade between Kazakhstan and Uzbekistan reached $3 billion in 2018"),
                            period="2018"),
                     Figure(trade, 5e9, "USD", ["KAZ", "UZB"],
                            span(a, "Trade between Kazakhstan and Uzbekistan reached $3 billion in 2018, "
                                    "and both sides aim for $5 billion by 2020"),
                            kind="target", deadline="2020")],
            agreements=[Agreement("Strategic Partnership Declaration", ["KAZ", "UZB"],
                                  span(a, "Kazakhstan and Uzbekistan signed a Strategic Partnership "
                                          "Declaration in Tashkent"),
                                  date="2019-04-10", kind="declaration")])),
        (docs[b], Facts(id=b, events=[
            _event(b, "CONSULT", [MIRZIYOYEV], [KAZ],
                   "Uzbekistan's President Mirziyoyev visited Kazakhstan on 6 December 2021",
                   "2021-12-06", 4.0, 1, "visit"),
            _event(b, "CONSULT", [TOKAYEV], [UZB],
                   "the visit Tokayev of Kazakhstan made to Uzbekistan in April 2019",
                   "2019-04", 4.0, 1, "visit")],
            figures=[Figure(trade, 3.5e9, "USD", ["KAZ", "UZB"],
                            span(b, "Trade between Kazakhstan and Uzbekistan reached $3.5 billion in 2020"),
                            period="2020")],
            agreements=[Agreement("Strategic Partnership Declaration", ["KAZ", "UZB"],
                                  span(b, "Kazakhstan and Uzbekistan recalled the Strategic "
                                          "Partnership Declaration of 2019"),
                                  date="2019", kind="declaration")],
            projects=[Project("Saryagash-Keles railway", "railway", ["KAZ", "UZB"],
                              span(b, "A railway from Saryagash to Keles between Kazakhstan and "
                                      "Uzbekistan was agreed in 2021"),
                              status=[("2021", "agreed")])])),
        (docs[c], Facts(id=c, events=[
            _event(c, "ACCUSE", [KAZ], [UZB],
                   "Kazakhstan accused Uzbekistan of delaying water releases in September 2022",
                   "2022-09", -3.0, 3),
            _event(c, "CONSULT", [KAZ, UZB], [KAZ, UZB],
                   "Kazakhstan and Uzbekistan held talks in Astana on 15 September 2022",
                   "2022-09-15", 2.5, 1)],
            figures=[Figure(trade, 4e9, "USD", ["KAZ", "UZB"],
                            span(c, "Trade between Kazakhstan and Uzbekistan reached $4.0 billion in 2020"),
                            period="2020")],
            projects=[Project("Saryagash-Keles railway", "railway", ["KAZ", "UZB"],
                              span(c, "Construction of the Saryagash-Keles railway between "
                                      "Kazakhstan and Uzbekistan began in 2022"),
                              status=[("2022", "under_construction")])])),
    ]


def fill(store: Store) -> Store:
    for doc, facts in corpus():
        save_document(store, doc, facts)
    link_occurrences(store)
    return store
