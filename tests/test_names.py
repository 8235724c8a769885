"""Agreement name keys (steppe/names.py) from a vocabulary built from a Grammar."""

from __future__ import annotations

from steppe.names import AgreementNames, agreement_key
from steppe.words import Grammar


def test_two_wordings_of_one_agreement_share_a_key():
    names = AgreementNames(Grammar())
    a = names.key("Memorandum on the Valdoria-Zerania Road Map")
    b = names.key("the MoU on the Valdoria Zerania roadmap signed in March 2019")
    assert a == b and "valdoria" in a and "march" not in a


def test_a_vocabulary_built_from_the_packaged_grammar_gives_the_stored_key():
    names = AgreementNames(Grammar())
    title = "Treaty on Strategic Partnership and Allied Relations"
    assert names.key(title) == agreement_key(title) != agreement_key("Treaty on Friendship")
