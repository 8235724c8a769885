"""Time words and numbers in words, per language, from data/time/ and data/numbers/: one
vocabulary for the time grammar (pipeline/timex.py), the readers of figures and tables
and the dates found at ingestion (ingest/dating.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

import yaml

from steppe.errors import ConfigError


@dataclass(frozen=True)
class TimeWords:
    months: dict[str, int]                                  # full names (lower case) -> 1..12
    month_abbreviations: dict[str, int] = field(default_factory=dict)
    weekdays: tuple[str, ...] = ()                          # Monday first
    weekday_abbreviations: tuple[str, ...] = ()
    seasons: dict[str, int] = field(default_factory=dict)   # -> the month it starts in
    parts_of_year: dict[str, tuple[int, int]] = field(default_factory=dict)

    def month(self, word: str) -> int:
        """The number of a month name or abbreviation ("Sept." -> 9)."""
        w = word.lower().rstrip(".")
        return self.months.get(w) or self.month_abbreviations[w]


@dataclass(frozen=True)
class NumberWords:
    cardinals: dict[str, int]
    phrases: dict[str, int] = field(default_factory=dict)
    indefinite: dict[str, int | None] = field(default_factory=dict)


def _read(path: str) -> dict:
    try:
        data = yaml.safe_load((files("steppe.data") / path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"data/{path}: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"data/{path}: not a mapping")
    return data


@lru_cache(maxsize=None)
def time_words(language: str = "en") -> TimeWords:
    """The time words of a language (data/time/<language>.yaml; Russian month names from
    data/ru/dates.yaml, written forms included)."""
    if language == "ru":
        d = _read("ru/dates.yaml")
        return TimeWords(months={**d["months_genitive"], **d["months"]},
                         weekdays=tuple(sorted(d["weekdays"], key=d["weekdays"].get)))
    d = _read(f"time/{language}.yaml")
    try:
        return TimeWords(
            months=dict(d["months"]), month_abbreviations=dict(d.get("month_abbreviations") or {}),
            weekdays=tuple(d.get("weekdays") or ()),
            weekday_abbreviations=tuple(d.get("weekday_abbreviations") or ()),
            seasons=dict(d.get("seasons") or {}),
            parts_of_year={k: (int(v[0]), int(v[1])) for k, v in (d.get("parts_of_year") or {}).items()})
    except (KeyError, TypeError, IndexError, ValueError) as exc:
        raise ConfigError(f"data/time/{language}.yaml: {exc!r}") from exc


@lru_cache(maxsize=None)
def number_words(language: str = "en") -> NumberWords:
    """Numbers in words (data/numbers/<language>.yaml)."""
    d = _read(f"numbers/{language}.yaml")
    try:
        return NumberWords(cardinals={k: int(v) for k, v in d["cardinals"].items()},
                           phrases={k: int(v) for k, v in (d.get("phrases") or {}).items()},
                           indefinite=dict(d.get("indefinite") or {}))
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"data/numbers/{language}.yaml: {exc!r}") from exc
