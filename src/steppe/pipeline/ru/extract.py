"""From a Russian Document to its Facts, with the same records as the English pipeline.

Per document: sentences and words (razdel, pymorphy3), actor mentions through the shared
KB, time expressions; then per sentence events, figures and agreements. Repeats of one
occurrence are merged as in English (steppe.pipeline.extract.merge_occurrences).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from typing import Callable

from steppe.facts import Agreement, Document, Event, Facts, Figure, Span, at_precision, precision_of
from steppe.kb.model import KnowledgeBase
from steppe.pipeline.ru.actors import RuActorResolver, RuMention
from steppe.pipeline.ru.agreements import extract_sentence_agreements, merge_agreements
from steppe.pipeline.ru.events import RuRawEvent, code_sentence
from steppe.pipeline.ru.figures import extract_sentence_figures, merge_figures
from steppe.pipeline.ru.text import sentences, words
from steppe.pipeline.ru.timex import RuTime, find_times

Score = Callable[[str, str], tuple]


class RussianExtractor:
    """Holds the Russian resolver; `extract` keeps no state between documents."""

    def __init__(self, kb: KnowledgeBase, score: Score) -> None:
        self.resolver = RuActorResolver(kb)
        self.score = score          # PLOVER score, quad class and CAMEO root of a type and mode

    def extract(self, doc: Document) -> tuple[Facts, list[Event], list[Agreement]]:
        """Facts of one document (events not yet merged) and its raw parts for the caller."""
        text = doc.text
        ws = words(text)
        starts = [w.start for w in ws]
        mentions = _with_pronouns(ws, self.resolver.find(ws, doc.date, text))
        main = main_parties(mentions, text)
        times = find_times(text, doc.date)
        events: list[Event] = []
        figures: list[Figure] = []
        agreements: list[Agreement] = []
        m_starts = [m.char_start for m in mentions]
        t_starts = [t.start for t in times]
        for s, e in sentences(text):
            a, b = bisect_left(starts, s), bisect_left(starts, e)
            sw = ws[a:b]
            if not sw:
                continue
            sm = [_local(m, a) for m in mentions[bisect_left(m_starts, s):bisect_left(m_starts, e)]]
            st = times[bisect_left(t_starts, s):bisect_left(t_starts, e)]
            raws = code_sentence(sw, sm, main)
            for raw in raws:
                # a time expression belongs to the trigger nearest to it
                own = [t for t in st if min(raws, key=lambda r: abs(r.trigger_start - t.start)) is raw]
                events.append(self._event(raw, text, s, e, own, doc.date))
            figures += extract_sentence_figures(text, s, e, sw, sm, st, main)
            agreements += extract_sentence_agreements(text, s, e, sw, sm, st, main)
        actors = [a for m in mentions for a in m.actors]
        return Facts(id=doc.id, figures=merge_figures(figures), mentions=actors), events, \
            merge_agreements(agreements)

    def _event(self, raw: RuRawEvent, text: str, s: int, e: int, times: list[RuTime],
               anchor: str | None) -> Event:
        date, source = _date(raw, times, anchor)
        precision = precision_of(date)
        score, quad, cameo = self.score(raw.type, raw.mode)
        return Event(type=raw.type, mode=raw.mode, source=raw.source, target=raw.target,
                     evidence=Span(s, e, text[s:e]), date=at_precision(date, precision),
                     date_precision=precision, modality=raw.modality, confidence=raw.confidence,
                     trigger=raw.trigger, date_source=source, score=score, quad=quad, cameo=cameo)


def _date(raw: RuRawEvent, times: list[RuTime], anchor: str | None) -> tuple[str | None, str]:
    """The sentence's time expression nearest the trigger; else the publication date for
    what happened (news reports the day's events), nothing for what is only planned."""
    usable = [t for t in times if not t.deadline or raw.modality == "planned"]
    if usable:
        t = min(usable, key=lambda t: abs(t.start - raw.trigger_start))
        return t.point, "text"
    if raw.modality == "asserted" and anchor:
        return anchor, "document"
    return None, "document"


_PRONOUNS = {"он", "она"}


def _with_pronouns(ws, mentions: list[RuMention]) -> list[RuMention]:
    """"Он сообщил", "Она заверила": the person or office named last before the pronoun."""
    from dataclasses import replace
    out = list(mentions)
    k = 0
    last = None
    for i, w in enumerate(ws):
        while k < len(mentions) and mentions[k].start <= i:
            if mentions[k].kind in ("person", "role"):
                last = mentions[k]
            k += 1
        if w.low in _PRONOUNS and w.text[:1].isupper() and last is not None:
            out.append(replace(last, start=i, end=i + 1, char_start=w.start, char_end=w.end,
                               text=w.text, cases=frozenset({"nomn"}), prep=""))
    return sorted(out, key=lambda m: m.start)


def _local(m: RuMention, offset: int) -> RuMention:
    """A mention with word indexes relative to its sentence."""
    from dataclasses import replace
    return replace(m, start=m.start - offset, end=m.end - offset)


def main_parties(mentions: list[RuMention], text: str, size: int = 2) -> list[str]:
    """The document's main states: the most named codes, the title counting double."""
    counts: Counter[str] = Counter()
    title_end = text.find("\n") if "\n" in text[:300] else 0
    for m in mentions:
        if m.location:
            continue
        for c in m.codes:
            if c != "IGO":
                counts[c] += 2 if m.char_start < title_end else 1
    return sorted(c for c, n in counts.most_common(size) if n >= 2)
