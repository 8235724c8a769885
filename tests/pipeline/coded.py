"""What the extractor codes in one invented text, for the event-type tests."""

from __future__ import annotations

from steppe.facts import Document


def events_in(ex, text, date="2024-03-10"):
    return ex.extract(Document(id="t", text=text, date=date)).events


def codes(actors):
    return {a.code for a in actors if a.code}


def found(ex, text):
    """(type, source codes, target codes) of each event coded in `text`."""
    return [(e.type, codes(e.source), codes(e.target)) for e in events_in(ex, text)]


def types(events):
    """The types of `found`'s events."""
    return {t for t, _, _ in events}
