"""The date of an event: its own time expression, else the nearest one before, else the
document's date — never a finer precision than the source gives (DESIGN.md)."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass

from steppe.facts import precision_of
from steppe.pipeline.timex import TimeEx, add_years, is_dateline, last_such_day, within
from steppe.words import Grammar

# How far back (in sentences) a date mentioned earlier still frames an undated event: a
# narrative keeps its reference time until a new date appears, but after a paragraph or
# two without one, the document's date is the safer guess (measured on the seed
# articles: windows of 6 to 10 sentences do equally well, unlimited does worse).
CONTEXT_SENTENCES = 8
_POINT_KINDS = ("point", "range", "since")


@dataclass(frozen=True)
class DatingWords:
    """The words dating reads, from the grammar (built once with the events component)."""

    weekdays: frozenset[str]
    time_names: frozenset[str]              # months and weekdays
    date_fillers: frozenset[str]            # "on", "in" ... beside them
    occasion_nouns: frozenset[str]          # "the visit", "the talks" ...
    occasion_prepositions: frozenset[str]   # ... "during", "at" them
    continuations: frozenset[str]           # "then", "also": the narrative goes on
    stretch_precision: dict[str, str]       # "years" -> "unknown": see _stretch_date
    plan_types: frozenset[str] = frozenset()   # events whose infinitive tells a plan (planned_clause)
    # "the first meeting since the invasion in February": a time bound, never the act's date
    bounding_prepositions: frozenset[str] = frozenset()
    # "the first visit since he took office": a clause that bounds the act's time
    bounding_conjunctions: frozenset[str] = frozenset()
    # "in the past", "under the late President": an act told before the story (background_of)
    background_markers: re.Pattern[str] = re.compile(r"(?!)")
    # "had been signed": the past perfect in words, for sentences that are not parsed
    past_perfect: re.Pattern[str] = re.compile(r"(?!)")
    # "on the sidelines of the summit": nouns that frame an occasion with "of" (roles' list)
    occasion_frames: frozenset[str] = frozenset()
    # "during the visit", "at Mr. Mirziyoyev's meeting": an occasion told before, in words
    # (what a sentence that is not parsed says; group 1 is the occasion noun)
    occasion_phrase: re.Pattern[str] = re.compile(r"(?!)")

    @classmethod
    def from_grammar(cls, grammar: Grammar, language: str = "en") -> "DatingWords":
        w = grammar.words(language, "dating")
        time = grammar.time(language)
        return cls(weekdays=frozenset(time.weekdays), time_names=time.names(),
                   date_fillers=w.set("date_fillers"),
                   occasion_nouns=w.set("occasion_nouns"),
                   occasion_prepositions=w.set("occasion_prepositions"),
                   continuations=w.set("continuations"),
                   stretch_precision=dict(time.stretch_precision),
                   plan_types=w.set("plan_event_types", lower=False),
                   bounding_prepositions=w.set("bounding_prepositions"),
                   bounding_conjunctions=w.set("bounding_conjunctions"),
                   background_markers=re.compile(rf"\b(?:{w.alternation('background_markers')})\b", re.I),
                   past_perfect=re.compile(rf"\b(?:{w.alternation('past_perfect')})\b"),
                   occasion_frames=grammar.words(language, "roles").set("occasion_frames"),
                   occasion_phrase=re.compile(
                       rf"\b(?:{w.alternation('occasion_prepositions')})\s+(?:the|this|that|his|her|"
                       rf"their|its|(?:[A-Z][\w.]*\s+)*[A-Z][\w.]*[’']s)\s+(?:[\w-]+\s+)?"
                       rf"({w.alternation('occasion_nouns')})\b", re.I))


@dataclass(frozen=True)
class Said:
    """The parties each actor mention of a document names, by its start (built once)."""

    starts: list[int]
    parties: list[frozenset[str]]

    @classmethod
    def of(cls, mentions) -> "Said":
        return cls([m.start for m in mentions], [party_keys(m.actors) for m in mentions])

    def between(self, start: int, end: int) -> frozenset[str]:
        return frozenset().union(*self.parties[bisect_left(self.starts, start):bisect_left(self.starts, end)])


@dataclass(frozen=True)
class Thread:
    """What ties an undated event's sentence to what the text told before it (continues)."""

    parties: frozenset[str]                 # the event's states and organisations
    said: Said                              # the parties the text's mentions name
    anaphora: str | None = None  # the occasion told before it names ("the talks", "this visit")
    continuation: bool = False  # it goes on with the story told before ("then", "also")
    # the act is told as earlier than the story: "marked" ("in the past", "under the late
    # President"), "before" (the past perfect); see background_of. Undated when it has no
    # date of its own.
    background: str | None = None


def party_keys(actors) -> frozenset[str]:
    """The states and organisations of actors, an organisation by its name (all share "IGO")."""
    return frozenset(a.code if a.code != "IGO" else (a.actor_id or a.text) for a in actors if a.code)


def date_event(timexes: list[TimeEx], sentences: list[tuple[int, int]],
               sentence: tuple[int, int], trigger_at: int, *, anchor: str | None,
               modality: str, words: DatingWords, text: str = "",
               region: list[tuple[int, int]] | None = None,
               narrative: bool = True, occasion: str | None = None,
               thread: Thread | None = None,
               announced: list[tuple[int, int]] | None = None,
               plan: list[tuple[int, int]] | None = None,
               bounds: list[tuple[int, int]] | None = None,
               bounded: list[tuple[int, int]] | None = None,
               backdrop: set[int] | frozenset[int] = frozenset(),
               foreign: list[tuple[int, int]] | None = None,
               plan_days: set[int] | None = None,
               occasions: list[tuple[int, int]] | None = None,
               clause: tuple[int, int] | None = None,
               quoted: list[tuple[int, int]] | None = None) -> tuple[str | None, str, str]:
    """(date, precision, source) for an event whose trigger is at `trigger_at` in `sentence`;
    source says where the date came from: text, context (an earlier sentence) or document.
    `occasion`: the noun of a known occasion the sentence places the event at ("during the
    visit"), see occasion_of. `thread`: what ties the sentence to the ones before it; an
    earlier date frames the event only when the sentence continues its story (continues).
    `announced`: where the date of the saying that reports the act is (announced_at).
    `plan`: where the clause of what was agreed to is (planned_clause): a time there is
    the plan's, read forward ("agreed to meet in May"). `bounds`: the phrases that bound the
    act's time (bounds_of), whose times are never its date; `bounded`: such phrases of the
    sentences before, whose times set no reference time for the story that follows;
    `backdrop`: the starts of times told before the story or of another clause's act, which
    set none either;
    `foreign`: the relative clauses of the sentence with a subject of their own that do not
    hold the trigger (other_clauses): their times are another act's. `plan_days`: the starts of the
    weekdays the text told as a plan's (read forward), filled in here as plans are dated: a
    later plan framed by one keeps it forward, one told as past stays past. `occasions`: the
    phrases that place the act at an occasion ("during the state visit in March 2023",
    occasion_phrases). `clause`: the span of the clause that holds the trigger (clause_of):
    a "since" outside it starts another clause's state ("Since May, troops have used the base,
    and officials have praised Tashkent": not the praise's date). `quoted`: the quotations
    of the sentence that do not hold the trigger."""
    s, e = sentence
    told = [t for t in timexes if t.start not in backdrop and not any(a <= t.start < b for a, b in bounded or [])]
    # A decade ("in the late 1990s") has no value but is the act's own time: dated unknown.
    own = [t for t in within(timexes, s, e) if (t.value or t.kind == "decade")
           and not any(a <= t.start < b for a, b in bounds or [])]
    # (a deadline there is a goal's, "agreed to raise trade to $3 billion by 2028": not when)
    planned = [t for t in own if t.kind == "point" and t.value and any(a <= t.start < b for a, b in plan or [])]
    if planned and modality != "planned":
        best = min(planned, key=lambda t: abs(t.start - trigger_at))
        if plan_days is not None:
            plan_days.add(best.start)
        return _dated(best, "planned", anchor, words, None, "text", own=True)
    if anchor and modality == "asserted":
        # What happened on "20 June", told in May, happened last June (time expressions read
        # a day a little ahead, as a plan's "on 5 March" in a February report would be) ...
        own = [last_such_day(t, anchor) for t in own]
    if anchor and modality != "planned":
        # ... and cannot be dated after the text that reports it ("2040 Vision").
        own = [t for t in own if not t.value or t.value[:len(anchor)] <= anchor]
    if modality != "planned":
        # "banned exports until June": a deadline bounds the act, it does not date it.
        own = [t for t in own if t.kind in _POINT_KINDS or t.kind == "decade"]
        if clause:
            own = [t for t in own if t.kind != "since" or clause[0] <= t.start < clause[1]]
    if text:
        # A dateline dates the story; a date in the sentence itself dates the event.
        own = [t for t in own if not is_dateline(text, t)] or own
        # "accused Washington of leaving the 2015 nuclear deal": a year that qualifies a
        # noun dates that thing, not the act (unless the act is that noun: "the 2015 deal").
        own = [t for t in own if not _attributive_year(text, t, trigger_at)]
    # "signed a declaration, a step up from the partnership the countries proclaimed a
    # decade ago": a relative clause with a subject of its own tells another act's time.
    own = [t for t in own if not any(a <= t.start < b for a, b in foreign or [])]
    today = report_day(timexes, anchor) if anchor else None
    if quoted:
        # '"Over the past year we have done more," he said, thanking the guest': a time in a
        # quotation that does not hold the act is of what is said; only the speaker's
        # "today" is the moment of the act told around it.
        own = [t for t in own if not any(a <= t.start < b for a, b in quoted) or t.relative and t.value == today]
    if region:
        # Dates attached to another event of the sentence belong to it. When none is the
        # event's own, a parse may have misplaced it; but an act told in the present ("it
        # supported X in 2001 and now supports Y") speaks from the report's time.
        own = [t for t in own if any(a <= t.start < b for a, b in region)] or (own if narrative else [])
    if modality == "planned" and anchor:
        at = [t for t in own if t.value and t.kind in ("point", "range")
              and any(a <= t.start < b for a, b in occasions or [])]
        if at and not any(t.kind in ("point", "range") and not _past(_value(t, modality, anchor, words, own=True), anchor)
                          for t in own if t.value):
            # "During the state visit in March 2023 they set the goal of raising trade within
            # three years": the goal was set at the occasion, whose date is the act's; the
            # horizon ("within three years", "by 2026") is what was set, not when.
            best = min(at, key=lambda t: abs(t.start - trigger_at))
            return _dated(best, "asserted", anchor, words, None, "text")
        # A plan is for a time not yet past when it is reported: a past date beside it is
        # its old schedule or its announcement ("the planned February trip, now
        # rescheduled for July").
        own = [t for t in own if not t.value or not _past(_value(t, modality, anchor, words, own=True), anchor)] or own
    if not own and modality != "planned" and anchor:
        # "Over the past five years the two have held regular talks": told over a stretch
        # that ends at the report, the act is no single occurrence of one day.
        stretch = [t for t in within(timexes, s, e) if t.kind == "within" and t.end_value
                   and (not region or any(a <= t.start < b for a, b in region))
                   and not any(a <= t.start < b for a, b in (foreign or []) + (quoted or []))]
        if stretch:
            return _stretch_date(stretch[0], today or anchor, words)
    if own:
        best = min(own, key=lambda t: (abs(t.start - trigger_at) + (0 if t.start > trigger_at else 5)))
        if not best.value:
            return None, "unknown", "text"
        if any(a <= best.start < b for a, b in announced or []):
            # "it will expand trade, the minister said on Tuesday": the plan is dated by its
            # announcement, which was told as past (last Tuesday, not the next one).
            return _dated(best, "asserted", anchor, words, today, "text")
        if modality == "planned" and plan_days is not None:
            plan_days.add(best.start)
        return _dated(best, modality, anchor, words, today, "text", own=True)
    background = thread.background if thread is not None else None
    if background and modality != "planned":
        # "Under the late President, Uzbekistan objected", "the past, when it opposed dams",
        # "had stayed away from its meetings": told as a time before the story, with no date
        # of its own: unknown (neither the story's last date nor the report's).
        return None, "unknown", "none"
    idx = bisect_left(sentences, (s,))
    idx = idx if idx < len(sentences) and sentences[idx][0] == s else None
    if occasion and idx is not None and text:
        at = _occasion_date(told, sentences[:idx], text, occasion, anchor, modality)
        if at is not None:
            return _dated(at, modality, anchor, words, today, "context")
    if thread is not None and thread.anaphora and idx is not None and text and today \
            and modality != "planned" and _named_before(sentences[:idx], text, thread.anaphora) \
            and _occasion_date(told, sentences[:idx], text, thread.anaphora, anchor, modality) is None:
        # "Tokayev's early trip", "the talks": an occasion the text told without a date
        # (the lead's news, dated by its dateline) is the report's, not the last date read.
        return today, precision_of(today), "document"
    if idx is not None and (narrative or modality == "planned"):
        lo = sentences[max(0, idx - CONTEXT_SENTENCES)][0]
        # "since 1997" starts a state lasting to the report's time ("has imported gas since
        # 1997"): it sets no reference time for what the narrative tells next.
        before = [t for t in within(told, lo, s) if t.value and t.kind in ("point", "range")]
        if modality == "planned":
            # A plan is framed by the last future date told before it ("will visit on
            # Thursday ... will sign a statement"), never by a past one.
            before = [t for t in before if anchor and _future(
                _value(t, modality, anchor, words, own=t.start in (plan_days or ())), anchor)]
        else:
            # A day or month told from the report's time ("last Saturday", "on March 11",
            # "last month") frames what follows as firmly as a full date; a relative year
            # ("last year") or week ("earlier this week", kept at month precision) is too
            # loose to set a narrative's reference time.
            before = [t for t in before if not t.relative or _firm(t)]
        if before and (thread is None or _continues(thread, text, sentences, before[-1], s)):
            return _dated(before[-1], modality, anchor, words, today, "context",
                          own=before[-1].start in (plan_days or ()))
    if idx is not None and text and narrative and thread is not None and thread.continuation:
        at = _paragraph_occasion(told, sentences, idx, text, anchor, modality, words)
        if at is not None:
            return _dated(at, modality, anchor, words, today, "context")
    if today and modality != "planned":
        return today, precision_of(today), "document"
    if anchor:
        # A plan with no date of its own: the year it was announced is the best bound we have.
        return anchor[:4], "year", "document"
    return None, "unknown", "none"


_BEFORE_ATTRIBUTE = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that|whose)\s+$", re.I)
_NOUN_AFTER = re.compile(r"\s+[^\W\d_][\w-]*")
_PHRASE = re.compile(r"[^,.;:()\n]*")        # up to the end of the noun phrase, roughly


def _attributive_year(text: str, t: TimeEx, trigger_at: int) -> bool:
    """A bare year between a determiner and a noun after the trigger ("accused X of leaving
    the 2015 nuclear deal"): it qualifies a thing the act is about. Before the trigger it
    may name the occasion of the act ("In a 2019 interview, the president accused ...");
    in the trigger's own phrase it dates it ("the 2015 deal")."""
    if t.start < trigger_at or not (t.text.isdigit() and len(t.text) == 4) \
            or not _BEFORE_ATTRIBUTE.search(text[max(0, t.start - 8):t.start]):
        return False
    if not _NOUN_AFTER.match(text, t.end):
        return False
    phrase_end = t.end + len(_PHRASE.match(text, t.end, t.end + 60).group(0))
    return not t.end <= trigger_at < phrase_end


def _continues(thread: Thread, text: str, sentences: list[tuple[int, int]], t: TimeEx,
               s: int) -> bool:
    """Whether the event's sentence (starting at `s`) goes on with the story of the sentence
    that told the date `t`. It does when it names an occasion told before ("the talks"), or
    says the story goes on ("then", "also") within the same paragraph. A day or month also
    frames an act of a party that sentence named (wire copy gives each sentence a paragraph
    of its own: a paragraph break does not end a story); a bare year rarely dates the news that
    follows it (background: "The mine was nationalised in 2018"), so it needs one of the
    first two ties. Otherwise a report's act is its own news, not part of the story told
    before it ("Iran and Turkmenistan resumed swaps in March. Kyrgyzstan and Tajikistan
    resumed talks.")."""
    i = bisect_left(sentences, (t.start + 1,)) - 1
    lo, hi = sentences[i] if i >= 0 else (t.start, t.end)
    if thread.anaphora or (thread.continuation and "\n" not in text[lo:s]):
        return True
    if t.precision == "year":
        return False
    return bool(thread.said.between(lo, hi) & thread.parties)


def refers_back(trigger, words: DatingWords) -> tuple[str | None, bool]:
    """(anaphora, continuation) of the trigger's sentence: a definite occasion noun ("the
    talks", "this visit", "their meeting"), which names an occasion the text has told; a
    word such as "then" or "also" says the story goes on."""
    anaphora, continuation = None, False
    for tok in trigger.sent:
        if anaphora is None and tok.lower_ in words.occasion_nouns and any(
                c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these"))
                for c in tok.children):
            anaphora = tok.lower_
        if tok.lower_ in words.continuations and tok.dep_ in ("advmod", "cc", "prep"):
            continuation = True
    return anaphora, continuation


def clause_of(trigger) -> tuple[int, int]:
    """Character span of the clause that holds the trigger: the phrase of the nearest verb at
    or above it that has a subject of its own (the sentence's root if none has)."""
    verb = trigger
    while not (verb.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)) and verb.head.i != verb.i:
        verb = verb.head
    return verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge)


def occasion_phrases(trigger, words: DatingWords) -> list[tuple[int, int]]:
    """Character spans of the phrases of the trigger's sentence that place it at an occasion
    ("[during Japarov's state visit to Astana in March 2023]", "[at the summit in May]")."""
    return [(p.left_edge.idx, p.right_edge.idx + len(p.right_edge)) for p in trigger.sent
            if p.dep_ == "prep" and p.lower_ in words.occasion_prepositions
            and any(o.dep_ == "pobj" and o.lower_ in words.occasion_nouns for o in p.children)]


def occasion_of(trigger, words: DatingWords) -> str | None:
    """The occasion an event of the trigger's sentence is placed at, when the text has named
    it before: a definite occasion noun after a preposition of time ("during the visit",
    "at Tuesday's meeting", "following their talks"), not the trigger itself. "At a meeting"
    names a new one."""
    for tok in trigger.sent:
        if tok.i == trigger.i or tok.lower_ not in words.occasion_nouns or tok.dep_ != "pobj" \
                or tok.head.lower_ not in words.occasion_prepositions and not (
                    tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in words.occasion_frames):
            continue
        if any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
               for c in tok.children):
            return tok.lower_
    return None


def _paragraph_occasion(timexes: list[TimeEx], sentences: list[tuple[int, int]], idx: int,
                        text: str, anchor: str | None, modality: str,
                        words: DatingWords) -> TimeEx | None:
    """'During the visit, it was confirmed ... Also, the parties agreed ...': an act that
    goes on with the story ("also", "then") in a paragraph that placed an earlier sentence
    at an occasion told before happened at that occasion, as the earlier sentence did."""
    for j in range(idx - 1, max(-1, idx - 1 - CONTEXT_SENTENCES), -1):
        s, e = sentences[j]
        if "\n" in text[e:sentences[idx][0]]:
            break       # another paragraph
        occasion = words.occasion_phrase.search(text, s, e)
        if occasion:
            return _occasion_date(timexes, sentences[:j], text, occasion.group(1).lower(),
                                  anchor, modality)
    return None


def _occasion_date(timexes: list[TimeEx], earlier: list[tuple[int, int]], text: str,
                   noun: str, anchor: str | None, modality: str) -> TimeEx | None:
    """The date the text gave an occasion it names again: in each earlier sentence that
    mentions that word and dates it, the day or month nearest the mention ("Mirziyoyev's
    visit to Astana on 6 December ... During the visit, a declaration was signed"), however
    many sentences back. When the text told several such occasions (this visit and one
    years before), the latest is meant: a report's occasion is its news, an older one is
    background. None when no mention was dated."""
    pattern = re.compile(rf"\b{re.escape(noun)}", re.I)     # "the visit" of "visited on ..."
    found = []
    for s, e in earlier:
        spots = [m.start() for m in pattern.finditer(text, s, e)]
        if not spots:
            continue
        dated = [t for t in within(timexes, s, e) if t.value and t.kind in _POINT_KINDS
                 and t.precision in ("day", "month") and not is_dateline(text, t)]
        if anchor and modality != "planned":
            dated = [t for t in dated if t.value[:len(anchor)] <= anchor]
        if dated:
            found.append(min(dated, key=lambda t: min(abs(t.start - p) for p in spots)))
    return max(found, key=lambda t: t.value, default=None)


def _named_before(earlier: list[tuple[int, int]], text: str, noun: str) -> bool:
    """Whether an earlier sentence names the occasion (as _occasion_date reads it)."""
    pattern = re.compile(rf"\b{re.escape(noun)}", re.I)
    return any(pattern.search(text, s, e) for s, e in earlier)


def report_day(timexes: list[TimeEx], anchor: str) -> str:
    """The day a report speaks from. A publication date known only to the month (a page
    that shows no day) is narrowed to the first day of that month the text names: a report
    leads with its news, so what it says "has happened" or "is" was so by that day (notes
    and sources, which come last, may name later days). The Russian reader does the same."""
    if len(anchor) != 7:
        return anchor
    return next((t.value for t in timexes if t.value and t.precision == "day"
                 and t.kind in _POINT_KINDS and t.value[:7] == anchor), anchor)


def _dated(t: TimeEx, modality: str, anchor: str | None, words: DatingWords,
           today: str | None, source: str, own: bool = False) -> tuple[str, str, str]:
    """(date, precision, source) a time expression gives an event. "Today", "yesterday" or
    "this week" read against a publication date known only to the month resolve to that
    month; when the text names the report's day (report_day), they speak from it."""
    if t.relative and anchor and len(anchor) == 7 and t.value == anchor and today != anchor:
        return today, precision_of(today), source
    return _value(t, modality, anchor, words, own=own), t.precision, source


def _stretch_date(t: TimeEx, today: str, words: DatingWords) -> tuple[str | None, str, str]:
    """The date of an act told over a stretch that ends at the report, at the precision
    that holds the stretch (data/time: stretch_precision): none for years, the report's
    year for months, its month for weeks."""
    unit = t.text.lower().split()[-1]
    precision = words.stretch_precision.get(unit, "unknown")
    size = {"year": 4, "month": 7}.get(precision)
    if size is None or len(today) < size:
        return None, "unknown", "text"
    return today[:size], precision, "text"


def _firm(t: TimeEx) -> bool:
    """A relative day or month whose value is exactly what it names (a week's Monday kept
    at month precision is not)."""
    return (t.precision, len(t.value or "")) in (("day", 10), ("month", 7))


def announced_at(verb) -> list[tuple[int, int]]:
    """Character spans (in the trigger's doc) of the phrases that date the saying which
    reports the act (`verb`, reporting_verb): "the minister said [on Tuesday] that it would
    ...", "it will ..., the minister said [on Tuesday]"; none for an act not reported."""
    return _dependents(verb) if verb is not None else []


def reporting_verb(trigger, reporting: frozenset[str]):
    """The verb of saying that reports the act, governing its clause or following it; None
    when the act is not told as reported."""
    cur = trigger
    for _ in range(8):
        for c in cur.children:
            if c.dep_ in ("ccomp", "parataxis") and c.i > trigger.i and c.lemma_.lower() in reporting:
                return c
        if cur.dep_ == "ccomp" and cur.head.lemma_.lower() in reporting:
            return cur.head
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def said_contents(trigger, reporting: frozenset[str]) -> list[tuple[int, int]]:
    """Character spans (in the trigger's parse) of what a verb of saying reports, when the
    trigger is not in it ("thanked Putin, saying the gas would help after the cuts in
    January": January is of what is said, not of the thanks). Only for an act not itself
    reported (reporting_verb): in "signed a deal, the ministry said, noting that it was
    signed on 3 May" the speaker goes on about the same act."""
    return [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge))
            for v in trigger.sent if v.lemma_.lower() in reporting
            for c in v.children if c.dep_ == "ccomp"
            and not c.left_edge.i <= trigger.i <= c.right_edge.i]


def planned_clause(trigger) -> list[tuple[int, int]]:
    """Character spans (in the trigger's parse) of the infinitive a verb of agreeing governs
    ("agreed [to hold the next meeting in February]", "invited him [to visit in May]"), or of
    its clause in the future ("agreed [that the next round will take place in March]"): what
    was agreed to is still to come, and a time told there dates it."""
    if trigger.dep_ == "ccomp" and _future_aux(trigger):
        # "said he [would visit Uzbekistan in May]": the act itself is still to come
        return _dependents(trigger)
    return [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in trigger.children
            if c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)
            or c.dep_ == "ccomp" and _future_aux(c)]


def _future_aux(verb) -> bool:
    return any(a.dep_ == "aux" and a.lower_ in ("will", "would", "shall") for a in verb.children)


def _dependents(verb) -> list[tuple[int, int]]:
    return [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in verb.children
            if c.dep_ in ("prep", "npadvmod")]


def _value(t: TimeEx, modality: str, anchor: str | None, words: DatingWords,
           own: bool = False) -> str:
    """The time expression's value; a bare weekday in a plan ("will visit on Thursday") is
    the next such day, not the last (time expressions resolve weekdays backwards, as most
    news reports what happened). So is a bare month or day of a month in the plan's own
    sentence ("will visit in September", "on 20 March"). `own`: the time is the plan's, in
    its sentence or told forward by an earlier plan ("will visit on Thursday ... will sign a
    statement"); one an earlier sentence told as past keeps its value ("talks on Tuesday
    ... will continue talks": not next Tuesday)."""
    if modality == "planned" and anchor and t.relative and t.value and _past(t.value, anchor) and own:
        said = [w.strip(".,") for w in re.split(r"[\s-]+", t.text.lower()) if w]   # "mid-September"
        named = [w for w in said if w not in words.date_fillers and not w[:1].isdigit()]
        if named and all(w in words.time_names for w in named):
            if t.precision == "day" and named[0] in words.weekdays:
                return (dt.date.fromisoformat(t.value) + dt.timedelta(days=7)).isoformat()
            return add_years(t.value, 1)
    if modality == "asserted" and anchor:
        return last_such_day(t, anchor).value
    return t.value


def _past(value: str, anchor: str) -> bool:
    """Before the publication date, compared at the coarser of the two precisions."""
    n = min(len(value), len(anchor))
    return value[:n] < anchor[:n]


def _future(value: str, anchor: str) -> bool:
    """After the publication date (a date equal to a day anchor is the report's own day)."""
    v = value[:len(anchor)]
    return v > anchor if len(anchor) == 10 else v >= anchor


_FINITE_PRESENT = {"VBZ", "VBP"}
# Dependencies that open a clause of its own below the one that governs it.
_SUBORDINATE = {"advcl", "relcl", "ccomp", "acl", "csubj", "parataxis"}


def _occasion_noun(noun, occasions: frozenset[str]) -> bool:
    """An occasion noun, or the name after its "of" ("the summit of the Shanghai Cooperation
    Organisation that ended on Friday": the parse may hang the clause on the name)."""
    for _ in range(4):
        if noun.lemma_.lower() in occasions:
            return True
        if noun.dep_ == "pobj" and noun.head.lower_ == "of":
            noun = noun.head.head
        elif noun.dep_ in ("compound", "conj"):
            noun = noun.head
        else:
            return False
    return False


def other_clauses(trigger, relative: bool = True,
                  deps: frozenset[str] | set[str] = frozenset(),
                  occasions: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Character spans (in the trigger's parse) of the subordinate clauses of its sentence
    that tell another act: a time expression frames its own clause ("Japarov is on a visit
    after he won the election in January": January dates the election). `relative=False`
    leaves out the clauses whose subject is a relative pronoun on an occasion noun
    (`occasions`: "the summit that ended on Friday"): they describe an occasion of the
    sentence, whose time may be the act's; on another thing ("thanked Putin for the gas that
    arrived in January") they tell that thing's time. `deps`: only clauses of these
    dependencies (default: every subordinate clause)."""
    spans = []
    for tok in trigger.sent:
        if tok.dep_ not in (deps or _SUBORDINATE) or tok.pos_ not in ("VERB", "AUX"):
            continue
        # A clause tells another act when it has a subject of its own ("after he won");
        # a bare participle ("the trip, now rescheduled for July") or a relative clause
        # whose subject is the trigger's noun ("the visit, which took place in May")
        # still describes the event.
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
        relative_subject = all(c.tag_ in ("WDT", "WP") for c in subjects)
        about_trigger = tok.head.i == trigger.i and relative_subject
        # ... but one on the act's agent ("Raisi, who took office in August, paid a visit")
        # tells of the agent, not of the act
        # (or of the clause that holds it: "Raisi, who took office in August, was in
        # Ashgabat for the [summit]")
        on_agent = tok.head.dep_ in ("nsubj", "nsubjpass") and \
            (tok.head.head.i == trigger.i or any(a.i == tok.head.head.i for a in trigger.ancestors))
        if relative_subject and not relative and not on_agent and (
                tok.dep_ != "relcl" or _occasion_noun(tok.head, occasions)):
            continue
        if subjects and not about_trigger and not (tok.left_edge.i <= trigger.i <= tok.right_edge.i):
            spans.append((tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)))
    return spans


def bounds_of(trigger, preps: frozenset[str]) -> list[tuple[int, int]]:
    """Character spans of the phrases that bound the act's time ("the first meeting [since
    Russia's invasion of Ukraine in February]", "talks suspended [until the elections in
    May]"): what they date is another act, and they never date this one."""
    heads = [trigger, *([trigger.head] if trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") else [])]
    # "since 1997", "until May": a time itself bounds a stretch the act fills (dating reads it)
    return [(p.left_edge.idx, p.right_edge.idx + len(p.right_edge))
            for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in preps
            and any(o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME") and o.pos_ == "NOUN"
                    for o in p.children)]


def bounding_clauses(trigger, conjunctions: frozenset[str]) -> list[tuple[int, int]]:
    """Character spans of the clauses that bound the act's time from another act of their
    own subject ("the first visit [since he was re-elected on 20 November]", "accused them
    [after the minister received the rival in May]"): their times are that act's, never this
    one's, and they set no reference time for what the text tells next. A clause that holds
    the trigger is the act's own."""
    spans = []
    for mark in trigger.sent:
        if mark.dep_ != "mark" or mark.lower_ not in conjunctions or mark.i > mark.head.i:
            continue
        verb = mark.head
        while verb.dep_ in ("aux", "auxpass") and verb.head.i != verb.i:
            verb = verb.head
        if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in (*verb.children, *mark.head.children)):
            continue
        # To the end of the verb's phrase; a parse that breaks the clause ("re-elected")
        # leaves it at the next comma or the sentence's end.
        end = max(verb.right_edge.i, mark.head.right_edge.i)
        while end + 1 < trigger.sent.end and not _breaks(trigger.doc[end + 1]):
            end += 1
        if not mark.i <= trigger.i <= end:
            last = trigger.doc[end]
            spans.append((mark.idx, last.idx + len(last)))
    return spans


def background_of(trigger, words: DatingWords, reporting: frozenset[str]) -> str | None:
    """Whether the trigger's clause tells its act as earlier than the story: "marked" when a
    word says so in the clause or in the noun a relative clause describes ("Under the late
    President, Uzbekistan objected", "a change from the past, when it opposed dams"); "before"
    for the past perfect ("had stayed away from its meetings"), whose reference time lies
    before the narrative's by an untold stretch, unless a verb of saying governs it (reported
    speech moves "has been set" back to "had been set": the report's present). None
    otherwise. Either way, with no date of its own the act is undated (date_event)."""
    verb = trigger
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    # a participle or a verb coordinated without a subject of its own shares its clause's
    # time ("Under the late President, Uzbekistan objected, warning that ...")
    while verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.i != verb.i and not any(
            c.dep_ in ("nsubj", "nsubjpass", "expl", "mark") or c.tag_ == "WRB" for c in verb.children):
        verb = verb.head
    skip = set()
    for c in verb.children:
        if c.dep_ in _SUBORDINATE | {"conj"} and not (c.left_edge.i <= trigger.i <= c.right_edge.i):
            skip.update(t.i for t in c.subtree)
    clause = " ".join(t.text for t in verb.subtree if t.i not in skip)
    if verb.dep_ == "relcl" or verb.left_edge.tag_ == "WRB":
        # "the past, when it opposed dams": what the relative clause describes
        clause = " ".join(t.text for t in verb.doc[max(verb.sent.start, verb.left_edge.i - 4):verb.left_edge.i]) \
            + " " + clause
    if words.background_markers.search(clause):
        return "marked"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBN" and any(a.lower_ == "had" for a in auxes) and not (
            verb.dep_ in ("ccomp", "parataxis") and verb.head.lemma_.lower() in reporting):
        return "before"
    return None


def _breaks(tok) -> bool:
    """A punctuation mark that ends a clause (a hyphen inside a word, "re-elected", does not)."""
    return tok.is_punct and not (tok.text == "-" and not tok.whitespace_
                                 and not tok.doc[tok.i - 1].whitespace_)


def told_in_past(trigger) -> bool:
    """Whether the clause of a trigger (a spaCy token) is told in a past tense: the
    simple past or the past perfect continue the narrative's reference time ("In 2010,
    Moscow cut purchases. It then stopped them"), while the present, the present perfect
    and the progressive present speak from the report's own time ("Turkmenistan has
    halted supplies", "the two are working together"): Reichenbach's reference time.
    A noun names an occurrence the narrative has placed, unless a verb holds it ("is on a
    visit") or it is the predicate of a copula ("Kyrgyzstan is a reliable partner"): it
    takes that verb's tense; an infinitive takes the tense of the verb that governs it."""
    tok = trigger
    if trigger.tag_ == "VBN" and trigger.dep_ == "acl":
        return True     # "a plan adopted by both sides": a participle on a noun is a past act of its own
    if trigger.pos_ not in ("VERB", "AUX") and trigger.dep_ != "attr":
        # An occurrence held by a verb ("is on a visit", "are holding talks") is told in
        # that verb's tense; one named as a subject or modifier keeps the narrative's time.
        while tok.dep_ in ("pobj", "dobj", "prep") and tok.head.i != tok.i:
            tok = tok.head
        if tok.i == trigger.i or tok.pos_ not in ("VERB", "AUX"):
            return True
    for _ in range(5):
        if tok.pos_ in ("VERB", "AUX"):
            auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
            if any(a.tag_ in _FINITE_PRESENT for a in auxes) or \
                    (not auxes and tok.tag_ in _FINITE_PRESENT):
                return False
            if tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
                return True
        if tok.head is tok:
            break
        tok = tok.head
    return True
