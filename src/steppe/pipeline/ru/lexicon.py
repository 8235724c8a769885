"""The Russian readers' data files (data/ru/*.yaml), each checked against its schema.

Resources holds one RussianLexicon (`resources.russian`); the Russian components build
what they match with from it (lemmatised cues, trigger indexes) when they are built, so
no module keeps its own copy. A file is read the first time a component asks for it: an
English-only run never reads them. This module imports neither pymorphy3 nor razdel.
"""

from __future__ import annotations

from importlib.resources import files
from typing import Any

from pydantic import BaseModel, ConfigDict

from steppe.schemas import check, read_yaml


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Trigger(_Strict):
    type: str
    lemmas: list[str]
    mode: str = ""
    reciprocal: bool = False
    reversed: bool = False
    weight: float = 1.0
    needs: list[str] = []
    gap: int = 3
    modality: str = ""
    flow: bool = False


class _Triggers(_Strict):
    triggers: list[_Trigger]


class _Modality(_Strict):
    planned: list[str]
    planned_after: list[str]
    negated_after: list[str]
    hypothetical: list[str]
    negated: list[str]
    refusal_right_before: list[str]
    refusal: list[str]
    to_agree: list[str]
    frames: list[str]
    purpose: list[str]
    purpose_accusative: list[str]
    denials: list[str]


class _Dates(_Strict):
    months: dict[str, int]
    months_genitive: dict[str, int]         # read by steppe/words.py (ingest/dating.py)
    weekdays: dict[str, int]
    days: dict[str, int]
    before_a_noun: list[str]
    last: list[str]
    years: dict[str, int]
    months_rel: dict[str, int]
    weeks_rel: dict[str, int]
    ordinals: dict[str, int]
    parts: dict[str, int]
    numerals: dict[str, int]
    recalled: list[str]
    standing: list[str]
    standing_types: list[str]
    report_openers: list[str]
    bounding: list[str] = []


class _Indicator(_Strict):
    indicator: str
    cues: list[str]
    flow: bool = False
    unit: str = ""
    count_only: bool = False


class _Figures(_Strict):
    scales: dict[str, int]
    fractions: dict[str, float]
    units: dict[str, str]
    number_words: dict[str, float]
    counted: dict[str, str]
    casualty: list[str]
    physical_units: list[str]
    dated_by_publication: list[str]
    acts_of_the_year: list[str]
    indicators: list[_Indicator]
    anaphora: list[str]
    target: list[str]
    forecast: list[str]
    growth_up: list[str]
    growth_nouns: list[str]
    growth_down: list[str]


class _Agreements(_Strict):
    heads: dict[str, tuple[str, str]]
    generic: list[str]
    signed: list[str]
    glossary: dict[str, str]                # read by steppe/names.py (through Resources.russian)
    stopwords: list[str]                    # read by steppe/names.py


class _Region(_Strict):
    members: list[str]
    phrases: list[str]


class _Groups(_Strict):
    groups: list[str]
    central_asia: _Region


SCHEMAS: dict[str, type[BaseModel]] = {
    "triggers": _Triggers, "modality": _Modality, "dates": _Dates, "figures": _Figures,
    "agreements": _Agreements, "groups": _Groups}


class RussianLexicon:
    """data/ru/<name>.yaml as read (plain dicts and lists: the readers keep the file's own
    order and values), checked once against its schema; `folder` replaces the packaged one."""

    def __init__(self, folder: Any = None) -> None:
        self.folder = folder if folder is not None else files("steppe.data") / "ru"
        self._read: dict[str, Any] = {}

    def file(self, name: str) -> Any:
        if name not in self._read:
            source = self.folder / f"{name}.yaml"
            data = read_yaml(source)
            check(SCHEMAS[name], data, source)
            self._read[name] = data
        return self._read[name]

    def triggers(self) -> list[dict]:
        return self.file("triggers")["triggers"]

    def modality(self) -> dict:
        return self.file("modality")

    def dates(self) -> dict:
        return self.file("dates")

    def figures(self) -> dict:
        return self.file("figures")

    def agreements(self) -> dict:
        return self.file("agreements")

    def groups(self) -> dict:
        return self.file("groups")
