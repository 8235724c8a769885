"""The small word classes of a language (data/words/<lang>.yaml): function words,
honorifics, pronouns, verb classes, number and change words the pipeline's rules use.

They are grammar rather than knowledge a user tunes, so each stage reads the packaged
lists once, when it is imported (`words("en", "roles")`). Lexicons of things (triggers,
units, indicators, the knowledge base) are loaded by Resources and can be overridden.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

from pydantic import RootModel, field_validator

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


@lru_cache(maxsize=None)
def _file(language: str) -> dict[str, dict]:
    source = files("steppe.data") / "words" / f"{language}.yaml"
    return check(WordFile, read_yaml(source), source).root


def words(language: str, section: str) -> Words:
    """The word lists of `section` (a stage) in `language`."""
    data = _file(language)
    if section not in data:
        raise ConfigError(f"steppe/data/words/{language}.yaml: no section {section!r}")
    return Words(data[section], f"steppe/data/words/{language}.yaml: {section}")
