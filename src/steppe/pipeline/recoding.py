"""The words around an act that change how PLOVER codes it (EventCoder._recode): a
disaster it answers, aid it is given as, one's own conflict it asks to end, harm it
promises or sets a condition for, a partner it is done with, a refusal to come."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from steppe.facts import Actor
from steppe.pipeline.event_parties import condition_clause, joint_partners, with_conjunct_heads
from steppe.pipeline.lexicon import Cues, Lexicon
from steppe.pipeline.mentions import Mention
from steppe.pipeline.roles import codes_of
from steppe.pipeline.triggers import TriggerGrammar, triggers_at

__all__ = ["about_disaster", "conditional", "done_jointly", "ends_own_conflict", "future_refusal", "given_as_aid",
           "promised_harm", "said_in_speech", "travellers"]


def done_jointly(tok: Token, words: TriggerGrammar, tm: dict[int, Mention]) -> bool:
    """An act told as done together: a joint marker on it or on a verb it is coordinated
    with ("[jointly] detained ... and seized"), on its agent ("a [joint] Kazakh-Kyrgyz
    patrol"), in the frame it is done in ("in a [joint] raid"), or a partner phrase."""
    for v in with_conjunct_heads(tok):
        for c in v.children:
            if c.dep_ in ("advmod", "amod") and c.lower_ in words.joint_markers:
                return True
            agent = c.dep_ in ("nsubj", "agent")
            frame = c.dep_ == "prep" and c.lower_ in words.joint_frame_preps
            if (agent or frame) and any(t.dep_ == "amod" and t.lower_ in words.joint_markers
                                        for t in c.subtree):
                return True
        if joint_partners(v, tm, words):
            return True
    return False


def about_disaster(tok: Token, disaster_words: frozenset[str], purpose: bool) -> bool:
    """A disaster named in the act's own phrase, or in its verb's when the trigger is that
    verb's object ("declared a state of emergency after the [floods]"); with `purpose`, only
    in what the act is for ("deployed soldiers to help [flood] victims", "for [relief]"), not
    in when it happened ("deployed troops after the floods" is still a mobilization)."""
    head = tok.head if tok.dep_ in ("dobj", "nsubjpass", "attr") else tok
    parts = [c for c in head.children if not purpose or c.dep_ in ("xcomp", "advcl", "dobj")
             or c.dep_ == "prep" and c.lower_ == "for"]
    return any(t.lemma_.lower() in disaster_words or t.lower_ in disaster_words
               for c in parts for t in c.subtree)


def given_as_aid(tok: Token, preps: frozenset[str], lex: Lexicon) -> bool:
    """'delivered armoured vehicles as military aid', 'sent tanks as part of an assistance
    package', 'supplied radars under an aid programme': a transfer whose "as" or "under"
    phrase (on the verb or on what it hands over) names aid, a noun of an AID trigger."""
    heads = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
    return any(c.dep_ == "prep" and c.lower_ in preps and
               any(t.pos_ == "NOUN" and any(e.type == "AID" and e.pos == "NOUN" for e in lex.entries_at(t))
                   for t in c.subtree)
               for h in heads for c in h.children)


def ends_own_conflict(tok: Token, source: list[Actor], tm: dict[int, Mention], lex: Lexicon,
                       ending: frozenset[str], own_words: frozenset[str]) -> bool:
    """A call to end a conflict the caller is a party to ("called for an end to the conflict
    with Azerbaijan", "... to its war"), not a third party's ("... between Armenia and
    Azerbaijan"): the conflict names at most one other party, with "with" or the caller's own."""
    own = codes_of(source)
    for t in tok.subtree:
        if t.i == tok.i or t.lemma_.lower() not in ending:
            continue
        for c in t.subtree:
            if c.pos_ != "NOUN" or not any(tr.type == "ASSAULT" and tr.pos == "NOUN" for tr in lex.entries_at(c)):
                continue
            named = {code for x in c.subtree if x.i in tm for code in tm[x.i].codes}
            party = bool(named & own) or any(x.lower_ in own_words for x in c.subtree)
            if party and len(named - own) <= 1:
                return True
    return False


def conditional(tok: Token, markers: frozenset[str]) -> bool:
    """'would close the border if talks fail': a clause of condition on the act, or on the
    verbs it completes up to the clause that reports it."""
    cur = tok
    for _ in range(3):
        if any(c.dep_ == "advcl" and condition_clause(c, markers) for c in cur.children):
            return True
        if cur.dep_ not in ("xcomp", "dobj", "pobj", "prep") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def imagined(tok: Token, markers: frozenset[str]) -> bool:
    """'could have helped', 'if Kazakhstan had cooperated', 'would cooperate if asked': a case
    imagined or set on a condition, not an act that could come."""
    aux = [c for c in tok.children if c.dep_ == "aux"]
    if any(c.tag_ == "MD" for c in aux) and any(c.lemma_.lower() == "have" for c in aux):
        return True                         # a modal's perfect: what did not happen
    return any(c.dep_ == "mark" and c.lower_ in markers for c in tok.children) or conditional(tok, markers)


def promised_harm(tok: Token, sent: SpacySpan, lex: Lexicon) -> str:
    """The type of the forceful act a promise or readiness governs as its infinitive ('ready
    to [use force]', 'vowed to [attack]'), '' when it governs none (or a negated one)."""
    for c in tok.children:
        if c.dep_ != "xcomp" or any(g.dep_ == "neg" for g in c.children):
            continue
        found = [t for t in triggers_at(c, sent, lex) if not t.needs_object]
        if found:
            # the longest phrase says what is promised ("withdraw [from]" is no attack)
            best = max(found, key=lambda t: (len(t.lemmas), t.weight))
            if best.type in lex.coding.promised_threats:
                return best.type
    return ""


def future_refusal(tok: Token, cues: Cues) -> bool:
    """'will not' / 'would not' / 'won't' on the trigger or the verb it completes."""
    for t in (tok, tok.head):
        aux = {c.lower_ for c in t.children if c.dep_ == "aux"}
        neg = any(c.dep_ == "neg" for c in t.children)
        if neg and aux & cues.refusal_aux:
            return True
    return False


def said_in_speech(tok: Token, speech_nouns: frozenset[str]) -> bool:
    """An attack made with words: "used his speech to [attack] the United States",
    "[attacked] Moscow in an interview" (PLOVER 3.9: verbal criticism is ACCUSE)."""
    def speech(t: Token) -> bool:
        # ("a border post", "a radio address" name places and media, not what was said)
        return t.lemma_.lower() in speech_nouns and not any(c.dep_ == "compound" for c in t.children)
    if any(c.dep_ == "prep" and c.lower_ in ("in", "during") and any(speech(o) for o in c.children if o.dep_ == "pobj")
           for c in tok.children):
        return True
    # "used [his speech] to attack": the instrument is the governing verb's object
    head = tok.head if tok.dep_ in ("xcomp", "advcl") else None
    return head is not None and head.lemma_.lower() in ("use", "take") and \
        any(c.dep_ == "dobj" and speech(c) for c in head.children)


def judges_words(tok: Token, said: frozenset[str], documents: frozenset[str]) -> bool:
    """A judging predicate whose object is something said: "called the statements
    [unacceptable]", "said the remarks were [unacceptable]". Words are disapproved of
    (PLOVER 3.9 ACCUSE); a proposal, a deal or a draft is rejected (3.10)."""
    if tok.dep_ == "amod":   # the parser's reading of "called the statements (of X) unacceptable"
        judged = [tok.head]
        while judged[-1].dep_ == "pobj" and judged[-1].head.dep_ == "prep" and judged[-1].head.lower_ == "of":
            judged.append(judged[-1].head.head)
    elif tok.dep_ in ("acomp", "attr"):
        judged = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    elif tok.dep_ in ("oprd", "xcomp", "ccomp"):
        judged = [c for c in tok.head.children if c.dep_ == "dobj"]
    else:
        judged = []
    return any(t.lemma_.lower() in said and not any(
        c.dep_ == "compound" or c.lemma_.lower() in documents for c in t.children) for t in judged)


def travellers(subject: Token) -> set[str]:
    """What a subject is made of: its noun, and the noun of its "of" ("a group of
    [rescuers]", "a team of [doctors]")."""
    of = [o for p in subject.children if p.dep_ == "prep" and p.lower_ == "of"
          for o in p.children if o.dep_ == "pobj"]
    return {w for t in (subject, *of) for w in (t.lemma_.lower(), t.lower_)}
