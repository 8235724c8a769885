"""Figures in Russian notation: "1,3 млрд долларов", "$5,3 млрд", "611,3 млн долл. США",
"свыше 5 тыс. тонн", "вырос на 12%", "до 10 миллиардов долларов к 2030 году".

A number with its scale and unit is a figure when an indicator cue (data/ru/figures.yaml:
товарооборот, экспорт, инвестиции, ...) stands in its sentence before it. Parties are the
states the sentence names (else the document's main parties); a flow's direction is read
from "экспорт X в Y" / "из X"; kind from target and forecast cues; period and deadline
from the sentence's time expressions.
"""

from __future__ import annotations

import re
from typing import Iterable

from steppe.facts import Figure, Span
from steppe.pipeline.ru.actors import RuMention
from steppe.pipeline.ru.sentences import RuSentence
from steppe.pipeline.ru.text import Word, analyse, fold
from steppe.pipeline.ru.timex import RuTime

_NUMBER = re.compile(r"(\$\s?)?(\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:[,.](\d+))?\s*(%)?")


def figure_words(figures: dict) -> dict:
    """data/ru/figures.yaml (Resources.russian) with its cue phrases as tuples of lemmas."""
    d = dict(figures)
    d["indicators"] = [dict(ind, cues=[tuple(analyse(w).lemma for w in c.split()) for c in ind["cues"]])
                       for ind in figures["indicators"]]
    d["casualty"] = frozenset(d["casualty"])
    for key in ("target", "forecast", "growth_up", "growth_down"):
        d[key] = {tuple(analyse(w).lemma for w in c.split()) for c in d[key]}
    return d


class RuFigureReader:
    """Reads figures with the cues of data/ru/figures.yaml (Resources.russian), lemmatised
    once when the reader is built."""

    def __init__(self, figures: dict) -> None:
        self.data = figure_words(figures)

    def document_figures(self, text: str, sentences: Iterable[RuSentence], main: list[str],
                         anchor: str | None) -> list[Figure]:
        """The figures of a document, sentence by sentence, repeats merged."""
        figures: list[Figure] = []
        flows: list[dict[str, str]] = []      # directions of trade the document states
        prev_words: list[Word] = []
        prev_period = None                    # the period of the sentence before's figures
        for st in sentences:
            # what "его", "этот показатель" refer to: the sentence before, else the last figure
            previous = sentence_indicator(self.data, prev_words) or (figures[-1].indicator if figures else None)
            prev_words = st.words
            found = extract_sentence_figures(self.data, text, st.start, st.end, st.words, st.mentions,
                                             st.times, main, previous, anchor)
            if prev_period and not st.times and any(w.a.tense == "past" for w in st.words):
                # "В первом квартале торговля выросла на 20%. Экспорт составил 45 млн долларов":
                # a report in the past tense with no time of its own continues the one before
                # (a present "составляет" states a standing rate)
                for f in found:
                    if f.period is None and f.kind == "actual":
                        f.period = prev_period
            prev_period = next((f.period for f in reversed(found) if f.period), None) if found else None
            figures += found
            flows += sentence_flows(self.data, st.words, st.mentions, st.end)
        _directed_by_document(self.data, figures, flows)
        return merge_figures(figures)


def _directed_by_document(data: dict, figures: list[Figure], flows: list[dict[str, str]]) -> None:
    """A flow whose sentence gives no direction ("Ежегодный объем поставок составляет 40
    млрд кубометров") takes the one the document states between the same two states
    ("Туркмения является экспортером газа в Китай"), when it states only one."""
    for f in figures:
        if f.direction is None and is_flow(data, f.indicator) and len(f.parties) == 2:
            known = {(d["from"], d["to"]) for d in flows if {d["from"], d["to"]} == set(f.parties)}
            if len(known) == 1:
                frm, to = known.pop()
                f.direction = {"from": frm, "to": to}


def _has(words: list[Word], phrases: set[tuple[str, ...]]) -> bool:
    for i, w in enumerate(words):
        for p in phrases:
            if p[0] in w.a.lemmas and all(i + k < len(words) and p[k] in words[i + k].a.lemmas
                                          for k in range(1, len(p))):
                return True
    return False


def _cue_at(words: list[Word], cue: tuple[str, ...], gap: int = 2) -> int | None:
    """Last position of a cue in `words`; its words in order, up to `gap` words apart
    ("компаний с российским капиталом")."""
    found = None
    for i, w in enumerate(words):
        if cue[0] not in w.a.lemmas:
            continue
        j = i + 1
        for lemma in cue[1:]:
            j = next((k + 1 for k in range(j, min(len(words), j + gap + 1)) if lemma in words[k].a.lemmas), -1)
            if j < 0:
                break
        if j >= 0:
            found = i
    return found


def extract_sentence_figures(data: dict, text: str, s: int, e: int, words: list[Word], mentions: list[RuMention],
                             times: list[RuTime], main: list[str], previous: str | None = None,
                             anchor: str | None = None) -> list[Figure]:
    """Figures of the sentence text[s:e]; `words`, `mentions`, `times` are those inside it;
    `previous` is the indicator of the document's last figure (for "его", "их")."""
    out: list[Figure] = []
    sentence = text[s:e]
    out += _fractions(data, s, e, sentence, words, mentions, times, main)
    consumed = -1
    last_end = s                                        # end of the figure before
    for start, end, value, dollar, percent in _numbers(data, sentence, s, words):
        if start < consumed:
            continue
        if any(t.start <= start < t.end for t in times):
            continue                                    # a year or a day, not an amount
        after = [w for w in words if w.start >= end][:5]
        before = [w for w in words if w.end <= start]
        unit = "percent" if percent else ("USD" if dollar else "")
        k = 0
        if after and not percent:
            scale = data["scales"].get(after[0].a.lemma) or data["scales"].get(fold(after[0].text).rstrip("."))
            if scale:
                value *= scale
                k = 1
                # "1 млрд 200 млн долларов"
                small = data["scales"].get(after[2].a.lemma) if len(after) > 2 and after[1].text.isdigit() else None
                if small and small < scale:
                    value += int(after[1].text) * small
                    k = 3
                    consumed = after[2].end
                elif len(after) > 1 and after[1].text.isdigit() and int(after[1].text) < scale <= 1000:
                    value += int(after[1].text)          # "1 тысячи 800 компаний"
                    k = 2
                    consumed = after[1].end
        if len(after) > 2 and after[0].low == "из" and after[1].text.isdigit():
            k = 2                                    # "5 из 7 пунктов пропуска": 5 of them
            consumed = after[1].end
        counted = None                               # the noun a count counts
        for w in after[k:k + 3]:
            u = data["units"].get(w.a.lemma) or data["units"].get(fold(w.text).rstrip("."))
            if u and not unit:
                unit = u
                counted = w if u == "count" else None
                break
            if w.a.pos in ("ADJF", "PRTF") and w.text[:1].islower():
                continue                             # "41 двусторонний документ"
            if w.text not in (".", ","):
                break
        if not unit and k < len(after) and after[k].low == "до":
            # "с 1,2 до 1,5 млрд долларов": the first amount shares the unit of the second
            rest = [w for w in words if w.start >= after[k].end][:4]
            unit = next((data["units"].get(w.a.lemma) for w in rest if data["units"].get(w.a.lemma)), "")
            if unit == "percent":
                unit = ""
        if not unit:
            continue
        named = _named_count(data, [w for w in words if w.start >= counted.start][:6]) if counted else None
        if named:
            indicator, flow, cue_i = named, False, None   # "1,3 тыс. предприятий с участием капитала"
        elif previous and any(w.is_(*data["anaphora"]) for w in before[-4:]):
            indicator, flow, cue_i = previous, False, None     # "довести его до 10 млрд"
        else:
            # a share in percent is named by its own cue even before a nearer one:
            # "доля России во внешней торговле Кыргызстана — 25%"
            share = unit == "percent" and not (before and before[-1].low == "на") and \
                not any(w.a.lemma in data["growth_nouns"] for w in before[-12:])
            indicator, flow, cue_i = _indicator(data, before, [counted] if counted else after, unit, prefer_unit=share)
        if indicator is None:
            # "с $2,4 млрд до $4 млрд к 2030 году – товарооборота двух стран": the cue after
            following = [w for w in words if w.start >= end][:12]
            indicator, flow, cue_i = _indicator(data, following, [], unit)
        act = indicator is None and counted is not None
        if act:
            indicator, flow, cue_i = _counted(data, counted, words)
        if indicator is None:
            continue
        if indicator == "trade_turnover" and unit in data["physical_units"]:
            indicator, flow = "exports", True        # "объем торговли газом ... 450 млрд кубометров"
        # "вырос на 12%"; "рост товарооборота составил 12%"
        noun = next((w for w in reversed(before[-12:]) if w.a.lemma in data["growth_nouns"]), None)
        growth = unit == "percent" and bool(before) and (before[-1].low == "на" or noun is not None)
        if unit == "percent" and not growth and not indicator.endswith("_share"):
            continue
        if unit == "ratio":
            # "вырос в 1,5 раза": growth as a ratio, only when a rise is said
            if not (before and before[-1].low in ("в", "во")
                    and _has(before + after, data["growth_up"])):
                continue
            growth = True
        if growth:
            base = indicator.split(":")[-1].replace("trade_turnover", "trade")
            indicator = f"other:{base}_growth"
            if _has(before[-4:], data["growth_down"]) or (noun and _has([noun], data["growth_down"])):
                value = -value
        kind = "actual"
        if _has(before, data["forecast"]) and _has(before, {("мочь",), ("прогноз",), ("ожидаться",)}):
            kind = "forecast"
        elif _has(before, data["target"]) or any(t.deadline for t in _own(times, end, sentence, s)) \
                or any(w.a.pos == "VERB" and w.a.tense == "futr" for w in before[-8:]):
            kind = "target"             # a pledge: "Китай предоставит ... 50 млн долларов"
        # "с $2,4 млрд до $4 млрд": the first is where it stands, the second the goal
        if kind == "target" and before and before[-1].low == "с":
            kind = "actual"
        period = _period_of(times, start, last_end, sentence, s, anchor) if kind != "target" else None
        if period is None and act and anchor:
            period = anchor                          # a count of what the news reports: its day
        elif period is None and indicator in data["dated_by_publication"] and anchor:
            period = anchor[:7]
        elif period is None and indicator in data["acts_of_the_year"] and anchor and kind == "actual":
            period = anchor[:4]
        deadline = next((t.value[:4] for t in times if t.deadline and (t.start > end or t.end < start)), None) \
            if kind == "target" else None
        parties = _parties(mentions, main, cue_i, start)
        direction = _direction(mentions, cue_i, start, indicator, parties) if flow else None
        if direction and not set(direction.values()) <= set(parties):
            parties = sorted(set(parties) | set(direction.values()))
        out.append(Figure(indicator=indicator, value=round(value, 6), unit=unit, parties=parties,
                          evidence=Span(s, e, sentence), direction=direction, period=period,
                          kind=kind, deadline=deadline, confidence=0.6))
        last_end = end
    return out


def _own(times: list[RuTime], end: int, sentence: str, s: int) -> list[RuTime]:
    """Time expressions after a number and before the next amount: "12 документов и ...
    довести до $4 млрд к 2030 году" gives the deadline to the second figure only."""
    nxt = _NUMBER.search(sentence, end - s)
    while nxt and any(t.start <= s + nxt.start() < t.end for t in times):
        nxt = _NUMBER.search(sentence, nxt.end())
    limit = s + nxt.start() if nxt else s + len(sentence)
    return [t for t in times if end <= t.start < limit]


_BASE = re.compile(r"(?:сравнению\s+с|против|относительно)\s*$", re.I)


# "с 2007 года", "с момента подписания соглашения в 2007 году": from then to publication
_SINCE = re.compile(r"\bс(?:\s+момента\s+[^,;:.]{0,80}?)?\s+(?:в\s+)?$", re.I)


def _period_of(times: list[RuTime], start: int, last_end: int, sentence: str, s: int,
               anchor: str | None = None) -> str | None:
    """The period of the number's clause: the last time between the figure before and it
    ("в 2022 году составил 500 млн, а в 2023 году — 650 млн"), else the sentence's first.
    A base of comparison ("по сравнению с 2015 годом") is no period; a year something
    has run since ("с 2007 года") opens a period that ends with the publication's year."""
    usable = [t for t in times if not t.deadline and not _BASE.search(sentence[:t.start - s])]
    own = [t for t in usable if last_end <= t.start and t.end <= start]
    t = own[-1] if own else (usable[0] if usable else None)
    if t is None:
        return None
    if anchor and len(t.value) == 4 and t.value < anchor[:4] and _SINCE.search(sentence[:t.start - s]):
        return f"{t.value}/{anchor[:4]}"
    return _period(t.value)


def _numbers(data: dict, sentence: str, s: int, words: list[Word]):
    """(start, end, value, after "$", before "%") of every amount of the sentence: in digits
    ("1,3", "5 000", "$5,3") or a number word before a scale ("полутора миллиардов")."""
    found = []
    for m in _NUMBER.finditer(sentence):
        digits = m.group(2).replace(" ", "").replace("\u00a0", "")
        value = float(digits + ("." + m.group(3) if m.group(3) else ""))
        found.append((s + m.start(), s + m.end(), value, bool(m.group(1)), bool(m.group(4))))
    scales = data["scales"]
    for w, nxt in zip(words, words[1:]):
        value = data["number_words"].get(w.a.lemma)
        if value is not None and nxt.a.lemma in scales:
            found.append((w.start, w.end, float(value), False, False))
    return sorted(found)


def _named_count(data: dict, following: list[Word]) -> str | None:
    """The count indicator whose cue starts at the counted noun: "1,3 тыс. предприятий с
    участием российского капитала" counts enterprises, whatever cue stands before."""
    for ind in data["indicators"]:
        if ind.get("unit") == "count" and not ind.get("count_only") and \
                any(_cue_at(following, cue) == 0 for cue in ind["cues"]):
            return ind["indicator"]
    return None


def _counted(data: dict, noun: Word, words: list[Word]):
    """A count with no indicator cue is a figure of what it counts ("закрыл 5 из 7 пунктов
    пропуска", "застряли 180 автомобилей"), unless it counts victims."""
    name = data["counted"].get(noun.a.lemma)
    if name is None or any(w.a.lemmas & data["casualty"] for w in words):
        return None, False, None
    return f"other:{name}", False, None


def _period(value: str) -> str:
    """What a figure covers is a month at the finest: "9 мая" -> the month."""
    return "/".join(v[:7] for v in value.split("/"))


def _fractions(data, s, e, sentence, words, mentions, times, main) -> list[Figure]:
    """"почти четверть внешнеторгового оборота", "вырос почти на четверть": a share or a
    growth in percent, given in words."""
    out = []
    for i, w in enumerate(words):
        value = data["fractions"].get(w.a.lemma)
        if value is None:
            continue
        before = words[:i]
        indicator, _, _ = _indicator(data, before, [], "percent")
        if any(x.low == "на" for x in before[-2:]) and (_has(before, data["growth_up"])
                                                       or _has(before, data["growth_down"])):
            # "товарооборот вырос почти на четверть": growth in percent
            base, _, _ = _indicator(data, before, [], "USD")
            if base is None:
                continue
            indicator = "other:" + base.split(":")[-1].replace("trade_turnover", "trade") + "_growth"
            if _has(before[-4:], data["growth_down"]):
                value = -value
        elif indicator != "other:trade_share":
            continue
        period = next((t.value for t in times if not t.deadline), None)
        out.append(Figure(indicator=indicator, value=float(value), unit="percent",
                          parties=_parties(mentions, main), evidence=Span(s, e, sentence),
                          period=period, confidence=0.5))
    return out


def _parties(mentions: list[RuMention], main: list[str], cue_at: int | None = None,
             number_at: int | None = None) -> list[str]:
    """The states the indicator names ("товарооборот между Китаем и Туркменией достиг"),
    when it names two; else the states the sentence names as actors; else also those it
    names as places ("В Кыргызстане работают ... компаний с российским капиталом"); else
    the main parties."""
    if cue_at is not None and number_at is not None and cue_at < number_at:
        own = {c for m in mentions for c in m.codes
               if c != "IGO" and m.participant and cue_at <= m.char_start < number_at}
        if len(own) >= 2:
            return sorted(own)
    codes = {c for m in mentions for c in m.codes if c != "IGO" and m.participant}
    if len(codes) < 2:
        codes |= {c for m in mentions for c in m.codes if c != "IGO"}
    if len(codes) < 2:
        codes |= set(main)
    return sorted(codes)


def is_flow(data: dict, indicator: str) -> bool:
    """Exports, imports, aid, loans and their growth: goods or money going one way."""
    base = indicator.split(":")[-1].removesuffix("_growth")
    return any(ind.get("flow") and ind["indicator"].split(":")[-1] == base for ind in data["indicators"])


def sentence_flows(data: dict, words: list[Word], mentions: list[RuMention], end: int) -> list[dict[str, str]]:
    """The direction of trade a sentence states, with or without a figure: "Туркмения
    является экспортером газа в Китай"."""
    indicator, flow, cue_at = _indicator(data, words, [], "")
    if not flow or indicator not in ("exports", "imports"):
        return []
    parties = _parties(mentions, [])
    direction = _direction(mentions, cue_at, end, indicator, parties)
    return [direction] if direction else []


def sentence_indicator(data: dict, words: list[Word]) -> str | None:
    """The indicator a sentence talks about (its last cue), for the sentence after it."""
    found = _indicator(data, words, [], "")
    return found[0]


def merge_figures(figures: list[Figure]) -> list[Figure]:
    """One figure per value a document states, however often it repeats it; the repeat
    that gives a period lends it to the first. Flows in opposite directions, or between
    other states, are other figures even with the same value."""
    out: list[Figure] = []
    for f in figures:
        twin = next((o for o in out if (o.indicator, o.value, o.unit, o.kind) ==
                     (f.indicator, f.value, f.unit, f.kind) and o.parties == f.parties
                     and (o.direction == f.direction or not (o.direction and f.direction))), None)
        if twin is None:
            out.append(f)
        elif twin.period is None and f.period is not None:
            twin.period = f.period
    return out


def _indicator(data: dict, before: list[Word], after: list[Word], unit: str, prefer_unit: bool = False):
    """The indicator whose cue is nearest before the number (or names the counted thing);
    with `prefer_unit`, one made for the number's unit wins over nearer ones."""
    best = None
    for ind in data["indicators"]:
        if ind.get("count_only"):
            if unit == "count" and after and any(c[0] in w.a.lemmas for c in ind["cues"] for w in after[:1]):
                return ind["indicator"], False, None
            continue
        if ind.get("unit") and unit and ind["unit"] != unit:
            continue
        for cue in ind["cues"]:
            i = _cue_at(before, cue)
            rank = (prefer_unit and ind.get("unit") == unit, i if i is not None else -1)
            if i is not None and (best is None or rank > best[3]):
                best = (ind["indicator"], bool(ind.get("flow")), i, rank)
    if best is None:
        return None, False, None
    return best[0], best[1], before[best[2]].start if best[2] is not None else None


def _direction(mentions: list[RuMention], cue_at: int | None, number_at: int, indicator: str,
               parties: list[str]) -> dict[str, str] | None:
    """"экспорт Узбекистана в Казахстан", "импорт Казахстана из Китая": "из X" sends, "в X"
    receives; the genitive after the cue, or the subject before it, is the exporter of an
    export and the importer of an import. Only the clause from the cue to the number counts
    ("экспортировал в X ..., а импортировал из X ..." are two flows). With two parties, one
    known side gives the other."""
    importing = indicator.split(":")[-1].startswith("imports")
    frm = to = owner = None
    for m in mentions:
        if not m.codes or m.codes[0] == "IGO" or cue_at is not None and m.char_start < cue_at:
            continue                        # before the cue: only as the subject, below
        if cue_at is not None and cue_at < number_at <= m.char_start:
            continue                        # past the number: the next clause
        if m.prep in ("в", "во") and "accs" in m.cases and to is None:
            to = m.codes[0]
        elif m.prep == "из" and frm is None:
            frm = m.codes[0]
        elif m.prep == "" and "gent" in m.cases and owner is None:
            owner = m.codes[0]
        elif m.prep == "" and "datv" in m.cases and to is None:
            to = m.codes[0]                 # "выделил Кыргызстану помощь"
    for m in mentions:      # "Казахстан поставил в Узбекистан": the subject ships
        if owner is None and m.prep == "" and "nomn" in m.cases and m.codes and m.codes[0] != "IGO" \
                and (cue_at is None or m.char_start < cue_at):
            owner = m.codes[0]
    if owner is not None:
        if importing and to is None and owner != frm:
            to = owner
        elif not importing and frm is None and owner != to:
            frm = owner
    if len(parties) == 2:
        if frm and not to:
            to = next(p for p in parties if p != frm) if frm in parties else None
        elif to and not frm:
            frm = next(p for p in parties if p != to) if to in parties else None
    if frm and to and frm != to:
        return {"from": frm, "to": to}
    return None
