"""A demand's recipient is the one asked to act (PLOVER 3.8), and access goes to the one let
in (3.7): the subject of the clause that says what is demanded or allowed, not a state named
inside it."""

from __future__ import annotations

import pytest

from coded import found


@pytest.mark.parametrize("text, source, target", [
    # without the rule: KAZ -> KAZ, TJK -> AFG, EU -> RUS (a state inside what is asked)
    ("Kazakhstan demanded that Kyrgyzstan open its market to Kazakh flour, the trade minister said.",
     {"KAZ"}, {"KGZ"}),
    ("Tajikistan demanded that Uzbekistan protect its trucks on the road to the Afghan border.",
     {"TJK"}, {"UZB"}),
    ("The European Union demanded that Kazakhstan stop the re-export of Russian goods.",
     {"IGO"}, {"KAZ"}),
])
def test_the_subject_of_the_demanded_clause_is_the_recipient(extractor, text, source, target):
    assert ("REQUEST", source, target) in found(extractor, text)


def test_an_object_of_asking_stays_the_recipient(extractor):
    assert ("REQUEST", {"UZB"}, {"KAZ"}) in found(
        extractor, "Uzbekistan asked Kazakhstan to reopen the border crossings near Saryagash.")


def test_the_third_party_let_in_is_the_recipient_of_access(extractor):
    # without the rule the recipient was Turkmenistan itself (the place of the vote)
    assert ("RETREAT", {"TKM"}, {"IGO"}) in found(
        extractor, "Turkmenistan allowed OSCE observers to monitor the vote in Ashgabat.")


def test_an_appeal_made_at_a_meeting_is_addressed_to_whom_was_met(extractor):
    # No one is named as asked: the meeting it was made at says to whom.
    got = found(extractor, "At the summit with Brazilian President Lula, Argentine President "
                           "Milei called for closer cooperation in energy.")
    assert ("REQUEST", {"ARG"}, {"BRA"}) in got
