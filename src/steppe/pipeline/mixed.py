"""Documents in two languages: a Russian report quoting an English statement, an English
article with Russian paragraphs. Each paragraph is given to the pipeline of its script
(Cyrillic: Russian, Latin: English) and the facts of the parts are joined.

A part is the whole document with the other language's paragraphs blanked out (spaces,
line breaks kept), so every offset a part's pipeline reports indexes the original text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from steppe.facts import Document, Facts, Span

# A line with fewer letters (a date, a byline, a name) takes the language of the line before.
MIN_LETTERS = 20
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_LATIN = re.compile("[A-Za-z]")


def script_language(line: str) -> str | None:
    """"ru" for a line mostly in Cyrillic, "en" for one mostly in Latin letters, None for
    one too short to tell."""
    cyrillic, latin = len(_CYRILLIC.findall(line)), len(_LATIN.findall(line))
    if cyrillic + latin < MIN_LETTERS:
        return None
    return "ru" if cyrillic > latin else "en"


def language_parts(doc: Document) -> list[Document]:
    """[doc] itself when one language holds all its paragraphs (tagged "ru" when they are
    all Cyrillic: a short Russian text guessed "bg" or "uk" is still Russian); else one
    document per language, each with the other's paragraphs blanked out."""
    own = "ru" if doc.language == "ru" else "en"
    if own == "en" and not _CYRILLIC.search(doc.text):
        return [doc]          # the common case, decided in one regex scan
    lines = doc.text.split("\n")
    langs, current = [], own
    for line in lines:
        current = script_language(line) or current
        langs.append(current)
    if len(set(langs)) < 2:
        return [replace(doc, language="ru")] if langs[0] == "ru" and own != "ru" else [doc]
    parts = []
    for lang in sorted(set(langs)):
        text = "\n".join(line if lg == lang else " " * len(line) for line, lg in zip(lines, langs))
        parts.append(replace(doc, text=text, language=lang))
    return parts


def join_parts(doc: Document, parts: list[Facts]) -> Facts:
    """The facts of a document's parts as the document's: events, figures, agreements and
    projects of every part, evidence read from the original text, an agreement still
    pointing at the event that signed it."""
    if len(parts) == 1:
        return parts[0]
    facts = Facts(id=doc.id)
    for part in parts:
        base = len(facts.events)
        facts.events += part.events
        for ag in part.agreements:
            if ag.signing_event is not None:
                ag.signing_event += base
        facts.agreements += part.agreements
        facts.figures += part.figures
        facts.projects += part.projects
        facts.mentions += part.mentions
    for fact in facts.events + facts.figures + facts.agreements + facts.projects:
        ev = fact.evidence
        fact.evidence = Span(ev.start, ev.end, doc.text[ev.start:ev.end])
    return facts
