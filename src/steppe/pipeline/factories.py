"""The pipeline's components, registered under versioned names, and the component list of
each language.

A component is a small class built from Resources and called on a DocContext: it reads
fields earlier components wrote and writes its own (the table in docs/architecture.md).
A component with a `pipe(contexts)` method works on a batch of documents at once (the
parse); the Extractor runs the others one document at a time. To change a pipeline, edit
PIPELINES; to replace a stage, register a class under a new name (`steppe.events.v2`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Callable, Iterable, Protocol

from spacy.language import Language

from steppe.facts import Actor, Event, Span, at_precision
from steppe.pipeline.actors import ActorResolver
from steppe.pipeline.agreements import AgreementGrammar, read_agreements
from steppe.pipeline.context import DocContext, state_mentions
from steppe.pipeline.dating import (DatingWords, Said, Thread, announced_at, background_of, bounding_clauses,
                                    bounds_of, clause_of, date_event, occasion_of, occasion_phrases,
                                    other_clauses, party_keys, planned_clause, refers_back,
                                    reporting_verb, said_contents, told_in_past)
from steppe.pipeline.event_filters import interactions_only
from steppe.pipeline.events import EventCoder, RawEvent
from steppe.pipeline.figures import FigureWords, extract_figures
from steppe.pipeline.mentions import Mention, dateline, main_parties
from steppe.pipeline.modality import ModalityWords
from steppe.pipeline.nlp import (Apparatus, SentenceSplitter, body_start, candidate_sentences,
                                 parse_candidates)
from steppe.pipeline.occurrences import implied_signings, link_signings, merge_occurrences
from steppe.pipeline.prefilter import TriggerWords, known_spans
from steppe.pipeline.projects import ProjectGrammar, extract_projects, find_project_names
from steppe.pipeline.roles import RoleWords, attendees, doc_token_mentions
from steppe.pipeline.story_parties import pairs_before
from steppe.pipeline.tables import TableWords, find_tables, table_figures
from steppe.pipeline.timex import TimeGrammar, filed_before, within
from steppe.pipeline.triggers import TriggerGrammar
from steppe.resources import Resources


class Component(Protocol):
    def __call__(self, ctx: DocContext) -> None: ...


@dataclass
class Loaded:
    """What components are built from: the knowledge and lexicons (steppe.resources), the
    English spaCy model, and the objects several components share, built once."""

    resources: Resources
    nlp: Language

    @cached_property
    def resolver(self) -> ActorResolver:
        """KB names to actors (actors, coreference; the events stage resolves NER names)."""
        res = self.resources
        return ActorResolver(res.kb, self.nlp, res.groups, res.grammar)

    @cached_property
    def trigger_words(self) -> TriggerWords:
        """What a sentence must hold to be parsed, and to be given to NER (prefilter.py)."""
        return TriggerWords(self.resources.lexicon, self.resources.grammar, self.trigger_grammar)

    @cached_property
    def trigger_grammar(self) -> TriggerGrammar:
        """The word classes trigger finding and event coding read (triggers.py, events.py)."""
        return TriggerGrammar.from_grammar(self.resources.grammar)

    @cached_property
    def time(self) -> TimeGrammar:
        """The time grammar (timex, tables), its patterns built once from the grammar's words."""
        return TimeGrammar.from_grammar(self.resources.grammar)


REGISTRY: dict[str, Callable[[Loaded], Component]] = {}

# The component list of each language, in order. "en" is the default for any language
# without its own list.
PIPELINES: dict[str, list[str]] = {
    "en": ["steppe.sentences.v1", "steppe.timex.v1", "steppe.actors.v1", "steppe.coref.v1",
           "steppe.candidates.v1", "steppe.parse.v1", "steppe.events.v1", "steppe.tables.v1",
           "steppe.figures.v1", "steppe.projects.v1", "steppe.agreements.v1",
           "steppe.signings.v1", "steppe.occurrences.v1", "steppe.interactions.v1",
           "steppe.signing_links.v1"],
    "ru": ["steppe.ru.sentences.v1", "steppe.ru.timex.v1", "steppe.ru.actors.v1",
           "steppe.ru.coref.v1", "steppe.ru.events.v1", "steppe.ru.figures.v1",
           "steppe.ru.agreements.v1", "steppe.signings.v1", "steppe.occurrences.v1",
           "steppe.signing_links.v1"],
}


def register(name: str):
    def add(cls):
        REGISTRY[name] = cls
        return cls
    return add


def build(names: list[str], loaded: Loaded) -> list[Component]:
    """The components of a list, built from what is loaded."""
    unknown = [n for n in names if n not in REGISTRY]
    if unknown:
        raise KeyError(f"unknown pipeline components: {', '.join(unknown)}")
    return [REGISTRY[n](loaded) for n in names]


# -- English -----------------------------------------------------------------------------

@register("steppe.sentences.v1")
class Sentences:
    """Writes body_start (after the front matter) and sentences (rules, no model)."""

    def __init__(self, res: Loaded) -> None:
        self.split = SentenceSplitter(res.resources.grammar)

    def __call__(self, ctx: DocContext) -> None:
        ctx.body_start = body_start(ctx.text)
        ctx.sentences = self.split(ctx.text, ctx.body_start)


@register("steppe.timex.v1")
class TimeExpressions:
    """Writes timexes: the document's time expressions, resolved against its date; and
    present, present_timexes: the text's present year and its expressions read from it
    (the same unless a text speaks from the year before its publication)."""

    def __init__(self, res: Loaded) -> None:
        self.time = res.time

    def __call__(self, ctx: DocContext) -> None:
        ctx.timexes = self.time.find(ctx.text, anchor=ctx.anchor)
        ctx.filed = filed_before(ctx.text, ctx.timexes, ctx.anchor)
        if ctx.filed:
            # "ALMATY, Jan 13 (Reuters) -" on a page dated a week later: "on Tuesday" is
            # the Tuesday before the 13th
            ctx.timexes = self.time.find(ctx.text, anchor=ctx.anchor)
        ctx.present, ctx.present_timexes = self.time.read_from_present(ctx.text, ctx.anchor, ctx.timexes)


@register("steppe.actors.v1")
class Actors:
    """Writes tokens (the text tokenised, no model) and mentions: the knowledge base's
    names, resolved at the document's date."""

    def __init__(self, res: Loaded) -> None:
        self.nlp, self.resolver = res.nlp, res.resolver

    def __call__(self, ctx: DocContext) -> None:
        ctx.tokens = self.nlp.make_doc(ctx.text)
        ctx.mentions = self.resolver.names(ctx.tokens, date=ctx.anchor)


@register("steppe.coref.v1")
class Coreference:
    """Reads tokens, mentions; adds the mentions that refer back to names (groups such as
    "the two countries", pronouns, definite descriptions); writes states, main_parties and
    quotes."""

    def __init__(self, res: Loaded) -> None:
        self.coref = res.resolver.coref

    def __call__(self, ctx: DocContext) -> None:
        ctx.quotes = self.coref.quotations(ctx.text)
        ctx.mentions = self.coref(ctx.tokens, ctx.mentions, ctx.quotes)
        ctx.mentions.sort(key=lambda m: (m.start, -m.end))
        ctx.states = state_mentions(ctx.mentions)
        ctx.main_parties = main_parties(ctx.mentions, ctx.text)


@register("steppe.candidates.v1")
class Candidates:
    """Reads sentences, tokens, mentions; writes candidates: the sentences with an actor
    and the words of a trigger, the only ones parsed."""

    def __init__(self, res: Loaded) -> None:
        self.may_trigger = res.trigger_words.may_trigger
        self.is_apparatus = Apparatus(res.resources.grammar)

    def __call__(self, ctx: DocContext) -> None:
        ctx.candidates = candidate_sentences(ctx, self.may_trigger, self.is_apparatus)


@register("steppe.parse.v1")
class Parse:
    """Reads candidates and mentions of a batch of documents; writes parsed (one nlp.pipe
    for all): the sentences in which a trigger is found, with entities where they can
    change the events (prefilter.py); releases tokens."""

    def __init__(self, res: Loaded) -> None:
        self.nlp, self.words = res.nlp, res.trigger_words

    def pipe(self, ctxs: list[DocContext]) -> None:
        for ctx in ctxs:
            # The whole texts' tokens are not read after this: dropped, so that a batch of
            # long documents does not hold them all while it is parsed.
            ctx.tokens = None
        starts = {id(c): [m.start for m in c.mentions] for c in ctxs}

        def triage(ctx: DocContext, i: int, sdoc) -> int:
            s, e = ctx.sentences[i]
            return self.words.triage(sdoc, s, known_spans(ctx.mentions, starts[id(ctx)], s, e))

        parse_candidates(self.nlp, ctxs, triage)


@register("steppe.events.v1")
class Events:
    """Reads parsed, mentions, main_parties, timexes, quotes; writes events, coded and dated
    (names the KB lacks are resolved from the parse's entities on the way)."""

    def __init__(self, res: Loaded) -> None:
        self.resolver, self.lexicon = res.resolver, res.resources.lexicon
        grammar = res.resources.grammar
        self.coder = EventCoder(res.resources.lexicon, res.trigger_grammar,
                                ModalityWords.from_grammar(grammar), RoleWords.from_grammar(grammar))
        self.dating_words = DatingWords.from_grammar(grammar)

    def __call__(self, ctx: DocContext) -> None:
        starts = [m.start for m in ctx.mentions]      # sorted by find()
        # The parties each mention names: what ties an undated event to an earlier date.
        said = Said.of(ctx.mentions)
        pairs = pairs_before(ctx.states, ctx.sentences) if ctx.parsed else []
        bounded = ctx.time_bounds       # time-bounding phrases read so far (dating)
        # Times told as before the story (dating): of the sentences not parsed, read here;
        # of the parsed ones, as they are coded
        # (by where they start: a set, looked up for every time of every event)
        backdrop = {t.start for i, (s, e) in enumerate(ctx.sentences) if i not in ctx.parsed
                    for t in _past_perfect_times(ctx, s, e, self.dating_words)}
        plan_days: set[int] = set()     # weekdays told as a plan's so far (dating)
        # Where the story was filed ("ALMATY, 13 January —"): a name the parse finds there
        # is no actor, whether or not the knowledge base knows it.
        filed_at = dateline(ctx.text)
        present: tuple[Actor, ...] = ()     # those at the latest gathering of three or more
        for i, sdoc in ctx.parsed.items():
            s, e = ctx.sentences[i]
            smentions = ctx.mentions[bisect_left(starts, s):bisect_left(starts, e)]
            smentions += [m for m in self.resolver.resolve_unknown(sdoc, s, smentions, ctx.anchor)
                          if not filed_at[0] <= m.start < filed_at[1]]
            smentions.sort(key=lambda m: m.start)
            tm = doc_token_mentions(sdoc, s, smentions)
            raws = list(self.coder.code(sdoc[:], _shift(smentions, -s), token_mentions=tm,
                                        main=ctx.main_parties, pair_before=pairs[i],
                                        present=present))
            attending = attendees(sdoc[:], tm, self.coder.roles)
            gathering = _gathering_before(ctx, i, attending, raws)
            if gathering is not None:
                _join(gathering, attending.values())
                if len(gathering.codes()) >= 3 and gathering.mode == "multilateral":
                    present = tuple({a.party: a for a in gathering.source + gathering.target}.values())
            for raw in raws:
                if gathering is not None and raw.trigger.i in attending:
                    continue        # told as attending the gathering before: one occurrence
                ev = self._finish(raw, s, ctx, said, bounded, backdrop, plan_days)
                ctx.events.append(ev)
                if raw.mode == "multilateral" and len(ev.codes()) >= 3:
                    present = tuple({a.party: a for a in ev.source + ev.target}.values())
                if raw.main:
                    ctx.main_acts.append(ev)
            times = within(ctx.timexes, s, e)
            if times and background_of(sdoc[:].root, self.dating_words,
                                       self.coder.lex.cues.reporting_verbs) == "before":
                # "An agreement had been signed in September": a time told as before the
                # story is no reference time for the sentences after it (their acts are
                # the story's), whether or not the sentence codes an event
                backdrop.update(t.start for t in times)
            elif times:
                # "Raisi, who took office in August, paid his first visit", "a step up from the
                # partnership the two proclaimed in 2014": a relative clause's time is another
                # act's (dating.other_clauses), and no reference time for the sentences after
                # (so is a participle's on a noun: "the goal, put forward by Xi at a summit in
                # January 2022, had been surpassed")
                clauses = [(a + s, b + s) for a, b in other_clauses(
                    sdoc[:].root, relative=False, deps={"relcl"}, occasions=self.dating_words.occasion_nouns)]
                clauses += [(t.left_edge.idx + s, t.right_edge.idx + len(t.right_edge) + s)
                            for t in sdoc if t.dep_ == "acl" and t.tag_ == "VBN"]
                backdrop.update(t.start for t in times if any(a <= t.start < b for a, b in clauses))

    def _finish(self, raw: RawEvent, offset: int, ctx: DocContext,
                said: Said, bounded: list[tuple[int, int]], backdrop: set[int],
                plan_days: set[int]) -> Event:
        """The event of `raw` in the document, dated; `bounded` gets the phrases that bound
        its time. `backdrop`: times told as before the story, which frame nothing after."""
        s, e = raw.sentence.start_char + offset, raw.sentence.end_char + offset
        bounds = [(a + offset, b + offset) for a, b in
                  bounds_of(raw.trigger, self.dating_words.bounding_prepositions)
                  + bounding_clauses(raw.trigger, self.dating_words.bounding_conjunctions)]
        # Words of a subordinate clause that does not hold the trigger are another act's.
        foreign = other_clauses(raw.trigger)
        at = raw.trigger.idx + offset
        reporting = self.coder.lex.cues.reporting_verbs
        reporter = reporting_verb(raw.trigger, reporting)
        announced = [(a + offset, b + offset) for a, b in announced_at(reporter)]
        # What is said around the act, whose times are of what is said (date_event): the
        # speech quoted in the sentence (not a phrase quoted inside the act's own words:
        # 'will visit China "in early June"'), and what a verb of saying hung on the act
        # reports ("thanked X, saying ..."; not when the act is itself reported).
        quoted = [(a, b) for a, b in ctx.quotes if a < e and b > s and not a <= at < b
                  and _speech(ctx.text, a, b)]
        if reporter is None:
            quoted += [(a + offset, b + offset) for a, b in said_contents(raw.trigger, reporting)]
        date, precision, date_source = date_event(
            ctx.timexes, ctx.sentences, (s, e), at, anchor=ctx.anchor,
            modality=raw.modality, words=self.dating_words, text=ctx.text,
            region=[(a + offset, b + offset) for a, b in raw.region
                    if not any(x <= a < y for x, y in foreign)],
            narrative=told_in_past(raw.trigger),
            occasion=occasion_of(raw.trigger, self.dating_words),
            thread=Thread(party_keys([*raw.source, *raw.target]), said,
                          *refers_back(raw.trigger, self.dating_words),
                          background=background_of(raw.trigger, self.dating_words, reporting)),
            announced=announced,
            plan=[(a + offset, b + offset) for a, b in planned_clause(raw.trigger)]
            if raw.type in self.dating_words.plan_types else None,
            bounds=bounds, bounded=bounded, backdrop=backdrop,
            foreign=[(a + offset, b + offset) for a, b in
                     other_clauses(raw.trigger, relative=False, deps={"relcl"},
                                   occasions=self.dating_words.occasion_nouns)],
            quoted=quoted,
            plan_days=plan_days, occasions=[(a + offset, b + offset) for a, b in
                                            occasion_phrases(raw.trigger, self.dating_words)],
            clause=tuple(x + offset for x in clause_of(raw.trigger)))
        bounded += bounds
        score, quad, cameo = self.lexicon.score(raw.type, raw.mode)
        return Event(
            type=raw.type, mode=raw.mode, source=list(raw.source), target=list(raw.target),
            evidence=Span(s, e, ctx.text[s:e]), date=at_precision(date, precision),
            date_precision=precision, modality=raw.modality, confidence=raw.confidence,
            trigger=raw.trigger_text, date_source=date_source,
            score=score, quad=quad, cameo=cameo)


def _speech(text: str, a: int, b: int) -> bool:
    """Whether the quotation at [a, b) is speech ("...,", "...."; a line led by a dash),
    not a phrase quoted in running text ("will visit China "in early June"")."""
    return text[a] not in "\"“«" or text[b - 2:b - 1] in ",.!?…"


def _gathering_before(ctx: DocContext, i: int, attending: dict[int, list[Actor]],
                     raws: list[RawEvent]) -> Event | None:
    """The meeting those told as attending in sentence `i` were at ("Orban also attended"):
    the asserted meeting told in the last sentence of the two before that tells an act (a
    mutual one first). None when the sentence tells a meeting or a time of its own ("On
    Wednesday Putin met Xi, and Tokayev also attended"), or when that last sentence told no
    meeting ("the navies then began drills. Iran also took part")."""
    s, e = ctx.sentences[i]
    if not attending or within(ctx.timexes, s, e) or \
            any(r.type == "CONSULT" and r.trigger.i not in attending for r in raws):
        return None
    since = ctx.sentences[max(0, i - 2)][0]
    recent = [ev for ev in ctx.events if ev.evidence.start >= since]
    if not recent:
        return None
    last = [ev for ev in recent if ev.type == "CONSULT" and ev.modality == "asserted"
            and ev.evidence.start == recent[-1].evidence.start]
    mutual = [ev for ev in last if ev.codes() and {a.code for a in ev.source} == {a.code for a in ev.target}]
    return (mutual or last or [None])[-1]


def _join(gathering: Event, attending: Iterable[list[Actor]]) -> None:
    """Adds those who attended to a meeting: on both sides of a mutual one, else among its
    visitors."""
    mutual = {a.code for a in gathering.source} == {a.code for a in gathering.target}
    for side in [gathering.source, gathering.target] if mutual else [gathering.source]:
        for actors in attending:
            for a in actors:
                if a.party not in {x.party for x in side}:
                    side.append(a)
    if mutual and len(gathering.codes()) >= 3 and gathering.mode in ("", "visit"):
        gathering.mode = "multilateral"


def _past_perfect_times(ctx: DocContext, s: int, e: int, words: DatingWords) -> list:
    """The times of a sentence not parsed that tells its act in the past perfect, read from
    its words ("had been signed in September"); none for a sentence without a time."""
    times = within(ctx.timexes, s, e)
    return times if times and words.past_perfect.search(ctx.text, s, e) else []


def _shift(mentions: list[Mention], delta: int) -> list[Mention]:
    return [replace(m, start=m.start + delta, end=m.end + delta) for m in mentions]


@register("steppe.tables.v1")
class Tables:
    """Writes tables (found once, column periods read by the time grammar) and their figures,
    one per numeric cell, into figures."""

    def __init__(self, res: Loaded) -> None:
        self.units, self.time = res.resources.units, res.time
        self.words = TableWords.from_grammar(res.resources.grammar, res.resources.indicators.growth_names())

    def __call__(self, ctx: DocContext) -> None:
        ctx.tables = find_tables(ctx.text, self.time)
        ctx.figures += table_figures(ctx, self.units, self.words)


@register("steppe.figures.v1")
class Figures:
    """Reads sentences, present_timexes, states, main_parties, tables; writes figures (the tables'
    and the prose's, repeats merged). Units and indicators from the resources."""

    def __init__(self, res: Loaded) -> None:
        self.resources = res.resources
        self.words = FigureWords.from_grammar(res.resources.grammar)

    def __call__(self, ctx: DocContext) -> None:
        ctx.figures = extract_figures(ctx, self.resources, self.words)


@register("steppe.projects.v1")
class Projects:
    """Writes project_names and projects (reads sentences, timexes, states, main_parties).
    Words from data/projects.yaml, values read with the resources' units."""

    def __init__(self, res: Loaded) -> None:
        self.grammar = ProjectGrammar.from_words(res.resources.projects["en"], res.resources.units)

    def __call__(self, ctx: DocContext) -> None:
        ctx.project_names = find_project_names(ctx.text, self.grammar)
        ctx.projects = extract_projects(ctx, self.grammar)


@register("steppe.agreements.v1")
class Agreements:
    """Reads sentences, timexes, states, main_parties, project_names; writes concluded.
    Words from data/agreements.yaml, state names from the knowledge base (a --kb's too)."""

    def __init__(self, res: Loaded) -> None:
        self.grammar = AgreementGrammar.from_resources(res.resources)

    def __call__(self, ctx: DocContext) -> None:
        ctx.concluded = read_agreements(ctx, self.grammar)


# -- any language --------------------------------------------------------------------------

@register("steppe.signings.v1")
class Signings:
    """Reads concluded; adds to events the signing (SUPPORT) or agreeing (AGREE) each
    concluded agreement implies, unless the text's events have it."""

    def __init__(self, res: Loaded) -> None:
        self.score = res.resources.lexicon.score

    def __call__(self, ctx: DocContext) -> None:
        ctx.events = ctx.events + implied_signings(ctx.concluded, ctx.events, self.score)


@register("steppe.occurrences.v1")
class Occurrences:
    """Merges the events that report one occurrence (same type, actors, compatible dates)."""

    def __init__(self, res: Loaded) -> None:
        self.reciprocal = res.resources.lexicon.coding.reciprocal
        grammar = res.resources.grammar
        self.apart = {lang: re.compile(rf"\b(?:{grammar.words(lang, 'occurrences').alternation('apart_words')})\w*",
                                       re.I) for lang in PIPELINES}

    def __call__(self, ctx: DocContext) -> None:
        ctx.events = merge_occurrences(ctx.events, self.reciprocal, self.apart.get(ctx.language))


@register("steppe.interactions.v1")
class Interactions:
    """Keeps only the events between actors when the text reports any (ANNOTATION.md)."""

    def __init__(self, res: Loaded) -> None:
        pass

    def __call__(self, ctx: DocContext) -> None:
        # In a report of one sentence (a headline, a wire brief), its main act is what it
        # reports; in a longer text, the domestic acts are the background of the story.
        main = frozenset(id(e) for e in ctx.main_acts) if len(ctx.sentences) == 1 else frozenset()
        ctx.events = interactions_only(ctx.events, main)


@register("steppe.signing_links.v1")
class SigningLinks:
    """Points each concluded agreement at the event (index in events) that concluded it."""

    def __init__(self, res: Loaded) -> None:
        pass

    def __call__(self, ctx: DocContext) -> None:
        link_signings(ctx.concluded, ctx.events)


# -- Russian ---------------------------------------------------------------------------------

# Classes in pipeline/ru/components.py, imported when a Russian pipeline is first built
# (pymorphy3 and razdel load only then).
RUSSIAN = {"steppe.ru.sentences.v1": "RuSentences", "steppe.ru.timex.v1": "RuTimeExpressions",
           "steppe.ru.actors.v1": "RuActors", "steppe.ru.coref.v1": "RuCoreference",
           "steppe.ru.events.v1": "RuEvents", "steppe.ru.figures.v1": "RuFigures",
           "steppe.ru.agreements.v1": "RuAgreements"}


def _russian(cls_name: str) -> Callable[[Loaded], Component]:
    def make(res: Loaded) -> Component:
        from steppe.pipeline.ru import components
        return getattr(components, cls_name)(res)
    make.__doc__ = f"steppe.pipeline.ru.components.{cls_name}"
    return make


for _name, _cls in RUSSIAN.items():
    REGISTRY[_name] = _russian(_cls)
