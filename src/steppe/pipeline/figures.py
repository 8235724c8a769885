"""Turn the quantities of a document into Figures: indicator, parties, direction, period, kind.

The decisions are rules over the sentence around each quantity, with the cue
words in ``data/indicators.yaml``. Tables are handed to ``tables.py`` and
their lines are not read again as prose.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib.resources import files
from typing import Any

import yaml

from steppe.facts import Figure, Span
from steppe.pipeline import tables as _tables
from steppe.pipeline.quantities import Quantity, find_quantities, is_currency, names_currency
from steppe.pipeline.timex import TimeEx, find_timexes, is_dateline, period_of, within

__all__ = ["extract_figures", "present_year", "find_periods", "Period"]

Mention = tuple[int, int, str]

_NUMWORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
             "nine": 9, "ten": 10, "fifteen": 15, "twenty": 20}
_COMPARISON = re.compile(r"(?:compared\s+(?:to|with)|than|versus|vs\.?|against|from)\s+(?:the\s+)?(?:same\s+period\s+(?:of|in)\s+)?$", re.I)


@dataclass(frozen=True)
class Period:
    """A time expression that can be a figure's period, with offsets in the sentence."""

    start: int
    end: int
    value: str | None
    kind: str            # point | range | present | deadline | within | since
    years: int = 0       # for "within N years"


def present_year(anchor: str | None, text: str = "",
                 timexes: list[TimeEx] | None = None) -> int | None:
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
    if timexes is None:
        timexes = find_timexes(text, anchor=anchor)
    named = {int(tx.value[:4]) for tx in timexes
             if tx.value and not tx.relative and tx.kind in ("point", "range")
             and tx.value[:len(anchor)] <= anchor}
    return year - 1 if named and max(named) == year - 1 else year


_PRESENT = re.compile(r"\b(?:currently|presently|at present|to date|nowadays|as of today|today|now)\b", re.I)


def figure_anchor(anchor: str | None, present: int | None) -> str | None:
    """The date relative expressions of figures count from: the text's present.

    An analysis that appears in January but speaks of the year just ended ("since the
    start of this year") means that year; otherwise it is the publication date itself.
    """
    if present is None or not anchor or anchor[:4] == str(present):
        return anchor
    return str(present)


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


def find_periods(sentence: str, *, present: int | None, anchor: str | None = None,
                 timexes: list[TimeEx] | None = None, offset: int = 0) -> list[Period]:
    """Time expressions in a sentence that can date a figure.

    `timexes` are the document's own (offsets include `offset`, the sentence's start);
    without them the sentence is read here, relative to the text's present.
    """
    if timexes is None:
        timexes = find_timexes(sentence, anchor=figure_anchor(anchor, present) or
                               (str(present) if present else None), offset=offset)
    out: list[Period] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, value: str | None, kind: str, years: int = 0) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        out.append(Period(start, end, value, kind, years))

    p = str(present) if present else None
    for m in _PRESENT.finditer(sentence):
        add(m.start(), m.end(), p, "present")
    for tx in timexes:
        s, e = tx.start - offset, tx.end - offset
        if tx.kind == "point" and _COMPARISON.search(sentence[max(0, s - 40):s]):
            taken.append((s, e))       # "grew by 12% compared to 2020": the base, not the period
            continue
        if tx.kind == "deadline":
            add(s, e, _precise(tx.value, tx.precision), "deadline")
        elif tx.kind == "since":
            add(s, e, _since(tx, anchor, present), "since")
        elif tx.kind == "within" and tx.end_value:          # "over the past five years"
            add(s, e, f"{tx.value}/{tx.end_value}", "range")
        elif tx.kind == "within":
            n = re.search(r"\b(\d+|%s)\s+years?\b" % "|".join(_NUMWORDS), tx.text, re.I)
            years = 0 if not n else (int(n.group(1)) if n.group(1).isdigit() else _NUMWORDS[n.group(1).lower()])
            add(s, e, None, "within", years)
        elif tx.kind == "range":
            add(s, e, period_of(tx), "range")
        elif tx.value:
            add(s, e, _precise(tx.value, tx.precision), "point")
    return sorted(out, key=lambda x: x.start)


@lru_cache(maxsize=1)
def _cues() -> dict[str, Any]:
    raw = files("steppe.data").joinpath("indicators.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(raw)


def _cue_re(words: list[str]) -> re.Pattern[str]:
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})", re.I)


@lru_cache(maxsize=1)
def _compiled() -> dict[str, Any]:
    c = _cues()
    return {
        "ind": {k: (_cue_re(v["cues"]), v) for k, v in c["indicators"].items()},
        "target": _cue_re(c["target_cues"]),
        "forecast": _cue_re(c["forecast_cues"]),
        "bilateral": _cue_re(c["bilateral_cues"]),
        "value": _cue_re(c["value_links"]),
        "skip": {w.lower() for w in c["skip_nouns"]},
        "demonyms": {w.lower() for w in c["demonym_plurals"]},
        # "12 Kyrgyz citizens were detained": people taking part in an event, not a figure
        "people": re.compile(r"\s+(?:%s)\b" % "|".join(re.escape(w) for w in c["person_nouns"]), re.I),
        "casualty": _cue_re(c["casualty_words"]),
        "completed": re.compile(r"(?:%s)\b" % "|".join(re.escape(w) for w in c["completion_verbs"]), re.I),
        "generic": {w.lower() for w in c["generic_nouns"]},
        "measures": c["measures"],
        "domestic": _cue_re(c["domestic_cues"]),
    }


def _unit_class(q: Quantity) -> str:
    return "money" if is_currency(q.unit) else q.unit


def _slug(words: str) -> str:
    """An indicator name from words; names of states and peoples ("Kyrgyz-Tajik") say who,
    not what, and are left out when anything else remains."""
    common = " ".join(w for w in words.split() if not w[:1].isupper()) or words
    common = re.sub(r"\b(?:the|our|their|its|his|her|of|a|an)\b", " ", common.lower())
    return "_".join(re.findall(r"[a-z]+", common))


def _nearest_indicator(sent: str, pos: int, unit_class: str | None) -> str | None:
    """The indicator whose cue is nearest to `pos`, cues before the value counting double."""
    best: tuple[float, str] | None = None
    for name, (rx, spec) in _compiled()["ind"].items():
        if unit_class and unit_class not in spec["units"]:
            continue
        for m in rx.finditer(sent):
            dist = pos - m.end() if m.end() <= pos else 2 * (m.start() - pos) + 20
            if dist < 0:
                continue
            if best is None or dist < best[0]:
                best = (dist, name)
    return best[1] if best else None


_NP = r"[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2}"
_SHARE_BEFORE = re.compile(
    r"\bshares?\s+(?:in|of)\s+([^,.;\d]{1,60}?)\s+(?:was|is|were|are|amounted\s+to|stood\s+at|"
    r"reached|made\s+up|accounted\s+for|equall?ed|constituted)\s+(?:about\s+|some\s+|around\s+)?$", re.I)
_SHARE_AFTER = re.compile(r"\s*(?:of|in)\s+(?:the\s+|its\s+|their\s+)?(exports|imports|foreign\s+trade)\b", re.I)
_LINK_BEFORE = re.compile(rf"({_NP})\s+(?:worth|valued\s+at|totall?ing|amounting\s+to|with\s+a\s+(?:total\s+)?value\s+of)"
                          r"\s+(?:\w+\s+){0,2}$", re.I)


_RAISED = re.compile(r"\b(?:increas|rais|reduc|cut|lower|bring|brought|doubl|set|fix)\w*\s+(?:the\s+|its\s+|their\s+)?"
                     r"([a-z][\w-]*)(?:\s+(?:for|of|on)\s+(?:the\s+)?[a-z][\w-]*)?\s+(?:to|at)\s+"
                     r"(?:about\s+|some\s+|around\s+|nearly\s+|over\s+)?$", re.I)


def _without_owners(words: str) -> str:
    """"Uzbekistan's foreign trade" -> "foreign trade"."""
    return re.sub(r"[\w-]+['’]s?\s+", "", words)


def _named(q: Quantity, sent: str, rel: int) -> str | None:
    """A name the grammar gives a value: "$5 billion in reimbursements", "a $2 billion
    debt", "a loan of $300 million", "a 12 km road". Generic heads ("total") name nothing."""
    generic = _compiled()["generic"]
    after = sent[rel + len(q.text):]
    before = sent[:rel]
    m = re.match(r"\s+in\s+([a-z][\w-]*s)\b", after) or \
        re.match(r"\s+(?!(?:in|of|to|for|from|and|or|by|with|at|on|a|the|per|each|every|this|that|which|"
                 r"was|were|is|are|will|would)\b)([a-z][\w-]*)\b", after) if re.search(r"\b(?:a|an)\s+$", before) \
        else re.match(r"\s+in\s+([a-z][\w-]*s)\b", after)
    if m and m.group(1).lower() not in generic:
        return m.group(1)
    m = re.search(r"\b([a-z][\w-]*)\s+of\s+(?:about\s+|some\s+|around\s+|nearly\s+|almost\s+|over\s+)?$", before)
    if m and m.group(1).lower() not in generic:
        return m.group(1)
    return None


def _indicator(q: Quantity, sent: str, rel: int, prev: list[tuple[Quantity, str]],
               stock: bool = False) -> str | None:
    """What a value measures. `stock`: the clause speaks of a standing total ("to date")."""
    comp = _compiled()
    before = sent[:rel]
    after = sent[rel + len(q.text):]
    if q.unit == "percent" or q.unit == "ratio":
        if q.is_growth or q.unit == "ratio":
            base = _nearest_indicator(sent, rel, None)
            if base is None:
                return None
            return f"other:{comp['ind'][base][1]['growth']}_growth"
        share = _SHARE_AFTER.match(after) or re.match(
            r"\s*of\s+((?:[\w’'-]+)(?:\s+(?!(?:in|to|with|from|for|by|at|on|and|which|that)\b)[\w’'-]+){0,3})", after)
        if not share:
            share = _SHARE_BEFORE.search(before)
        if share and _slug(_without_owners(share.group(1))):
            return f"other:share_of_{_slug(_without_owners(share.group(1)))}"
        if re.search(r"\(\s*$|,\s*$", before) and prev:
            for pq, ind in reversed(prev):
                if pq.unit == "percent" and ind.startswith("other:share_of_"):
                    return ind
        return None
    if q.unit == "count" and q.noun:
        noun = q.noun.lower()
        head = noun.split()[-1]
        if comp["casualty"].search(before[-25:]) or comp["casualty"].match(
                re.sub(r"^(?:\s+(?:were|was|have|has|had|been|are|got|reportedly))+\s+", "", after)):
            return None        # casualty counts are not figures of the relations
        done = re.match(r"(?:\s+[\w-]+){0,4}?\s+(?:were|was|have\s+been|has\s+been|had\s+been|are|got|will\s+be)\s+"
                        r"(\w+ed|stuck|built|made|set\s+up|opened|held|signed)\b"
                        r"(?:\s+(?:at|in|on)\s+(?:the\s+)?([a-z]+))?", after)
        completed = (done and comp["completed"].match(done.group(1))) or re.search(
            r"(?:%s)\s+(?:a\s+total\s+of\s+|some\s+|over\s+|more\s+than\s+|about\s+|nearly\s+)?$"
            % comp["completed"].pattern, before)
        if head in comp["skip"] and not completed:
            return None        # "two countries"; but "22 documents were signed" is a figure
        if head in comp["demonyms"]:
            if comp["people"].match(after):
                return None
            return "other:diaspora_population"
        subject = head if " and " in noun else q.noun
        standing = next((name for name, (_, spec) in comp["ind"].items()
                         if "count" in spec["units"] and any(noun.endswith(n) for n in spec.get("nouns", []))
                         and not spec.get("per")), None)
        if done and not (stock and standing):
            tail = "_".join(x for x in (done.group(1), "at" if done.group(2) and "at" in done.group(0) else "", done.group(2) or "") if x)
            return f"other:{_slug(subject)}_{_slug(tail)}"
        if q.per:
            cap = re.search(r"([\w-]+)['’]s\s+capacity|capacity\s+of\s+the\s+([\w-]+)", before)
            if cap:
                return f"other:{_slug(cap.group(1) or cap.group(2))}_capacity"
        for name, (_, spec) in comp["ind"].items():
            if "count" in spec["units"] and any(noun.endswith(n) for n in spec.get("nouns", [])):
                if spec.get("per") and q.per != spec["per"]:
                    continue
                return name
        return f"other:{_slug(subject)}"
    if q.unit == "count" and q.per:
        # "the number of flights ... rose to 14 per week": the noun was named before
        counted = re.search(r"\b[Nn]umber\s+of\s+(?:[\w-]+\s+){0,2}?([a-z][\w-]*s)\b(?:(?!\d)[^.;])*$", before)
        if counted:
            return _indicator(replace(q, noun=counted.group(1)), sent, rel, prev, stock)
    if q.unit == "count":
        return None            # a scaled number with no noun or unit: "10 bln" of what?
    if q.is_change:            # "trade grew by $5.4 billion": the change, not the level
        base = _nearest_indicator(sent, rel, None)
        return f"other:{comp['ind'][base][1]['growth']}_change" if base else None
    if _unit_class(q) == "money" and comp["value"].search(before[-40:]):
        # "69 contracts valued at $209 million": the value of the counted things
        for pq, ind in reversed(prev):
            if pq.unit == "count" and pq.noun:
                if "invest" in pq.noun.lower() and " and " not in pq.noun:
                    return "investment"
                return f"{ind}_value"
    link = _LINK_BEFORE.search(before)
    if link and _unit_class(q) == "money":
        # "trade agreements worth $300 million": the value of what the noun names
        np = _without_owners(link.group(1))
        return _nearest_indicator(np, len(np), "money") if re.search(r"\binvest", np, re.I) \
            else f"other:{_slug(np)}_value"
    unit_class = _unit_class(q)
    domestic = None
    for domestic in comp["domestic"].finditer(before[-40:]):
        pass
    if domestic and not any(rx.search(before[-40:], domestic.end()) for rx, _ in comp["ind"].values()):
        return None            # "Uzbekistan produces 52 bcm of gas": a state's own output
    named = _named(q, sent, rel)
    if named:
        cue = _nearest_indicator(named, len(named), unit_class)
        if cue:
            return cue
        if unit_class == "money" or unit_class in comp["measures"]:
            return f"other:{_slug(named)}"
    cue = _nearest_indicator(sent, rel, unit_class)
    if cue is None and unit_class == "money":
        raised = _RAISED.search(before)    # "increase the rent for the base to $4.8 million"
        if raised and raised.group(1).lower() not in comp["generic"] | {"it", "them", "this", "that"}:
            return f"other:{_slug(raised.group(1))}"
    if cue is None and unit_class in comp["measures"] and unit_class != "days":
        return f"other:{comp['measures'][unit_class]}"
    return cue


# "planned" describing a thing ("its planned capacity of", "planned at 335 metres") states a
# specification of a project, not a goal the parties set for their relations.
_SPECIFICATION = re.compile(r"\s+(?:at\b|[a-z]+\s+(?:of|at|is|was|will)\b)")
_ACTUAL_VERBS = re.compile(
    r"\b(?:reached|grew|amounted|was|were|is|are|stood|totall?ed|rose|increased|fell|surged|exceeded)\b", re.I)


def _kind(sent: str, window_start: int, rel: int, previous: str | None) -> str:
    """Target or forecast when a cue stands between the previous value and this one.

    A value coordinated with a goal ("to $5 billion by 2025 and $10 billion by 2030")
    shares its kind unless a verb of reporting comes between.
    """
    comp = _compiled()
    window = sent[window_start:rel]
    if comp["forecast"].search(window):
        return "forecast"
    goals = [m for m in comp["target"].finditer(window)
             if not _SPECIFICATION.match(window, m.end()) or m.group().lower() != "planned"]
    if goals:
        return "target"
    if comp["target"].search(window):
        return "forecast"      # "a planned capacity of 1,860 MW": what a project will have
    if previous in ("target", "forecast") and not _ACTUAL_VERBS.search(window):
        return previous
    return "actual"


def _states(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """Mentions inside [start, end); `mentions` is sorted by start, so bisect finds them."""
    i = bisect_left(mentions, (start,))
    out = []
    while i < len(mentions) and mentions[i][0] < end:
        if mentions[i][1] <= end:
            out.append(mentions[i])
        i += 1
    return out


def _not_currency(ments: list[Mention], quantities: list[Quantity], text: str) -> list[Mention]:
    """Drop the state a currency is named after ("US$ 62.9 million", "4.79 million U.S.
    dollars"): it is the unit of the value, not a party to it."""
    return [m for m in ments
            if not any(q.start < m[1] and m[0] < q.end and _unit_class(q) == "money" for q in quantities)
            and not names_currency(text, m[1])]


def _partner(code: str, sent: str, s0: int, ments: list[Mention], main: list[str]) -> str | None:
    """The other side of a figure that names one state: the owner ("Kyrgyzstan's trade"),
    the state traded "with", else the document's other main party."""
    for rx in (r"([\w-]+)['’]s\b", r"\bwith\s+(?:the\s+)?([\w-]+)"):
        for m in re.finditer(rx, sent):
            hit = next((x[2] for x in ments if x[0] - s0 == m.start(1) and x[2] != code), None)
            if hit:
                return hit
    return next((c for c in main if c != code), None)


def _state_before_paren(q: Quantity, sent: str, s0: int, ments: list[Mention]) -> str | None:
    """"Kazakhstan (+$2.8 billion)", "Uzbekistan ($13.7 billion, 14.5 percent)": the state
    a parenthesis holding the value follows."""
    before = sent[:q.start - s0]
    opened = before.rfind("(")
    if opened < 0 or opened < before.rfind(")"):
        return None
    return next((m[2] for m in ments if m[1] - s0 <= opened
                 and not sent[m[1] - s0:opened].strip()), None)


def _respectively(sent: str, s0: int, ments: list[Mention], quantities: list[Quantity]) -> dict[int, str]:
    """"A and B fell by $260 million and $65 million, respectively": value i goes with state i."""
    end = sent.find("respectively")
    if end < 0 or not quantities:
        return {}
    first = quantities[0]
    values = [q for q in quantities if q.start - s0 < end and q.unit == first.unit]
    runs: list[list[Mention]] = []          # coordinated states: "A, B and C"
    for m in (m for m in ments if m[1] <= first.start):
        if runs and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", sent[runs[-1][-1][1] - s0:m[0] - s0]):
            runs[-1].append(m)
        else:
            runs.append([m])
    run = next((r for r in reversed(runs) if len(r) == len(values) >= 2), None)
    return {q.start: m[2] for q, m in zip(values, run)} if run else {}


_REPORTING = re.compile(r"\b(?:said|says|told|reported|reports|noted|stated|announced|according\s+to)\b", re.I)


def _parties(q: Quantity, sent: str, s0: int, ments: list[Mention], main: list[str],
             paired: dict[int, str] | None = None, slot: tuple[int, int] | None = None,
             ind: str = "") -> list[str]:
    """The states a value is about: those its clause names, not the states mentioned nearby."""
    codes = {m[2] for m in ments}
    named = (paired or {}).get(q.start) or _state_before_paren(q, sent, s0, ments)
    if named:
        return sorted({named, _partner(named, sent, s0, ments, main)} - {None})
    if len(codes) > 2:
        # Who reports a figure is not a party to it ("Russian officials said Kyrgyz trade ...").
        said = [r for r in _REPORTING.finditer(sent) if r.end() <= q.start - s0]
        if said:
            told = [m for m in ments if m[0] >= s0 + said[-1].end()] or \
                [m for m in ments if m[1] <= s0 + said[-1].start()]
            ments = told if len({m[2] for m in told}) >= 2 else ments
            codes = {m[2] for m in ments}
    if len(codes) > 2 and _is_flow(ind):
        flow = _direction(ind, sent, s0, ments, sorted(codes))
        if flow and flow.get("from") and flow.get("to"):
            return sorted({flow["from"], flow["to"]})
    if len(codes) > 2 and slot:
        # A value with states of its own stretch ("..., and with Kyrgyzstan to $1.1 billion")
        own = [m for m in ments if s0 + slot[0] <= m[0] and m[1] <= q.start]
        if own and {m[2] for m in own} != codes:
            if len({m[2] for m in own}) == 2:
                return sorted({m[2] for m in own})
            partner = _partner(own[-1][2], sent, s0, ments, main)
            return sorted({own[-1][2], partner} - {None})
    if len(codes) > 2:
        codes = {m[2] for m in ments if m[1] <= q.start} or codes
    if len(codes) >= 2:
        return sorted(codes)
    if len(codes) == 1:
        (c,) = codes
        if c in main:
            return sorted(set(main))
        return sorted({c, main[0]}) if main else [c]
    return sorted(set(main))


# A state before one of these verbs (or as their possessor: "Russia's supplies") sends the
# flow; before the second kind it receives it.
_GIVES = re.compile(r"(?:['’]s?)?\s+(?:[\w-]+\s+){0,3}?(?:export|suppl|sold|sell|provid|sent|send|allocat|donat|"
                    r"deliver|invest|ship|grant|gave|give|transferr|lend|lent|owe)\w*", re.I)
_GETS = re.compile(r"(?:['’]s?)?\s+(?:[\w-]+\s+){0,3}?(?:import|receiv|bought|buy|purchas|got|obtain|borrow)\w*", re.I)
_FLOWS = {"exports", "imports", "investment", "aid", "remittances", "debt", "electricity_supply", "water_volume"}


def _is_flow(ind: str) -> bool:
    name = ind.removeprefix("other:")
    return name in _FLOWS or re.sub(r"_(?:growth|change)$", "", name) in _FLOWS


def _direction(ind: str, sent: str, s0: int, ments: list[Mention], parties: list[str]) -> dict[str, str] | None:
    """Who sends and who receives a flow (exports, aid, investment...), from the clause's
    grammar: "from X", "to X", "X exported", "X received", "provide X with"."""
    def other(code: str) -> str | None:
        return next((p for p in parties if p != code), None)

    for m in ments:
        tail = sent[m[1] - s0:m[1] - s0 + 30]
        head = sent[max(0, m[0] - s0 - 20):m[0] - s0]
        if re.match(r"\s+(?:capital|investors?|investments?|companies|business)\b", tail) and re.search(r"\bwith\s+$", head):
            to = other(m[2])
            return {"from": m[2], "to": to} if to else None
    if not _is_flow(ind) or len(parties) < 2:
        return None
    frm = to = None
    named = [m for m in ments if m[2] in parties]
    for m in named:            # prepositions first: "from X", "to X", "provide X with"
        head = sent[max(0, m[0] - s0 - 30):m[0] - s0]
        if re.search(r"\bfrom\s+(?:the\s+)?$", head):
            frm = frm or m[2]
        elif re.search(r"\b(?:to|into)\s+(?:the\s+)?$", head) or re.search(r"\b(?:provid|suppl)\w*\s+$", head):
            to = to or m[2]
    for m in named:            # then the sender or receiver as subject: "X exported", "X received"
        tail = sent[m[1] - s0:m[1] - s0 + 45]
        if not frm and _GIVES.match(tail) and m[2] != to:
            frm = m[2]
        elif not to and _GETS.match(tail) and m[2] != frm:
            to = m[2]
    if frm and to and frm != to:
        return {"from": frm, "to": to}
    if len(parties) != 2:
        return None
    if frm and other(frm):
        return {"from": frm, "to": other(frm)}
    if to and other(to):
        return {"from": other(to), "to": to}
    return None


def extract_figures(text: str, *, anchor: str | None, sentences: list[tuple[int, int]],
                    mentions: list[Mention], main_parties: list[str],
                    timexes: list[TimeEx] | None = None) -> list[Figure]:
    """Figures stated in `text`, prose and tables, in document order."""
    if timexes is None:
        timexes = find_timexes(text, anchor=anchor)
    present = present_year(anchor, text, timexes)
    fig_anchor = figure_anchor(anchor, present)
    if fig_anchor != anchor:
        timexes = find_timexes(text, anchor=fig_anchor)
    # A dateline says when the story was filed, not what period a figure covers.
    timexes = [tx for tx in timexes if not is_dateline(text, tx)]
    main = sorted(set(main_parties))
    figures = _tables.table_figures(text, mentions=mentions, main_parties=main, anchor=anchor)
    table_spans = _tables.table_spans(text)
    last_period: str | None = None
    last_deadline: str | None = None
    para_period: str | None = None         # the last period named in this paragraph
    carried: dict[tuple[str, bool], str] = {}   # the previous sentence's indicators, by unit
    prev_end = 0
    for s0, s1 in sentences:
        sent = text[s0:s1]
        if "\n\n" in text[prev_end:s0] or re.search(r"\n\s*$", text[prev_end:s0]):
            para_period, carried = None, {}
        prev_end = s1
        periods = find_periods(sent, present=present, anchor=fig_anchor, offset=s0,
                               timexes=[tx for tx in within(timexes, s0, s1) if tx.end <= s1])
        # A footnote or reference line ("[4] ...") cites, it does not report.
        quantities = [] if re.match(r"\s*\[\d+\]", sent) else find_quantities(sent, offset=s0)
        ments = _not_currency(_states(mentions, s0, s1), quantities, text)
        paired = _respectively(sent, s0, ments, quantities)
        done: list[tuple[Quantity, str]] = []
        window_start = 0
        prev_kind: str | None = None
        for qi, q in enumerate(quantities):
            rel = q.start - s0
            # This figure's own stretch of the sentence: from the end of the previous
            # number to the start of the next ("2 bln in 2017 and ... $3 billion in 2018").
            slot = (quantities[qi - 1].end - s0 if qi else 0,
                    quantities[qi + 1].start - s0 if qi + 1 < len(quantities) else len(sent))
            if any(a <= q.start < b for a, b in table_spans):
                continue
            # A value with no cue of its own continues the previous sentence's enumeration
            # ("... Kyrgyzstan second with $22.7 billion. It is followed by Uzbekistan ($13.7 billion)").
            stock = any(p.kind == "present" and slot[0] <= p.start and p.end <= rel for p in periods)
            ind = _indicator(q, sent, rel, done, stock) or carried.get(_carry_key(q))
            if ind is None:
                window_start = rel + len(q.text)
                continue
            kind = _kind(sent, window_start, rel, prev_kind)
            if q.unit == "count" and re.search(r"\bwill\b", sent[window_start:slot[1]]):
                kind = "forecast"      # "40 agreements will be signed": an expected count
            prev_kind = kind
            window_start = rel + len(q.text)
            deadline = None
            period = None
            if kind == "target":
                after = [p for p in periods if p.start >= rel and p.kind in ("deadline", "within")
                         and p.start - rel - len(q.text) < 40]
                if after and after[0].kind == "deadline":
                    deadline = after[0].value
                elif after and after[0].years:
                    base = last_deadline or (last_period[:4] if last_period else None) or (str(present) if present else None)
                    deadline = str(int(base[:4]) + after[0].years) if base else None
                if deadline:
                    last_deadline = deadline
            elif kind == "actual":
                period = _period_for(q, sent, rel, periods, last_period, present, slot, para_period)
            else:                      # a forecast covers the time it names, if any
                own = [p for p in periods if p.value and p.kind != "within" and slot[0] <= p.start < slot[1]]
                period = own[0].value if own else _month_at_most(para_period)
            parties = _parties(q, sent, s0, ments, main, paired, slot, ind)
            if len(parties) < 2:
                continue
            direction = _direction(ind, sent, s0, ments, parties)
            unit = q.unit if not (q.per and q.unit == "count" and ind.endswith("_capacity")) else f"{q.noun}/{q.per}"
            figures.append(Figure(
                indicator=ind, value=q.value, unit=unit, parties=parties,
                evidence=Span(s0, s1, sent), direction=direction, period=period,
                kind=kind, deadline=deadline, confidence=0.6,
            ))
            done.append((q, ind))
        own = [p for p in periods if p.kind not in ("deadline", "within") and p.value]
        if own:
            last_period = para_period = own[-1].value
        carried = {_carry_key(q): ind for q, ind in done
                   if q.unit != "percent" or q.is_growth or ind.startswith("other:share_of_")}
    return _dedupe(figures)


def _carry_key(q: Quantity) -> tuple[str, bool]:
    return _unit_class(q), q.is_growth or q.is_change


def _period_for(q: Quantity, sent: str, rel: int, periods: list[Period],
                last_period: str | None, present: int | None,
                slot: tuple[int, int] | None = None, para_period: str | None = None) -> str | None:
    usable = [p for p in periods if p.value and p.kind not in ("deadline", "within")]
    deadline_years = [p for p in periods if p.kind == "deadline"]
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
        if re.search(r"\bto\s+$", sent[max(0, rel - 10):rel]):
            return end
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
    if para_period or last_period:           # the last period the text named carries on
        return _month_at_most(para_period or last_period)
    if present and re.search(r"\b(?:is|are|operates?|resides?|reside|hosts?|there are|stands? at|amounts? to)\b", sent):
        return str(present)
    return _month_at_most(last_period)


def _month_at_most(period: str | None) -> str | None:
    """A day named in another sentence dates an event there, not this figure: keep its month."""
    return period[:7] if period and len(period) == 10 and "/" not in period else period


def _dedupe(figures: list[Figure]) -> list[Figure]:
    seen: set[tuple[Any, ...]] = set()
    out: list[Figure] = []
    for f in figures:
        key = (f.indicator, round(f.value or 0, 3), tuple(f.parties), f.period, f.kind, f.deadline,
               tuple(sorted((f.direction or {}).items())))
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
