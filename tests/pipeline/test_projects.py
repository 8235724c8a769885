import re
from functools import cache

import pytest

from steppe.pipeline.context import context_for
from steppe.pipeline.projects import ProjectGrammar, extract_projects
from steppe.pipeline.projects import find_project_names as find
from steppe.resources import Resources


@cache
def grammar() -> ProjectGrammar:
    res = Resources.load()
    return ProjectGrammar.from_words(res.projects["en"], res.units)


def find_project_names(text: str):
    return find(text, grammar())

_NAMES = {"KAZ": r"Kazakhstan|Kazakh", "UZB": r"Uzbekistan|Uzbek", "KGZ": r"Kyrgyzstan|Kyrgyz",
          "TJK": r"Tajikistan|Tajik", "CHN": r"China|Chinese"}


def find_mentions(text: str) -> list[tuple[int, int, str]]:
    return sorted((m.start(), m.end(), code) for code, pattern in _NAMES.items()
                  for m in re.finditer(rf"\b(?:{pattern})\b", text))


def split_sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\S.*?(?:[.!?](?=\s|$)|$)", text)]


def run(text: str, anchor: str | None = "2023-05-10", main=("KGZ", "TJK")):
    ctx = context_for(text, anchor=anchor, sentences=split_sentences(text),
                      states=find_mentions(text), main_parties=main)
    ctx.project_names = find_project_names(text)
    return extract_projects(ctx, grammar())


@pytest.mark.parametrize("text,name,kind", [
    ("Work on the Rogun HPP goes on.", "Rogun HPP", "power_plant"),
    ("The Kambarata HPP-1 will be built.", "Kambarata HPP-1", "power_plant"),
    ("They discussed the China-Kyrgyzstan-Uzbekistan Railway Line project.",
     "China-Kyrgyzstan-Uzbekistan Railway Line", "railway"),
    ("The Dushanbe-Chanak highway was repaired.", "Dushanbe-Chanak highway", "road"),
    ("A new Turkestan \u2013 Shymkent railway is planned.", "Turkestan \u2013 Shymkent railway",
     "railway"),
    ("Gas flows through the Central Asia-China gas pipeline.",
     "Central Asia-China gas pipeline", "pipeline"),
    ("The Khorgos logistics center opened.", "Khorgos logistics center", "logistics_center"),
    ("The Vakhsh Reservoir is full.", "Vakhsh Reservoir", "reservoir"),
    ("Trucks use the Trans-Caspian Corridor.", "Trans-Caspian Corridor", "corridor"),
])
def test_find_project_names(text, name, kind):
    (found,) = find_project_names(text)
    assert (found.name, found.kind) == (name, kind)
    assert text[found.start:found.end] == found.name


@pytest.mark.parametrize("text", ["The reservoirs are full.", "Such pipelines are costly.",
                                  "The road was closed."])
def test_unnamed_infrastructure_is_not_a_project(text):
    assert find_project_names(text) == []


def test_status_history_and_parties():
    text = ("In 2019 Kyrgyzstan and Tajikistan agreed on the construction of the Kulma road. "
            "Construction of the Kulma road began in March 2021. "
            "The Kulma road was opened on 1 May 2023.")
    (project,) = run(text)
    assert project.name == "Kulma road"
    assert project.parties == ["KGZ", "TJK"]
    assert project.status == [("2019", "agreed"), ("2021-03", "under_construction"),
                              ("2023-05-01", "completed")]


def test_parties_from_the_name_and_value():
    text = "China signed a $4.7 billion loan for the China-Kyrgyzstan-Uzbekistan railway in 2022."
    (project,) = run(text)
    assert project.parties == ["CHN", "KGZ", "UZB"]
    assert (project.value, project.unit) == (4.7e9, "USD")
    assert project.status == [("2022", "financed")]


def test_suspended():
    text = "The Qosh Tepa canal works were frozen last year."
    (project,) = run(text)
    assert project.status == [("2022", "suspended")]


@pytest.mark.parametrize("text,value,unit", [
    # The units lexicon's currencies and number grouping, read as figures read them.
    ("China lent $1,200 million for the Kyrgyzstan-Uzbekistan railway.", 1.2e9, "USD"),
    ("The Beineu-Akzhigit highway will cost 90 billion tenge.", 9e10, "KZT"),
    ("The EU gives EUR 12.5 million to the Vakhsh Reservoir.", 1.25e7, "EUR"),
])
def test_a_projects_value_is_read_by_the_quantities_reader(text, value, unit):
    (project,) = run(text)
    assert (project.value, project.unit) == (value, unit)
