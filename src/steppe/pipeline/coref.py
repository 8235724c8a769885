"""Coreference: mentions that stand for actors named elsewhere in the document.

Group phrases ("the two countries", "our nations" in a quotation) stand for the document's
main parties or the speaker's state and its partner (patterns in groups.yaml); pronouns
("he", "it", "they") for the last person, state or pair named before; definite
descriptions ("the ministry") for the last actor named with the same head word.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, replace

from spacy.attrs import LOWER, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from steppe.facts import Actor
from steppe.pipeline.discourse import most_named, nearest_pair, states_by_sentence
from steppe.pipeline.mentions import Mention, main_parties
from steppe.words import Grammar


@dataclass(frozen=True)
class GroupPattern:
    """A group phrase (groups.yaml) and the states it stands for."""

    pattern: re.Pattern[str]
    members: tuple[str, ...] = ()   # its states ("the Central Asian states"); () for the
    sector: str = ""                # document's main parties ("the two countries")
    weak: bool = False      # a phrase that names no agent ("the two countries' trade")
    quoted: bool = False    # only inside a quotation ("our countries")
    speaker: bool = False   # the quoted speaker's state alone ("our country")
    present: bool = False   # everyone at the occasion told of, not only a pair ("the leaders")
    organisation: bool = False  # the organisation named last ("the member states")
    named_before: re.Pattern[str] | None = None  # what must be named first ("Central Asia" for "the five")
    led: bool = False       # the phrase says whose it is ("the Moscow-led bloc"): no "of" owner follows


@dataclass(frozen=True)
class CorefWords:
    """The word classes coreference reads (data/words/<language>.yaml, section coref)."""

    person_pronouns: frozenset[str]     # the last person named before
    subject_pronouns: frozenset[str]    # ... the subjects of them: the sentence before's first
    thing_pronouns: frozenset[str]      # the last state, organisation or company
    plural_pronouns: frozenset[str]     # the last pair or group of states
    thing_possessives: frozenset[str]   # "its president": of the state "it" would be
    plural_possessives: frozenset[str]  # "their ministers": of the pair "they" would be
    party_sectors: frozenset[str]       # political parties' sectors ("the parties" may be them)
    first_person: re.Pattern[str]       # a group phrase spoken by the quoted speaker
    quote_tail: re.Pattern[str]         # where a dash-led quotation ends
    calendar: frozenset[str] = frozenset()  # "On Tuesday Kerry said": no given name before it
    gathering: re.Pattern[str] = re.compile(r"(?!)")  # a sentence that tells a gathering

    @classmethod
    def from_grammar(cls, grammar: Grammar, language: str = "en") -> CorefWords:
        w = grammar.words(language, "coref")
        # Where a dash-led quotation ends: at a second dash, or before the speaker's
        # attribution that closes the line ("..., the president said.").
        tail = re.compile(rf"[ \u00a0][-–—][ \u00a0]|,(?: [^ ,\n]+){{1,6}} "
                          rf"(?:{w.alternation('quote_tail_verbs')})\b[^\n]{{0,40}}$")
        return cls(person_pronouns=w.set("person_pronouns"), subject_pronouns=w.set("subject_pronouns"),
                   thing_pronouns=w.set("thing_pronouns"),
                   plural_pronouns=w.set("plural_pronouns"),
                   thing_possessives=w.set("thing_possessives"),
                   plural_possessives=w.set("plural_possessives"),
                   party_sectors=w.set("party_sectors", lower=False),
                   first_person=re.compile(rf"(?:{w.alternation('first_person_patterns')})\b", re.I),
                   quote_tail=tail, calendar=grammar.time(language).names(),
                   gathering=re.compile(rf"\b(?:{w.alternation('gathering_words')})\b", re.I))


class Coreference:
    """Adds group, pronoun and definite-description mentions to a document's mentions."""

    def __init__(self, groups: list[GroupPattern], words: CorefWords,
                 members: dict[str, frozenset[str]] | None = None) -> None:
        self.groups = groups
        self.words = words
        self.members = members or {}     # organisation id -> its member states (kb)

    def __call__(self, doc: Doc, mentions: list[Mention],
                 quotes: list[tuple[int, int]] | None = None) -> list[Mention]:
        """`mentions` (the names found in `doc`) with the mentions that refer back to them;
        `quotes`: the text's quotations, when already read (quotations)."""
        text = doc.text
        if quotes is None:
            quotes = self.quotations(text)
        main = main_parties(mentions, text)
        groups = self._group_mentions(text, main, mentions, quotes)
        _first_person_groups(text, groups, mentions, main, quotes, self.words)
        # An agent word a group phrase took over ("the [parties]") is no mention of its own.
        covered = _covering(len(text), ((g.start, g.end) for g in groups))
        mentions = [m for m in mentions if not (m.kind == "generic" and not m.codes
                                                and covered.find(1, m.start, m.end) != -1)]
        mentions = mentions + groups
        mentions += _surname_mentions(doc, mentions, self.words)
        mentions += _pronoun_mentions(doc, mentions, self.words)
        _possessed_agents(doc, mentions, self.words)
        _definite_descriptions(mentions)
        return mentions

    def quotations(self, text: str) -> list[tuple[int, int]]:
        """The character spans of the quotations in `text`."""
        return _quotes(text, self.words)

    def _led_by_member(self, organisation: Mention, mentions: list[Mention], s: int, e: int) -> bool:
        """Whether the state a "-led" phrase names (kept as a place of no party, actors.py) is
        a member of `organisation` ("the Russian-led bloc" after the CSTO, not the EU)."""
        leaders = {p.entity.code for m in mentions if s <= m.start < e and not m.codes
                   for p in m.pieces if p.entity is not None}
        members = {c for a in organisation.actors for c in self.members.get(a.actor_id or "", ())}
        return bool(leaders & members)

    def _group_mentions(self, text: str, main: list[str], mentions: list[Mention],
                        quotes: list[tuple[int, int]]) -> list[Mention]:
        out = []
        # Every pattern's matches, longest first: "the countries of the region" wins over
        # the "the countries" inside it, whatever the order of the patterns in the file.
        found = [(m, group) for group in self.groups for m in group.pattern.finditer(text)]
        found.sort(key=lambda f: (f[0].start() - f[0].end(), f[0].start()))
        # Characters already in a mention (a map, not a list of spans: the overlap test
        # must not grow with the number of mentions, limits.py).
        grouped = _covering(len(text), (m.span() for m, _ in found))
        yielding = self._agents_yielding(mentions, grouped)
        taken = bytearray(len(text))
        agents = bytearray(len(text))       # agent words that give way to a group phrase
        for m in mentions:
            if not m.weak:
                (agents if yielding(m) else taken)[m.start:m.end] = b"\x01" * (m.end - m.start)
        # organisations named, in the order of the text ("the member states" are the last one's)
        # (not a seat named as a place: "gathered in Brussels")
        organisations = sorted((m for m in mentions if not m.location and m.actors
                                and all(a.code == "IGO" for a in m.actors)
                                and not _PLACE_BEFORE.search(text, max(0, m.start - 6), m.start)),
                               key=lambda m: m.end)
        organisation_ends = [m.end for m in organisations]
        first_named: dict[re.Pattern[str], int] = {}      # where each `named_before` is first met
        present_groups: list[tuple[re.Match[str], GroupPattern]] = []
        for m, group in found:
            s, e = m.start(), m.end()
            if taken.find(1, s, e) != -1:
                continue
            if agents.find(1, s, e) != -1 and text.startswith(" of ", e) and not group.led:
                continue    # "the ministers of Kazakhstan": the "of" phrase says whose
            if group.quoted and not any(a <= s < b for a, b in quotes):
                continue
            if group.named_before is not None:
                if group.named_before not in first_named:
                    hit = group.named_before.search(text)
                    first_named[group.named_before] = hit.start() if hit else len(text)
                if first_named[group.named_before] >= s:
                    continue    # "the five countries" are Central Asia's only once it is named
            if (group.present or group.organisation) and text.startswith(" of ", e) and not group.led:
                continue    # "the leaders of the Russian-led bloc", "members of parliament": whose is said
            if group.organisation:
                # the organisation named last, however far back: a summit story names it
                # once, in the lead
                i = bisect_right(organisation_ends, s)
                if i and group.led and not self._led_by_member(organisations[i - 1], mentions, s, e):
                    continue    # "the US-led alliance" after the SCO: another body
                if i:
                    out.append(Mention(s, e, m.group(0), [replace(a, start=s, end=e, confidence=0.8)
                                                          for a in organisations[i - 1].actors],
                                       kind="group", head="group"))
                    taken[s:e] = b"\x01" * (e - s)
                continue
            if group.present:
                # read once every other group is: "hosted [the five] in Berlin. The leaders ..."
                present_groups.append((m, group))
                taken[s:e] = b"\x01" * (e - s)
                continue
            here = list(group.members or main)
            if not group.members and not group.weak:
                # "the U.S. ambassador to Uzbekistan announced that the two countries ...":
                # the pair named just before in the sentence, else the document's pair.
                here = _pair_before(text, s, mentions) or here
            if here:
                out.append(self._group(m, group, here))
                taken[s:e] = b"\x01" * (e - s)
        named = mentions + [g for g in out if not g.weak] if present_groups else mentions
        for m, group in present_groups:
            # "Leaders of China, Russia and India ... The leaders adopted a declaration":
            # everyone at the occasion just told of (_states_before), with the
            # organisations named there ("the EU and the five Central Asian states")
            present, hosts = _states_before(text, m.start(), named, self.words.gathering)
            here = present or list(group.members or main)
            if here:
                out.append(self._group(m, group, here, hosts))
        return sorted(out, key=lambda g: g.start)

    @staticmethod
    def _group(m: re.Match[str], group: GroupPattern, codes: list[str],
               hosts: list[Actor] = ()) -> Mention:
        s, e = m.span()
        actors = [Actor(code=c, sector=group.sector, text=m.group(0), actor_id=f"state:{c}",
                        confidence=0.8, start=s, end=e) for c in codes]
        actors += [replace(a, start=s, end=e, confidence=0.8) for a in hosts]
        return Mention(s, e, m.group(0), actors, kind="group", head="group",
                       weak=group.weak, speaker=group.speaker)

    def _agents_yielding(self, mentions: list[Mention], grouped: bytearray):
        """Which words inside a group phrase give way to it: "the two governments",
        "the parties agreed" stand for the pair, not for agents of no state. A party word
        keeps its political sense where the document names a political party or the
        opposition outside group phrases ("the ruling party and the opposition ... the
        parties agreed")."""
        party = self.words.party_sectors
        parties_named = any(a.sector in party for m in mentions if grouped.find(1, m.start, m.end) == -1
                            for a in m.actors)

        def yields(m: Mention) -> bool:
            if m.location and not m.codes:
                return True     # "the [Russian]-led bloc": a state named as no party
            return m.kind == "generic" and not m.codes and \
                not (parties_named and any(a.sector in party for a in m.actors))
        return yields


_SENTENCE_END = re.compile(r"(?<!\b[A-Z])[.!?][\"”»]?\s+(?=[A-Z\"“«])")


def _pair_before(text: str, at: int, mentions: list[Mention]) -> list[str]:
    """The closest pair of states named before `at`: the states of this sentence, else of
    the sentences before (at most two back), when they come to exactly two, else the nearest
    of those earlier sentences that names two. "Kyrgyzstan's president arrived in Dushanbe.
    The two countries signed ..." is about that pair, whatever the story's main parties."""
    named = sorted((m for m in mentions if m.start < at and not m.location and m.codes
                    and m.kind not in ("group", "pronoun")), key=lambda m: m.start)
    spans = _sentences_back(text, at, _PAIR_SENTENCES)
    states = [(m.start, m.end, c) for m in named for c in m.codes]
    last = len(spans) - 1
    return nearest_pair(states_by_sentence(states, spans), last, back=last, adding=True)


_PAIR_SENTENCES = 3    # this sentence and two before it


def _states_before(text: str, at: int, mentions: list[Mention],
                   gathering: re.Pattern[str]) -> tuple[list[str], list[Actor]]:
    """The states of the sentence before `at` (this one first, at most two back) that names
    the most of them, two or more (discourse.most_named), and the organisations that
    sentence names as actors when it tells a gathering (`gathering`). Sentences that tell
    a gathering come first: "Scholz hosted the five in Berlin" is where the leaders are,
    not the sentence before it that names more states met elsewhere. Groups of states
    count with their members ("the five")."""
    named = sorted((m for m in mentions if m.start < at and not m.location and m.codes
                    and m.kind != "pronoun"), key=lambda m: m.start)
    spans = _sentences_back(text, at, _PAIR_SENTENCES)
    nearest_first = range(len(spans) - 1, -1, -1)
    by_sentence = states_by_sentence([(m.start, m.end, c) for m in named for c in m.codes], spans)
    gatherings = [j for j in nearest_first if len(by_sentence[j]) >= 2 and gathering.search(text, *spans[j])]
    nearest = next((j for j in nearest_first if len(by_sentence[j]) >= 2), None)
    if gatherings and nearest not in gatherings and \
            not by_sentence[nearest] & most_named(by_sentence, gatherings):
        # a gathering further back, of none of those the nearer sentence names ("Putin and
        # Tokayev met on Monday. On Tuesday Mirziyoyev and Japarov opened a road ...")
        gatherings = []
    if not gatherings:   # no gathering told: the states named, not the groups of a region's talk
        named = [m for m in named if m.kind != "group"]
        by_sentence = states_by_sentence([(m.start, m.end, c) for m in named for c in m.codes], spans)
    most = most_named(by_sentence, gatherings or nearest_first)
    if len(most) < 2:
        return [], []
    b, e = spans[max(j for j, n in enumerate(by_sentence) if n == most)]
    if not gathering.search(text, b, e):
        return sorted(most), []
    igos = {a.text: a for m in named if b <= m.start < e for a in m.actors if a.code == "IGO"}
    return sorted(most), list(igos.values())


def _own_text(actor: Actor, text: str) -> str:
    """The text an actor referred back to shows: the words that refer ("he", "the
    bloc"), but an organisation keeps its name (ANNOTATION.md: an IGO actor is told apart
    by it)."""
    return actor.text if actor.code == "IGO" else text


_PLACE_BEFORE = re.compile(r"\b(?:in|at|to|from)\s+$", re.I)


def _sentences_back(text: str, at: int, n: int) -> list[tuple[int, int]]:
    """The sentence `at` is in, up to `at`, and the sentences before it: `n` at most, in
    the order of the text."""
    spans: list[tuple[int, int]] = []
    stop = at
    while len(spans) < n:
        start = _sentence_start(text, stop)
        spans.insert(0, (start, stop))
        if start == 0:
            break
        stop = start
    return spans


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence (or paragraph) that ends before `at` starts."""
    b = at - 1
    while b > 0 and text[b].isspace():
        b -= 1
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(0, b - 600), b + 2) if m.end() <= b]
    para = text.rfind("\n\n", 0, b)
    return max(ends[-1] if ends else 0, para + 2 if para >= 0 else 0)


# Quotations: in quotation marks, or a line led by a dash (interviews, press conferences:
# "— Our country is ready ..., — the president said"), up to its attribution (quote_tail).
_QUOTE = re.compile(r"“[^”]{1,2000}”|\"[^\"\n]{1,2000}\"|«[^»]{1,2000}»"
                    r"|(?:^|(?<=\n))[-–—][ \u00a0][^\n]{1,2000}")
# Where a dash-led quotation ends: at a second dash, or before the speaker's attribution
# that closes the line ("..., the president said.").


def _quotes(text: str, words: CorefWords) -> list[tuple[int, int]]:
    """The character spans of the quotations in `text`."""
    out = []
    for q in _QUOTE.finditer(text):
        end = q.end()
        if q.group(0)[0] in "-–—":
            tail = words.quote_tail.search(q.group(0), 2)
            end = q.start() + tail.start() if tail else end
        out.append((q.start(), end))
    return out


def _first_person_groups(text: str, groups: list[Mention], mentions: list[Mention],
                         main: list[str], quotes: list[tuple[int, int]], words: CorefWords) -> None:
    """'our countries' inside a quotation (`quotes`): the speaker's state and its partner,
    not simply the document's two main parties."""
    if not quotes:
        return
    people = [m for m in mentions if m.kind in ("person", "role") and m.codes
              and not any(a <= m.start < b for a, b in quotes)]
    for g in groups:
        if not words.first_person.match(g.text):
            continue
        quote = next(((a, b) for a, b in quotes if a <= g.start < b), None)
        if quote is None:
            continue
        if g.speaker:
            g.actors = []   # no speaker found below: "our country" stands for no one known
        lo, hi = text.rfind("\n\n", 0, quote[0]), text.find("\n\n", quote[1])
        near = [m for m in people if lo <= m.start and (hi < 0 or m.start < hi)]
        if not near and lo > 0:
            # A quotation with no attribution: the speaker introduced in the paragraph before.
            near = [m for m in people if text.rfind("\n\n", 0, lo) <= m.start < lo][-1:]
        if not near:
            continue
        speaker = min(near, key=lambda m: min(abs(m.start - quote[1]), abs(quote[0] - m.end)))
        code = speaker.codes[0]
        sector = g.actors[0].sector if g.actors else ""
        if g.speaker or _names_other_state(text, g, mentions, code):
            # "our country"; "we support Turkmenistan's bid": the speaker's state alone.
            g.actors = [Actor(code=code, sector=sector, text=g.text, actor_id=f"state:{code}",
                              confidence=0.7, start=g.start, end=g.end)]
            continue
        # The partner is the state most named around the quote (this and the previous paragraph).
        lo2 = text.rfind("\n\n", 0, max(lo, 0)) if lo > 0 else 0
        around = Counter(c for m in mentions if max(lo2, 0) <= m.start and (hi < 0 or m.start < hi)
                         and m.kind not in ("group", "pronoun") for c in m.codes
                         if c not in (code, "IGO"))
        partner = [c for c, _ in around.most_common(1)] or [c for c in main if c != code][:1]
        g.actors = [Actor(code=c, sector=sector, text=g.text, actor_id=f"state:{c}",
                          confidence=0.7, start=g.start, end=g.end) for c in [code] + partner]


def _names_other_state(text: str, g: Mention, mentions: list[Mention], code: str) -> bool:
    """Whether the sentence of a quoted "we" names a state other than the speaker's ("we
    support Turkmenistan's bid"): then "we" is the speaker's side, the other one its partner."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(0, g.start - 600), g.start)]
    start = max(ends[-1] if ends else 0, text.rfind("\n", 0, g.start) + 1)
    stop = _SENTENCE_END.search(text, g.end)
    end = min(stop.start() + 1 if stop else len(text), (text.find("\n", g.end) + 1 or len(text) + 1) - 1)
    return any(start <= m.start < end and m is not g and not m.location and m.kind not in
               ("group", "pronoun") and any(c not in (code, "IGO") for c in m.codes)
               for m in mentions)


def _covering(length: int, spans) -> bytearray:
    """A map of the characters the (start, end) spans cover: the overlap test reads it in
    constant time, whatever the number of mentions (limits.py)."""
    out = bytearray(length)
    for s, e in spans:
        out[s:e] = b"\x01" * (e - s)
    return out


_SURNAME_MIN = 4    # "Li", "Xi": too short to stand for one person by themselves


def _surname_mentions(doc: Doc, mentions: list[Mention], words: CorefWords) -> list[Mention]:
    """'Kerry' after 'US Secretary of State John Kerry': a person named in full, then by the
    surname alone (the news style), is the same actor. The nearest full name before counts
    (a headline may call the person by the surname first: then the first one after). A
    surname inside a longer name ("Teresa Heinz Kerry") or a mention is another's."""
    named: dict[str, list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        if m.surname and len(m.surname) >= _SURNAME_MIN and m.codes:
            named.setdefault(m.surname, []).append(m)
    if not named:
        return []
    ids = {get_string_id(name) for name in named}
    # Found by their ids, as the pronouns are (_words_among): most documents have none.
    found = [doc[j] for j, orth in enumerate(doc.to_array(ORTH).tolist()) if orth in ids]
    if not found:
        return []
    covered = _covering(len(doc.text), ((m.start, m.end) for m in mentions))
    out = []
    for tok in found:
        refs = named[tok.text]
        if covered.find(1, tok.idx, tok.idx + len(tok)) != -1:
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].is_title and doc[tok.i + 1].is_alpha or \
                _given_name_before(doc, tok.i, words.calendar):
            continue
        ref = next((r for r in reversed(refs) if r.end <= tok.idx), refs[0])
        actors = [replace(a, text=_own_text(a, tok.text), start=tok.idx, end=tok.idx + len(tok)) for a in ref.actors]
        out.append(Mention(tok.idx, tok.idx + len(tok), tok.text, actors, kind=ref.kind,
                           head=ref.head))
    return out


def _given_name_before(doc: Doc, i: int, calendar: frozenset[str]) -> bool:
    """A capitalised word before token `i` that is neither the first of its sentence nor a
    day or month: a given name ("Maria Arkan"), so the surname is someone else's."""
    if i == 0:
        return False
    prev = doc[i - 1]
    if not (prev.is_title and prev.is_alpha) or prev.lower_ in calendar:
        return False
    return i >= 2 and not (doc[i - 2].is_space or doc[i - 2].text in (".", "!", "?", "\n"))


def _pronoun_mentions(doc: Doc, mentions: list[Mention], words: CorefWords) -> list[Mention]:
    """'he' / 'his' -> the last person (or person-like role) named before, within ~60 tokens."""
    people = sorted((m for m in mentions if m.kind in ("person", "role") and m.actors
                     and m.actors[0].code and m.actors[0].sector in ("GOV", "MIL", "")),
                    key=lambda m: m.end)
    ends = [m.end for m in people]
    starts = [m.start for m in people]      # (sorted too: people's mentions do not nest)
    text = doc.text         # (made once: a Doc joins its tokens anew each time it is asked)
    out = []
    for tok in _words_among(doc, words.person_pronouns):
        i = bisect_right(ends, tok.idx)
        if i == 0 or tok.idx - ends[i - 1] >= 400:
            continue
        ref = people[i - 1]
        if tok.lower_ in words.subject_pronouns:
            ref = _centre(text, tok.idx, people, starts, i) or ref
        actors = [replace(a, text=_own_text(a, tok.text), start=tok.idx, end=tok.idx + len(tok),
                          confidence=a.confidence * 0.8) for a in ref.actors]
        out.append(Mention(tok.idx, tok.idx + len(tok), tok.text, actors, kind="pronoun",
                           head=ref.head))
    return out + _thing_pronouns(doc, mentions, words)


def _centre(text: str, at: int, people: list[Mention], starts: list[int], i: int) -> Mention | None:
    """Who a subject pronoun at `at` stands for when its own sentence names no one before
    it: the first person the sentence before names, the one that sentence is about (its
    subject, as English tells it), not the last it names. `people[:i]` are those named
    before `at`, `starts` where all of them start."""
    start = at if _opens_sentence(text, at) else _sentence_start(text, at)
    if not i or people[i - 1].start >= start:
        return None
    first = bisect_left(starts, _sentence_start(text, start), 0, i)
    return people[first] if first < i and people[first].start < start else None


def _words_among(doc: Doc, words: frozenset[str]) -> list[Token]:
    """The tokens whose lower-case form is one of `words`, found by their ids: making a
    Token object for every word of a document costs more than the pronoun rules."""
    ids = {get_string_id(w) for w in words}
    return [doc[j] for j, low in enumerate(doc.to_array(LOWER).tolist()) if low in ids]


# Possessives ("opened its borders", "their troops") mostly point back at the clause's own
# subject, which is already its source: only the pronouns that stand for an actor count.
def _definite_descriptions(mentions: list[Mention]) -> None:
    """'the ministry', 'the bank', 'the president' with no state: the last actor named
    before with the same head word ("the Ministry of Energy of Kazakhstan")."""
    named = [m for m in mentions if m.codes and m.kind not in ("group", "pronoun")]
    for m in mentions:
        if m.kind != "generic" or m.codes or not m.actors:
            continue
        head = m.text.lower().split()[-1] if m.text.split() else ""
        if not head:
            continue
        earlier = [n for n in named if n.end <= m.start and m.start - n.end < 1500
                   and head in n.text.lower().split()]
        if earlier:
            ref = max(earlier, key=lambda n: n.end)
            m.actors = [replace(a, text=_own_text(a, m.text), start=m.start, end=m.end,
                                confidence=a.confidence * 0.8) for a in ref.actors]




def _thing_pronouns(doc: Doc, mentions: list[Mention], words: CorefWords) -> list[Mention]:
    """'it' -> the last state, organisation or company named before; 'they' / 'them' ->
    the last pair or group of states ("Kyrgyzstan and Tajikistan",
    "the two countries"), within ~300 characters (`_referents`)."""
    named, ends = _antecedents(mentions)
    text = doc.text
    out = []
    for tok in _words_among(doc, words.thing_pronouns | words.plural_pronouns):
        refs = _referents(tok.idx, tok.text.lower() in words.plural_pronouns, named, ends, text)
        if not refs:
            continue
        actors = [replace(a, text=_own_text(a, tok.text), start=tok.idx, end=tok.idx + len(tok),
                          confidence=a.confidence * 0.7) for r in refs for a in r.actors]
        out.append(Mention(tok.idx, tok.idx + len(tok), tok.text, actors, kind="pronoun",
                           head=refs[-1].head))
    return out


def _antecedents(mentions: list[Mention]) -> tuple[list[Mention], list[int]]:
    """What a pronoun may stand for: the states, organisations, companies and groups named
    (not as places), sorted by where they end, and those ends."""
    named = sorted((m for m in mentions if m.codes and not m.location and not m.weak
                    and m.kind in ("state", "igo", "org", "group")), key=lambda m: m.end)
    return named, [m.end for m in named]


def _referents(at: int, plural: bool, named: list[Mention], ends: list[int],
               text: str) -> list[Mention]:
    """What a pronoun at `at` stands for among the `named` mentions (sorted by end)."""
    i = bisect_right(ends, at)
    if i == 0 or at - ends[i - 1] >= 300:
        return []
    last = named[i - 1]
    if not plural:
        # "Kazakhstan condemned the attack in Kabul. It sent aid ...": a state named as
        # where something happened is not what "it" goes on about; the one before is.
        j = i - 1
        while j > 0 and text[max(0, named[j].start - 7):named[j].start].lower().endswith(
                ("in ", "in the ")) and at - named[j - 1].end < 300:
            j -= 1
        last = named[j]
        if last.kind == "group" or len(last.codes) != 1:
            return []
        return [last]
    # the last pair named: "Armenia and Azerbaijan clashed. The EU urged them ..."
    for j in range(i - 1, -1, -1):
        if at - named[j].end >= 300:
            break
        if len(set(named[j].codes)) >= 2:
            return [named[j]]
        if j >= 1 and text[named[j - 1].end:named[j].start].strip() in ("and", ",", ", and"):
            return [named[j - 1], named[j]]     # "Kyrgyzstan and Tajikistan ... they"
    return []


def _opens_sentence(text: str, at: int) -> bool:
    before = text[max(0, at - 3):at].rstrip(" \u00a0")
    return not before or before[-1] in ".!?\n\"”»"


def _possessed_agents(doc: Doc, mentions: list[Mention], words: CorefWords) -> None:
    """'Its president', 'Their foreign ministers' opening a sentence: an agent with no state
    of its own, owned by a pronoun, is of the state (or pair) the pronoun stands for
    ("Mongolia hosted the forum. Its president met ..."). Inside a clause the possessive
    points back at the clause's own subject ("pulled its troops back"), already its source."""
    named, ends = _antecedents(mentions)
    agents = {m.start: m for m in mentions if m.kind == "generic" and not m.codes and m.actors}
    text = doc.text
    for tok in _words_among(doc, words.thing_possessives | words.plural_possessives):
        m = agents.get(tok.idx + len(tok) + 1)
        if m is None or text[tok.idx + len(tok)] != " " or not _opens_sentence(text, tok.idx):
            continue
        refs = _referents(tok.idx, tok.text.lower() in words.plural_possessives, named, ends, text)
        # the agents of states (an organisation's own are no state's: "its peacekeepers")
        if refs and all(c != "IGO" for r in refs for c in r.codes):
            m.actors = [replace(a, code=c, actor_id=f"state:{c}", confidence=a.confidence * 0.7)
                        for a in m.actors[:1] for r in refs for c in r.codes]


def load_groups(entries: list[dict]) -> list[GroupPattern]:
    """Group phrases from the entries of groups.yaml."""
    return [GroupPattern(re.compile(g["pattern"], re.I),
                         () if isinstance(g["members"], str) else tuple(g["members"]),
                         g.get("sector") or "", bool(g.get("weak")),
                         bool(g.get("quoted")) or g["members"] == "speaker",
                         g["members"] == "speaker", g["members"] == "present",
                         g["members"] == "organisation",
                         re.compile(g["named_before"], re.I) if g.get("named_before") else None,
                         bool(g.get("led")))
            for g in entries]
