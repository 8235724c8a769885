"""Find quantities (money, tons, kWh, m3, counts, percentages, growth) in text.

Our own regular grammar, not quantulum3. The forms that news about Central Asia
uses are narrow but awkward for a general-purpose parser: markdown-escaped
dollars (``\\$5 billion``), Russian scale words with a decimal comma
(``1,2 млрд долларов``), space thousands separators (``2 920``), and counts of
arbitrary nouns ("26 investment projects"), which quantulum3 reads as
dimensionless numbers or misreads as units. A regex over a lexicon we ship
(``data/units.tsv``) handles all of them, keeps offsets exact, and costs
microseconds per sentence with no model to load.

Values are normalised to base units: USD/EUR/RUB/CNY..., tons, kWh, m3, count,
percent, and ratio ("grew 2.1 times").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from steppe.words import Grammar

__all__ = ["Quantity", "QuantityWords", "Units", "find_quantities", "parse_number", "scale_factor", "names_currency",
           "NUMBER", "is_currency", "measure_of"]


@dataclass(frozen=True)
class Quantity:
    """A number with its unit, in base units; offsets index the original text."""

    start: int
    end: int
    text: str
    value: float
    unit: str                     # USD, EUR, tons, kWh, m3, percent, ratio, count
    scale_word: str | None = None
    approx: bool = False
    is_growth: bool = False
    noun: str | None = None       # for counts: the counted noun phrase ("investment projects")
    per: str | None = None        # rate denominator: "week", "year"
    is_change: bool = False       # an amount of change ("up by $5 million"), not a level
    spelled: bool = False         # a count in words ("four meetings"): a figure only when completed


@dataclass(frozen=True)
class QuantityWords:
    """The words around a number that say what it is (data/words/en.yaml `quantities`,
    numbers in words from data/numbers/en.yaml), compiled once from the grammar."""

    numbers: dict[str, int]               # "four" -> 4, "a dozen" -> 12
    approx: re.Pattern[str]               # before a value: "about", "more than"
    growth_before: re.Pattern[str]        # "grew by" 5% (not "fell to" 31%, "up to" 40%: levels)
    growth_after: re.Pattern[str]         # 5% "increase"
    change_before: re.Pattern[str]        # "an increase in exports ... of" $5 million
    decline: re.Pattern[str]              # the change words that make it negative
    time_nouns: frozenset[str]
    np_stops: frozenset[str]
    irregular_plurals: frozenset[str]
    not_plurals: frozenset[str]
    reference: re.Pattern[str]            # "Article" 7
    number_of: re.Pattern[str]            # "the number of <noun> reached" 1,800
    multiplied: dict[str, int]            # "doubled" -> 2: a growth ratio stated by the verb alone
    multiplied_re: re.Pattern[str]
    fractions: dict[str, float]           # "a third" -> 33.3: a growth in percent after "rose by"
    fractions_re: re.Pattern[str]
    rates: dict[str, str]                 # "weekly" -> "week": the period of a rate
    rate_after: re.Pattern[str]           # "per week" (group 1), "weekly" (group 2) after a value
    rate_before: re.Pattern[str]          # "weekly" before the counted noun ("three weekly flights")
    determiner_before: re.Pattern[str]    # "the" two sides: a number in words that counts nothing
    ordinal: re.Pattern[str]              # "st" in "21st"
    conversion_gap: re.Pattern[str]       # "(about" between a value and its conversion
    subject_next: re.Pattern[str]         # "have", "were": a bare number acting as a subject
    whole_before: re.Pattern[str]         # "the total number of citizens" before a bare number
    coordinated: re.Pattern[str]          # "and" between two values
    yearly_from: re.Pattern[str]          # "(a year) from" between two values
    range_joiner: re.Pattern[str]         # "to", "-" between the ends of a range
    caption_count_units: tuple[str, ...]  # "passengers": a caption's unit of things counted

    @classmethod
    def from_grammar(cls, grammar: Grammar) -> "QuantityWords":
        w = grammar.words("en", "quantities")
        n = grammar.numbers("en")
        change_word = f"(?:{w.alternation('change_patterns')})"
        return cls(
            numbers={**n.cardinals, **n.phrases},
            approx=re.compile(rf"(?:{w.alternation('approximation_patterns')})\s*$", re.I),
            growth_before=re.compile(
                rf"(?:{w.alternation('growth_before_patterns')})(?:\s+(?!to\b|from\b)\w+)?\s+(?:by\s+)?$", re.I),
            growth_after=re.compile(
                rf"^\s*(?:\w+\s+)?(?:{w.alternation('growth_after_patterns')})"
                rf"|^\s*(?:{w.alternation('comparatives')})\s+than\b", re.I),     # "8.3 percent more than in 2022"
            # A change stated as "<change word> ... by|of <value>" ("an increase in exports from A to B
            # at the level of 16.6%"), the words between holding no other number.
            change_before=re.compile(
                rf"(?<!\w){change_word}(?:\s+[^\s\d%$€£.;:]+){{0,10}}?\s+(?:{w.alternation('change_prepositions')})\s+$",
                re.I),
            decline=re.compile(w.alternation("decline_patterns"), re.I),
            time_nouns=w.set("time_nouns"),
            np_stops=w.set("noun_phrase_stops"),
            irregular_plurals=w.set("irregular_plurals"),
            not_plurals=w.set("not_plurals"),
            reference=re.compile(rf"\b(?:{w.alternation('reference_patterns')})\s*$", re.I),
            multiplied={k.lower(): int(v) for k, v in w.table("multiplying_verbs").items()},
            multiplied_re=re.compile(rf"\b(?:{'|'.join(map(re.escape, w.table('multiplying_verbs')))})\b", re.I),
            fractions={k.lower(): float(v) for k, v in w.table("fraction_percents").items()},
            fractions_re=re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(w.table('fraction_percents'), key=len, reverse=True)))})\b",
                                    re.I),
            rates={**w.table("rate_adverbs"), **w.table("rate_adjectives")},
            rate_after=re.compile(rf"\s*(?:{w.alternation('rate_words')})\s+({w.alternation('rate_periods')})\b"
                                  rf"|\s*({'|'.join(w.table('rate_adverbs'))})\b", re.I),
            rate_before=re.compile(rf"({'|'.join(w.table('rate_adjectives'))})\b", re.I),
            number_of=re.compile(
                r"\b[Nn]umber\s+of\s+((?:[\w-]+\s+){0,2}?[a-z][\w-]*s)\b[^.;:\d]{0,80}?\s"
                rf"(?:{w.alternation('level_verbs')})\s+(?:{w.alternation('approximation_patterns')})?\s*$", re.I),
            determiner_before=re.compile(rf"\b(?:{w.alternation('count_determiners')})\s+$", re.I),
            ordinal=re.compile(rf"(?:{w.alternation('ordinal_suffixes')})\b", re.I),
            conversion_gap=re.compile(rf"\s*\(\s*(?:{w.alternation('conversion_words')})?\s*"),
            subject_next=re.compile(rf"\s+(?:{w.alternation('subject_verbs')})\b"),
            whole_before=re.compile(rf"\b(?:{w.alternation('whole_words')})\s+of\s+"
                                    rf"(?:(?:{w.alternation('whole_determiners')})\s+)?"
                                    r"(?:[\w-]+\s+){0,2}?([a-z][\w-]*s)\b", re.I),
            coordinated=re.compile(rf"\s*(?:,|{w.alternation('coordinators')}|,\s*(?:{w.alternation('coordinators')}))\s*"),
            yearly_from=re.compile(rf"\s*(?:{w.alternation('yearly')})?\s*,?\s*from\s*"),
            range_joiner=re.compile(rf"\s*(?:{w.alternation('range_joiners')})\s*"),
            caption_count_units=tuple(w.list("caption_count_units")),
        )

    def is_plural(self, word: str) -> bool:
        """"reimbursements" yes; "gas", "bus", "progress" no."""
        low = word.lower()
        return low in self.irregular_plurals or (low.endswith("s") and len(low) > 3 and low not in self.not_plurals
                                                 and not low.endswith("ss") and not low.endswith("ous"))


@dataclass(frozen=True)
class Units:
    """The units lexicon (data/units.tsv, plus a user's): scale words, currencies and
    measures, with the regular expression compiled from them and the grammar's words."""

    scales: dict[str, float]
    currencies: dict[str, str]
    units: dict[str, tuple[str, float]]
    pattern: re.Pattern[str]
    words: QuantityWords

    @classmethod
    def from_rows(cls, rows: list[tuple[str, str, str, float]], grammar: Grammar) -> "Units":
        """From (kind, form, unit, factor) rows; a later row of a kind and form replaces an earlier one."""
        scales: dict[str, float] = {}
        currencies: dict[str, str] = {}
        units: dict[str, tuple[str, float]] = {}
        for kind, form, unit, factor in rows:
            form = form.lower()
            if kind == "scale":
                scales[form] = float(factor)
            elif kind == "currency":
                currencies[form] = unit
            else:
                units[form] = (unit, float(factor))
        words = QuantityWords.from_grammar(grammar)
        return cls(scales, currencies, units, _pattern(scales, currencies, units, words.numbers), words)


def _alternation(forms: list[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


# Space-grouped thousands first ("2 920", "3 333 503"), then comma-grouped
# ("1,056.5"), then plain numbers with a decimal point or comma ("1,2" = 1.2).
_DIGITS = (
    r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?!\d)"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])"
    r"|\d+(?:[.,]\d+)?"
)
NUMBER = _DIGITS               # a number as the text writes it, for other readers
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f\u0400-\u04ff][\w'’-]*")


def _pattern(scale_words: dict[str, float], currencies: dict[str, str],
             units: dict[str, tuple[str, float]], numbers: dict[str, int]) -> re.Pattern[str]:
    words = _alternation([w for w in numbers])
    scales = _alternation(list(scale_words))
    codes = {u.lower() for u in currencies.values()}
    prefix_cur = _alternation([c for c in currencies if not c.isalpha() or c in codes])
    suffix = _alternation(list(currencies) + list(units))
    return re.compile(
        rf"(?P<cur>(?:{prefix_cur})\s?)?"
        # a number joined to a word by a hyphen or a plus is part of a name ("Kambarata-1", "Su-30", "C5+1")
        rf"(?:(?<![\w.,\[])(?<![^\W\d_][-\u2011])(?<!\w\+)(?P<num>{_DIGITS})|\b(?P<word>{words})(?:\b|(?=fold\b)))"      # "fivefold": one word
        rf"(?:[\s\u00a0]*(?P<scale>(?:{scales}))(?![\w]))?"
        # "1.5-fold", "a 1,500-kilometre pipeline" (not "a 30-day ban": a duration named so is no figure)
        rf"(?:(?:[\s\u00a0]*|-(?=fold\b|(?!days?\b)[^\W\d_]{{2,}}))(?P<unit>(?:{suffix}))(?![\w]))?",
        re.I,
    )


# "US$", "US $", "U.S. $", "U.S. dollars"; but "owes China $1.7 billion": a name then a value
_CURRENCY_AFTER_NAME = re.compile(r"\$|(?<=[A-Z]{2})\s\$|(?<=\.)\s\$|\s+(?i:dollars?)\b")


def names_currency(text: str, end: int) -> bool:
    """True when the name ending at `end` is part of a currency ("US$ 5 million",
    "5 million U.S. dollars"): the unit of a value, not a state acting."""
    return bool(_CURRENCY_AFTER_NAME.match(text, end))


def is_currency(unit: str, units: Units) -> bool:
    """True for a currency code of the lexicon (USD, EUR, KZT...), False for measures."""
    return unit in units.currencies.values()


def measure_of(q: Quantity, units: Units) -> str:
    """What a value measures, any currency being "money": values of one measure compare."""
    return "money" if is_currency(q.unit, units) else q.unit


def parse_number(s: str) -> float:
    """Read "2 920", "1,056.5", "1,2" (decimal comma) or "3.5" as a float."""
    s = s.replace("\u00a0", " ").replace("\u202f", " ").strip()
    if " " in s:
        s = s.replace(" ", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):
        s = s.replace(",", "")
    else:
        s = s.replace(",", ".")
    return float(s)


def scale_factor(word: str, units: Units) -> float | None:
    """The multiplier of a scale word ("million" -> 1e6, "млрд" -> 1e9), None if unknown."""
    return units.scales.get(word.lower().strip())


def _counted_noun(text: str, pos: int, qw: QuantityWords) -> tuple[str | None, int]:
    """The counted noun phrase after `pos` ("investment projects") and where it ends."""
    words: list[str] = []
    i = pos
    for _ in range(5):
        m = re.match(r"[ \u00a0]+", text[i:])
        if not m:
            break
        w = _WORD.match(text, i + m.end())
        if not w:
            break
        word = w.group()
        low = word.lower()
        if low in qw.np_stops and low != "and":
            break
        words.append(word)
        i = w.end()
        if qw.is_plural(low):
            if low in qw.time_nouns:
                return None, pos
            return " ".join(words), i
    return None, pos


def find_quantities(text: str, *, units: Units, offset: int = 0) -> list[Quantity]:
    """Every quantity in `text` with a unit, a currency, a scale or a counted noun."""
    lex, qw = units, units.words
    found: list[Quantity] = []
    for m in units.pattern.finditer(text):
        num, word = m.group("num"), m.group("word")
        cur, scale, unit_word = m.group("cur"), m.group("scale"), m.group("unit")
        start, end = m.start(), m.end()
        fold = bool(unit_word and unit_word.lower() == "fold")      # "fivefold", "two-fold"
        if word and not scale and not fold and (not _counted_noun(text, m.end("word"), qw)[0]
                                                or qw.determiner_before.search(text[max(0, start - 8):start])):
            continue              # "one of", "the two sides": no count
        if qw.reference.search(text[max(0, m.start() - 12):m.start()]):
            continue              # "section 4.2", "Article 7", "No. 12"
        if num and qw.ordinal.match(text[m.end("num"):]):
            continue              # ordinal
        if scale and scale.lower() in ("m", "k", "t") and not (cur or unit_word):
            scale = None          # a bare "m"/"k" is a unit letter elsewhere, not a scale
            end = m.end("num") if num else m.end("word")
        value = parse_number(num) if num else float(qw.numbers[word.lower()])
        factor = lex.scales[scale.lower()] if scale else 1.0
        unit = ""
        if cur:
            unit = lex.currencies[cur.strip().lower()]
        if unit_word:
            u = unit_word.lower()
            if u in lex.currencies:
                unit = lex.currencies[u]
            elif u == "t" and not scale:
                unit_word = None
                end = m.end("scale") if scale else (m.end("num") if num else m.end("word"))
            else:
                unit, f = lex.units[u]
                factor *= f
        if unit_word is None and scale is None:
            end = m.end("num") if num else m.end("word")
        noun, per = None, None
        if not unit:
            noun, noun_end = _counted_noun(text, end, qw)
            if noun:
                unit, end = "count", noun_end
        if unit in ("count", "") or unit == "tons":
            rate = qw.rate_after.match(text[end:])
            if rate:
                per = rate.group(1) or qw.rates[rate.group(2).lower()]
                if not unit and num and not per == "year":
                    unit = "count"    # "rose to 14 per week": a rate of something named before
        if noun and per is None:
            adj = qw.rate_before.match(noun)     # "three weekly flights"
            if adj:
                per = qw.rates[adj.group(1).lower()]
        if num and not scale and not cur and unit in ("", "count") and re.fullmatch(r"(?:19|20)\d\d", num):
            continue              # a year ("2018 was designated ...")
        before = text[max(0, start - 40):start]
        after = text[end:end + 30]
        approx = qw.approx.search(before)
        core = text[max(0, start - 100):start - (len(approx.group()) if approx else 0)]
        change = qw.change_before.search(core)
        growth_word = qw.growth_before.search(before) or qw.growth_after.match(after)
        # "+3.2%", "(- 4.1%)"; but a dash spaced on both sides separates a label ("Textiles - $1.1 billion")
        signed = re.search(r"(?:^|[\s(])([+\-−–])$|\(\s?([+\-−–])\s$", text[max(0, start - 3):start])
        is_growth = unit == "ratio" or (unit == "percent" and bool(growth_word or change or signed))
        is_change = unit not in ("percent", "ratio", "count", "") and bool(change or signed)
        sign = 1.0
        if signed:
            sign = 1.0 if (signed.group(1) or signed.group(2)) == "+" else -1.0
        elif (is_growth or is_change) and unit != "ratio" and (change or growth_word):
            cue = change.group().split()[0] if change else growth_word.group()
            sign = -1.0 if qw.decline.search(cue) else 1.0
        found.append(Quantity(
            start=start + offset, end=end + offset, text=text[start:end],
            value=_clean(sign * value * factor), unit=unit or ("count" if scale else ""), scale_word=scale,
            approx=bool(approx), is_growth=is_growth, noun=noun, per=per, is_change=is_change,
            spelled=bool(word and not scale),
        ))
    for m in qw.multiplied_re.finditer(text):          # "trade doubled": a ratio of 2
        verb = m.group().split()[-1]                   # "(plan) to double": the value is the verb, its cue stays before it
        found.append(Quantity(start=m.end() - len(verb) + offset, end=m.end() + offset, text=verb, is_growth=True,
                              value=float(qw.multiplied[" ".join(m.group().lower().split())]), unit="ratio"))
    for m in qw.fractions_re.finditer(text):           # "rose by a third": a growth of 33.3%
        change = qw.change_before.search(text[max(0, m.start() - 100):m.start()])
        if change is None:
            continue
        sign = -1.0 if qw.decline.search(change.group().split()[0]) else 1.0
        found.append(Quantity(start=m.start() + offset, end=m.end() + offset, text=m.group(), is_growth=True,
                              value=sign * qw.fractions[" ".join(m.group().lower().split())], unit="percent"))
    found.sort(key=lambda q: q.start)
    found = [q for q in _share_units(_elided_nouns(found, text, offset, qw), text, offset, units) if q.unit]
    return _without_conversions(found, text, offset, units)


def _without_conversions(found: list[Quantity], text: str, offset: int, units: Units) -> list[Quantity]:
    """A value in parentheses right after another of the same measure restates it in other
    units ("200,000 rubles ($3,250)", "a 1,500-kilometre (930-mile) pipeline"): not a value of its own."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if prev and measure_of(prev, units) == measure_of(q, units) and not q.is_growth and \
                units.words.conversion_gap.fullmatch(text[prev.end - offset:q.start - offset]) \
                and re.match(r"\s*\)", text[q.end - offset:]):
            continue
        out.append(q)
    return out


def _elided_nouns(found: list[Quantity], text: str, offset: int, qw: QuantityWords) -> list[Quantity]:
    """"out of the total number of citizens stranded, 322 have been admitted"; "306 individuals,
    with 27 already deported": a bare number acting as a subject counts the noun named before."""
    out = list(found)
    for i, q in enumerate(out):
        scaled = q.unit == "count" and q.noun is None and q.scale_word is not None     # "1.5 million"
        if not scaled and (q.unit or q.scale_word or q.value != int(q.value)):
            continue
        level = qw.number_of.search(text[max(0, q.start - offset - 150):q.start - offset])
        if level:              # "the number of joint ventures ... reached 1,800": a count of them
            out[i] = replace(q, unit="count", noun=level.group(1))
            continue
        if scaled:
            continue
        if not qw.subject_next.match(text, q.end - offset):
            continue
        before = text[:q.start - offset]
        if re.search(r"[$€£]\s*$", before):
            continue
        noun = next((p.noun for p in reversed(out[:i]) if p.unit == "count" and p.noun), None)
        if noun is None:
            whole = None
            for whole in qw.whole_before.finditer(before):
                pass
            noun = whole.group(1) if whole and whole.group(1).lower() not in qw.time_nouns else None
        if noun:
            out[i] = replace(q, unit="count", noun=noun)
    return out


def _share_units(found: list[Quantity], text: str, offset: int, units: Units) -> list[Quantity]:
    """In "from 510 to 1,056 enterprises" or "$1 to $2 billion" the first number borrows
    the unit of the second; in "fell by $260 million and $65 million" the second is a
    change like the first."""
    qw = units.words
    out = list(found)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        gap = text[a.end - offset:b.start - offset]
        if (a.is_change or a.is_growth) and not (b.is_change or b.is_growth) and a.unit == b.unit \
                and qw.coordinated.fullmatch(gap):
            out[i + 1] = replace(b, is_change=a.is_change, is_growth=a.is_growth,
                                 value=b.value if (a.value < 0) == (b.value < 0) else -b.value)
            continue
        if qw.yearly_from.fullmatch(gap) and a.unit not in ("", "count") \
                and b.unit == "count" and b.noun is None and b.scale_word:
            out[i + 1] = replace(b, unit=a.unit, per=a.per)      # "to $4.79 million a year from 4.5 million"
            continue
        if not qw.range_joiner.fullmatch(gap):
            continue
        if (a.unit == "" or (a.unit == "count" and a.noun is None and a.scale_word)) and b.unit:
            out[i] = replace(a, unit=b.unit, noun=b.noun, per=b.per)
        elif a.scale_word is None and b.scale_word and a.unit in (b.unit, ""):
            factor = scale_factor(b.scale_word, units) or 1.0
            out[i] = replace(a, value=_clean(a.value * factor), unit=b.unit, scale_word=b.scale_word,
                             noun=b.noun, per=b.per)
    return out


def read_unit(text: str, units: Units) -> tuple[str, float] | None:
    """The unit and multiplier a caption declares: "million USD" -> ("USD", 1e6)."""
    lex = units
    scales = _alternation(list(lex.scales))
    units = _alternation(list(lex.currencies) + list(lex.units) + list(lex.words.caption_count_units))
    # the scale before the unit ("million USD") or after it ("$ million", "USD mln")
    pattern = re.compile(rf"(?<!\w)(?:({scales})\s*)?({units})(?!\w)(?:\s*({scales})(?!\w))?", re.I)
    m = pattern.search(text)
    # A bare "t", "m3" or "%" is too weak to declare the unit: look further along.
    while m and not (m.group(1) or m.group(3)) and m.group(2).lower() in ("t", "m3", "%"):
        m = pattern.search(text, m.end())
    if not m:
        return None
    scale = m.group(1) or m.group(3)
    factor = lex.scales[scale.lower()] if scale else 1.0
    u = m.group(2).lower()
    if u in lex.currencies:
        return lex.currencies[u], factor
    if u in lex.units:
        unit, f = lex.units[u]
        return unit, factor * f
    return "count", factor


def _clean(value: float) -> float:
    """A value in base units without binary noise: 4.1 x 1e9 is 4100000000, not
    4099999999.9999995 (twelve significant digits are more than any text states)."""
    return float(f"{value:.12g}")
