"""Everything the pipeline knows, loaded once from Settings and handed to every stage.

Packaged data (steppe/data) first, then the user's: `--kb FILE` (Settings.kb_paths) layers
actors over the knowledge base; `--lexicon DIR` (Settings.lexicon_dir) holds any of
  triggers.yaml    trigger entries (format of data/triggers/en.yaml); a lemma given
                   here replaces the packaged entries of that lemma
  units.tsv        rows of data/units.tsv; a row replaces the packaged one of its kind and form
  indicators.yaml  sections of data/indicators.yaml; an indicator replaces the packaged one
                   of its name, word lists are added to the packaged ones
Every file is checked against its schema (steppe/schemas.py) as it is read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

from steppe.errors import ConfigError
from steppe.kb.load import load_kb
from steppe.kb.model import KnowledgeBase
from steppe.pipeline.agreement_grammar import load_agreement_words
from steppe.pipeline.coref import GroupPattern, load_groups
from steppe.pipeline.figures import Indicators
from steppe.pipeline.lexicon import Lexicon, load_lexicon
from steppe.pipeline.projects import load_project_words
from steppe.pipeline.quantities import Units
from steppe.pipeline.ru.lexicon import RussianLexicon
from steppe.schemas import (AgreementWords, GroupEntry, IndicatorFile, ProjectWords, UnitRow, check,
                            read_text, read_yaml)
from steppe.settings import Settings
from steppe.words import Grammar

# The files a --lexicon directory may hold.
LEXICON_FILES = ("triggers.yaml", "units.tsv", "indicators.yaml")


@dataclass(frozen=True)
class Resources:
    """The knowledge base and lexicons of one configuration (no module keeps its own copy)."""

    kb: KnowledgeBase
    lexicon: Lexicon            # event triggers, modality cues, PLOVER tables
    units: Units                # units, currencies, scale words
    indicators: Indicators      # what figures measure
    groups: list[GroupPattern]  # group phrases ("the two countries")
    grammar: Grammar            # word classes, time words, numbers in words, per language
    agreements: AgreementWords  # agreement head nouns, signing and status words
    projects: dict[str, ProjectWords]   # project kinds and status words, per language
    russian: RussianLexicon = field(default_factory=RussianLexicon)   # data/ru/*.yaml, read on first use

    @classmethod
    def load(cls, settings: Settings | None = None) -> "Resources":
        settings = settings or Settings()
        user = lexicon_files(settings.lexicon_dir)
        grammar = Grammar()
        return cls(kb=load_kb(settings.kb_paths),
                   lexicon=load_lexicon("en", [p for p in user if p.name == "triggers.yaml"]),
                   units=load_units([p for p in user if p.name == "units.tsv"], grammar),
                   indicators=load_indicators([p for p in user if p.name == "indicators.yaml"]),
                   groups=load_group_patterns(),
                   grammar=grammar,
                   agreements=load_agreement_words(),
                   projects=load_project_words())


def lexicon_files(folder: Path | None) -> list[Path]:
    """The files of a --lexicon directory; anything else there is an error (a misnamed
    file would otherwise be silently ignored)."""
    if folder is None:
        return []
    folder = Path(folder)
    if not folder.is_dir():
        raise ConfigError(f"{folder}: a --lexicon is a directory holding {', '.join(LEXICON_FILES)}")
    found = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    unknown = [p.name for p in found if p.name not in LEXICON_FILES]
    if unknown:
        raise ConfigError(f"{folder}: unknown lexicon files {unknown} (expected any of {', '.join(LEXICON_FILES)})")
    return found


def load_units(user_files: list[Path] = (), grammar: Grammar | None = None) -> Units:
    """units.tsv, then the user's rows; the words around numbers from `grammar`."""
    return Units.from_rows(unit_rows(user_files), grammar or Grammar())


def unit_rows(user_files: list[Path] = ()) -> list[tuple[str, str, str, float]]:
    """(kind, form, unit, factor) of units.tsv, then of the user's files, checked."""
    rows = []
    for source in [files("steppe.data") / "units.tsv", *user_files]:
        for number, row in _tsv_rows(read_text(source), ("kind", "form", "unit", "factor")):
            unit = check(UnitRow, row, f"{source}:{number}")
            rows.append((unit.kind, unit.form, unit.unit, unit.factor))
    return rows


def load_indicators(user_files: list[Path] = ()) -> Indicators:
    """indicators.yaml, then the user's: indicators replaced by name, word lists extended."""
    return Indicators(indicator_data(user_files))


def indicator_data(user_files: list[Path] = ()) -> dict[str, Any]:
    """indicators.yaml merged with the user's, checked, before its cues are compiled."""
    source = files("steppe.data") / "indicators.yaml"
    data = check(IndicatorFile, read_yaml(source), source).model_dump(exclude_unset=True)
    for path in user_files:
        extra = check(IndicatorFile, read_yaml(path) or {}, path).model_dump(exclude_unset=True)
        for key, value in extra.items():
            data[key] = _extended(data.get(key), value)
    return data


def _extended(packaged: Any, user: Any) -> Any:
    """A user's section extends the packaged one: its lists grow (at the top and inside a
    table), a table gains or replaces entries, and null switches the section off."""
    if user is None:
        return None
    if isinstance(user, list):
        return list(packaged or []) + user
    merged = dict(packaged or {})
    for k, v in user.items():
        merged[k] = list(merged[k]) + v if isinstance(v, list) and isinstance(merged.get(k), list) else v
    return merged


def load_group_patterns() -> list[GroupPattern]:
    source = files("steppe.data") / "groups.yaml"
    raw = read_yaml(source)
    if not isinstance(raw, list):
        raise ConfigError(f"{source}: a list of group phrases")
    entries = [check(GroupEntry, g, f"{source}: entry {i + 1}") for i, g in enumerate(raw)]
    return load_groups([e.model_dump() for e in entries])


def _tsv_rows(text: str, columns: tuple[str, ...]) -> list[tuple[int, dict[str, Any]]]:
    """(line number, row) of a tab-separated file without header; '#' lines are comments."""
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        row: dict[str, Any] = dict(zip(columns, cells))
        if len(cells) > len(columns):
            row["extra"] = cells[len(columns):]
        out.append((number, row))
    return out
