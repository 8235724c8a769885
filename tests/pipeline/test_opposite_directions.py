"""Acts and flows between the same states with other sides (opposite directions, one-way
and joint) stay two facts; a mutual act (a meeting) told from either side stays one.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from steppe.facts import Actor, Document, Event, Span
from steppe.pipeline.lexicon import load_lexicon
from steppe.pipeline.occurrences import merge_occurrences as merge

# The mutual types as the packaged plover.yaml lists them.
RECIPROCAL = load_lexicon("en").coding.reciprocal


def merge_occurrences(events: list[Event]) -> list[Event]:
    return merge(events, RECIPROCAL)


def _event(etype: str, source: str, target: str) -> Event:
    return Event(type=etype, source=[Actor(code=source)], target=[Actor(code=target)],
                 evidence=Span(0, 4, "text"), date="2023-05-08", date_precision="day")


def test_reversed_one_way_acts_are_two_occurrences():
    merged = merge_occurrences([_event("ACCUSE", "KAZ", "KGZ"), _event("ACCUSE", "KGZ", "KAZ"),
                                _event("ACCUSE", "KAZ", "KGZ")])
    assert sorted((e.source[0].code, e.target[0].code) for e in merged) == [("KAZ", "KGZ"), ("KGZ", "KAZ")]


def test_praise_and_a_joint_signing_are_two_occurrences():
    signing = Event(type="SUPPORT", source=[Actor(code="KAZ"), Actor(code="TUR")],
                    target=[Actor(code="KAZ"), Actor(code="TUR")], evidence=Span(0, 4, "text"),
                    date="2023-05-08", date_precision="day")
    assert len(merge_occurrences([signing, _event("SUPPORT", "KAZ", "TUR")])) == 2


def test_a_meeting_told_from_either_side_is_one():
    assert len(merge_occurrences([_event("CONSULT", "UZB", "TJK"), _event("CONSULT", "TJK", "UZB")])) == 1


def _sides(facts, etype):
    return sorted(([a.code for a in e.source], [a.code for a in e.target]) for e in facts.events if e.type == etype)


def test_mutual_accusations_in_english(extractor):
    text = ("On Monday Kazakhstan accused Kyrgyzstan of violating the border deal. "
            "On Monday Kyrgyzstan accused Kazakhstan of violating the border deal.")
    facts = extractor.extract(Document(id="t", text=text, date="2023-05-10"))
    assert _sides(facts, "ACCUSE") == [(["KAZ"], ["KGZ"]), (["KGZ"], ["KAZ"])]


def test_mutual_accusations_and_trade_both_ways_in_russian(extractor):
    text = ("В понедельник Казахстан обвинил Кыргызстан в нарушении договоренностей. "
            "В понедельник Кыргызстан обвинил Казахстан в нарушении договоренностей. "
            "В 2022 году Казахстан экспортировал в Узбекистан товаров на 2 млрд долларов, "
            "а Узбекистан экспортировал в Казахстан товаров на 2 млрд долларов.")
    facts = extractor.extract(Document(id="t", text=text, date="2023-05-10", language="ru"))
    assert _sides(facts, "ACCUSE") == [(["KAZ"], ["KGZ"]), (["KGZ"], ["KAZ"])]
    assert sorted((f.direction["from"], f.direction["to"]) for f in facts.figures
                  if f.indicator == "exports") == [("KAZ", "UZB"), ("UZB", "KAZ")]
