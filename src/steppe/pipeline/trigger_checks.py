"""Checks that a word found in the lexicon is used, in its sentence, as the act it names.

A trigger word is loose when the sentence says no act by a party: a warning of a risk
("warned that production could fall") is no threat, an alternative not taken ("cooperation
rather than [conflict]") or an act ended ("will no longer face ...") did not happen, a
headline noun with no party of its own ("... after January [unrest]") names the story's
background, and a mishap ("a rupture [halted] gas sales") is no one's act. PLOVER codes
acts of political actors toward each other (manual ch. 3; ANNOTATION.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from steppe.pipeline.lexicon import Lexicon, Trigger

# The lexicon entries whose words occur from a token (triggers.triggers_at).
EntriesAt = Callable[[Token, SpacySpan, Lexicon], list[Trigger]]

# Entity labels that name a party (a state, its people, an organisation or a person), and
# those of a proper noun that names none ("after January unrest").
_PARTY_ENTS = {"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"}
_NOT_PARTY_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
# What closes a sentence of running text; a line without it is a headline or a heading.
_CLOSING = {".", "!", "?", '"', "”", "’", "'", ")", ":", ";", "…"}
# Words that may stand between a contrast phrase and the trigger ("rather than [a military]
# conflict", "no longer [formally] recognise").
_MODIFIER_POS = {"DET", "ADJ", "NUM", "ADV", "PART", "AUX", "PRON"}
_CONTRAST_GAP = 2
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_FRONT_MATTER = re.compile(r"\A\s*---\n.*?\n---\n", re.S)


def loose(tok: Token, trig: Trigger, sent: SpacySpan, lexicon: Lexicon, words,
          entries_at: EntriesAt) -> bool:
    """Whether the trigger found on `tok` says no act between parties (`words`: the
    TriggerGrammar)."""
    if trig.type == "THREATEN" and len(trig.lemmas) == 1 and trig.lemmas[0] in words.warning_words \
            and not threat_said(tok, sent, lexicon, words, entries_at):
        return True
    if _after_contrast(tok, sent, words.contrast_phrases):
        return True
    if _in_question(tok, words.question_marks):
        return True
    if trig.pos == "VERB" and any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in words.mishap_words
                                  for c in tok.children):
        return True     # "a rupture on the pipeline halted gas sales": an accident, no one's act
    if trig.type == "REQUEST" and tok.lemma_.lower() in words.proposing_verbs and told_as_fact(tok):
        return True     # "proposed that the delay was deliberate": a claim, not a request
    if tok.pos_ in ("NOUN", "PROPN") and trig.pos == "NOUN":
        if _headline(sent) and not _party_in(tok):
            return True
        if _partyless_agent(tok, words):
            return True
        if tok.lemma_.lower() in words.backdrop_nouns and _backdrop(tok, words):
            return True
    return False


def _backdrop(tok: Token, words) -> bool:
    """A war told as the backdrop of something else, with no time of its own: the object of
    a preposition of time or cause ("after", "because of"), a possessor or a modifier (the
    subject of what it brought about is left to events.main_events: "the invasion pushed
    ..." keeps the invasion, not the push)."""
    if tok.dep_ == "nsubj":     # "after the war began": the clause is the backdrop
        backdrop = any(c.dep_ == "mark" and c.lower_ in words.backdrop_preps for c in tok.head.children)
    else:                       # ("because [of]": the parser's head is "because")
        backdrop = tok.dep_ in ("poss", "compound") or \
            tok.dep_ == "pobj" and tok.head.lower_ in words.backdrop_preps
    # (a count beside another noun is no year: "displaced 2000 families")
    return backdrop and not any(_YEAR.fullmatch(t.text) and not (t.dep_ == "nummod" and t.head.tag_ == "NNS")
                                for t in tok.subtree)


# A clause told as a fact: in the past or the third person present ("was", "has closed"),
# where a proposal's clause takes the bare verb or "should" ("that Georgia open").
_FACT_TAGS = frozenset({"VBD", "VBZ"})
_FACT_AUX_TAGS = _FACT_TAGS | {"VBP"}      # "have taken", "are building"
# "insist that demand will keep growing": what will be is foreseen, not asked for
_FORESEEING = frozenset({"will", "would"})


def told_as_fact(verb: Token) -> bool:
    """Whether the clause a verb of proposing governs states a fact rather than what is
    proposed: its verb or an auxiliary of it in a finite past or third-person form, or what
    will be ("insisted that demand would keep growing")."""
    for clause in verb.children:
        # ("that members cut tariffs": a past tag on a bare form says nothing)
        finite = clause.tag_ in _FACT_TAGS and clause.lower_ != clause.lemma_.lower()
        if clause.dep_ == "ccomp" and (finite or any(
                a.dep_ in ("aux", "auxpass") and (a.tag_ in _FACT_AUX_TAGS and a.lower_ != "should"
                                                  or a.lower_ in _FORESEEING)
                for a in clause.children)):
            return True
    return False


def threat_said(tok: Token, sent: SpacySpan, lexicon: Lexicon, words, entries_at: EntriesAt) -> bool:
    """'warned', 'a warning', 'the threat' are a THREATEN (PLOVER 3.11: a coercive warning)
    only when they say what harm the one warning would do: a condition set ("would act [if]
    ..."), a named consequence ("warned of [retaliation]", "the threat of [force]"), or a
    harmful act of the warner's own in what is warned ("warned that it would [close] the
    border", "the threat [to cut] gas"). A risk foreseen ("warned that production could
    fall", "the threat of militants") is a comment (CAMEO 012), not a threat."""
    inside = [t for t in tok.subtree if t.i != tok.i]
    if any(t.dep_ == "mark" and t.lower_ in words.condition_markers for t in inside):
        return True
    near = _near_objects(tok)
    if any(t.lemma_.lower() in words.threat_contents for t in near):
        return True
    harmful = lexicon.coding.threatened_as
    warner = _subject(tok)
    for t in inside:
        if t.is_punct or not any(trig.type in harmful for trig in entries_at(t, sent, lexicon)):
            continue
        if t.pos_ in ("NOUN", "PROPN"):
            if t in near:
                return True     # "the threat of [sanctions]", "threatened [strikes]"
        elif _own_act(t, warner):
            return True
    return False


def _near_objects(tok: Token) -> list[Token]:
    """The trigger's objects and the objects of its prepositions ("warned [Greece] of
    [consequences]", "the threat of [sanctions]")."""
    out = []
    for c in tok.children:
        if c.dep_ in ("dobj", "attr", "dative"):
            out.append(c)
        if c.dep_ == "prep":
            out += [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
    return out + [g for t in out for g in t.conjuncts]


def _subject(tok: Token) -> Token | None:
    """Who warns: the verb's subject, or the subject of the verb a participle or a noun
    hangs on ("X objected, [warning] ...", "X issued a warning")."""
    cur = tok
    for _ in range(3):
        subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _own_act(verb: Token, warner: Token | None) -> bool:
    """The harmful act is the warner's own: told with no subject of its own ("threatened to
    cut"), with a pronoun or a possessive standing for the warner ("it would", "its troops
    would"), or with the warner's own word ("Tashkent warned that Tashkent ...")."""
    cur = verb
    while cur.pos_ not in ("VERB", "AUX") and cur.head.i != cur.i:
        cur = cur.head
    subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return cur.dep_ in ("xcomp", "acl", "pcomp", "advcl")
    if subj.pos_ == "PRON" or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subj.children):
        return True
    return warner is not None and subj.lemma_.lower() == warner.lemma_.lower()


# Clauses that tell a fact of their own inside a question ("when they met", "the delegation
# that visited Astana").
_OWN_FACT = {"relcl", "acl", "advcl"}


def _in_question(tok: Token, marks: frozenset[str]) -> bool:
    """'the test is whether they can [agree]': the trigger is in a clause that asks whether
    something happens (its own, or one it is part of), not one that tells it did."""
    cur = tok
    while True:
        if any(c.dep_ == "mark" and c.lower_ in marks for c in cur.children):
            return True
        if cur.head.i == cur.i or cur.dep_ in _OWN_FACT:
            return False    # "whether they discussed gas when they [met]": the meeting is told
        cur = cur.head


def _after_contrast(tok: Token, sent: SpacySpan, phrases: tuple[tuple[str, ...], ...]) -> bool:
    """'a line of cooperation rather than [conflict]', 'instead of [meeting]', 'will no
    longer [face]': an alternative not taken, or an act that has stopped, is not done."""
    i = tok.i - 1
    lasts = {p[-1] for p in phrases}
    while i >= sent.start and tok.i - i <= _CONTRAST_GAP and sent.doc[i].pos_ in _MODIFIER_POS \
            and sent.doc[i].lower_ not in lasts:
        i -= 1
    if i < sent.start or sent.doc[i].lower_ not in lasts:
        return False
    for phrase in phrases:
        start = i - len(phrase) + 1
        if start >= sent.start and all(sent.doc[start + k].lower_ == w for k, w in enumerate(phrase)):
            return True
    return False


def _headline(sent: SpacySpan) -> bool:
    """The story's headline: its first line (after a Markdown front matter), or a Markdown
    heading, with no closing punctuation."""
    if sent[-1].text in _CLOSING or sent[-1].text.endswith("]"):
        return False
    text = sent.doc.text
    line_start = text.rfind("\n", 0, sent.start_char) + 1
    if text[line_start:sent.start_char].strip() and not text[line_start:].startswith("#"):
        return False    # the line began before this sentence
    if text[line_start:].startswith("#"):
        return True
    return not _FRONT_MATTER.sub("", text[:line_start], count=1).strip()


def _party_in(tok: Token) -> bool:
    """Whether the noun's own phrase names a party ("Kyrgyz-Tajik border [fighting]"; the
    tagger gives a headline's adjectives of states no entity, but a proper noun's tag)."""
    return any(_names_party(t) for t in tok.subtree if t.i != tok.i)


def _names_party(tok: Token) -> bool:
    """A name or an entity of a party; a sentence parsed without entities (pipeline/
    prefilter.py) still tags names as proper nouns, and a state's adjective ("the Mongolian
    president") as a capitalised adjective."""
    return tok.ent_type_ in _PARTY_ENTS or tok.pos_ in ("PROPN", "ADJ") and tok.text[:1].isupper() \
        and tok.ent_type_ not in _NOT_PARTY_ENTS


def _partyless_agent(tok: Token, words) -> bool:
    """'prompting [criticism] from rights groups': the noun names its own agent, and that
    agent is no party (no name, no word for a state's organ), so no party is borrowed for
    it from the rest of the sentence."""
    if tok.lemma_.lower() not in words.from_is_source:
        return False
    for p in tok.children:
        if p.dep_ in ("prep", "agent") and p.lower_ in ("from", "by"):
            for agent in (g for g in p.children if g.dep_ == "pobj"):
                names = {agent.lower_, agent.lemma_.lower()}
                if not any(_names_party(t) for t in agent.subtree) and \
                        not names & words.agent_nouns:
                    return True
    return False
