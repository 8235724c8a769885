"""Properties of the pipeline over invented states and people (tests/data/kb.yaml).

Sentences are generated from templates with hypothesis, so what is pinned is a rule
("X imposed sanctions on Y" is SANCTION from X to Y, on the date given, whoever X and Y
are), not one sentence about one real country.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from steppe.facts import Document

STATES = {"XVL": ("Valdoria", "Valdorian", "Ardel"),
          "XZR": ("Zerania", "Zeranian", "Tovrin"),
          "XKM": ("Kemmeria", "Kemmerian", "Osk")}

TEMPLATES = [
    ("{a} imposed sanctions on {b} on {date}.", "SANCTION"),
    ("{a} accused {b} of violating the ceasefire on {date}.", "ACCUSE"),
    ("{a} rejected the proposal made by {b} on {date}.", "REJECT"),
    ("{a} sent humanitarian aid to {b} on {date}.", "AID"),
    ("{a} deployed troops to the border with {b} on {date}.", "MOBILIZE"),
    ("{a} threatened to close its border with {b} on {date}.", "THREATEN"),
    ("{a} asked {b} to extradite two suspects on {date}.", "REQUEST"),
    ("{a} held talks with {b} in {capital_b} on {date}.", "CONSULT"),
]
FILLER = ["Officials declined to comment.", "The weather was mild for the season.",
          "Markets were closed for the holiday.", "Schools reopened after the break."]

pairs = st.permutations(sorted(STATES)).map(lambda codes: codes[:2])
dates = st.dates(min_value=dt.date(2002, 1, 1), max_value=dt.date(2030, 12, 31))
slow = settings(max_examples=25, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def _written(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _sentence(template: str, a: str, b: str, day: dt.date, adjective: bool = False) -> str:
    name_a = f"The {STATES[a][1]} government" if adjective else STATES[a][0]
    return template.format(a=name_a, b=STATES[b][0], capital_b=STATES[b][2], date=_written(day))


@pytest.mark.parametrize(("template", "type_"), TEMPLATES)
@slow
@given(pair=pairs, day=dates, adjective=st.booleans())
def test_a_verb_gives_its_type_between_the_named_states_on_the_named_day(
        fiction, template, type_, pair, day, adjective):
    a, b = pair
    text = _sentence(template, a, b, day, adjective)
    facts = fiction.extract(Document(id="t", text=text, date=(day + dt.timedelta(days=2)).isoformat()))
    coded = {(e.type, frozenset(x.code for x in e.source), frozenset(x.code for x in e.target),
              e.date, e.modality) for e in facts.events}
    assert (type_, frozenset([a]), frozenset([b]), day.isoformat(), "asserted") in coded, (text, coded)


@pytest.mark.parametrize(("text", "date", "person", "code", "sector"), [
    # The office is read at the date of the text: two presidents of one state.
    ("The Valdorian president arrived.", "2012-05-01", "person:orin-halvard", "XVL", "GOV"),
    ("The Valdorian president arrived.", "2016-05-01", "person:mira-stellan", "XVL", "GOV"),
    ("The Zeranian president arrived.", "2019-06-01", "person:dario-quell", "XZR", "GOV"),
    ("The Zeranian president arrived.", "2020-06-01", "person:teodor-vask", "XZR", "GOV"),
    # A name keeps its person; the sector follows the office held then.
    ("Vask arrived.", "2015-01-01", "person:teodor-vask", "XZR", "GOV"),
    ("Halvard arrived.", "2016-01-01", "person:orin-halvard", "XVL", "ELI"),  # out of office
])
def test_roles_resolve_to_the_holder_at_the_date(fiction, text, date, person, code, sector):
    (mention,) = [m for m in fiction.mentions(text, date=date) if m.actors]
    (actor,) = mention.actors
    assert (actor.actor_id, actor.code, actor.sector) == (person, code, sector)


def test_a_name_no_knowledge_base_knows_stays_unknown(fiction):
    found = {m.text: (m.kind, [(a.code, a.actor_id) for a in m.actors]) for m in fiction.mentions(
        "Orin Halvard met Brannoc Thewlis in Ardel.", date="2010-01-01")}
    assert found["Orin Halvard"] == ("person", [("XVL", "person:orin-halvard")])
    assert found["Brannoc Thewlis"] == ("unknown", [("", "unknown")])


@slow
@given(data=st.data())
def test_every_span_indexes_the_original_text(fiction, data):
    """Evidence and mention offsets index the stored text, whatever surrounds the prose:
    line breaks of every kind, non-ASCII letters, emoji, repeated spaces."""
    parts = []
    for _ in range(data.draw(st.integers(1, 5))):
        if data.draw(st.booleans()):
            template, _type = data.draw(st.sampled_from(TEMPLATES))
            a, b = data.draw(pairs)
            parts.append(_sentence(template, a, b, data.draw(dates), data.draw(st.booleans())))
        else:
            parts.append(data.draw(st.sampled_from(FILLER + [
                "Trade between Valdoria and Zerania reached $1.2 billion in 2018.",
                "Zerania and Kemmeria signed a Treaty on Good Neighbourliness on 4 May 2015.",
                "Şahin Öztürk, 🌍 correspondent, reported from Ardel."])))
    glue = data.draw(st.lists(st.sampled_from([" ", "  ", "\n", "\n\n", "\r\n", "\u00a0", "\t"]),
                              min_size=len(parts), max_size=len(parts)))
    text = "".join(g + p for g, p in zip(glue, parts))
    facts = fiction.extract(Document(id="t", text=text, date="2031-01-01"))
    spans = [e.evidence for e in facts.events] + [f.evidence for f in facts.figures] + \
        [a.evidence for a in facts.agreements] + [p.evidence for p in facts.projects]
    for s in spans:
        assert 0 <= s.start <= s.end <= len(text)
        assert text[s.start:s.end] == s.text
    for m in facts.mentions:
        if m.start >= 0:
            assert text[m.start:m.end] == m.text
