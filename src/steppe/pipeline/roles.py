"""Who did it and to whom: the actors around a trigger in the dependency parse.

The subject (or a noun's possessor, "by"-agent or "from"-source) is the source;
objects and prepositional complements ("to", "with", "against", "between X and Y")
are the target. Mentions map onto tokens through `doc_token_mentions`.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from steppe.facts import Actor
from steppe.pipeline.mentions import Mention
from steppe.words import Grammar

_SOURCE_DEPS = {"nsubj", "csubj", "expl"}
_SKIP_SUBTREE = {"relcl", "acl", "advcl", "ccomp", "parataxis", "punct"}
_MODIFIER_CLAUSES = {"relcl", "acl", "advcl"}


@dataclass(frozen=True)
class RoleWords:
    """The word classes the roles read (data/words/<language>.yaml, section roles: what
    each list is for), and the month and weekday names that make a phrase a date."""

    target_preps: frozenset[str]
    between_preps: frozenset[str]
    aimed_preps: frozenset[str]
    occasion_preps: frozenset[str]
    subject_pronouns: frozenset[str]
    from_is_source: frozenset[str]
    receive_verbs: frozenset[str]
    aim_verbs: frozenset[str]
    convene_verbs: frozenset[str]
    attendance_verbs: frozenset[tuple[str, ...]]    # by word: ("attend",), ("take", "part")
    attended_preps: frozenset[str]          # of what is attended ("took part [in] the drills")
    attendee_sectors: frozenset[str]
    visitor_words: frozenset[str]
    party_nouns: frozenset[str]         # "thanked his [guests]": those met
    participant_preps: frozenset[str]
    # Words of talking over something, and the prepositions of their topic.
    topic_words: frozenset[str]
    topic_preps: frozenset[str]
    # Where an organisation is only a frame: "in"/"within" it, or the body a membership or
    # office belongs to ("the presidency of X in the CSTO", "observer to the EAEU").
    setting_preps: frozenset[str]
    membership_nouns: frozenset[str]
    # Nouns of a trend ("a surge in visits"): the acts they count are no occurrence.
    trend_nouns: frozenset[str]
    # Verbs that tell an act happen ("the talks took place"), not what it brought about.
    happening_verbs: frozenset[str]
    # Nouns of an act whose "of" names whom it is done to ("criticism of X").
    patient_nouns: frozenset[str]
    # Capitalised month and weekday names: what makes a fronted phrase a date ("On 2 March").
    time_names: frozenset[str]
    # What a complaint or praise is about: "concern [over] X's act" (events._grounds).
    grievance_preps: frozenset[str]
    # Nouns of something said, whose author a reaction to it is aimed at (claimant).
    claim_nouns: frozenset[str] = frozenset()
    # Nouns that count occasions ("rounds of talks").
    count_nouns: frozenset[str] = frozenset()
    # Participles that add a companion to the subject ("accompanied by").
    companion_participles: frozenset[str] = frozenset()
    # Verbs whose object is the act itself ("the ban imposed by Russia").
    act_verbs: frozenset[str] = frozenset()
    # "the closure of the [border] by Uzbekistan": a line two states share; an act on it
    # with no one else named is aimed at the state across it.
    border_nouns: frozenset[str] = frozenset()
    commentator_nouns: frozenset[str] = frozenset()    # "analysts said": no actor's act
    force_nouns: frozenset[str] = frozenset()          # "troops arrived": forces move, no visit
    relief_nouns: frozenset[str] = frozenset()         # "rescuers arrived": aid comes, no visit
    # "the intergovernmental [commission] met": a body two states hold together; when it
    # names neither, its meeting is the story's pair's.
    joint_bodies: frozenset[str] = frozenset()
    # "the presence of [foreign] forces": an agent told as another state's than the place's.
    foreign_words: frozenset[str] = frozenset()
    # "grew [despite] the war": a circumstance of the clause, not its subject's act.
    background_preps: frozenset[str] = frozenset()
    # "on the Tajik [side] of the border": a place, like "in" one.
    side_nouns: frozenset[str] = frozenset()
    # "the first meeting [since] Russia's invasion of Ukraine": a phrase bounding the act's
    # time names another act, whose parties are not this one's (dating's list).
    bounding_preps: frozenset[str] = frozenset()
    # "arrived in Samarkand [from] Kazakhstan": verbs of travel, whose "from" is where the
    # traveller came from, not whom the act is aimed at.
    travel_verbs: frozenset[str] = frozenset()

    @classmethod
    def from_grammar(cls, grammar: Grammar, language: str = "en") -> RoleWords:
        w = grammar.words(language, "roles")
        return cls(target_preps=w.set("target_prepositions"),
                   between_preps=w.set("between_prepositions"),
                   aimed_preps=w.set("aimed_prepositions"),
                   occasion_preps=w.set("occasion_prepositions"),
                   subject_pronouns=w.set("subject_pronouns"),
                   companion_participles=w.set("companion_participles"),
                   from_is_source=w.set("from_is_source"), receive_verbs=w.set("receive_verbs"),
                   aim_verbs=w.set("aim_verbs"), convene_verbs=w.set("convene_verbs"),
                   attendance_verbs=frozenset(tuple(v.split()) for v in w.set("attendance_verbs")),
                   attended_preps=w.set("attended_prepositions"),
                   attendee_sectors=frozenset(w.list("attendee_sectors")),   # codes, as written
                   visitor_words=w.set("visitor_words"), party_nouns=w.set("party_nouns"),
                   participant_preps=w.set("participant_prepositions"),
                   topic_words=w.set("topic_words"), topic_preps=w.set("topic_prepositions"),
                   setting_preps=w.set("setting_prepositions"),
                   membership_nouns=w.set("membership_nouns"),
                   trend_nouns=w.set("trend_nouns"), commentator_nouns=w.set("commentator_nouns"),
                   happening_verbs=w.set("happening_verbs"),
                   patient_nouns=w.set("patient_nouns"),
                   time_names=frozenset(grammar.time(language).names()),
                   grievance_preps=w.set("grievance_prepositions"),
                   claim_nouns=w.set("claim_nouns"), count_nouns=w.set("count_nouns"),
                   act_verbs=w.set("act_verbs"), border_nouns=w.set("border_nouns"),
                   joint_bodies=w.set("joint_bodies"),
                   foreign_words=w.set("foreign_words"),
                   background_preps=w.set("background_prepositions"),
                   side_nouns=w.set("side_nouns"),
                   bounding_preps=grammar.words(language, "dating").set("bounding_prepositions"),
                   travel_verbs=w.set("travel_verbs"), force_nouns=w.set("force_nouns"),
                   relief_nouns=w.set("relief_nouns"))


def summit_parties(tok: Token, named: list[Actor], tm: dict[int, Mention],
                   words: RoleWords) -> list[Actor]:
    """Everyone at a summit is on both sides: its organisation and host ("the SCO summit
    held in Uzbekistan"), the organisations named in its clause ("where the Turkic Council
    became ..."), and the actors of the event it is the occasion of ("at the summit, China,
    Kyrgyzstan and Uzbekistan signed ...")."""
    parties = list(named)
    for c in tok.children:
        if c.dep_ in ("relcl", "acl"):
            parties += [a for a in actors_in(c, tm, deep=True) if a.code == "IGO" or c.dep_ == "acl"]
    cur = tok
    for _ in range(5):
        head = cur.head
        if head.i == cur.i:
            break
        if head.pos_ in ("VERB", "AUX"):
            # "the summit is to be held in Kazakhstan": the verb of convening is the copula's
            head = next((c for c in head.children if c.dep_ == "xcomp" and head.lemma_ == "be"
                         and c.lemma_.lower() in words.convene_verbs), head)
            if head.lemma_.lower() in words.convene_verbs and cur.dep_ in ("nsubj", "nsubjpass", "dobj"):
                # "the summit (was) held in Uzbekistan": the host takes part
                parties += [a for p in head.children if p.dep_ == "prep" and p.lower_ == "in"
                            for a in pobj_actors(p, tm)]
            else:
                parties += subject_actors(head, tm, words)
                break
        cur = head
    return dedupe(parties)


def roles_of(tok: Token, tm: dict[int, Mention],
             words: RoleWords) -> tuple[list[Actor], list[Actor]]:
    source: list[Actor] = []
    target: list[Actor] = []
    between = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in words.between_preps]
    counted = _counted_by(tok, words)
    if tok.pos_ in ("NOUN", "PROPN") and counted.dep_ in ("nsubj", "nsubjpass"):
        # "talks were held between X and Y", "fighting broke out between X and Y", "twelve
        # rounds of talks took place between X and Y": the verb of an act named as its
        # subject only says that it happened; its "between" phrase is the act's, also where
        # the parse hangs it on the verb's adjunct ("were held at various levels between X
        # and Y").
        verb = counted.head
        between += [c for c in verb.children if c.dep_ == "prep" and c.lower_ in words.between_preps]
        between += [g for p in verb.children if p.dep_ == "prep" and p.lower_ not in words.between_preps
                    for o in p.children if o.dep_ == "pobj" and o.i not in tm
                    for g in o.children if g.dep_ == "prep" and g.lower_ in words.between_preps]
    if tok.pos_ in ("NOUN", "PROPN") and between:
        # "the clashes between Kyrgyzstan and Tajikistan": the parties are on both sides.
        both = [a for c in between for a in pobj_actors(c, tm) if a.code]
        if len(codes_of(both)) >= 2:
            return both, list(both)
    if tok.pos_ in ("NOUN", "PROPN"):
        if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
            tok = tok.head          # "the mediator role adopted by ...": the phrase's head
        for c in tok.children:
            if c.dep_ in ("compound", "nmod") and c.i in tm and tm[c.i].location:
                continue            # "the Samarkand meeting": where it was held, not who met
            if c.dep_ in ("poss", "compound", "amod", "nmod"):
                source += actors_in(c, tm)
            elif c.dep_ == "prep" and c.lower_ == "of" and tok.lemma_.lower() in words.patient_nouns:
                target += pobj_actors(c, tm)   # "criticism of X", "the arrest of X": done to X
            elif c.dep_ == "prep" and c.lower_ in ("of", "by", "in"):
                # "the suspension of air links with X", "a halt in supplies to X": what the
                # act is done to is no actor; the partner of that thing is the act's
                # recipient, not its agent.
                things = [p for o in c.children if o.dep_ == "pobj" and o.i not in tm
                          for p in o.children if p.dep_ == "prep" and p.lower_ in words.target_preps]
                if things:
                    partners = [a for p in things for a in pobj_actors(p, tm)]
                    target += partners
                    # "the halt in Turkmen gas supplies to Uzbekistan": a flow from one
                    # state to another is stopped by the one it comes from
                    source += [a for o in c.children if o.dep_ == "pobj"
                               for m in o.children if m.dep_ in ("amod", "compound", "nmod")
                               for a in actors_in(m, tm) if a.code and a.code not in codes_of(partners)]
                elif c.lower_ != "in":
                    source += pobj_actors(c, tm)
            elif c.dep_ == "prep" and c.lower_ == "from" and tok.lemma_.lower() in words.from_is_source:
                source += pobj_actors(c, tm)   # "backing from Uzbekistan", "aid from China"
            elif c.dep_ == "prep" and _topic(tok, c, words):
                target += [a for p in _partner_phrases(c, words) for a in pobj_actors(p, tm)]
            elif c.dep_ == "prep" and c.lower_ in words.target_preps:
                target += pobj_actors(c, tm)
            elif c.dep_ == "acl" and c.tag_ == "VBN":
                # "the visit made by X", "the role adopted by X"
                source += [a for g in c.children if g.dep_ == "agent" for a in pobj_actors(g, tm)]
        if not codes_of(source):
            # "the ban on Kyrgyz dairy imposed by Russia": the participle that imposes the
            # act, which the parse hangs on the act's own object
            source += [a for p in tok.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
                       for c in o.children if c.dep_ == "acl" and c.tag_ == "VBN"
                       and c.lemma_.lower() in words.act_verbs
                       for g in c.children if g.dep_ == "agent" for a in pobj_actors(g, tm)]
        if not codes_of(source):
            # "the closing of the crossing by Kyrgyzstan": the parse hangs the act's agent on
            # the thing acted on, which no one names
            source += [a for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                       for o in p.children if o.dep_ == "pobj" and o.i not in tm
                       for g in o.children if g.dep_ == "prep" and g.lower_ == "by"
                       for a in pobj_actors(g, tm)]
        verb = _governing_verb(tok)
        if source and not target and verb is not None and verb.lemma_.lower() in words.receive_verbs:
            target = subject_actors(verb, tm, words)   # "X garners backing from Y": Y supports X
        elif not codes_of(source) and verb is not None and verb.lemma_.lower() in words.receive_verbs \
                and tok.lemma_.lower() in words.from_is_source and \
                codes_of(givers := [a for p in verb.children if p.dep_ == "prep" and p.lower_ == "from"
                                    for a in pobj_actors(p, tm)]):
            # "X received 120 tonnes of aid from Y": the "from" the parse hangs on the verb
            # names the giver, the verb's subject the receiver
            source, target = givers, subject_actors(verb, tm, words)
        elif not codes_of(source) and verb is not None and \
                not (tok.dep_ == "pobj" and tok.head.lower_ in words.background_preps):
            # "expanded [military] cooperation": a sector word names no state, the verb's does;
            # "trade grew despite the [war]": the war is no act of the trade's parties
            source = subject_actors(verb, tm, words)
            if not target:
                # "during the talks, the situation was considered": what the verb of an
                # occasion's clause undergoes happened at it; it is not the other party.
                adjunct = tok.dep_ == "pobj"
                # "X and Y signed an [agreement] in Moscow": as below, the place is no party
                # when the subject already names both sides
                target = object_actors(verb, tm, words, exclude=tok, undergoer=not adjunct,
                                       where=len(codes_of(source)) < 2)
    else:
        source = subject_actors(tok, tm, words)
        # "Tokayev and Japarov met in Moscow": the place is no party when the subject
        # already names both sides.
        target = object_actors(tok, tm, words, where=len(codes_of(source)) < 2)
    source = [a for a in source if a.code]
    target = [a for a in target if a.code and not any(a is s for s in source)]
    return source, target


def attendees(sent: SpacySpan, tm: dict[int, Mention], words: RoleWords) -> dict[int, list[Actor]]:
    """Those told as having attended, with nothing attended named ("Orban also attended",
    "leaders of all eight members took part"), by the verb's token: they were at the
    gathering told just before. Not an attendance denied ("never attended"), to come ("to
    attend") or lasting ("has participated since 2017"), and only states' and
    organisations' people (not "protesters also took part")."""
    out = {}
    for tok in sent:
        verb = _attending(tok, words.attendance_verbs) if tok.pos_ == "VERB" else None
        if verb is None:
            continue
        auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        if not (tok.tag_ == "VBD" and not auxes or any(a.tag_ == "VBD" for a in auxes)):
            continue        # told as done, in the past
        if any(c.dep_ == "neg" for c in tok.children):
            continue
        if any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.lower_ not in verb[1:]
               or c.dep_ == "prep" and c.lower_ in words.attended_preps for c in tok.children):
            continue        # "attended the summit", "took part in the drills"
        who = [a for a in subject_actors(tok, tm, words)
               if a.code and (not a.sector or a.sector in words.attendee_sectors)]
        if who:
            out[tok.i] = who
    return out


def _attending(tok: Token, verbs: frozenset[tuple[str, ...]]) -> tuple[str, ...] | None:
    """The verb of attending `tok` is, its other words among its children ("took part")."""
    lemma = tok.lemma_.lower()
    return next((v for v in verbs if v[0] == lemma
                 and all(any(c.lower_ == w for c in tok.children) for w in v[1:])), None)


def _counted_by(tok: Token, words: RoleWords) -> Token:
    """The noun that counts the act, "[rounds] of talks", "a [series] of meetings"; else the act."""
    of = tok.head
    if tok.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in words.count_nouns:
        return of.head
    return tok


def host_direction(tok: Token, sent: SpacySpan, source: list[Actor], target: list[Actor],
                   tm: dict[int, Mention], words: RoleWords) -> tuple[list[Actor], list[Actor]]:
    """A meeting of two states where one hosts: the visitor is the source, the host the
    target (PLOVER, CONSULT visit). The host is the state of the place the meeting is
    said to be "in" ("met in Astana", "in Tashkent, following the talks ..."); the visitor
    is a party called "visiting" ("the visiting Uzbek minister")."""
    actors = dedupe(source + target)
    parties = codes_of(actors) - {"IGO"}
    if len(parties) != 2:
        return source, target
    visitor = {a.code for t in sent if t.lower_ in words.visitor_words and t.dep_ in ("amod", "compound")
               for a in actors_in(t.head, tm)} & parties
    host = set() if visitor else _host(tok, tm, words) & parties
    if len(visitor) == 1:
        host = parties - visitor
    # Both named in the sentence: a forum "held in Urgench" between parties the story
    # supplies has many participants, no host.
    named = {c for t in sent if t.dep_ != "pobj" or t.head.lower_ != "in"
             for c in (tm[t.i].codes if t.i in tm else ())}
    if len(host) != 1 or not parties <= named:
        return source, target
    return ([a for a in actors if a.code in parties - host],
            [a for a in actors if a.code in host])


def _host(tok: Token, tm: dict[int, Mention], words: RoleWords) -> set[str]:
    """The state of the place where the clause of `tok` happens: "in" + a capital, city or
    state attached to the trigger or to a phrase it belongs to."""
    codes: set[str] = set()
    # "held [talks] in Bishkek": the verb's object is the meeting too.
    meeting = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
    # "the meeting between the prime ministers in Almaty": the place of the participants.
    met = [o for t in meeting for p in t.children if p.dep_ == "prep" and p.lower_ in words.participant_preps
           for o in p.children if o.dep_ == "pobj"]
    for head in [*meeting, *tok.ancestors, *met]:
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "in":
                for o in c.children:
                    m = tm.get(o.i)
                    if o.dep_ == "pobj" and m is not None and len(set(m.codes)) == 1 and \
                            (m.kind in ("state", "place") or m.location):
                        codes |= set(m.codes)
    return codes


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


def subject_actors(verb: Token, tm: dict[int, Mention], words: RoleWords) -> list[Actor]:
    cur = verb
    for _ in range(4):
        subj = [c for c in cur.children if c.dep_ in _SOURCE_DEPS]
        passive = [c for c in cur.children if c.dep_ == "nsubjpass"]
        agent = [c for c in cur.children if c.dep_ == "agent"]
        if agent:
            return [a for c in agent for a in pobj_actors(c, tm)]
        if subj:
            actors = [a for c in subj for a in actors_in(c, tm)] or \
                [a for c in subj for a in actors_in(c, tm, deep=True)]
            if actors:
                return actors + _companions(subj, tm, words)
            if any(c.lower_ not in words.subject_pronouns for c in subj):
                return []
        elif passive:
            if cur.i != verb.i and not (verb.head.i == cur.i and _shares_passive_subject(verb)):
                # "Tashkent and Bishkek are expected to sign": the raised subject signs;
                # "buildings were stormed and set on fire": a participle joined to a
                # passive shares its passive subject, which undergoes the act
                return [a for c in passive for a in actors_in(c, tm)]
            return []
        if cur.dep_ == "acl" and cur.tag_ == "VBG":
            # "Kyrgyzstan, complaining about ...": the noun does the action.
            return actors_of_token(cur.head, tm)
        if cur.dep_ == "ccomp" and not subj:
            # A complement clause without its subject ("On 2 March X stopped ..., the ministry
            # said", X misparsed): the subject above reports the act, it does not do it.
            # Only a pronoun subject ("said they will release") stands for it.
            break
        if cur.dep_ in ("xcomp", "conj", "ccomp", "advcl", "acomp", "relcl") and cur.head.i != cur.i:
            if cur.dep_ == "relcl":
                return actors_of_token(cur.head, tm)
            cur = cur.head
            continue
        break
    return []


def _companions(subj: list[Token], tm: dict[int, Mention], words: RoleWords) -> list[Actor]:
    """Who a participle adds to the subject ("Tokayev, accompanied by Japarov, visited")."""
    return [a for c in subj for p in c.children
            if p.dep_ == "acl" and p.lemma_.lower() in words.companion_participles
            for g in p.children if g.dep_ == "agent" for a in pobj_actors(g, tm)]


def object_actors(verb: Token, tm: dict[int, Mention], words: RoleWords,
                  exclude: Token | None = None, where: bool = True,
                  undergoer: bool = True) -> list[Actor]:
    """Objects and prepositional complements of a verb; a seat of government after "in"
    ("talks in Tashkent") only when nothing else names the other party. The topic of a
    verb of talking ("discussed the situation in Afghanistan") is no party; nor, when not
    `undergoer`, is the passive subject."""
    out: list[Actor] = []
    places: list[Actor] = []
    for c in verb.children:
        if exclude is not None and c.i == exclude.i:
            for cc in c.children:
                if cc.dep_ == "prep" and cc.lower_ in words.target_preps and not _topic(c, cc, words):
                    out += pobj_actors(cc, tm)
                elif _topic(c, cc, words):
                    out += [a for p in _partner_phrases(cc, words) for a in pobj_actors(p, tm)]
            continue
        if c.dep_ == "nsubjpass" and not undergoer:
            continue
        if c.dep_ in ("dobj", "dative", "attr", "oprd", "prep") and _topic(verb, c, words):
            out += [a for p in _partner_phrases(c, words) for a in pobj_actors(p, tm)]
            continue
        if c.dep_ in ("dobj", "dative", "nsubjpass", "attr", "oprd"):
            # "held talks on Afghanistan"; "X and Y held talks in Moscow": no host when the
            # subject names both sides
            out += actors_in(c, tm, topics=words, places=where)
        elif c.dep_ == "prep" and c.lower_ == "at" and verb.lemma_.lower() not in words.aim_verbs:
            continue   # "signed at the SCO summit": where, not to whom ("fired at" is aimed)
        elif c.dep_ == "prep" and c.i < verb.i and _names_a_day(c, words.time_names):
            continue   # "On 2 March Kazakhstan stopped ...": a fronted date, whatever the parse
        elif c.dep_ == "prep" and c.lower_ == "from" and verb.lemma_.lower() in words.travel_verbs:
            continue   # "arrived in Samarkand from Kazakhstan": where the trip began
        elif c.dep_ == "prep" and c.lower_ == "in":
            # "arrived in Samarkand": any town of the host receives a traveller
            places += pobj_actors(c, tm, in_prep=verb.lemma_.lower() not in words.travel_verbs)
        elif c.dep_ == "prep" and _side_of_border(c, words):
            places += pobj_actors(c, tm)   # "detained two Tajiks on the Uzbek side of the border"
        elif c.dep_ == "prep" and c.lower_ in words.target_preps:
            out += pobj_actors(c, tm)
        elif c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX"):
            out += object_actors(c, tm, words, where=where)
    if undergoer and _shares_passive_subject(verb):
        # "offices were stormed and [set] on fire": what the first participle undergoes
        out += [a for c in verb.head.children if c.dep_ == "nsubjpass" for a in actors_in(c, tm)]
    return out or (places if where else [])


def _shares_passive_subject(verb: Token) -> bool:
    """Whether a participle joined to a passive verb has no subject of its own ("were
    stormed and set on fire")."""
    return verb.dep_ == "conj" and verb.tag_ == "VBN" and \
        any(c.dep_ == "nsubjpass" for c in verb.head.children) and \
        not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _side_of_border(prep: Token, words: RoleWords) -> bool:
    """Whether a phrase names one state's side of a shared line ("on the Kazakh side of
    the border"): where something happened."""
    return any(o.dep_ == "pobj" and on_side_of_border(o, words) for o in prep.children)


def on_side_of_border(tok: Token, words: RoleWords) -> bool:
    """Whether a state's word names its side of a shared line ("on the [Tajik] side of the
    border", "a blast on the [Afghan] side of the frontier"): a place, not an agent."""
    side = tok.head if tok.dep_ in ("amod", "compound", "poss", "nmod") else tok
    return side.lemma_.lower() in words.side_nouns and \
        any(p.dep_ == "prep" and p.lower_ == "of" and
            any(b.dep_ == "pobj" and b.lemma_.lower() in words.border_nouns for b in p.children)
            for p in side.children)


def talked_about(tok: Token, words: RoleWords) -> bool:
    """Whether a trigger names what talks are about, not an act ("exchanged views on
    deepening [cooperation]", "discussed the [blockade]"): the talks are the event (CONSULT)."""
    cur = tok
    for _ in range(6):
        head = cur.head
        if head.i == cur.i or cur.dep_ in ("conj", "advcl", "parataxis", "ccomp", "relcl"):
            return False
        if _topic(head, cur, words):
            return True
        cur = head
    return False


def _partner_phrases(topic: Token, words: RoleWords) -> list[Token]:
    """The "with X", "between X and Y" phrases inside a topic."""
    return [t for t in topic.subtree if t.i != topic.i and t.dep_ == "prep" and t.lower_ in words.participant_preps]


def _topic_tokens(topic: Token, words: RoleWords) -> list[Token]:
    """The words of a topic outside its partner phrases."""
    partners = {t.i for p in _partner_phrases(topic, words) for t in p.subtree}
    return [t for t in topic.subtree if t.i not in partners]


def _topic(word: Token, child: Token, words: RoleWords) -> bool:
    """`child` names what `word`, a word of talking, is about: its object or an "on",
    "about", "concerning" phrase."""
    if word.lemma_.lower() not in words.topic_words:
        return False
    return child.dep_ in ("dobj", "attr", "oprd") or child.dep_ == "prep" and child.lower_ in words.topic_preps


def _names_a_day(prep: Token, time_names: frozenset[str]) -> bool:
    """A phrase with a number and a month or weekday name: a date. Read from the words, not
    from NER, which runs only where entities can change a trigger (pipeline/prefilter.py)."""
    phrase = list(prep.subtree)
    return any(t.like_num for t in phrase) and \
        any(t.lower_ in time_names and t.text[:1].isupper() for t in phrase)


def pobj_actors(prep: Token, tm: dict[int, Mention], in_prep: bool = False) -> list[Actor]:
    out: list[Actor] = []
    for c in prep.children:
        if c.dep_ == "pcomp" and any(s.dep_ == "nsubj" for s in c.children):
            continue    # "rejected it, with [Kremlin spokesman Peskov calling it ...]": a clause
        if c.dep_ in ("pobj", "pcomp"):
            for a in actors_in(c, tm):
                out.append(a)
    if in_prep:
        # "talks in Tashkent": a seat of government stands for its state; other places are
        # where the event happened, not who it happened to.
        out = [a for a in out if not a.actor_id.startswith("place:")]
    return out


def actors_in(tok: Token, tm: dict[int, Mention], *, deep: bool = False,
              topics: RoleWords | None = None, places: bool = True) -> list[Actor]:
    """Actors mentioned in the phrase headed by `tok` (nested clauses left out unless `deep`:
    "a newspaper based in Beirut" names its state only inside the participle). With
    `topics`, the topic of a word of talking in it is left out ("talks on Afghanistan").
    Without `places`, no "in" phrase names an actor ("talks in Moscow" when both sides are
    named elsewhere)."""
    seen: list[Mention] = []
    # Mentions that name the phrase's actor only when nothing else does: the place of the
    # head ("the rebels in Macedonia") and a possessive pronoun ("his Uzbek counterpart",
    # "his" being the subject again).
    secondary: set[int] = set()
    stack = [(tok, False)]
    while stack:
        t, aside = stack.pop()
        m = tm.get(t.i)
        if m is not None and m not in seen:
            seen.append(m)
        if m is not None and (aside or m.kind == "pronoun" and t.dep_ == "poss"):
            secondary.add(id(m))
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "as":
                continue   # "election as a member of the Security Council": a role, not a party
            if c.dep_ == "prep" and c.lower_ == "in" and (t.i != tok.i or not places):
                continue   # "proceedings against Turkmengaz in Stockholm": where, not who
            if c.dep_ == "prep" and t.dep_ == "amod" and t.pos_ == "ADJ":
                continue   # "protesters angry over a Chinese project": what they feel about
            if c.dep_ == "appos" and c.pos_ == "NOUN" and t.i in tm and _described(tm[t.i]):
                continue   # "Kyrgyzstan and Tajikistan, both CSTO allies,": what they are, not who
            if topics is not None and _topic(t, c, topics):
                # "talks on cooperation with X": the partner of what is talked about is
                # the partner of the talks; the rest of the topic names no party.
                stack += [(p, aside) for p in _partner_phrases(c, topics)]
                continue
            if c.dep_ not in _SKIP_SUBTREE or deep and c.dep_ in ("acl", "relcl"):
                stack.append((c, aside or c.dep_ == "prep" and c.lower_ == "in"))
    seen.sort(key=lambda m: m.start)
    if any(id(m) not in secondary and not m.weak and m.codes for m in seen):
        seen = [m for m in seen if id(m) not in secondary]
    if any(not m.weak and m.codes for m in seen):
        # "the Russian-led CSTO": the adjective qualifies, the organisation acts.
        seen = [m for m in seen if not m.weak]
    out = []
    for m in seen:
        out.extend(m.actors)
    return out


def _described(m: Mention) -> bool:
    """Whether an apposition to `m` only says what it is: beside a named actor ("Kyrgyzstan,
    a CSTO ally,") or people ("14 people were injured, police officers and residents"), not
    beside an agent whose state the apposition gives ("Officials, envoys of Kazakhstan,")."""
    if m.location or m.kind == "pronoun":
        return False
    if m.kind == "generic":
        return bool(m.actors) and all(a.sector == "CVL" for a in m.actors)
    return bool(m.codes)


def claimant(tok: Token, tm: dict[int, Mention], words: RoleWords) -> list[Actor]:
    """Who said what the act is aimed at: "denied Kyrgyz claims that ...", "rejected Bishkek's
    accusations", "dismissed claims by Kyrgyzstan", "claims made by Tajik television". The
    parser often reads "Kyrgyz claims that ..." as a clause ("Kyrgyz" its subject), so
    the noun is looked for as the trigger's clause complement too."""
    said = [c for c in tok.children if c.dep_ in ("dobj", "ccomp", "nsubjpass")]
    said += [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    out: list[Actor] = []
    for noun in said:
        if noun.lemma_.lower() not in words.claim_nouns:
            continue
        for c in noun.children:
            if c.dep_ in ("poss", "amod", "compound", "nmod", "nsubj"):
                out += actors_in(c, tm)
            elif c.dep_ == "prep" and c.lower_ in ("by", "from"):
                out += pobj_actors(c, tm)
            elif c.dep_ == "acl" and c.tag_ == "VBN":
                out += [a for g in c.children if g.dep_ == "agent" for a in pobj_actors(g, tm)]
    # "Pakistan accused Kabul of ..., a charge Kabul denied", parsed as "Kabul denied [a
    # charge] [Pakistan accused ...]": the subject of the clause before the verb said it
    if any(c.dep_ == "dobj" and c.lemma_.lower() in words.claim_nouns for c in tok.children):
        out += [a for c in tok.children if c.dep_ == "ccomp" and c.i < tok.i
                for s in c.children if s.dep_ == "nsubj" for a in actors_in(s, tm)]
    return [a for a in out if a.code]


def claim_subjects(tok: Token, tm: dict[int, Mention], words: RoleWords) -> list[Actor]:
    """Whom a claim the act answers is about: the subject of its "that" clause ("dismissed
    media reports that the United States sought bases"), for a claim no one is named as
    making."""
    nouns = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in words.claim_nouns]
    return [a for n in nouns for c in n.children if c.dep_ in ("acl", "ccomp", "relcl")
            for sub in c.children if sub.dep_ in ("nsubj", "nsubjpass") for a in actors_in(sub, tm) if a.code]


def hyphen_pair(tok: Token, tm: dict[int, Mention], own: bool = False) -> list[Actor]:
    """The two states of a hyphenated pair in the phrase of `tok` ("clashes on the
    Kyrgyz-Tajik border", "Uzbek-Kazakh talks"): the two sides of a mutual act, though
    the first adjective alone would only qualify ("the Russian-led CSTO"). Unless `own`,
    also in its verb's phrases when it is the subject."""
    doc = tok.doc
    words = list(tok.subtree)
    if tok.dep_ in ("nsubj", "nsubjpass") and not own:
        # "gunfire was reported on the Kyrgyz-Tajik border": where the verb of its
        # happening places it
        words += [t for p in tok.head.children if p.dep_ == "prep" for t in p.subtree]
    for t in words:
        if t.dep_ in _SKIP_SUBTREE or t.i + 2 >= len(doc) or doc[t.i + 1].text != "-":
            continue
        a, b = tm.get(t.i), tm.get(t.i + 2)
        if a is not None and b is not None and a is not b and a.kind == b.kind == "state" \
                and len(set(a.codes) | set(b.codes)) == 2:
            return [*a.actors, *b.actors]
    return []


def actors_of_token(tok: Token, tm: dict[int, Mention]) -> list[Actor]:
    m = tm.get(tok.i)
    return list(m.actors) if m else []


def nearest_other(tok: Token, sent: SpacySpan, mentions: list[Mention], source: list[Actor],
                  *, before: bool = False, words: RoleWords | None = None,
                  reporting: frozenset[str] = frozenset()) -> list[Actor]:
    """The closest mention in the sentence that is not the source (after the trigger first);
    with `words`, none named in the topic of a word of talking ("discussed issues concerning
    North Korea")."""
    src = codes_of(source)
    heads = [tok, *(c for c in tok.children if c.dep_ == "dobj")]   # "exchange views on X"
    topic = [(t.idx, t.idx + len(t)) for h in heads for c in h.children
             if words is not None and _topic(h, c, words) for t in _topic_tokens(c, words)]
    frames = _frames(tok, sent, words) if words is not None else []
    topic += _asides(tok, sent, words) if words is not None else []
    topic += _modifier_clauses(tok, sent) + _reporters(tok, reporting) + _feelings(tok)
    cands = [m for m in mentions if sent.start_char <= m.start < sent.end_char and not m.weak
             and not m.location and m.codes and not set(m.codes) <= src
             and not any(a <= m.start < b for a, b in topic)
             and not (set(m.codes) == {"IGO"} and any(a <= m.start < b for a, b in frames))]
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


def _feelings(tok: Token) -> list[tuple[int, int]]:
    """What the act's patients are said to feel about ("detained traders [furious at Kazakh
    rules]"): it names no party to the act (see actors_in)."""
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return [(p.left_edge.idx, p.right_edge.idx + len(p.right_edge))
            for o in objects for a in o.children if a.dep_ == "amod" and a.pos_ == "ADJ"
            for p in a.children if p.dep_ == "prep"]


def _frames(tok: Token, sent: SpacySpan, words: RoleWords) -> list[tuple[int, int]]:
    """Character spans where an organisation is named only as the frame of something else,
    not as a party the act is aimed at: "cooperation within the SCO", "its presidency in
    the CSTO", "an observer to the EAEU" (a phrase the trigger does not govern)."""
    out = []
    for t in sent:
        if t.dep_ != "prep" or t.head.i == tok.i or t.lower_ == "of":
            continue
        if t.lower_ in words.setting_preps or t.head.lemma_.lower() in words.membership_nouns:
            out.append((t.idx, t.right_edge.idx + len(t.right_edge)))
    return out


def _asides(tok: Token, sent: SpacySpan, words: RoleWords) -> list[tuple[int, int]]:
    """Character spans of the places of something else than the act: "in X" inside a
    participle or relative clause on a noun, the trigger not in it ("backs the work being
    done in Mongolia"), says where that other thing happens."""
    out = []
    for t in sent:
        if t.dep_ not in ("acl", "relcl") or t.left_edge.i <= tok.i <= t.right_edge.i:
            continue
        for p in t.subtree:
            if p.dep_ == "prep" and p.lower_ in words.setting_preps and p.lower_ != "as":
                out.append((p.idx, p.right_edge.idx + len(p.right_edge)))
    return out


def _modifier_clauses(tok: Token, sent: SpacySpan) -> list[tuple[int, int]]:
    """Character spans of the clauses that tell another act than the trigger's, with their
    own agent: a condition or time ("will not accept refugees [if war starts in X]"), a
    clause on a noun ("prevented the demonstration [staged by students against the war in
    X]"). What they name is that act's; when the parse leaves the trigger without an
    object, its recipient is not looked for there."""
    # A clause on the act's own noun tells the act ("the mediator role [adopted by X ...]").
    own = {tok.i, tok.head.i} if tok.dep_ == "compound" else {tok.i}
    out = []
    for t in sent:
        if t.dep_ in _MODIFIER_CLAUSES and not t.left_edge.i <= tok.i <= t.right_edge.i and \
                not (t.dep_ != "advcl" and t.head.i in own) and _own_agent(t):
            end = t.right_edge.idx + len(t.right_edge)
            # "refuted the statements [made by X]": who made the thing acted on is its party.
            agent = next((c for c in t.children if c.dep_ == "agent" and t.dep_ == "acl"), None)
            if agent is None:
                out.append((t.left_edge.idx, end))
            else:
                out += [(t.left_edge.idx, agent.idx),
                        (agent.right_edge.idx + len(agent.right_edge), end)]
    return out


def _reporters(tok: Token, reporting: frozenset[str]) -> list[tuple[int, int]]:
    """Character spans of the subjects of the verbs of saying above the trigger that come
    after it ("Tajik troops shelled a village, [officials in Bishkek] said"): who tells
    the act is not whom it is aimed at."""
    return [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge))
            for a in tok.ancestors if a.lemma_.lower() in reporting
            for c in a.children if c.dep_ == "nsubj" and c.i > tok.i
            and not c.left_edge.i <= tok.i <= c.right_edge.i]


def _own_agent(clause: Token) -> bool:
    """A clause that names its own agent ("after [a Serbian jet] shot down ...", "staged [by
    students]"), so it tells another act; not "pushing for the US to support ...", where
    "for" brings in whom the act asks."""
    kids = list(clause.children)
    return any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in kids) and \
        not any(c.dep_ == "mark" and c.lower_ == "for" for c in kids)


def preceding(tok: Token, sent: SpacySpan, mentions: list[Mention], target: list[Actor],
               tm: dict[int, Mention], words: RoleWords) -> list[Actor]:
    tgt = codes_of(target)
    # "engineers working in northern Kyrgyzstan were killed": a place is not the agent.
    places = {tm[t.i].start for t in sent if t.i in tm and t.dep_ == "pobj" and t.head.lower_ == "in"}
    # "two Chinese nationals were killed in an [attack]": who undergoes the verb the act
    # hangs under is its victim, not its agent.
    verb = tok
    while verb.dep_ in ("pobj", "prep") and verb.head.i != verb.i:
        verb = verb.head
    patients = {tm[t.i].start for v in {tok, verb} for c in v.children if c.dep_ == "nsubjpass"
                for t in c.subtree if t.i in tm}
    cands = [m for m in mentions if sent.start_char <= m.start < tok.idx and not m.location
             and m.codes and not set(m.codes) <= tgt and m.start not in places and m.start not in patients]
    nearest = next((m for m in reversed(cands) if not _recipient_of_other_clause(m, tok, sent, words)), None)
    return list(nearest.actors) if nearest is not None else []


_CLAUSES = frozenset({"advcl", "ccomp", "conj", "relcl", "xcomp"})


def _recipient_of_other_clause(m: Mention, tok: Token, sent: SpacySpan, words: RoleWords) -> bool:
    """'Tokayev appealed to the bloc as protests turned into riots': whom the verb of one
    clause is aimed at ("to X") is no agent of the act of a clause below it."""
    cur = next((t for t in sent if t.idx == m.start), None)
    if cur is None:
        return False
    above = {a.i for a in tok.ancestors}
    while cur.head.i != cur.i and cur.head.i not in above:
        cur = cur.head
        if cur.lower_ == "with":
            return False    # "with Kyrgyzstan complaining": the participle's own subject
    if cur.head.i not in above or not (cur.dep_ == "prep" and cur.lower_ in words.aimed_preps):
        return False    # (the one condemned may well be the agent of what follows)
    below = tok
    while below.head.i != cur.head.i and below.head.i != below.i:
        below = below.head
    return below.dep_ in _CLAUSES


def codes_of(actors: list[Actor]) -> set[str]:
    return {a.code for a in actors if a.code}


def dedupe(actors: list[Actor]) -> list[Actor]:
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
