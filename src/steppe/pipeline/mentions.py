"""Actor mentions, what the actor stage hands to every later stage, and the facts about
a document read off them: its main parties, and where its dateline ends."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from steppe.facts import Actor
from steppe.kb.index import Piece

UNKNOWN = "unknown"   # the actor id of a name the knowledge base lacks


@dataclass
class Mention:
    """An actor mention: character span in the document and the actors it stands for."""

    start: int
    end: int
    text: str
    actors: list[Actor]
    kind: str
    weak: bool = False        # a bare adjective on a non-agent noun ("the Uzbek pavilion")
    location: bool = False    # a place that is not a seat of government
    head: str = ""            # what the mention is mostly about (person/role/state...)
    speaker: bool = False     # a group phrase for the quoted speaker's state ("our country")
    people: bool = False      # "ethnic Albanians": of the state where they live, once known
    surname: str = ""         # a person named in full: the word later references use alone
    pieces: list[Piece] = field(default_factory=list, repr=False)

    @property
    def codes(self) -> list[str]:
        return [a.code for a in self.actors if a.code]


def main_parties(mentions: list[Mention], text: str, *, size: int = 2) -> list[str]:
    """The document's main states: the most mentioned codes, the title counting double."""
    counts: Counter[str] = Counter()
    title_end = text.find("\n") if "\n" in text[:300] else 0
    # "Baku, Azerbaijan, Aug. 17" says where the story was filed: neither a title nor a party.
    since, skip = dateline(text)
    if since == 0 and skip >= title_end:
        title_end = 0
    for m in mentions:
        if m.kind in ("group", "pronoun") or m.location or since <= m.start < skip:
            continue
        for a in m.actors:
            if a.code and a.code != "IGO":
                counts[a.code] += 2 if m.start < title_end else 1
    top = [c for c, n in counts.most_common(size) if n >= 2]
    return sorted(top)


_MONTH_DAY = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b"
                        r"|\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)", re.I)
# "ASHGABAT (TCA) —", "Tashkent, Uzbekistan (UzDaily.com) —": capitalised place words, an
# optional agency, a dash.
# "MOSCOW, 3 July 2012 —", "BISHKEK, Jan. 5, 2023 —": the day it was filed may follow.
_INLINE_DATELINE = re.compile(r"\s*[A-Z][\w’'.-]*(?:,? [A-Z][\w’'.-]*){0,3}"
                              r"(?:,? (?:\d{1,2} [A-Z][a-z]+\.?|[A-Z][a-z]+\.? \d{1,2})(?:,? \d{4})?)?"
                              r"\s*(?:\([^)\n]{1,30}\))?\s*(?:—|--|–| -)\s")
# A story stored as Markdown opens with its front matter and headline: the dateline starts
# the body.
_HEADLINE = re.compile(r"\s*(?:---\n.*?\n---\n)?\s*(?:#[^\n]*\n+)?", re.S)


def dateline(text: str) -> tuple[int, int]:
    """Where the dateline that opens a story begins and ends ((0, 0) if none): it says where
    the story was filed ("Baku, Azerbaijan, Aug. 17"), so the states it names are not the
    story's parties. In a Markdown story it follows the front matter and the headline."""
    first = re.match(r"\s*([^\n]{1,50})\n", text)
    if first and _MONTH_DAY.search(first.group(1)):
        return 0, first.end()
    body = _HEADLINE.match(text).end()      # matches, if only the empty string
    inline = _INLINE_DATELINE.match(text, body)
    return (body, inline.end()) if inline else (0, 0)

