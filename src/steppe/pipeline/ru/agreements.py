"""Agreements named in Russian: a title head (data/ru/agreements.yaml: договор, соглашение,
меморандум, дорожная карта, ...) and what it is about ("о союзнических отношениях").

The head is written back in the nominative ("Договоров о ..." -> "Договор о ..."); the rest
keeps its case, which a title never changes. Coordinated titles share their head:
"Договоров о дружбе (1996 год) и о взаимной защите инвестиций (2009 год)"
are two treaties, each with its year.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from steppe.facts import Agreement, Span
from steppe.names import AgreementNames
from steppe.pipeline.ru.actors import RuMention
from steppe.pipeline.ru.sentences import RuSentence
from steppe.pipeline.ru.text import Word, analyse
from steppe.pipeline.ru.timex import RuTime
from steppe.words import Grammar

MAX_WORDS = 10
_STOP_POS = {"VERB", "INFN", "PRTF", "PRTS", "GRND", "NUMR", "CONJ"}


@dataclass(frozen=True)
class AgreementWords:
    """Title heads, signing verbs (data/ru/agreements.yaml), the prepositions and stop
    words of titles (data/words/ru.yaml) and the name vocabulary that tells one title from
    another (names.AgreementNames), built once from Resources."""

    heads: list[tuple[tuple[str, ...], tuple[str, str]]]   # lemmas -> (name, kind), longest first
    generic: list[str]              # heads that name a document in lower case when signed
    signed: list[str]               # verbs of signing
    about: frozenset[str]           # "соглашение о ..."
    stop_words: frozenset[str]      # words that end a title
    names: AgreementNames           # a title's key, so one named twice is kept once

    @classmethod
    def build(cls, agreements: dict, grammar: Grammar) -> "AgreementWords":
        heads = {tuple(analyse(w).lemma for w in k.split()): tuple(v) for k, v in agreements["heads"].items()}
        words = grammar.words("ru", "agreements")
        return cls(sorted(heads.items(), key=lambda kv: -len(kv[0])), agreements["generic"],
                   agreements["signed"], words.set("about_prepositions"), words.set("stop_words"),
                   AgreementNames(grammar, agreements))


def document_agreements(aw: AgreementWords, text: str, sentences: Iterable[RuSentence], main: list[str],
                        anchor: str | None) -> list[Agreement]:
    """The agreements a document names, one per title."""
    found: list[Agreement] = []
    for st in sentences:
        found += extract_sentence_agreements(aw, text, st.words, st.mentions, st.times, main, anchor)
    return merge_agreements(found)


def extract_sentence_agreements(aw: AgreementWords, text: str, words: list[Word],
                                mentions: list[RuMention], times: list[RuTime], main: list[str],
                                anchor: str | None = None) -> list[Agreement]:
    """The agreements one sentence (its `words`) names, one per title."""
    out = []
    i = 0
    while i < len(words):
        head = next(((k, v) for k, v in aw.heads
                     if all(i + n < len(words) and k[n] in words[i + n].a.lemmas for n in range(len(k)))), None)
        if head is None:
            i += 1
            continue
        lemmas, (name, kind) = head
        j = i + len(lemmas)
        j = _skip_party(aw, words, _skip_including(aw, words, j), mentions)
        signed = any(w.is_(*aw.signed) for w in words)
        titled = len(lemmas) > 1 or words[i].text[:1].isupper() or (signed and lemmas[0] in aw.generic)
        if j < len(words) and words[j].low not in aw.about and titled:
            # a title without "о ...": "Совместное заявление", "Программа сотрудничества"
            end = _title_end(aw, words, j, genitive_only=True)
            if len(lemmas) > 1 or end > j:          # a bare "Соглашения" names nothing
                out.append(_agreement(aw, text, words, i, j, end, name, kind, mentions, times, main, anchor))
            i = max(end, i + 1)
            continue
        while j < len(words):
            about = j
            if words[j].low not in aw.about:
                break
            j = _title_end(aw, words, j + 1)
            out.append(_agreement(aw, text, words, i, about, j, name, kind, mentions, times, main, anchor))
            # "... (2004 год) и о союзнических отношениях": the same head again
            k = j
            while k < len(words) and (words[k].text in "()" or words[k].text.isdigit() or words[k].is_("год")):
                k += 1
            if k + 1 < len(words) and words[k].low == "и" and words[k + 1].low in aw.about:
                j = k + 1
                continue
            break
        i = max(j, i + 1)
    seen, unique = set(), []
    for a in out:
        if a and aw.names.key(a.name) not in seen:
            seen.add(aw.names.key(a.name))
            unique.append(a)
    return unique


def merge_agreements(agreements: list[Agreement]) -> list[Agreement]:
    """One agreement per title in a document: a shorter mention ("Соглашение о купле-продаже")
    gives way to the fuller one that contains it."""
    out: list[Agreement] = []
    for a in sorted(agreements, key=lambda a: -len(a.name)):
        longer = next((o for o in out if o.name.lower().startswith(a.name.lower())
                       and (a.date or "")[:4] in ("", (o.date or "")[:4])), None)
        if longer is None:
            out.append(a)
        elif longer.date is None:
            longer.date = a.date
    return sorted(out, key=lambda a: a.evidence.start)


def _skip_party(aw: AgreementWords, words: list[Word], j: int, mentions: list[RuMention]) -> int:
    """"соглашение с Кыргызстаном о строительстве ...": the party between head and topic."""
    if j >= len(words) or words[j].low not in ("с", "со", "между"):
        return j
    k = j + 1
    while True:
        m = next((m for m in mentions if m.start == k), None)
        if m is None:
            return j
        k = m.end
        if k < len(words) and words[k].low == "и":
            k += 1
            continue
        break
    return k if k < len(words) and words[k].low in aw.about else j


def _skip_including(aw: AgreementWords, words: list[Word], j: int) -> int:
    """"8 документов, в том числе о транзите грузов": the title follows."""
    tail = [w.low for w in words[j:j + 5]]
    if tail[:4] == [",", "в", "том", "числе"] and len(tail) > 4 and tail[4] in aw.about:
        return j + 4
    return j


def _title_end(aw: AgreementWords, words: list[Word], j: int, genitive_only: bool = False) -> int:
    n = 0
    while j < len(words) and n < MAX_WORDS:
        w = words[j]
        if not any(ch.isalpha() for ch in w.text) and w.text != "-":
            break
        if w.low in aw.stop_words or w.a.pos in _STOP_POS:
            break
        if genitive_only and "gent" not in w.a.cases:
            break
        j += 1
        n += 1
    return j


def _agreement(aw, text, words, i, about, j, name, kind, mentions, times, main, anchor) -> Agreement | None:
    if j < about or (j == about + 1 and words[about].low in aw.about):
        return None
    title = (name + " " + text[words[about].start:words[j - 1].end]) if j > about else name
    # a signing is a point in time: a span ("на 2025-2027 годы") is what the document covers
    points = [t for t in times if "/" not in t.value]
    after = [t for t in points if words[j - 1].end <= t.start <= words[j - 1].end + 4]
    dated = after or [t for t in points if not t.deadline]
    date = dated[0].point if dated else None
    if date is None and any(w.is_(*aw.signed) for w in words):
        date = anchor
    parties = sorted({c for m in mentions for c in m.codes if c != "IGO" and m.participant})
    if len(parties) < 2:
        parties = sorted(set(parties) | set(main))
    return Agreement(name=title, parties=parties, evidence=Span(words[i].start, words[j - 1].end,
                     text[words[i].start:words[j - 1].end]), date=date, kind=kind)
