"""Code PLOVER events in a parsed sentence: trigger, roles, type, mode and modality.

For each trigger (verb or noun, from the lexicon) the dependency parse gives the
roles: the subject (or a noun's possessor, or the "by"-agent of a passive) is the
source; objects and prepositional complements ("to", "with", "against",
"between X and Y") are the target. Compound subjects on a reciprocal trigger
("Kazakhstan and Uzbekistan agreed") put every state on both sides. A trigger that
is the complement of another trigger ("agreed to visit") gives way to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span as SpacySpan, Token

from steppe.facts import Actor
from steppe.pipeline.actors import Mention
from steppe.pipeline.lexicon import Lexicon, Trigger
from steppe.pipeline.modality import modality_of

_COOPERATIVE_FUTURE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
_TARGET_PREPS = {"to", "with", "against", "on", "from", "toward", "towards", "into", "at",
                 "for", "upon", "over", "between", "among", "amongst", "by", "about"}
# A trigger inside an adjunct of another ("signed during the [visit]", "at the [summit]")
# reports an occasion of its own; inside a complement ("rejected an [invitation]") it does not.
_OCCASION_PREPS = {"during", "at", "after", "before", "following", "since", "amid",
                   "ahead", "prior", "throughout"}
_SOURCE_DEPS = {"nsubj", "csubj", "expl"}
_SKIP_SUBTREE = {"relcl", "acl", "advcl", "ccomp", "parataxis", "punct"}
_DOMINATE = {"xcomp", "ccomp", "dobj", "acomp", "pcomp"}
_SUBJ_PRONOUNS = {"it", "they", "we", "its", "their", "our", "who", "which", "that"}


@dataclass
class RawEvent:
    """An event found in one sentence, before dates and de-duplication."""

    type: str
    mode: str
    source: list[Actor]
    target: list[Actor]
    modality: str
    trigger: Token
    trigger_text: str
    confidence: float
    sentence: SpacySpan
    notes: list[str] = field(default_factory=list)
    # Character spans (within the sentence doc) of the words that belong to this event
    # rather than to another trigger of the sentence: where its own date is looked for.
    region: list[tuple[int, int]] = field(default_factory=list)


class EventCoder:
    """Rules over one parsed sentence; holds only the lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon

    def code(self, sent: SpacySpan, mentions: list[Mention], *,
             token_mentions: dict[int, Mention]) -> list[RawEvent]:
        """Events of one sentence. `token_mentions` maps token index -> its mention."""
        found: list[tuple[Token, Trigger, int]] = []
        for tok in sent:
            if tok.tag_ == "VBG" and tok.dep_ in ("csubj", "nsubj", "csubjpass"):
                continue   # "establishing close relations has become a priority": a topic
            if tok.ent_type_ in _NOT_TRIGGER_ENTS:
                continue   # "on 20 March", "Mr Strike": part of a date or a name
            for trig in self.lex.triggers.get(tok.lemma_.lower(), ()):
                end = _match(tok, trig, sent)
                if end is not None and _pos_ok(tok, trig) and _object_ok(tok, trig, sent):
                    found.append((tok, trig, end))
        found = _best_per_token(found)
        found = [f for f in found
                 if not _dominated(f[0], [g[0] for g in found if g[1].type != f[1].type])]
        events = []
        for tok, trig, end in found:
            ev = self._event(tok, trig, end, sent, mentions, token_mentions)
            if ev is not None:
                events.append(ev)
        events += _reported_demands(sent, token_mentions)
        events = _one_per_type(_main_events(events))
        _assign_regions(sent, events, [f[0] for f in found])
        return events

    def _event(self, tok: Token, trig: Trigger, end: int, sent: SpacySpan,
               mentions: list[Mention], token_mentions: dict[int, Mention]) -> RawEvent | None:
        first = tok
        tok = _phrase_head(sent.doc[tok.i:end])   # "Consultation [Meeting]", "[paid] a visit"
        source, target = _roles(tok, sent, token_mentions)
        if trig.mode == "multilateral" and tok.pos_ in ("NOUN", "PROPN"):
            source = target = _summit_parties(tok, source + target, token_mentions)
        if trig.reversed:
            source, target = target, source
        notes = []
        explicit = bool(source) and bool(target)
        if not source and not target:
            return None
        if not target:
            if trig.reciprocal and len(_codes(source)) >= 2:
                target = list(source)
            elif trig.mode in _NO_RECIPIENT_MODES:
                pass
            else:
                target = _nearest_other(tok, sent, mentions, source, token_mentions,
                                        before=trig.type in _COOPERATIVE)
                notes.append("target-from-context")
        if not source:
            if trig.reciprocal and len(_codes(target)) >= 2:
                source = list(target)
            else:
                source = _preceding(tok, sent, mentions, target, token_mentions)
                notes.append("source-from-context")
            if not source and trig.type in _UNSEEN_AGENT and _passive(tok) and target:
                notes.append("no-agent")   # "three civilians were killed in a bombing"
                return RawEvent(trig.type, trig.mode, [], _dedupe(target), "asserted", tok,
                                sent.doc[first.i:end].text, round(0.4 * trig.weight, 3), sent, notes)
            if not source:
                return None
        if not _codes(source):
            return None
        if not target and trig.type in _NEEDS_TARGET and len(_codes(source)) < 2:
            return None  # "X imposed a tariff", "X met": an act toward no one named
        if len(_codes(source)) >= 2 and _codes(target) < _codes(source):
            target = list(source)  # "Kazakhstan and Kyrgyzstan committed ... the two countries"
        if _codes(source) == _codes(target) and len(_codes(source)) == 1 and \
                ({a.sector for a in source} == {a.sector for a in target} or trig.type == "CONSULT"):
            return None  # one state acting on itself: not an interaction between actors
        modality, future_in_past = modality_of(tok)
        type_, mode = trig.type, trig.mode
        if modality == "negated" and type_ in _COOPERATIVE and _future_refusal(tok):
            # "will not accept refugees", "would not meet their demands": a refusal (PLOVER)
            type_, mode, modality = "REJECT", "", "asserted"
        if type_ in _COOPERATIVE_FUTURE and (modality == "planned" or future_in_past):
            type_, mode = "AGREE", ""
        if type_ == "CONSULT" and not mode and len(_codes(source) | _codes(target)) >= 3:
            mode = "multilateral"
        conf = trig.weight * (0.9 if explicit else 0.6)
        conf *= min([a.confidence for a in source + target] or [1.0])
        text = sent.doc[first.i:end].text
        return RawEvent(type_, mode, _dedupe(source), _dedupe(target), modality, tok, text,
                        round(conf, 3), sent, notes)


# -- trigger matching ---------------------------------------------------------------------

# What may stand between the words of a multi-word trigger: "paid [a state] visit",
# "hold [official] talks" — modifiers, not a new phrase ("made [after the] visit").
_GAP_POS = {"DET", "ADJ", "ADV", "NUM", "PRON", "PART", "NOUN", "PROPN", "AUX"}


def _phrase_head(span: SpacySpan) -> Token:
    """The token of a multi-word trigger whose head lies outside it."""
    for t in span:
        if not (span.start <= t.head.i < span.end) or t.head.i == t.i:
            return t
    return span[0]


def _match(tok: Token, trig: Trigger, sent: SpacySpan) -> int | None:
    """End token index when the trigger's lemmas occur from `tok` (with allowed gaps)."""
    i = tok.i
    doc = sent.doc
    for lemma in trig.lemmas[1:]:
        limit = min(sent.end, i + 2 + trig.gap)
        j = None
        for k in range(i + 1, limit):
            if doc[k].lemma_.lower() == lemma or doc[k].lower_ == lemma:
                j = k
                break
            if doc[k].pos_ not in _GAP_POS and doc[k].dep_ not in ("amod", "compound", "nummod", "poss", "det"):
                return None
        if j is None:
            return None
        i = j
    return i + 1


def _pos_ok(tok: Token, trig: Trigger) -> bool:
    if not trig.pos:
        return True
    if trig.pos == "VERB":
        return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")
    if trig.pos == "NOUN":
        return tok.pos_ in ("NOUN", "PROPN")
    return tok.pos_ == trig.pos or trig.pos == "ADJ" and tok.pos_ in ("ADJ", "VERB")


def _object_ok(tok: Token, trig: Trigger, sent: SpacySpan) -> bool:
    if not trig.needs_object:
        return True
    near = list(tok.children)
    for c in list(near):
        if c.dep_ in ("prep", "agent", "dobj", "nsubjpass", "attr", "pobj", "conj"):
            near.extend(c.children)
    if tok.dep_ in ("acl", "relcl", "amod", "compound"):
        near.append(tok.head)
    lemmas = set()
    for c in near:
        lemmas.add(c.lemma_.lower())
        if c.head.i == tok.i:
            lemmas.update(x.lemma_.lower() for x in c.children if x.dep_ in ("compound", "amod"))
    lemmas.add(tok.head.lemma_.lower())
    return bool(lemmas & trig.needs_object)


_REPORTING = {"say", "tell", "state", "declare", "insist", "warn", "announce", "stress",
              "write", "argue", "remind", "note", "add", "reiterate"}
_OBLIGATION = {"must", "should"}


def _reported_demands(sent: SpacySpan, tm: dict[int, Mention]) -> list[RawEvent]:
    """'Russia said Sudan must return the helicopter': a demand by the speaker (REQUEST)."""
    out = []
    for tok in sent:
        if tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in _REPORTING:
            continue
        if not any(c.dep_ == "aux" and c.lower_ in _OBLIGATION for c in tok.children):
            continue
        target = [a for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") for a in _actors_in(c, tm)]
        source = _subject_actors(tok.head, tm)
        if not source or not target or _codes(source) == _codes(target):
            continue
        out.append(RawEvent("REQUEST", "", _dedupe(source), _dedupe(target), "asserted", tok.head,
                            f"{tok.head.text} ... must", 0.6, sent, ["reported-obligation"]))
    return out


_UNSEEN_AGENT = {"ASSAULT", "COERCE"}
_NOT_TRIGGER_ENTS = {"DATE", "TIME", "PERSON", "GPE", "MONEY", "PERCENT", "QUANTITY", "CARDINAL",
                     "ORDINAL", "LOC"}
# Acts with no recipient: no target is borrowed from the context for them.
_NO_RECIPIENT_MODES = {"resign", "disarm"}
_FROM_IS_SOURCE = {"support", "backing", "aid", "assistance", "help", "loan", "credit", "grant",
                   "donation", "investment", "praise", "congratulation", "invitation", "offer",
                   "demand", "request", "appeal", "call", "threat", "warning", "pressure",
                   "criticism", "accusation", "protest", "visit", "delegation"}


def _passive(tok: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)


# Types whose events we keep only with a recipient (or several parties): cooperation and
# sanctions are acts toward someone; demands, accusations, threats, refusals, protests and
# violence are often reported with the recipient left implicit (PLOVER ch. 3).
_NEEDS_TARGET = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "SANCTION"}
_COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
_RECEIVE_VERBS = {"garner", "receive", "get", "win", "enjoy", "obtain", "secure", "accept", "gain",
                  "attract", "welcome", "seek", "request"}


def _one_per_type(events: list[RawEvent]) -> list[RawEvent]:
    """In one sentence, an event whose actors are among those of another of the same type
    is the same occurrence told twice ("met ... to discuss", "talks ... discussions")."""
    def codes(e: RawEvent) -> set[str]:
        return _codes(e.source) | _codes(e.target)

    keep: list[RawEvent] = []
    for ev in sorted(events, key=lambda e: (-len(codes(e)), e.mode == "", -e.confidence)):
        if not any(k.type == ev.type and codes(ev) <= codes(k) for k in keep):
            keep.append(ev)
    return sorted(keep, key=lambda e: e.trigger.i)


_AIM_VERBS = {"fire", "shoot", "aim", "strike", "hurl", "throw", "point", "launch", "direct",
              "jab", "swipe", "lash", "protest", "demonstrate", "rally", "arrive"}
_CONVENE = {"hold", "take", "convene", "gather", "open", "host", "organize", "organise", "be"}


def _future_refusal(tok: Token) -> bool:
    """'will not' / 'would not' / 'won't' on the trigger or the verb it completes."""
    for t in (tok, tok.head):
        aux = {c.lower_ for c in t.children if c.dep_ == "aux"}
        neg = any(c.dep_ == "neg" for c in t.children)
        if neg and aux & {"will", "would", "wo", "shall"}:
            return True
    return False


def _summit_parties(tok: Token, named: list[Actor], tm: dict[int, Mention]) -> list[Actor]:
    """Everyone at a summit is on both sides: its organisation and host ("the SCO summit
    held in Uzbekistan"), the organisations named in its clause ("where the Turkic Council
    became ..."), and the actors of the event it is the occasion of ("at the summit, China,
    Kyrgyzstan and Uzbekistan signed ...")."""
    parties = list(named)
    for c in tok.children:
        if c.dep_ in ("relcl", "acl"):
            parties += [a for a in _actors_in(c, tm, deep=True) if a.code == "IGO" or c.dep_ == "acl"]
    cur = tok
    for _ in range(5):
        head = cur.head
        if head.i == cur.i:
            break
        if head.pos_ in ("VERB", "AUX"):
            if head.lemma_.lower() in _CONVENE and cur.dep_ in ("nsubj", "nsubjpass", "dobj"):
                # "the summit (was) held in Uzbekistan": the host takes part
                parties += [a for p in head.children if p.dep_ == "prep" and p.lower_ == "in"
                            for a in _pobj_actors(p, tm)]
            else:
                parties += _subject_actors(head, tm)
                break
        cur = head
    return _dedupe(parties)


def _main_events(events: list[RawEvent]) -> list[RawEvent]:
    """Drop events whose trigger sits inside the phrase or clause of another event's trigger
    ("rejected an invitation to attend a [meeting]", "accused X of ... in the [negotiations]"):
    the sentence reports the governing event; coordinated verbs ("visited and signed") stay."""
    keep = []
    for ev in events:
        # A same-type trigger inside another ("discussed Mirziyoyev's visit") is left for
        # _one_per_type, which prefers the more specific one.
        if not any(_descends(ev.trigger, o.trigger) for o in events
                   if o.trigger.i != ev.trigger.i and o.type != ev.type):
            keep.append(ev)
    return keep


def _descends(tok: Token, ancestor: Token) -> bool:
    cur = tok
    while cur.head.i != cur.i:
        if cur.dep_ in ("conj", "advcl", "parataxis") or \
                cur.dep_ == "prep" and cur.lower_ in _OCCASION_PREPS:
            return False
        if cur.head.i == ancestor.i:
            return True
        cur = cur.head
    return False


def _best_per_token(found: list[tuple[Token, Trigger, int]]) -> list[tuple[Token, Trigger, int]]:
    """One trigger per token: the longest phrase, then the heaviest weight."""
    best: dict[int, tuple[Token, Trigger, int]] = {}
    for f in found:
        cur = best.get(f[0].i)
        key = (f[2] - f[0].i, bool(f[1].needs_object), f[1].weight)
        if cur is None or key > (cur[2] - cur[0].i, bool(cur[1].needs_object), cur[1].weight):
            best[f[0].i] = f
    # Tokens inside a longer multi-word trigger do not fire on their own.
    covered = {i for t, _, e in best.values() for i in range(t.i + 1, e)}
    return [f for i, f in sorted(best.items()) if i not in covered]


def _dominated(tok: Token, others: list[Token]) -> bool:
    """True when another trigger governs this one as its complement ("agreed to [sign]")."""
    cur = tok
    steps = 0
    while cur.head.i != cur.i and steps < 4:
        if cur.dep_ == "prep" and cur.lower_ in _OCCASION_PREPS:
            return False   # "signed at the [summit]": an occasion, an event of its own
        if cur.dep_ not in _DOMINATE and cur.dep_ not in ("pobj", "prep"):
            return False
        cur = cur.head
        steps += 1
        if cur in others and cur.i != tok.i:
            return True
    return False


# -- roles -------------------------------------------------------------------------------

def _roles(tok: Token, sent: SpacySpan, tm: dict[int, Mention]) -> tuple[list[Actor], list[Actor]]:
    source: list[Actor] = []
    target: list[Actor] = []
    between = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("between", "among", "amongst")]
    if tok.pos_ in ("NOUN", "PROPN") and between:
        # "the clashes between Kyrgyzstan and Tajikistan": the parties are on both sides.
        both = [a for c in between for a in _pobj_actors(c, tm) if a.code]
        if len(_codes(both)) >= 2:
            return both, list(both)
    if tok.pos_ in ("NOUN", "PROPN"):
        if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
            tok = tok.head          # "the mediator role adopted by ...": the phrase's head
        for c in tok.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod"):
                source += _actors_in(c, tm)
            elif c.dep_ == "prep" and c.lower_ in ("of", "by"):
                source += _pobj_actors(c, tm)
            elif c.dep_ == "prep" and c.lower_ == "from" and tok.lemma_.lower() in _FROM_IS_SOURCE:
                source += _pobj_actors(c, tm)   # "backing from Uzbekistan", "aid from China"
            elif c.dep_ == "prep" and c.lower_ in _TARGET_PREPS:
                target += _pobj_actors(c, tm)
            elif c.dep_ == "acl" and c.tag_ == "VBN":
                # "the visit made by X", "the role adopted by X"
                source += [a for g in c.children if g.dep_ == "agent" for a in _pobj_actors(g, tm)]
        verb = _governing_verb(tok)
        if source and not target and verb is not None and verb.lemma_.lower() in _RECEIVE_VERBS:
            target = _subject_actors(verb, tm)   # "X garners backing from Y": Y supports X
        elif not source and verb is not None:
            source = _subject_actors(verb, tm)
            if not target:
                target = _object_actors(verb, tm, exclude=tok)
    else:
        source = _subject_actors(tok, tm)
        target = _object_actors(tok, tm)
    source = [a for a in source if a.code]
    target = [a for a in target if a.code and not any(a is s for s in source)]
    return source, target


def _governing_verb(tok: Token) -> Token | None:
    cur = tok
    for _ in range(3):
        if cur.dep_ in ("dobj", "nsubjpass", "attr", "pobj", "prep", "conj", "appos"):
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX"):
                return cur
        else:
            return None
    return None


def _subject_actors(verb: Token, tm: dict[int, Mention]) -> list[Actor]:
    cur = verb
    for _ in range(4):
        subj = [c for c in cur.children if c.dep_ in _SOURCE_DEPS]
        passive = [c for c in cur.children if c.dep_ == "nsubjpass"]
        agent = [c for c in cur.children if c.dep_ == "agent"]
        if agent:
            return [a for c in agent for a in _pobj_actors(c, tm)]
        if subj:
            actors = [a for c in subj for a in _actors_in(c, tm)] or \
                [a for c in subj for a in _actors_in(c, tm, deep=True)]
            if actors:
                return actors
            if any(c.lower_ not in _SUBJ_PRONOUNS for c in subj):
                return []
        elif passive:
            return []
        if cur.dep_ == "acl" and cur.tag_ == "VBG":
            # "Kyrgyzstan, complaining about ...": the noun does the action.
            return _actors_in_token(cur.head, tm)
        if cur.dep_ in ("xcomp", "conj", "ccomp", "advcl", "acomp", "relcl") and cur.head.i != cur.i:
            if cur.dep_ == "relcl":
                return _actors_in_token(cur.head, tm)
            cur = cur.head
            continue
        break
    return []


def _object_actors(verb: Token, tm: dict[int, Mention], exclude: Token | None = None) -> list[Actor]:
    out: list[Actor] = []
    for c in verb.children:
        if exclude is not None and c.i == exclude.i:
            if exclude is not None:
                for cc in c.children:
                    if cc.dep_ == "prep" and cc.lower_ in _TARGET_PREPS:
                        out += _pobj_actors(cc, tm)
            continue
        if c.dep_ in ("dobj", "dative", "nsubjpass", "attr", "oprd"):
            out += _actors_in(c, tm)
        elif c.dep_ == "prep" and c.lower_ == "at" and verb.lemma_.lower() not in _AIM_VERBS:
            continue   # "signed at the SCO summit": where, not to whom ("fired at" is aimed)
        elif c.dep_ == "prep" and c.lower_ in _TARGET_PREPS | {"in"}:
            out += _pobj_actors(c, tm, in_prep=c.lower_ == "in")
        elif c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX"):
            out += _object_actors(c, tm)
    return out


def _pobj_actors(prep: Token, tm: dict[int, Mention], in_prep: bool = False) -> list[Actor]:
    out: list[Actor] = []
    for c in prep.children:
        if c.dep_ in ("pobj", "pcomp"):
            for a in _actors_in(c, tm):
                out.append(a)
    if in_prep:
        # "talks in Tashkent": a seat of government stands for its state; other places are
        # where the event happened, not who it happened to.
        out = [a for a in out if not a.actor_id.startswith("place:")]
    return out


def _actors_in(tok: Token, tm: dict[int, Mention], *, deep: bool = False) -> list[Actor]:
    """Actors mentioned in the phrase headed by `tok` (nested clauses left out unless `deep`:
    "a newspaper based in Beirut" names its state only inside the participle)."""
    seen: list[Mention] = []
    stack = [tok]
    while stack:
        t = stack.pop()
        m = tm.get(t.i)
        if m is not None and m not in seen:
            seen.append(m)
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "as":
                continue   # "election as a member of the Security Council": a role, not a party
            if c.dep_ not in _SKIP_SUBTREE or deep and c.dep_ in ("acl", "relcl"):
                stack.append(c)
    seen.sort(key=lambda m: m.start)
    if any(not m.weak and m.codes for m in seen):
        # "the Russian-led CSTO": the adjective qualifies, the organisation acts.
        seen = [m for m in seen if not m.weak]
    out = []
    for m in seen:
        out.extend(m.actors)
    return out


def _actors_in_token(tok: Token, tm: dict[int, Mention]) -> list[Actor]:
    m = tm.get(tok.i)
    return list(m.actors) if m else []


def _nearest_other(tok: Token, sent: SpacySpan, mentions: list[Mention], source: list[Actor],
                   tm: dict[int, Mention], *, before: bool = False) -> list[Actor]:
    """The closest mention in the sentence that is not the source (after the trigger first)."""
    src = _codes(source)
    cands = [m for m in mentions if sent.start_char <= m.start < sent.end_char and not m.weak
             and not m.location and m.codes and not set(m.codes) <= src]
    if not cands:
        return []
    # Only after the trigger: "X visited ... Y"; what came before is usually the agent.
    after = [m for m in cands if m.start >= tok.idx]
    if not after:
        # Help and support go to the partner the sentence named before ("... the Kyrgyz
        # capital ..., Kazakhstan stepped in to offer support").
        return list(cands[-1].actors) if before else []
    picked = [after[0]]
    text = sent.doc.text
    for m in after[1:]:
        # "... between Kyrgyzstan and Tajikistan": the coordinated names go together.
        if text[picked[-1].end:m.start].strip() in (",", "and", ", and"):
            picked.append(m)
        else:
            break
    return [a for m in picked for a in m.actors]


def _preceding(tok: Token, sent: SpacySpan, mentions: list[Mention], target: list[Actor],
               tm: dict[int, Mention]) -> list[Actor]:
    tgt = _codes(target)
    cands = [m for m in mentions if sent.start_char <= m.start < tok.idx and not m.location
             and m.codes and not set(m.codes) <= tgt]
    return list(cands[-1].actors) if cands else []


def _codes(actors: list[Actor]) -> set[str]:
    return {a.code for a in actors if a.code}


def _dedupe(actors: list[Actor]) -> list[Actor]:
    """One actor per code (per organisation for IGOs), the most specific mention kept:
    a named person over a role or agent, over a bare state or capital."""
    best: dict[tuple[str, str], Actor] = {}
    for a in actors:
        key = (a.code, a.text if a.code == "IGO" else "")
        cur = best.get(key)
        if cur is None or _specificity(a) > _specificity(cur):
            best[key] = a
    return list(best.values())


def _specificity(a: Actor) -> int:
    return 2 * a.actor_id.startswith("person:") + bool(a.sector)


def doc_token_mentions(doc: Doc, offset: int, mentions: list[Mention]) -> dict[int, Mention]:
    """Map the tokens of a parsed sentence doc to the mentions that cover them."""
    out: dict[int, Mention] = {}
    for m in mentions:
        span = doc.char_span(m.start - offset, m.end - offset, alignment_mode="expand")
        if span is None:
            continue
        for t in span:
            out.setdefault(t.i, m)
    return out


def _assign_regions(sent: SpacySpan, events: list[RawEvent], triggers: list[Token]) -> None:
    """Give each event the words whose nearest trigger above them is its own (or none):
    in "the summit, the first meeting since the [invasion] in February 2022", the date
    belongs to the invasion, not to the summit."""
    heads = {t.i for t in triggers} | {e.trigger.i for e in events}
    owner: dict[int, int | None] = {}
    for tok in sent:
        cur, found = tok, None
        for _ in range(12):
            if cur.i in heads:
                found = cur.i
                break
            if cur.head.i == cur.i:
                break
            cur = cur.head
        owner[tok.i] = found
    for ev in events:
        ev.region = [(t.idx, t.idx + len(t)) for t in sent if owner[t.i] in (None, ev.trigger.i)]
