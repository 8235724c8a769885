"""Only the sentences that can report an event are parsed, and NER runs only where its
entities can change the events (pipeline/prefilter.py)."""

from __future__ import annotations

import pytest

from steppe.facts import Document
from steppe.pipeline.extract import Extractor
from steppe.pipeline.factories import PIPELINES, REGISTRY, Loaded
from steppe.pipeline.nlp import parse_candidates
from steppe.pipeline.prefilter import ENTITIES, KEEP, TriggerWords
from steppe.pipeline.triggers import TriggerGrammar


@pytest.fixture(scope="module")
def trigger_words(extractor) -> TriggerWords:
    return TriggerWords(extractor.lexicon, extractor.resources.grammar,
                        TriggerGrammar.from_grammar(extractor.resources.grammar))


def lower_words(text: str) -> list[str]:
    return text.lower().replace(".", " ").split()


@pytest.mark.parametrize("sentence, worth", [
    ("Kazakhstan and Uzbekistan reached an agreement on water.", True),
    ("Kazakhstan and Uzbekistan reached a deal on water.", True),
    ("Trade between Kazakhstan and Uzbekistan reached $4.2 billion.", False),  # "reach" + ?
    ("Kazakh officials said Kyrgyzstan must reopen the border.", True),       # a demand
    ("Kazakh officials said the talks were useful.", True),                   # "talks"
    ("The weather in Kazakhstan was mild.", False),
])
def test_a_sentence_is_parsed_only_with_all_the_words_of_a_trigger(trigger_words, sentence, worth):
    assert trigger_words.may_trigger(lower_words(sentence)) is worth


def test_entities_are_asked_for_unknown_names_and_triggers_near_dates(extractor, trigger_words):
    nlp = extractor.nlp

    def verdict(sentence: str, known: list[tuple[int, int]]) -> int:
        with nlp.select_pipes(disable=["ner"]):
            return trigger_words.triage(nlp(sentence), 0, known)

    # Both actors are knowledge-base names: no entity can change the event.
    s = "Kazakhstan accused Uzbekistan of violating the agreement."
    assert verdict(s, [(0, 10), (20, 30)]) == KEEP
    # A name the knowledge base lacks: NER may make it an actor.
    s = "Kazakhstan accused Zarnovia Holdings of violating the agreement."
    assert verdict(s, [(0, 10)]) == ENTITIES
    # A trigger word beside a number or a date may be part of an amount or of the date,
    # unless it is a tensed verb.
    s = "Kazakhstan announced an export ban for 40 days on grain to Russia."
    assert verdict(s, [(0, 10), (59, 65)]) == ENTITIES
    s = "Kazakhstan imported 40 tonnes of grain from Russia."
    assert verdict(s, [(0, 10), (44, 50)]) == KEEP
    # No trigger is found: the sentence yields no event and is not kept.
    s = "Kazakhstan is a large country north of Uzbekistan."
    assert verdict(s, [(0, 10), (39, 49)]) == 0


TEXTS = [
    "Kazakhstan and Uzbekistan signed a treaty on water use in Tashkent on 4 March 2024.",
    "Zarnovia Holdings accused Kyrgyzstan of seizing its trucks at the border last week.",
    "Tajikistan sent 40 tonnes of flour to Afghanistan. The coming weeks will see more aid.",
    "Uzbek President Shavkat Mirziyoyev met Kazakh President Tokayev in Astana on Monday. "
    "They discussed water, energy and the border; Uzbekistan said Kazakhstan must reopen "
    "two checkpoints. Trade reached $4 billion in 2023.",
    "Mr Strike, a Kyrgyz official, said Kyrgyzstan will march with Tajikistan in May.",
    # A fronted date and a named person as the object: read without NER all the same.
    "On 9 April Turkmenistan stopped deliveries to Uzbekistan, the Uzbek ministry said.",
    "Tajikistan and Kyrgyzstan traded fire. Tajikistan then condemned Abdullo Rahimov.",
]


def test_the_triaged_parse_gives_the_events_of_the_full_parse(extractor, monkeypatch):
    class FullParse:
        """Every candidate parsed with the whole model, NER included."""

        def __init__(self, loaded: Loaded) -> None:
            self.nlp = loaded.nlp

        def pipe(self, ctxs) -> None:
            parse_candidates(self.nlp, ctxs)

    monkeypatch.setitem(REGISTRY, "test.fullparse.v1", FullParse)
    names = [("test.fullparse.v1" if n == "steppe.parse.v1" else n) for n in PIPELINES["en"]]
    full = Extractor(nlp=extractor.nlp, resources=extractor.resources, pipelines={"en": names})
    docs = [Document(id=str(i), text=t, date="2024-03-05") for i, t in enumerate(TEXTS)]
    got = [f.to_json() for _, f in extractor.extract_many(docs)]
    want = [f.to_json() for _, f in full.extract_many(docs)]
    assert sum(len(f["events"]) for f in want) >= 5
    assert got == want
