"""Shared fixtures: real SQLite stores and hand-built documents and facts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from steppe.facts import Actor, Agreement, Document, Event, Facts, Figure, Project, Span
from steppe.store import Store, open_store

TEXT_A = (
    "Astana, 8 August 2024. President Tokayev received President Mirziyoyev of Uzbekistan, "
    "who arrived on a state visit. Trade between Kazakhstan and Uzbekistan reached "
    "$4.1 billion in 2023, and the sides aim for $10 billion by 2030. They signed the "
    "Treaty on Allied Relations."
)
TEXT_B = (
    "Tashkent, 9 August 2024. The Uzbek leader's visit to Kazakhstan this week ended with "
    "a pledge to finish the Darbaza-Maktaaral railway. Kyrgyzstan protested a border "
    "closure by Kazakhstan in July 2024."
)


def span(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(start, start + len(phrase), phrase)


def actor(code: str, text: str = "", sector: str = "GOV", actor_id: str = "") -> Actor:
    return Actor(code=code, sector=sector, text=text or code, actor_id=actor_id)


def event(type_: str, source: list[str], target: list[str], date: str | None,
          precision: str, text: str = TEXT_A, phrase: str = "state visit",
          **kwargs: object) -> Event:
    return Event(type=type_, source=[actor(c) for c in source],
                 target=[actor(c) for c in target], evidence=span(text, phrase),
                 date=date, date_precision=precision, **kwargs)


@pytest.fixture
def doc_a() -> Document:
    return Document(id="doc-a", text=TEXT_A, date="2024-08-08", title="State visit",
                    source="Made-up Wire", url="https://example.org/a", language="en",
                    meta={"section": "politics"})


@pytest.fixture
def facts_a() -> Facts:
    uzb = Actor("UZB", "GOV", "President Mirziyoyev", actor_id="person:shavkat-mirziyoyev",
                start=TEXT_A.index("President Mirziyoyev"),
                end=TEXT_A.index("President Mirziyoyev") + len("President Mirziyoyev"))
    kaz = Actor("KAZ", "GOV", "President Tokayev", actor_id="person:kassym-jomart-tokayev",
                start=TEXT_A.index("President Tokayev"),
                end=TEXT_A.index("President Tokayev") + len("President Tokayev"))
    return Facts(
        id="doc-a",
        mentions=[uzb, kaz],
        events=[
            Event(type="CONSULT", mode="visit", source=[uzb], target=[kaz],
                  evidence=span(TEXT_A, "President Tokayev received President Mirziyoyev"),
                  date="2024-08-08", date_precision="day", confidence=0.9,
                  trigger="received", score=1.0, quad=1, cameo="04"),
            Event(type="SUPPORT", source=[actor("KAZ"), actor("UZB")],
                  target=[actor("KAZ"), actor("UZB")],
                  evidence=span(TEXT_A, "They signed the Treaty on Allied Relations"),
                  date="2024-08-08", date_precision="day", trigger="signed"),
        ],
        figures=[
            Figure(indicator="trade_turnover", value=4.1e9, unit="USD", parties=["UZB", "KAZ"],
                   evidence=span(TEXT_A, "reached $4.1 billion in 2023"), period="2023"),
            Figure(indicator="trade_turnover", value=1e10, unit="USD", parties=["KAZ", "UZB"],
                   evidence=span(TEXT_A, "$10 billion by 2030"), kind="target",
                   deadline="2030"),
        ],
        agreements=[
            Agreement(name="Treaty on Allied Relations", parties=["KAZ", "UZB"],
                      evidence=span(TEXT_A, "Treaty on Allied Relations"),
                      date="2024-08-08", kind="treaty"),
        ],
    )


@pytest.fixture
def doc_b() -> Document:
    return Document(id="doc-b", text=TEXT_B, date="2024-08-09", title="Railway pledge")


@pytest.fixture
def facts_b() -> Facts:
    return Facts(
        id="doc-b",
        events=[
            event("CONSULT", ["UZB"], ["KAZ"], "2024-08-06", "day", TEXT_B,
                  "The Uzbek leader's visit to Kazakhstan", mode="visit"),
            event("PROTEST", ["KGZ"], ["KAZ"], "2024-07", "month", TEXT_B,
                  "Kyrgyzstan protested a border closure"),
        ],
        projects=[
            Project(name="Darbaza-Maktaaral railway", kind="railway", parties=["KAZ", "UZB"],
                    evidence=span(TEXT_B, "Darbaza-Maktaaral railway"),
                    status=[("2024-08-09", "planned")]),
        ],
    )


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:
    with open_store(f"sqlite:///{tmp_path / 'steppe.db'}") as s:
        yield s


@pytest.fixture
def memory_store() -> Iterator[Store]:
    with open_store("sqlite://") as s:
        yield s


@pytest.fixture
def filled(store: Store, doc_a, facts_a, doc_b, facts_b) -> Store:
    from steppe.store import save_document

    save_document(store, doc_a, facts_a)
    save_document(store, doc_b, facts_b)
    return store
