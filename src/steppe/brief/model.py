"""What a brief is made of: sections of blocks of sentences, each citing stored facts."""

from __future__ import annotations

from dataclasses import dataclass, field

from steppe.facts import Span


@dataclass(frozen=True)
class Cite:
    """One stored fact behind a statement: where it is and what its evidence says."""

    kind: str             # event | figure | agreement | project
    fact_id: int
    document_id: str
    span: Span


@dataclass
class Sentence:
    """A statement of the brief.

    kind  fact       states one fact (actors, a date or a number) its cites support
          aggregate  computed by steppe from the facts it cites (counts, index, trend)
          gap        says what the sources do not contain; cites nothing
    """

    text: str
    cites: list[Cite] = field(default_factory=list)
    kind: str = "fact"
    date: str | None = None          # for timelines


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[list[str], list[Cite]]] = field(default_factory=list)
    caption: str = ""


@dataclass
class Chart:
    name: str                        # file stem for Markdown ("trade")
    svg: str
    caption: str
    cites: list[Cite] = field(default_factory=list)


@dataclass
class Block:
    kind: str                        # para | list | table | chart
    sentences: list[Sentence] = field(default_factory=list)
    table: Table | None = None
    chart: Chart | None = None
    heading: str = ""                # a sub-heading above the block


@dataclass
class Section:
    id: str
    title: str
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Document:
    id: str
    title: str | None
    source: str | None
    published: str | None
    url: str | None


@dataclass
class Brief:
    title: str
    subtitle: str
    sections: list[Section] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)
    # The text around each cited span (the sentence before it up to the end of its own),
    # so a reader sees what "the two countries" refers to: (document id, start, end) ->
    # (before, after).
    contexts: dict[tuple[str, int, int], tuple[str, str]] = field(default_factory=dict)

    def sentences(self) -> list[Sentence]:
        return [s for sec in self.sections for b in sec.blocks for s in b.sentences]

    def cites(self) -> list[Cite]:
        """Every citation, in reading order."""
        out: list[Cite] = []
        for sec in self.sections:
            for b in sec.blocks:
                for s in b.sentences:
                    out.extend(s.cites)
                if b.table:
                    for _, cites in b.table.rows:
                        out.extend(cites)
                if b.chart:
                    out.extend(b.chart.cites)
        return out
