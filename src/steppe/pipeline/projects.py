"""Find named infrastructure projects (railways, roads, pipelines, power plants, reservoirs,
industrial zones, logistics centres, corridors) and the history of their status.

Regex over the text plus the sentence spans and actor mentions that the pipeline has
already found; no spaCy. A project is kept when it has a proper name: "Kambarata HEPP-1",
"China-Kyrgyzstan-Uzbekistan Railway Line", "Kyzylorda-Uchkuduk road and railway".
"""

from __future__ import annotations

import re
from importlib.resources import files

from steppe.facts import Project, Span
from steppe.pipeline.context import DocContext, ProjectName
from steppe.pipeline.timex import within
from steppe.schemas import ProjectWords, check, read_yaml

__all__ = ["extract_projects", "find_project_names", "ProjectName"]

_SOURCE = files("steppe.data") / "projects.yaml"
_WORDS = check(ProjectWords, (read_yaml(_SOURCE) or {}).get("en"), f"{_SOURCE}: en")
# Kind nouns, longest first; the value is Project.kind.
_KIND_NOUNS: list[tuple[str, str]] = [(k.pattern, k.kind) for k in _WORDS.kinds]
_KIND_RE = "|".join(f"(?P<k{i}>{p})" for i, (p, _) in enumerate(_KIND_NOUNS))
# A proper name: capitalised words and hyphen/dash-joined place names ("Kyzylorda-Uchkuduk",
# "Turkestan – Shymkent – Tashkent"), possibly in quotes.
# Names start at a word and their words and joins are bounded: unbounded repeats make this
# search quadratic on a run of capitalised words ("Kyrgyzstan Kyrgyzstan ...", "KKKK...").
_PROPER = r"[A-Z][\w\u2019']{0,40}(?:-\d+)?"
_JOIN = r"(?:[ \t]{0,8}[-\u2013\u2014][ \t]{0,8}|[ \t]{1,8})"
_NAME_RE = re.compile(
    r"(?P<name>[\"\u201c]?(?P<proper>(?<![\w\u2019'])" + _PROPER + r"(?:" + _JOIN + _PROPER + r"){0,11})[\"\u201d]?"
    r"(?:\s+(?:" + "|".join(_WORDS.modifier_patterns) + r"))*\s+(?:(?i:" + _KIND_RE + r"))"
    r"(?:\s+(?:" + "|".join(_WORDS.suffix_patterns) + r"))?)\b")
_NOT_NAME = set(_WORDS.not_names)
_STATUS = [(st.status, st.pattern) for st in _WORDS.status]
_MONEY = re.compile(
    r"(?:(?P<cur1>[$€])\s?(?P<n1>\d+(?:[.,]\d+)?)\s*(?P<m1>billion|million|thousand|bn|mln)?"
    r"|(?P<n2>\d+(?:[.,]\d+)?)\s*(?P<m2>billion|million|thousand|bn|mln)\s*"
    r"(?P<cur2>USD|US\s+dollars|dollars|EUR|euros))", re.I)
_SCALE = {"billion": 1e9, "bn": 1e9, "million": 1e6, "mln": 1e6, "thousand": 1e3, None: 1}


def _kind_of(m: re.Match) -> str:
    for i, (_, kind) in enumerate(_KIND_NOUNS):
        if m.group(f"k{i}"):
            return kind
    return "project"


def find_project_names(text: str) -> list[ProjectName]:
    """Named projects in `text`, left to right."""
    out: list[ProjectName] = []
    for m in _NAME_RE.finditer(text):
        words = re.split(r"(\s+)", m["name"])
        # Drop leading function words that happen to be capitalised.
        drop = 0
        while drop < len(words) and (words[drop].strip() in _NOT_NAME or not words[drop].strip()):
            drop += 1
        name = "".join(words[drop:]).strip("\"\u201c\u201d ")
        proper = name.split()[0] if name.split() else ""
        if not proper or not proper[0].isupper() or proper.rstrip(".") in _NOT_NAME:
            continue
        start = m.start("name") + len("".join(words[:drop]))
        name = re.sub(r"\s+", " ", name)
        out.append(ProjectName(start, start + len(name), name, _kind_of(m),
                               f"{proper.split('-')[0].lower()}:{_kind_of(m)}"))
    return out


def _money(sentence: str) -> tuple[float | None, str]:
    m = _MONEY.search(sentence)
    if not m:
        return None, ""
    n = float((m["n1"] or m["n2"]).replace(",", "."))
    scale = _SCALE[(m["m1"] or m["m2"] or "").lower() or None]
    cur = (m["cur1"] or m["cur2"] or "").upper()
    return n * scale, "EUR" if cur in ("€", "EUR", "EUROS") else "USD"


def _status(sentence: str) -> str | None:
    for status, pattern in _STATUS:
        if re.search(pattern, sentence, re.I):
            return status
    return None


def _sentence_of(pos: int, sentences: list[tuple[int, int]]) -> tuple[int, int]:
    for s, e in sentences:
        if s <= pos < e:
            return s, e
    return pos, pos


def _parties(name: str, s: int, e: int, mentions: list[tuple[int, int, str]],
             main_parties: list[str], name_span: tuple[int, int]) -> list[str]:
    in_name = sorted({c for ms, me, c in mentions if name_span[0] <= ms and me <= name_span[1]})
    if len(in_name) >= 2:
        return in_name
    found = sorted({c for ms, me, c in mentions if s <= ms and me <= e})
    if len(found) >= 2:
        return found
    return sorted(set(found) | set(main_parties))


def extract_projects(ctx: DocContext) -> list[Project]:
    """Named projects with their parties, stated value and a dated status history. Reads the
    context's project names, sentences, time expressions, states and main parties."""
    text, sentences, mentions, main_parties = ctx.text, ctx.sentences, ctx.states, ctx.main_parties
    by_key: dict[str, Project] = {}
    for pn in ctx.project_names:
        s, e = _sentence_of(pn.start, sentences)
        sentence = text[s:e]
        project = by_key.get(pn.key)
        if project is None:
            value, unit = _money(sentence)
            project = Project(name=pn.name, kind=pn.kind,
                              parties=_parties(pn.name, s, e, mentions, main_parties,
                                               (pn.start, pn.end)),
                              evidence=Span(s, e, sentence), value=value, unit=unit)
            by_key[pn.key] = project
        elif project.value is None:
            project.value, project.unit = _money(sentence)
        status = _status(sentence)
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
