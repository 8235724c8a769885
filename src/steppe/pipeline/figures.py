"""Turn the quantities of a document into Figures: indicator, parties, direction, period, kind.

The decisions are rules over the sentence around each quantity, with the cue
words in ``data/indicators.yaml``: what a value measures and its kind here, its period
in ``figure_periods.py``, its parties and direction in ``figure_parties.py``. Tables
are handed to ``tables.py`` and their lines are not read again as prose.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from steppe.facts import Figure, Span
from steppe.pipeline.context import DocContext
from steppe.pipeline.figure_parties import (Mention, direction_of, home_first, not_currency, parties_of,
                                            respectively, states_in)
from steppe.pipeline.figure_periods import Period, ahead, find_periods, month_at_most, period_for, previous_year
from steppe.pipeline.figure_words import FigureWords
from steppe.pipeline.quantities import NUMBER, Quantity, find_quantities, measure_of, parse_number, read_unit
from steppe.pipeline.timex import TimeEx, figure_anchor, is_dateline, present_year, within

if TYPE_CHECKING:
    from steppe.resources import Resources

__all__ = ["extract_figures", "FigureWords", "Indicators", "present_year", "find_periods", "Period"]

class Indicators:
    """The indicator lexicon (data/indicators.yaml, plus a user's) compiled for the readers."""

    def __init__(self, c: dict[str, Any]) -> None:
        self.data = c
        self.compiled = {
            "ind": {k: (_cue_re(v["cues"]), v) for k, v in c["indicators"].items()},
            "goods_cues": {k: _cue_re(v["goods_cues"]) for k, v in c["indicators"].items() if v.get("goods_cues")},
            "target": _cue_re(c["target_cues"] + [f"{a} {v}" for a in c.get("promise_auxiliaries", [])
                                                  for v in c.get("promise_verbs", [])]),
            # goods a deal provides for: their name, the measures renamed, and the (whole)
            # words before the amount that name trade itself
            "contract": _supply_contract(c.get("supply_contract") or {}),
            "forecast": _cue_re(c["forecast_cues"]),
            "bilateral": _cue_re(c["bilateral_cues"]),
            "value": _cue_re(c["value_links"]),
            "skip": {w.lower() for w in c["skip_nouns"]},
            "demonyms": {w.lower() for w in c["demonym_plurals"]},
            # "12 Kyrgyz citizens were detained": people taking part in an event, not a figure
            "people": re.compile(r"\s+(?:%s)\b" % "|".join(re.escape(w) for w in c["person_nouns"]), re.I),
            "casualty": _cue_re(c["casualty_words"]),
            # "a market covering 180 million people": the population of a place, a few words on
            "population": re.compile(_cue_re(c.get("population_cues", [])).pattern + r"\s+(?:[\w-]+\s+){0,3}$", re.I),
            "completed": re.compile(r"(?:%s)\b" % "|".join(re.escape(w) for w in c["completion_verbs"]), re.I),
            # ... found anywhere in a stretch, not inside a longer word (_just_done)
            "completed_word": re.compile(r"(?<!\w)(?:%s)\b" % "|".join(re.escape(w) for w in c["completion_verbs"]),
                                         re.I),
            "generic": {w.lower() for w in c["generic_nouns"]},
            "measures": c["measures"],
            "domestic": _cue_re(c["domestic_cues"]),
            "goods": {w.lower() for w in c["goods_nouns"]},
            "specification": set(c.get("specification_units", [])),
            "specification_nouns": tuple(c.get("specification_nouns", [])),
            "design": _cue_re(c.get("design_cues", [])),
            # the nouns of the counts given per week, month...: the last one before a bare rate
            "rate_nouns": re.compile(r"\b(%s)\b(?:(?!\d)[^.;])*$" % "|".join(
                re.escape(n) for v in c["indicators"].values() if v.get("per") for n in v.get("nouns", [])), re.I),
        }
        # Flows between states, and who sends and who receives them (figure_parties.py).
        self.flows = frozenset(k.removeprefix("other:") for k, v in c["indicators"].items() if v.get("flow"))
        self.sends = _flow_verbs(c["sending_stems"])
        self.receives = _flow_verbs(c["receiving_stems"])

    def cue(self, indicator: str) -> re.Pattern[str] | None:
        """The cue words of an indicator, or of the one whose growth or change it is."""
        ind = self.compiled["ind"]
        if indicator in ind:
            return ind[indicator][0]
        base = re.sub(r"_(?:growth|change)$", "", indicator.removeprefix("other:"))
        return next((rx for rx, spec in ind.values() if spec.get("growth") == base), None)

    def growth_of(self, name: str, suffix: str = "growth") -> str:
        """The growth (or "change") of an indicator, under the name its growth goes by:
        trade_turnover -> other:trade_growth."""
        return f"other:{self.compiled['ind'][name][1]['growth']}_{suffix}"

    def growth_names(self) -> dict[str, str]:
        """Each indicator -> the name its growth goes by (trade_turnover -> trade)."""
        return {k: v["growth"] for k, v in self.data["indicators"].items()}

    def is_flow(self, indicator: str) -> bool:
        """Exports, aid, loans...: an amount that goes from one state to another (or its growth)."""
        name = indicator.removeprefix("other:")
        return name in self.flows or re.sub(r"_(?:growth|change)$", "", name) in self.flows


def _flow_verbs(stems: list[str]) -> re.Pattern[str]:
    """A state before one of these verbs (or as their possessor: "Russia's supplies"), a
    relative clause allowed between ("Uzbekistan, which borders Afghanistan, exported")."""
    return re.compile(r"(?:['’]s?)?(?:\s*,\s*(?:which|that|who|whose)\b[^,;]{1,60},)?\s+(?:[\w-]+\s+){0,3}?(?:"
                      + "|".join(stems) + r")\w*", re.I)


def _cue_re(words: list[str], whole: bool = False) -> re.Pattern[str]:
    """Any of the words as a word's start (or, `whole`, as whole words); none matches nothing."""
    if not words:
        return re.compile(r"(?!)")
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})" + (r"(?!\w)" if whole else ""), re.I)


def _supply_contract(spec: dict[str, Any]) -> tuple[str, frozenset[str], re.Pattern[str]] | None:
    """indicators.yaml `supply_contract`, compiled: None when switched off or unnamed."""
    if not spec.get("name"):
        return None
    return spec["name"], frozenset(spec.get("of", ())), _cue_re(spec.get("unless", []), whole=True)


def _slug(words: str, fw: FigureWords) -> str:
    """An indicator name from words; names of states and peoples ("Kyrgyz-Tajik") say who,
    not what, and are left out when anything else remains."""
    common = " ".join(w for w in words.split() if not w[:1].isupper()) or words
    common = fw.name_stops.sub(" ", common.lower())
    return "_".join(re.findall(r"[a-z]+", common))


def _nearest_indicator(sent: str, pos: int, unit_class: str | None, res: Resources) -> str | None:
    """The indicator whose cue is nearest to `pos`, cues before the value counting double."""
    best: tuple[float, str] | None = None
    goods = unit_class not in (None, "money", "count")
    for name, (cues, goods_cues) in _cue_spans(sent, res).items():
        if unit_class and unit_class not in res.indicators.compiled["ind"][name][1]["units"]:
            continue
        for start, end in cues + (goods_cues if goods else []):
            dist = pos - end if end <= pos else 2 * (start - pos) + 20
            if dist < 0:
                continue
            if best is None or dist < best[0]:
                best = (dist, name)
    return best[1] if best else None


_LAST_READ = threading.local()      # .spans: (sentence, resources, its cue spans), per thread


def _cue_spans(sent: str, res: Resources) -> dict[str, tuple[list[tuple[int, int]], list[tuple[int, int]]]]:
    """Where each indicator's cues (and goods cues) are in the sentence, read once for all
    its values: a list of 200 values would otherwise scan it 200 times per indicator."""
    last = getattr(_LAST_READ, "spans", None)
    if last is None or last[1] is not res or last[0] != sent:
        comp = res.indicators.compiled
        last = _LAST_READ.spans = (sent, res, {
            name: ([m.span() for m in rx.finditer(sent)],
                   [m.span() for m in comp["goods_cues"][name].finditer(sent)] if name in comp["goods_cues"] else [])
            for name, (rx, _) in comp["ind"].items()})
    return last[2]


def _without_owners(words: str) -> str:
    """"Uzbekistan's foreign trade" -> "foreign trade"."""
    return re.sub(r"[\w-]+['’]s?\s+", "", words)


def _named(q: Quantity, sent: str, rel: int, res: Resources, fw: FigureWords) -> str | None:
    """A name the grammar gives a value: "$5 billion in reimbursements", "a $2 billion
    debt", "a loan of $300 million", "a 12 km road". Generic heads ("total") name nothing."""
    generic = res.indicators.compiled["generic"]
    after = sent[rel + len(q.text):]
    before = sent[:rel]
    m = re.match(r"\s+in\s+([a-z][\w-]*s)\b", after) or fw.head_after_article.match(after) \
        if fw.article_before.search(before) else re.match(r"\s+in\s+([a-z][\w-]*s)\b", after)
    if m and m.group(1).lower() not in generic and (m.group(1).endswith("s") is False or res.units.words.is_plural(m.group(1))):
        return m.group(1)
    m = fw.of_before.search(before)
    if m and m.group(1).lower() not in generic:
        return m.group(1)
    return None


def _indicator(q: Quantity, sent: str, rel: int, prev: list[tuple[Quantity, str]], res: Resources,
               fw: FigureWords, stock: bool = False) -> str | None:
    """What a value measures, by its unit. `prev`: the values of the sentence before it, with
    their measures; `stock`: the clause speaks of a standing total ("to date")."""
    if q.unit == "percent" or q.unit == "ratio":
        if q.is_growth or q.unit == "ratio":
            return _growth_indicator(q, sent, rel, res, fw) or _counted_growth(sent[:rel], prev, fw)
        return _share_indicator(q, sent, rel, prev, res, fw)
    if q.unit == "count" and q.noun:
        return _count_indicator(q, sent, rel, res, fw, stock)
    if q.unit == "count" and q.per:
        # "the number of flights ... rose to 14 per week": the noun was named before
        counted = _NUMBER_OF.search(sent[:rel])
        # ... or the rate's own counted noun is its subject: "flights ... will increase to 21 per week"
        counted = counted or res.indicators.compiled["rate_nouns"].search(sent[:rel])
        if counted:
            return _indicator(replace(q, noun=counted.group(1)), sent, rel, prev, res, fw, stock)
    if q.unit == "count":
        return None            # a scaled number with no noun or unit: "10 bln" of what?
    if fw.world_total.search(sent[:rel]):
        return None            # one state's trade with the world, whatever other state the sentence names
    return _overridden(_amount_indicator(q, sent, rel, prev, res, fw), q, sent, rel, res, fw)


def _overridden(ind: str | None, q: Quantity, sent: str, rel: int, res: Resources, fw: FigureWords) -> str | None:
    """An indicator that names what a value is more narrowly wherever its clause cues it
    (indicators.yaml `overrides`) and the value is in one of its units: goods "delivered ...
    as humanitarian aid" are aid, not exports; cubic metres "of water" supplied are water."""
    if ind is None:
        return None
    start = max((m.end() for m in fw.contrast_break.finditer(sent, 0, rel)), default=0)
    end = fw.contrast_break.search(sent, rel)
    clause = sent[start:end.start() if end else len(sent)]
    unit_class = measure_of(q, res.units)
    return next((name for name, (rx, spec) in res.indicators.compiled["ind"].items()
                 if ind in spec.get("overrides", ()) and unit_class in spec["units"] and rx.search(clause)), ind)


def _growth_indicator(q: Quantity, sent: str, rel: int, res: Resources, fw: FigureWords) -> str | None:
    """A growth rate measures what its own clause names, or what came before it: not a
    measure of a later clause ("the economy grew by 6%, and investment rose to ...") nor of
    one telling its consequences ("the rouble fell 20%, hitting remittances")."""
    later = fw.growth_break.search(sent, rel + len(q.text))
    base = _nearest_indicator(sent[:later.start()] if later else sent, rel, None, res)
    if base is None:
        return None
    return res.indicators.growth_of(base)


# "the number of (weekly) flights ... rose to": the counted noun a later bare value or rate is of
_NUMBER_OF = re.compile(r"\b[Nn]umber\s+of\s+(?:[\w-]+\s+){0,2}?([a-z][\w-]*s)\b(?:(?!\d)[^.;])*$")


def _counted_growth(before: str, prev: list[tuple[Quantity, str]], fw: FigureWords) -> str | None:
    """The growth of a count no indicator names: of "the number of X" before it ("the number
    of tourists grew 2.5 times"), or of the count just before it ("350,000 tourists came, up 12%")."""
    counted = _NUMBER_OF.search(before)
    if counted:
        return f"other:{_slug(counted.group(1), fw)}_growth"
    if prev and prev[-1][0].unit == "count" and prev[-1][1].startswith("other:"):
        return f"{prev[-1][1]}_growth"
    return None


def _share_indicator(q: Quantity, sent: str, rel: int, prev: list[tuple[Quantity, str]], res: Resources,
                     fw: FigureWords) -> str | None:
    """A percentage is the share of the whole named after it ("12% of its exports") or
    before it ("the share of X in Y was 12%"), or of the share just before it ("(..., 14.5%)")."""
    before = sent[:rel]
    after = sent[rel + len(q.text):]
    share = fw.share_after.match(after) or fw.share_of.match(after)
    if not share:
        share = fw.share_before.search(before)
    # "the share of Tajikistan in Kyrgyzstan's total trade" -> total trade
    whole = _without_owners(fw.share_split.split(share.group(1))[-1]) if share else ""
    if whole and whole.split()[-1].lower() in res.indicators.compiled["skip"]:
        return None            # "80 percent of the votes": a share of something never a figure
    if _slug(whole, fw):
        return f"other:share_of_{_slug(whole, fw)}"
    if re.search(r"\(\s*$|,\s*$", before) and prev:
        for pq, ind in reversed(prev):
            if pq.unit == "percent" and ind.startswith("other:share_of_"):
                return ind
    return None


def _count_indicator(q: Quantity, sent: str, rel: int, res: Resources, fw: FigureWords, stock: bool) -> str | None:
    """A count of things: of what was done to them ("22 documents were signed"), else the
    indicator counting that noun, else the noun itself; casualties and "two countries" are
    no figures."""
    comp = res.indicators.compiled
    before = sent[:rel]
    after = sent[rel + len(q.text):]
    noun = q.noun.lower()
    head = noun.split()[-1]
    # the noun's own modifiers may come between: "300 residents of the village were evacuated"
    verb = fw.counted_verb.sub("", after)
    if comp["casualty"].search(before[-25:]) or comp["casualty"].match(verb):
        return None            # casualty counts are not figures of the relations
    if comp["population"].search(before[-40:]) and not comp["bilateral"].search(sent):
        return None            # a place's or a market's population, unless shared by the two
    done = fw.counted_done.match(after)
    if done and comp["casualty"].match(done.group(1)):
        return None            # "12 soldiers and 5 border guards were wounded": casualties too
    completed = (done and comp["completed"].match(done.group(1))) or re.search(
        rf"(?:{comp['completed'].pattern})\s+(?:(?:{fw.completed_approx})\s+)?$", before, comp["completed"].flags)
    if (head in comp["skip"] or q.spelled and not q.per) and not completed:
        return None            # "two countries"; but "22 documents were signed" is a figure
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
        return f"other:{_slug(subject, fw)}_{_slug(tail, fw)}"
    if q.per:
        cap = re.search(r"([\w-]+)['’]s\s+capacity|capacity\s+of\s+the\s+([\w-]+)", before)
        if cap:
            return f"other:{_slug(cap.group(1) or cap.group(2), fw)}_capacity"
    for name, (_, spec) in comp["ind"].items():
        if "count" in spec["units"] and any(noun.endswith(n) for n in spec.get("nouns", [])):
            if spec.get("per") and q.per != spec["per"]:
                continue
            return name
    return f"other:{_slug(subject, fw)}"


def _amount_indicator(q: Quantity, sent: str, rel: int, prev: list[tuple[Quantity, str]], res: Resources,
                      fw: FigureWords) -> str | None:
    """An amount of money or goods: a change of the measure nearest it, the value of what
    was counted or of the thing it is "worth", what the grammar names it, else the nearest
    cue; a state's own output is no figure."""
    comp = res.indicators.compiled
    before = sent[:rel]
    if q.is_change:            # "trade grew by $5.4 billion": the change, not the level
        base = _nearest_indicator(sent, rel, None, res)
        return res.indicators.growth_of(base, "change") if base else None
    if measure_of(q, res.units) == "money" and comp["value"].search(before[-40:]):
        # "69 contracts valued at $209 million": the value of the counted things
        for pq, ind in reversed(prev):
            if pq.unit == "count" and pq.noun:
                if "invest" in pq.noun.lower() and " and " not in pq.noun:
                    return "investment"
                return f"{ind}_value"
    link = fw.link_before.search(before)
    if link and fw.predicate.search(link.group(1)):
        link = None            # "trade is now worth $1.5 billion": a predicate; the subject's cue names it
    if link and measure_of(q, res.units) == "money":
        return _worth_indicator(link.group(1), res, fw)
    unit_class = measure_of(q, res.units)
    domestic = None
    for domestic in comp["domestic"].finditer(before[-40:]):
        pass
    if domestic and not any(rx.search(before[-40:], domestic.end()) for rx, _ in comp["ind"].values()):
        return None            # "Uzbekistan produces 52 bcm of gas": a state's own output
    named = _named(q, sent, rel, res, fw)
    if named:
        cue = _nearest_indicator(named, len(named), unit_class, res)
        if cue:
            return cue
        # "invested $5 billion in factories": the verb says what the value is, the phrase where it goes
        governed = _nearest_indicator(before[-40:], len(before[-40:]), unit_class, res)
        if unit_class not in ("count", "days") and not governed:      # "an annual capacity of 10 bcm"
            return f"other:{_slug(named, fw)}"
    # a cue past the end of the value's clause names another value ("exports rose to $3.9
    # billion, while imports fell to ..."), not this one
    later = fw.contrast_break.search(sent, rel + len(q.text))
    cue = _nearest_indicator(sent[:later.start()] if later else sent, rel, unit_class, res)
    deal = fw.deal_for.search(before)
    if cue is None and deal and unit_class not in ("money", "count", "days"):
        return f"other:{_slug(deal.group(1), fw)}"      # "a deal ... for an extra 1.5 bcm"
    if cue is None and unit_class not in ("count", "days"):
        raised = fw.raised.search(before)    # "raise the fee for the airfield to $3.2 million", "the capacity to 10 million tons"
        named = [w for w in raised.group(1).lower().split() if w not in comp["generic"]] if raised else []
        if named and named[0] not in fw.pronouns:
            return f"other:{_slug(' '.join(named), fw)}"
    if cue is None and unit_class in comp["measures"] and unit_class != "days":
        return f"other:{comp['measures'][unit_class]}"
    return cue


def _worth_indicator(phrase: str, res: Resources, fw: FigureWords) -> str:
    """"trade agreements worth $300 million": the value of what the noun phrase names, its
    last piece that is not only a name ("a power plant in Tajikistan worth ..." -> plant)."""
    comp = res.indicators.compiled
    pieces = fw.phrase_split.split(" " + _without_owners(phrase))
    np = next((p.strip() for p in reversed(pieces) if any(not w[:1].isupper() for w in p.split())),
              pieces[-1].strip())
    head = np.split()[-1]
    cue = _nearest_indicator(head, len(head), "money", res)      # "investments worth ..."
    if cue is None and (head.lower() in comp["goods"] or re.search(r"\b[a-z]+ed\s", np)):
        # "imported goods worth ...", "exported gas worth ...": the verb names the flow
        cue = _nearest_indicator(np, len(np), "money", res)
    return cue or f"other:{_slug(np, fw)}_value"


def _kind(sent: str, window_start: int, rel: int, previous: str | None, res: Resources, fw: FigureWords,
          goods: bool = False) -> str:
    """Target or forecast when a cue stands between the previous value and this one.

    A value coordinated with a goal ("to $5 billion by 2025 and $10 billion by 2030")
    shares its kind unless a verb of reporting comes between.
    """
    comp = res.indicators.compiled
    window = sent[window_start:rel]
    if goods and fw.deal_for.search(window):
        return "target"        # the goods a deal provides for: a commitment
    if comp["forecast"].search(window):
        return "forecast"
    goals = [m for m in comp["target"].finditer(window)
             if not fw.specification.match(window, m.end()) or m.group().lower() not in fw.describing_cues]
    results = [m for m in goals if fw.result.fullmatch(m.group()) and (
        fw.result_after.search(sent, max(0, window_start + m.start() - 80), window_start + m.start())
        or previous == "actual" and window_start > 0 and not window[:m.start()].strip(" ,"))]
    if results and len(results) == len(goals):
        return "actual"        # "grew by 6% to reach $27.9 billion"
    if goals:
        return "target"
    if comp["target"].search(window):
        return "forecast"      # "a planned capacity of 1,860 MW": what a project will have
    if previous in ("target", "forecast") and not fw.actual_verbs.search(window):
        return previous
    return "actual"


@dataclass(frozen=True)
class _Lead:
    """The line that introduces a list ("Kazakhstan's trade with its neighbours in 2024:",
    a caption "China's trade with the region in 2024 (billion USD)"): its items say only
    which partner or product and how much; what, when, whose and in what unit is here."""

    text: str
    start: int
    states: tuple[Mention, ...]
    period: str | None
    unit: tuple[str, float] | None


# A list item: a line of its own that opens with a bullet or a number ("- Russia: ...",
# "1. Textiles - ..."), or a short one with no full stop ("Kazakhstan — 43.8").
_MARK = r"(?:[-–—•*·▪●]|\d{1,2}[.)])"
_BULLET = re.compile(rf"\s*{_MARK}\s")
_MARKER = re.compile(rf"\s*{_MARK}\s*")
# A line's start, with the marker the sentence splitter may have cut off ("1." then
# "Textiles - ..."): in the last characters before a sentence, or in all the text before it.
_LINE_START = re.compile(rf"(?:^|\n)[ \t]*(?:{_MARK}[ \t]*)?$")
_TEXT_START = re.compile(rf"(?:|.*\n)[ \t]*(?:{_MARK}[ \t]*)?", re.S)
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")
_FULL_STOP = re.compile(r"[.!?]\s*$")
# "Kazakhstan — 43.8", "Turnover: 612.4 (+3%)": a bare number after the label's separator.
_BARE = re.compile(rf"(?:[:—–\t]|\s-)\s*(?P<num>-?(?:{NUMBER}))(?=\s*(?:\(|$))")


def _own_line(text: str, s0: int, s1: int) -> bool:
    return bool(_LINE_START.search(text[max(0, s0 - 20):s0]) if s0 > 20 else _TEXT_START.fullmatch(text[:s0])) and \
        (s1 >= len(text) or bool(_LINE_END.match(text[s1:s1 + 20])))


def _is_item(text: str, s0: int, s1: int) -> bool:
    sent = text[s0:s1]
    if not _own_line(text, s0, s1):
        return False
    return bool(_BULLET.match(sent)) or (len(sent.split()) <= 12 and not _FULL_STOP.search(sent))


def _is_lead(text: str, s0: int, s1: int, quantities: list[Quantity]) -> bool:
    """A line ending in a colon, or a caption line with no value and no full stop, right
    before an item."""
    sent = text[s0:s1].rstrip()
    if sent.endswith(":"):
        return not quantities
    return _own_line(text, s0, s1) and not quantities and not _FULL_STOP.search(sent) \
        and len(sent.split()) <= 20


def _bare_values(sent: str, s0: int, lead: _Lead) -> list[Quantity]:
    """An item's number with no unit of its own, in the unit its lead declares."""
    if lead.unit is None:
        return []
    m = _BARE.search(sent)
    if m is None:
        return []
    unit, factor = lead.unit
    return [Quantity(start=s0 + m.start("num"), end=s0 + m.end("num"), text=m.group("num"),
                     value=float(f"{parse_number(m.group('num')) * factor:.12g}"), unit=unit)]


def _lead_indicator(q: Quantity, lead: _Lead, res: Resources) -> str | None:
    """What an item's value measures when it says nothing itself: the lead's measure (its
    growth for a signed percentage, "(+3.2%)")."""
    if q.unit == "percent" and not q.is_growth:
        return None
    name = _nearest_indicator(lead.text, len(lead.text), None if q.is_growth else measure_of(q, res.units), res)
    if name is None:
        return None
    return res.indicators.growth_of(name) if q.is_growth or q.unit == "ratio" else name


def _lead_parties(ments: list[Mention], lead: _Lead) -> list[str] | None:
    """An item naming one partner goes with the lead's one state ("Kazakhstan's trade ...:
    - Russia: ..."); an item naming none is about the lead's two."""
    own = {m[2] for m in ments}
    hub = {m[2] for m in lead.states} - own
    if len(own) == 1 and len(hub) == 1:
        return sorted(own | hub)
    if not own and len(hub) == 2:
        return sorted(hub)
    return None


@dataclass(frozen=True)
class _Document:
    """What every sentence of a document is read against."""

    text: str
    anchor: str | None               # the document's date
    present: int | None              # the year the text calls "this year"
    fig_anchor: str | None           # the date relative expressions of figures count from
    timexes: list[TimeEx]
    mentions: list[Mention]
    places: list[Mention]            # cities and regions, by the state they are in
    main: list[str]                  # the main parties, the hub first
    table_spans: list[tuple[int, int]]
    res: Resources
    fw: FigureWords

    @classmethod
    def of(cls, ctx: DocContext, res: Resources, fw: FigureWords) -> "_Document":
        # Figures are dated from the text's present (the timex stage read it); a dateline says
        # when the story was filed, not what period a figure covers.
        timexes = [tx for tx in ctx.present_timexes if not is_dateline(ctx.text, tx)]
        return cls(text=ctx.text, anchor=ctx.anchor, present=ctx.present,
                   fig_anchor=figure_anchor(ctx.anchor, ctx.present), timexes=timexes, mentions=ctx.states,
                   places=sorted((a.start, a.end, a.code) for m in ctx.mentions if m.location
                                 for a in m.actors if a.code),
                   main=home_first(sorted(set(ctx.main_parties)), ctx.sentences, ctx.states),
                   table_spans=[(t.start, t.end) for t in ctx.tables], res=res, fw=fw)

    def in_table(self, q: Quantity) -> bool:
        """The tables stage read this value already."""
        return any(a <= q.start < b for a, b in self.table_spans)


@dataclass
class _Story:
    """What the sentences read so far tell the next ones; a paragraph break forgets the
    paragraph's own part."""

    last_period: str | None = None
    last_deadline: str | None = None
    para_period: str | None = None         # the last period named in this paragraph
    prev_states: list[str] = field(default_factory=list)   # the states the previous sentence named
    carried: dict[tuple[str, bool], str] = field(default_factory=dict)   # the previous sentence's indicators, by unit
    lead: _Lead | None = None              # the line introducing the list being read
    prev_end: int = 0                      # where the previous sentence ended

    def new_paragraph(self) -> None:
        self.para_period, self.carried, self.prev_states = None, {}, []


@dataclass(frozen=True)
class _Sentence:
    """A sentence with what the figures readers need of it."""

    s0: int
    s1: int
    text: str
    item: bool                             # an item of the list a lead introduced
    stx: list[TimeEx]
    periods: list[Period]
    bases: list[tuple[int, int]]           # comparison bases ("compared to 22.9% in 2022")
    quantities: list[Quantity]
    ments: list[Mention]
    paired: dict[int, str]                 # "..., respectively": value -> state

    def slot(self, qi: int) -> tuple[int, int]:
        """A value's own stretch of the sentence: from the end of the previous number to the
        start of the next ("2 bln in 2017 and ... $3 billion in 2018")."""
        qs = self.quantities
        return (qs[qi - 1].end - self.s0 if qi else 0,
                qs[qi + 1].start - self.s0 if qi + 1 < len(qs) else len(self.text))


def extract_figures(ctx: DocContext, resources: Resources, fw: FigureWords) -> list[Figure]:
    """Figures stated in the document, in document order: those the tables stage read
    (ctx.figures) and those of the prose outside its tables. Reads the context's sentences,
    time expressions, states and main parties; units and indicators from `resources`, the
    grammar's words from `fw`."""
    doc = _Document.of(ctx, resources, fw)
    story = _Story()
    figures = list(ctx.figures)
    for s0, s1 in ctx.sentences:
        item = _enter_sentence(doc, story, s0, s1)
        st = _read_sentence(doc, story, s0, s1, item)
        done, made = _sentence_figures(doc, story, st, figures)
        _remember(doc, story, st, done, made)
    return _dedupe(figures)


def _enter_sentence(doc: _Document, story: _Story, s0: int, s1: int) -> bool:
    """Whether the sentence is an item of the list being read; a line that is not ends the
    list, and a blank line or line break ends the paragraph."""
    text = doc.text
    item = story.lead is not None and _is_item(text, s0, s1)
    if story.lead is not None and not item and not _MARKER.fullmatch(text[s0:s1]):
        story.lead = None
    if "\n\n" in text[story.prev_end:s0] or re.search(r"\n\s*$", text[story.prev_end:s0]):
        story.new_paragraph()
    story.prev_end = s1
    return item


def _read_sentence(doc: _Document, story: _Story, s0: int, s1: int, item: bool) -> _Sentence:
    """The sentence's times, comparison bases, values and states."""
    sent, fw, res = doc.text[s0:s1], doc.fw, doc.res
    stx = [tx for tx in within(doc.timexes, s0, s1) if tx.end <= s1]
    periods = find_periods(sent, present=doc.present, anchor=doc.fig_anchor, offset=s0, timexes=stx, words=fw)
    # "(compared to 22.9% in 2022)": the base of a comparison has its own value and time,
    # which date nothing else in the sentence.
    bases = [(m.start(), m.end()) for m in fw.compared.finditer(sent)]
    periods = [p for p in periods if not any(a <= p.start < b for a, b in bases)]
    # A number inside a date ("on July 8") or a period ("the first 11 months") is no value.
    quantities = [q for q in _sentence_quantities(doc, story, sent, s0, item)
                  if not any(t.start <= q.start < t.end for t in stx)]
    ments = not_currency(states_in(doc.mentions, s0, s1), quantities, doc.text, res.units)
    return _Sentence(s0, s1, sent, item, stx, periods, bases, quantities, ments,
                     respectively(sent, s0, ments, quantities, fw))


def _sentence_quantities(doc: _Document, story: _Story, sent: str, s0: int, item: bool) -> list[Quantity]:
    """The values of a sentence that can be figures."""
    res, fw = doc.res, doc.fw
    # A footnote or reference line ("[4] ...") cites, it does not report.
    quantities = [] if re.match(r"\s*\[\d+\]", sent) else find_quantities(sent, units=res.units, offset=s0)
    # A count in words is a figure only as a completed act ("four meetings were held");
    # "the two countries" is no value and must not cut the sentence into stretches.
    quantities = [q for q in quantities if not q.spelled or _indicator(q, sent, q.start - s0, [], res, fw)]
    if item and story.lead and not quantities:
        quantities = _bare_values(sent, s0, story.lead)
    return quantities


def _sentence_figures(doc: _Document, story: _Story, st: _Sentence,
                      figures: list[Figure]) -> tuple[list[tuple[Quantity, str]], list[tuple[Quantity, Figure]]]:
    """Appends the figures of the sentence's values to `figures`; returns the values with a
    measure and those that made a figure."""
    res = doc.res
    done: list[tuple[Quantity, str]] = []
    made: list[tuple[Quantity, Figure]] = []
    window_start = 0                       # where the cues of the next value's kind start
    prev_kind: str | None = None
    for qi, q in enumerate(st.quantities):
        rel = q.start - st.s0
        if doc.in_table(q):
            continue
        base = next(((a, b) for a, b in st.bases if a <= rel < b), None)
        if base:
            fig = _compared(q, base, st.text, st.s0, st.stx, made, res, doc.fw)
            if fig:
                figures.append(fig)
            window_start = rel + len(q.text)
            continue
        ind = _measure(doc, story, st, qi, done, figures)
        if ind is None:
            window_start = rel + len(q.text)
            continue
        designed = bool(res.indicators.compiled["design"].search(st.text, st.slot(qi)[0], rel))
        if designed and ind.startswith("other:"):
            ind = "other:capacity"  # "designed to carry 33 bcm a year": what the thing can carry
        spec = designed or _is_specification(q, ind, res)
        # "will mark their frontier, which stretches for 2,300 km": a relative clause says what
        # its noun is, in its own tense; the goal or future of the clause it hangs on is not its
        # own, and goes on after it ("want to raise trade, which reached $6 million, to $9 million")
        relative = max((m.start() for m in doc.fw.relative_clause.finditer(st.text, window_start, rel)), default=None)
        kind = _stated_kind(doc, st, qi, window_start if relative is None else relative, prev_kind, spec)
        prev_kind = kind if relative is None else _kind(st.text, window_start, relative, prev_kind, res, doc.fw)
        starting = kind != "actual" and _ranges_from(st, qi, res, doc.fw)
        if starting:
            kind = "actual"        # "raise the rent from $4.5 million to $4.79 million": the level now
        window_start = rel + len(q.text)
        deadline, period = _time_of(doc, story, st, qi, kind, starting, spec)
        if period is None and kind == "actual" and made and made[-1][1].indicator + "_value" == ind:
            period = made[-1][1].period    # "17 agreements worth $4.5 billion were signed": when they were
        clause = _clause(st.text, rel, q, st.slot(qi), doc.fw)
        parties = _parties(doc, story, st, qi, ind, clause, spec)
        if len(parties) < 2:
            continue
        figures.append(Figure(
            indicator=_reported_name(ind, kind, st, qi, res), value=q.value, unit=_unit_of(q, ind), parties=parties,
            evidence=Span(st.s0, st.s1, st.text), direction=_direction(doc, story, st, ind, parties, clause),
            period=period, kind=kind, deadline=deadline, confidence=0.6,
        ))
        done.append((q, ind))
        made.append((q, figures[-1]))
    return done, made


def _remember(doc: _Document, story: _Story, st: _Sentence, done: list[tuple[Quantity, str]],
              made: list[tuple[Quantity, Figure]]) -> None:
    """What the sentence leaves for the next: its states, its time, the list it leads, its measures."""
    # the states named last; a sentence naming none that went on about them keeps them
    story.prev_states = [m[2] for m in st.ments] or (story.prev_states if made else [])
    own = [p for p in st.periods if p.kind not in ("deadline", "within") and p.value]
    if own:
        story.last_period = story.para_period = own[-1].value
    if not st.item and _is_lead(doc.text, st.s0, st.s1, st.quantities):
        story.lead = _Lead(st.text, st.s0, tuple(st.ments), own[-1].value if own else None,
                           read_unit(st.text, doc.res.units))
    story.carried = {_carry_key(q, doc.res): ind for q, ind in done
                     if q.unit != "percent" or q.is_growth or ind.startswith("other:share_of_")}


def _measure(doc: _Document, story: _Story, st: _Sentence, qi: int, done: list[tuple[Quantity, str]],
             figures: list[Figure]) -> str | None:
    """What a value measures: what its own words say, else the measure of the value it
    ranges from, of the previous sentence's value of its unit, or of its list's lead."""
    res, fw = doc.res, doc.fw
    q, slot = st.quantities[qi], st.slot(qi)
    rel = q.start - st.s0
    stock = any(p.kind == "present" and slot[0] <= p.start and p.end <= rel for p in st.periods)
    ind = _indicator(q, st.text, rel, done, res, fw, stock)
    if ind is None and done and done[-1][0] is st.quantities[qi - 1] and _from_to(q, done[-1][0], st.text, st.s0, res, fw):
        ind = done[-1][1]          # "to $4.79 million a year from 4.5 million": the same measure
    # A value with no cue of its own continues the previous sentence's enumeration
    # ("... Turkmenistan second with $9.1 billion. Next comes Tajikistan ($4.2 billion)").
    ind = ind or story.carried.get(_carry_key(q, res)) or \
        _growth_of_carried(q, st.text[slot[0]:rel], story.carried, res, fw) or \
        _level_of_carried(q, st.text[slot[0]:rel], story.carried, res, fw)
    if ind is None and st.item and story.lead:
        ind = _lead_indicator(q, story.lead, res)
    if ind is not None and re.search(r"\bthe\s+$", st.text[max(0, rel - 5):rel], re.I) and any(
            f.value == q.value and f.unit == q.unit for f in figures):
        ind = None                 # "... three million people. ... for the three million inhabitants": the same value again
    return ind


def _is_specification(q: Quantity, ind: str, res: Resources) -> bool:
    """A project's length, capacity...: a fact of the thing, never a goal or a period's value."""
    comp = res.indicators.compiled
    return not q.is_growth and (q.unit in comp["specification"] or ind.startswith("other:")
                                and ind.endswith(comp["specification_nouns"]))


def _stated_kind(doc: _Document, st: _Sentence, qi: int, window_start: int, prev_kind: str | None,
                 spec: bool) -> str:
    """Goal, forecast or level, as the words before the value state it."""
    res, fw, sent = doc.res, doc.fw, st.text
    q, slot = st.quantities[qi], st.slot(qi)
    rel = q.start - st.s0
    kind = _kind(sent, window_start, rel, prev_kind, res, fw, goods=measure_of(q, res.units) not in ("money", "count"))
    if spec and kind == "target":
        kind = "actual"            # "agreed to build a 280 km railway": the railway's length, not a goal
    if re.match(r"\s+already\b", sent[rel + len(q.text):]) or \
            fw.change_from.search(sent[max(0, rel - 25):rel]):
        kind = "actual"            # "306 to be expelled, with 27 already deported"; "..., up from $750 million"
    if (kind == "actual" and fw.future.search(sent[window_start:rel])) or (
            q.unit == "count" and re.search(r"\bwill\b", sent[window_start:slot[1]])):
        kind = "forecast"          # "40 agreements will be signed", "trade will grow to ...": expected
    return kind


def _ranges_from(st: _Sentence, qi: int, res: Resources, fw: FigureWords) -> bool:
    """The value is the start of a stated change, "from $A to $B" (in either order)."""
    qs, q = st.quantities, st.quantities[qi]
    return bool(qi + 1 < len(qs) and _from_to(q, qs[qi + 1], st.text, st.s0, res, fw)
                or qi > 0 and _from_to(q, qs[qi - 1], st.text, st.s0, res, fw))


def _time_of(doc: _Document, story: _Story, st: _Sentence, qi: int, kind: str, starting: bool,
             spec: bool) -> tuple[str | None, str | None]:
    """A goal's deadline, or the period a level or forecast covers."""
    deadline = period = None
    if kind == "target":
        deadline = _deadline(doc, story, st, qi)
    elif starting:
        period = None              # the level before a set change: its time is not stated
    elif spec:                     # a thing's size holds for no period, planned or built
        period = None
    elif kind == "actual":
        period = _level_period(doc, story, st, qi)
    else:
        period = _forecast_period(story, st, qi, doc.anchor)
    if period is None and kind == "actual" and st.item and story.lead:
        period = story.lead.period     # a list item's time is its lead's
    return deadline, period


def _deadline(doc: _Document, story: _Story, st: _Sentence, qi: int) -> str | None:
    """When a goal is to be met: the deadline right after it ("by 2030"), a stretch counted
    from when it was set ("within five years"), or a time its stretch names."""
    q, slot, periods, anchor = st.quantities[qi], st.slot(qi), st.periods, doc.anchor
    rel = q.start - st.s0
    deadline = None
    after = [p for p in periods if p.start >= rel and p.kind in ("deadline", "within")
             and p.start - rel - len(q.text) < 40]
    # a goal is met after it is set: a time before the report ("under a contract
    # signed on Thursday") is when it was set, not its deadline
    named = [p for p in periods if p.value and p.kind in ("point", "present")
             and rel < p.start < slot[1] and not (anchor and p.value < anchor[:len(p.value)])]
    # "By 2030, the two sides intend to raise trade to $5 billion": a deadline leading the stretch
    leading = [p for p in periods if p.kind == "deadline" and p.value and slot[0] <= p.start and p.end <= rel]
    if after and after[0].kind == "deadline":
        deadline = after[0].value
    elif leading and not after:
        deadline = leading[-1].value
    elif after and after[0].years:
        # "within five years" counts from when the goal was set: the time its own
        # sentence names before it, else the last one the text named.
        set_at = [p for p in periods if p.value and p.kind == "point" and p.start < rel]
        base = (set_at[-1].value[:4] if set_at else None) or story.last_deadline or \
            (story.last_period[:4] if story.last_period else None) or (str(doc.present) if doc.present else None)
        deadline = str(int(base[:4]) + after[0].years) if base else None
    elif named:                    # "to raise exports by 20 percent next year"
        deadline = named[0].value
    if deadline:
        story.last_deadline = deadline
    return deadline


def _level_period(doc: _Document, story: _Story, st: _Sentence, qi: int) -> str | None:
    """The period a level covers: the time its sentence names for it, else the paragraph's."""
    res, sent, anchor = doc.res, st.text, doc.anchor
    q, slot, periods = st.quantities[qi], st.slot(qi), st.periods
    rel = q.start - st.s0
    period = period_for(q, sent, rel, periods, story.last_period, doc.present, slot, story.para_period, words=doc.fw)
    if period and len(period) == 10 and not doc.fw.as_of.search(sent):
        period = period[:7]        # "a fine ... on Monday": an act's day, the figure's month
    if qi + 1 < len(st.quantities) and _year_before(q, st.quantities[qi + 1], sent, st.s0, periods, res, doc.fw):
        period = previous_year(period)     # "grew from $3.1 billion to $3.6 billion"
    inherited = story.para_period is None and not any(p.value and p.kind not in ("deadline", "within")
                                                      for p in periods)
    if (period is None or inherited) and anchor and len(anchor) >= 7 \
            and _just_done(sent[slot[0]:slot[1]], res, doc.fw):
        # "15 documents were signed": news of this month's act (a time named in
        # another paragraph dates something else)
        period = anchor[:7]
    return period


def _forecast_period(story: _Story, st: _Sentence, qi: int, anchor: str | None) -> str | None:
    """A forecast covers the time its stretch names, if any, the one after the value first
    ("exceeded $1.5 billion in 2022 and should reach $2 billion in 2025")."""
    slot, rel = st.slot(qi), st.quantities[qi].start - st.s0
    own = [p for p in st.periods if p.value and p.kind != "within" and slot[0] <= p.start < slot[1]]
    own = [p for p in own if p.start >= rel] or own
    return ahead(own[0], anchor) if own else month_at_most(story.para_period)


def _parties(doc: _Document, story: _Story, st: _Sentence, qi: int, ind: str,
             clause: tuple[int, int], spec: bool = False) -> list[str]:
    """The states a value is about: its clause's, else the states the text goes on about."""
    res, fw = doc.res, doc.fw
    q, slot = st.quantities[qi], st.slot(qi)
    # the states a flow or a volume passes through ("exported via Russia", "gas transit through
    # Kazakhstan") are its route, not its ends; but a line's length or size is of every state
    # it crosses ("runs for 1,800 km through Uzbekistan and Kazakhstan")
    # ("runs for 1,800 km from China through Kyrgyzstan to Uzbekistan"): all the states it names
    ends = [m for m in st.ments if not fw.route.search(doc.text, max(0, m[0] - 30), m[0])]
    if spec and len({m[2] for m in st.ments}) >= 2:
        parties = sorted({m[2] for m in st.ments})
    else:
        parties = parties_of(q, st.text, st.s0, ends, doc.main, st.paired, slot, ind, res.indicators,
                             words=fw, clause=clause)
    pair = set(story.prev_states)
    if not st.ments and len(pair) >= 2:
        # "... Kyrgyzstan's exports to Tajikistan shrank. Total turnover went down 3.8%":
        # a sentence naming no state goes on about the states the one before named.
        parties = sorted(pair)
    elif not st.ments and spec and len(pair) == 1:
        # "Tajikistan opened the dam. Its turbines will have 3,600 MW": the size of a thing
        # of the one state the text goes on about, no figure between states
        return []
    if len(parties) < 2 and len(pair) == 2 and set(parties) <= pair:
        parties = sorted(pair)     # "A and B held talks. B's exports reached ...": the pair
    if st.item and story.lead:
        parties = _lead_parties(st.ments, story.lead) or parties
    parties = _without_parts_partners(st, qi, parties, fw)
    if len(parties) < 2 and res.indicators.compiled["ind"].get(ind, (None, {}))[1].get("between_places"):
        # "flights between Almaty and Istanbul": the cities a route joins stand for their states
        ends = set(parties) | {m[2] for m in states_in(doc.places, st.s0, st.s1)}
        parties = sorted(ends) if len(ends) >= 2 else parties
    return parties


def _without_parts_partners(st: _Sentence, qi: int, parties: list[str], fw: FigureWords) -> list[str]:
    """"Exports reached 12 million tonnes, including 3 million tonnes to Uzbekistan": a state
    named only in the breakdown after a value is a part's partner, not the whole's."""
    q, slot = st.quantities[qi], st.slot(qi)
    cue = fw.breakdown.search(st.text, q.end - st.s0, slot[1])
    if cue is None:
        return parties
    before = {m[2] for m in st.ments if m[1] - st.s0 <= cue.start()}
    kept = [p for p in parties if p in before or all(m[2] != p for m in st.ments)]
    return kept or parties


def _direction(doc: _Document, story: _Story, st: _Sentence, ind: str, parties: list[str],
               clause: tuple[int, int]) -> dict[str, str] | None:
    """Who sends and who receives a flow: as its clause says, else as its list's lead does."""
    indicators = doc.res.indicators
    direction = direction_of(ind, st.text, st.s0, st.ments, parties, indicators, clause, words=doc.fw)
    if direction is None and st.item and story.lead:
        lead = story.lead
        direction = direction_of(ind, lead.text, lead.start, list(lead.states), parties, indicators, words=doc.fw)
    return direction


def _reported_name(ind: str, kind: str, st: _Sentence, qi: int, res: Resources) -> str:
    """The name a measure goes by: goods a deal provides for are no trade yet, unless the
    words before the value name the trade (indicators.yaml `supply_contract`)."""
    contract, q = res.indicators.compiled["contract"], st.quantities[qi]
    if kind != "target" or contract is None or ind not in contract[1] \
            or measure_of(q, res.units) in ("money", "count"):
        return ind
    name, _, trade_words = contract
    return ind if trade_words.search(st.text, st.slot(qi)[0], q.start - st.s0) else name


def _unit_of(q: Quantity, ind: str) -> str:
    """A capacity counted per period is in things per period ("flights/week")."""
    return q.unit if not (q.per and q.unit == "count" and ind.endswith("_capacity")) else f"{q.noun}/{q.per}"


def _compared(q: Quantity, base: tuple[int, int], sent: str, s0: int, stx: list[TimeEx],
              made: list[tuple[Quantity, Figure]], res: Resources, fw: FigureWords) -> Figure | None:
    """A value in a comparison base is the same measure as the value it is compared with,
    at the time the base names: "rose 7.1% (compared to 12.6% in 2021)", "$61.2 billion,
    up $2.3 billion compared to 2022 ($58.9 billion)". Without a time it is left out."""
    when = next((tx for tx in stx if base[0] <= tx.start - s0 < base[1] and tx.value
                 and tx.kind == "point"), None)
    if when is None and base[0] > 0:      # "compared to 2023 ($89.4 billion)"
        when = next((tx for tx in stx if base[0] <= tx.start - s0 < q.start - s0 and tx.value), None)
    level = q.unit not in ("percent", "ratio")
    prev = next((f for pq, f in reversed(made) if measure_of(pq, res.units) == measure_of(q, res.units)
                 and (pq.is_change or pq.is_growth) != level), None) if level else \
        next((f for pq, f in reversed(made) if pq.unit == q.unit), None)
    if when is None or prev is None or prev.kind != "actual":
        return None
    period = when.value[:{"year": 4, "month": 7}.get(when.precision, 4)]
    if fw.year_earlier.fullmatch(when.text):
        period = previous_year(prev.period)      # "compared with $41 billion a year earlier"
    return replace(prev, value=q.value, period=period, evidence=Span(s0 + base[0], s0 + base[1], sent[base[0]:base[1]]))


def _growth_of_carried(q: Quantity, before: str, carried: dict[tuple[str, bool], str], res: Resources,
                       fw: FigureWords) -> str | None:
    """"Trade reached $15 billion in 2022. This year it is expected to grow by 10%": a growth
    rate whose subject is a pronoun is the growth of the measure the sentence before gave."""
    if not q.is_growth or not fw.figure_pronouns.search(before):
        return None
    ind = res.indicators.compiled["ind"]
    level = next((name for (_, growth), name in carried.items() if not growth and name in ind), None)
    return res.indicators.growth_of(level) if level else None


def _level_of_carried(q: Quantity, before: str, carried: dict[tuple[str, bool], str], res: Resources,
                      fw: FigureWords) -> str | None:
    """"Trade grew by 30% in 2024. He called for raising it to $1 billion": a level whose subject
    is a pronoun is of the measure whose growth the sentence before gave."""
    if q.is_growth or q.is_change or not fw.figure_pronouns.search(before):
        return None
    unit_class = measure_of(q, res.units)
    growths = {f"other:{base}_growth": name for name, base in res.indicators.growth_names().items()}
    return next((growths[ind] for (_, growth), ind in carried.items() if growth and ind in growths
                 and unit_class in res.indicators.compiled["ind"][growths[ind]][1]["units"]), None)


def _just_done(stretch: str, res: Resources, fw: FigureWords) -> bool:
    """Things signed, held or concluded, or handed over, in the simple past ("were signed",
    "signed deals worth", "allocated $5 million", "provided 300 tonnes of aid"), no time
    named: the act the news reports, in the month of the report. A present
    perfect ("have been signed") is a running total over no stated stretch."""
    acts = [*res.indicators.compiled["completed_word"].finditer(stretch), *fw.handed.finditer(stretch)]
    return any(not fw.perfect_before.search(stretch[:m.start()])
               and not fw.future_before.search(stretch[:m.start()])
               for m in acts)


def _clause(sent: str, rel: int, q: Quantity, slot: tuple[int, int], fw: FigureWords) -> tuple[int, int]:
    """A value's own clause: its stretch of the sentence between the comma, semicolon or
    coordination before it and the one after it ("..., while imports from B reached ...",
    "including 3 million tons to B and 1 million tons to C")."""
    end = rel + len(q.text)
    start = slot[0]
    for brk in fw.clause_break.finditer(sent, slot[0], rel):
        start = brk.end()
    stop = fw.clause_break.search(sent, end, slot[1])
    return start, stop.start() if stop else slot[1]


def _from_to(a: Quantity, b: Quantity, sent: str, s0: int, res: Resources, fw: FigureWords) -> bool:
    """"from $A to $B" (or "to $B a year from $A"): A and B are two levels of one measure."""
    if a.is_growth or a.is_change or measure_of(a, res.units) != measure_of(b, res.units):
        return False
    if not fw.range_from.search(sent[max(0, a.start - s0 - 20):a.start - s0]):
        return False
    if a.start < b.start:
        return bool(re.fullmatch(r"\s*to\s*", sent[a.end - s0:b.start - s0]))
    return bool(fw.range_to.search(sent[max(0, b.start - s0 - 20):b.start - s0])
                and fw.yearly_from.fullmatch(sent[b.end - s0:a.start - s0]))


def _year_before(a: Quantity, b: Quantity, sent: str, s0: int, periods: list[Period],
                 res: Resources, fw: FigureWords) -> bool:
    """"from $A to $B" with no time between them: A is the level a year before B."""
    return _from_to(a, b, sent, s0, res, fw) and not any(a.end - s0 <= p.start < b.start - s0 for p in periods)


def _carry_key(q: Quantity, res: Resources) -> tuple[str, bool]:
    return measure_of(q, res.units), q.is_growth or q.is_change


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
