"""What the pipeline knows about one document, built up stage by stage.

The Extractor makes one DocContext per document and hands it to each component of the
document's language in turn (pipeline/factories.py). A component reads what earlier
components wrote and writes its own fields; components never call one another, so a stage
can be replaced, reordered or left out by editing the component list alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from steppe.facts import Agreement, Document, Event, Facts, Figure, Project

if TYPE_CHECKING:
    from steppe.pipeline.tables import Table
    from steppe.pipeline.timex import TimeEx


class StateMention(NamedTuple):
    """A mention of a state as an actor (not a place): what figures, tables, agreements and
    projects read parties from. Sorted by start, so `bisect` finds a sentence's states."""

    start: int
    end: int
    code: str


@dataclass(frozen=True)
class ProjectName:
    """A project named in the text (the projects stage finds them; agreements "for this
    project" take their names)."""

    start: int
    end: int
    name: str
    kind: str
    key: str          # identity within a document: first proper word + kind


@dataclass(frozen=True)
class Concluded:
    """An agreement the document reports as concluded, with the event type of the act that
    concluded it: SUPPORT (signed, ratified), AGREE (reached without a signing) or None
    (only referred to: implies no event)."""

    agreement: Agreement
    signing: str | None


@dataclass
class DocContext:
    """One document and everything read from it so far. Offsets index `doc.text`."""

    doc: Document
    language: str = "en"
    body_start: int = 0                     # where the text starts after a front-matter block
    sentences: list[tuple[int, int]] = field(default_factory=list)
    timexes: list[TimeEx] = field(default_factory=list)
    tokens: Any = None                      # the whole text, tokenised only (a spaCy Doc)
    mentions: list[Any] = field(default_factory=list)     # actor mentions, rich, sorted by start
    states: list[StateMention] = field(default_factory=list)
    main_parties: list[str] = field(default_factory=list)
    candidates: list[int] = field(default_factory=list)   # sentences worth parsing (indexes)
    parsed: dict[int, Any] = field(default_factory=dict)  # sentence index -> parsed spaCy Doc
    tables: list[Table] = field(default_factory=list)
    project_names: list[ProjectName] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    concluded: list[Concluded] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    failure: Exception | None = None        # set by a batch component that failed on this document

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def anchor(self) -> str | None:
        """The publication date: what relative dates ("on Monday", "last year") count from."""
        return self.doc.date

    def facts(self) -> Facts:
        return Facts(id=self.doc.id, events=self.events, figures=self.figures,
                     agreements=[c.agreement for c in self.concluded], projects=self.projects,
                     mentions=[a for m in self.mentions for a in m.actors])


def state_mentions(mentions: list[Any]) -> list[StateMention]:
    """The coded actor mentions of a document as states, places and pronouns left out."""
    return [StateMention(a.start, a.end, a.code) for m in mentions if not m.location
            for a in m.actors if a.code and m.kind != "pronoun"]


def context_for(text: str, *, anchor: str | None = None,
                sentences: list[tuple[int, int]] | None = None,
                states: list[tuple[int, int, str]] = (), main_parties: list[str] = (),
                language: str = "en") -> DocContext:
    """A context for running one stage on its own (tests, notebooks): the given sentences
    (else the pipeline's splitter), states and main parties; the time expressions, tables
    and project names found as the pipeline finds them."""
    from steppe.pipeline.nlp import split_sentences
    from steppe.pipeline.projects import find_project_names
    from steppe.pipeline.tables import find_tables
    from steppe.pipeline.timex import find_timexes

    ctx = DocContext(doc=Document(id="", text=text, date=anchor, language=language),
                     language=language)
    ctx.sentences = split_sentences(text) if sentences is None else list(sentences)
    ctx.states = sorted(StateMention(*m) for m in states)
    ctx.main_parties = list(main_parties)
    ctx.timexes = find_timexes(text, anchor=anchor)
    ctx.tables = find_tables(text)
    ctx.project_names = find_project_names(text)
    return ctx
