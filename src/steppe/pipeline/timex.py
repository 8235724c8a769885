"""Find temporal expressions in English text and resolve them against a document date.

One grammar over strings, no spaCy: `TimeGrammar`, built once from the language's time
words (Resources.grammar), reads a document's prose and its tables' column headers
("Q1 2023", "2022 (Jan-Sep)", "2023/24") alike. The anchor is the document's publication date
("YYYY-MM-DD", "YYYY-MM" or "YYYY") and relative expressions ("last summer", "next week")
are resolved against it. Precision is never finer than the text and the anchor support
(ANNOTATION.md, rule 5): "next week" gives the Monday of that week at month precision,
"yesterday" is a day only when the anchor is a day.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, replace

from steppe.words import Grammar, NumberWords, TimeWords

__all__ = ["TimeEx", "TimeGrammar", "period_of", "add_years", "is_dateline", "last_such_day", "within",
           "present_year", "figure_anchor"]


@dataclass(frozen=True)
class TimeEx:
    """A temporal expression: its span, its resolved value and what kind of time it names."""

    start: int
    end: int
    text: str
    value: str | None
    precision: str                   # day | month | year | unknown
    end_value: str | None = None     # last day/month/year of a range
    kind: str = "point"              # point | range | since | deadline | within | duration | decade
    relative: bool = False           # resolved against the anchor
    guessed_year: bool = False       # a day of a month whose year was taken from the anchor


# --------------------------------------------------------------------------- vocabulary

def _names(words, *, dot: bool) -> str:
    """Capitalised names, longest first; an abbreviation may take a full stop."""
    return "|".join(re.escape(w.capitalize()) + (r"\.?" if dot else "")
                    for w in sorted(words, key=len, reverse=True))


def _alternation(words) -> str:
    """Words as written, longest first; a pattern that never matches for none."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or r"(?!x)x"


_DASH = r"\s*[-\u2013\u2014]\s*"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19\d\d|20\d\d|2100)"
# What follows a number that makes it an amount, not a year.
_QUANTITY_AFTER = re.compile(
    r"\s*(?:%|percent|per\s+cent|million|billion|thousand|trillion|mln|bn|tons?|tonnes?|"
    r"USD|EUR|dollars?|euros?|km|kilomet(?:er|re)s?|MW|GW|kWh|m3|cubic|people|units|"
    r"enterprises|companies|trucks|cars|passengers|times|[.,]\d{3}|\s\d{3}\b)", re.I)
# (a hyphen before a year joins a range or a code: "2020-2021", "T-2025"; not "mid-2021")
_QUANTITY_BEFORE = re.compile(r"(?:[$€£₽]|USD|EUR|\d[ ,.]|No\.|#|/|(?<!\b[Mm]id)[-\u2013]|\d)\s?$")


# --------------------------------------------------------------------------- anchor maths

@dataclass(frozen=True)
class _Anchor:
    year: int
    month: int | None
    day: int | None

    @property
    def date(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)


def _parse_anchor(anchor: str | None) -> _Anchor | None:
    if not anchor:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", anchor.strip())
    if not m:
        return None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    return _Anchor(int(y), int(mo) if mo else None, int(d) if d else None)


def _ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _ymd(d: dt.date) -> str:
    return d.isoformat()


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + delta
    return n // 12, n % 12 + 1


# A period named from the anchor's: "last year", "this month", "next week", "the previous one".
_SHIFT = {"next": 1, "last": -1, "previous": -1, "past": -1, "this": 0, "current": 0}


def last_such_day(t: TimeEx, anchor: str) -> TimeEx:
    """A day of a month named without its year and read after the report ("on 25 December"
    in an October report: such days are read a little ahead, as a plan's "on 5 March" in a
    February report is) as the last such day, for what has happened: last December. Other
    relative days ("tomorrow", "three days later") keep their value."""
    if t.guessed_year and t.value and t.kind == "point" and t.value[:len(anchor)] > anchor:
        return replace(t, value=add_years(t.value, -1))
    return t


def add_years(value: str, years: int) -> str:
    """Shift a YYYY, YYYY-MM or YYYY-MM-DD value by whole years (29 Feb -> 28 Feb)."""
    parts = value.split("-")
    parts[0] = f"{int(parts[0]) + years:04d}"
    if len(parts) == 3 and parts[1] == "02" and parts[2] == "29":
        y = int(parts[0])
        if not (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)):
            parts[2] = "28"
    return "-".join(parts)


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _year_for_month(month: int, a: _Anchor | None, *, slack: int = 0) -> int | None:
    """Year of a month named without one: the latest such month not after the anchor month
    (plus `slack` months, so "on March 5" in a February article stays in the same year)."""
    if a is None:
        return None
    if a.month is None:
        return a.year
    return a.year if month <= a.month + slack else a.year - 1


# --------------------------------------------------------------------------- handlers

_Result = dict  # fields of TimeEx other than the span
_Handler = Callable[["TimeGrammar", re.Match, "_Anchor | None"], "_Result | None"]


def _unknown(kind: str = "point") -> _Result:
    return {"value": None, "precision": "unknown", "kind": kind, "relative": True}


def _h_iso(g: TimeGrammar, m: re.Match, a: _Anchor | None) -> _Result | None:
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return {"value": _ymd(d), "precision": "day"} if d else None


def _h_dmy_numeric(g: TimeGrammar, m: re.Match, a: _Anchor | None) -> _Result | None:
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return {"value": _ymd(d), "precision": "day"} if d else None


def _day_value(year: int | None, month: int, day: int) -> str | None:
    if year is None:
        return None
    d = _safe_date(year, month, day)
    return _ymd(d) if d else None


def _h_day_month(g: TimeGrammar, m: re.Match, a: _Anchor | None) -> _Result | None:
    month = g.words.month(m["mon"])
    day = int(re.match(r"\d+", m["d"]).group())
    rel = m.groupdict().get("rel")
    if rel:     # "on 25 December last year"
        if a is None:
            return _unknown()
        year = a.year + _SHIFT[rel.lower()]
    else:
        year = int(m["y"]) if m["y"] else _year_for_month(month, a, slack=2)
    value = _day_value(year, month, day)
    if value is None:
        return _unknown() if year is None else None
    out: _Result = {"value": value, "precision": "day", "relative": not m["y"],
                    "guessed_year": not m["y"] and not rel}
    if m.groupdict().get("d2"):
        d2 = int(re.match(r"\d+", m["d2"]).group())
        end = _day_value(year, month, d2)
        if end and end > value:
            out.update(end_value=end, kind="range")
    return out


def _h_month_year(g: TimeGrammar, m: re.Match, a: _Anchor | None) -> _Result | None:
    return {"value": _ym(int(m["y"]), g.words.month(m["mon"])), "precision": "month"}


def _h_month_range(g: TimeGrammar, m: re.Match, a: _Anchor | None) -> _Result | None:
    y = int(m["y"])
    m1, m2 = g.words.month(m["mon1"]), g.words.month(m["mon2"])
    y1 = y if m1 <= m2 else y - 1
    return {"value": _ym(y1, m1), "end_value": _ym(y, m2), "precision": "month",
            "kind": "range"}


def _h_year_months(g: TimeGrammar, m: re.Match, a: _Anchor | None) -> _Result | None:
    """"2022 (Jan-Sep)", "2021 January": a month, or months of one year in order."""
    d = m.groupdict()
    first, last = d.get("mon1") or d["r1"], d.get("mon2") or d.get("r2")
    y, m1 = int(m["y"]), g.words.month(first)
    if not last:
        return {"value": _ym(y, m1), "precision": "month"}
    m2 = g.words.month(last)
    if m1 >= m2:
        return None
    return {"value": _ym(y, m1), "end_value": _ym(y, m2), "precision": "month", "kind": "range"}


def _h_lettered(g: TimeGrammar, m: re.Match, a: _Anchor | None) -> _Result | None:
    """"Q3 2023": July to September; "H1-H2"; "9M 2023": January to September."""
    months = g.lettered_months(m["let"] or m["tel"], int(m["n"] or m["n1"]),
                               int(m["n2"]) if m["n2"] else None)
    if months is None:
        return None
    y = int(m["y"])
    return {"value": _ym(y, months[0]), "end_value": _ym(y, months[1]), "precision": "month",
            "kind": "range"}


def _h_split_year(g: TimeGrammar, m: re.Match, a: _Anchor | None) -> _Result | None:
    """"2023/24", "FY 2023-2024": a year that runs into the next; "FY2023": that year."""
    y1 = int(m["y1"])
    if not m["y2"]:
        return {"value": str(y1), "precision": "year"}
    y2 = int(m["y2"]) if len(m["y2"]) == 4 else (y1 // 100) * 100 + int(m["y2"])
    if y2 != y1 + 1:
        return None          # "2023/2021": a ratio of two years, not a split year
    return {"value": str(y1), "end_value": str(y2), "precision": "year", "kind": "range"}


def _h_bare_month(g: TimeGrammar, m: re.Match, a: _Anchor | None) -> _Result | None:
    month = g.words.month(m["mon"])
    mod = (m.groupdict().get("mod") or "").lower()
    if a is None:
        return _unknown()
    if a.month is None:
        return {"value": str(a.year), "precision": "year", "relative": True}
    if mod == "next":
        year = a.year if month > a.month else a.year + 1
    elif mod == "last":
        year = a.year if month < a.month else a.year - 1
    elif mod == "this":
        year = a.year
    else:
        year = _year_for_month(month, a)
    return {"value": _ym(year, month), "precision": "month", "relative": True}


def _h_month_rel_year(g: TimeGrammar, m: re.Match, a: _Anchor | None) -> _Result | None:
    """"in April last year", "November of this year", "June next year": the month of the
    year named relative to the anchor."""
    if a is None:
        return _unknown()
    shift = _SHIFT[m["rel"].lower()]
    return {"value": _ym(a.year + shift, g.words.month(m["mon"])), "precision": "month", "relative": True}


def _h_half(g: TimeGrammar, m: re.Match, a: _Anchor | None) -> _Result | None:
    m1, m2 = g.words.parts_of_year[" ".join(m["part"].lower().split())]
    if m["y"]:
        y = int(m["y"])
    elif a is not None and m["rel"] and m["rel"].lower() != "the":
        rel = m["rel"].lower().split()[-1]
        y = a.year + _SHIFT[rel]
    elif a is not None:          # "in the first quarter (of the year)": the latest such stretch that has ended
        y = _year_for_month(m2, a)
    else:
        return _unknown("range")
    return {"value": _ym(y, m1), "end_value": _ym(y, m2), "precision": "month",
            "kind": "range", "relative": not m["y"]}


def _h_months_of(g: TimeGrammar, m: re.Match, a: _Anchor | None) -> _Result | None:
    """"11 months of 2024", "the first eight months of this year": January to month N; "of the
    year" is the latest such stretch that has ended, as with no year named."""
    n = g.number(m["n"])
    if n is None or not 1 <= n <= 12:
        return None
    y_named, rel = m.groupdict().get("y"), m.groupdict().get("rel")
    if y_named:
        y = int(y_named)
    elif a is not None and rel and rel.lower() != "the":
        y = a.year + _SHIFT[rel.lower().split()[-1]]
    elif a is not None:
        y = _year_for_month(n, a)
    else:
        return _unknown("range")
    return {"value": _ym(y, 1), "end_value": _ym(y, n), "precision": "month", "kind": "range",
            "relative": not y_named}


def _h_bare_month_range(g: TimeGrammar, m: re.Match, a: _Anchor | None) -> _Result | None:
    """"January-August" with no year: the latest such stretch that ends by the anchor."""
    m1, m2 = g.words.month(m["mon1"]), g.words.month(m["mon2"])
    if a is None or m1 > m2:
        return _unknown("range")
    y = _year_for_month(m2, a)
    if a.month is None:
        return {"value": str(y), "precision": "year", "relative": True}
    return {"value": _ym(y, m1), "end_value": _ym(y, m2), "precision": "month",
            "kind": "range", "relative": True}


def _h_year_range(g: TimeGrammar, m: re.Match, a: _Anchor | None) -> _Result | None:
    y1, y2s = int(m["y1"]), m["y2"]
    y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
    if not y1 < y2 <= y1 + 100:
        return None
    return {"value": str(y1), "end_value": str(y2), "precision": "year", "kind": "range"}


def _h_year(g: TimeGrammar, m: re.Match, a: _Anchor | None) -> _Result | None:
    text = m.string
    before, after = text[max(0, m.start() - 5):m.start()], text[m.end():m.end() + 12]
    if _QUANTITY_BEFORE.search(before) or _QUANTITY_AFTER.match(after):
        return None
    return {"value": m["y"], "precision": "year"}


def _h_to_present(g: TimeGrammar, m: re.Match, a: _Anchor | None) -> _Result | None:
    inner = g.resolve(m["what"], anchor=None)
    if inner is None or inner.value is None:
        return None
    end = _anchor_value(a, inner.precision)
    return {"value": inner.value, "precision": inner.precision, "end_value": end,
            "kind": "since"}


def _anchor_value(a: _Anchor | None, precision: str) -> str | None:
    if a is None:
        return None
    if precision == "day" and a.day:
        return _ymd(a.date)
    if precision in ("day", "month") and a.month:
        return _ym(a.year, a.month)
    return str(a.year)


# A relative time of days or weeks counted from the story's own time ("two days later", "a
# week earlier"), not from the report ("two days ago"): find() reads it again from the time
# told last before it. Not months or years: "up from $31 billion a year earlier" compares
# with the figure's own year, whatever time the text named last.
_NARRATED = "_narrated"


def _narrated(m: re.Match, res: _Result) -> _Result:
    direction = (m["dir"] or "").lower() if "dir" in m.re.groupindex else ""
    # ("two days before, ...": as "earlier"; not "two days before the vote")
    told = direction in ("earlier", "later") or \
        direction == "before" and re.match(r"\s*(?:[,.;:)]|$)", m.string[m.end():])
    return {**res, _NARRATED: True} if told else res


def _h_day_word(g: TimeGrammar, m: re.Match, a: _Anchor | None) -> _Result | None:
    word = m[0].lower()
    delta = {"today": 0, "yesterday": -1, "tomorrow": 1}.get(word)
    if delta is None:
        n = g.number(m["n"])
        if n is None:
            return _unknown()
        delta = -n if m["dir"].lower() in ("ago", "earlier", "before") else n
    return _narrated(m, _relative_days(a, delta))


def _h_next_day(g: TimeGrammar, m: re.Match, a: _Anchor | None) -> _Result | None:
    """"the next day", "the day before": a day from the time the story last told."""
    back = re.search(r"\b(?:before|previous|prior)\b", m[0], re.I)
    return {**_relative_days(a, -1 if back else 1), _NARRATED: True}


def _relative_days(a: _Anchor | None, delta: int) -> _Result:
    if a is None:
        return _unknown()
    if a.day is None:
        # Only the anchor's own precision is known; a few days rarely cross it.
        return {"value": _anchor_value(a, "month"), "relative": True,
                "precision": "month" if a.month else "year"}
    return {"value": _ymd(a.date + dt.timedelta(days=delta)), "precision": "day",
            "relative": True}


def _h_weekday(g: TimeGrammar, m: re.Match, a: _Anchor | None) -> _Result | None:
    if a is None or a.day is None:
        return _unknown()
    target = g.words.weekdays.index(m["wd"].lower())
    mod = (m["mod"] or "").lower()
    d = a.date
    if mod == "next":
        delta = (target - d.weekday()) % 7 or 7
    elif mod == "last":
        delta = -((d.weekday() - target) % 7 or 7)
    else:
        delta = -((d.weekday() - target) % 7)
    return {"value": _ymd(d + dt.timedelta(days=delta)), "precision": "day", "relative": True}


def _h_week(g: TimeGrammar, m: re.Match, a: _Anchor | None) -> _Result | None:
    rel = m["rel"].lower()
    shift = _SHIFT[rel]
    if a is None:
        return _unknown()
    if a.day is None:
        if shift == 0 and a.month:
            return {"value": _ym(a.year, a.month), "precision": "month", "relative": True}
        return _unknown()
    monday = a.date - dt.timedelta(days=a.date.weekday()) + dt.timedelta(weeks=shift)
    return {"value": _ymd(monday), "precision": "month", "relative": True}


def _h_units_ago(g: TimeGrammar, m: re.Match, a: _Anchor | None) -> _Result | None:
    n = g.number(m["n"])
    unit = m["unit"].lower().rstrip("s")
    sign = -1 if m["dir"].lower() in ("ago", "earlier", "before") else 1
    if a is None or n is None:
        return _unknown()
    if unit == "day":
        return _narrated(m, _relative_days(a, sign * n))
    if unit == "week":
        if a.day is None:   # only the anchor's month is known: a few weeks rarely cross it
            return _narrated(m, {"value": _anchor_value(a, "month"), "relative": True,
                                 "precision": "month" if a.month else "year"})
        return _narrated(m, {"value": _ymd(a.date + dt.timedelta(weeks=sign * n)), "precision": "month",
                             "relative": True})
    if unit == "month":
        if a.month is None:
            return _unknown()
        y, mo = _shift_month(a.year, a.month, sign * n)
        return {"value": _ym(y, mo), "precision": "month", "relative": True}
    if unit == "decade":    # "three decades ago": a round count, read as that many tens of years
        n *= 10
    return {"value": str(a.year + sign * n), "precision": "year", "relative": True}


def _h_rel_period(g: TimeGrammar, m: re.Match, a: _Anchor | None) -> _Result | None:
    """next/last/this month|year, earlier/later this month|year."""
    rel = " ".join(m["rel"].lower().split())
    unit = m["unit"].lower()
    shift = _SHIFT.get(rel.split()[-1], 0)     # ("earlier this", "the current": this one)
    if a is None:
        return _unknown()
    if unit == "year":
        return {"value": str(a.year + shift), "precision": "year", "relative": True}
    if a.month is None:
        return _unknown()
    y, mo = _shift_month(a.year, a.month, shift)
    return {"value": _ym(y, mo), "precision": "month", "relative": True}


def _h_season(g: TimeGrammar, m: re.Match, a: _Anchor | None) -> _Result | None:
    """last/this/next summer: the season instance (named by the year of its start month,
    winter by the year of its January) that ended last before the anchor month, etc."""
    start = g.words.seasons[m["season"].lower()]
    rel = m["rel"].lower()
    if m["y"]:
        return {"value": m["y"], "precision": "year"}
    if a is None:
        return _unknown()
    if a.month is None:
        return {"value": str(a.year + _SHIFT[rel]),
                "precision": "year", "relative": True}
    now = (a.year, a.month)
    starts = [y for y in range(a.year - 2, a.year + 2)]
    if rel == "last":
        year = max(y for y in starts if _shift_month(y, start, 2) < now)
    elif rel == "next":
        year = min(y for y in starts if (y, start) > now)
    else:
        ongoing = [y for y in starts if (y, start) <= now <= _shift_month(y, start, 2)]
        year = ongoing[0] if ongoing else min(y for y in starts if (y, start) > now)
    if start == 12:
        year += 1
    return {"value": str(year), "precision": "year", "relative": True}


def _h_span(g: TimeGrammar, m: re.Match, a: _Anchor | None) -> _Result | None:
    """within five years, in the next five years, over the past five years (or decade),
    over the past three months."""
    n = g.number(m["n"]) if m["n"] else None
    unit = m["unit"].lower()
    if unit in g.words.years_in:            # "the past decade", "the last two decades"
        n, unit = (1 if n is None else n) * g.words.years_in[unit], "year"
    unit = unit.rstrip("s")
    past = (m["dir"] or "").lower() in ("past", "last", "previous")
    if m["prep"].lower() == "for" and not past:
        return _unknown("duration")     # "supply gas for (the next) two years": how long, not by when
    if a is not None and past and unit != "year":
        return _recent(a)
    if a is None or n is None or unit != "year":
        return _unknown("within")
    if past:
        return {"value": str(a.year - n), "end_value": str(a.year), "precision": "year",
                "kind": "within", "relative": True}
    return {"value": str(a.year + n), "precision": "year", "kind": "within", "relative": True}


def _recent(a: _Anchor | None) -> _Result:
    """A stretch of no stated length that ends at the report ("in recent years", "over the
    past few months"): what it ends at is known, not where it starts."""
    if a is None:
        return _unknown("within")
    return {"value": None, "end_value": str(a.year), "precision": "unknown", "kind": "within",
            "relative": True}


def _h_recent(g: TimeGrammar, m: re.Match, a: _Anchor | None) -> _Result | None:
    return _recent(a)


def _h_vague(g: TimeGrammar, m: re.Match, a: _Anchor | None) -> _Result | None:
    return _unknown("within" if re.search(r"coming|near|next|medium|long", m[0], re.I)
                    else "point")


def _h_decade(g: TimeGrammar, m: re.Match, a: _Anchor | None) -> _Result | None:
    """"the 1990s", "the early 2000s", "mid-2010s": years are named, but no single one, so
    an act told in them has no date finer than unknown (ANNOTATION.md rule 5). No value:
    it dates nothing and frames nothing, it only says the act has a time of its own."""
    return {"value": None, "precision": "unknown", "kind": "decade"}


def _h_this_year_words(g: TimeGrammar, m: re.Match, a: _Anchor | None) -> _Result | None:
    if a is None:
        return _unknown()
    return {"value": str(a.year), "precision": "year", "relative": True}


# --------------------------------------------------------------------------- patterns

def _patterns(w: TimeWords, numbers: dict[str, int | None]) -> list[tuple[re.Pattern[str], _Handler]]:
    """The grammar's patterns, each with the handler that resolves its matches; rank = order."""
    # Month names must be capitalised: "march" and "may" are also verbs.
    month = "(?:" + _names(w.months, dot=False) + "|" + _names(w.month_abbreviations, dot=True) + r")(?![a-z])"
    num = r"(?:\d{1,2}|" + "|".join(sorted((n for n, v in numbers.items() if v is not None and " " not in n),
                                           key=len, reverse=True)) + ")"
    parts = "|".join(p.replace(" ", r"\s+") for p in sorted(w.parts_of_year, key=len, reverse=True))
    # "Q3", "3Q", "H1", "9M": a part of a year written with a letter (no space between).
    letters = _alternation([*w.part_letters, *w.months_to_date_letters])
    lettered = r"(?:(?P<let>" + letters + r")(?P<n>\d{1,2})(?!\d)(?:" + _DASH + r"(?:" + letters + r")?" \
        r"(?P<n2>\d{1,2})(?!\d))?|(?P<n1>\d{1,2})(?P<tel>" + letters + r"))"
    months = r"(?P<mon1>" + month + r")(?:(?:" + _DASH + r"|\s+(?i:to|through)\s+)(?P<mon2>" + month + r"))?"
    month_range = r"(?P<r1>" + month + r")(?:" + _DASH + r"|\s+(?i:to|through)\s+)(?P<r2>" + month + r")"
    fiscal = "(?i:" + _alternation(w.fiscal_year_prefixes) + ")"
    seasons = "|".join(map(re.escape, w.seasons))
    weekdays = _names(w.weekdays, dot=False)
    # "(of) last year", "this year": a year named from the anchor, after a day of a month
    rel_year = r"\s+(?:of\s+)?(?P<rel>(?i:last|previous|this|current|next))\s+(?i:year)\b"
    return [
        (re.compile(r"(?i:from\s+(?:the\s+)?(?:beginning|start)\s+of\s+)(?P<what>" + _YEAR + r")"
                    r"(?i:\s+(?:to|until|till)\s+(?:the\s+)?(?:present|now|today|date))"),
         _h_to_present),
        (re.compile(r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"), _h_iso),
        (re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>\d{4})\b"), _h_dmy_numeric),
        (re.compile(r"\b(?P<d>" + _DAY + r")" + _DASH + r"(?P<d2>" + _DAY + r")\s+(?P<mon>" + month
                    + r")(?:,?\s+(?P<y>\d{4})\b)?"), _h_day_month),
        (re.compile(r"\b(?P<d>" + _DAY + r")\s+(?:of\s+)?(?P<mon>" + month
                    + r")(?:,?\s+(?P<y>\d{4})\b|" + rel_year + r")?"), _h_day_month),
        (re.compile(r"\b(?P<mon>" + month + r")\s*(?P<d>" + _DAY + r")(?:" + _DASH + r"(?P<d2>"
                    + _DAY + r"))?(?!\d)(?:,?\s+(?P<y>\d{4})\b|" + rel_year + r")?"), _h_day_month),
        (re.compile(r"\b(?P<mon1>" + month + r")(?:" + _DASH + r"|\s+(?i:to|through|until)\s+)"
                    r"(?P<mon2>" + month + r")\s*,?\s+(?P<y>\d{4})\b"), _h_month_range),
        (re.compile(r"\b(?P<mon>" + month + r")\s*,?\s+(?P<y>\d{4})\b"), _h_month_year),
        # The year first, as tables head their columns: "2022 (Jan-Sep)", "2021 January",
        # "2022, Jan-Sep" (after a comma only a range: "In 2022, Jan Kubis said").
        (re.compile(r"(?<![\w$€£.,/-])(?P<y>" + _YEAR + r")\s*\(\s*" + months + r"\s*\)"), _h_year_months),
        (re.compile(r"(?<![\w$€£.,/-])(?P<y>" + _YEAR + r")(?:\s+" + months + r"|,\s+" + month_range + r")"
                    r"(?!\s*,?\s*\d)"), _h_year_months),
        # "Q1 2023", "1Q 2023", "Q1-Q3 2023", "H1 2024", "9M 2023"; "2023 Q1".
        (re.compile(r"(?<![\w$€£.,/-])" + lettered + r"(?:\s*[-/,']?\s*|\s+of\s+)(?P<y>" + _YEAR
                    + r")(?![\w/%]|[.,]\d)"), _h_lettered),
        (re.compile(r"(?<![\w$€£.,/-])(?P<y>" + _YEAR + r")\s*[-/,]?\s*" + lettered + r"(?![\w/])"),
         _h_lettered),
        # Split and fiscal years: "2023/24", "2023/2024", "FY2023", "FY 2023-24".
        (re.compile(r"(?<![\w/.$€£-])(?P<y1>" + _YEAR + r")/(?P<y2>" + _YEAR + r"|\d\d)(?![\w/%]|[.,]\d)"),
         _h_split_year),
        (re.compile(r"(?<![\w$€£.,/-])(?:" + fiscal + r")\s*(?P<y1>" + _YEAR + r")(?:(?:/|" + _DASH + r")(?P<y2>"
                    + _YEAR + r"|\d\d))?(?![\w/%]|[.,]\d)"), _h_split_year),
        (re.compile(r"(?i:\b(?:the\s+)?(?P<part>" + parts + r")(?:\s+of\s+"
                    r"(?:(?P<y>" + _YEAR + r")\b|(?i:(?P<rel>this|the\s+current|current|last|next|the)"
                    r"\s+year))|(?!\s+of\b)))"), _h_half),
        (re.compile(r"(?i:\b(?:the\s+)?(?:first\s+)?(?P<n>" + num + r")\s+months\s+of\s+)(?:(?P<y>" + _YEAR + r")\b|"
                    r"(?i:(?P<rel>this|the\s+current|current|last|the)\s+year))"), _h_months_of),
        (re.compile(r"\b(?P<mon1>" + month + r")" + _DASH + r"(?P<mon2>" + month + r")(?!\s*,?\s*\d)"),
         _h_bare_month_range),
        # "from January to June", "January through September", "between January and June"
        (re.compile(r"(?i:\bfrom\s+)?\b(?P<mon1>" + month + r")\s+(?i:to|through|until)\s+(?P<mon2>" + month
                    + r")(?!\s*,?\s*\d)"), _h_bare_month_range),
        (re.compile(r"(?i:\bbetween\s+)(?P<mon1>" + month + r")\s+(?i:and)\s+(?P<mon2>" + month
                    + r")(?!\s*,?\s*\d)"), _h_bare_month_range),
        # "in the first 11 months" (no year): the latest such stretch that has ended
        (re.compile(r"(?i:\b(?:the\s+)?first\s+(?P<n>" + num + r")\s+months\b)(?!\s+of\b)"), _h_months_of),
        # ("mid-September" written as one word too)
        (re.compile(r"(?i:\b(?:(?:in|since|by|until|till|from|of|during|for|to|early|late|"
                    r"mid-?|the\s+end\s+of|the\s+beginning\s+of|before|after)\s+|mid-))"
                    r"(?P<mon>" + month + r")(?!\s*,?\s*\d)"), _h_bare_month),
        (re.compile(r"(?i:\b(?P<mod>last|this|next)\s+)(?P<mon>" + month + r")(?!\s*,?\s*\d)"),
         _h_bare_month),
        (re.compile(r"\b(?P<mon>" + month + r")\s+(?i:of\s+)?(?i:the\s+)?(?i:(?P<rel>last|previous|this|current|next)"
                    r"\s+year)\b"), _h_month_rel_year),
        (re.compile(r"(?<![\d$€])\b(?i:between\s+)?(?P<y1>" + _YEAR + r")(?:" + _DASH
                    + r"|(?i:\s+(?:to|and|until|through)\s+))(?P<y2>" + _YEAR + r"|\d\d)\b(?![\d.,]\d)"),
         _h_year_range),
        (re.compile(r"(?:(?<=\b[Mm]id-)|(?<![\w$€£.,/-]))(?P<y>" + _YEAR + r")(?![\w/%]|[.,]\d)"), _h_year),
        # "the 1990s", "the early 2000s", "mid-2010s" (an amount is "$2000s" or "2000s of")
        (re.compile(r"(?:(?<=mid-)|(?<![\w$€£.,/-]))(?:19|20)\d0['’]?s\b(?!\s+of\b)"), _h_decade),
        (re.compile(r"(?i:\b(?:today|yesterday|tomorrow)\b)"), _h_day_word),
        (re.compile(r"(?i:\b(?P<n>" + num + r")\s+days?\s+(?P<dir>ago|earlier|before|later))\b"),
         _h_day_word),
        # ("the day before, ...": not "the day before the vote", "the day before yesterday")
        (re.compile(r"(?i:\bthe\s+(?:(?:next|following|previous|prior)\s+day\b|day\s+(?:after|before)"
                    r"(?=\s*[,.;:)]|\s*$)))"), _h_next_day),
        (re.compile(r"(?i:\b(?:on\s+)?(?:(?P<mod>last|next|this|past)\s+)?)"
                    r"(?P<wd>" + weekdays + r")\b"),
         _h_weekday),
        (re.compile(r"(?i:\b(?:the\s+)?(?P<rel>next|last|previous|past|this|current)\s+week\b)"),
         _h_week),
        (re.compile(r"(?i:\b(?P<n>" + num + r")\s+(?P<unit>weeks?|months?|years?|decades?)\s+"
                    r"(?P<dir>ago|earlier|before|later))\b"), _h_units_ago),
        (re.compile(r"(?i:\b(?P<rel>next|last|previous|past|this|current|the\s+current|"
                    r"earlier\s+this|later\s+this|early\s+this|late\s+this)\s+(?P<unit>month|year)\b)"),
         _h_rel_period),
        (re.compile(r"(?i:\b(?P<rel>last|this|next)\s+(?P<season>" + seasons + r")"
                    r"\b)(?:\s+(?P<y>" + _YEAR + r"))?"), _h_season),
        (re.compile(r"(?i:\b(?P<prep>within|in|over|during|for)\s+(?:the\s+)?(?:(?P<dir>next|coming|"
                    r"past|last|previous|following|subsequent)\s+)?(?P<n>" + num + r")\s+"
                    r"(?P<unit>years?|months?|weeks?)\b)"), _h_span),
        (re.compile(r"(?i:\b(?P<prep>within|in|over|during|for)\s+the\s+(?P<dir>next|coming|past|last|"
                    r"previous|following)\s+(?:(?P<n>" + num + r")\s+)?(?P<unit>" + _alternation(w.years_in)
                    + r")\b)"), _h_span),
        (re.compile(r"(?i:\b(?:in|over|during)\s+(?:recent|the\s+(?:past|last)\s+(?:few|several))\s+"
                    r"(?:years|months|weeks)\b)"), _h_recent),
        (re.compile(r"(?i:\b(?:in\s+|over\s+|during\s+)?the\s+(?:coming|next|following)\s+"
                    r"(?:few\s+)?(?:years|months|weeks|days)\b|\bin\s+the\s+(?:near|medium|long)"
                    r"(?:\s+|-)(?:future|term)\b|\brecently\b)"), _h_vague),
        (re.compile(r"(?i:\bthe\s+(?:current|present)\s+year\b|\b(?:the\s+)?(?:year[-\s]end|end\s+of\s+"
                    r"(?:the|this|the\s+current)\s+year)\b)"), _h_this_year_words),
    ]

# Words before an expression that change its kind or only blur it ("the end of 2025").
_PREFIX = re.compile(
    r"(?i:\b(?P<kw>since|ever\s+since|by|until|till|up\s+to|through|no\s+later\s+than|"
    r"not\s+later\s+than)\s+)?(?i:(?:the\s+)?(?:(?:very\s+)?(?:beginning|start|end|close|"
    r"middle|turn)\s+of\s+(?:the\s+)?|early\s+|late\s+|mid-?\s*))?$")
_PREFIX_KIND = {"since": "since", "ever since": "since", "by": "deadline", "until": "deadline",
                "till": "deadline", "up to": "deadline", "through": "deadline",
                "no later than": "deadline", "not later than": "deadline"}


def _extend(text: str, start: int, res: _Result) -> tuple[int, _Result]:
    m = _PREFIX.search(text[max(0, start - 40):start])
    if not m or not m.group(0).strip():
        return start, res
    new_start = start - len(m.group(0))
    kw = " ".join((m["kw"] or "").lower().split())
    if kw and res.get("kind", "point") == "point":
        res = {**res, "kind": _PREFIX_KIND[kw]}
        if kw in ("since", "ever since") and res["precision"] != "unknown":
            res["_since"] = res["precision"]     # runs to the anchor, filled in by the caller
    return new_start, res


# Between two days of a stretch: "from 15 March to 30 June", "March 15 - June 30", "between
# 5 and 9 May" ("and" only after "between": "on 3 May and 7 May" are two days).
_DAY_RANGE_JOIN = re.compile(r"\s*(?:to|through|until|till|[-\u2013\u2014])\s*", re.I)
_BETWEEN_JOIN = re.compile(r"\s*and\s*", re.I)


def _day_range(first: TimeEx, second: TimeEx, text: str, offset: int) -> TimeEx | None:
    """"from 15 March to 30 June": one stretch, its end in the start's year (or the next,
    when it would come before the start), not a second day read on its own ("30 June" in a
    March report would be the last 30 June)."""
    if first.precision != "day" or second.precision != "day" or first.kind != "point" \
            or second.kind not in ("point", "deadline") or not first.value or not second.value \
            or not (_DAY_RANGE_JOIN.fullmatch(text[first.end - offset:second.start - offset])
                    or _BETWEEN_JOIN.fullmatch(text[first.end - offset:second.start - offset])
                    and text[max(0, first.start - offset - 12):first.start - offset].rstrip().lower()
                    .endswith("between")):
        return None
    end = second.value
    if second.guessed_year:
        end = f"{first.value[:4]}{end[4:]}"
        if end < first.value:
            end = f"{int(end[:4]) + 1:04d}{end[4:]}"
    if end <= first.value:
        return None
    return TimeEx(first.start, second.end, text[first.start - offset:second.end - offset],
                  value=first.value, precision="day", end_value=end, kind="range",
                  relative=first.relative, guessed_year=first.guessed_year)


_SINCE_WORDS = re.compile(r"(?i)^(?:ever\s+)?since\b")
_DEADLINE_WORDS = re.compile(r"(?i)^(?:by|until|till|no later than|not later than)\b")


def _forward_deadline(expr: str, res: _Result, a: _Anchor | None) -> _Result:
    """"until June", "by March" look ahead: a month named without a year after "by" or
    "until" is the next such month, not the last one."""
    if not _DEADLINE_WORDS.match(expr):
        return res
    res = {**res, "kind": "deadline"} if res.get("kind", "point") == "point" else res
    value = res.get("value")
    if a is not None and a.month is not None and value and res.get("precision") == "month" \
            and not re.search(r"\d{4}", expr) and value < _ym(a.year, a.month):
        res = {**res, "value": _ym(int(value[:4]) + 1, int(value[5:7]))}
    return res


class TimeGrammar:
    """The time grammar of English: its words (data/time/en.yaml, numbers in words from
    data/numbers/en.yaml, through Resources.grammar) and the patterns built from them,
    once, where the pipeline is built (factories.Loaded.time)."""

    def __init__(self, words: TimeWords, numbers: NumberWords) -> None:
        self.words = words
        self.numbers: dict[str, int | None] = {**numbers.indefinite, **numbers.cardinals}
        self._patterns = _patterns(words, self.numbers)

    @classmethod
    def from_grammar(cls, grammar: Grammar, language: str = "en") -> TimeGrammar:
        return cls(grammar.time(language), grammar.numbers(language))

    def number(self, word: str) -> int | None:
        """A count written in digits or words ("11", "eight")."""
        word = word.lower()
        return int(word) if word.isdigit() else self.numbers.get(word)

    def lettered_months(self, letter: str, n: int, n2: int | None) -> tuple[int, int] | None:
        """First and last month of "Q3" (n=3), "Q1-Q3" (n2=3), "9M"; None for "Q5"."""
        if letter in self.words.months_to_date_letters:
            return (1, n) if n2 is None and 1 <= n <= 12 else None
        size = self.words.part_letters[letter]
        last = (n2 or n) * size
        return ((n - 1) * size + 1, last) if 1 <= n <= (n2 or n) and last <= 12 else None

    def find(self, text: str, *, anchor: str | None, offset: int = 0) -> list[TimeEx]:
        """Temporal expressions in `text`, left to right, longest match first, spans + `offset`."""
        a = _parse_anchor(anchor)
        cands = sorted(self._candidates(text, a), key=lambda c: (c[0], -(c[1] - c[0]), c[2]))
        chosen: list[tuple[int, int, int, _Result]] = []
        taken = bytearray(len(text) + 1)     # characters already claimed by a longer expression
        for start, end, rank, res in sorted(cands, key=lambda c: (-(c[1] - c[0]), c[2], c[0])):
            if any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            chosen.append((start, end, rank, res))
        out: list[TimeEx] = []
        for start, end, rank, res in sorted(chosen, key=lambda c: c[0]):
            if res.pop(_NARRATED, False):
                # (a day or a month told: not a year named in passing, "joined in 2015")
                told = next((t for t in reversed(out) if t.value and t.kind == "point"
                             and t.precision in ("day", "month")), None)
                if told is not None:
                    pattern, handler = self._patterns[rank]
                    res = handler(self, pattern.match(text, start), _parse_anchor(told.value)) or res
                    res.pop(_NARRATED, None)
            start, res = _extend(text, start, res)
            since_prec = res.pop("_since", None)
            if since_prec:
                res["end_value"] = _anchor_value(a, since_prec)
            res = _forward_deadline(text[start:end], res, a)
            if res.get("kind", "point") == "point" and res.get("value") and _SINCE_WORDS.match(text[start:end]):
                # "since October" read by a pattern that holds the preposition: a stretch
                # from then to the report, as _extend makes of "since 2020"
                res = {**res, "kind": "since", "end_value": _anchor_value(a, res["precision"])}
            tx = TimeEx(start + offset, end + offset, text[start:end],
                        value=res.get("value"), precision=res.get("precision", "unknown"),
                        end_value=res.get("end_value"), kind=res.get("kind", "point"),
                        relative=res.get("relative", False),
                        guessed_year=bool(res.get("guessed_year")))
            joined = _day_range(out[-1], tx, text, offset) if out else None
            if joined is not None:
                out[-1] = joined
            else:
                out.append(tx)
        return out

    def resolve(self, text: str, *, anchor: str | None) -> TimeEx | None:
        """The single temporal expression that covers most of `text`, or None."""
        found = self.find(text, anchor=anchor)
        if not found:
            return None
        return max(found, key=lambda t: (t.end - t.start, -t.start))

    def read_from_present(self, text: str, anchor: str | None,
                          timexes: list[TimeEx]) -> tuple[int | None, list[TimeEx]]:
        """The text's present year and its time expressions read from that present: the
        document's own (`timexes`), unless the text was written before it appeared (a January
        review of the year before), when its "this year" is read again from that year."""
        present = present_year(anchor, timexes)
        moved = figure_anchor(anchor, present)
        return present, (timexes if moved == anchor else self.find(text, anchor=moved))

    def _candidates(self, text: str, a: _Anchor | None) -> list[tuple[int, int, int, _Result]]:
        out = []
        for rank, (pattern, handler) in enumerate(self._patterns):
            for m in pattern.finditer(text):
                try:
                    res = handler(self, m, a)
                except OverflowError:
                    res = None     # "two weeks ago" counted from 1 January of year 1: no date
                if res is not None:
                    out.append((m.start(), m.end(), rank, res))
        return out


def within(timexes: list[TimeEx], start: int, end: int) -> list[TimeEx]:
    """The expressions of a document (sorted by start) that begin in [start, end)."""
    def key(t: TimeEx) -> int:
        return t.start
    return timexes[bisect_left(timexes, start, key=key):bisect_left(timexes, end, key=key)]


def period_of(tx: TimeEx) -> str | None:
    """The period a value covers, as ANNOTATION.md writes it: "2021", "2023-01/2023-11"."""
    if tx.value is None:
        return None
    if tx.end_value and tx.end_value != tx.value:
        return f"{tx.value}/{tx.end_value}"
    return tx.value


_DATELINE = re.compile(r"(?:^|\n)[ \t]*[A-ZА-ЯЁ][A-ZА-ЯЁ.'\- ]{1,40}(?:\s*\([^)]{1,30}\))?,[ \t]*$")


def is_dateline(text: str, tx: TimeEx) -> bool:
    """True for the date of a dateline ("BISHKEK, 2 May 2021 —"): when the story was
    filed, not when what it reports happened."""
    return bool(_DATELINE.search(text[max(0, tx.start - 60):tx.start])) and \
        bool(re.match(r"\s*(?:\([^)]{0,30}\))?\s*[—–-]", text[tx.end:tx.end + 40]))


def filed_before(text: str, timexes: list[TimeEx], published: str | None,
                 days: int = 45) -> str | None:
    """The day of the story's dateline when it is earlier than its publication date, by
    at most `days` (a wire story an aggregator republished), or when the publication date
    gives only its month; else None."""
    if not published or len(published) not in (7, 10):
        return None
    for tx in timexes[:3]:
        if tx.precision != "day" or not tx.value or not is_dateline(text, tx):
            continue
        if len(published) == 7:
            return tx.value[:10] if tx.value.startswith(published) else None
        if tx.value < published:
            gap = dt.date.fromisoformat(published) - dt.date.fromisoformat(tx.value[:10])
            return tx.value[:10] if gap.days <= days else None
    return None


# --------------------------------------------------------------------------- the text's present

def present_year(anchor: str | None, timexes: list[TimeEx]) -> int | None:
    """The year "currently"/"this year" refers to: the text's own present.

    Analyses published early in a year are often written weeks before they appear, and
    their "currently" or "this year" is the year just ended when that is the latest year
    they name. Otherwise the present is the publication year.
    """
    if not anchor or not re.match(r"\d{4}", anchor):
        return None
    year = int(anchor[:4])
    if not re.match(r"\d{4}-0[12]\b", anchor):
        return year
    named = {int(tx.value[:4]) for tx in timexes
             if tx.value and not tx.relative and tx.kind in ("point", "range")
             and tx.value[:len(anchor)] <= anchor}
    return year - 1 if named and max(named) == year - 1 else year


def figure_anchor(anchor: str | None, present: int | None) -> str | None:
    """The date relative expressions of figures count from: the text's present.

    An analysis that appears in January but speaks of the year just ended ("since the
    start of this year") means that year; otherwise it is the publication date itself.
    """
    if present is None or not anchor or anchor[:4] == str(present):
        return anchor
    return str(present)
