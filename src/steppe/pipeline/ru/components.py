"""The Russian pipeline's components (registered in pipeline/factories.py as steppe.ru.*):
razdel sentences and words, pymorphy3 lemmas and cases, the shared knowledge base, the
Russian data of Resources (data/ru/*.yaml, data/words/ru.yaml). They fill the context
fields the English components fill, so the shared components after them (signings,
occurrences, signing_links) read Russian documents as they read English ones.

Context fields as the Russian stages use them: `tokens` holds the text's words
(ru.text.Word, with their analyses); `mentions` are ru.actors.RuMention (word indexes
into `tokens`, character offsets in `char_start`, `char_end`, and their `actors`);
`timexes` are ru.timex.RuTime.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from steppe.facts import Event, Span, at_precision, precision_of
from steppe.pipeline.context import Concluded, DocContext
from steppe.pipeline.ru.actors import ActorWords, RuActorResolver
from steppe.pipeline.ru.agreements import AgreementWords, document_agreements
from steppe.pipeline.ru.coref import GroupWords, refer_back
from steppe.pipeline.ru.dating import DatingWords, ahead, date_by_report, event_date, without_headline_repeats
from steppe.pipeline.ru.events import RuEventCoder, RuRawEvent
from steppe.pipeline.ru.figures import RuFigureReader
from steppe.pipeline.ru.sentences import by_sentence
from steppe.pipeline.ru.text import sentences, words
from steppe.pipeline.ru.timex import RuDates, RuTime

if TYPE_CHECKING:
    from steppe.pipeline.factories import Loaded


class RuSentences:
    """Writes sentences (razdel's, also cut at line breaks)."""

    def __init__(self, res: Loaded) -> None:
        pass

    def __call__(self, ctx: DocContext) -> None:
        ctx.sentences = sentences(ctx.text)


class RuTimeExpressions:
    """Writes timexes: the text's time expressions (RuTime), resolved against its date."""

    def __init__(self, res: Loaded) -> None:
        self.dates = RuDates(res.resources.russian.dates())

    def __call__(self, ctx: DocContext) -> None:
        ctx.timexes = self.dates.find_times(ctx.text, ctx.anchor)


class RuActors:
    """Writes tokens (the text's words, analysed) and mentions: the knowledge base's
    Cyrillic names, roles and agents, grouped into actors at the document's date."""

    def __init__(self, res: Loaded) -> None:
        self.resolver = RuActorResolver(res.resources.kb, ActorWords.from_grammar(res.resources.grammar))

    def __call__(self, ctx: DocContext) -> None:
        ctx.tokens = words(ctx.text)
        ctx.mentions = self.resolver.find(ctx.tokens, ctx.anchor, ctx.text)


class RuCoreference:
    """Reads tokens, mentions; adds pronouns, group phrases ("стороны") and the Central
    Asian region to mentions; writes main_parties."""

    def __init__(self, res: Loaded) -> None:
        topic = ActorWords.from_grammar(res.resources.grammar).topic
        self.groups = GroupWords.build(res.resources.russian.groups(), topic)

    def __call__(self, ctx: DocContext) -> None:
        ctx.mentions, ctx.main_parties = refer_back(ctx.tokens, ctx.mentions, ctx.text, self.groups)


class RuEvents:
    """Reads sentences, tokens, mentions, main_parties, timexes; writes events, coded,
    dated and scored (a headline's event left out when the body reports it)."""

    def __init__(self, res: Loaded) -> None:
        russian = res.resources.russian
        figures = russian.figures()
        units = {w for w, u in figures["units"].items() if u not in ("count", "ratio")}
        self.coder = RuEventCoder(russian.triggers(), russian.modality(), frozenset(figures["scales"]) | units)
        self.dating = DatingWords.build(russian.dates())
        self.score = res.resources.lexicon.score   # PLOVER score, quad class, CAMEO root

    def __call__(self, ctx: DocContext) -> None:
        text, anchor = ctx.text, ctx.anchor
        events: list[Event] = []
        before_from = 0                       # the events of the sentence before start here
        carried = None                        # the sides of the sentence before's last event
        for st in by_sentence(ctx.sentences, ctx.tokens, ctx.mentions, ctx.timexes):
            if self.dating.reports_before(st.words):
                date_by_report(events[before_from:], st.times)
            before_from = len(events)
            raws = self.coder.code_sentence(st.words, st.mentions, ctx.main_parties, carried)
            carried = (raws[-1].source, raws[-1].target) if raws else None
            for raw in raws:
                # a time expression belongs to the trigger nearest to it
                own = [t for t in st.times if min(raws, key=lambda r: abs(r.trigger_start - t.start)) is raw]
                # else the time that opens the sentence ("Вчера, 9 июля, по итогам переговоров
                # ... был передан"): it dates every clause after it
                undated = not own and self.dating.undated(st.words, raw.trigger_start, raw.type)
                own = own or [t for t in st.times if t.start < raw.trigger_start and t.start - st.start < 25]
                # "программа на 2025–2027 годы": the years a document runs, not when it was signed
                own = [t for t in own if not ("/" in t.value and text[max(0, t.start - 3):t.start].endswith("на "))]
                # "первый визит после переизбрания 20 ноября": the re-election's date
                own = [t for t in own if not self.dating.bounded(st.words, raw.trigger_start, t)]
                events.append(self._event(raw, text, st.start, st.end, [] if undated else own,
                                          None if undated else anchor))
        ctx.events = without_headline_repeats(events, text)

    def _event(self, raw: RuRawEvent, text: str, s: int, e: int, times: list[RuTime],
               anchor: str | None) -> Event:
        date, source = event_date(raw, times, anchor)
        if raw.modality == "asserted" and not raw.past and source == "text" and ahead(date, anchor):
            # "с 1 июля вводит ограничения": an act dated after the report, not told in the
            # past tense, is still to come
            raw = self.coder.planned(raw)
        precision = precision_of(date)
        score, quad, cameo = self.score(raw.type, raw.mode)
        return Event(type=raw.type, mode=raw.mode, source=raw.source, target=raw.target,
                     evidence=Span(s, e, text[s:e]), date=at_precision(date, precision),
                     date_precision=precision, modality=raw.modality, confidence=raw.confidence,
                     trigger=raw.trigger, date_source=source, score=score, quad=quad, cameo=cameo)


class RuFigures:
    """Reads sentences, tokens, mentions, main_parties, timexes; writes figures (repeats
    merged, a flow's direction taken from the document when its sentence gives none)."""

    def __init__(self, res: Loaded) -> None:
        self.reader = RuFigureReader(res.resources.russian.figures())

    def __call__(self, ctx: DocContext) -> None:
        parts = by_sentence(ctx.sentences, ctx.tokens, ctx.mentions, ctx.timexes)
        ctx.figures = self.reader.document_figures(ctx.text, parts, ctx.main_parties, ctx.anchor)


class RuAgreements:
    """Reads sentences, tokens, mentions, main_parties, timexes; writes concluded: every
    agreement named, one per title, as signed (SUPPORT)."""

    def __init__(self, res: Loaded) -> None:
        self.words = AgreementWords.build(res.resources.russian.agreements(), res.resources.grammar)

    def __call__(self, ctx: DocContext) -> None:
        parts = by_sentence(ctx.sentences, ctx.tokens, ctx.mentions, ctx.timexes)
        found = document_agreements(self.words, ctx.text, parts, ctx.main_parties, ctx.anchor)
        ctx.concluded = [Concluded(a, "SUPPORT") for a in found]
