"""Merge the same agreement reported under different names across documents.

"Declaration on Allied Relations", "the declaration on allied relations signed in December
2021" and "Declaration of Allied Relations" are one agreement: same parties, compatible
dates (same year, or one unknown) and names that share most content words once
normalised. Pure functions over facts; no storage.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from steppe.facts import Agreement
from steppe.names import agreement_key, content_stems, packaged_names

__all__ = ["AgreementCluster", "agreement_key", "merge_agreements", "same_agreement"]

def _year(date: str | None) -> str | None:
    return date[:4] if date else None


def _names_match(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return False
    shared = len(a & b)
    return shared / min(len(a), len(b)) >= 0.75 and shared / max(len(a), len(b)) >= 0.5


def same_agreement(a: Agreement, b: Agreement) -> bool:
    """Whether two records name the same agreement (parties, year, name overlap)."""
    if sorted(set(a.parties)) != sorted(set(b.parties)):
        return False
    ya, yb = _year(a.date), _year(b.date)
    if ya and yb and ya != yb:
        return False
    return _names_match(content_stems(a.name), content_stems(b.name))


@dataclass
class AgreementCluster:
    """One agreement and every (document id, record) that reports it."""

    name: str
    parties: list[str]
    date: str | None
    kind: str
    members: list[tuple[str, Agreement]] = field(default_factory=list)

    @property
    def key(self) -> str:
        return agreement_key(self.name)

    @property
    def documents(self) -> list[str]:
        return sorted({doc for doc, _ in self.members})

    def accepts(self, agreement: Agreement) -> bool:
        # The cluster's date is checked too: an undated member must not bridge two years.
        ya, yc = _year(agreement.date), _year(self.date)
        if ya and yc and ya != yc:
            return False
        return any(same_agreement(agreement, member) for _, member in self.members)

    def add(self, doc_id: str, agreement: Agreement) -> None:
        self.members.append((doc_id, agreement))
        # The most precise date and the shortest capitalised name stand for the cluster.
        if agreement.date and (self.date is None or len(agreement.date) > len(self.date)):
            self.date = agreement.date
        if _is_title(agreement.name) and (not _is_title(self.name)
                                          or len(agreement.name) < len(self.name)):
            self.name = agreement.name
            self.kind = agreement.kind


def _is_title(name: str) -> bool:
    words = [w for w in name.split() if w.lower() not in packaged_names().stopwords]
    return bool(words) and all(w[0].isupper() or not w[0].isalpha() for w in words)


def merge_agreements(items: list[tuple[str, Agreement]]) -> list[AgreementCluster]:
    """Group (document id, agreement) pairs that name the same agreement, in input order."""
    clusters: list[AgreementCluster] = []
    for doc_id, agreement in items:
        target = next((c for c in clusters if c.accepts(agreement)), None)
        if target is None:
            target = AgreementCluster(name=agreement.name, parties=sorted(set(agreement.parties)),
                                      date=None, kind=agreement.kind)
            clusters.append(target)
        target.add(doc_id, agreement)
    return clusters
