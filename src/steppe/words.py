"""The small word classes of a language (data/words/<lang>.yaml): function words,
honorifics, pronouns, verb classes, change words the pipeline's rules use; and one
vocabulary of time words (data/time/<lang>.yaml) and numbers in words
(data/numbers/<lang>.yaml) for the time grammar (pipeline/timex.py), the readers of
figures and tables, and the dates found at ingestion (ingest/dating.py).

A `Grammar` holds them for every language; Resources builds one and components take
their lists from it (`resources.grammar.words("en", "roles")`), so no stage keeps its own
copy. Lexicons of things (triggers, units, indicators, the knowledge base) are loaded by
Resources too and can be overridden by the user.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib.resources import files

from pydantic import BaseModel, ConfigDict, RootModel, field_validator

from steppe.errors import ConfigError
from steppe.schemas import check, read_yaml


class WordFile(RootModel[dict[str, dict[str, list[str] | dict[str, float] | dict[str, str]]]]):
    """Per stage, named word lists (or word -> number, word -> word tables); none empty."""

    @field_validator("root")
    @classmethod
    def _not_empty(cls, v: dict) -> dict:
        for section, lists in v.items():
            for name, items in lists.items():
                if not items or any(not str(w).strip() for w in items):
                    raise ValueError(f"{section}.{name}: an empty list or word")
        return v


class Words:
    """The word lists of one stage."""

    def __init__(self, lists: dict[str, list[str] | dict], source: str) -> None:
        self._lists = lists
        self._source = source

    def _get(self, name: str) -> list[str] | dict:
        try:
            return self._lists[name]
        except KeyError:
            raise ConfigError(f"{self._source}: no word list {name!r}") from None

    def list(self, name: str) -> list[str]:
        return [str(w) for w in self._get(name)]

    def set(self, name: str, *, lower: bool = True) -> frozenset[str]:
        return frozenset(w.lower() if lower else w for w in self.list(name))

    def table(self, name: str) -> dict:
        """A word -> number (or word -> word) table."""
        table = self._get(name)
        if not isinstance(table, dict):
            raise ConfigError(f"{self._source}: {name!r} is a table, not a list")
        return dict(table)

    def alternation(self, name: str, *, escape: bool = False) -> str:
        """The list as a regular-expression alternation, in the order written."""
        return "|".join(re.escape(w) if escape else w for w in self.list(name))


def _read_words(language: str) -> dict[str, dict]:
    source = files("steppe.data") / "words" / f"{language}.yaml"
    return check(WordFile, read_yaml(source), source).root


# -- time words and numbers in words -------------------------------------------------------

class _TimeFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    months: dict[str, int]
    month_abbreviations: dict[str, int] = {}
    weekdays: list[str] = []
    weekday_abbreviations: list[str] = []
    seasons: dict[str, int] = {}
    parts_of_year: dict[str, tuple[int, int]] = {}
    part_letters: dict[str, int] = {}
    months_to_date_letters: list[str] = []
    fiscal_year_prefixes: list[str] = []
    years_in: dict[str, int] = {}
    stretch_precision: dict[str, str] = {}

    @field_validator("part_letters")
    @classmethod
    def _part_sizes(cls, v: dict[str, int]) -> dict[str, int]:
        bad = [w for w, n in v.items() if n < 1 or 12 % n]
        if bad:
            raise ValueError(f"a part of a year must divide it (1, 2, 3, 4, 6 or 12 months): {bad}")
        return v

    @field_validator("months", "month_abbreviations", "seasons")
    @classmethod
    def _month_numbers(cls, v: dict[str, int]) -> dict[str, int]:
        bad = [w for w, n in v.items() if not 1 <= n <= 12]
        if bad:
            raise ValueError(f"not a month number (1-12): {bad}")
        return v


class _NumberFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    cardinals: dict[str, int]
    phrases: dict[str, int] = {}
    indefinite: dict[str, int | None] = {}


@dataclass(frozen=True)
class TimeWords:
    months: dict[str, int]                                  # full names (lower case) -> 1..12
    month_abbreviations: dict[str, int] = field(default_factory=dict)
    weekdays: tuple[str, ...] = ()                          # Monday first
    weekday_abbreviations: tuple[str, ...] = ()
    seasons: dict[str, int] = field(default_factory=dict)   # -> the month it starts in
    parts_of_year: dict[str, tuple[int, int]] = field(default_factory=dict)
    part_letters: dict[str, int] = field(default_factory=dict)     # "Q" -> 3 months ("Q3")
    months_to_date_letters: tuple[str, ...] = ()                   # "M" ("9M": January-September)
    fiscal_year_prefixes: tuple[str, ...] = ()                     # "FY"
    years_in: dict[str, int] = field(default_factory=dict)         # "decade" -> 10
    stretch_precision: dict[str, str] = field(default_factory=dict)  # "months" -> "year"

    def names(self) -> frozenset[str]:
        """Month names, their abbreviations and weekday names (lower case): the words that
        name a day or month when written with a capital ("may" is also a verb)."""
        return frozenset(self.months) | frozenset(self.month_abbreviations) | frozenset(self.weekdays)

    def month(self, word: str) -> int:
        """The number of a month name or abbreviation ("Sept." -> 9)."""
        w = word.lower().rstrip(".")
        return self.months.get(w) or self.month_abbreviations[w]


@dataclass(frozen=True)
class NumberWords:
    cardinals: dict[str, int]
    phrases: dict[str, int] = field(default_factory=dict)           # "a dozen"
    indefinite: dict[str, int | None] = field(default_factory=dict)  # "a", "several"


def _read_time(language: str) -> TimeWords:
    """The time words of a language (data/time/<language>.yaml; Russian month names from
    data/ru/dates.yaml, the written genitive forms included)."""
    if language == "ru":
        source = files("steppe.data") / "ru" / "dates.yaml"
        d = read_yaml(source)
        months = check(_TimeFile, {"months": {**d["months_genitive"], **d["months"]}}, source)
        return TimeWords(months=months.months,
                         weekdays=tuple(sorted(d["weekdays"], key=d["weekdays"].get)))
    source = files("steppe.data") / "time" / f"{language}.yaml"
    t = check(_TimeFile, read_yaml(source), source)
    return TimeWords(months=t.months, month_abbreviations=t.month_abbreviations,
                     weekdays=tuple(t.weekdays), weekday_abbreviations=tuple(t.weekday_abbreviations),
                     seasons=t.seasons, parts_of_year=t.parts_of_year, part_letters=t.part_letters,
                     months_to_date_letters=tuple(t.months_to_date_letters),
                     fiscal_year_prefixes=tuple(t.fiscal_year_prefixes), years_in=t.years_in,
                     stretch_precision=t.stretch_precision)


def _read_numbers(language: str) -> NumberWords:
    """Numbers in words (data/numbers/<language>.yaml), listed once for every reader."""
    source = files("steppe.data") / "numbers" / f"{language}.yaml"
    n = check(_NumberFile, read_yaml(source), source)
    return NumberWords(cardinals=n.cardinals, phrases=n.phrases, indefinite=n.indefinite)


class Grammar:
    """The word lists, time words and numbers in words of every language, each file read
    once, the first time a component asks for it. Resources owns one (no module-level
    copy), so a test or a user can build a pipeline on other grammar files."""

    def __init__(self) -> None:
        self._words: dict[str, dict[str, dict]] = {}
        self._time: dict[str, TimeWords] = {}
        self._numbers: dict[str, NumberWords] = {}

    def words(self, language: str, section: str) -> Words:
        """The word lists of `section` (a stage) in `language` (data/words/<language>.yaml)."""
        if language not in self._words:
            self._words[language] = _read_words(language)
        data = self._words[language]
        if section not in data:
            raise ConfigError(f"steppe/data/words/{language}.yaml: no section {section!r}")
        return Words(data[section], f"steppe/data/words/{language}.yaml: {section}")

    def time(self, language: str = "en") -> TimeWords:
        if language not in self._time:
            self._time[language] = _read_time(language)
        return self._time[language]

    def numbers(self, language: str = "en") -> NumberWords:
        if language not in self._numbers:
            self._numbers[language] = _read_numbers(language)
        return self._numbers[language]
