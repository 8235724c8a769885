"""The brief's sections, written from a DyadFacts by templates (data/brief.yaml).

Rules the prose keeps: a sentence states only what its cited facts say (a "fact"), or
what steppe computed from the facts it cites (an "aggregate"), or says plainly that
the sources hold nothing on a point (a "gap"); how many documents report a fact is said.
"""

from __future__ import annotations

import re

from steppe.analysis.changes import detect_changes
from steppe.brief import charts
from steppe.brief.gather import DyadFacts, Happening, gather
from steppe.brief.model import Block, Brief, Chart, Cite, Document, Section, Sentence, Table
from steppe.brief.wording import (
    capitalise,
    count,
    Wording,
    indicator_name,
    pick,
    say_amount,
    say_list,
    span_of_years,
)
from steppe.store.records import StoredEvent

CONFLICT_QUADS = (3, 4)


# -- citations -------------------------------------------------------------------------

def cite_event(e: StoredEvent) -> Cite:
    return Cite("event", e.id, e.document_id, e.evidence)


def cite_fact(kind: str, fact) -> Cite:
    return Cite(kind, fact.id, fact.document_id, fact.evidence)


def _unique(cites: list[Cite]) -> list[Cite]:
    seen, out = set(), []
    for c in cites:
        if (c.kind, c.fact_id) not in seen:
            seen.add((c.kind, c.fact_id))
            out.append(c)
    return out


# -- events ----------------------------------------------------------------------------

def _sides(w: Wording, h: Happening, a: str, b: str) -> tuple[str, str, bool]:
    """Who acted on whom (names), and whether both sides did the same to each other."""
    lead = h.lead
    src = [x for x in (a, b) if x in lead.labels("source")]
    tgt = [x for x in (a, b) if x in lead.labels("target")]
    mutual = set(src) == {a, b} or set(tgt) == {a, b} or not src or not tgt
    if mutual:
        return w.name(a), w.name(b), True
    return w.name(src[0]), w.name(tgt[0]), False


def event_clause(w: Wording, h: Happening, a: str, b: str) -> str:
    """What happened, in words ("Uzbekistan paid a visit to Kazakhstan")."""
    words = w.phrases
    src, tgt, mutual = _sides(w, h, a, b)
    key = f"{h.date}{h.type}{h.reports[0].id}"
    if h.quad in CONFLICT_QUADS:
        variants = words["conflict"].get(h.type, words["other"])
    elif h.type == "CONSULT":
        variants = words["visit"] if h.mode == "visit" and not mutual else \
            words["multilateral"] if h.mode == "multilateral" else words["talks"]
    elif h.type == "SUPPORT":
        variants = words["signing"]
    else:
        variants = words.get(h.type.lower(), words["other"])
    return pick(variants, key, src=src, tgt=tgt, type=h.type.lower())


def _on(w: Wording, date: str | None) -> str:
    if not date:
        return "at an unknown date"
    return ("on " if len(date) >= 10 else "in ") + w.date(date)


def event_sentence(w: Wording, h: Happening, a: str, b: str) -> Sentence:
    key = f"{h.date}{h.type}{h.reports[0].id}"
    text = f"{capitalise(event_clause(w, h, a, b))} {_on(w, h.date)}, {w.confidence(len(h.documents), key)}."
    return Sentence(text, _unique([cite_event(r) for r in h.reports]), "fact", h.date)


# -- sections --------------------------------------------------------------------------

def _window(f: DyadFacts) -> str:
    return window_words(f.since, f.until)


def window_words(since: str | None, until: str | None) -> str:
    """" between 2016 and 2024", " since 2016", " until 2024" or ""."""
    if since and until:
        return f" between {since} and {until}"
    if since:
        return f" since {since}"
    if until:
        return f" until {until}"
    return ""


def _trend(w: Wording, f: DyadFacts) -> list[Sentence]:
    points = [p for p in (f.yearly.points if f.yearly else []) if p.occurrences]
    if not points:
        return []
    by_id = {r.id: r for h in f.happenings for r in h.reports}
    out = []
    all_points = f.yearly.points
    first, last = all_points[0].period, all_points[-1].period
    coop = sum(1 for h in f.happenings if h.quad in (1, 2))
    conf = sum(1 for h in f.happenings if h.quad in CONFLICT_QUADS)
    out.append(Sentence(
        f"{capitalise(span_of_years(first, last))} the sources record "
        f"{count(len(f.happenings), 'distinct interaction')} between {w.name(f.a)} and "
        f"{w.name(f.b)}: {coop} cooperative and {conf} conflictual, told in "
        f"{count(sum(len(h.reports) for h in f.happenings), 'report')} from "
        f"{count(len({d for h in f.happenings for d in h.documents}), 'document')}.",
        _unique([cite_event(r) for h in f.happenings for r in h.reports]), "aggregate"))
    peak = max(points, key=lambda p: (p.index_sum, p.period))
    low = min(points, key=lambda p: (p.index_sum, p.period))
    peak_cites = [cite_event(by_id[i]) for i in peak.event_ids if i in by_id]
    out.append(Sentence(
        f"The cooperation index (the sum of PLOVER scores of the year's events) peaked in "
        f"{peak.period} at {peak.index_sum:+.1f}, over {count(peak.occurrences, 'event')}.",
        _unique(peak_cites), "aggregate"))
    if low.index_sum < 0:
        out.append(Sentence(
            f"Its lowest point was {low.period}, at {low.index_sum:+.1f}.",
            _unique([cite_event(by_id[i]) for i in low.event_ids if i in by_id]), "aggregate"))
    if len(all_points) >= 4:
        half = len(all_points) // 2
        early = sum(p.index_sum for p in all_points[:half]) / half
        late = sum(p.index_sum for p in all_points[half:]) / (len(all_points) - half)
        if late > early + 1:
            trend = "rose: the later years average {late:+.1f} a year against {early:+.1f} before"
        elif late < early - 1:
            trend = "fell: the later years average {late:+.1f} a year against {early:+.1f} before"
        else:
            trend = "stayed roughly level ({early:+.1f} a year, then {late:+.1f})"
        ids = [i for p in all_points for i in p.event_ids if i in by_id]
        out.append(Sentence(
            f"Over the period the index {trend.format(early=early, late=late)} "
            f"({all_points[half].period} onwards counted as later).",
            _unique([cite_event(by_id[i]) for i in ids]), "aggregate"))
    return out


def _commitment_sentence(w: Wording, f: DyadFacts, c) -> Sentence:
    _, target = c.target
    what = indicator_name(target.indicator)
    due = f" by {w.date(target.deadline)}" if target.deadline else ""
    cites = [cite_fact("figure", target)]
    head = f"{w.name(f.a)} and {w.name(f.b)} set a target of {say_amount(target.value, target.unit)} " \
           f"in {what}{due}"
    dated = sorted((a for _, a in c.actuals if a.period), key=lambda a: a.period)
    latest = dated[-1] if dated else None
    if latest is not None:
        cites.append(cite_fact("figure", latest))
        reached = f"{say_amount(latest.value, latest.unit)} in {w.period(latest.period)}"
    status = {
        "met": "; it was met, with {reached}",
        "missed": "; it was missed: the figure stood at {reached}",
        "on_track": "; on the recent growth rate it is on track, the latest figure being {reached}",
        "pending": "; it is still open, the latest figure being {reached}",
    }.get(c.status)
    if status and latest is not None:
        tail = status.format(reached=reached)
    elif latest is not None:
        tail = f"; the sources give {reached}, not enough to judge it"
    else:
        tail = f"; no actual {what} figure was found to judge it against"
    return Sentence(f"{head}{tail}.", cites, "fact")


def summary_section(w: Wording, f: DyadFacts) -> Section:
    sec = Section("summary", "Summary")
    if f.empty:
        sec.blocks.append(Block("para", [Sentence(
            f"The store holds no events, figures, agreements or projects involving both "
            f"{w.name(f.a)} and {w.name(f.b)}{_window(f)}. This brief therefore makes no "
            f"statement about their relations; ingesting more documents may change that.",
            kind="gap")]))
        return sec
    sentences = _trend(w, f)
    if not f.happenings:
        sentences.append(Sentence(
            f"No events between {w.name(f.a)} and {w.name(f.b)} were found{_window(f)}, "
            f"so no index can be drawn.", kind="gap"))
    sec.blocks.append(Block("para", sentences))
    if f.yearly and any(p.occurrences for p in f.yearly.points):
        sec.blocks.append(Block("chart", chart=Chart(
            "index", charts.index_chart(f.yearly),
            "Cooperation–conflict index by year (sum of PLOVER scores of asserted events)")))
    top = sorted(f.happenings, key=lambda h: (-h.weight, h.date or ""))[:3]
    if top:
        sec.blocks.append(Block("list", [event_sentence(w, h, f.a, f.b)
                                         for h in sorted(top, key=lambda h: h.date or "")],
                                heading="Most important events"))
    if f.commitments:
        sec.blocks.append(Block("list", [_commitment_sentence(w, f, c) for c in f.commitments[:3]],
                                heading="Main commitments"))
    recent: list[Sentence] = []
    dated = [h for h in f.happenings if h.date]   # undated events sort last: none is "latest"
    if dated:
        last = dated[-1]
        s = event_sentence(w, last, f.a, f.b)
        s.text = "The latest event the sources record: " + s.text
        recent.append(s)
    if f.yearly and len(f.yearly.points) >= 4:
        by_id = {r.id: r for h in f.happenings for r in h.reports}
        for ch in detect_changes(f.yearly)[-2:]:
            recent.append(Sentence(
                f"In {ch.period} the index moved sharply towards {ch.direction}: "
                f"{ch.value:+.1f} against a recent level of {ch.baseline:+.1f}.",
                _unique([cite_event(by_id[i]) for i in ch.event_ids if i in by_id]), "aggregate"))
    if recent:
        sec.blocks.append(Block("para", recent, heading="What changed most recently"))
    return sec


def _institutions(w: Wording, f: DyadFacts) -> list[Sentence]:
    words = w.phrases
    pattern = re.compile(
        r"\b((?:[A-Z][\w-]+\s+){1,4}(?:" + "|".join(words["institution_words"]) + r")"
        r"(?:\s+(?:of|on|for)\s+(?:[A-Z][\w-]+\s*){1,4})?)")
    creation = re.compile(r"\b(" + "|".join(re.escape(w) for w in words["creation_words"]) + r")\b",
                          re.I)
    found: dict[str, list[tuple[StoredEvent, bool]]] = {}
    for h in f.happenings:
        for r in h.reports:
            for m in pattern.finditer(r.evidence.text):
                name = m.group(1).strip()
                if name.split()[0] in ("The", "A", "An"):
                    name = " ".join(name.split()[1:])
                found.setdefault(name, []).append((r, bool(creation.search(r.evidence.text))))
    out = []
    for name, reports in sorted(found.items()):
        created = [r for r, c in reports if c]
        cites = _unique([cite_event(r) for r, _ in reports])
        n = len({r.document_id for r, _ in reports})
        if created:
            first = min(created, key=lambda r: r.date or "9999")
            text = f"The {name} is reported as set up or launched ({_on(w, first.date)}), " \
                   f"{w.confidence(n, name)}."
        else:
            text = f"The {name} is named in the coverage of their meetings, {w.confidence(n, name)}."
        out.append(Sentence(text, cites, "fact"))
    return out


def dialogue_section(w: Wording, f: DyadFacts) -> Section:
    sec = Section("dialogue", "Political dialogue")
    meetings = [h for h in f.happenings if h.type == "CONSULT"]
    if meetings:
        sec.blocks.append(Block("list", [event_sentence(w, h, f.a, f.b) for h in meetings],
                                heading="Visits, summits and talks"))
    else:
        sec.blocks.append(Block("para", [Sentence(
            f"No visits, summits or talks between {w.name(f.a)} and {w.name(f.b)} were "
            f"found in the sources{_window(f)}.", kind="gap")]))
    institutions = _institutions(w, f)
    sec.blocks.append(Block("list", institutions, heading="Institutions") if institutions else
                      Block("para", [Sentence("The sources name no joint council, commission or "
                                              "committee.", kind="gap")], heading="Institutions"))
    return sec


def agreements_section(w: Wording, f: DyadFacts) -> Section:
    sec = Section("agreements", "Agreements")
    if not f.agreements:
        sec.blocks.append(Block("para", [Sentence(
            f"No agreement between {w.name(f.a)} and {w.name(f.b)} was found{_window(f)}.",
            kind="gap")]))
        return sec
    several = sum(1 for c in f.agreements if len(c.documents) > 1)
    if len(f.agreements) == 1:
        spread = f", reported in {count(len(f.agreements[0].documents), 'document')}."
    elif several:
        spread = f"; {several} of them appear in more than one document."
    else:
        spread = "; each appears in a single document."
    sec.blocks.append(Block("para", [Sentence(
        f"The sources name {count(len(f.agreements), 'agreement')} to which both are party"
        + spread,
        _unique([cite_fact("agreement", a) for c in f.agreements for _, a in c.members]),
        "aggregate")]))
    table = Table(["date", "agreement", "kind", "parties", "reported by"])
    for c in f.agreements:
        n = len(c.documents)
        table.rows.append(([w.date(c.date) if c.date else "undated", c.name, c.kind,
                            ", ".join(c.parties), f"{n} document{'s' if n > 1 else ''}"],
                           _unique([cite_fact("agreement", a) for _, a in c.members])))
    sec.blocks.append(Block("table", table=table))
    return sec


def _economic(f: DyadFacts) -> list:
    return [x for x in f.figures if not x.indicator.startswith("other:")]


def _direction(w: Wording, fig) -> str:
    d = fig.direction or {}
    if d.get("from") and d.get("to"):
        return f"from {w.name(d['from'])} to {w.name(d['to'])}"
    return "both ways" if fig.indicator == "trade_turnover" else "–"


def trade_section(w: Wording, f: DyadFacts) -> Section:
    sec = Section("trade", "Trade and investment")
    figures = _economic(f)
    if not figures:
        sec.blocks.append(Block("para", [Sentence(
            f"No trade or investment figures for {w.name(f.a)} and {w.name(f.b)} were "
            f"found{_window(f)}.", kind="gap")]))
        return sec
    actuals = [x for x in figures if x.kind == "actual"]
    groups: dict[tuple, list] = {}
    for x in actuals:
        key = (x.indicator, x.period, tuple(sorted((x.direction or {}).items())), round(x.value, -6))
        groups.setdefault(key, []).append(x)
    sentences = []
    for (indicator, period, _, _), members in sorted(groups.items(), key=lambda kv: (kv[0][1] or "", kv[0][0])):
        x = members[0]
        n = len({m.document_id for m in members})
        way = _direction(w, x)
        between = way if way.startswith("from") else f"between {w.name(f.a)} and {w.name(f.b)}"
        sentences.append(Sentence(
            f"{capitalise(indicator_name(indicator))} {between} "
            f"stood at {say_amount(x.value, x.unit)} in {w.period(period)}, "
            f"{w.confidence(n, indicator + (period or ''))}.",
            [cite_fact("figure", m) for m in members], "fact", period))
    if sentences:
        sec.blocks.append(Block("list", sentences, heading="Figures by year"))
    for indicator in sorted({x.indicator for x in actuals}):
        years = sorted({int(x.period[:4]) for x in actuals
                        if x.indicator == indicator and x.period and x.period[:4].isdigit()})
        missing = [str(y) for y in range(years[0], years[-1] + 1) if y not in years] if years else []
        if missing:
            sec.blocks.append(Block("para", [Sentence(
                f"No {indicator_name(indicator)} figures were found for {say_list(missing)}.",
                kind="gap")]))
    svg = charts.figures_chart(figures)
    if svg:
        sec.blocks.append(Block("chart", chart=Chart(
            "trade", svg, "Figures by year: bars are reported values, diamonds are targets "
            "at their deadline", [cite_fact("figure", x) for x in figures])))
    table = Table(["period", "indicator", "kind", "value", "direction"])
    for x in sorted(figures, key=lambda x: (x.period or x.deadline or "", x.indicator, x.kind)):
        table.rows.append(([w.period(x.period) if x.period else
                            (f"by {w.date(x.deadline)}" if x.deadline else "–"),
                            indicator_name(x.indicator), x.kind, say_amount(x.value, x.unit),
                            _direction(w, x)], [cite_fact("figure", x)]))
    sec.blocks.append(Block("table", table=table))
    if f.commitments:
        sec.blocks.append(Block("list", [_commitment_sentence(w, f, c) for c in f.commitments],
                                heading="Commitments"))
    disputes = []
    for c in f.contradictions:
        (da, x), (db, y) = c.a, c.b
        who = "Sources disagree" if da != db else "One document gives two values"
        disputes.append(Sentence(
            f"{who} on {indicator_name(x.indicator)} in {w.period(x.period)}: "
            f"one gives {say_amount(x.value, x.unit)}, another {say_amount(y.value, y.unit)}.", [cite_fact("figure", x), cite_fact("figure", y)], "fact"))
    if disputes:
        sec.blocks.append(Block("list", disputes, heading="Contradictions between sources"))
    return sec


def projects_section(w: Wording, f: DyadFacts) -> Section:
    sec = Section("projects", "Projects")
    if not f.projects:
        sec.blocks.append(Block("para", [Sentence(
            f"No joint projects of {w.name(f.a)} and {w.name(f.b)} were found.", kind="gap")]))
        return sec
    merged: dict[str, list] = {}
    for p in f.projects:
        merged.setdefault(p.name.lower(), []).append(p)
    sentences = []
    for reports in merged.values():
        p = reports[0]
        history = sorted({(d, s) for r in reports for d, s in r.status},
                         key=lambda ds: ds[0] or "9999")
        steps = "; ".join(f"{s.replace('_', ' ')} ({w.date(d)})" if d else s.replace("_", " ")
                          for d, s in history)
        n = len({r.document_id for r in reports})
        text = f"The {p.name} ({p.kind.replace('_', ' ')})" + (
            f": {steps}, {w.confidence(n, p.name)}." if steps else
            f" is named with no status, {w.confidence(n, p.name)}.")
        sentences.append(Sentence(text, [cite_fact("project", r) for r in reports], "fact"))
    sec.blocks.append(Block("list", sentences))
    return sec


def security_section(w: Wording, f: DyadFacts) -> Section:
    sec = Section("security", "Security and conflict")
    hostile = [h for h in f.happenings if h.quad in CONFLICT_QUADS]
    if hostile:
        sec.blocks.append(Block("list", [event_sentence(w, h, f.a, f.b) for h in hostile]))
    else:
        sec.blocks.append(Block("para", [Sentence(
            f"No conflict events (accusations, threats, sanctions, coercion or violence) "
            f"between {w.name(f.a)} and {w.name(f.b)} were found in the sources{_window(f)}.",
            kind="gap")]))
    return sec


CONTEXT_BEFORE, CONTEXT_AFTER = 300, 200


def context_of(text: str, start: int, end: int) -> tuple[str, str]:
    """The sentence before a span and the rest of its own sentence (cut at a size)."""
    ends = [m.end() for m in re.finditer(r"[.!?]\s|\n", text[max(0, start - CONTEXT_BEFORE):start])]
    first = max(0, start - CONTEXT_BEFORE) + (ends[-2] if len(ends) >= 2 else 0)
    if text[start:end].rstrip()[-1:] in (".", "!", "?"):
        last = end                # the span ends its sentence
    else:
        stop = re.search(r"[.!?](\s|$)|\n", text[end:end + CONTEXT_AFTER])
        last = end + (stop.end() if stop else min(CONTEXT_AFTER, len(text) - end))
    return " ".join(text[first:start].split()), " ".join(text[end:last].split())


def add_contexts(brief: Brief, f: DyadFacts) -> None:
    for c in brief.cites():
        doc = f.documents.get(c.document_id)
        if doc is not None and doc.text:
            brief.contexts[(c.document_id, c.span.start, c.span.end)] = \
                context_of(doc.text, c.span.start, c.span.end)


def _documents(f: DyadFacts) -> dict[str, Document]:
    return {d.id: Document(d.id, d.title, d.source, d.published, d.url)
            for d in f.documents.values()}


def dyad_sections(w: Wording, f: DyadFacts) -> list[Section]:
    if f.empty:
        return [summary_section(w, f)]
    return [summary_section(w, f), dialogue_section(w, f), agreements_section(w, f), trade_section(w, f),
            projects_section(w, f), security_section(w, f)]


def dyad_brief(store, a: str, b: str, *, since: str | None = None,
               until: str | None = None, wording: Wording | None = None) -> Brief:
    """The brief on the relations of a and b (state codes or organisation labels);
    `wording` built from the caller's knowledge base, else from the packaged one."""
    w = wording if wording is not None else Wording.load()
    f = gather(store, a, b, since=since, until=until)
    brief = Brief(f"{w.name(a)} and {w.name(b)}: the dynamics of bilateral relations",
                  f"{a}-{b}{_window(f) or ', all dates'} · a first draft written by steppe from "
                  f"{len(f.documents)} documents")
    brief.sections = dyad_sections(w, f)
    brief.documents = _documents(f)
    add_contexts(brief, f)
    return brief


def region_brief(store, code: str, *, since: str | None = None,
                 until: str | None = None, wording: Wording | None = None) -> Brief:
    """A state and each of its land neighbours (data/neighbours.yaml)."""
    w = wording if wording is not None else Wording.load()
    around = w.neighbours.get(code)
    if not around:
        raise ValueError(f"no neighbours listed for {code} in data/neighbours.yaml")
    brief = Brief(f"{w.name(code)} and its neighbours", "")
    overview = Section("overview", "Overview")
    sentences, quiet = [], []
    for other in around:
        f = gather(store, code, other, since=since, until=until)
        brief.documents.update(_documents(f))
        if f.empty:
            quiet.append(w.name(other))
            continue
        sentences.append(Sentence(
            f"With {w.name(other)}: {count(len(f.happenings), 'event')}, "
            f"{count(len(f.agreements), 'agreement')} and "
            f"{count(len(_economic(f)), 'economic figure')} in the sources.",
            _unique([cite_event(r) for h in f.happenings for r in h.reports]
                    + [cite_fact("agreement", a) for c in f.agreements for _, a in c.members]
                    + [cite_fact("figure", x) for x in _economic(f)]), "aggregate"))
        for sec in dyad_sections(w, f):
            sec.id = f"{other.lower()}-{sec.id}"
            sec.title = f"{w.name(other)}: {sec.title.lower()}"
            brief.sections.append(sec)
        add_contexts(brief, f)
    if quiet:
        sentences.append(Sentence(f"The store holds nothing on relations with {say_list(quiet)}"
                                  f"{window_words(since, until)}.", kind="gap"))
    overview.blocks.append(Block("list", sentences))
    brief.sections.insert(0, overview)
    brief.subtitle = (f"{code} and {', '.join(around)}{window_words(since, until) or ', all dates'} · a first "
                      f"draft written by steppe from {len(brief.documents)} documents")
    return brief
