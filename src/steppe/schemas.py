"""The shapes of the data files under steppe/data (and of a user's --lexicon files),
checked with pydantic when they are read: a bad entry is reported with the file, the
entry and the reason, rather than failing later somewhere in the pipeline."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from steppe.errors import ConfigError
from steppe.facts import PLOVER_TYPES

Word = Field(min_length=1)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TriggerEntry(_Strict):
    """One entry of triggers/<lang>.yaml (format: data/triggers/README.md)."""

    type: str
    lemma: str | None = None
    lemmas: list[str] = []
    pos: Literal["VERB", "NOUN", "ADJ", "PROPN", "ADV", ""] = ""
    mode: str = ""
    gap: int = Field(0, ge=0, le=6)
    needs_object: list[str] = []
    not_object: list[str] = []
    weight: float = Field(1.0, gt=0, le=1.0)
    reciprocal: bool = False
    roles: Literal["reversed", "judge", "cause", "appraisal", ""] = ""
    modality: Literal["planned", "goal", ""] = ""

    @field_validator("type")
    @classmethod
    def _plover(cls, v: str) -> str:
        if v.upper() not in PLOVER_TYPES:
            raise ValueError(f"unknown PLOVER type {v!r} (one of {', '.join(sorted(PLOVER_TYPES))})")
        return v.upper()

    def model_post_init(self, _: Any) -> None:
        if not self.lemma and not self.lemmas:
            raise ValueError("an entry needs `lemma` or `lemmas`")


class ModalityCues(_Strict):
    future_aux: list[str] = []
    refusal_aux: list[str] = []
    hypothetical_aux: list[str] = []
    obligation_aux: list[str] = []
    negating_governors: list[str] = []
    doubting_governors: list[str] = []
    doubting_marks: list[str] = []
    planning_governors: list[str] = []
    future_words: list[str] = []
    reporting_verbs: list[str] = []


class TriggerFile(_Strict):
    triggers: list[TriggerEntry]
    modality: ModalityCues | None = None


class UnitRow(_Strict):
    """One line of units.tsv: kind, form, unit, factor."""

    kind: Literal["scale", "currency", "unit"]
    form: str = Field(min_length=1)
    unit: str = Field(min_length=1)
    factor: float


class Indicator(_Strict):
    cues: list[str] = Field(min_length=1)
    units: list[str] = Field(min_length=1)      # unit classes: money, tons, kWh, count...
    growth: str                                 # names other:<growth>_growth
    nouns: list[str] = []
    per: Literal["day", "week", "month", "year"] | None = None
    flow: bool = False                          # goes from one state to another
    overrides: list[str] = []                   # indicators it replaces where its cue is in the clause
    goods_cues: list[str] = []                  # cues only for goods (tons, m3, kWh), never money
    between_places: bool = False                # a route's cities stand for their states


class SupplyContract(_Strict):
    """Goods a deal provides for: their name, the indicators renamed, the trade words that keep them."""
    name: str = ""
    of: list[str] = []
    unless: list[str] = []


class IndicatorFile(BaseModel):
    """indicators.yaml; a user file may give any subset of the sections (they extend)."""

    model_config = ConfigDict(extra="forbid")
    indicators: dict[str, Indicator] = {}
    target_cues: list[str] = []
    promise_auxiliaries: list[str] = []
    promise_verbs: list[str] = []
    supply_contract: SupplyContract | None = None
    forecast_cues: list[str] = []
    bilateral_cues: list[str] = []
    value_links: list[str] = []
    skip_nouns: list[str] = []
    person_nouns: list[str] = []
    demonym_plurals: list[str] = []
    casualty_words: list[str] = []
    population_cues: list[str] = []
    completion_verbs: list[str] = []
    generic_nouns: list[str] = []
    measures: dict[str, str] = {}
    specification_units: list[str] = []
    specification_nouns: list[str] = []
    design_cues: list[str] = []
    domestic_cues: list[str] = []
    goods_nouns: list[str] = []
    sending_stems: list[str] = []
    receiving_stems: list[str] = []


class GroupEntry(_Strict):
    pattern: str = Field(min_length=1)
    members: Literal["main", "speaker", "present", "organisation"] | list[str]
    sector: str = ""
    weak: bool = False
    quoted: bool = False
    named_before: str = ""      # a pattern the text must match before the phrase
    led: bool = False           # the phrase says whose it is: an "of" after it is no owner


class ProjectKind(_Strict):
    pattern: str = Field(min_length=1)
    kind: str = Field(min_length=1)


class ProjectStatus(_Strict):
    status: Literal["suspended", "completed", "under_construction", "financed", "agreed", "proposed"]
    pattern: str = Field(min_length=1)


class ProjectWords(_Strict):
    """One language's section of projects.yaml."""

    kinds: list[ProjectKind] = Field(min_length=1)
    modifier_patterns: list[str]
    suffix_patterns: list[str]
    not_names: list[str]
    status: list[ProjectStatus] = Field(min_length=1)


class AgreementWords(BaseModel):
    """agreements.yaml: head nouns by kind (patterns), and word lists (patterns or words)."""

    model_config = ConfigDict(extra="forbid")
    heads: dict[str, str]
    formal_kinds: list[str]
    head_words: list[str]
    title_stop_words: list[str]
    interposed_verbs: list[str]
    complement_prepositions: list[str]
    phrase_prepositions: list[str]
    item_prepositions: list[str]
    body_nouns: list[str]
    access_words: list[str]
    concluded: list[str]
    reached: list[str]
    agreed_objects: list[str]
    future: list[str]
    planned_after: list[str]
    business: list[str]
    occasions: list[str]
    project_anaphora: list[str]
    complement_stop: list[str]
    comma_stop: list[str]
    modifier_stop: list[str]
    existing: list[str]
    non_signing: list[str] = []
    negation: list[str]
    reported_now: list[str]
    groups: list[str]
    participants: list[str] = []
    igo_members: list[str] = []
    igo_anaphora: list[str] = []
    predicative: list[str] = []
    purpose_participles: list[str] = []
    governed_by: list[str] = []
    other_words: list[str] = []
    venue_prepositions: list[str]
    venue_place_kinds: list[str]
    venue_nouns: list[str]
    occasion_prepositions: list[str]
    occasion_nouns: list[str]
    circumstance_openers: list[str]
    generic_modifiers: list[str]
    back_reference_prepositions: list[str]
    back_reference: list[str]


class PloverType(BaseModel):
    model_config = ConfigDict(extra="allow")
    quad: int = Field(ge=1, le=4)
    score: int | float
    cameo: str | None = None
    modes: dict[str, int | float | None] = {}


class PloverCoding(_Strict):
    cooperative: list[str]
    future_agree: list[str]
    unnamed_recipient_is_other_party: list[str]
    unseen_agent: list[str]
    needs_target: list[str]
    no_recipient_modes: list[str]
    absorbs_meeting: list[str] = []
    reciprocal: list[str] = []
    territorial_agent: list[str] = []
    forces_act: list[str] = []
    declared_retreats: list[str] = []
    threatened_as: dict[str, str] = {}
    announced_threats: list[str] = []
    promised_threats: list[str] = []
    joint_as: dict[str, str] = {}
    joint_force_as: dict[str, str] = {}
    relief_as: dict[str, str] = {}
    given_as_aid: list[str] = []
    placed_agent: list[str] = []
    leaving_body_as: dict[str, str] = {}
    disaster_modes: list[str] = []
    appraisals: list[str] = []
    answered_claims: list[str] = []
    offers_appraised: list[str] = []
    reported_harm: list[str] = []
    border_acts: list[str] = []
    caused_by_acts: list[str] = []
    said_attacks: list[str] = []
    domestic_sectors: list[str] = []

    @field_validator("cooperative", "future_agree", "unnamed_recipient_is_other_party", "unseen_agent",
                     "needs_target", "absorbs_meeting", "reciprocal", "territorial_agent", "forces_act",
                     "announced_threats", "promised_threats", "appraisals", "given_as_aid", "placed_agent",
                     "answered_claims", "offers_appraised", "reported_harm", "said_attacks",
                     "border_acts", "caused_by_acts")
    @classmethod
    def _types(cls, v: list[str]) -> list[str]:
        unknown = [t for t in v if t not in PLOVER_TYPES]
        if unknown:
            raise ValueError(f"unknown PLOVER types {unknown}")
        return v

    @field_validator("threatened_as", "joint_as", "joint_force_as", "relief_as", "leaving_body_as")
    @classmethod
    def _type_keys(cls, v: dict[str, str]) -> dict[str, str]:
        """The types a rule rewrites (the values are a mode or, for joint_as and
        joint_force_as, a type)."""
        unknown = [t for t in v if t not in PLOVER_TYPES]
        if unknown:
            raise ValueError(f"unknown PLOVER types {unknown}")
        return v


class PloverFile(BaseModel):
    model_config = ConfigDict(extra="allow")
    types: dict[str, PloverType]
    coding: PloverCoding


class WordFile(BaseModel):
    """data/words/<lang>.yaml: per stage, named lists of words (or regular-expression
    fragments, where the name says `patterns`), or word -> number tables."""

    model_config = ConfigDict(extra="forbid")
    sections: dict[str, dict[str, list[str] | dict[str, float]]]

    @field_validator("sections")
    @classmethod
    def _no_empty(cls, v: dict) -> dict:
        for section, lists in v.items():
            for name, words in lists.items():
                if not words:
                    raise ValueError(f"{section}.{name} is empty")
                if isinstance(words, list) and any(not str(w) for w in words):
                    raise ValueError(f"{section}.{name} holds an empty word")
        return v


M = TypeVar("M", bound=BaseModel)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_text(path: Any) -> str:
    """A data file's text; a missing file (packaged or given) is an error, never empty."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read data file ({exc.strerror or exc})") from exc


def read_yaml(path: Any) -> Any:
    try:
        return yaml.load(read_text(path), Loader=_Loader)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: invalid YAML: {exc}") from exc


def check(model: type[M], data: Any, source: str | Path) -> M:
    """`data` read into `model`, or a ConfigError naming the file, the entry and the reason."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors()[:5]:
            loc = [p for p in err["loc"] if not (isinstance(p, str) and "[" in p)]   # union tags
            where = ".".join(str(p) for p in loc)
            entry = _entry(data, loc)
            reason = err["msg"].removeprefix("Value error, ")
            problems.append(f"{where or 'the file'}{f' ({entry})' if entry else ''}: {reason}")
        more = f" (and {exc.error_count() - 5} more)" if exc.error_count() > 5 else ""
        raise ConfigError(f"{source}: " + "; ".join(problems) + more) from None


def _entry(data: Any, loc: list) -> str:
    """The entry an error is about, shortened: the item of the top-level list or mapping."""
    node = data
    for part in loc[:2]:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
    text = repr(node)
    return text if len(text) <= 120 else text[:117] + "..."
