"""Find agreements (treaties, declarations, memorandums, road maps, action plans, programmes,
strategies, protocols, conventions, contracts, deals) that a document reports as concluded.

Works on the text plus the sentence spans and resolved actor mentions that the pipeline
already has; no spaCy. Names come from the title grammar (agreement_titles.py); this module
decides which names are concluded agreements, who signed them and when:

- status: a future cue scoped over the signing ("will sign", "is expected to be signed")
  makes it planned, an AGREE event rather than an agreement (ANNOTATION.md); a signing verb,
  a reference to an agreement in force ("a violation of the deal") or a formal title makes
  it concluded; items of a list under "The following documents were signed:" and names
  right after "22 documents were signed" take the status of that statement;
- date: one inheritance rule, nearest first: the sentence itself, the list header, the
  dated occasion or signing told just before, and for a signing reported as news ("have
  signed") the dateline or the publication date;
- parties: the states named in the title, else those named in its sentence (a group such
  as "the two countries" stands for the two states it names), else those of the nearest
  sentence before (then after) that names two, else the document's parties;
- one record per agreement: a short name contained in a fuller one (under the same head
  noun or another of its kind: "the demarcation deal"), or "an agreement on this matter",
  is the agreement named before.

The word lists live in `data/agreements.yaml`; an AgreementGrammar (agreement_grammar.py)
built from Resources holds them compiled, with the knowledge base's state names.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from steppe.facts import Agreement, Span
from steppe.pipeline.agreement_grammar import AgreementGrammar
from steppe.pipeline.agreement_lists import item_start, read_lists
from steppe.pipeline.agreement_titles import Title, read_titles
from steppe.pipeline.context import Concluded, DocContext, ProjectName
from steppe.pipeline.discourse import most_named, nearest_pair, states_by_sentence
from steppe.pipeline.timex import TimeEx, is_dateline, last_such_day, within

__all__ = ["AgreementGrammar", "Concluded", "extract_agreements", "read_agreements"]

_CONCLUDED = ("signed", "reached", "agreed", "named")
_LOOK_BACK = 6          # sentences searched for the occasion of an undated signing


@dataclass
class _Found:
    agreement: Agreement
    stems: frozenset[str]
    item: bool              # one line of a list of documents
    core: frozenset[str] = frozenset()   # the stems that are neither head noun nor actor name
    status: str = "signed"  # see _status


# The stronger wins when two mentions of one agreement are merged.
_STRENGTH = {"signed": 4, "reached": 3, "agreed": 2, "named": 1, "in_force": 0}


# -- status ---------------------------------------------------------------------------------

def _status(text: str, s: int, e: int, title: Title, g: AgreementGrammar) -> str | None:
    """How the sentence tells of the agreement: "signed", "reached" (agreed without a
    signing), "named" (a formal title, nothing said of its signing), "in_force" (referred to
    as already in force), "planned", or None when it does not say. ("agreed" is the status
    of "agreed a ceasefire", read apart.)"""
    clause = max(s, text.rfind(";", s, title.start) + 1, text.rfind(":", s, title.start) + 1)
    pre = text[max(clause, title.start - 60):title.start]
    post = text[title.end:e]
    fut = list(g.future.finditer(pre))
    past = list(g.past.finditer(pre))
    if fut and (not past or fut[-1].start() > past[-1].start()):
        return "planned"                      # "will sign a treaty", "the draft agreement"
    if g.planned_after.match(post):
        return "planned"                      # "an agreement ... is expected to be signed"
    neg = list(g.negation.finditer(pre))
    if neg and not (past and past[-1].start() > neg[-1].start()):
        return None                           # "refused to sign the Charter"
    for m in g.past.finditer(text, s, e):
        before = text[max(s, m.start() - 30):m.start()]
        if g.future.search(before) or re.search(r"\bto\s+(?:be\s+)?$", before):
            continue
        if g.negation.search(text[max(s, m.start() - 15):m.start()]):
            continue
        return "reached" if g.reached.match(m.group()) else "signed"
    if title.year or g.existing.search(text[max(s, title.start - 40):title.start]):
        return "in_force"                     # "the 2012 agreement", "a violation of the deal"
    if title.titled and title.kind in g.formal_kinds and not g.future.search(text[s:e]):
        return "named"
    return None


# -- dates ----------------------------------------------------------------------------------

def _period(text: str, t: TimeEx) -> bool:
    """A time that says what a plan or supply covers ("for 2022"), not when it was signed."""
    return bool(re.search(r"\bfor\s+(?:the\s+)?(?:period\s+|years?\s+)?$",
                          text[max(0, t.start - 20):t.start], re.I))


def _usable(t: TimeEx, anchor: str | None) -> bool:
    if not t.value or t.kind not in ("point", "range"):
        return False
    return anchor is None or t.value[:len(anchor)] <= anchor    # signed, so not in the future


def _date(text: str, timexes: list[TimeEx], name_span: tuple[int, int],
          anchor: str | None, g: AgreementGrammar, gap: tuple[int, int] | None = None) -> str | None:
    """The signing date: the nearest past date of the sentence outside the name (a date
    in the `gap` the name leaves out is outside: "signed a road map on Tuesday to ...")."""
    future = g.future

    def usable(t: TimeEx) -> bool:
        inside = t.start < name_span[1] and name_span[0] < t.end and \
            not (gap and gap[0] <= t.start and t.end <= gap[1])
        if not _usable(t, anchor) or inside:
            return False                  # "Strategy for 2017-2019"
        if _period(text, t):
            return False                  # "supplies for 2022"
        between = text[name_span[1]:t.start] if t.start >= name_span[1] else ""
        return not future.search(between)  # "..., which will take effect next year"

    usable_tx = [t for t in (last_such_day(t, anchor) if anchor else t for t in timexes) if usable(t)]
    # The dateline says when the story was filed; a date in the sentence itself wins.
    usable_tx = [t for t in usable_tx if not is_dateline(text, t)] or usable_tx
    if not usable_tx:
        return None

    def distance(t: TimeEx) -> tuple[bool, int]:
        # a date after a comma that follows the name is another phrase's ("signed X, a step
        # up from the partnership proclaimed a decade ago"): taken only when no other is
        apart = t.start >= name_span[1] and "," in text[name_span[1]:t.start]
        return apart, max(name_span[0] - t.end, t.start - name_span[1], 0)
    return min(usable_tx, key=distance).value


def _occasion_date(text: str, sentences: list[tuple[int, int]], i: int,
                   sentence_timexes: list[list[TimeEx]], anchor: str | None,
                   g: AgreementGrammar) -> str | None:
    """Date of the visit, meeting or signing during which an undated agreement was signed.

    Articles recall older visits too ("his first visit in 2017"); the occasion an agreement
    is reported from is nearly always the latest one, so the latest dated occasion of the
    same kind (visit, meeting, ...) before the sentence wins, then any occasion. A sentence
    that names no occasion takes the nearest dated occasion or signing a few sentences back.
    """
    occasion = g.occasion
    here = {_occasion_family(w) for w in occasion.findall(text[slice(*sentences[i])])}
    best: dict[bool, str] = {}
    for j in range(i - 1, -1 if here else max(-1, i - 1 - _LOOK_BACK), -1):
        sentence = text[slice(*sentences[j])]
        families = {_occasion_family(w) for w in occasion.findall(sentence)}
        if not families and not (g.past.search(sentence)
                                 or re.search(r"\bagreed\b", sentence)):
            continue
        same = bool(families & here)
        for t in sentence_timexes[j]:
            if not _usable(t, anchor) or _period(text, t) or t.value <= best.get(same, ""):
                continue
            best[same] = t.value
        if not here and best:
            break
    return best.get(True) or best.get(False)


def _occasion_family(word: str) -> str:
    """"visits", "visited" -> "visit"; "meetings", "met" -> "meet"."""
    word = word.lower()
    return "meet" if word == "met" else word[:4]


def _report_date(text: str, sentences: list[tuple[int, int]],
                 sentence_timexes: list[list[TimeEx]], anchor: str | None) -> str | None:
    """When a signing reported as news happened: the date of the dateline or date line at
    the top of the story, else the publication date."""
    for j in range(min(3, len(sentences))):
        s, e = sentences[j]
        for t in sentence_timexes[j]:
            line = text[text.rfind("\n", 0, t.start) + 1:t.start]
            if _usable(t, anchor) and t.precision == "day" and (
                    is_dateline(text, t) or len(line) <= 40):
                return t.value
    return anchor


# -- parties --------------------------------------------------------------------------------

def _states(codes) -> set[str]:
    return {c for c in codes if not c.startswith("IGO")}


def _is_group(text: str, ms: int, me: int, g: AgreementGrammar) -> bool:
    """A mention that stands for several parties without naming them: "the two countries",
    "bilateral", "The leaders" (the resolver gives them the document's main parties, or
    everyone at the occasion)."""
    phrase = text[ms:me]
    return bool(g.group.fullmatch(phrase) or g.participants.fullmatch(phrase)) or \
        not any(w[:1].isupper() for w in phrase.split())


def _parties(text: str, mentions: list[tuple[int, int, str]], sentences: list[tuple[int, int]],
             i: int, main_parties: list[str], title: Title,
             together: list[str] | None, sentence_states: list[set[str]],
             g: AgreementGrammar, envoys: frozenset[tuple[int, int]] = frozenset()
             ) -> list[str] | None:
    """Parties of an agreement, or None when it is a domestic document of one state.
    `together` are the parties of the list the agreement is an item of; `sentence_states`
    the states each sentence names (_Doc.sentence_states)."""
    s, e = sentences[i]
    here = [(ms, me, c) for ms, me, c in mentions if s <= ms and me <= e]
    in_name = _states(c for ms, me, c in here if title.start <= ms and me <= title.end
                      and not _is_group(text, ms, me, g))
    # "Memorandum between the European Union and Chile": an organisation the name gives as
    # a side is a party with the state
    igo_in_name = {c for ms, me, c in here if title.start <= ms and me <= title.end
                   and c.startswith("IGO:") and _a_side(text, title.start, ms, here)} if in_name else set()
    if len(in_name | igo_in_name) >= 2:
        return sorted(in_name | igo_in_name)
    members = _members_signed(text, here, sentences, i, title, sentence_states, g)
    if members:
        return members
    grouped = [(ms, me, c) for ms, me, c in here if _is_group(text, ms, me, g)
               and not c.startswith("IGO")]
    named = _states(c for m in here if m not in grouped for c in [m[2]])
    # "Kazakhstan and Turkmenistan signed a transit agreement in Baku": the host of the
    # ceremony, named only as where, is no party when two others sign.
    hosts = named - _states(c for ms, me, c in here if (ms, me, c) not in grouped
                            and not g.venue.search(text, max(s, ms - 40), ms))
    if len(named - hosts) >= 2:
        named -= hosts
    # "..., while Tajikistan and Turkmenistan did not sign it": who did not sign is no party
    refused = _states(c for ms, me, c in here if _not_signer(text, s, ms, g))
    if len(named - refused) >= 2:
        named -= refused
    if together is not None:
        return sorted(in_name | igo_in_name | set(together)) or None
    if len(in_name) == 1 and len(named) < 2 and not grouped:
        return None        # "Strategy for the Development of Uzbekistan"
    if len(named) >= 2:
        return sorted(named)
    group = _states(c for *_, c in grouped)
    if len(group) >= 2:
        return sorted(group | _represented(mentions, sentences, sentence_states, i, group, envoys))
    igo = {c for ms, me, c in here if c.startswith("IGO") and not _occasion_of(text, ms, me, g)}
    if len(named) == 1 and igo and not grouped:
        return sorted(named | igo)     # a state deals with the organisation itself
    # "Agreements were reached on ...": the parties of the talks that produced it, the
    # nearest sentence before that names two or more with the one this names, else the
    # sentence after it.
    states = set(nearest_pair(sentence_states, i, back=_LOOK_BACK,
                              holding=True, more=True, after=True))
    if states and not igo:
        igo = _represented(mentions, sentences, sentence_states, i, states, envoys)
    if len(states) + len(igo) < 2:
        states = named | set(main_parties)
    return sorted(states | igo)


_SIDES = re.compile(r"\b(?:between|with)\s")
_WORD = re.compile(r"\w+")


def _a_side(text: str, start: int, at: int, mentions) -> bool:
    """Whether the name mentioned at `at` in a title starting at `start` is one of the
    sides it is "between" or "with" ("between the European Union and Chile"), not its
    subject ("on implementing the SCO Charter", "Accession to the WTO"): only names and
    "and" stand between the preposition and it."""
    sides = list(_SIDES.finditer(text, start, at))
    if not sides:
        return False
    words = [w for w in _WORD.finditer(text, sides[-1].end(), at)
             if not any(ms <= w.start() < me for ms, me, _ in mentions)]
    return all(w.group().lower() in ("and", "the") for w in words)


def _represented(mentions, sentences, sentence_states: list[set[str]], i: int,
                 states: set[str], envoys: frozenset[tuple[int, int]]) -> set[str]:
    """The organisations whose leaders took part in the talks the parties were read from
    ("the summit brought European Commission President X together with the presidents of
    ..."; then "The leaders adopted a declaration"): a body its head speaks for is a party."""
    for j in range(i - 1, max(-1, i - 1 - _LOOK_BACK), -1):
        if states <= sentence_states[j]:
            s, e = sentences[j]
            return {c for ms, me, c in mentions if s <= ms and me <= e and (ms, me) in envoys}
    return set()


def _members_signed(text: str, here, sentences, i: int, title: Title,
                    sentence_states: list[set[str]], g: AgreementGrammar) -> list[str] | None:
    """"Leaders of the SCO ... adopted the declaration": the organisation's members signed,
    as the story lists them (the sentence nearby that names the most states), not the
    organisation; None when no organisation's members are the subject of the signing."""
    s = sentences[i][0]
    for ms, me, c in here:
        if not c.startswith("IGO") or me > title.start or \
                not g.igo_members.search(text[max(s, ms - 30):ms]) or \
                re.search(r"[;]|,\s+(?:while|whereas|but)\b", text[me:title.start]):
            continue
        listed = most_named(sentence_states, (i - 1, i + 1, i - 2, i + 2))
        if len(listed) >= 3:
            return sorted(listed)
    return None


def _occasion_of(text: str, ms: int, me: int, g: AgreementGrammar) -> bool:
    """Whether an organisation is named only as the occasion of a signing ("on the
    sidelines of the SCO summit"): it hosts the meeting, it signs nothing."""
    return bool(g.occasion_noun.match(text, me))


def _not_signer(text: str, s: int, at: int, g: AgreementGrammar) -> bool:
    """Whether a state named at `at` is the subject of a clause of not signing: the words
    after it, up to the clause's end, say it did not sign."""
    m = g.non_signing.search(text, at, at + 80)
    return m is not None and not re.search(r"[,;]|\b(?:and|but|while)\s+\w+\s+(?:signed|joined)\b",
                                           text[at:m.start()])


def _document_parties(text: str, mentions: list[tuple[int, int, str]], main_parties: list[str],
                      timexes: list[TimeEx], g: AgreementGrammar) -> list[str]:
    """The document's parties, leaving out a state named only in a dateline ("Baku,
    Azerbaijan, Aug. 17" tops a story about two other states)."""
    first = re.match(r"\s*([^\n]{1,50})\n", text)
    if not first or not any(first.start(1) <= t.start < first.end(1) for t in timexes):
        return main_parties
    body = Counter(c for ms, me, c in mentions if ms >= first.end() and not c.startswith("IGO")
                   and not _is_group(text, ms, me, g))     # groups were given the main parties
    kept = [c for c in main_parties if body[c]]
    for c, n in body.most_common():
        if len(kept) >= len(main_parties):
            break
        if c not in kept and n >= 2:
            kept.append(c)
    return sorted(kept)


def _list_parties(doc: "_Doc", header: int) -> list[str]:
    """Parties of a list of signed documents: the states its header names, else, when "the
    heads of state" or "the participants" signed, the states of the sentence of the few
    before that names the most (discourse.most_named), else those of the agreement reported
    just before the list (signed at the same ceremony), else the document's."""
    s, e = doc.sentences[header]
    spans = [m.span() for m in doc.g.participants.finditer(doc.text, s, e)]
    named = _states(c for ms, me, c in doc.mentions if s <= ms and me <= e
                    and not any(a <= ms and me <= b for a, b in spans))
    if len(named) >= 2:
        return sorted(named)
    if spans:
        present = most_named(doc.sentence_states, range(header - 1, max(-1, header - 1 - _LOOK_BACK), -1))
        if len(present) >= 2:
            return sorted(present)
    before = [f for f in doc.found if f.agreement.evidence.start < s and not f.item]
    if before and len(_states(before[-1].agreement.parties)) >= 2:
        return before[-1].agreement.parties
    return doc.main_parties


# -- names ----------------------------------------------------------------------------------

def _nearest_project(names: list[ProjectName], before: int, floor: int) -> str | None:
    """The project named last in [floor, before): read by the projects stage (ctx.project_names)."""
    near = [n for n in names if floor <= n.start and n.end <= before]
    return near[-1].name if near else None


def _name_the_group(name: str, parties: list[str], g: AgreementGrammar) -> str:
    """"Agreements between the two countries" names its two parties instead, as a title
    would: "Agreements between Turkey and Uzbekistan"."""
    states = [g.state_names.get(c) for c in parties if not c.startswith("IGO")]
    if len(states) != 2 or None in states:
        return name
    return g.group.sub(f"{states[0]} and {states[1]}", name, count=1)


def _clean_name(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,;:\"\u201c\u201d'")
    name = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.I)
    return name[:1].upper() + name[1:]


def _resolve_project(text: str, sentences, i: int, title: Title,
                     names: list[ProjectName], g: AgreementGrammar) -> str | None:
    """A name that points at a project named nearby ("a road map in this regard") gets the
    project's name; None when it points nowhere."""
    s, e = sentences[i]
    name = title.name
    anaphora = g.anaphora.search(name) or (
        not title.has_complement and g.anaphora.search(text[s:e]))
    if not anaphora or title.kind in ("treaty", "declaration"):
        return name
    project = _nearest_project(names, title.start, sentences[max(0, i - 5)][0])
    if not project:
        return name
    if title.has_complement:
        return g.anaphora.sub(f"the {project}", name, count=1)
    title.has_complement = True
    return f"{name} for the {project}"


# -- the document ---------------------------------------------------------------------------

def extract_agreements(ctx: DocContext, g: AgreementGrammar) -> list[Agreement]:
    """Agreements the document reports as concluded, with parties, date and evidence."""
    return [c.agreement for c in read_agreements(ctx, g)]


def read_agreements(ctx: DocContext, g: AgreementGrammar) -> list[Concluded]:
    """Like `extract_agreements`, each with the type of the event that concluded it. Reads
    the context's sentences, time expressions, states, main parties and project names."""
    text, anchor, timexes = ctx.text, ctx.anchor, ctx.timexes
    if not g.heads.search(text) and not g.agreed.search(text) and not re.search(r":\s*\n", text):
        return []                   # no agreement named or agreed, no list of documents
    mentions, envoys = _named_organisations(text, ctx, g)
    sentences, inherited = read_lists(text, ctx.sentences, g)
    sentence_timexes = []
    for s, e in sentences:
        found = within(timexes, s, e)
        sentence_timexes.append([t for t in found
                                 if not g.access.search(text[max(s, t.start - 25):t.start])
                                 and not any(a <= t.start < b for a, b in ctx.time_bounds)])
    doc = _Doc(text, anchor, sentences, sentence_timexes, mentions,
               _document_parties(text, mentions, ctx.main_parties, timexes, g), g, envoys)
    for i, (s, e) in enumerate(sentences):
        sentence = text[s:e]
        heads = list(g.heads.finditer(text, s, e))
        header, item = inherited.get(i, (None, False))
        if item and not any(m.start() <= item_start(text, s) for m in heads):
            # An item of a list of signed documents is one, whatever its head noun:
            # "Regulations on the work of the commission".
            other = g.item_head.match(text, item_start(text, s))
            heads = ([other] if other else []) + heads
        for m in g.agreed.finditer(text, s, e):
            # "agreed a complete ceasefire": an agreement named by what was agreed.
            before = text[max(s, m.start() - 40):m.start()]
            if g.future.search(before) or g.negation.search(before) or \
                    re.search(r"\bto\s+$", before):
                continue
            title = Title(start=m.start("np"), end=m.end("np"), name=f"Agreement on {m['np']}",
                          kind="agreement", titled=False, plural=False, has_complement=True)
            _record(doc, i, title, title.name, "agreed", header, item)
        for m in heads:
            if g.body.match(text[m.end():m.end() + 20]):
                continue
            for title in read_titles(text, s, e, m, sentence_timexes[i], g):
                name = _resolve_project(text, sentences, i, title, ctx.project_names, g)
                if not title.has_complement and not title.plural:
                    name = _quoted_name(text, title, e) or _purpose_name(text, title, name, e, g) \
                        or _subject_name(text, s, title, name, g) or name
                if not title.has_complement and (title.plural and not title.titled
                                                 or _unspecific(name, g)):
                    # "The declaration was signed by ... on 19 May": the one named before.
                    status = _status(text, s, e, title, g)
                    if not title.plural and status in _CONCLUDED:
                        _refer_back(doc.found, title, status, text, mentions, sentences, i,
                                    sentence_timexes, anchor, g)
                    continue          # "the agreements made", "the declaration", "a bilateral deal"
                if _described(text, s, e, title, g):
                    continue          # "what they signed is a supply contract": told before
                if title.kind == "document" and not (title.titled or re.match(r"\s+on\s", text[m.end():m.end() + 4])):
                    continue          # "documents in the field of ..."
                commercial = re.match(r"deal|contract", m.group(), re.I)
                if (title.plural or commercial) and g.business.search(sentence) or \
                        title.plural and title.kind == "contract":
                    continue          # contracts and deals between companies, not states
                status = _status(text, s, e, title, g)
                if status is None and header is not None:
                    status = "signed"         # an item of "The following were signed:"
                if status in _CONCLUDED + ("in_force",):
                    _record(doc, i, title, name, status, header, item)
    return [Concluded(f.agreement, _signing_type(f)) for f in doc.found]


def _named_organisations(text: str, ctx: DocContext, g: AgreementGrammar
                         ) -> tuple[list[tuple[int, int, str]], frozenset[tuple[int, int]]]:
    """The context's state mentions with each organisation coded by its short name
    ("IGO:SCO", as ANNOTATION.md names IGO actors; a person by the one they lead), and "the
    organisation" standing for the one named last before it; and the spans of the people
    who represent an organisation ("European Commission President X")."""
    names, envoys = {}, set()
    for m in ctx.mentions:
        for a in m.actors:
            if a.code != "IGO":
                continue
            if a.actor_id.startswith("igo:"):
                names[a.start, a.end] = a.actor_id[4:]
            elif a.actor_id in g.igo_of_person:
                names[a.start, a.end] = g.igo_of_person[a.actor_id]
                envoys.add((a.start, a.end))
    out = [(ms, me, f"IGO:{names[ms, me]}" if c == "IGO" and (ms, me) in names else c)
           for ms, me, c in ctx.states]
    for m in g.igo_anaphora.finditer(text):
        before = [c for ms, me, c in out if me <= m.start() and c.startswith("IGO:")]
        if before and not any(m.start() <= ms < m.end() for ms, _, _ in out):
            out.append((m.start(), m.end(), before[-1]))
    return sorted(out), frozenset(envoys)


@dataclass
class _Doc:
    """What the readers of one document share."""

    text: str
    anchor: str | None
    sentences: list[tuple[int, int]]
    sentence_timexes: list[list[TimeEx]]
    mentions: list[tuple[int, int, str]]
    main_parties: list[str]
    g: AgreementGrammar
    envoys: frozenset[tuple[int, int]] = frozenset()   # people who stand for an organisation
    found: list[_Found] = field(default_factory=list)
    _actor_words: frozenset[str] | None = None
    _sentence_states: list[set[str]] | None = None

    @property
    def actor_words(self) -> frozenset[str]:
        """Words of the actor names of the document ("Kyrgyzstan", "Uzbek")."""
        if self._actor_words is None:
            self._actor_words = self.g.names.stems(" ".join(self.text[ms:me]
                                                            for ms, me, _ in self.mentions))
        return self._actor_words

    @property
    def sentence_states(self) -> list[set[str]]:
        """The states each sentence names, groups ("the two countries") left out."""
        if self._sentence_states is None:
            named = [m for m in self.mentions if not _is_group(self.text, m[0], m[1], self.g)
                     and not m[2].startswith("IGO")]
            self._sentence_states = states_by_sentence(named, self.sentences, wholly=True)
        return self._sentence_states


def _record(doc: _Doc, i: int, title: Title, name: str, status: str, header: int | None,
            item: bool) -> None:
    """Give a concluded agreement its parties and date, and add it to the document's."""
    text, sentences, g = doc.text, doc.sentences, doc.g
    s, e = sentences[i]
    # The documents of one list were signed by the same parties.
    together = _list_parties(doc, header) if item else None
    parties = _parties(text, doc.mentions, sentences, i, doc.main_parties, title, together,
                       doc.sentence_states, g, doc.envoys)
    if parties is None:
        return
    # An agreement only referred to as in force predates the story: no date from the context.
    date = _signing_date(text, sentences, doc.sentence_timexes, i, title, header, doc.anchor, g,
                         inherit=status in _CONCLUDED)
    name = _name_the_group(_clean_name(g.other_words.sub("", name)), parties, g)
    record = Agreement(name=name, parties=parties, date=date,
                       kind="agreement" if title.kind == "document" else title.kind,
                       evidence=_evidence(text, s, e))
    stems = g.names.stems(name) or frozenset([name.lower()])
    _add(doc.found, _Found(record, stems, item, stems - g.head_stems - doc.actor_words, status), g)


def _signing_type(f: _Found) -> str | None:
    if f.status == "agreed":
        return None       # "agreed a ceasefire": the event coder codes the verb itself
    if f.status == "reached":
        return "AGREE"
    if f.status == "signed" or f.agreement.date:
        return "SUPPORT"
    return None           # referred to, undated: no event to place in time


def _refer_back(found: list[_Found], title: Title, status: str, text: str, mentions, sentences,
                i: int, sentence_timexes, anchor: str | None, g: AgreementGrammar) -> None:
    """A bare "the declaration" told as concluded completes the latest agreement of that
    kind ("the document", "the agreement": of any kind): its date when it had none, its
    parties when this sentence names more signatories, its signing when it was only
    reached."""
    if not re.search(r"\b(?:the|this|that)\s+$", text[max(0, title.start - 6):title.start], re.I):
        return                                # "a declaration" is another one
    same = [f for f in found if f.agreement.kind == title.kind
            or title.kind in ("document", "agreement")]
    if not same:
        return
    if _STRENGTH[status] > _STRENGTH[same[-1].status]:
        same[-1].status = status
    ag = same[-1].agreement
    if ag.date is None:
        ag.date = _date(text, sentence_timexes[i], (title.start, title.end), anchor, g)
    s, e = sentences[i]
    named = _states(c for ms, me, c in mentions if s <= ms and me <= e)
    if len(named) > len(ag.parties) and _states(ag.parties) <= named:
        ag.parties = sorted(named)


# A quoted name, not a quotation: speech ends inside its quotes with a stop or a comma.
_QUOTED = re.compile(r",?\s+[\"\u201c](?P<name>[A-Z][^\"\u201c\u201d\n]{1,80}[^\"\u201c\u201d\n,.!?])"
                     r"[\"\u201d]")


def _quoted_name(text: str, title: Title, e: int) -> str | None:
    """The name a document is given in quotes right after its head noun ("a long-term
    strategy document, "Vision 2040""); the title then is that name."""
    m = _QUOTED.match(text, title.end, e)
    if not m:
        return None
    title.titled, title.has_complement = True, True
    return m["name"]


def _purpose_name(text: str, title: Title, name: str, e: int, g: AgreementGrammar) -> str | None:
    """"signed a treaty fixing the greater part of the border": a new agreement, unnamed, named by
    what it does (a participle of data/agreements.yaml: purpose_participles), up to the
    clause's end; None for any other."""
    if not _unspecific(name, g) or \
            not re.search(r"\b(?:an?|one)\s+(?:\S+\s+){0,2}$", text[max(0, title.start - 20):title.start]):
        return None          # "a joint declaration" has a name; "the treaty ..." was told of
    m = g.purpose.match(text, title.end, e)
    if not m:
        return None
    words = []
    for w in m["rest"].split()[:12]:
        bare = w.strip(",;:.\"\u201d").lower()
        if bare in g.complement_stop or g.future.fullmatch(bare):
            break
        words.append(w.rstrip(",;:.\"\u201d"))
        if w != words[-1]:
            break                              # a comma or a stop ends the clause
    if not words:
        return None
    title.has_complement = True
    return f"{name} {m['verb']} {' '.join(words)}"


def _subject_name(text: str, s: int, title: Title, name: str, g: AgreementGrammar) -> str | None:
    """"The border between A and B, one of the longest, was formalised by a treaty": an
    unnamed agreement named by what the sentence says it governs, its subject up to the
    first comma; None for any other."""
    if not _unspecific(name, g):
        return None
    verb = g.governed_by.search(text[max(s, title.start - 60):title.start])
    if not verb:
        return None
    subject = re.match(r"\s*(?:The|the)\s+([^,;]{3,80}?)\s*(?:,|$)",
                       text[s:title.start - len(verb.group())])
    if not subject or g.past.search(subject.group(1)):
        return None
    title.has_complement = True
    return f"{name} on the {subject.group(1)}"


def _described(text: str, s: int, e: int, title: Title, g: AgreementGrammar) -> bool:
    """Whether the sentence only says what an agreement told of before is ("What Tashkent
    has signed is a supply contract, not an alliance"): an indefinite predicate with no
    complement and no signing of its own after it ("is a contract signed in May" is one)."""
    return not title.has_complement and \
        bool(g.predicative.search(text[max(s, title.start - 30):title.start])) and \
        not g.past.search(text, title.end, e)


def _unspecific(name: str, g: AgreementGrammar) -> bool:
    """A name that tells no agreement from another: a bare head ("the declaration") or one
    with generic modifiers ("a bilateral agreement"). Two-word heads ("joint statement",
    "road map") are specific enough."""
    words = [w for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", name.lower())
             if w not in g.unspecific]
    return len(words) < 2


def _signing_date(text: str, sentences, sentence_timexes, i: int, title: Title,
                  header: int | None, anchor: str | None, g: AgreementGrammar, *,
                  inherit: bool) -> str | None:
    """The one date-inheritance rule: the title's own year, the sentence, the signing
    statement it belongs to, the occasion told before, the day of the report."""
    if title.year:
        return title.year
    date = _date(text, sentence_timexes[i], (title.start, title.end), anchor, g, title.gap)
    if date or not inherit:
        return date
    for j in ([header] if header is not None else []) + [i]:
        s, e = sentences[j]
        date = (_date(text, sentence_timexes[j], (e, e), anchor, g) if j != i else None) or \
            _occasion_date(text, sentences, j, sentence_timexes, anchor, g)
        if date:
            return date
        if g.now.search(text[s:e]):
            return _report_date(text, sentences, sentence_timexes, anchor)
    # A news story dated to the day reports a recent signing.
    if anchor and len(anchor) == 10:
        return _report_date(text, sentences, sentence_timexes, anchor)
    return None


def _evidence(text: str, s: int, e: int) -> Span:
    sentence = text[s:e]
    ev_s = s + len(sentence) - len(sentence.lstrip())
    ev_e = s + len(sentence.rstrip())
    return Span(ev_s, ev_e, text[ev_s:ev_e])


def _add(found: list[_Found], new: _Found, g: AgreementGrammar) -> None:
    """Add a record, or fold it into the record of the same agreement named before: the
    same content words, a short name whose words a fuller one contains, or a name that
    points back ("an agreement on this matter")."""
    ag = new.agreement
    back = g.back.match(ag.name)
    for old in reversed(found):
        o = old.agreement
        years = not (o.date and ag.date and o.date[:4] != ag.date[:4])
        if back:
            if years:
                _fold(old, new)
            return
        if old.stems == new.stems or (not (old.item and new.item) and years
                                      and set(o.parties) == set(ag.parties)
                                      and _same_core(old, new)):
            _fold(old, new)
            return
    if not back:
        found.append(new)


def _same_core(old: _Found, new: _Found) -> bool:
    """A short name whose words a fuller name of the same kind contains ("the Treaty",
    "the Treaty on Alliance"; "the demarcation deal", "Agreement on the Demarcation of the
    State Border"), or the same words under another head noun ("the strategic partnership
    agreement", "Treaty of Strategic Partnership")."""
    if old.agreement.kind == new.agreement.kind:
        if old.stems <= new.stems or new.stems <= old.stems:
            return True
        # The same words under another head noun of the kind: "the demarcation deal".
        shorter = min(old.core, new.core, key=len)
        return bool(shorter) and (old.core <= new.core or new.core <= old.core)
    return len(old.core) >= 2 and old.core == new.core


def _fold(old: _Found, new: _Found) -> None:
    o, n = old.agreement, new.agreement
    if _STRENGTH[new.status] > _STRENGTH[old.status]:
        old.status = new.status
    if o.date is None and n.date:
        o.date = n.date
    if len(new.stems) > len(old.stems) or new.item:
        o.name, old.stems, old.item, old.core = n.name, new.stems, new.item, new.core
        o.kind, o.evidence = n.kind, n.evidence
