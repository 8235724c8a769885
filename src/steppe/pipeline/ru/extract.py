"""From a Russian Document to its Facts, with the same records as the English pipeline.

Per document: sentences and words (razdel, pymorphy3), actor mentions through the shared
KB, time expressions; then per sentence events, figures and agreements. Repeats of one
occurrence are merged by the components shared with English (pipeline/factories.py).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from importlib.resources import files
from typing import Callable

import yaml

from steppe.facts import Actor, Agreement, Event, Figure, Span, at_precision, precision_of
from steppe.kb.model import KnowledgeBase
from steppe.pipeline.context import Concluded, DocContext
from steppe.pipeline.ru.actors import RuActorResolver, RuMention
from steppe.pipeline.ru.agreements import extract_sentence_agreements, merge_agreements
from steppe.pipeline.ru.events import RuRawEvent, code_sentence
from steppe.pipeline.ru.figures import (extract_sentence_figures, is_flow, merge_figures, sentence_flows,
                                       sentence_indicator)
from steppe.pipeline.ru.text import Word, fold, sentences, words
from steppe.pipeline.ru.timex import RuTime, find_times

Score = Callable[[str, str], tuple]


class RussianReader:
    """The Russian pipeline as one component (steppe.ru.reader.v1): holds the Russian
    resolver and keeps no state between documents."""

    def __init__(self, kb: KnowledgeBase, score: Score) -> None:
        self.resolver = RuActorResolver(kb)
        self.score = score          # PLOVER score, quad class and CAMEO root of a type and mode

    def __call__(self, ctx: DocContext) -> None:
        """Writes mentions, main_parties, events (not yet merged), figures and concluded
        (every agreement read is a signed one)."""
        doc = ctx.doc
        text = doc.text
        ws = words(text)
        starts = [w.start for w in ws]
        mentions = _with_pronouns(ws, self.resolver.find(ws, doc.date, text))
        # An event, an agreement or a figure has two sides: when its sentence names one, the
        # other is the document's most named state, even one named only once.
        main = main_parties(mentions, text, least=1)
        mentions = _shared_prepositions(ws, _with_region(ws, _with_groups(ws, mentions, main)))
        times = find_times(text, doc.date)
        events: list[Event] = []
        figures: list[Figure] = []
        agreements: list[Agreement] = []
        flows: list[dict[str, str]] = []      # directions of trade the document states
        m_starts = [m.char_start for m in mentions]
        prev_words: list[Word] = []
        before_from = 0                       # the events of the sentence before start here
        t_starts = [t.start for t in times]
        for s, e in sentences(text):
            a, b = bisect_left(starts, s), bisect_left(starts, e)
            sw = ws[a:b]
            if not sw:
                continue
            sm = [_local(m, a) for m in mentions[bisect_left(m_starts, s):bisect_left(m_starts, e)]]
            st = times[bisect_left(t_starts, s):bisect_left(t_starts, e)]
            if _reports_before(sw):
                _date_by_report(events[before_from:], st)
            before_from = len(events)
            raws = code_sentence(sw, sm, main)
            for raw in raws:
                # a time expression belongs to the trigger nearest to it
                own = [t for t in st if min(raws, key=lambda r: abs(r.trigger_start - t.start)) is raw]
                # else the time that opens the sentence ("Вчера, 9 июля, по итогам переговоров
                # ... был передан"): it dates every clause after it
                undated = not own and _undated(sw, raw.trigger_start, raw.type)
                own = own or [t for t in st if t.start < raw.trigger_start and t.start - s < 25]
                events.append(self._event(raw, text, s, e, [] if undated else own,
                                          None if undated else doc.date))
            # what "его", "этот показатель" refer to: the sentence before, else the last figure
            previous = sentence_indicator(prev_words) or (figures[-1].indicator if figures else None)
            prev_words = sw
            figures += extract_sentence_figures(text, s, e, sw, sm, st, main, previous, doc.date)
            flows += sentence_flows(sw, sm, e)
            agreements += extract_sentence_agreements(text, s, e, sw, sm, st, main, doc.date)
        _directed_by_document(figures, flows)
        ctx.mentions, ctx.main_parties = mentions, main
        ctx.events = _without_headline_repeats(events, text)
        ctx.figures = merge_figures(figures)
        ctx.concluded = [Concluded(a, "SUPPORT") for a in merge_agreements(agreements)]

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
        if anchor and raw.modality == "asserted" and anchor.startswith(t.point) and len(anchor) > len(t.point):
            return anchor, "text"          # "в этом году", "в мае" in a report of that month
        return t.point, "text"
    if raw.modality == "asserted" and anchor:
        return anchor, "document"
    return None, "document"


_PRONOUNS = {"он", "она"}


def _reports_before(ws: list[Word]) -> bool:
    """"Об этом 3 июня заявил президент": the sentence reports the one before it."""
    opener = _dates()["report_openers"]
    return any([w.low for w in ws[:len(o.split())]] == o.split() for o in opener)


def _date_by_report(events: list[Event], times: list[RuTime]) -> None:
    """Acts the text gave no date of take the day they were reported on."""
    day = next((t for t in times if len(t.value) == 10 and not t.deadline), None)
    if day is None:
        return
    for ev in events:
        if ev.date_source == "document" and ev.modality == "asserted" and ev.date:
            ev.date, ev.date_precision, ev.date_source = day.value, "day", "text"


@lru_cache(maxsize=1)
def _dates() -> dict:
    return yaml.safe_load((files("steppe.data") / "ru" / "dates.yaml").read_text(encoding="utf-8"))


def _undated(ws: list[Word], trigger_start: int, etype: str) -> bool:
    """An act the text does not date, so neither does the publication: one recalled
    ("Ранее ведомство указало ...") or standing exchanges told in the present
    ("Туркмения является экспортером газа", "поставляет газ"). A statement in the present
    ("Россия поддерживает ...") is made on the day: dated."""
    before = [w for w in ws if w.end <= trigger_start]
    head = next((w for w in ws if w.start >= trigger_start), None)
    cues = _words()
    # "Ранее ..." opening the sentence, or right before the trigger ("задержанный ранее в
    # ходе нападения")
    if any(w.low in cues["recalled"] for w in before[:2] + before[-3:]):
        return True
    if etype not in cues["standing_types"]:
        return False
    verbs = before[-6:] + ([head] if head else [])
    return any(w.a.pos == "VERB" and w.a.tense == "pres" and w.a.lemma in cues["standing"] for w in verbs) \
        or bool(head and head.a.pos == "VERB" and head.a.tense == "pres")


@lru_cache(maxsize=1)
def _words() -> dict:
    return yaml.safe_load((files("steppe.data") / "ru" / "dates.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _groups() -> list[tuple[str, ...]]:
    data = yaml.safe_load((files("steppe.data") / "ru" / "groups.yaml").read_text(encoding="utf-8"))
    return sorted((tuple(fold(g).split()) for g in data["groups"]), key=len, reverse=True)


def _directed_by_document(figures: list[Figure], flows: list[dict[str, str]]) -> None:
    """A flow whose sentence gives no direction ("Ежегодный объем поставок составляет 40
    млрд кубометров") takes the one the document states between the same two states
    ("Туркмения является экспортером газа в Китай"), when it states only one."""
    for f in figures:
        if f.direction is None and is_flow(f.indicator) and len(f.parties) == 2:
            known = {(d["from"], d["to"]) for d in flows if {d["from"], d["to"]} == set(f.parties)}
            if len(known) == 1:
                frm, to = known.pop()
                f.direction = {"from": frm, "to": to}


def _shared_prepositions(ws: list[Word], mentions: list[RuMention]) -> list[RuMention]:
    """"директор по Центральной Азии и России": a mention joined by "и" to one after a
    preposition shares it (a topic or a place, like the first)."""
    out: list[RuMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and not m.prep and prev.prep and prev.end + 1 == m.start \
                and ws[prev.end].low == "и":
            m = replace(m, prep=prev.prep, location=prev.location or m.location)
        out.append(m)
    return out


@lru_cache(maxsize=1)
def _region() -> tuple[list[str], list[tuple[str, ...]]]:
    data = yaml.safe_load((files("steppe.data") / "ru" / "groups.yaml").read_text(encoding="utf-8"))["central_asia"]
    from steppe.pipeline.ru.text import analyse
    phrases = [tuple(analyse(w).lemma for w in p.split()) for p in data["phrases"]]
    return data["members"], sorted(phrases, key=len, reverse=True)


def _with_region(ws: list[Word], mentions: list[RuMention]) -> list[RuMention]:
    """"Центральная Азия", "страны Центральной Азии", "центральноазиатские государства":
    the five states (a summit "Китай — Центральная Азия" has them all); after в/на it is
    a place ("в Центральной Азии")."""
    members, phrases = _region()
    taken = {i for m in mentions for i in range(m.start, m.end)}
    out = list(mentions)
    i = 0
    while i < len(ws):
        p = next((p for p in phrases if i + len(p) <= len(ws)
                  and all(l in ws[i + k].a.lemmas for k, l in enumerate(p))), None)
        if p is None or any(k in taken for k in range(i, i + len(p))):
            i += 1
            continue
        cs, ce = ws[i].start, ws[i + len(p) - 1].end
        text = " ".join(w.text for w in ws[i:i + len(p)])
        prep = ws[i - 1].low if i > 0 and ws[i - 1].a.pos == "PREP" else ""
        actors = [Actor(code=c, text=text, actor_id=f"state:{c}", confidence=0.6, start=cs, end=ce)
                  for c in members]
        out.append(RuMention(i, i + len(p), cs, ce, text, actors, "group", ws[i].a.cases, prep,
                             location=prep in ("в", "во", "на")))
        i += len(p)
    return sorted(out, key=lambda m: m.start)


def _with_groups(ws: list[Word], mentions: list[RuMention], main: list[str]) -> list[RuMention]:
    """"Стороны договорились", "главы двух государств подписали": the main parties."""
    if len(main) < 2:
        return mentions
    taken = {i for m in mentions for i in range(m.start, m.end)}
    out = list(mentions)
    i = 0
    while i < len(ws):
        g = next((g for g in _groups() if tuple(w.low for w in ws[i:i + len(g)]) == g), None)
        prev = ws[i - 1] if i > 0 else None
        if g is None or any(k in taken for k in range(i, i + len(g))) or \
                (prev is not None and prev.a.pos in ("PREP", "ADJF", "ADJS", "NUMR")
                 and not prev.is_("который")):
            i += 1
            continue
        cs, ce = ws[i].start, ws[i + len(g) - 1].end
        actors = [Actor(code=c, text=" ".join(w.text for w in ws[i:i + len(g)]), actor_id=f"state:{c}",
                        confidence=0.6, start=cs, end=ce) for c in main]
        out.append(RuMention(i, i + len(g), cs, ce, actors[0].text, actors, "group",
                             frozenset({"nomn"}), ""))
        i += len(g)
    return sorted(out, key=lambda m: m.start)


def _without_headline_repeats(events: list[Event], text: str) -> list[Event]:
    """A headline restates the lead: its event goes when the body reports the same type
    between the same states (the body's has the date and the fuller evidence)."""
    title_end = text.find("\n") if "\n" in text[:300] else 0
    body = [e for e in events if e.evidence.start >= title_end]
    return [e for e in events if e.evidence.start >= title_end
            or not any(b.type == e.type and b.codes() & e.codes() for b in body)]


def _with_pronouns(ws, mentions: list[RuMention]) -> list[RuMention]:
    """"Он сообщил", "Она заверила": the person or office named last before the pronoun."""
    out = list(mentions)
    k = 0
    last = None
    for i, w in enumerate(ws):
        while k < len(mentions) and mentions[k].start <= i:
            if mentions[k].kind in ("person", "role"):
                last = mentions[k]
            k += 1
        if w.low in _PRONOUNS and last is not None:
            out.append(replace(last, start=i, end=i + 1, char_start=w.start, char_end=w.end,
                               text=w.text, cases=frozenset({"nomn"}), prep=""))
    return sorted(out, key=lambda m: m.start)


def _local(m: RuMention, offset: int) -> RuMention:
    """A mention with word indexes relative to its sentence."""
    return replace(m, start=m.start - offset, end=m.end - offset)


def main_parties(mentions: list[RuMention], text: str, size: int = 2, least: int = 2) -> list[str]:
    """The document's main states: the most named codes, the title counting double."""
    counts: Counter[str] = Counter()
    title_end = text.find("\n") if "\n" in text[:300] else 0
    for m in mentions:
        if m.location:
            continue
        for c in m.codes:
            if c != "IGO":
                counts[c] += 2 if m.char_start < title_end else 1
    return sorted(c for c, n in counts.most_common(size) if n >= least)
