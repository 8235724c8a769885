"""The shapes of knowledge-base files (data/kb/ and a user's --kb file), checked with
pydantic before the knowledge base is built (see data/kb/SOURCES.md for the fields)."""

from __future__ import annotations

import re
from datetime import date
from typing import Optional

from pydantic import Field, RootModel, field_validator

from steppe.schemas import _Strict

Name = Field(min_length=1)
When = Optional[date | int | str]        # YYYY, YYYY-MM or YYYY-MM-DD (YAML reads some as dates)


class State(_Strict):
    names: list[str] = []
    adjectives: list[str] = []
    demonyms: list[str] = []
    capitals: list[str] = []


class Codes(RootModel[dict[str, str]]):
    """codes.yaml: actor codes ISO 3166 lacks -> the name shown for them."""


class Igo(_Strict):
    id: str = Field(min_length=1)
    name: str = ""
    aliases: list[str] = []
    members: list[str] = []
    founded: When = None
    sector: Optional[str] = None
    kind: str = "igo"


class Office(_Strict):
    role: str = Field(min_length=1)
    state: Optional[str] = None
    igo: Optional[str] = None
    host: Optional[str] = None           # where an ambassador serves
    sector: Optional[str] = None
    start: When = None
    end: When = None


class Person(_Strict):
    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    aliases: list[str] = []
    roles: list[Office] = []
    state: Optional[str] = None
    sector: Optional[str] = None


class Standing(_Strict):
    sector: str = Field(min_length=1)
    start: When = None
    end: When = None


class Org(_Strict):
    id: Optional[str] = None
    name: str = Field(min_length=1)
    aliases: list[str] = []
    state: Optional[str] = None
    sector: Optional[str] = None
    kind: Optional[str] = None
    sectors: list[Standing] = []
    # Words of a document that make this organisation the reading of a name it shares with
    # another ("CPC": the Communist Party of China, or the Caspian Pipeline Consortium).
    cues: list[str] = []


class Place(_Strict):
    id: Optional[str] = None
    name: str = Field(min_length=1)
    aliases: list[str] = []
    state: Optional[str] = None
    states: list[str] = []
    kind: Optional[str] = None


class RoleRow(_Strict):
    role: str = Field(min_length=1)
    sector: str = "GOV"
    phrases: str = ""


class AgentRow(_Strict):
    phrase: str = Field(min_length=1)
    sector: str = ""
    notes: str = ""


class KbFile(_Strict):
    """A whole file: the packaged files hold one section each, a user's any of them."""

    states: dict[str, Optional[State]] = {}
    igos: list[Igo] = []
    people: list[Person] = []
    orgs: list[Org] = []
    places: list[Place] = []
    roles: list[RoleRow] = []
    agents: list[AgentRow] = []


class TransliterationFile(_Strict):
    """kb/transliteration.yaml: how people's names are keyed across spellings."""

    before_ascii: dict[str, str] = {}
    vowels: str = "aeiou"
    rules: list[tuple[str, str]] = []

    @field_validator("rules")
    @classmethod
    def _compiles(cls, rules: list[tuple[str, str]]) -> list[tuple[str, str]]:
        for pattern, _ in rules:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"rule {pattern!r} is not a valid regex: {exc}") from exc
        return rules


class RuStates(RootModel[dict[str, State]]):
    """kb/ru/states.yaml: Russian names of states, by code."""


class RuNames(RootModel[dict[str, Optional[list[str]]]]):
    """kb/ru/{igos,people,orgs,roles,agents}.yaml: Russian names by id (or role, sector)."""
