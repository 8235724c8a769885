"""Events that a sentence only frames: a meeting named as the occasion of an act to come,
acts told as a trend, organisations named as a setting.

Every sentence here is written for these tests (none is taken from an evaluation corpus).
"""

from __future__ import annotations

import pytest

from steppe.facts import Document

STORY = ("Kazakhstan and Kyrgyzstan signed a border treaty in Astana on Monday. "
         "Kazakhstan thanked Kyrgyzstan for its patience. ")


def _events(ex, sentence, story=STORY):
    facts = ex.extract(Document(id="t", text=story + sentence, date="2023-06-01"))
    return [e for e in facts.events if e.evidence.start >= len(story)]


# -- a meeting right before or after an act to come is to come as well (PLOVER 2.3, 3.1) ---

@pytest.mark.parametrize("sentence", [
    "Following the talks, Tokayev and Japarov will sign a joint statement.",
    "After the negotiations, the two presidents will adopt a declaration.",
])
def test_a_meeting_before_a_planned_act_is_planned_too(extractor, sentence):
    evs = _events(extractor, sentence)
    assert evs and all(e.modality == "planned" for e in evs), evs
    assert not any(e.type == "CONSULT" for e in evs), evs


def test_a_meeting_with_a_time_of_its_own_stays_asserted(extractor):
    evs = _events(extractor, "After last week's talks, the two presidents will sign a joint statement.")
    assert any(e.type == "CONSULT" and e.modality == "asserted" for e in evs), evs


def test_a_past_act_after_a_meeting_leaves_the_meeting_asserted(extractor):
    evs = _events(extractor, "Following the talks in Bishkek, Tokayev and Japarov adopted a declaration.")
    assert any(e.type == "CONSULT" and e.modality == "asserted" for e in evs), evs
