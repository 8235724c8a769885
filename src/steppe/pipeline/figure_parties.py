"""Which states a figure is about, and which way a flow runs, from the grammar of the
sentence around the value (no parse: these readers run on every sentence with a number).
The grammar's words are FigureWords' (data/words/en.yaml `figures`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from steppe.pipeline.quantities import Quantity, Units, is_currency, names_currency

__all__ = ["Mention", "home_first", "states_in", "not_currency", "respectively", "parties_of", "direction_of"]

if TYPE_CHECKING:
    from steppe.pipeline.figure_words import FigureWords
    from steppe.pipeline.figures import Indicators

Mention = tuple[int, int, str]

def states_in(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """Mentions inside [start, end); `mentions` is sorted by start, so bisect finds them."""
    i = bisect_left(mentions, (start,))
    out = []
    while i < len(mentions) and mentions[i][0] < end:
        if mentions[i][1] <= end:
            out.append(mentions[i])
        i += 1
    return out


def not_currency(ments: list[Mention], quantities: list[Quantity], text: str, units: Units) -> list[Mention]:
    """Drop the state a currency is named after ("US$ 62.9 million", "4.79 million U.S.
    dollars"): it is the unit of the value, not a party to it."""
    return [m for m in ments
            if not any(q.start < m[1] and m[0] < q.end and is_currency(q.unit, units) for q in quantities)
            and not names_currency(text, m[1])]


def _partner(code: str, sent: str, s0: int, ments: list[Mention], main: list[str]) -> str | None:
    """The other side of a figure that names one state: the owner ("Kyrgyzstan's trade"),
    the state traded "with", else the document's other main party, else the first other
    state of the sentence ("Partners of A in 2022: B accounted for $9 billion, C for ...")."""
    for rx in (r"([\w-]+)['’]s\b", r"\bwith\s+(?:the\s+)?([\w-]+)"):
        for m in re.finditer(rx, sent):
            hit = next((x[2] for x in ments if x[0] - s0 == m.start(1) and x[2] != code), None)
            if hit:
                return hit
    return next((c for c in main if c != code), None) or next((m[2] for m in ments if m[2] != code), None)


def _state_before_paren(q: Quantity, sent: str, s0: int, ments: list[Mention]) -> str | None:
    """"Kazakhstan (+$2.8 billion)", "Tajikistan ($2.1 billion, 6.3 percent)": the state
    a parenthesis holding the value follows."""
    before = sent[:q.start - s0]
    opened = before.rfind("(")
    if opened < 0 or opened < before.rfind(")"):
        return None
    return next((m[2] for m in ments if m[1] - s0 <= opened
                 and not sent[m[1] - s0:opened].strip()), None)


def respectively(sent: str, s0: int, ments: list[Mention], quantities: list[Quantity],
                 words: FigureWords) -> dict[int, str]:
    """"A and B fell by $260 million and $65 million, respectively": value i goes with state i."""
    end = sent.find("respectively")
    if end < 0 or not quantities:
        return {}
    first = quantities[0]
    values = [q for q in quantities if q.start - s0 < end and q.unit == first.unit]
    runs: list[list[Mention]] = []          # coordinated states: "A, B and C"
    for m in (m for m in ments if m[1] <= first.start):
        if runs and words.coordination.fullmatch(sent[runs[-1][-1][1] - s0:m[0] - s0]):
            runs[-1].append(m)
        else:
            runs.append([m])
    run = next((r for r in reversed(runs) if len(r) == len(values) >= 2), None)
    return {q.start: m[2] for q, m in zip(values, run)} if run else {}


def parties_of(q: Quantity, sent: str, s0: int, ments: list[Mention], main: list[str],
             paired: dict[int, str] | None = None, slot: tuple[int, int] | None = None,
             ind: str = "", indicators: Indicators | None = None, *, words: FigureWords,
             clause: tuple[int, int] | None = None) -> list[str]:
    """The states a value is about: those its clause names, not the states mentioned nearby.
    `clause`: the value's own clause."""
    named = (paired or {}).get(q.start) or _state_before_paren(q, sent, s0, ments)
    if named:
        return sorted({named, _partner(named, sent, s0, ments, main)} - {None})
    if len({m[2] for m in ments}) > 2:
        ments = _without_speaker(q, sent, s0, ments, words)
    if len({m[2] for m in ments}) > 2 and indicators is not None:
        ments = _without_places(sent, s0, ments, indicators.cue(ind), words)
    codes = {m[2] for m in ments}
    if len(codes) > 2:
        chosen = _among_many(q, sent, s0, ments, main, slot, ind, indicators, words, clause)
        if chosen is not None:
            return chosen
        codes = {m[2] for m in ments if m[1] <= q.start} or codes
    return _with_main(codes, main)


def _without_speaker(q: Quantity, sent: str, s0: int, ments: list[Mention], words: FigureWords) -> list[Mention]:
    """Who reports a figure is not a party to it ("Russian officials said Kyrgyz trade ...")."""
    said = [r for r in words.reporting.finditer(sent) if r.end() <= q.start - s0]
    if not said:
        return ments
    told = [m for m in ments if m[0] >= s0 + said[-1].end()] or \
        [m for m in ments if m[1] <= s0 + said[-1].start()]
    speaker = [m for m in ments if m[1] <= s0 + said[-1].start()]
    if len({m[2] for m in told}) == 1 and speaker and speaker[-1][2] not in {m[2] for m in told}:
        # "..., Uzbek minister Saidov said that trade with Kazakhstan exceeded $4 billion":
        # a report naming one state is about it and the speaker's state
        told = told + speaker[-1:]
    return told if len({m[2] for m in told}) >= 2 else ments


def _without_places(sent: str, s0: int, ments: list[Mention], cue: re.Pattern[str] | None,
                    words: FigureWords) -> list[Mention]:
    """"After talks in Moscow, A and B agreed to raise trade to ...": the place where something
    happened is no party (but "investment in B" is: the measure's own phrase)."""
    codes = {m[2] for m in ments}
    # "the share of Russia in Kyrgyzstan's trade": an owner after "in" is no place
    placed = [m for m in ments if words.placed.search(sent[max(0, m[0] - s0 - 4):m[0] - s0])
              and not re.match(r"['’]s?\b", sent[m[1] - s0:])
              and not (cue and cue.search(sent[max(0, m[0] - s0 - 25):m[0] - s0]))]
    if placed and len(codes - {m[2] for m in placed}) >= 2:
        return [m for m in ments if m not in placed]
    return ments


def _among_many(q: Quantity, sent: str, s0: int, ments: list[Mention], main: list[str],
                slot: tuple[int, int] | None, ind: str, indicators: Indicators | None, words: FigureWords,
                clause: tuple[int, int] | None) -> list[str] | None:
    """Of more than two states, those the grammar ties to the value: a flow's ends, the state
    right after it or in its own stretch, or those of its measure's phrase; None if none."""
    codes = {m[2] for m in ments}
    if indicators is not None and indicators.is_flow(ind):
        flow = direction_of(ind, sent, s0, ments, sorted(codes), indicators, clause, words=words)
        if flow and flow.get("from") and flow.get("to"):
            # "aid to Tajikistan and Kyrgyzstan", "from A and B": every state of a coordinated end
            return sorted(_coordinated(flow["from"], sent, s0, ments, words) | _coordinated(flow["to"], sent, s0, ments, words))
    if slot:
        # "..., including $9.3 billion with Russia and $4.6 billion with Kazakhstan": the state
        # right after the value, with its partner (the owner of the whole)
        after = next((m for m in ments if q.end <= m[0] and m[1] - s0 <= slot[1]
                      and words.partner_after.fullmatch(sent[q.end - s0:m[0] - s0])), None)
        if after:
            return sorted({after[2], _partner(after[2], sent, s0, ments, main)} - {None})
        # A value with states of its own stretch ("..., and with Kyrgyzstan to $1.1 billion")
        own = [m for m in ments if s0 + slot[0] <= m[0] and m[1] <= q.start]
        if own and {m[2] for m in own} != codes:
            if len({m[2] for m in own}) == 2:
                return sorted({m[2] for m in own})
            partner = _partner(own[-1][2], sent, s0, ments, main)
            return sorted({own[-1][2], partner} - {None})
    if indicators is not None:
        # "Amid sanctions on Russia, Kazakhstan's trade with China rose to ...": the states the
        # measure's own phrase names, not another one mentioned around it.
        attached = _attached(q, sent, s0, ments, indicators.cue(ind), slot, words)
        if len(attached) == 2:
            return sorted(attached)
    return None


def _with_main(codes: set[str], main: list[str]) -> list[str]:
    """The states named, a lone one paired with the document's hub (or its main parties)."""
    if len(codes) >= 2:
        return sorted(codes)
    if len(codes) == 1:
        (c,) = codes
        if c in main:
            return sorted(set(main))
        return sorted({c, main[0]}) if main else [c]
    return sorted(set(main))


def _coordinated(code: str, sent: str, s0: int, ments: list[Mention], words: FigureWords) -> set[str]:
    """The state and those coordinated with its first mention ("A, B and C"; a run of
    commas alone is a list of something else: "A, Russian media said")."""
    first = next((i for i, m in enumerate(ments) if m[2] == code), None)
    if first is None:
        return {code}
    # a group phrase ("the Central Asian countries") names its states at one span
    group = {m[2] for m in ments if m[:2] == ments[first][:2]}
    if len(group) > 1:
        return group
    run, upto = [code], 1
    for a, b in zip(ments[first:], ments[first + 1:]):
        join = words.coordination.fullmatch(sent[a[1] - s0:b[0] - s0])
        if not join:
            break
        run.append(b[2])
        if any(c in join.group() for c in words.coordinators):
            upto = len(run)
    return set(run[:upto])


def _attached(q: Quantity, sent: str, s0: int, ments: list[Mention], cue: re.Pattern[str] | None,
              slot: tuple[int, int] | None, words: FigureWords) -> set[str]:
    """The states of the phrase of the cue nearest before the value: its owner ("Kazakhstan's
    trade", "Kazakh exports") and those it governs ("trade between A and B", "exports to C")."""
    if cue is None:
        return set()
    start, end = (slot[0] if slot else 0), q.start - s0
    found = None
    for found in cue.finditer(sent, start, end):
        pass
    if found is None:
        return set()
    codes = set()
    for m in ments:
        a, b = m[0] - s0, m[1] - s0
        if b <= found.start() and re.fullmatch(r"(?:['’]s?)?(?:[\s-]+[\w-]+){0,2}?\s*[\s-]", sent[b:found.start()] + " "):
            codes.add(m[2])        # the owner, at most two words before the cue
        elif found.end() <= a and b <= end and words.governed.search(sent[max(found.end(), a - 20):a]):
            codes.add(m[2])
    return codes


def direction_of(ind: str, sent: str, s0: int, ments: list[Mention], parties: list[str],
                 indicators: Indicators, clause: tuple[int, int] | None = None, *,
                 words: FigureWords) -> dict[str, str] | None:
    """Who sends and who receives a flow (exports, aid, investment...), from the clause's
    grammar: "from X", "to X", "X exported", "X received", "provide X with". `clause`: the
    value's own clause in the sentence, read first; the rest of the sentence gives only the
    end it leaves open ("A's exports to B were ..., while imports from B ...", "A exported
    ..., including 3 million tons to B and 1 million tons to C")."""
    def other(code: str) -> str | None:
        return next((p for p in parties if p != code), None)

    for m in ments:
        tail = sent[m[1] - s0:m[1] - s0 + 30]
        head = sent[max(0, m[0] - s0 - 20):m[0] - s0]
        if words.investors.match(tail) and re.search(r"\bwith\s+$", head):
            to = other(m[2])
            return {"from": m[2], "to": to} if to else None
    if not indicators.is_flow(ind) or len(parties) < 2:
        return None
    frm, to = _ends(sent, s0, [m for m in ments if m[2] in parties], indicators, words)
    if clause:
        inner = [m for m in ments if m[2] in parties and clause[0] <= m[0] - s0 and m[1] - s0 <= clause[1]]
        own_frm, own_to = _ends(sent, s0, inner, indicators, words)
        if own_frm or own_to:
            frm = own_frm or (frm if frm != own_to else None)
            to = own_to or (to if to != frm else None)
    if frm and to and frm != to:
        return {"from": frm, "to": to}
    if len(parties) != 2:
        return None
    if frm and other(frm):
        return {"from": frm, "to": other(frm)}
    if to and other(to):
        return {"from": other(to), "to": to}
    return None


def _ends(sent: str, s0: int, named: list[Mention], indicators: Indicators,
          words: FigureWords) -> tuple[str | None, str | None]:
    """The sender and the receiver these mentions name, if any."""
    frm = to = None
    for m in named:            # prepositions first: "from X", "to X", "provide X with"
        head = sent[max(0, m[0] - s0 - 30):m[0] - s0]
        if words.from_before.search(head):
            frm = frm or m[2]
        elif words.towards_before.search(head) or words.supplying_before.search(head):      # not "according to X"
            to = to or m[2]
    for m in named:            # then the sender or receiver as subject: "X exported", "X received"
        tail = sent[m[1] - s0:m[1] - s0 + 45]
        if not frm and indicators.sends.match(tail) and m[2] != to:
            frm = m[2]
        elif not to and indicators.receives.match(tail) and m[2] != frm:
            to = m[2]
    return frm, to


def home_first(main: list[str], sentences: list[tuple[int, int]], mentions: list[Mention]) -> list[str]:
    """The document's main parties, its hub first: the state named beside the most other
    states (Uzbekistan in a review of Uzbekistan's partners, China in China's trade with the
    region). A state named alone is paired with the hub."""
    if len(main) < 2:
        return main
    partners: dict[str, set[str]] = {c: set() for c in main}
    for s0, s1 in sentences:
        codes = {m[2] for m in states_in(mentions, s0, s1)}
        for c in codes & set(main):
            partners[c] |= codes - {c}
    return sorted(main, key=lambda c: -len(partners[c]))
