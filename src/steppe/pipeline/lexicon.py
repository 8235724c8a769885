"""The trigger lexicon (data/triggers/en.yaml) and the PLOVER tables (data/plover.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib.resources import files

from pathlib import Path
from typing import Iterable

from lemminflect import getAllInflections

from steppe.errors import ConfigError
from steppe.facts import PLOVER_TYPES
from steppe.schemas import PloverFile, TriggerEntry, TriggerFile, check, read_yaml

@dataclass(frozen=True)
class Trigger:
    lemmas: tuple[str, ...]
    pos: str
    type: str
    mode: str = ""
    gap: int = 0
    needs_object: frozenset[str] = frozenset()
    # ... and never when it has one of these ("released a statement", "a press release").
    not_object: frozenset[str] = frozenset()
    weight: float = 1.0
    reciprocal: bool = False
    reversed: bool = False       # the subject is the host/target ("host", "receive")
    judge: bool = False          # a predicate judging something: the judge is the source
    cause: bool = False          # "fled after X's offensive": who caused it is the source
    # "a reliable partner": who calls or reports it so is the source, else the one it is a
    # partner of; the one appraised is the target
    appraisal: bool = False
    derived: bool = False        # from the CAMEO-derived lexicon, not written by hand
    # An act that looks ahead by its nature ("invited X to visit"): said as done, it is planned.
    planned: bool = False
    # An act that is an event only as a goal set ("intend to raise trade to $5 billion"): told
    # as done it is a level reached, a figure, and codes nothing.
    goal: bool = False
    # The inflected forms of each word after the first (lemminflect), matched when the
    # tagger gives one of them a stray lemma.
    later_forms: tuple[frozenset[str], ...] = ()


@dataclass(frozen=True)
class Cues:
    """Words that set an event's modality (see the `modality` section of the lexicon)."""

    future_aux: frozenset[str] = frozenset()
    refusal_aux: frozenset[str] = frozenset()
    hypothetical_aux: frozenset[str] = frozenset()
    obligation_aux: frozenset[str] = frozenset()
    negating_governors: frozenset[str] = frozenset()
    doubting_governors: frozenset[str] = frozenset()
    doubting_marks: frozenset[str] = frozenset()
    planning_governors: frozenset[str] = frozenset()
    future_words: frozenset[str] = frozenset()
    reporting_verbs: frozenset[str] = frozenset()


@dataclass(frozen=True)
class TypeRules:
    """How the event coder treats PLOVER types (the `coding` section of plover.yaml)."""

    cooperative: frozenset[str] = frozenset()
    future_agree: frozenset[str] = frozenset()
    unnamed_recipient_is_other_party: frozenset[str] = frozenset()
    unseen_agent: frozenset[str] = frozenset()
    needs_target: frozenset[str] = frozenset()
    no_recipient_modes: frozenset[str] = frozenset()
    absorbs_meeting: frozenset[str] = frozenset()
    reciprocal: frozenset[str] = frozenset()
    territorial_agent: frozenset[str] = frozenset()
    forces_act: frozenset[str] = frozenset()
    declared_retreats: frozenset[str] = frozenset()
    threatened_as: dict[str, str] = field(default_factory=dict)
    announced_threats: frozenset[str] = frozenset()
    promised_threats: frozenset[str] = frozenset()
    joint_as: dict[str, str] = field(default_factory=dict)
    joint_force_as: dict[str, str] = field(default_factory=dict)
    relief_as: dict[str, str] = field(default_factory=dict)
    given_as_aid: frozenset[str] = frozenset()
    placed_agent: frozenset[str] = frozenset()
    leaving_body_as: dict[str, str] = field(default_factory=dict)
    disaster_modes: frozenset[str] = frozenset()
    appraisals: frozenset[str] = frozenset()
    answered_claims: frozenset[str] = frozenset()
    offers_appraised: frozenset[str] = frozenset()
    reported_harm: frozenset[str] = frozenset()
    border_acts: frozenset[str] = frozenset()
    caused_by_acts: frozenset[str] = frozenset()
    said_attacks: frozenset[str] = frozenset()
    domestic_sectors: frozenset[str] = frozenset()


@dataclass
class Lexicon:
    triggers: dict[str, list[Trigger]] = field(default_factory=dict)   # first lemma -> entries
    surfaces: frozenset[str] = frozenset()                             # forms for the pre-filter
    # Inflected form -> the first lemmas it inflects (lemminflect), for a token whose lemma
    # the tagger got wrong ("cordoned" lemmatised as "cordone", "raped" as "rap").
    forms: dict[str, frozenset[str]] = field(default_factory=dict)
    cues: Cues = field(default_factory=Cues)
    plover: dict[str, dict] = field(default_factory=dict)
    coding: TypeRules = field(default_factory=TypeRules)

    def entries_at(self, tok) -> list[Trigger]:
        """The entries whose first word is this token: by its lemma or, when that lemma
        codes nothing, by its surface as an inflection of an entry's first word."""
        found = self.triggers.get(tok.lemma_.lower())
        if found:
            return found
        return [t for lemma in sorted(self.forms.get(tok.lower_, ())) for t in self.triggers[lemma]]

    def score(self, type_: str, mode: str) -> tuple[float | None, int | None, str | None]:
        """PLOVER score, quad class and CAMEO root of a type (and mode)."""
        t = self.plover.get(type_) or {}
        modes = t.get("modes") or {}
        score = modes.get(mode, t.get("score")) if mode else t.get("score")
        return score, t.get("quad"), t.get("cameo")


def load_lexicon(language: str = "en", user_files: Iterable[Path] = ()) -> Lexicon:
    """Trigger lexicon and PLOVER tables from the package data, with a user's trigger files
    (--lexicon DIR/triggers.yaml) added: a lemma a user file codes loses its packaged entries."""
    base = files("steppe.data")
    packaged = base / "triggers" / f"{language}.yaml"
    raw = check(TriggerFile, read_yaml(packaged), packaged)
    plover = check(PloverFile, read_yaml(base / "plover.yaml"), base / "plover.yaml")
    entries = [(e, lemma) for e, lemma in _expand(raw.triggers)]
    user: list[tuple[TriggerEntry, str]] = []
    for path in user_files:
        user += _expand(check(TriggerFile, read_yaml(path), path).triggers)
    overridden = {split_lemmas(lemma)[0] for _, lemma in user}
    lex = Lexicon(plover={k: v.model_dump() for k, v in plover.types.items()},
                  coding=TypeRules(**{k: dict(v) if isinstance(v, dict) else frozenset(v)
                                       for k, v in plover.coding.model_dump().items()}))
    surfaces: set[str] = set()
    for e, lemma in [(e, lemma) for e, lemma in entries if split_lemmas(lemma)[0] not in overridden] + user:
        _add(lex, _trigger(e.model_dump(), lemma), surfaces)
    hand = set(lex.triggers)
    derived = base / "triggers" / f"cameo_{language}.tsv"
    if derived.is_file():
        # The broad lexicon derived from CAMEO (scripts/derive_cameo_lexicon.py) adds verbs
        # the hand lexicon lacks; a word en.yaml already codes keeps its hand entries (they
        # know its ambiguity: "sue" is an accusation, not CAMEO's coercion).
        for line in derived.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            lemma, type_, _cameo, mode, roles = (line.split("\t") + [""] * 5)[:5]
            trig = _trigger({"type": type_, "mode": mode, "roles": roles}, lemma, derived=True)
            if trig.lemmas[0] not in hand:
                _add(lex, trig, surfaces)
    lex.surfaces = frozenset(surfaces)
    forms: dict[str, set[str]] = {}
    for lemma in lex.triggers:
        for form in _inflected(lemma) - {lemma}:
            forms.setdefault(form, set()).add(lemma)
    lex.forms = {f: frozenset(ls) for f, ls in forms.items()}
    if raw.modality is not None:
        lex.cues = Cues(**{k: frozenset(str(w).lower() for w in v) for k, v in raw.modality.model_dump().items()})
    return lex


# Derived entries count for less than hand-written ones (ambiguity is not marked in
# CAMEO) and may have modifiers between their words ("strained [their] relations").
DERIVED_WEIGHT = 0.7
DERIVED_GAP = 3


def _trigger(e: dict, lemma: str, derived: bool = False) -> Trigger:
    t = str(e.get("type", "")).upper()
    if t not in PLOVER_TYPES:
        raise ConfigError(f"trigger {e!r}: unknown PLOVER type {t!r}")
    lemmas = split_lemmas(lemma)
    pos = "VERB" if derived else str(e.get("pos") or "").upper()
    gap = DERIVED_GAP if derived and len(lemmas) > 1 else int(e.get("gap") or 0)
    weight = float(e.get("weight", DERIVED_WEIGHT if derived else 1.0))
    return Trigger(lemmas=lemmas, pos=pos, type=t, mode=str(e.get("mode") or ""), gap=gap,
                   needs_object=frozenset(str(x).lower() for x in e.get("needs_object") or ()),
                   not_object=frozenset(str(x).lower() for x in e.get("not_object") or ()),
                   weight=weight, reciprocal=bool(e.get("reciprocal")),
                   reversed=str(e.get("roles") or "") == "reversed",
                   judge=str(e.get("roles") or "") == "judge",
                   cause=str(e.get("roles") or "") == "cause", derived=derived,
                   appraisal=str(e.get("roles") or "") == "appraisal",
                   planned=e.get("modality") == "planned", goal=e.get("modality") == "goal",
                   later_forms=tuple(_inflected(w) for w in lemmas[1:]))


def split_lemmas(lemma: str) -> tuple[str, ...]:
    """A trigger's words as the tokenizer cuts them: a hyphen between letters is a token
    of its own ("build-up" is build, -, up), so a hyphenated entry is a phrase."""
    return tuple(re.sub(r"(?<=\w)-(?=\w)", " - ", lemma.lower()).split())


def _add(lex: Lexicon, trig: Trigger, surfaces: set[str]) -> None:
    lex.triggers.setdefault(trig.lemmas[0], []).append(trig)
    surfaces.update(inflections(trig.lemmas[0]))


def _expand(entries: list[TriggerEntry]) -> list[tuple[TriggerEntry, str]]:
    """An entry names one `lemma` or a list of `lemmas` sharing the other fields."""
    return [(e, str(lemma)) for e in entries for lemma in ([e.lemma] if e.lemma else e.lemmas)]


def _inflected(word: str) -> frozenset[str]:
    """A word and its inflections that lemminflect knows (no guessed forms: these match
    tokens, not just pre-filter them)."""
    forms = {word}
    if word.isalpha():
        for upos in ("VERB", "NOUN"):
            for found in getAllInflections(word, upos=upos).values():
                forms.update(f.lower() for f in found)
    return frozenset(forms)


def inflections(lemma: str) -> set[str]:
    """Likely surface forms of an English lemma, for the cheap pre-filter: lemminflect's
    verb and noun forms (irregular ones included), plus regular rules for the words
    lemminflect does not know and the multi-word lemmas' first words."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing", lemma[:-1] + "ed"}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", lemma):
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    if lemma.endswith("is"):
        forms.add(lemma[:-2] + "es")
    for upos in ("VERB", "NOUN"):
        for found in getAllInflections(lemma, upos=upos).values():
            forms.update(found)
    return forms
