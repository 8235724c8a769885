"""A rejection or accusation of what someone said is aimed at whoever said it.

Every sentence here is written for these tests (none is taken from an evaluation corpus).
"""

from __future__ import annotations

import pytest

from coded import found


@pytest.mark.parametrize("text,type_,source,target", [
    # the parser reads "Kyrgyz claims that ..." as a clause whose subject is "Kyrgyz"
    ("Tajikistan denied Kyrgyz claims that its troops had crossed the border.",
     "REJECT", {"TJK"}, {"KGZ"}),
    ("Tajikistan denied Kyrgyz reports that its troops had crossed the border.",
     "REJECT", {"TJK"}, {"KGZ"}),
    ("Tajikistan rejected as groundless the accusations by Bishkek.", "REJECT", {"TJK"}, {"KGZ"}),
    ("Uzbekistan dismissed claims by Kazakhstan that it had closed the border.",
     "REJECT", {"UZB"}, {"KAZ"}),
])
def test_the_author_of_a_claim_is_the_recipient(extractor, text, type_, source, target):
    assert (type_, source, target) in found(extractor, text)


def test_the_author_wins_over_a_state_named_inside_the_claim(extractor):
    text = "Tajikistan denied Kyrgyz claims that its troops had shelled Uzbek villages."
    rejects = [(s, t) for ty, s, t in found(extractor, text) if ty == "REJECT"]
    assert rejects == [({"TJK"}, {"KGZ"})]
