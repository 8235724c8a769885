"""Find named infrastructure projects (railways, roads, pipelines, power plants, reservoirs,
industrial zones, logistics centres, corridors) and the history of their status.

Regex over the text plus the sentence spans and actor mentions that the pipeline has
already found; no spaCy. A project is kept when it has a proper name: "Kambarata HEPP-1",
"China-Kyrgyzstan-Uzbekistan Railway Line", "Kyzylorda-Uchkuduk road and railway".
The words are data/projects.yaml's, a project's value is read by the shared quantities
reader with the units of the resources (ProjectGrammar, built by the projects component).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files

from steppe.errors import ConfigError
from steppe.facts import Project, Span
from steppe.pipeline.context import DocContext, ProjectName
from steppe.pipeline.quantities import Units, find_quantities, is_currency
from steppe.pipeline.timex import within
from steppe.schemas import ProjectWords, check, read_yaml

__all__ = ["ProjectGrammar", "extract_projects", "find_project_names", "load_project_words",
           "ProjectName"]

# A proper name: capitalised words and hyphen/dash-joined place names ("Kyzylorda-Uchkuduk",
# "Turkestan – Shymkent – Tashkent"), possibly in quotes.
# Names start at a word and their words and joins are bounded: unbounded repeats make this
# search quadratic on a run of capitalised words ("Kyrgyzstan Kyrgyzstan ...", "KKKK...").
_PROPER = r"[A-Z][\w\u2019']{0,40}(?:-\d+)?"
_JOIN = r"(?:[ \t]{0,8}[-\u2013\u2014][ \t]{0,8}|[ \t]{1,8})"


def load_project_words() -> dict[str, ProjectWords]:
    """data/projects.yaml, checked: each language's words."""
    source = files("steppe.data") / "projects.yaml"
    data = read_yaml(source)
    if not isinstance(data, dict) or "en" not in data:
        raise ConfigError(f"{source}: a mapping of languages to their project words, 'en' among them")
    return {lang: check(ProjectWords, words, f"{source}: {lang}") for lang, words in data.items()}


@dataclass(frozen=True)
class ProjectGrammar:
    """The project words of one language compiled once, and the units values are read in."""

    name: re.Pattern[str]               # a proper name, then a kind noun (group k<i>)
    kinds: tuple[str, ...]              # Project.kind of each kind noun, longest noun first
    not_names: frozenset[str]           # as written
    status: tuple[tuple[str, re.Pattern[str]], ...]  # the first pattern that matches wins
    units: Units

    @classmethod
    def from_words(cls, words: ProjectWords, units: Units) -> "ProjectGrammar":
        kinds = "|".join(f"(?P<k{i}>{k.pattern})" for i, k in enumerate(words.kinds))
        name = re.compile(
            r"(?P<name>[\"\u201c]?(?P<proper>(?<![\w\u2019'])" + _PROPER + r"(?:" + _JOIN + _PROPER
            + r"){0,11})[\"\u201d]?"
            r"(?:\s+(?:" + "|".join(words.modifier_patterns) + r"))*\s+(?:(?i:" + kinds + r"))"
            r"(?:\s+(?:" + "|".join(words.suffix_patterns) + r"))?)\b")
        return cls(name=name, kinds=tuple(k.kind for k in words.kinds),
                   not_names=frozenset(words.not_names),
                   status=tuple((st.status, re.compile(st.pattern, re.I)) for st in words.status),
                   units=units)

    def kind_of(self, m: re.Match) -> str:
        for i, kind in enumerate(self.kinds):
            if m.group(f"k{i}"):
                return kind
        return "project"


def find_project_names(text: str, g: ProjectGrammar) -> list[ProjectName]:
    """Named projects in `text`, left to right."""
    out: list[ProjectName] = []
    for m in g.name.finditer(text):
        words = re.split(r"(\s+)", m["name"])
        # Drop leading function words that happen to be capitalised.
        drop = 0
        while drop < len(words) and (words[drop].strip() in g.not_names or not words[drop].strip()):
            drop += 1
        name = "".join(words[drop:]).strip("\"\u201c\u201d ")
        proper = name.split()[0] if name.split() else ""
        if not proper or not proper[0].isupper() or proper.rstrip(".") in g.not_names:
            continue
        start = m.start("name") + len("".join(words[:drop]))
        name = re.sub(r"\s+", " ", name)
        out.append(ProjectName(start, start + len(name), name, g.kind_of(m),
                               f"{proper.split('-')[0].lower()}:{g.kind_of(m)}"))
    return out


def _money(sentence: str, units: Units) -> tuple[float | None, str]:
    """The first sum of money of the sentence, in its currency ("up by $5 million" is a
    change, not a value)."""
    for q in find_quantities(sentence, units=units):
        if is_currency(q.unit, units) and not q.is_change:
            return q.value, q.unit
    return None, ""


def _status(sentence: str, g: ProjectGrammar) -> str | None:
    for status, pattern in g.status:
        if pattern.search(sentence):
            return status
    return None


def _sentence_of(pos: int, sentences: list[tuple[int, int]]) -> tuple[int, int]:
    for s, e in sentences:
        if s <= pos < e:
            return s, e
    return pos, pos


def _parties(s: int, e: int, mentions: list[tuple[int, int, str]],
             main_parties: list[str], name_span: tuple[int, int]) -> list[str]:
    in_name = sorted({c for ms, me, c in mentions if name_span[0] <= ms and me <= name_span[1]})
    if len(in_name) >= 2:
        return in_name
    found = sorted({c for ms, me, c in mentions if s <= ms and me <= e})
    if len(found) >= 2:
        return found
    return sorted(set(found) | set(main_parties))


def extract_projects(ctx: DocContext, g: ProjectGrammar) -> list[Project]:
    """Named projects with their parties, stated value and a dated status history. Reads the
    context's project names, sentences, time expressions, states and main parties."""
    text, sentences, mentions, main_parties = ctx.text, ctx.sentences, ctx.states, ctx.main_parties
    by_key: dict[str, Project] = {}
    for pn in ctx.project_names:
        s, e = _sentence_of(pn.start, sentences)
        sentence = text[s:e]
        project = by_key.get(pn.key)
        if project is None:
            value, unit = _money(sentence, g.units)
            project = Project(name=pn.name, kind=pn.kind,
                              parties=_parties(s, e, mentions, main_parties,
                                               (pn.start, pn.end)),
                              evidence=Span(s, e, sentence), value=value, unit=unit)
            by_key[pn.key] = project
        elif project.value is None:
            project.value, project.unit = _money(sentence, g.units)
        status = _status(sentence, g)
        if status is None:
            continue
        # A range after "for (the period)" is the project's schedule, not the status date.
        found = within(ctx.timexes, s, s + len(sentence))
        dated = [t for t in found
                 if t.value and t.kind in ("point", "range")
                 and not re.search(r"\bfor\s+(?:the\s+(?:period|years)\s+)?$",
                                   text[max(s, t.start - 20):t.start], re.I)]
        entry = (dated[0].value if dated else None, status)
        if entry not in project.status:
            project.status.append(entry)
    return list(by_key.values())
