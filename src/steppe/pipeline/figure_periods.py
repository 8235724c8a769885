"""When a figure's value holds: its period (or a target's deadline), read with the shared
time grammar (``timex.py``) relative to the text's present.

One inheritance rule: a figure takes the time its own stretch of the sentence names; else
the last period the text named (its paragraph's first); else, with none named before, the
present for a present-tense statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from steppe.pipeline.quantities import Quantity
from steppe.pipeline.timex import TimeEx, period_of

if TYPE_CHECKING:
    from steppe.pipeline.figure_words import FigureWords

__all__ = ["Period", "find_periods", "period_for", "month_at_most", "ahead", "previous_year"]


@dataclass(frozen=True)
class Period:
    """A time expression that can be a figure's period, with offsets in the sentence."""

    start: int
    end: int
    value: str | None
    kind: str            # point | range | present | deadline | within | since
    years: int = 0       # for "within N years"
    bare_month: bool = False   # a month named without its year ("from April"): read as the latest one


def _precise(value: str | None, precision: str) -> str | None:
    """A time value cut to the precision the text supports ("2023-01-16" at month)."""
    if value is None:
        return None
    return value[:{"day": 10, "month": 7, "year": 4}.get(precision, len(value))]


def _since(tx: TimeEx, anchor: str | None, present: int | None) -> str | None:
    """"since the beginning of 2022" -> "2022-01/2022-07" (to the present); a year the
    present lies beyond is whole: "2021"."""
    start = _precise(tx.value, tx.precision)
    if start is None:
        return None
    if tx.precision == "year" and re.search(r"beginning|start", tx.text, re.I):
        start = f"{start}-01"
    now = anchor[:7] if anchor and len(anchor) >= 7 and anchor[:4] == start[:4] else \
        (str(present) if present else None)
    if now is None:
        return None
    if now == start[:4] and start.endswith("-01") and len(start) == 7:
        return now                   # the whole year
    return f"{start}/{now}" if now != start else start


def find_periods(sentence: str, *, present: int | None, timexes: list[TimeEx], words: FigureWords,
                 anchor: str | None = None, offset: int = 0) -> list[Period]:
    """The sentence's time expressions (the document's, read by timex.py; offsets include
    `offset`, the sentence's start) that can date a figure, with the present's words
    (`words`: the present's words, comparison cues, numbers in words)."""
    cardinals = words.cardinals
    out: list[Period] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, value: str | None, kind: str, years: int = 0, bare_month: bool = False) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        out.append(Period(start, end, value, kind, years, bare_month))

    p = str(present) if present else None
    for m in words.present.finditer(sentence):
        add(m.start(), m.end(), p, "present")
    for tx in timexes:
        s, e = tx.start - offset, tx.end - offset
        if tx.kind == "point" and words.comparison.search(sentence[max(0, s - 40):s]):
            taken.append((s, e))       # "grew by 12% compared to 2020": the base, not the period
            continue
        if tx.precision == "day" and words.statement_time.search(sentence[max(0, s - 40):s]):
            taken.append((s, e))       # "the ministry said on Tuesday": when it was said
            continue
        if tx.kind == "deadline":
            add(s, e, _precise(tx.value, tx.precision), "deadline")
        elif tx.kind == "since":
            add(s, e, _since(tx, anchor, present), "since")
        elif tx.kind == "within" and tx.value and tx.end_value:   # "over the past five years"
            add(s, e, f"{tx.value}/{tx.end_value}", "range")
        elif tx.kind == "within":
            n = words.years.search(tx.text)
            years = 0 if not n else (int(n.group(1)) if n.group(1).isdigit() else cardinals[n.group(1).lower()])
            add(s, e, None, "within", years)
        elif tx.kind == "range":
            add(s, e, period_of(tx), "range")
        elif tx.value and words.year_earlier.fullmatch(tx.text) and out and out[-1].value:
            # "$2.3 billion in January-February, up from $1.9 billion a year earlier": the
            # same stretch of the year before the one just named, not the year before the report
            add(s, e, previous_year(out[-1].value), out[-1].kind)
        elif tx.value:
            add(s, e, _precise(tx.value, tx.precision), "point",
                bare_month=tx.relative and tx.precision == "month" and not re.search(r"\d{4}", tx.text))
    return sorted(out, key=lambda x: x.start)


_UNTIL = re.compile(r"(?i)(?:until|till|through|up\s+to)\b")


def period_for(q: Quantity, sent: str, rel: int, periods: list[Period],
                last_period: str | None, present: int | None,
                slot: tuple[int, int] | None = None, para_period: str | None = None, *,
                words: FigureWords) -> str | None:
    usable = [p for p in periods if p.value and p.kind not in ("deadline", "within")]
    # "by the close of 2017" is when a level was reached; "leases it until 2050" ends a
    # term, which is no period of the level ("a rent of $115 million a year")
    deadline_years = [p for p in periods if p.kind == "deadline" and not _UNTIL.match(sent, p.start)]
    own = [p for p in usable if slot and slot[0] <= p.start and p.end <= slot[1]]
    # A stretch "since ..." dates the values of its own clause, or all when none has its own.
    since = next((p for p in (own or usable) if p.kind == "since"), None)
    if since and since.value and "/" in since.value:
        start, end = since.value.split("/")
        if q.is_growth or q.unit == "ratio":
            return f"{start[:4]}/{end[:4]}"
        # A level at either end ("rising from 510 to 1,056") or a flow over the whole stretch.
        if re.search(r"\bfrom\s+$", sent[max(0, rel - 10):rel]):
            return start
        if re.search(r"\bto\s+$", sent[max(0, rel - 10):rel]) and re.search(r"\bfrom\s+\D{0,3}\d", sent[:rel]):
            return end             # ... but "since 2005 investment amounted to $5.5 billion" is the whole stretch
        return since.value
    if since and since.value:
        return since.value
    if usable:
        end = rel + len(q.text)
        right_after = [p for p in own if p.start >= end and re.fullmatch(   # "$3 billion, in 2018"
            r"[\s,]*(?:in|for|during|as of|at the end of|by the end of)?\s*", sent[end:p.start], re.I)]
        own_before = [p for p in own if p.end <= rel]                   # "In 2019 ... $900 million"
        if right_after or own_before or own:
            return (right_after[:1] or own_before[-1:] or own[:1])[0].value
        before = [p for p in usable if p.end <= rel]
        return (before[-1] if before else usable[0]).value
    if deadline_years:
        return deadline_years[0].value       # "By the close of 2017, trade had reached ..."
    stretch = sent[slot[0] if slot else 0:slot[1] if slot else len(sent)]
    if words.perfect.search(stretch):
        # Things made or concluded in the present perfect with no time of their own ("180 documents
        # have been signed", "11,000 jobs have been created"): a running total over an open stretch.
        return None
    if present and words.present_act.search(stretch):
        return str(present)                  # "Some 2,900 companies operate there": now, whatever came before
    if para_period or last_period:           # the last period the text named carries on
        return month_at_most(para_period or last_period)
    if present and words.present_state.search(sent):
        return str(present)
    return month_at_most(last_period)


def month_at_most(period: str | None) -> str | None:
    """A day named in another sentence dates an event there, not this figure: keep its month."""
    return period[:7] if period and len(period) == 10 and "/" not in period else period


def ahead(p: Period, anchor: str | None) -> str | None:
    """A period looking forward: a month named without its year that has already passed
    this year is next year's ("will operate 14 flights a week from April", said in May)."""
    if p.bare_month and p.value and anchor and len(anchor) >= 7 and p.value < anchor[:7]:
        return f"{int(p.value[:4]) + 1}{p.value[4:]}"
    return p.value


def previous_year(period: str | None) -> str | None:
    """"2023" -> "2022"; "2023-01/2023-06" -> "2022-01/2022-06"; other periods stay."""
    if period and re.fullmatch(r"\d{4}", period):
        return str(int(period) - 1)
    m = re.fullmatch(r"(\d{4})(-\d\d)/(\d{4})(-\d\d)", period or "")
    if m and m.group(1) == m.group(3):
        y = int(m.group(1)) - 1
        return f"{y}{m.group(2)}/{y}{m.group(4)}"
    return period
