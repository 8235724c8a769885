"""Russian mentions that refer back to names: pronouns ("Он сообщил"), group phrases
("стороны договорились", data/ru/groups.yaml) standing for the document's main parties,
the Central Asian region as its five states; and the document's main parties.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from steppe.facts import Actor
from steppe.pipeline.ru.actors import RuMention
from steppe.pipeline.ru.text import Word, analyse, fold

_PRONOUNS = {"он", "она"}


@dataclass(frozen=True)
class GroupWords:
    """data/ru/groups.yaml as matched: group phrases (folded words, longest first), the
    region's members and phrases (lemmas, longest first); and the prepositions of a topic
    (data/words/ru.yaml), which a region after one is about, not acting."""

    groups: list[tuple[str, ...]]
    members: list[str]
    region: list[tuple[str, ...]]
    topic: frozenset[str]

    @classmethod
    def build(cls, groups: dict, topic: frozenset[str]) -> "GroupWords":
        region = groups["central_asia"]
        phrases = [tuple(analyse(w).lemma for w in p.split()) for p in region["phrases"]]
        return cls(sorted((tuple(fold(g).split()) for g in groups["groups"]), key=len, reverse=True),
                   region["members"], sorted(phrases, key=len, reverse=True), topic)


def refer_back(ws: list[Word], mentions: list[RuMention], text: str, gw: GroupWords
               ) -> tuple[list[RuMention], list[str]]:
    """The mentions with pronouns, groups and the region added; and the main parties."""
    mentions = _with_pronouns(ws, mentions)
    # An event, an agreement or a figure has two sides: when its sentence names one, the
    # other is the document's most named state, even one named only once.
    main = main_parties(mentions, text, least=1)
    mentions = _shared_prepositions(ws, _with_region(ws, _with_groups(ws, mentions, main, gw), gw))
    return mentions, main


def _shared_prepositions(ws: list[Word], mentions: list[RuMention]) -> list[RuMention]:
    """"директор по Центральной Азии и России": a mention joined by "и" to one after a
    preposition shares it (a topic or a place, like the first)."""
    out: list[RuMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and not m.prep and prev.prep and prev.end + 1 == m.start \
                and ws[prev.end].low == "и":
            m = replace(m, prep=prev.prep, location=prev.location or m.location, topic=prev.topic)
        out.append(m)
    return out


def _with_region(ws: list[Word], mentions: list[RuMention], gw: GroupWords) -> list[RuMention]:
    """"Центральная Азия", "страны Центральной Азии", "центральноазиатские государства":
    the five states (a summit "Китай — Центральная Азия" has them all); after в/на it is
    a place ("в Центральной Азии")."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    out = list(mentions)
    i = 0
    while i < len(ws):
        p = next((p for p in gw.region if i + len(p) <= len(ws)
                  and all(l in ws[i + k].a.lemmas for k, l in enumerate(p))), None)
        if p is None or any(k in taken for k in range(i, i + len(p))):
            i += 1
            continue
        cs, ce = ws[i].start, ws[i + len(p) - 1].end
        text = " ".join(w.text for w in ws[i:i + len(p)])
        prep = ws[i - 1].low if i > 0 and ws[i - 1].a.pos == "PREP" else ""
        actors = [Actor(code=c, text=text, actor_id=f"state:{c}", confidence=0.6, start=cs, end=ce)
                  for c in gw.members]
        out.append(RuMention(i, i + len(p), cs, ce, text, actors, "group", ws[i].a.cases, prep,
                             location=prep in ("в", "во", "на"), topic=prep in gw.topic))
        i += len(p)
    return sorted(out, key=lambda m: m.start)


def _with_groups(ws: list[Word], mentions: list[RuMention], main: list[str], gw: GroupWords
                 ) -> list[RuMention]:
    """"Стороны договорились", "главы двух государств подписали": the main parties."""
    if len(main) < 2:
        return mentions
    taken = {i for m in mentions for i in range(m.start, m.end)}
    out = list(mentions)
    i = 0
    while i < len(ws):
        g = next((g for g in gw.groups if tuple(w.low for w in ws[i:i + len(g)]) == g), None)
        prev = ws[i - 1] if i > 0 else None
        if g is None or any(k in taken for k in range(i, i + len(g))) or \
                (prev is not None and prev.a.pos in ("PREP", "ADJF", "ADJS", "NUMR")
                 and not prev.is_("который")):
            i += 1
            continue
        cs, ce = ws[i].start, ws[i + len(g) - 1].end
        actors = [Actor(code=c, text=" ".join(w.text for w in ws[i:i + len(g)]), actor_id=f"state:{c}",
                        confidence=0.6, start=cs, end=ce) for c in main]
        out.append(RuMention(i, i + len(g), cs, ce, actors[0].text, actors, "group",
                             frozenset({"nomn"}), ""))
        i += len(g)
    return sorted(out, key=lambda m: m.start)


def _with_pronouns(ws: list[Word], mentions: list[RuMention]) -> list[RuMention]:
    """"Он сообщил", "Она заверила": the person or office named last before the pronoun as
    a subject (nominative, no preposition), else the one named last: "Саидов принял посла
    Казахстана. Он поблагодарил ..." is Saidov speaking."""
    out = list(mentions)
    k = 0
    last = subject = None
    for i, w in enumerate(ws):
        while k < len(mentions) and mentions[k].start <= i:
            m = mentions[k]
            if m.kind in ("person", "role"):
                last = m
                if "nomn" in m.cases and not m.prep:
                    subject = m
            k += 1
        antecedent = subject or last
        if w.low in _PRONOUNS and antecedent is not None:
            out.append(replace(antecedent, start=i, end=i + 1, char_start=w.start, char_end=w.end,
                               text=w.text, cases=frozenset({"nomn"}), prep="", topic=False))
    return sorted(out, key=lambda m: m.start)


def main_parties(mentions: list[RuMention], text: str, size: int = 2, least: int = 2) -> list[str]:
    """The document's main states: the most named codes, the title counting double. With
    one state named as a party, the state named most as a place is the other ("Мирзиёев
    находится в Китае с визитом")."""
    counts: Counter[str] = Counter()
    places: Counter[str] = Counter()
    title_end = text.find("\n") if "\n" in text[:300] else 0
    for m in mentions:
        for c in m.codes:
            if c != "IGO":
                (places if m.location else counts)[c] += 2 if m.char_start < title_end else 1
    main = sorted(c for c, n in counts.most_common(size) if n >= least)
    if len(main) == 1:
        main += [c for c, n in places.most_common() if c not in main and n >= least][:size - 1]
    return sorted(main)
