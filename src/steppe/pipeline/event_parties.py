"""Who acts and who is acted on, for the kinds of act whose parties the generic roles
(roles.py) do not find: partners acting together, payees, who flees and who made them,
the place investigated or where an act happened, a demand's addressee, a condition's
subject, a judge, territory, both sides of a border, agents of no state, the reporter of
a clause."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from steppe.facts import Actor
from steppe.pipeline.lexicon import Cues, Lexicon
from steppe.pipeline.mentions import Mention
from steppe.pipeline.roles import RoleWords, actors_in, codes_of, dedupe, hyphen_pair, pobj_actors, subject_actors
from steppe.pipeline.triggers import TriggerGrammar

__all__ = ["both_sides", "clause_addressee", "condition_clause", "condition_subject", "flight",
           "investigated_place", "joint_partners", "judgement", "patient_of", "payees",
           "reporter", "speaker", "stateless_subject", "territory", "unattached_agent",
           "weapon_subject", "where_it_happened", "with_conjunct_heads"]


def joint_partners(tok: Token, tm: dict[int, Mention], words: TriggerGrammar) -> list[Actor]:
    """'Kazakh police, together with Kyrgyz colleagues, arrested ...', 'Tajik troops
    alongside Russian units patrolled ...': a partner phrase on the act's verb or its subject
    (or on the comma the parse may hang it on) names a state acting with the agent."""
    if tok.pos_ not in ("VERB", "AUX"):
        return []
    doc = tok.doc
    heads = [tok, *(c for c in tok.children if c.dep_ in ("nsubj", "punct"))]
    out: list[Actor] = []
    for prep in (c for h in heads for c in h.children if c.dep_ == "prep"):
        for phrase in words.joint_partner_phrases:
            start = prep.i - len(phrase) + 1
            if start >= 0 and tuple(t.lower_ for t in doc[start:prep.i + 1]) == phrase:
                out += pobj_actors(prep, tm)
                break
    return [a for a in out if a.code]


def with_conjunct_heads(tok: Token) -> list[Token]:
    """The verb and the verbs it is coordinated under ("detained ... and [seized]" -> seized,
    detained): a marker or object on the first conjunct is shared by the others."""
    verbs = [tok]
    while verbs[-1].dep_ == "conj" and verbs[-1].head.i != verbs[-1].i:
        verbs.append(verbs[-1].head)
    return verbs


def investigated_place(tok: Token, tm: dict[int, Mention]) -> list[Actor]:
    """The one state named as where the thing investigated happened: an "in" place inside
    the object of "investigate" or the "into"/"of" phrase of an investigation ("an air
    strike that killed nine civilians in Afghanistan's Kunduz province")."""
    heads = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
    looked_into = [c for h in heads for c in h.children
                   if c.dep_ == "dobj" and h.i == tok.i or c.dep_ == "prep" and c.lower_ in ("into", "of", "over")]
    places = [a for x in looked_into for p in x.subtree if p.dep_ == "prep" and p.lower_ == "in"
              for a in pobj_actors(p, tm) if a.code and a.code != "IGO"]
    if len(codes_of(places)) != 1:
        return []
    return [replace(places[0], actor_id=f"state:{places[0].code}")]


def where_it_happened(tok: Token, tm: dict[int, Mention], words: RoleWords) -> list[Actor]:
    """'riots broke out in Jakarta', 'protests were held in Bishkek', 'a rally in Almaty': the
    state of the place an act named by a noun happens "in" (on the noun, or on the verb that
    tells it happen), as an actor of that state."""
    heads = [tok]
    if tok.dep_ in ("nsubj", "nsubjpass") and \
            tok.head.lemma_.lower() in words.happening_verbs | words.convene_verbs:
        heads.append(tok.head)
    places = [a for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "in"
              for a in pobj_actors(p, tm) if a.code and a.code != "IGO"]
    if len(codes_of(places)) != 1:
        return []
    return [replace(places[0], actor_id=f"state:{places[0].code}", confidence=0.6)]


def both_sides(tok: Token, tm: dict[int, Mention], words: TriggerGrammar) -> list[Actor]:
    """'troop build-ups on both sides of the Kyrgyz-Tajik border', 'troops were massed on
    either side of the Indian-Pakistani frontier': a place told with both its sides names
    the two states of its hyphenated pair as the parties of whatever happens there; on one
    side only ("a blast near the Turkmen-Uzbek border") it names neither."""
    phrase = list(tok.subtree)
    if tok.dep_ in ("nsubj", "nsubjpass", "attr"):
        phrase += [t for p in tok.head.children if p.dep_ == "prep" for t in p.subtree]
    for t in phrase:
        if t.lemma_.lower() in words.two_sided_nouns and \
                any(d.lower_ in words.two_sided_dets for d in t.children if d.dep_ in ("det", "predet", "nummod")):
            return hyphen_pair(t, tm)
    return []


def flight(tok: Token, tm: dict[int, Mention], words: TriggerGrammar, lex: Lexicon,
            roles: RoleWords) -> tuple[list[Actor], list[Actor]]:
    """(source, target) of people fleeing (PLOVER 3.7.2: "the causative agent as the actor"):
    the one who made them flee ("Azerbaijani shelling forced thousands to flee", "forced to
    flee by X"), else the actors of the act they fled ("after the Azerbaijani offensive",
    "fled the fighting between X and Y", "to escape attacks by X", "as X advanced"), else the
    state of the place fled ("fled Myanmar"). Whoever flees is the target, else the people
    of the place they fled ("thousands fled Darfur")."""
    people = [a for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") for a in actors_in(c, tm)]
    cause: list[Actor] = []
    places: list[Actor] = []
    cur, made = tok, False
    while cur.dep_ in ("xcomp", "ccomp") and cur.head.i != cur.i:
        cur = cur.head
        if cur.lemma_.lower() in words.causative_verbs:
            made = True
            doers = [c for c in cur.children if c.dep_ in ("nsubj", "agent")]
            cause += [a for c in doers for a in
                      (pobj_actors(c, tm) if c.dep_ == "agent" else actors_in(c, tm, deep=True))]
            people = people or [a for c in cur.children if c.dep_ in ("dobj", "nsubjpass")
                                for a in actors_in(c, tm)]
            break
    if not people and not made:
        people = subject_actors(tok, tm, roles)

    def an_act(noun: Token) -> bool:
        return any(e.type not in lex.coding.cooperative and e.pos == "NOUN" for e in lex.entries_at(noun))

    for c in tok.children:
        if c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ in words.flight_causes:
            nouns = [c] if c.dep_ == "dobj" else [o for o in c.children if o.dep_ in ("pobj", "pcomp")]
            for n in nouns:
                (cause if an_act(n) or c.dep_ == "prep" and c.lower_ != "from" else places).extend(
                    actors_in(n, tm, deep=True))
        elif c.dep_ == "advcl":
            cause += actors_in(c, tm, deep=True)
    fled = [a for a in places if a.code]
    source = [a for a in cause if a.code] or fled
    target = [a for a in people if a.code] or fled
    if not codes_of(cause) and codes_of(people) and codes_of(people) <= codes_of(fled):
        return [], []    # "Former President Bakiyev fled Kyrgyzstan": leaving one's own state, no one drove him
    return dedupe(source), dedupe(target)


def payees(tok: Token, tm: dict[int, Mention], payment_verbs: frozenset[str]) -> list[Actor]:
    """Who is to be paid under the trigger: the "to" phrase or indirect object of a verb of
    paying it governs ("ordered X to pay $400 million [to a Turkish builder]", "to pay
    [Naftogaz] $2.6 billion")."""
    out: list[Actor] = []
    for verb in tok.subtree:
        if verb.lemma_.lower() not in payment_verbs or verb.pos_ != "VERB":
            continue
        for c in verb.children:
            if c.dep_ == "dative" or c.dep_ == "dobj" and any(d.dep_ == "dobj" and d.i > c.i for d in verb.children):
                out += actors_in(c, tm)
            elif c.dep_ == "prep" and c.lower_ == "to":
                out += pobj_actors(c, tm)
        # "$100 million in damages to Kyrgyzstan": the "to" on what is paid
        out += [a for o in verb.children if o.dep_ == "dobj" for p in o.subtree
                if p.dep_ == "prep" and p.lower_ == "to" for a in pobj_actors(p, tm)]
    return [a for a in out if a.code]


def weapon_subject(tok: Token, weapon_modes: dict[str, str]) -> str:
    """The ASSAULT mode of a weapon that is the subject of the act ("a roadside bomb
    killed", "a suicide bomber attacked"): the mode of its modifier or of its head noun, ""
    when the subject is no weapon."""
    for c in tok.children:
        if c.dep_ == "nsubj":
            for word in [*(m for m in c.children if m.dep_ in ("compound", "amod")), c]:
                if word.lemma_.lower() in weapon_modes:
                    return weapon_modes[word.lemma_.lower()]
    return ""


def clause_addressee(tok: Token, tm: dict[int, Mention]) -> list[Actor]:
    """'demanded that China open its market', 'insisted that Spain endorse the plan': the one
    a demand is made of is the subject of the clause that says what is demanded (PLOVER 3.8:
    the recipient is who is asked to act), not a state named inside what is asked; likewise
    the one let in by 'allowed X to visit'."""
    if tok.pos_ != "VERB":
        return []
    for c in tok.children:
        if c.dep_ == "ccomp":
            for s in c.children:
                if s.dep_ in ("nsubj", "nsubjpass"):
                    return actors_in(s, tm)
    return []


def stateless_subject(tok: Token, tm: dict[int, Mention], what: str) -> bool:
    """The act's subject is an agent (`what` "generic": "gunmen", "kidnappers") or a titled
    person the KB lacks ("person": "President Isaias Afwerki") that no state is named for."""
    for c in tok.children:
        m = tm.get(c.i)
        if c.dep_ == "nsubj" and m is not None and not m.codes and \
                (m.kind if what == "generic" else m.head) == what:
            return True
    return False


def condition_clause(clause: Token, markers: frozenset[str]) -> bool:
    """Whether an adverbial clause is a condition ("[if] talks fail")."""
    return any(m.dep_ == "mark" and m.lower_ in markers for m in clause.children)


def condition_subject(tok: Token, tm: dict[int, Mention], markers: frozenset[str]) -> list[Actor]:
    """The subject of a condition on the act or on the verb it governs ('threatened to use
    force if [Armenia] did not withdraw')."""
    verbs = [tok, *(c for c in tok.children if c.dep_ == "xcomp")]
    return [a for v in verbs for c in v.children if c.dep_ == "advcl" and condition_clause(c, markers)
            for s in c.children if s.dep_ in ("nsubj", "nsubjpass") for a in actors_in(s, tm)]


def unattached_agent(tok: Token, tm: dict[int, Mention], weapon_modes: dict[str, str]) -> bool:
    """'a suicide bomber killed five Chinese engineers', 'gunmen kidnapped ...': the act's
    agent is named, as a weapon or an agent of no state, and its phrase names no state
    either ("hackers working for Russian intelligence" do); so no other is borrowed for it
    (EventCoder._agentless keeps the act toward its victims)."""
    if not (weapon_subject(tok, weapon_modes) or stateless_subject(tok, tm, "generic")):
        return False
    return not any(a.code for c in tok.children if c.dep_ == "nsubj" for a in actors_in(c, tm, deep=True))


def speaker(tok: Token, tm: dict[int, Mention], cues: Cues, words: RoleWords) -> list[Actor]:
    """Who reports the clause of `tok`: the subject of the reporting verb it is the
    complement of, or the X of "according to X" attached to its clause."""
    return reporter(tok, tm, cues, words)[0]


def reporter(tok: Token, tm: dict[int, Mention], cues: Cues, words: RoleWords,
              claiming: frozenset[str] = frozenset()) -> tuple[list[Actor], str]:
    """(who reports the clause of `tok`, the lemma of the verb that reports it: "" for
    "according to X"); a verb of `claiming` reports too ("alleged that ...")."""
    cur = tok
    for _ in range(6):
        for c in cur.children:
            if c.dep_ == "prep" and c.lower_ == "according":
                return [a for g in c.children if g.dep_ == "prep" for a in pobj_actors(g, tm)], ""
        verb = cur.head.lemma_.lower()
        if cur.dep_ == "ccomp" and (verb in cues.reporting_verbs or verb in claiming):
            return subject_actors(cur.head, tm, words), verb
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return [], ""


def patient_of(tok: Token, source: list[Actor], target: list[Actor],
                tm: dict[int, Mention]) -> tuple[list[Actor], list[Actor]]:
    """'Russia's deportation of Tajik migrants', 'the arrest of Kyrgyz traders by Uzbek
    police': when an act named by a noun has its agent (a possessor, an adjective, "by"),
    its "of" names whom it is done to, not a second agent ("the visit of X": X visits)."""
    of = [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for a in pobj_actors(c, tm)]
    if not of:
        return source, target
    agents = [a for a in source if a not in of]
    if not codes_of(agents) or not codes_of(of) - codes_of(agents):
        return source, target
    return agents, dedupe(target + of)


def judgement(tok: Token, tm: dict[int, Mention], cues: Cues, judging: frozenset[str],
               words: RoleWords) -> tuple[list[Actor], list[Actor]]:
    """'X called the deal unacceptable', 'X said the deal was unacceptable': a predicate that
    judges something is the act of the judge, the subject of the verb of calling or saying
    above it; the target is whoever the rest of that clause names."""
    cur = tok
    for _ in range(5):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.lemma_.lower() in judging or cur.lemma_.lower() in cues.reporting_verbs:
            source = subject_actors(cur, tm, words)
            src = codes_of(source)
            target = [a for c in cur.children if c.dep_ not in ("nsubj", "nsubjpass", "csubj")
                      for a in actors_in(c, tm, deep=True) if a.code and a.code not in src]
            return source, target
    return [], []


def territory(tok: Token, tm: dict[int, Mention], preps: frozenset[str],
               recipient: bool = False) -> list[Actor]:
    """'Tajik citizens were denied entry into Russia', 'were deported from Russia': the state
    named as where an act happens (on the verb or its object), other than the people it
    happens to; with `recipient`, also where the one it is handed to is ("a note was handed
    to the ambassador in Bishkek", "... at the Russian foreign ministry")."""
    heads = [tok] + [c for c in tok.children if c.dep_ == "dobj"]
    if recipient:
        heads += [o for c in tok.children if c.dep_ == "dative" or c.dep_ == "prep" and c.lower_ == "to"
                  for o in ([c] if c.dep_ == "dative" else c.children) if o.dep_ in ("pobj", "dative")]
    where = [a for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in preps
             for a in pobj_actors(c, tm, in_prep=True)]
    people = codes_of([a for c in tok.children if c.dep_ == "nsubjpass" for a in actors_in(c, tm)])
    return [a for a in where if a.code and a.code not in people]
