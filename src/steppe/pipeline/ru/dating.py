"""Dates of Russian events: the sentence's time expression nearest the trigger, the day a
later sentence reports an act on ("Об этом 3 июня заявил ..."), the publication's for what
news reports as the day's, none for acts recalled or standing (cues in data/ru/dates.yaml)."""

from __future__ import annotations

from dataclasses import dataclass

from steppe.facts import Event
from steppe.pipeline.ru.events import RuRawEvent
from steppe.pipeline.ru.text import Word
from steppe.pipeline.ru.timex import RuTime


@dataclass(frozen=True)
class DatingWords:
    report_openers: list[list[str]]     # words that open a sentence reporting the one before
    recalled: frozenset[str]            # "ранее": an act recalled, not the day's
    standing: frozenset[str]            # verbs of a standing state ("является экспортером")
    standing_types: frozenset[str]      # the event types a standing verb leaves undated
    bounding: list[list[str]]           # "после", "с тех пор как": another act bounds this one

    @classmethod
    def build(cls, dates: dict) -> "DatingWords":
        return cls([o.split() for o in dates["report_openers"]], frozenset(dates["recalled"]),
                   frozenset(dates["standing"]), frozenset(dates["standing_types"]),
                   [b.split() for b in dates["bounding"]])

    def bounded(self, ws: list[Word], trigger_start: int, t: RuTime) -> bool:
        """"первый визит после переизбрания 20 ноября": a date a few words after a bounding
        word, with the trigger not between them, dates the act that bounds the trigger's."""
        for i in range(len(ws)):
            if not any([w.low for w in ws[i:i + len(b)]] == b for b in self.bounding):
                continue
            start = ws[i].start
            between = [w for w in ws if start <= w.start < t.start]
            if start < t.start and len(between) <= 8 and not start < trigger_start < t.start:
                return True
        return False

    def reports_before(self, ws: list[Word]) -> bool:
        """"Об этом 3 июня заявил президент": the sentence reports the one before it."""
        return any([w.low for w in ws[:len(o)]] == o for o in self.report_openers)

    def undated(self, ws: list[Word], trigger_start: int, etype: str) -> bool:
        """An act the text does not date, so neither does the publication: one recalled
        ("Ранее ведомство указало ...") or standing exchanges told in the present
        ("Туркмения является экспортером газа", "поставляет газ"). A statement in the
        present ("Россия поддерживает ...") is made on the day: dated."""
        before = [w for w in ws if w.end <= trigger_start]
        head = next((w for w in ws if w.start >= trigger_start), None)
        # "Ранее ..." opening the sentence, or right before the trigger ("задержанный ранее
        # в ходе нападения")
        if any(w.low in self.recalled for w in before[:2] + before[-3:]):
            return True
        if etype not in self.standing_types:
            return False
        verbs = before[-6:] + ([head] if head else [])
        return any(w.a.pos == "VERB" and w.a.tense == "pres" and w.a.lemma in self.standing for w in verbs) \
            or bool(head and head.a.pos == "VERB" and head.a.tense == "pres")


def event_date(raw: RuRawEvent, times: list[RuTime], anchor: str | None) -> tuple[str | None, str]:
    """The sentence's time expression nearest the trigger; else the publication date for
    what happened or failed to (news reports the day's events), nothing for what is only
    planned or possible."""
    usable = [t for t in times if not t.deadline or raw.modality == "planned"]
    if usable:
        t = min(usable, key=lambda t: abs(t.start - raw.trigger_start))
        if anchor and raw.modality == "asserted" and anchor.startswith(t.point) and len(anchor) > len(t.point):
            return anchor, "text"          # "в этом году", "в мае" in a report of that month
        return t.point, "text"
    if raw.modality in ("asserted", "negated") and anchor:
        return anchor, "document"       # "не смогли договориться": failed on the day reported
    return None, "document"


def ahead(date: str | None, anchor: str | None) -> bool:
    """A date later than the publication's, compared at the coarser of their precisions."""
    if not date or not anchor:
        return False
    n = min(len(date), len(anchor))
    return date[:n] > anchor[:n]


def date_by_report(events: list[Event], times: list[RuTime]) -> None:
    """Acts the text gave no date of take the day they were reported on."""
    day = next((t for t in times if len(t.value) == 10 and not t.deadline), None)
    if day is None:
        return
    for ev in events:
        if ev.date_source == "document" and ev.modality == "asserted" and ev.date:
            ev.date, ev.date_precision, ev.date_source = day.value, "day", "text"


def without_headline_repeats(events: list[Event], text: str) -> list[Event]:
    """A headline restates the lead: its event goes when the body reports the same type
    between the same states (the body's has the date and the fuller evidence)."""
    title_end = text.find("\n") if "\n" in text[:300] else 0
    body = [e for e in events if e.evidence.start >= title_end]
    return [e for e in events if e.evidence.start >= title_end
            or not any(b.type == e.type and b.codes() & e.codes() for b in body)]
