"""Russian time expressions: "26-27 января 2023 года", "в январе–августе", "вчера",
"во вторник", "в прошлом году", "на следующей неделе", "до 2030 года".

Month, weekday and relative words come from data/ru/dates.yaml and are recognised by their
lemma, so every case form counts ("в январе", "января", "январь"). Relative expressions
are resolved against the publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from steppe.pipeline.ru.text import analyse, fold


@dataclass(frozen=True)
class RuTime:
    start: int
    end: int
    value: str                 # "2023-01-26", "2023-01", "2023", or a period "2023-01/2023-08"
    deadline: bool = False     # "до 2030 года", "к 2026 году"

    @property
    def point(self) -> str:
        return self.value.split("/")[0]


_WORD = r"[А-Яа-яЁё]+"
_DASH = r"\s*[-–—]\s*"
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:{_DASH}(\d{{1,2}}))?\s+({_WORD})\.?(?:\s+(\d{{4}})\s*(?:г\.|года|год)?)?")
_MONTH = re.compile(rf"\b({_WORD})(?:{_DASH}({_WORD}))?(?:\s+(\d{{4}})(?:\s*(?:г\.|года|год))?|\s+(этого|текущего|прошлого|следующего)\s+года)?")
_YEAR = re.compile(r"(?<![\d,.])((?:[Дд]о|[Кк])\s+)?(\d{4})(?:\s*[-–—]\s*(\d{4}))?\s*(?:г\.|гг\.|года|году|год|годом|годах|годы|годов)(?!\w)|\((\d{4})(?:\s*год)?\)")
# "за 9 месяцев", "по итогам девяти месяцев": from January; not a duration ("в течение двух месяцев")
_MONTHS_OF = re.compile(rf"\b(?:за|итогам)\s+(?:первые\s+)?(\d{{1,2}}|{_WORD})\s+месяц\w*(?:\s+({_WORD})\s+года|\s+(\d{{4}})\s*(?:г\.|года|год)?)?", re.I)
_PART_OF = re.compile(rf"\b({_WORD})\s+(полугоди\w*|квартал\w*)(?:\s+(\d{{4}})\s*(?:г\.|года|год)?)?", re.I)
# "в ближайшие пять лет", "в ближайшие 3 года": a deadline counted from the publication
_NEXT_YEARS = re.compile(rf"\bв\s+ближайшие\s+(\d{{1,2}}|{_WORD})\s+(?:лет|года|год)\b", re.I)
_NUMERIC = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
# one word at a time, the next one only looked at, so that pairs are found wherever they start
_REL = re.compile(rf"\b(?:(?:в|на|во)\s+)?({_WORD})(?=\s+({_WORD}))?", re.I)


def _anchor(anchor: str | None) -> date | None:
    if not anchor:
        return None
    try:
        parts = [int(x) for x in anchor[:10].split("-")] + [1, 1]
        return date(parts[0], parts[1], parts[2])
    except ValueError:
        return None                     # an unreadable date anchors nothing


class RuDates:
    """The time words of data/ru/dates.yaml (Resources.russian), read by their lemmas."""

    def __init__(self, dates: dict) -> None:
        self.d = dates

    def _month(self, word: str) -> int | None:
        return self.d["months"].get(analyse(word).lemma) or self.d["months"].get(fold(word).rstrip("."))

    def _relative_year(self, word: str, year0: int | None) -> int | None:
        """"прошлого (года)" -> the year before the publication's; None for other words."""
        if year0 is None:
            return None
        offset = next((self.d["years"][f"{l} год"] for l in analyse(word).lemmas
                       if f"{l} год" in self.d["years"]), None)
        return None if offset is None else year0 + offset

    def find_times(self, text: str, anchor: str | None) -> list[RuTime]:
        """Every time expression of a text, sorted, without overlaps (longest first)."""
        base = _anchor(anchor)
        year0 = base.year if base else None
        found: list[RuTime] = []

        for m in _MONTHS_OF.finditer(text):
            # "за 9 месяцев 2025 года": January to September
            n = int(m.group(1)) if m.group(1).isdigit() else self.d["numerals"].get(analyse(m.group(1)).lemma, 0)
            y = int(m.group(3)) if m.group(3) else self._relative_year(m.group(2), year0) if m.group(2) else year0
            if 1 <= n <= 12 and y:
                found.append(RuTime(m.start(), m.end(), f"{y:04d}-01/{y:04d}-{n:02d}"))
        for m in _PART_OF.finditer(text):
            k = self.d["ordinals"].get(analyse(m.group(1)).lemma)
            size = self.d["parts"].get(analyse(m.group(2)).lemma)
            y = int(m.group(3)) if m.group(3) else year0
            if k and size and y and k * size <= 12:
                first, last = (k - 1) * size + 1, k * size
                found.append(RuTime(m.start(), m.end(), f"{y:04d}-{first:02d}/{y:04d}-{last:02d}"))
        for m in _NEXT_YEARS.finditer(text):
            n = int(m.group(1)) if m.group(1).isdigit() else self.d["numerals"].get(analyse(m.group(1)).lemma, 0)
            if n and year0:
                found.append(RuTime(m.start(), m.end(), str(year0 + n), deadline=True))
        for m in _NUMERIC.finditer(text):
            d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
            if 1 <= mo <= 12 and 1 <= d <= 31:
                found.append(RuTime(m.start(), m.end(), f"{y:04d}-{mo:02d}-{d:02d}"))
        for m in _DAY_MONTH.finditer(text):
            mo = self._month(m.group(3))
            y = int(m.group(4)) if m.group(4) else year0
            if mo and y and 1 <= int(m.group(1)) <= 31:
                found.append(RuTime(m.start(), m.end(), f"{y:04d}-{mo:02d}-{int(m.group(1)):02d}"))
        for m in _MONTH.finditer(text):
            mo = self._month(m.group(1))
            if not mo:
                continue
            mo2 = self._month(m.group(2)) if m.group(2) else None
            y = int(m.group(3)) if m.group(3) else year0
            if m.group(4) and year0:
                y = year0 + next((self.d["years"][f"{l} год"] for l in analyse(m.group(4)).lemmas
                                  if f"{l} год" in self.d["years"]), 0)
            if not y:
                continue
            end = m.end() if (mo2 or m.group(3) or m.group(4)) else m.start(1) + len(m.group(1))
            value = f"{y:04d}-{mo:02d}" + (f"/{y:04d}-{mo2:02d}" if mo2 else "")
            found.append(RuTime(m.start(), end, value))
        for m in _YEAR.finditer(text):
            if m.group(4):
                found.append(RuTime(m.start(), m.end(), m.group(4)))
                continue
            y1, y2 = m.group(2), m.group(3)
            value = f"{y1}/{y2}" if y2 else y1
            found.append(RuTime(m.start(), m.end(), value, deadline=bool(m.group(1))))
        if base:
            for m in _REL.finditer(text):
                w1 = analyse(m.group(1)).lemma
                pairs = {f"{a} {b}" for a in analyse(m.group(1)).lemmas
                         for b in (analyse(m.group(2)).lemmas if m.group(2) else {""})}
                pair = next((p for p in pairs if p in self.d["years"] or p in self.d["months_rel"]
                             or p in self.d["weeks_rel"]), "")
                nxt = analyse(m.group(2)) if m.group(2) else None
                if w1 in self.d["days"] and not (w1 in self.d["before_a_noun"] and nxt is not None
                                                 and m.group(2)[:1].islower() and "gent" in nxt.cases):
                    # "накануне" alone is the day before; "накануне визита" is not a date
                    d = base + timedelta(days=self.d["days"][w1])
                    found.append(RuTime(m.start(1), m.start(1) + len(m.group(1)), d.isoformat()))
                elif w1 in self.d["weekdays"] and m.group(0).lower().startswith(("в ", "во ")):
                    back = (base.weekday() - self.d["weekdays"][w1]) % 7
                    d = base - timedelta(days=back)
                    found.append(RuTime(m.start(), m.start(1) + len(m.group(1)), d.isoformat()))
                elif w1 in self.d["last"] and nxt is not None and nxt.lemma in self.d["weekdays"]:
                    # "в минувший четверг": the last such day before the report
                    back = (base.weekday() - self.d["weekdays"][nxt.lemma]) % 7 or 7
                    d = base - timedelta(days=back)
                    found.append(RuTime(m.start(), m.end(2), d.isoformat()))
                elif pair in self.d["years"]:
                    found.append(RuTime(m.start(), m.end(2), str(base.year + self.d["years"][pair])))
                elif pair in self.d["months_rel"]:
                    k = base.year * 12 + base.month - 1 + self.d["months_rel"][pair]
                    found.append(RuTime(m.start(), m.end(2), f"{k // 12:04d}-{k % 12 + 1:02d}"))
                elif pair in self.d["weeks_rel"]:
                    d = base + timedelta(weeks=self.d["weeks_rel"][pair])
                    found.append(RuTime(m.start(), m.end(2), d.isoformat()[:7]))
        found.sort(key=lambda t: (t.start, -(t.end - t.start)))
        out: list[RuTime] = []
        for t in found:
            if out and t.start < out[-1].end:
                continue
            out.append(t)
        return out
