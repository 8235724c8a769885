"""From a Document to its Facts: the pipeline as a pure function (plus loaded models).

    extractor = Extractor.load(settings)          # loads spaCy, the KB and the lexicon once
    facts = extractor.extract(document)           # or extract_many(documents) for batches

Per document: split sentences and find actor mentions on the raw tokens (cheap),
pick the sentences that hold an actor and a trigger word, parse only those (batched
with nlp.pipe), code events, date them, merge repeats of one occurrence, then read
figures, agreements and projects.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from importlib.resources import files
from dataclasses import dataclass, replace
from datetime import date
from typing import Callable, Iterable, Iterator

import yaml
from spacy.language import Language

from steppe.facts import Actor, Document, Event, Facts, Span, at_precision, precision_of
from steppe.pipeline import agreements as agreements_mod
from steppe.pipeline import figures as figures_mod
from steppe.pipeline import projects as projects_mod
from steppe.pipeline.actors import ActorResolver, Mention, main_parties
from steppe.pipeline.dating import date_event, told_in_past
from steppe.pipeline.events import EventCoder, RawEvent, doc_token_mentions, interactions_only
from steppe.pipeline.limits import document_seconds, time_limit
from steppe.pipeline.mixed import join_parts, language_parts
from steppe.pipeline.nlp import load_model, split_sentences
from steppe.pipeline.timex import TimeEx, find_timexes
from steppe.resources import Resources
from steppe.settings import Settings


@dataclass
class _Prepared:
    """What the cheap pass learnt about one document."""

    doc: Document
    sentences: list[tuple[int, int]]
    mentions: list[Mention]
    main: list[str]
    timexes: list[TimeEx]
    candidates: list[int]          # indexes into sentences worth parsing
    failed: bool = False


class Extractor:
    """Holds the loaded models; `extract` itself keeps no state between documents."""

    def __init__(self, *, nlp: Language, resources: Resources,
                 seconds_per_10k_chars: float = 0.0, min_document_seconds: float = 10.0) -> None:
        self.nlp = nlp
        self.resources = resources
        self.kb = resources.kb
        self.lexicon = resources.lexicon
        self.resolver = ActorResolver(resources.kb, nlp, resources.groups)
        self.coder = EventCoder(resources.lexicon)
        self._russian = None          # the Russian pipeline, loaded on the first Russian document
        # Per-document time limit (pipeline/limits.py); 0 means none.
        self._budget = (seconds_per_10k_chars, min_document_seconds)

    @classmethod
    def load(cls, settings: Settings | None = None) -> "Extractor":
        settings = settings or Settings()
        return cls(nlp=load_model(), resources=Resources.load(settings),
                   seconds_per_10k_chars=settings.seconds_per_10k_chars,
                   min_document_seconds=settings.min_document_seconds)

    # -- public ------------------------------------------------------------------------

    def extract(self, doc: Document) -> Facts:
        """Facts of one document."""
        return next(iter(self.extract_many([doc])))[1]

    def extract_many(self, docs: Iterable[Document], *, batch_size: int = 32,
                     on_error: Callable[[Document, Exception], None] | None = None,
                     ) -> Iterator[tuple[Document, Facts]]:
        """(document, facts) for each document, parsing candidate sentences in batches.

        A document whose extraction fails is passed to `on_error` and left out, so one
        bad text never stops a batch; without `on_error` the exception propagates.
        """
        batch: list[Document] = []
        for d in docs:
            batch.append(d)
            if len(batch) >= batch_size:
                yield from self._run(batch, on_error)
                batch = []
        if batch:
            yield from self._run(batch, on_error)

    def mentions(self, text: str, *, date: str | None) -> list[Mention]:
        """Every actor mention in a text, KB names plus NER names (for `actors resolve`)."""
        tokens = self.nlp.make_doc(text)
        found = self.resolver.find(tokens, date=date)
        parsed = self.nlp(text)
        found += self.resolver.resolve_unknown(parsed, 0, found, date)
        return sorted(found, key=lambda m: m.start)

    def _limit(self, doc: Document):
        """The time limit of one per-document stage (the cheap pass, the facts): a document
        that runs too long raises DocumentTimeout, reported like any failed document. The
        batched parse is bounded by the sentence cap instead (limits.MAX_SENTENCE)."""
        return time_limit(document_seconds(len(doc.text), *self._budget))

    # -- language routing --------------------------------------------------------------

    def _run(self, docs: list[Document], on_error) -> Iterator[tuple[Document, Facts]]:
        """A document in two languages is read part by part, each part by the pipeline of
        its language (pipeline.mixed); the rest are routed whole."""
        parts = [language_parts(d) for d in docs]
        if all(p == [d] for p, d in zip(parts, docs)):
            yield from self._route(docs, on_error)
            return
        done = {id(p): f for p, f in self._route([p for ps in parts for p in ps], on_error)}
        for d, ps in zip(docs, parts):
            if all(id(p) in done for p in ps):
                yield d, join_parts(d, [done[id(p)] for p in ps])

    def _route(self, docs: list[Document], on_error) -> Iterator[tuple[Document, Facts]]:
        """Russian documents go to the Russian pipeline, the rest to the English one;
        results come back in the order the documents came."""
        russian = [d for d in docs if d.language == "ru"]
        if not russian:
            yield from self._run_english(docs, on_error)
            return
        done = dict((id(d), f) for d, f in self._run_english([d for d in docs if d.language != "ru"], on_error))
        for d in russian:
            try:
                with self._limit(d):
                    done[id(d)] = self._extract_russian(d)
            except Exception as exc:
                _report(d, exc, on_error)
        for d in docs:
            if id(d) in done:
                yield d, done[id(d)]

    def _extract_russian(self, doc: Document) -> Facts:
        if self._russian is None:
            from steppe.pipeline.ru.extract import RussianExtractor
            self._russian = RussianExtractor(self.kb, self.lexicon.score)
        facts, events, agreements = self._russian.extract(doc)
        # The Russian reader reports signed agreements: each implies its SUPPORT signing.
        concluded = [agreements_mod.Concluded(a, "SUPPORT") for a in agreements]
        facts.events = merge_occurrences(events + self._signings(concluded, events))
        facts.agreements = agreements
        _link_signings(concluded, facts.events)
        return facts

    # -- stages ------------------------------------------------------------------------

    def _run_english(self, docs: list[Document], on_error) -> Iterator[tuple[Document, Facts]]:
        prepared = []
        for d in docs:
            try:
                with self._limit(d):
                    prepared.append(self._prepare(d))
            except Exception as exc:
                _report(d, exc, on_error)
        jobs = [(p.doc.text[s:e], (k, i)) for k, p in enumerate(prepared)
                for i in p.candidates for s, e in [p.sentences[i]]]
        parsed: dict[tuple[int, int], object] = {}
        try:
            for sdoc, key in self.nlp.pipe(jobs, as_tuples=True, batch_size=256):
                parsed[key] = sdoc
        except Exception:
            if on_error is None:
                raise
            # One text broke the batched parse: parse the rest one document at a time.
            for k, p in enumerate(prepared):
                try:
                    for i in p.candidates:
                        parsed[(k, i)] = self.nlp(p.doc.text[slice(*p.sentences[i])])
                except Exception as exc:
                    _report(p.doc, exc, on_error)
                    p.candidates = []
                    p.failed = True
        for k, p in enumerate(prepared):
            if p.failed:
                continue
            try:
                with self._limit(p.doc):
                    facts = self._facts(p, {i: parsed[(k, i)] for i in p.candidates})
            except Exception as exc:
                _report(p.doc, exc, on_error)
                continue
            yield p.doc, facts

    def _prepare(self, doc: Document) -> _Prepared:
        text = doc.text
        tokens = self.nlp.make_doc(text)
        sentences = split_sentences(text)
        mentions = self.resolver.find(tokens, date=doc.date)
        main = main_parties(mentions, text)
        timexes = find_timexes(text, anchor=doc.date)
        surfaces = self.lexicon.surfaces
        candidates = []
        m_idx = 0
        starts = [m.start for m in mentions]
        for i, (s, e) in enumerate(sentences):
            while m_idx < len(starts) and starts[m_idx] < s:
                m_idx += 1
            has_actor = m_idx < len(starts) and starts[m_idx] < e
            if not has_actor or is_apparatus(text[s:e]):
                continue
            words = tokens.char_span(s, e, alignment_mode="expand")
            if words is not None and any(t.lower_ in surfaces for t in words):
                candidates.append(i)
        return _Prepared(doc, sentences, mentions, main, timexes, candidates)

    def _facts(self, p: _Prepared, parsed: dict[int, object]) -> Facts:
        events: list[Event] = []
        starts = [m.start for m in p.mentions]      # sorted by find()
        for i, sdoc in parsed.items():
            s, e = p.sentences[i]
            smentions = p.mentions[bisect_left(starts, s):bisect_left(starts, e)]
            smentions += self.resolver.resolve_unknown(sdoc, s, smentions, p.doc.date)
            smentions.sort(key=lambda m: m.start)
            tm = doc_token_mentions(sdoc, s, smentions)
            sent = sdoc[:]
            for raw in self.coder.code(sent, _shift(smentions, -s), token_mentions=tm, main=p.main):
                events.append(self._finish(raw, s, p))
        flat = [(a.start, a.end, a.code) for m in p.mentions if not m.location
                for a in m.actors if a.code and m.kind != "pronoun"]
        # One set of time expressions per document, shared by every reader.
        shared = dict(anchor=p.doc.date, sentences=p.sentences, mentions=flat,
                      main_parties=p.main, timexes=p.timexes)
        figures = figures_mod.extract_figures(p.doc.text, resources=self.resources, **shared)
        concluded = agreements_mod.read_agreements(p.doc.text, **shared)
        agreements = [c.agreement for c in concluded]
        projects = projects_mod.extract_projects(p.doc.text, **shared)
        events = interactions_only(merge_occurrences(events + self._signings(concluded, events)))
        _link_signings(concluded, events)
        return Facts(id=p.doc.id, events=events, figures=figures, agreements=agreements,
                     projects=projects, mentions=[a for m in p.mentions for a in m.actors])

    def _signings(self, concluded: list, events: list[Event]) -> list[Event]:
        """A concluded agreement implies the event that concluded it, between its parties:
        its signing, SUPPORT (PLOVER manual: signing or ratifying an agreement is SUPPORT),
        or AGREE when it was reached without a signing; unless one is coded. An agreement
        only referred to, undated, implies no event (agreements.Concluded)."""
        out = []
        for c in concluded:
            ag = c.agreement
            codes = [code for code in ag.parties if code and code != "IGO"]
            if c.signing is None or len(set(codes)) < 2:
                continue
            score, quad, cameo = self.lexicon.score(c.signing, "")
            actors = [Actor(code=code, text=code, actor_id=f"state:{code}", confidence=0.7)
                      for code in codes]
            ev = Event(type=c.signing, source=actors, target=list(actors), evidence=ag.evidence,
                       date=ag.date, date_precision=precision_of(ag.date), confidence=0.6,
                       trigger=ag.name, score=score, quad=quad, cameo=cameo)
            if not any(e.type == ev.type and e.codes() == ev.codes() and _dates_compatible(e, ev)
                       for e in events + out):
                out.append(ev)
        return out

    def _finish(self, raw: RawEvent, offset: int, p: _Prepared) -> Event:
        s, e = raw.sentence.start_char + offset, raw.sentence.end_char + offset
        trig_at = raw.trigger.idx + offset
        date, precision, date_source = date_event(p.timexes, p.sentences, (s, e), trig_at,
                                                  anchor=p.doc.date, modality=raw.modality,
                                                  text=p.doc.text,
                                                  region=[(a + offset, b + offset) for a, b in raw.region],
                                                  narrative=told_in_past(raw.trigger))
        date = at_precision(date, precision)
        score, quad, cameo = self.lexicon.score(raw.type, raw.mode)
        return Event(
            type=raw.type, mode=raw.mode,
            source=list(raw.source), target=list(raw.target),
            evidence=Span(s, e, p.doc.text[s:e]), date=date, date_precision=precision,
            modality=raw.modality, confidence=raw.confidence, trigger=raw.trigger_text,
            date_source=date_source,
            score=score, quad=quad, cameo=cameo)


def _link_signings(concluded: list, events: list[Event]) -> None:
    """Point each agreement at the event that concluded it (its type, parties and date)."""
    for c in concluded:
        ag = c.agreement
        if c.signing is None:
            continue
        codes = frozenset(code for code in ag.parties if code and code != "IGO")
        probe = Event(type=c.signing, source=[], target=[], evidence=ag.evidence, date=ag.date,
                      date_source="text")
        for i, ev in enumerate(events):
            if ev.type == c.signing and ev.codes() - {"IGO"} == codes and _dates_compatible(ev, probe):
                ag.signing_event = i
                break


def _report(doc: Document, exc: Exception, on_error) -> None:
    if on_error is None:
        raise exc
    on_error(doc, exc)


def _shift(mentions: list[Mention], delta: int) -> list[Mention]:
    return [replace(m, start=m.start + delta, end=m.end + delta) for m in mentions]


def merge_occurrences(events: list[Event]) -> list[Event]:
    """One event per occurrence: same type and actors with compatible dates are merged,
    keeping the most confident evidence and the most precise date."""
    out: list[Event] = []
    # Events dated by their own sentence first, so that they lend their date to repeats.
    for ev in sorted(events, key=lambda e: (e.date_source != "text", -e.confidence)):
        twin = next((o for o in out if o.type == ev.type and o.codes() == ev.codes()
                     and o.modality == ev.modality and _dates_compatible(o, ev)
                     and not _opposite(o, ev)), None)
        if twin is None:
            out.append(ev)
        elif ev.date_source == "text" and ev.date and _rank(ev.date_precision) > _rank(twin.date_precision) \
                and (twin.date is None or ev.date.startswith(twin.date)):
            twin.date, twin.date_precision = ev.date, ev.date_precision
    return sorted(out, key=lambda e: e.evidence.start)


def _opposite(a: Event, b: Event) -> bool:
    """Acts of one type between the same states with other sides are other occurrences:
    "A banned imports from B" and "B retaliated against A"; A praising B and A and B
    signing a treaty. A meeting told from either side is one (data/plover.yaml
    reciprocal_types)."""
    sides = lambda e: (frozenset(x.code for x in e.source), frozenset(x.code for x in e.target))
    return sides(a) != sides(b) and a.type not in _reciprocal_types()


@lru_cache(maxsize=1)
def _reciprocal_types() -> frozenset[str]:
    plover = yaml.safe_load((files("steppe.data") / "plover.yaml").read_text(encoding="utf-8"))
    return frozenset(plover.get("reciprocal_types", []))


_REFERENCE = re.compile(r"^\s*(?:\[\d+\]|\d{1,3}[.)]\s+[\"“«A-Z])|(?:Date of Acc?ess|Accessed|Retrieved|Erişim|https?://|www\.)", re.I)


def is_apparatus(sentence: str) -> bool:
    """Footnote references, bibliography entries and table rows: not prose that reports events."""
    return bool(_REFERENCE.search(sentence)) or "\t" in sentence or sentence.lstrip().startswith("|")


def _stem(trigger: str) -> str:
    return trigger.split()[0].lower()[:5] if trigger else ""


def _days_apart(a: str, b: str) -> int:
    if len(a) != 10 or len(b) != 10:
        return 99
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
    except ValueError:
        return 99


def _rank(precision: str) -> int:
    return {"day": 3, "month": 2, "year": 1}.get(precision, 0)


def _dates_compatible(a: Event, b: Event) -> bool:
    """Same date at the coarser precision; a date guessed from context fits a repeat told
    in the same words ("the visit ... on 6 December", later "Mirziyoyev's visit")."""
    if not a.date or not b.date:
        return True
    if a.date_source != b.date_source and _stem(a.trigger) == _stem(b.trigger):
        return True
    if {a.date_source, b.date_source} == {"document", "text"} and _days_apart(a.date, b.date) <= 3 \
            and {x.code for x in a.source} == {x.code for x in b.source}:
        return True   # "has halted supplies" (the report's day) is the halt "on January 1"
    n = min(len(a.date), len(b.date))
    return a.date[:n] == b.date[:n]
