"""Find a document's title and publication date in its text when nobody gave them.

Dates come back as "YYYY-MM-DD", "YYYY-MM" or "YYYY" with a precision; nothing missing
is ever filled in (a dateline "Sept. 5" without a year gives no date, see `DateGuess`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from steppe.ingest.frontmatter import FrontMatter, split_front_matter
from steppe.words import Grammar

MAX_TITLE_CHARS = 200

# The languages whose month names a date may be written in (data/time/, data/ru/).
LANGUAGES = ("en", "ru", "tr")
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})(?!\d)"


class DatePatterns:
    """The date patterns of the languages we read, built from a Grammar's time words:
    full dates tried in order at the start of a value, and year-less day-and-month ones."""

    def __init__(self, grammar: Grammar) -> None:
        self.months: dict[str, int] = {}
        for language in LANGUAGES:
            self.months.update(grammar.time(language).months)
            self.months.update(grammar.time(language).month_abbreviations)
        en = grammar.time("en")
        month = "(?P<month>" + "|".join(sorted(map(re.escape, self.months), key=len, reverse=True)) + r")\.?"
        weekday = r"(?:(?:" + "|".join(en.weekdays + en.weekday_abbreviations) + r")\.?,?\s+)?"
        # Numeric d.m.y is read day first, as in the Russian, Turkish and Central Asian
        # sources we read; US m/d/y would be misread.
        self.full = [re.compile(weekday + p, re.I) for p in (
            r"(?P<year>(?:19|20)\d{2})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})(?!\d)",
            r"(?P<year>(?:19|20)\d{2})/(?P<mnum>\d{1,2})/(?P<day>\d{1,2})(?!\d)",
            r"(?P<day>\d{1,2})[./](?P<mnum>\d{1,2})[./]" + _YEAR,
            _DAY + r"\s+" + month + r",?\s+" + _YEAR,
            month + r"\s+" + _DAY + r",?\s+" + _YEAR,
            month + r",?\s+" + _YEAR,
            r"(?P<year>(?:19|20)\d{2})-(?P<mnum>\d{2})(?![\d-])",
            _YEAR,
        )]
        self.partial = [re.compile(p, re.I) for p in (
            _DAY + r"\s+" + month + r"(?!\w)",
            month + r"\s+" + _DAY + r"(?!\d)",
        )]


def _patterns(patterns: DatePatterns | None) -> DatePatterns:
    """The caller's patterns (built once from its Resources' grammar), else the packaged ones."""
    return patterns if patterns is not None else DatePatterns(Grammar())


# "ASTANA, 6 December 2021 —", "BISHKEK, Sept. 5 (Reuters) -": a place, a comma, a date.
_DATELINE = re.compile(r"^\s*[A-ZА-ЯЁ][\w.'’ -]{1,40}?,\s*(?P<rest>\S.*)$", re.M)
_DATELINE_LINES = 5
_DATE_LINE = re.compile(
    r"^[ \t]*(?:date|dated|published(?:\s+on)?|publication\s+date|posted(?:\s+on)?|"
    r"дата(?:\s+публикации)?|опубликовано|tarih|yayın\s+tarihi|yayınlanma\s+tarihi)"
    r"(?!\s+of\b)[ \t]*[:\-–—]?[ \t]*(?P<value>[^\n]+)", re.I | re.M)
_ACCESSION = re.compile(
    r"(?:date\s+of\s+accession|accessed(?:\s+on)?|access\s+date|retrieved(?:\s+on)?|"
    r"erişim\s+tarihi|дата\s+обращения)[ \t]*[:\-–—]?[ \t]*(?P<value>[^\n)\]]+)", re.I)
_HEADING = re.compile(r"^#{1,6}[ \t]+(?P<title>\S.*?)[ \t#]*$", re.M)


@dataclass(frozen=True)
class DateGuess:
    """A date found in the text: value, precision (day|month|year), where it came from.

    `partial` keeps a year-less dateline as "--MM-DD" (ISO 8601) for a later stage that
    knows the year; `upper_bound` keeps the full accession date behind a month bound.
    """

    value: str | None
    precision: str
    source: str
    partial: str | None = None
    upper_bound: str | None = None


def parse_date(value: str, patterns: DatePatterns | None = None) -> tuple[str, str] | None:
    """Return (date, precision) for a date at the start of `value`, or None."""
    p = _patterns(patterns)
    value = value.strip()
    for pattern in p.full[:-1]:
        match = pattern.match(value)
        if match:
            found = _from_match(match, p)
            if found:
                return found
    # A bare year comes last: "2021 жылғы 6 желтоқсан" (Kazakh, year first) says more.
    found = _parse_with_dateparser(value)
    if found is None and (match := p.full[-1].match(value)):
        found = _from_match(match, p)
    return found


def parse_partial(value: str, patterns: DatePatterns | None = None) -> str | None:
    """Return "--MM-DD" for a year-less day and month at the start of `value`, or None."""
    p = _patterns(patterns)
    for pattern in p.partial:
        match = pattern.match(value.strip())
        if match:
            month, day = p.months[match["month"].lower()], int(match["day"])
            if _valid(2000, month, day):     # 2000 is a leap year, so 29 February passes
                return f"--{month:02d}-{day:02d}"
    return None


def detect_date(text: str, front: FrontMatter | None = None,
                patterns: DatePatterns | None = None) -> DateGuess | None:
    """Return the first date found: front matter, dateline, "Date:" line, accession bound.
    `front` is the text's front matter when the caller has read it already."""
    p = _patterns(patterns)
    front = front or split_front_matter(text)
    if "date" in front.fields:
        found = parse_date(str(front.fields["date"]), p)
        if found:
            return DateGuess(*found, source="front-matter")
    partial = None
    dateline = _find_dateline(text[front.end:], p)
    if dateline is not None:
        if isinstance(dateline, tuple):
            return DateGuess(*dateline, source="dateline")
        partial = dateline
    for match in _DATE_LINE.finditer(text):
        found = parse_date(match["value"], p)
        if found:
            return DateGuess(*found, source="date-line", partial=partial)
    bound = _accession_bound(text, p)
    if bound:
        return DateGuess(bound[:7], "month", "accession-upper-bound", partial, upper_bound=bound)
    if partial:
        return DateGuess(None, "unknown", "dateline", partial=partial)
    return None


def detect_title(text: str, front: FrontMatter | None = None,
                 patterns: DatePatterns | None = None) -> str | None:
    """Return front-matter title, else the first "#" heading, else the first short line.
    `front` is the text's front matter when the caller has read it already."""
    front = front or split_front_matter(text)
    if front.fields.get("title"):
        return str(front.fields["title"]).strip()
    body = text[front.end:]
    p = _patterns(patterns)
    heading = _HEADING.search(body)
    if heading:
        return heading["title"].strip()
    for line in body.splitlines():
        line = line.strip()
        if line:
            # A first line that is already the dateline belongs to the body, not a title.
            if len(line) >= MAX_TITLE_CHARS or _find_dateline(line, p) is not None:
                return None
            return line
    return None


def _find_dateline(body: str, p: DatePatterns) -> tuple[str, str] | str | None:
    """Return (date, precision) or a "--MM-DD" partial from a dateline near the top."""
    lines = [line for line in body.splitlines() if line.strip()][:_DATELINE_LINES]
    for match in _DATELINE.finditer("\n".join(lines)):
        rest = match["rest"]
        for pattern in p.full[:-1]:   # a bare year after a comma is no dateline
            full = pattern.match(rest)
            if full and _from_match(full, p):
                return _from_match(full, p)
        partial = parse_partial(rest, p)
        if partial:
            return partial
    return None


def _accession_bound(text: str, p: DatePatterns) -> str | None:
    """Return the latest full date among "accessed on ..." notes, or None."""
    dates = []
    for match in _ACCESSION.finditer(text):
        found = parse_date(match["value"], p)
        if found and found[1] == "day":
            dates.append(found[0])
    return max(dates) if dates else None


def _from_match(match: re.Match[str], p: DatePatterns) -> tuple[str, str] | None:
    """Return (date, precision) from a pattern match, or None when the date is impossible."""
    parts = match.groupdict()
    year = int(parts["year"])
    if parts.get("mnum"):
        month = int(parts["mnum"])
    elif parts.get("month"):
        month = p.months[parts["month"].lower()]
    else:
        return f"{year:04d}", "year"
    if not parts.get("day"):
        return (f"{year:04d}-{month:02d}", "month") if 1 <= month <= 12 else None
    day = int(parts["day"])
    if not _valid(year, month, day):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}", "day"


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _parse_with_dateparser(value: str) -> tuple[str, str] | None:
    """Fall back on dateparser for other wordings; it must see a year, never invent one."""
    if not re.search(r"(?:19|20)\d{2}", value) or len(value) > 60:
        return None
    data = _dateparser().get_date_data(value)
    if data.date_obj is None or data.period not in ("day", "month", "year"):
        return None
    day = data.date_obj.date()
    if data.period == "day":
        return day.isoformat(), "day"
    if data.period == "month":
        return f"{day.year:04d}-{day.month:02d}", "month"
    return f"{day.year:04d}", "year"


@lru_cache(maxsize=1)
def _dateparser():
    """Build dateparser's parser once; importing it takes a second, so only on demand."""
    from dateparser.date import DateDataParser

    # REQUIRE_PARTS year: a date without a year is not silently put in the current one.
    return DateDataParser(settings={"REQUIRE_PARTS": ["year"], "DATE_ORDER": "DMY",
                                    "PREFER_DAY_OF_MONTH": "first"})
