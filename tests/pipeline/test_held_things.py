"""A state adjective on a single thing the state holds (a ship, a tanker, a consulate) makes
the state a party, as the plural does ("Israeli positions" in PLOVER's examples)."""

from __future__ import annotations

import pytest

from coded import found


@pytest.mark.parametrize("text, expected", [
    # without the singular nouns: the place ("Aden", "the Turkmen coast") took the recipient
    ("Somali pirates hijacked a Kazakh tanker in the Gulf of Aden.", ("ASSAULT", {"SOM"}, {"KAZ"})),
    ("Iranian forces seized a Kazakh trawler near the Turkmen coast.", ("COERCE", {"IRN"}, {"KAZ"})),
])
def test_a_held_thing_stands_for_its_state(extractor, text, expected):
    kinds = [(t, s, r) for t, s, r in found(extractor, text)]
    assert expected in kinds, kinds
