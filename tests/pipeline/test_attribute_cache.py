"""The cached attribute ruler gives the tokens the model's own ruler gives."""

from __future__ import annotations

import spacy

from steppe.pipeline.attribute_cache import CachedAttributeRuler
from steppe.pipeline.nlp import MODEL

SENTENCES = [
    "There is no agreement yet, but there are talks between Kazakhstan and Uzbekistan.",
    "I told you it was signed; they did not sign it, and we have it.",
    "Does Kyrgyzstan have a plan? It has, and it will present it in May.",
    "The ministers met  twice (in Tashkent and Almaty) — each time for 3-4 hours.",
    "Tajikistan's president, who had visited Dushanbe's neighbours, said that he'd return.",
]


def test_the_cached_ruler_sets_what_the_ruler_sets(extractor):
    nlp = extractor.nlp
    assert isinstance(nlp.get_pipe("attribute_ruler"), CachedAttributeRuler)
    plain = spacy.load(MODEL, exclude=["ner"])

    def tokens(doc):
        return [(t.text, t.tag_, t.pos_, t.dep_, t.lemma_, str(t.morph)) for t in doc]

    # Twice: the second time every token is read from the cache.
    for _ in range(2):
        for text in SENTENCES:
            assert tokens(nlp(text, disable=["ner"])) == tokens(plain(text))
    assert nlp.get_pipe("attribute_ruler").cache
