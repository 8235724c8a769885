import pytest

from steppe.analysis.agreements import agreement_key, merge_agreements, same_agreement
from steppe.facts import Agreement, Span


def agr(name: str, parties=("KGZ", "TJK"), date: str | None = None) -> Agreement:
    return Agreement(name=name, parties=list(parties), date=date, evidence=Span(0, 0, ""))


@pytest.mark.parametrize("a,b", [
    ("Declaration on Allied Relations", "declaration of allied relations"),
    ("Declaration on Allied Relations",
     "the declaration on allied relations signed in December 2021"),
    ("Road map for the Rogun HPP", "roadmap for the Rogun HPP"),
    ("Memorandum of understanding on water", "MoU on water"),
    ("Treaty on Strategic Partnership", "Treaty of Strategic Partnership"),
])
def test_same_key_for_variants(a, b):
    assert same_agreement(agr(a), agr(b))


@pytest.mark.parametrize("a,b", [
    ("Treaty of Eternal Friendship", "Treaty on Strategic Partnership"),
    ("Agreement on transit", "Agreement on water sharing in the Chu basin"),
])
def test_different_agreements(a, b):
    assert not same_agreement(agr(a), agr(b))


def test_agreement_key_is_sorted_stems():
    assert agreement_key("The Declaration on Allied Relations") == \
        agreement_key("allied relations, declaration of")


def test_merge_respects_parties_and_years():
    items = [
        ("d1", agr("Declaration on Allied Relations", ("KAZ", "UZB"), "2021-12-06")),
        ("d2", agr("the declaration on allied relations signed in December 2021",
                   ("UZB", "KAZ"), None)),
        ("d3", agr("Declaration of Allied Relations", ("KAZ", "UZB"), "2021")),
        ("d4", agr("Declaration on Allied Relations", ("KGZ", "UZB"), "2021")),
        ("d5", agr("Declaration on Allied Relations", ("KAZ", "UZB"), "2015")),
    ]
    clusters = merge_agreements(items)
    assert [c.documents for c in clusters] == [["d1", "d2", "d3"], ["d4"], ["d5"]]
    first = clusters[0]
    assert (first.name, first.date, first.parties) == \
        ("Declaration on Allied Relations", "2021-12-06", ["KAZ", "UZB"])


def test_merge_empty():
    assert merge_agreements([]) == []
