"""What is worth parsing, and which parsed sentences need the named-entity recogniser.

Extraction is fast by not doing work (DESIGN.md): the parser and NER are the cost.
  - Before the parse (`TriggerWords.may_trigger`): a sentence is parsed only when one of
    its words can begin a trigger of the lexicon *and* the trigger's other words (a
    multi-word phrase: "reach ... agreement") and required objects are in the sentence
    too, or when it can report a demand ("said ... must"). Most lexicon entries are
    phrases whose first word is common ("trade", "said", "plans"): the first word alone
    would send most sentences of the news to the parser.
  - After the parse, without NER (`TriggerWords.triage`): a sentence in which no trigger
    is found (found triggers never grow when entities are added: entities only remove
    tokens) and no demand can be reported yields no event, so it is dropped; NER runs
    only on the rest that hold a capitalised word no knowledge-base name covers (a name
    NER may find: events.resolve_unknown) or a trigger word that is capitalised, or is
    not a tensed verb and stands near a number or a time word (it may lie inside a date,
    an amount or a name, where it is no trigger: triggers.find_triggers). The entities
    are used for nothing else.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Iterable

from spacy.tokens import Doc

from steppe.pipeline.lexicon import Lexicon, inflections
from steppe.pipeline.triggers import TriggerGrammar, find_triggers
from steppe.words import Grammar

KEEP, ENTITIES = 1, 2     # triage: 0 (drop), parse kept without NER, parse kept with NER

_NEAR = 3                 # tokens on each side of a trigger word looked at for those
# A verb that is tensed ("agreed", "sends") heads its clause: never inside a date or an
# amount ("the coming weeks" is a participle).
_FINITE = {"VB", "VBD", "VBP", "VBZ", "MD"}


class TriggerWords:
    """The lexicon's trigger entries as the word sets a sentence must hold for each."""

    def __init__(self, lexicon: Lexicon, grammar: Grammar, triggers: TriggerGrammar) -> None:
        self.lexicon = lexicon
        self.trigger_grammar = triggers       # what find_triggers reads
        time = grammar.time("en")
        # Words that make a date or a duration NER may extend over a trigger word ("the
        # coming weeks", "the start of this year"), besides numbers, months, weekdays and
        # seasons ...
        self.date_words = grammar.words("en", "sentences").set("date_words") | set(time.seasons)
        # ... and the names of months and weekdays, when capitalised ("may" is also a verb).
        self.time_names = time.names()
        forms: dict[str, frozenset[str]] = {}

        def of(lemma: str) -> frozenset[str]:
            if lemma not in forms:
                forms[lemma] = frozenset(inflections(lemma) | {lemma})
            return forms[lemma]

        # surface form -> for each entry it may begin: (forms of each other word, forms of
        # any required object or None)
        self.needs: dict[str, list[tuple[tuple[frozenset[str], ...], frozenset[str] | None]]] = {}
        self.by_lemma: dict[str, list[tuple[tuple[frozenset[str], ...], frozenset[str] | None]]] = {}
        for first, entries in lexicon.triggers.items():
            reqs = list({(tuple(of(w) for w in t.lemmas[1:]),
                          frozenset().union(*map(of, t.needs_object)) if t.needs_object else None)
                         for t in entries})
            self.by_lemma[first] = reqs
            for form in of(first):
                self.needs.setdefault(form, []).extend(reqs)
        cues = lexicon.cues
        self.reporting = frozenset().union(*map(of, cues.reporting_verbs)) if cues.reporting_verbs else frozenset()
        self.obligation = cues.obligation_aux
        # Verbs of attending with nothing attended ("Orban also attended"): the event stage
        # joins those they name to the gathering told before (roles.attendees).
        self.attending = [tuple(of(w) for w in verb.split())
                          for verb in grammar.words("en", "roles").list("attendance_verbs")]

    def may_trigger(self, sentence_words: Iterable[str]) -> bool:
        """Can a sentence with these (lower-case) words hold a trigger or a reported
        demand? False only when none can be found in its parse."""
        present = set(sentence_words)
        return any(_complete(self.needs.get(w, ()), present) for w in present) or \
            bool(present & self.obligation and present & self.reporting) or self._attends(present)

    def _attends(self, present: set[str]) -> bool:
        return any(all(forms & present for forms in verb) for verb in self.attending)

    def triage(self, sdoc: Doc, offset: int, known: list[tuple[int, int]]) -> int:
        """0, KEEP or ENTITIES for a sentence parsed without NER (`known`: the character
        spans of the knowledge base's mentions in it, `offset` its start in the text)."""
        triggers = {t.i for t, _, _ in find_triggers(sdoc[:], self.lexicon, self.trigger_grammar)}
        # the sentence's words, by form and by lemma (as find_triggers reads them)
        present = {t.lower_ for t in sdoc} | {t.lemma_.lower() for t in sdoc}
        if not triggers and not self._demand(sdoc) and not self._attends(present):
            return 0
        if any(self._unknown_name(t, offset, known) for t in sdoc):
            return ENTITIES
        # Words that may start a trigger: its lemma begins an entry whose other words are
        # in the sentence.
        for t in sdoc:
            if (t.is_title or t.is_upper or t.tag_ not in _FINITE and self._near_date(sdoc, t.i)) and \
                    _complete(self.by_lemma.get(t.lemma_.lower(), ()), present):
                return ENTITIES
        return KEEP

    def _demand(self, sdoc: Doc) -> bool:
        """A reporting verb and "must": a demand the event coder may read."""
        return any(t.lower_ in self.obligation for t in sdoc) and \
            any(t.lemma_.lower() in self.reporting or t.lower_ in self.reporting for t in sdoc)

    def _unknown_name(self, t, offset: int, known: list[tuple[int, int]]) -> bool:
        """A capitalised word (not a month or weekday; the first word only if tagged a
        proper noun) outside every known mention."""
        if not t.text[:1].isupper() or t.lower_ in self.date_words or t.lower_ in self.time_names:
            return False
        if t.i == 0 and t.tag_ not in ("NNP", "NNPS"):
            return False
        s, e = t.idx + offset, t.idx + len(t.text) + offset
        return not any(a < e and s < b for a, b in known)

    def _near_date(self, sdoc: Doc, i: int) -> bool:
        return any(u.like_num or u.is_currency or u.text == "%" or u.lower_ in self.date_words
                   or u.lower_ in self.time_names and u.text[:1].isupper()
                   for u in sdoc[max(0, i - _NEAR):i + _NEAR + 1])


def _complete(entries, present: set[str]) -> bool:
    """Does one of the entries have all its other words (and a required object) present?"""
    return any(all(f & present for f in others) and (objects is None or objects & present)
               for others, objects in entries)


def known_spans(mentions: list, starts: list[int], s: int, e: int) -> list[tuple[int, int]]:
    """The spans of the mentions that start inside [s, e) (those the events stage gives the
    sentence), `starts` being the mentions' sorted starts."""
    return [(m.start, m.end) for m in mentions[bisect_left(starts, s):bisect_left(starts, e)]]
