"""Find the triggers of a parsed sentence: lexicon entries matched on lemmas, one per
token, with triggers that complete another ("agreed to [visit]") left out."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from steppe.pipeline.lexicon import Lexicon, Trigger
from steppe.pipeline.trigger_checks import loose
from steppe.words import Grammar


@dataclass(frozen=True)
class TriggerGrammar:
    """The word classes the trigger finder and the event coder read (data/words/<lang>.yaml),
    taken once from Resources.grammar where the components are built."""

    # "signed at the [summit]": a trigger under one of these reports an occasion of its own
    # (the list is the roles' too).
    occasion_preps: frozenset[str]
    # "left the table due to the [threats]": a cause is an act of its own too.
    cause_preps: frozenset[str] = frozenset()
    # "on the sidelines of the [summit]", "as a result of the [talks]": nouns that frame an
    # occasion with "of", as the occasion prepositions do alone.
    occasion_frames: frozenset[str] = frozenset()
    # "X called the deal [unacceptable]": verbs whose subject judges what a predicate judges.
    judging_verbs: frozenset[str] = frozenset()
    # "[agreed] a ceasefire": verbs that declare what they govern (plover.yaml declared_retreats).
    declaring_verbs: frozenset[str] = frozenset()
    # "were denied entry [into] Russia": where an act of authorities happens.
    place_preps: frozenset[str] = frozenset()
    # "would close the border [if] ...": a condition set to the other party.
    condition_markers: frozenset[str] = frozenset()
    # "declined to comment", "a request for comment": the reporter's boilerplate, no event.
    not_event_phrases: tuple[tuple[str, ...], ...] = ()
    # "a roadside [bomb] killed": a weapon as the subject of violence, and its PLOVER mode.
    weapon_modes: dict[str, str] = field(default_factory=dict)
    # "deployed troops to help [flood] victims": a disaster in the act's phrase.
    disaster_words: frozenset[str] = frozenset()
    # "called for an [end] to the conflict": ending a conflict.
    ending_words: frozenset[str] = frozenset()
    own_conflict_words: frozenset[str] = frozenset()   # "... the conflict [with] Azerbaijan"
    aid_frame_preps: frozenset[str] = frozenset()      # "delivered arms [as] military aid"
    payment_verbs: frozenset[str] = frozenset()        # "ordered X to [pay] Y"
    prison_words: frozenset[str] = frozenset()         # "sentenced X to eight years in [prison]"
    flight_causes: frozenset[str] = frozenset()        # "fled [after] the offensive"
    causative_verbs: frozenset[str] = frozenset()      # "[forced] thousands to flee"
    two_sided_nouns: frozenset[str] = frozenset()      # "on both [sides] of the X-Y border"
    two_sided_dets: frozenset[str] = frozenset()       # "on [both] sides of ..."
    # "rejected the [accusations] made by Bishkek": nouns of something said (the roles'
    # claim nouns), which the events stage keeps beside a reaction when someone else said it.
    said_nouns: frozenset[str] = frozenset()
    # "[jointly] detained": an act done together (plover.yaml joint_force_as), the frame it
    # is done in ("[in] a joint raid") and the phrases, ending in their preposition, that name
    # a partner acting too ("[together with] Kyrgyz colleagues", "[alongside] Russian troops").
    joint_markers: frozenset[str] = frozenset()
    joint_frame_preps: frozenset[str] = frozenset()
    joint_partner_phrases: tuple[tuple[str, ...], ...] = ()
    # "Kyrgyz officials [claimed] that Tajikistan was moving heavy weapons": verbs whose
    # report of harm by another is an allegation (plover.yaml reported_harm), and the
    # possessives that make what a reported act harms the reporter's ("fired on [its] post").
    claiming_verbs: frozenset[str] = frozenset()
    own_possessives: frozenset[str] = frozenset()
    # Loose triggers (trigger_checks.py): warning words that threaten only with a harm said
    # ("warn", "threat"), the nouns of such a harm ("warned of [consequences]"), phrases of
    # an alternative not taken or an act stopped ("rather than", "no longer"), mishaps that
    # act on their own ("a [rupture] halted"), and the roles' nouns that name an agent
    # ("criticism [from] X") and words for a state's organs ("officials", "government").
    warning_words: frozenset[str] = frozenset()
    threat_contents: frozenset[str] = frozenset()
    contrast_phrases: tuple[tuple[str, ...], ...] = ()
    question_marks: frozenset[str] = frozenset()     # "whether they can agree" (trigger_checks)
    mishap_words: frozenset[str] = frozenset()
    backdrop_nouns: frozenset[str] = frozenset()     # "after the [war] in Ukraine": a backdrop
    backdrop_preps: frozenset[str] = frozenset()
    proposing_verbs: frozenset[str] = frozenset()   # "proposed that ..." (trigger_checks)
    speech_nouns: frozenset[str] = frozenset()      # "[attacked] X in a speech" (recoding)
    judged_words: frozenset[str] = frozenset()      # "called the remarks [unacceptable]" (recoding)
    document_modifiers: frozenset[str] = frozenset()  # "the draft statement": a document
    from_is_source: frozenset[str] = frozenset()
    agent_nouns: frozenset[str] = frozenset()

    @classmethod
    def from_grammar(cls, grammar: Grammar, language: str = "en") -> "TriggerGrammar":
        roles = grammar.words(language, "roles")
        own = grammar.words(language, "triggers")
        return cls(occasion_preps=roles.set("occasion_prepositions"),
                   cause_preps=own.set("cause_prepositions"),
                   occasion_frames=roles.set("occasion_frames"),
                   judging_verbs=own.set("judging_verbs"),
                   place_preps=own.set("place_prepositions"),
                   declaring_verbs=own.set("declaring_verbs"),
                   condition_markers=own.set("condition_markers"),
                   not_event_phrases=tuple(tuple(p.lower().split())
                                           for p in own.list("not_event_phrases")),
                   weapon_modes=dict(own.table("weapon_modes")),
                   disaster_words=own.set("disaster_words"),
                   ending_words=own.set("ending_words"),
                   own_conflict_words=own.set("own_conflict_words"),
                   aid_frame_preps=own.set("aid_frame_prepositions"),
                   payment_verbs=own.set("payment_verbs"),
                   prison_words=own.set("prison_words"),
                   flight_causes=own.set("flight_cause_prepositions"),
                   causative_verbs=own.set("causative_verbs"),
                   two_sided_nouns=own.set("two_sided_nouns"),
                   two_sided_dets=own.set("two_sided_determiners"),
                   said_nouns=roles.set("claim_nouns"),
                   joint_markers=own.set("joint_markers"),
                   joint_frame_preps=own.set("joint_frame_prepositions"),
                   joint_partner_phrases=tuple(tuple(p.lower().split())
                                               for p in own.list("joint_partner_phrases")),
                   claiming_verbs=own.set("claiming_verbs"),
                   own_possessives=own.set("own_possessives"),
                   warning_words=own.set("warning_words"),
                   threat_contents=own.set("threat_contents"),
                   contrast_phrases=tuple(tuple(p.lower().split()) for p in own.list("contrast_phrases")),
                   question_marks=own.set("question_marks"),
                   mishap_words=own.set("mishap_words"),
                   backdrop_nouns=own.set("backdrop_nouns"),
                   backdrop_preps=own.set("backdrop_preps"),
                   proposing_verbs=own.set("proposing_verbs"),
                   speech_nouns=own.set("speech_nouns"),
                   judged_words=own.set("judged_words"),
                   document_modifiers=own.set("document_modifiers"),
                   from_is_source=roles.set("from_is_source"),
                   agent_nouns=grammar.words(language, "actors").set("agent_nouns"))

    @property
    def adjunct_preps(self) -> frozenset[str]:
        """Prepositions whose object is an act of its own, not a complement."""
        return self.occasion_preps | self.cause_preps


def find_triggers(sent: SpacySpan, lexicon: Lexicon, words: TriggerGrammar) -> list[tuple[Token, Trigger, int]]:
    """(first token, lexicon entry, end token index) for each trigger of the sentence."""
    found: list[tuple[Token, Trigger, int]] = []
    at: list[int] = []      # the token each trigger was found on
    foreseen: list[Token] = []   # warnings of a risk: what they foresee did not happen either
    for tok in sent:
        if tok.tag_ == "VBG" and tok.dep_ in ("csubj", "nsubj", "csubjpass"):
            continue   # "establishing close relations has become a priority": a topic
        if tok.ent_type_ in _NOT_TRIGGER_ENTS:
            continue   # "on 20 March", "Mr Strike": part of a date or a name
        for trig in lexicon.entries_at(tok):
            first, end = tok, _match(tok, trig, sent)
            if end is None and (obj := _passive_object(tok, trig, lexicon)) is not None:
                first, end = obj, tok.i + 1     # "the ban ... was lifted": from the object on
            if end is not None and _pos_ok(tok, trig) and _object_ok(tok, trig) \
                    and not (trig.needs_object and trig.pos == "NOUN" and not trig.goal
                             and _topic_verb(tok.head)):   # a goal's topic is the goal
                if loose(tok, trig, sent, lexicon, words, triggers_at):
                    # a word used for no act (trigger_checks); a warning of a risk still
                    # governs what it foresees ("warned that disputes could lead to [conflict]")
                    if trig.type == "THREATEN":
                        foreseen.append(tok)
                    continue
                found.append((first, trig, end))
                at.append(tok.i)
    if found:   # "did not respond to a [request] for comment": the reporter's, no act
        quiet = _boilerplate(sent, words.not_event_phrases)
        found = [f for f, i in zip(found, at) if i not in quiet]
    found = [f for f in _best_per_token(found) if not _dominated(f[0], foreseen, words)]
    # A hand-written trigger inside a derived phrase codes the act: the hand entry knows the
    # word ("expanded [cooperation]" is material cooperation, CAMEO's phrase says SUPPORT).
    hand = {f[0].i for f in found if not f[1].derived}
    found = [f for f in found if not f[1].derived or not any(f[0].i < i < f[2] for i in hand)]
    # A derived (CAMEO) phrase does not silence the triggers in its complement: its wording
    # is looser ("considering the joint [exercises]") than a hand-written governor's; nor
    # does an act undergone ("fled [the fighting]"): what is fled is an act of its own.
    # A claim answered ("rejected the [accusations] made by Bishkek") is left to the events
    # stage, which knows whether its author is the one reacting (event_filters.main_events).
    return [f for f in found
            if _answered_claim(f[0], f[1], lexicon, words)
            or not _dominated(f[0], [g[0] for g in found if g[1].type != f[1].type and not g[1].derived
                                     and not g[1].cause],
                              words)]


_DOMINATE = {"xcomp", "ccomp", "dobj", "acomp", "pcomp"}
# What may stand between the words of a multi-word trigger: "paid [a state] visit",
# "hold [official] talks" — modifiers, not a new phrase ("made [after the] visit").
_GAP_POS = {"DET", "ADJ", "ADV", "NUM", "PRON", "PART", "NOUN", "PROPN", "AUX"}


def complement_triggers(tok: Token, sent: SpacySpan, lexicon: Lexicon) -> list[Trigger]:
    """The lexicon entries that match in the complement of `tok` ("agreed to a [ceasefire]",
    "agreed what they called a [ceasefire]"), whether or not they were kept as triggers."""
    out = []
    for t in tok.subtree:
        cur, steps = t, 0
        while cur.i != tok.i and steps < 4 and \
                (cur.dep_ in _DOMINATE or cur.dep_ in ("pobj", "prep", "oprd")):
            cur, steps = cur.head, steps + 1
        if cur.i != tok.i or t.i == tok.i:
            continue
        out += triggers_at(t, sent, lexicon)
    return out


def triggers_at(tok: Token, sent: SpacySpan, lexicon: Lexicon) -> list[Trigger]:
    """The lexicon entries whose words occur from `tok` with its part of speech."""
    return [trig for trig in lexicon.entries_at(tok)
            if _match(tok, trig, sent) is not None and _pos_ok(tok, trig)]


def phrase_head(span: SpacySpan) -> Token:
    """The token of a multi-word trigger whose head lies outside it."""
    for t in span:
        if not (span.start <= t.head.i < span.end) or t.head.i == t.i:
            return t
    return span[0]


def _match(tok: Token, trig: Trigger, sent: SpacySpan) -> int | None:
    """End token index when the trigger's lemmas occur from `tok` (with allowed gaps)."""
    i = tok.i
    doc = sent.doc
    for n, lemma in enumerate(trig.lemmas[1:], 2):
        limit = min(sent.end, i + 2 + trig.gap)
        j = None
        for k in range(i + 1, limit):
            if doc[k].lemma_.lower() == lemma or doc[k].lower_ in trig.later_forms[n - 2] \
                    or doc[k].lower_ == lemma:
                j = k
                break
            if doc[k].pos_ not in _GAP_POS and doc[k].dep_ not in ("amod", "compound", "nummod", "poss", "det"):
                return None
        if j is None or _other_clause(doc, i, j, tok):
            return None
        if n == len(trig.lemmas) and _stray_particle(doc[i], doc[j]):
            return None
        i = j
    return i + 1


def _other_clause(doc, i: int, j: int, first: Token) -> bool:
    """'say [exporters will] no longer ...' is no 'say no': a subject between two words of a
    phrase whose verb is neither of them opens another clause, where the later word is."""
    return any(doc[k].dep_ in ("nsubj", "nsubjpass") and doc[k].head.pos_ in ("VERB", "AUX")
               and doc[k].head.i not in (first.i, j) for k in range(i + 1, j))


def _stray_particle(verb: Token, word: Token) -> bool:
    """'gave [a joint briefing] in Astana' is no 'give in': a phrasal verb's closing particle
    seen past the verb's object must be the verb's own particle ('called the meeting off'),
    not a preposition heading a later phrase."""
    if word.i == verb.i + 1 or word.dep_ == "prt" or word.pos_ != "ADP":
        return False
    heads_phrase = any(c.dep_ in ("pobj", "pcomp") for c in word.children)
    object_between = any(c.dep_ in ("dobj", "dative") and verb.i < c.i < word.i for c in verb.children)
    return heads_phrase and object_between


# Words that may stand between two words of a boilerplate phrase ("declined immediate comment").
_BOILERPLATE_GAP = 2


def _boilerplate(sent: SpacySpan, phrases: tuple[tuple[str, ...], ...]) -> set[int]:
    """Indices of the tokens inside a not-an-event phrase of the sentence."""
    quiet: set[int] = set()
    text = sent.text.lower()
    if not any(p[-1][:5] in text for p in phrases):
        return quiet        # no phrase's closing word stem in the sentence (most sentences)
    firsts = {p[0] for p in phrases}
    for tok in sent:
        if tok.lower_ not in firsts and tok.lemma_.lower() not in firsts:
            continue
        for phrase in phrases:
            if not _is(tok, phrase[0]):
                continue
            i = tok.i
            for lemma in phrase[1:]:
                i = next((k for k in range(i + 1, min(sent.end, i + 2 + _BOILERPLATE_GAP))
                          if _is(sent.doc[k], lemma)), None)
                if i is None:
                    break
            if i is not None:
                quiet.update(range(tok.i, i + 1))
    return quiet


def _is(tok: Token, lemma: str) -> bool:
    return tok.lemma_.lower() == lemma or tok.lower_ == lemma


def _passive_object(tok: Token, trig: Trigger, lexicon: Lexicon) -> Token | None:
    """'the border was closed', 'the ban on flour was lifted by X': a verb + object entry
    told in the passive, its object being the verb's passive subject (which comes first).
    An object that names the same act itself ("talks were held", "visits were made") is
    left to code it, with the parties of its own phrase; so is a cooperative act expected or
    promised ("a return visit by X to Y is expected": the visit to come is the AGREE)."""
    if len(trig.lemmas) != 2 or trig.pos != "VERB" or not any(c.dep_ == "auxpass" for c in tok.children):
        return None
    obj = next((c for c in tok.children if c.dep_ == "nsubjpass" and c.i < tok.i
                and trig.lemmas[1] in (c.lemma_.lower(), c.lower_)), None)
    own = lexicon.triggers.get(obj.lemma_.lower(), ()) if obj is not None else ()
    if obj is None or any(t.type == trig.type or trig.type == "AGREE" and t.type in lexicon.coding.future_agree
                          and not t.derived for t in own):
        return None
    return obj


def _pos_ok(tok: Token, trig: Trigger) -> bool:
    if trig.derived and tok.dep_ in ("amod", "compound"):
        return False   # "led to improved relations": a participle describing, not an act
    if not trig.pos:
        return True
    if trig.pos == "VERB":
        return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")
    if trig.pos == "NOUN":
        return tok.pos_ in ("NOUN", "PROPN")
    return tok.pos_ == trig.pos or trig.pos == "ADJ" and tok.pos_ in ("ADJ", "VERB")


def _object_ok(tok: Token, trig: Trigger) -> bool:
    if not trig.needs_object and not trig.not_object:
        return True
    lemmas = _object_lemmas(tok)
    if lemmas & trig.not_object:
        return False
    return not trig.needs_object or bool(lemmas & trig.needs_object)


def _topic_verb(verb: Token) -> bool:
    """'the need to [expand] cooperation', 'interest in [strengthening] cooperation': a verb
    hung under a noun as an infinitive or a gerund (or a chain of them: 'the need to take
    measures to [expand]') names a topic, not an act that happened."""
    cur = verb
    for _ in range(4):
        if cur.pos_ != "VERB":
            return False
        if not (cur.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)):
            return False     # a finite verb: "expanded cooperation", "will expand"
        up = cur.head.head if cur.dep_ == "pcomp" else cur.head
        if cur.dep_ in ("acl", "relcl", "pcomp") and up.pos_ in ("NOUN", "PROPN"):
            return True
        if cur.dep_ not in ("xcomp", "advcl", "acl", "pcomp") or up.i == cur.i:
            return False
        cur = up
    return False


def _object_lemmas(tok: Token) -> set[str]:
    """Lemmas of a trigger's objects and modifiers, and of the word it modifies."""
    near = list(tok.children)
    for c in list(near):
        if c.dep_ in ("prep", "agent", "dobj", "nsubjpass", "attr", "pobj", "conj"):
            near.extend(c.children)
        if c.dep_ == "prep":
            # "pulled out of [Kuwait City]": the object of a preposition under a particle
            near.extend(g for p in c.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj")
        if c.dep_ in ("dobj", "nsubjpass"):
            # "captured part of the stronghold", "lifted some of the restrictions": what an
            # object is a part of is what is acted on
            near.extend(g for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                        for g in p.children if g.dep_ == "pobj")
        if c.dep_ == "ccomp":
            # "allowed inspectors to visit": who is let (or ordered) to act is acted on
            near.extend(g for g in c.children if g.dep_ == "nsubj")
    if tok.dep_ in ("acl", "relcl", "amod", "compound"):
        near.append(tok.head)
    lemmas = set()
    for c in near:
        lemmas.add(c.lemma_.lower())
        if c.head.i == tok.i:
            lemmas.update(x.lemma_.lower() for x in c.children if x.dep_ in ("compound", "amod"))
    lemmas.add(tok.head.lemma_.lower())
    return lemmas


_NOT_TRIGGER_ENTS = {"DATE", "TIME", "PERSON", "GPE", "MONEY", "PERCENT", "QUANTITY", "CARDINAL",
                     "ORDINAL", "LOC"}
# Acts with no recipient: no target is borrowed from the context for them.


def _best_per_token(found: list[tuple[Token, Trigger, int]]) -> list[tuple[Token, Trigger, int]]:
    """One trigger per token: the longest phrase, then the heaviest weight."""
    best: dict[int, tuple[Token, Trigger, int]] = {}
    for f in found:
        cur = best.get(f[0].i)
        key = (f[2] - f[0].i, bool(f[1].needs_object), f[1].weight)
        if cur is None or key > (cur[2] - cur[0].i, bool(cur[1].needs_object), cur[1].weight):
            best[f[0].i] = f
    # Tokens inside a longer multi-word trigger do not fire on their own (unless that
    # trigger is a loose derived phrase: "drafted a text on the [demarcation]").
    covered = {i for t, trig, e in best.values() if not trig.derived for i in range(t.i + 1, e)}
    return [f for i, f in sorted(best.items()) if i not in covered]


def _answered_claim(tok: Token, trig: Trigger, lexicon: Lexicon, words: TriggerGrammar) -> bool:
    return trig.type in lexicon.coding.answered_claims and tok.pos_ == "NOUN" and \
        tok.lemma_.lower() in words.said_nouns


def fronted_claim(clause: Token, said_nouns: frozenset[str]) -> bool:
    """'Pakistan accused Kabul of ..., a charge Kabul denied', parsed as "Kabul denied [a
    charge] [Pakistan accused ...]": a clause before the verb that answers it, whose object
    is a noun of something said, is that thing said, an act of its own."""
    return clause.dep_ == "ccomp" and clause.i < clause.head.i and \
        any(c.dep_ == "dobj" and c.lemma_.lower() in said_nouns for c in clause.head.children)


def opens_occasion(tok: Token, preps: frozenset[str], frames: frozenset[str]) -> bool:
    """A preposition that opens an occasion of its own: "at", "during" ... (`preps`), or "of"
    after a noun that frames one ("on the sidelines of", "as a result of": `frames`)."""
    return tok.dep_ == "prep" and (tok.lower_ in preps or tok.lower_ == "of" and tok.head.lemma_.lower() in frames)


def _dominated(tok: Token, others: list[Token], words: TriggerGrammar) -> bool:
    """True when another trigger governs this one as its complement ("agreed to [sign]")."""
    cur = tok
    steps = 0
    while cur.head.i != cur.i and steps < 4:
        if opens_occasion(cur, words.adjunct_preps, words.occasion_frames) or fronted_claim(cur, words.said_nouns):
            return False   # "signed at the [summit]": an occasion, an event of its own
        if cur.dep_ not in _DOMINATE and cur.dep_ not in ("pobj", "prep"):
            return False
        cur = cur.head
        steps += 1
        if cur in others and cur.i != tok.i:
            return True
    return False


# -- roles -------------------------------------------------------------------------------
