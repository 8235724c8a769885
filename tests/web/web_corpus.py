"""A small corpus of our own sentences, stored for the API, fuzz and browser tests."""

from __future__ import annotations

from steppe.facts import Actor, Agreement, Document, Event, Facts, Figure, Project, Span
from steppe.store import Store, link_occurrences, open_store, save_document

KAZ = Actor("KAZ", "GOV", "Kazakhstan", actor_id="state:KAZ")
UZB = Actor("UZB", "GOV", "Uzbekistan", actor_id="state:UZB")
KGZ = Actor("KGZ", "GOV", "Kyrgyzstan", actor_id="state:KGZ")
TOKAYEV = Actor("KAZ", "GOV", "Tokayev", actor_id="person:kassym-jomart-tokayev")
CSTO = Actor("IGO", "MIL", "CSTO", actor_id="igo:CSTO")

TEXTS = {
    "visit-2021": ("Tashkent, 6 March 2021. Tokayev arrived in Uzbekistan for talks on water "
                   "and gas. Trade between the two reached $3.1 billion in 2020, and the leaders "
                   "want $10 billion by 2030. They signed a Treaty on Good Neighbourliness."),
    "border-2022": ("Bishkek, 2 May 2022. Kyrgyzstan accused Uzbekistan of moving border posts "
                    "near the reservoir. Uzbekistan rejected the claim. Kazakhstan offered "
                    "mediation. Trade between Kazakhstan and Uzbekistan reached $4.2 billion in 2020."),
    "summit-2023": ("Astana, 10 July 2023. Kazakhstan and Uzbekistan agreed to build a railway "
                    "from Darbaza to Maktaaral. The CSTO praised the calm on the borders."),
}


def _span(doc: str, phrase: str) -> Span:
    start = TEXTS[doc].index(phrase)
    return Span(start, start + len(phrase), phrase)


def _event(doc: str, type_: str, src: list[Actor], tgt: list[Actor], phrase: str, date: str,
           score: float, quad: int, modality: str = "asserted") -> Event:
    return Event(type=type_, source=src, target=tgt, evidence=_span(doc, phrase), date=date,
                 date_precision={4: "year", 7: "month", 10: "day"}[len(date)],
                 modality=modality, score=score, quad=quad, trigger=phrase.split()[1])


def small_corpus() -> list[tuple[Document, Facts]]:
    """Three documents, seven events over three years, figures, an agreement, a project."""
    v, b, s = "visit-2021", "border-2022", "summit-2023"
    return [
        (Document(id=v, text=TEXTS[v], date="2021-03-06", title="Tokayev in Tashkent",
                  source="Test Wire", url="https://example.org/visit", language="en"),
         Facts(id=v, mentions=[TOKAYEV],
               events=[_event(v, "CONSULT", [TOKAYEV], [UZB], "Tokayev arrived in Uzbekistan for talks",
                              "2021-03-06", 1.0, 1),
                       _event(v, "SUPPORT", [KAZ, UZB], [KAZ, UZB],
                              "They signed a Treaty on Good Neighbourliness", "2021-03-06", 3.5, 1)],
               figures=[Figure("trade_turnover", 3.1e9, "USD", ["KAZ", "UZB"],
                               _span(v, "reached $3.1 billion in 2020"), period="2020"),
                        Figure("trade_turnover", 1e10, "USD", ["KAZ", "UZB"],
                               _span(v, "$10 billion by 2030"), kind="target", deadline="2030")],
               agreements=[Agreement("Treaty on Good Neighbourliness", ["KAZ", "UZB"],
                                     _span(v, "Treaty on Good Neighbourliness"), date="2021-03-06",
                                     kind="treaty", signing_event=1)])),
        (Document(id=b, text=TEXTS[b], date="2022-05-02", title="Border row", source="Test Wire",
                  url="https://example.org/border"),
         Facts(id=b,
               events=[_event(b, "ACCUSE", [KGZ], [UZB], "Kyrgyzstan accused Uzbekistan of moving border posts",
                              "2022-05-02", -3.0, 3),
                       _event(b, "REJECT", [UZB], [KGZ], "Uzbekistan rejected the claim", "2022-05-02", -4.0, 3),
                       _event(b, "AGREE", [KAZ], [KGZ, UZB], "Kazakhstan offered mediation", "2022-05", 2.5, 1,
                              modality="planned")],
               figures=[Figure("trade_turnover", 4.2e9, "USD", ["KAZ", "UZB"],
                               _span(b, "reached $4.2 billion in 2020"), period="2020")])),
        (Document(id=s, text=TEXTS[s], date="2023-07-10", title="Railway agreed", source="Test Wire"),
         Facts(id=s,
               events=[_event(s, "AGREE", [KAZ], [UZB], "Kazakhstan and Uzbekistan agreed to build a railway",
                              "2023-07-10", 2.5, 1),
                       _event(s, "SUPPORT", [CSTO], [KAZ, UZB], "The CSTO praised the calm", "2023-07", 3.5, 1)],
               projects=[Project("Darbaza-Maktaaral railway", "railway", ["KAZ", "UZB"],
                                 _span(s, "a railway from Darbaza to Maktaaral"),
                                 status=[("2023-07-10", "agreed")])])),
    ]


def fill(store: Store, extra: list[tuple[Document, Facts]] = ()) -> Store:
    for doc, facts in [*small_corpus(), *extra]:
        save_document(store, doc, facts)
    link_occurrences(store)
    return store


