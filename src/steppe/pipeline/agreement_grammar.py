"""The words of the agreement readers (agreement_titles, agreement_lists, agreements),
compiled once from Resources: data/agreements.yaml, the function words of
data/words/en.yaml, and the usual names of the knowledge base's states (a user's --kb
states included). The agreements component builds one (pipeline/factories.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files
from typing import TYPE_CHECKING

from steppe.names import AgreementNames
from steppe.schemas import AgreementWords, check, read_yaml

if TYPE_CHECKING:
    from steppe.kb.model import KnowledgeBase
    from steppe.resources import Resources

__all__ = ["AgreementGrammar", "load_agreement_words"]


def load_agreement_words() -> AgreementWords:
    """data/agreements.yaml, checked."""
    source = files("steppe.data") / "agreements.yaml"
    return check(AgreementWords, read_yaml(source), source)


def _any(words: list[str]) -> str:
    return "|".join(words)


def _words(pattern: list[str]) -> re.Pattern[str]:
    """A list of patterns as whole words, case-insensitive."""
    return re.compile(r"\b(?:" + _any(pattern) + r")\b", re.I)


# A capitalised name of one word or more ("Astana", "Xi'an", "Saint Petersburg").
_NAME = r"[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*"
# A time between "agreed" and what was agreed ("agreed on Friday afternoon to a ceasefire").
_WHEN = r"(?:(?:on|last|this|early|late)\s+(?:(?-i:[A-Z])\w+|\d{1,2})(?:\s+(?:morning|afternoon|evening|night))?,?\s+)?"
# A word before the noun of a venue or an occasion ("the [Kazakh] capital", "during [his
# state] visit"), not one that makes it a phrase of its own ("the field [of] capital markets").
_FILLER = r"(?:(?!(?:of|and|or)\b)[\w'\u2019-]+\s+)"


def _venue_places(kb: "KnowledgeBase", kinds: list[str]) -> frozenset[str]:
    """The names of capitals and of places of the given kinds (data/agreements.yaml:
    venue_place_kinds) in the knowledge base, leaving out any that also names a state or an
    organisation ("Kuwait"): a title may say where it applies, not where it was signed."""
    out = set()
    for surface, targets in kb.aliases.items():
        if any(eid.startswith(("state:", "igo:")) and how != "capital" for eid, how in targets):
            continue
        if any(how == "capital" or kb.place_kinds.get(eid) in kinds for eid, how in targets
               if how == "capital" or eid.startswith("place:")):
            out.add(re.sub(r"^the\s+", "", surface))
    return frozenset(out)


@dataclass(frozen=True)
class AgreementGrammar:
    """Patterns and word sets of the agreement readers (see data/agreements.yaml for each)."""

    # titles (agreement_titles.py)
    heads: re.Pattern[str]              # a head noun, one named group per kind
    interposed: re.Pattern[str]         # "was signed" between a head and its complement
    complement_start: re.Pattern[str]   # the preposition opening a complement
    phrase_prepositions: str            # an alternation: prepositions inside a complement
    title_stop: frozenset[str]          # as written
    modifier_stop: frozenset[str]
    complement_stop: frozenset[str]
    comma_stop: frozenset[str]
    # lists (agreement_lists.py)
    item_head: re.Pattern[str]          # the head of an item the head nouns do not know
    function_words: frozenset[str]
    # status, dates, parties, names (agreements.py)
    body: re.Pattern[str]               # "Organization" after a head: a body, not an agreement
    access: re.Pattern[str]
    past: re.Pattern[str]
    reached: re.Pattern[str]
    future: re.Pattern[str]
    business: re.Pattern[str]
    occasion: re.Pattern[str]
    anaphora: re.Pattern[str]
    existing: re.Pattern[str]
    negation: re.Pattern[str]
    non_signing: re.Pattern[str]        # "did not sign it": those named before it are no parties
    now: re.Pattern[str]
    group: re.Pattern[str]
    participants: re.Pattern[str]       # "the heads of state": everyone at the occasion
    igo_anaphora: re.Pattern[str]       # "the organisation": the one named last
    igo_members: re.Pattern[str]        # "leaders of the": the organisation after is its members
    purpose: re.Pattern[str]            # "a treaty fixing ...": what it does names it
    governed_by: re.Pattern[str]        # "was formalised by a": the subject names the agreement
    other_words: re.Pattern[str]        # "a separate agreement": no part of a name
    predicative: re.Pattern[str]        # "is a": an agreement described, not a new one
    venue: re.Pattern[str]              # text before a place where the signing took place
    venue_place: re.Pattern[str]        # "in Astana": a venue preposition and a capitalised name
    venue_noun: re.Pattern[str]         # "in the Kazakh capital", "in the city of Osh"
    venue_places: frozenset[str]        # names of the places a signing takes place in
    circumstance: re.Pattern[str]       # "during the state visit", "on the sidelines of"
    occasion_noun: re.Pattern[str]      # "summit", "forum": what an organisation may host
    back: re.Pattern[str]
    agreed: re.Pattern[str]
    planned_after: re.Pattern[str]
    formal_kinds: tuple[str, ...]
    unspecific: frozenset[str]          # modifiers that tell no agreement from another
    names: AgreementNames               # content words of a name, stemmed
    head_stems: frozenset[str]          # stems of the head nouns' words
    state_names: dict[str, str]         # state code -> usual English name
    igo_of_person: dict[str, str]       # person id -> the organisation they have led

    @classmethod
    def from_resources(cls, resources: "Resources") -> "AgreementGrammar":
        w = resources.agreements
        heads = _any(f"(?P<{kind}>{pattern})" for kind, pattern in w.heads.items())
        names = AgreementNames(resources.grammar, resources.russian.agreements())
        venue = r"(?i:" + _any(sorted(w.venue_prepositions, key=len, reverse=True)) + r")"
        return cls(
            heads=re.compile(r"\b(?:" + heads + r")\b", re.I),
            interposed=re.compile(
                r"\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:" + _any(w.interposed_verbs)
                + r")(?=\s+(?:for|on|of|between|to)\b)", re.I),
            complement_start=re.compile(r"\s+(?:" + _any(w.complement_prepositions) + r")\s", re.I),
            phrase_prepositions=r"(?:" + _any(w.phrase_prepositions) + r")",
            title_stop=frozenset(w.title_stop_words),
            modifier_stop=frozenset(w.modifier_stop),
            complement_stop=frozenset(w.complement_stop),
            comma_stop=frozenset(w.comma_stop),
            item_head=re.compile(r"(?P<agreement>[A-Z][a-z]{3,})(?=\s+(?:"
                                 + _any(w.item_prepositions) + r")\s)"),
            function_words=resources.grammar.words("en", "agreement_lists").set("function_words"),
            body=re.compile(r"\s+(?:" + _any(w.body_nouns) + r")\b"),
            access=re.compile(r"(?:" + _any(w.access_words) + r")\W{0,4}$", re.I),
            past=_words(w.concluded),
            reached=re.compile(r"(?:" + _any(w.reached) + r")$", re.I),
            future=_words(w.future),
            business=_words(w.business),
            occasion=_words(w.occasions),
            anaphora=_words(w.project_anaphora),
            existing=re.compile(r"\b(?:" + _any(w.existing) + r")\s*(?:(?:the|an?|this|that|its|their)\s+)?"
                                r"(?:\S+\s+)?$", re.I),
            negation=_words(w.negation),
            non_signing=_words(w.non_signing),
            now=_words(w.reported_now),
            group=_words(w.groups),
            participants=_words(w.participants),
            igo_anaphora=_words(w.igo_anaphora),
            igo_members=re.compile(r"\b(?:" + _any(w.igo_members) + r")$", re.I),
            purpose=re.compile(r"\s+(?P<verb>" + _any(w.purpose_participles)
                               + r")\s+(?P<rest>[^,;.]+)", re.I),
            governed_by=re.compile(r"\b(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?:"
                                   + _any(w.governed_by) + r")\s+(?:by|in|under)\s+(?:an?|the)\s+(?:\S+\s+)?$",
                                   re.I),
            other_words=re.compile(r"\b(?:" + _any(w.other_words) + r")\s+", re.I),
            predicative=re.compile(r"\b(?:" + _any(w.predicative) + r")$", re.I),
            venue=re.compile(r"\b(?:" + _any(sorted(w.venue_prepositions, key=len, reverse=True))
                             + r")\s+$", re.I),
            venue_place=re.compile(venue + r"\s+(?:the\s+)?(?P<place>" + _NAME + r")"),
            venue_noun=re.compile(venue + r"\s+the\s+" + _FILLER + r"{0,2}?(?:" + _any(w.venue_nouns)
                                  + r")\b(?:,?\s+(?:of\s+)?" + _NAME + r")?"),
            venue_places=_venue_places(resources.kb, w.venue_place_kinds),
            circumstance=re.compile(
                r"(?:" + _any(w.circumstance_openers) + r")\b|(?:" + _any(w.occasion_prepositions)
                + r")\s+" + _FILLER + r"{0,3}?(?:" + _any(w.occasion_nouns) + r")\b",
                re.I),
            occasion_noun=re.compile(r"\s+(?:" + _any(w.occasion_nouns) + r")\b", re.I),
            back=re.compile(r"^\S+(?:\s+of\s+understanding)?\s+(?:" + _any(w.back_reference_prepositions)
                            + r")\s+(?:" + _any(w.back_reference) + r")$", re.I),
            agreed=re.compile(
                r"\b(?:agreed|reached\s+agreement)\s+" + _WHEN + r"(?:on\s+|upon\s+|to\s+)?(?:what\s+they\s+called\s+)?"
                r"(?P<np>(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:" + _any(w.agreed_objects) + r"))\b",
                re.I),
            planned_after=re.compile(
                r"^\W*(?:(?:is|are|was|were|has|have|had|will|would|could|should|may|might)\s+)?"
                r"(?:(?:not|yet|also|now|still)\s+)?(?:be\s+)?(?:" + _any(w.planned_after) + r")\b", re.I),
            formal_kinds=tuple(w.formal_kinds),
            unspecific=frozenset(w.modifier_stop) | frozenset(w.generic_modifiers)
            | frozenset(w.other_words),
            names=names,
            head_stems=names.stems(" ".join(w.head_words)),
            state_names=dict(resources.kb.state_names),
            igo_of_person={e.id if e.id.startswith("person:") else f"person:{e.id}": r.igo
                           for e in resources.kb.entities.values() if e.kind == "person"
                           for r in e.roles if r.igo},
        )
