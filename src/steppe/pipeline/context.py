"""What the pipeline knows about one document, built up stage by stage.

The Extractor makes one DocContext per document and hands it to each component of the
document's language in turn (pipeline/factories.py). A component reads what earlier
components wrote and writes its own fields; components never call one another, so a stage
can be replaced, reordered or left out by editing the component list alone.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, NamedTuple

from steppe.facts import Actor, Agreement, Document, Event, Facts, Figure, Project, Span

if TYPE_CHECKING:
    from steppe.ingest.normalize import Normalized
    from steppe.pipeline.tables import Table
    from steppe.pipeline.timex import TimeEx, TimeGrammar


class StateMention(NamedTuple):
    """A coded actor mention, by its code (a state's, or "IGO"), places and pronouns left
    out: what figures, tables, agreements and projects read parties from. Kept sorted by
    start, so `bisect` finds a sentence's."""

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
    """One document and everything read from it so far. Offsets index `doc.text`, the
    text analysed: the original in NFC (see `for_document`); `facts()` maps them back."""

    doc: Document
    language: str = "en"
    original: Document | None = None       # the document as given, when NFC changed its text
    offsets: Normalized | None = None      # NFC offsets -> original offsets
    body_start: int = 0                     # where the text starts after a front-matter block
    sentences: list[tuple[int, int]] = field(default_factory=list)
    timexes: list[TimeEx] = field(default_factory=list)
    filed: str | None = None                # the dateline's day, when it comes before the
                                            # publication date (a wire story republished)
    present: int | None = None              # the year the text calls "this year"
    present_timexes: list[TimeEx] = field(default_factory=list)   # read from that present
    tokens: Any = None                      # the whole text, tokenised only (a spaCy Doc)
    mentions: list[Any] = field(default_factory=list)     # actor mentions, rich, sorted by start
    states: list[StateMention] = field(default_factory=list)
    main_parties: list[str] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)   # quotations' spans (coref)
    candidates: list[int] = field(default_factory=list)   # sentences worth parsing (indexes)
    parsed: dict[int, Any] = field(default_factory=dict)  # sentence index -> parsed spaCy Doc
    tables: list[Table] = field(default_factory=list)
    project_names: list[ProjectName] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    main_acts: list[Event] = field(default_factory=list)   # events that are their sentence's main act
    # Phrases that bound an act's time ("since the invasion in February"): their dates are
    # another act's, never a signing's or the story's (dating.bounds_of; filled by events).
    time_bounds: list[tuple[int, int]] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    concluded: list[Concluded] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    failure: Exception | None = None        # set by a batch component that failed on this document

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def anchor(self) -> str | None:
        """What relative dates ("on Monday", "last year") count from: the day the dateline
        says the story was filed, else the publication date."""
        return self.filed or self.doc.date

    @classmethod
    def for_document(cls, doc: Document, language: str) -> "DocContext":
        """The context of a document, whose text is analysed in NFC: a name or a word
        written with combining marks ("Tu\u0308rkiye", "и\u0306") reads like its composed
        form. Text already in NFC (nearly all) is used as it is, at no cost."""
        if unicodedata.is_normalized("NFC", doc.text):
            return cls(doc=doc, language=language)
        from steppe.ingest.normalize import normalize     # (steppe.ingest loads the readers)
        norm = normalize(doc.text)
        return cls(doc=replace(doc, text=norm.text), language=language, original=doc, offsets=norm)

    @property
    def given(self) -> Document:
        """The document as the caller gave it."""
        return self.original or self.doc

    def facts(self) -> Facts:
        """The facts read, their spans indexing the original text (the stored one)."""
        facts = Facts(id=self.doc.id, events=self.events, figures=self.figures,
                      agreements=[c.agreement for c in self.concluded], projects=self.projects,
                      mentions=[a for m in self.mentions for a in m.actors])
        if self.offsets is not None and self.original is not None:
            _to_original(facts, self.offsets, self.original.text)
        return facts


def state_mentions(mentions: list[Any]) -> list[StateMention]:
    """The coded actor mentions of a document as states, places and pronouns left out."""
    return [StateMention(a.start, a.end, a.code) for m in mentions if not m.location
            for a in m.actors if a.code and m.kind != "pronoun"]


def context_for(text: str, *, anchor: str | None = None,
                sentences: list[tuple[int, int]] | None = None,
                states: list[tuple[int, int, str]] = (), main_parties: list[str] = (),
                language: str = "en", time: TimeGrammar | None = None) -> DocContext:
    """A context for running one stage on its own (tests, notebooks): the given sentences
    (else the pipeline's splitter), states and main parties; the time expressions and
    tables found as the pipeline finds them (with `time`, else the packaged time grammar).
    (Project names, which need the resources' words, are left to the caller:
    projects.find_project_names.)"""
    from steppe.pipeline.nlp import split_sentences
    from steppe.pipeline.tables import find_tables
    from steppe.pipeline.timex import TimeGrammar
    from steppe.words import Grammar

    time = time or TimeGrammar.from_grammar(Grammar())

    ctx = DocContext(doc=Document(id="", text=text, date=anchor, language=language),
                     language=language)
    ctx.sentences = split_sentences(text) if sentences is None else list(sentences)
    ctx.states = sorted(StateMention(*m) for m in states)
    ctx.main_parties = list(main_parties)
    ctx.timexes = time.find(text, anchor=anchor)
    ctx.present, ctx.present_timexes = time.read_from_present(text, anchor, ctx.timexes)
    ctx.tables = find_tables(text, time)
    return ctx


def _to_original(facts: Facts, norm: Normalized, original: str) -> None:
    """Move every span of `facts` from the NFC text to the original one (new Span and
    Actor objects: one actor may sit in a mention and in an event)."""
    back = Back(norm, original)
    for ev in facts.events:
        ev.evidence = back.span(ev.evidence)
        ev.source = [back.actor(a) for a in ev.source]
        ev.target = [back.actor(a) for a in ev.target]
    for rec in facts.figures + facts.agreements + facts.projects:
        rec.evidence = back.span(rec.evidence)
    facts.mentions = [back.actor(a) for a in facts.mentions]


@dataclass(frozen=True)
class Back:
    """Spans of the NFC text moved to the original text."""

    norm: Normalized
    original: str

    def span(self, sp: Span) -> Span:
        s, e = self.norm.to_original(sp.start, sp.end)
        return Span(s, e, self.original[s:e])

    def actor(self, a: Actor) -> Actor:
        if a.start < 0:
            return a
        s, e = self.norm.to_original(a.start, a.end)
        same = a.text == self.norm.text[a.start:a.end]
        return replace(a, start=s, end=e, text=self.original[s:e] if same else a.text)

    def mention(self, m: Any) -> Any:
        s, e = self.norm.to_original(m.start, m.end)
        return replace(m, start=s, end=e, text=self.original[s:e],
                       actors=[self.actor(a) for a in m.actors])
