"""How sure an event is: asserted, planned, hypothetical or negated (ANNOTATION.md).

Read off the dependency parse around the trigger: its auxiliaries and negation,
and the verbs that govern it ("refused to", "plans to", "is expected to"), plus
future-time words in the clause. "said ... would" (future in the past) is kept
apart: a promise that was made, which the coder turns into an asserted AGREE.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from steppe.pipeline.lexicon import Cues
from steppe.words import Grammar


@dataclass(frozen=True)
class ModalityWords:
    """The word classes modality reads (data/words/<language>.yaml, `modality`), from the
    grammar; the cues of the trigger lexicon are the other half."""

    # Prepositions of an occasion at the time of its verb.
    same_time_prepositions: frozenset[str]
    # Verbs that ask someone to act ("urged X to [cooperate]").
    asking_verbs: frozenset[str] = frozenset()
    # Prepositions of an occasion before or after the time of its verb ("following the
    # talks, ... will sign").
    sequence_prepositions: frozenset[str] = frozenset()
    # Nouns whose "to"-infinitive is a plan ("its readiness to send aid") or only a
    # possibility ("the right to expel"), not an act done.
    intention_nouns: frozenset[str] = frozenset()
    capacity_nouns: frozenset[str] = frozenset()
    # Words that deny such a noun ("has [no] right to expel"): the act is negated.
    denying_words: frozenset[str] = frozenset()
    # Words of taking part in an occasion ("take part in", "participate in").
    taking_part: frozenset[str] = frozenset()
    # Copulas whose "to"-infinitive is arranged to come ("Tokayev is to [visit] Ashgabat").
    arranged_copulas: frozenset[str] = frozenset()
    # Prepositions of what a trip is for ("will travel to Moscow for [talks]"): the
    # occasion is as sure as the trip.
    purpose_prepositions: frozenset[str] = frozenset()
    # Words that look ahead to an occasion ("ahead of the visit", "on the eve of the summit",
    # "preparations for the talks"): see `anticipated`.
    anticipating: frozenset[str] = frozenset()
    # A subject that names no one ("[none] of the states", "[no] government", "[neither] X nor Y").
    nobody_words: frozenset[str] = frozenset()
    # Verbs that hold an occasion: told in the present with an occasion to come ("hosts the
    # next summit"), they tell a plan.
    occasion_verbs: frozenset[str] = frozenset()
    # What an act named as feared or avoided is the object of ("avoid a war", "the risk of
    # clashes"): see `averted`.
    averting_verbs: frozenset[str] = frozenset()
    averting_nouns: frozenset[str] = frozenset()

    @classmethod
    def from_grammar(cls, grammar: Grammar, language: str = "en") -> "ModalityWords":
        w = grammar.words(language, "modality")
        return cls(same_time_prepositions=w.set("same_time_prepositions"),
                   asking_verbs=w.set("asking_verbs"),
                   sequence_prepositions=w.set("sequence_prepositions"),
                   intention_nouns=w.set("intention_nouns"), capacity_nouns=w.set("capacity_nouns"),
                   denying_words=w.set("denying_words"), taking_part=w.set("taking_part"),
                   arranged_copulas=w.set("arranged_copulas"), purpose_prepositions=w.set("purpose_prepositions"),
                   anticipating=w.set("anticipating"), nobody_words=w.set("nobody_words"),
                   occasion_verbs=w.set("occasion_verbs"), averting_verbs=w.set("averting_verbs"),
                   averting_nouns=w.set("averting_nouns"))


def _holds_occasion_to_come(trigger: Token, cues: Cues, words: ModalityWords) -> bool:
    """A verb that holds an occasion, in the present, whose object is one still to come
    ("hosts the next summit", "chairs the upcoming meeting")."""
    return trigger.tag_ in ("VBZ", "VBP") and trigger.lemma_.lower() in words.occasion_verbs and any(
        c.dep_ == "dobj" and any(g.dep_ == "amod" and g.lower_ in cues.future_words for g in c.children)
        for c in trigger.children)


def _names_nobody(subject: Token, words: ModalityWords) -> bool:
    """'[None] of the states', '[No] government', '[Neither] X nor Y': a subject by which
    no one did the act."""
    return subject.lower_ in words.nobody_words and subject.dep_ != "det" or \
        any(c.lower_ in words.nobody_words and c.dep_ in ("det", "preconj") for c in subject.children)


def only_sought(trigger: Token, words: ModalityWords) -> bool:
    """Whether the act is only asked for or aimed at, not done: the infinitive that an
    asking verb governs ("urged the government to refrain ... and to [cooperate]") or that
    states a purpose ("engaged in diplomacy to [ease] tensions"). The asking is the event
    (a REQUEST); an aim is no occurrence (ANNOTATION.md: events are what happened, is
    planned or could happen)."""
    tok = trigger
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head          # "to refrain ... and to [cooperate]": the first conjunct's place
    if tok.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children):
        return False
    if tok.dep_ == "advcl":
        return not any(c.dep_ == "mark" for c in tok.children)   # "so as to" is a mark too
    return tok.dep_ in ("xcomp", "ccomp") and tok.head.lemma_.lower() in words.asking_verbs


def averted(trigger: Token, words: ModalityWords) -> bool:
    """Whether an act named by a noun is only feared, avoided or prevented ("wanted to
    avoid a [war] with Afghanistan", "fears a [conflict]", "the risk of [clashes]"): a
    possibility kept off, not an occurrence (ANNOTATION.md: events are what happened, is
    planned or could happen as a party's act)."""
    tok = trigger
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in words.averting_verbs:
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and \
        tok.head.head.lemma_.lower() in words.averting_nouns


def occasion_to_come(trigger: Token, cues: Cues, words: ModalityWords) -> bool:
    """'Following the [talks], the presidents will sign a statement': a meeting named as
    the occasion right before or after an act in the future tense is part of the same
    programme, itself to come (PLOVER 2.3: the mode is read from the same sentence). A
    meeting with a time of its own ("after last week's talks") is not."""
    prep = trigger.head
    if trigger.pos_ != "NOUN" or trigger.dep_ != "pobj" or prep.lower_ not in words.sequence_prepositions:
        return False
    if any(c.dep_ in ("poss", "nummod", "npadvmod") or c.ent_type_ in ("DATE", "TIME")
           for c in trigger.children):
        return False
    verb = prep.head
    return verb.pos_ in ("VERB", "AUX") and \
        any(c.dep_ == "aux" and c.lower_ in cues.future_aux for c in verb.children)


def modality_of(trigger: Token, cues: Cues, words: ModalityWords) -> tuple[str, bool]:
    """(modality, future_in_past) for the event the trigger expresses."""
    if trigger.pos_ == "NOUN" and any(c.lower_ in cues.future_words for c in trigger.children):
        return "planned", False   # "could delay the planned [trip]": the trip is a plan
    if anticipated(trigger, words):
        return "planned", False
    
    chain = _governing_chain(trigger, cues, words)
    around = {t.lower_ for t in chain for t in t.children}
    lemmas = [t.lemma_.lower() for t in chain]
    negs = any(c.dep_ == "neg" for t in chain for c in t.children)
    negs = negs or any(c.lower_ in ("no", "never") and c.dep_ in ("det", "neg", "advmod")
                       for c in trigger.children)
    if "yet" in around and any(lem == "have" for lem in _aux_lemmas(chain)):
        negs = True
    negs = negs or any(_names_nobody(c, words) for t in chain for c in t.children if c.dep_ in ("nsubj", "nsubjpass"))
    if negs or any(lem in cues.negating_governors for lem in _complement_governors(trigger)):
        return "negated", False
    if _holds_occasion_to_come(trigger, cues, words):
        return "planned", False   # "Uzbekistan hosts the next summit": the occasion is to come
    named = _named_by_noun(chain)
    if named is not None:
        # "has no right to [confiscate]", "its readiness to [send] aid", "the right to
        # [expel]": the act is what the noun is about, not an act done (PLOVER 2.3).
        if any(c.lower_ in words.denying_words and c.dep_ in ("det", "neg") for c in named.children):
            return "negated", False
        lemma = named.lemma_.lower()
        if lemma in words.intention_nouns:
            return "planned", False
        if lemma in words.capacity_nouns:
            return "hypothetical", False
        # "there will be enough power to [sell] to X": the noun's clause sets the time.
        inherited = modality_of(named, cues, words)[0]
        if inherited in ("planned", "hypothetical"):
            return inherited, False
    if _doubted(chain, cues):
        return "hypothetical", False
    auxes = {a.lower_ for t in chain for a in t.children if a.dep_ in ("aux", "auxpass")}
    if _headline_future(trigger):
        return "planned", False   # a headline's future: "Russia, Kyrgyzstan to sign deals"
    if _advcl_of_future(chain, cues):
        return "planned", False
    if any(_arranged(t, words) for t in chain):
        return "planned", False   # "is to visit", "the talks are to be held": arranged
    # ("going to" as one auxiliary: not "kept trade going, and ... travelled to Kabul")
    going_to = "going" in around | {t.lower_ for t in chain} and \
        any(c.dep_ == "aux" and c.lower_ == "to" for t in chain for c in t.children)
    if auxes & cues.future_aux or going_to:
        return "planned", False
    if "would" in auxes:
        # "X said Y would ..." reports a promise made in the past.
        if _under_reporting_verb(chain, cues) and _past_reporting(chain):
            return "asserted", True
        return "hypothetical", False
    if auxes & cues.hypothetical_aux:
        return "hypothetical", False
    # A verb of planning plans its complement, not its subject: "the [visit] is planned" and
    # "agreed to [visit]" are plans, "the [aid] aims at stability" is not.
    planners = lemmas[2:] if trigger.dep_ == "nsubj" and trigger.pos_ in ("NOUN", "PROPN") else lemmas[1:]
    if any(lem in cues.planning_governors for lem in planners):
        return "planned", False
    if any(c.dep_ == "mark" and c.lower_ == "if" for t in chain for c in t.children):
        return "hypothetical", False
    return "asserted", False


def anticipated(trigger: Token, words: ModalityWords) -> bool:
    """'Preparations are under way for the [visit]', 'ahead of the [summit], ministers will
    meet', 'on the eve of the [talks]': an occasion looked forward to from a clause in the
    present or future is still to come (a future visit is AGREE, PLOVER 3.2.1). Told in the
    past ("before his visit, a forum was held") or with a date of its own ("before his 2017
    visit"), it may have happened since: left to the other cues."""
    if trigger.pos_ != "NOUN" or trigger.dep_ != "pobj":
        return False
    prep = trigger.head
    looking = prep.lower_ in words.anticipating or (
        prep.head.i != prep.i and _word_with_hyphens(prep.head) in words.anticipating)
    verb = prep.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if not looking:
        # "preparations are under way for the [visit]": the clause's subject looks ahead
        looking = prep.lower_ == "for" and prep.head.i == verb.i and (verb.lemma_.lower() in words.anticipating or any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in words.anticipating for c in verb.children))
    if not looking or any(t.ent_type_ == "DATE" for t in trigger.subtree):
        return False
    return verb.pos_ in ("VERB", "AUX") and verb.tag_ != "VBD" and \
        not any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def _word_with_hyphens(tok: Token) -> str:
    """'run-up' for the token 'up' of 'run - up' (the tokenizer cuts at hyphens)."""
    i = tok.i
    if i >= 2 and tok.doc[i - 1].text == "-":
        return f"{tok.doc[i - 2].lower_}-{tok.lower_}"
    return tok.lemma_.lower()


def _named_by_noun(chain: list[Token]) -> Token | None:
    """The noun whose "to"-infinitive the trigger's clause is ("the right to [expel]")."""
    top = chain[-1]
    if top.dep_ in ("acl", "relcl") and top.head.pos_ == "NOUN" and \
            any(c.dep_ == "aux" and c.tag_ == "TO" for c in top.children):
        return top.head
    if len(chain) > 1 and chain[-2].dep_ == "pcomp" and top.lower_ in ("of", "in") and top.head.pos_ == "NOUN":
        return top.head   # "the task of [increasing] trade", "its interest in bringing it to ..."
    return None


def _governing_chain(tok: Token, cues: Cues, words: ModalityWords) -> list[Token]:
    """The trigger and the verbs/adjectives it is a complement of ("agreed to [visit]")."""
    chain = [tok]
    cur = tok
    # A noun trigger's own verb: "paid a visit", "the visit is expected"; or the verb whose
    # occasion it is: "during the [visit], two accords will be signed".
    if cur.pos_ in ("NOUN", "PROPN") and cur.dep_ in ("dobj", "nsubj", "nsubjpass", "attr"):
        cur = cur.head
        chain.append(cur)
    elif cur.pos_ in ("NOUN", "PROPN") and cur.dep_ == "pobj" and cur.head.head.pos_ in ("VERB", "AUX", "ADJ") \
            and (cur.head.lower_ in words.same_time_prepositions or cur.head.lower_ in words.purpose_prepositions):
        cur = cur.head.head
        chain.append(cur)
        # "is due in Tashkent on Wednesday for [meetings]": the predicate adjective plans them
        chain += [c for c in cur.children if c.dep_ == "acomp" and c.lemma_.lower() in cues.planning_governors]
    elif cur.pos_ in ("NOUN", "PROPN") and cur.dep_ == "pobj" and _takes_part(cur.head.head, words):
        # "to take part in the [meeting]", "will participate in the [summit]": the occasion
        # is as sure as the taking part
        cur = cur.head.head
        chain.append(cur)
    while cur.dep_ in ("xcomp", "acomp", "ccomp", "conj", "auxpass", "pcomp") and cur.head.i != cur.i:
        if cur.dep_ == "ccomp" and cur.head.lemma_.lower() in cues.reporting_verbs:
            break
        cur = cur.head
        chain.append(cur)
        if cur.dep_ == "prep" and chain[-2].dep_ == "pcomp" and cur.head.pos_ == "ADJ":
            cur = cur.head    # "is interested in [increasing]": the adjective governs it
            chain.append(cur)
    return chain


def _arranged(tok: Token, words: ModalityWords) -> bool:
    """'is to [visit]' (the infinitive under the copula), '[talks] are to be held' (the
    copula of the act's noun, with its infinitive)."""
    def to_infinitive(t: Token) -> bool:
        return t.dep_ == "xcomp" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in t.children)
    if to_infinitive(tok) and tok.head.lemma_.lower() in words.arranged_copulas:
        return True
    return tok.lemma_.lower() in words.arranged_copulas and any(to_infinitive(c) for c in tok.children)


def _takes_part(verb: Token, words: ModalityWords) -> bool:
    """'participate (in)', 'take part (in)': the verb or its object is a word of taking part."""
    return verb.pos_ in ("VERB", "AUX") and (verb.lemma_.lower() in words.taking_part or any(
        c.dep_ == "dobj" and c.lemma_.lower() in words.taking_part for c in verb.children))


_FINITE = {"VBD", "VBZ", "VBP", "MD"}


def _headline_future(trigger: Token) -> bool:
    """A sentence with a "to"-infinitive and no finite verb is headlinese for the future
    ("China, Tajikistan to sign road deals during Xi trip", "deals to be signed during
    the visit"): every act in it is planned. The tagger often reads the infinitive of such
    a headline as a noun, so the "to" marks it, not the verb's tag."""
    sent = trigger.sent
    # A headline ends without a full stop; a sentence that has one and no finite verb is a
    # misparse ("The attendance ... extended [VBN] beyond ... to include ...").
    if sent[-1].text == ".":
        return False
    return any(t.tag_ == "TO" and t.dep_ == "aux" for t in sent) and \
        not any(t.tag_ in _FINITE for t in sent)


def _advcl_of_future(chain: list[Token], cues: Cues) -> bool:
    """'the coming weeks will see ... as the leader visits Kyrgyzstan'."""
    top = chain[-1]
    if top.dep_ != "advcl":
        return False
    return any(a.lower_ in cues.future_aux for a in top.head.children if a.dep_ == "aux")


def _doubted(chain: list[Token], cues: Cues) -> bool:
    """Whether the trigger's clause is asked about ("whether ...") or the complement of a
    word of doubt ("doubt that ...", "it is unclear if ...")."""
    if any(c.dep_ == "mark" and c.lower_ in cues.doubting_marks for t in chain for c in t.children):
        return True
    doubting = cues.doubting_governors
    return any(t.dep_ in ("ccomp", "csubj", "xcomp") and t.head.i != t.i and (
        t.head.lemma_.lower() in doubting
        or any(c.dep_ == "acomp" and c.lemma_.lower() in doubting for c in t.head.children))
        for t in chain)


def _complement_governors(tok: Token) -> list[str]:
    """Verbs the trigger is the complement of ("refused to [sign]"), not coordinated with."""
    out = []
    while tok.dep_ in ("xcomp", "pcomp") and tok.head.i != tok.i:
        tok = tok.head
        out.append(tok.lemma_.lower())
    return out


def _aux_lemmas(chain: list[Token]) -> list[str]:
    return [a.lemma_.lower() for t in chain for a in t.children if a.dep_ in ("aux", "auxpass")]


def _under_reporting_verb(chain: list[Token], cues: Cues) -> bool:
    top = chain[-1]
    return top.dep_ == "ccomp" and top.head.lemma_.lower() in cues.reporting_verbs


def _past_reporting(chain: list[Token]) -> bool:
    return chain[-1].head.tag_ in ("VBD", "VBN")
