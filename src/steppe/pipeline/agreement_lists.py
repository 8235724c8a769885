"""Lists of signed documents: "The following documents were signed:" and its items.

Official reports of a visit often list what was signed, one document a line (with or
without bullets, ended by ";" or nothing), or flattened into one run of titles by a web
page. The items take the status, date and parties of the statement that introduces them
(pipeline/agreements.py); this module finds the statement and cuts the items apart. The
words are those of an AgreementGrammar (agreement_grammar.py).
"""

from __future__ import annotations

import re

from steppe.pipeline.agreement_grammar import AgreementGrammar
from steppe.pipeline.agreement_titles import BULLET

__all__ = ["item_start", "read_lists"]

_ARTICLE = re.compile(r"(?:an?|the)\s+", re.I)


def _plural(head: str) -> bool:
    low = head.lower()
    return low.endswith("s") and not low.endswith("ss") or low.startswith("memoranda")


def read_lists(text: str, sentences: list[tuple[int, int]], g: AgreementGrammar,
               ) -> tuple[list[tuple[int, int]], dict[int, tuple[int, bool]]]:
    """Sentences with list items cut apart, and the sentences that take the status of a
    signing statement before them: the items of a list under "The following documents were
    signed:" and the sentence right after "In total, 22 documents were signed" (mapped to
    the statement, and whether it is a list item).

    Items stand on lines of their own (with or without bullets, ended by ";" or nothing);
    a list flattened into one line is cut where a capitalised head noun starts a new title
    ("... on customs cooperation Memorandum of understanding in tourism ...").
    """
    past, future = g.past, g.future
    out: list[tuple[int, int]] = []
    inherited: dict[int, tuple[int, bool]] = {}
    header: int | None = None
    for s, e in sentences:
        sentence = text[s:e]
        line_start = text.rfind("\n", 0, s) + 1
        own_line = not text[line_start:s].strip()
        if header is not None and own_line and _looks_like_item(text, s, e, g):
            for a, b in _cut_run(text, s, e, g):
                inherited[len(out)] = (header, True)
                out.append((a, b))
            continue
        header = None
        concluded = past.search(sentence) and not future.search(sentence)
        if concluded and sentence.rstrip().endswith(":"):
            header = len(out)
        elif concluded and any(_plural(h.group()) for h in g.heads.finditer(sentence)):
            inherited[len(out) + 1] = (len(out), False)   # "In total, 22 documents were signed."
        out.append((s, e))
    return out, inherited


def item_start(text: str, s: int) -> int:
    """Where the title of a list item starts, after its bullet and article."""
    bullet = BULLET.match(text, s)
    pos = bullet.end() if bullet else s
    article = _ARTICLE.match(text, pos)
    return article.end() if article else pos


def _looks_like_item(text: str, s: int, e: int, g: AgreementGrammar) -> bool:
    """A bullet, a title at the start ("A Memorandum of ..."), or a line ended by ";"."""
    article = _ARTICLE.match(text, s)
    return bool(BULLET.match(text, s) or g.heads.match(text, article.end() if article else s)
                or text[s:e].rstrip().endswith(";"))


def _cut_run(text: str, s: int, e: int, g: AgreementGrammar) -> list[tuple[int, int]]:
    """A flattened list cut at each capitalised head noun that starts a new title (not
    after a function word: "the Agreement on")."""
    cuts = [s]
    for m in g.heads.finditer(text, s, e):
        if m.start() <= s + 2 or not m.group()[0].isupper() or not text[m.start() - 1].isspace():
            continue
        before = text[cuts[-1]:m.start()].split()
        if before and before[-1].lower().strip(",") not in g.function_words and not before[-1].endswith(","):
            cuts.append(m.start())
    spans = []
    for a, b in zip(cuts, cuts[1:] + [e]):
        b = a + len(text[a:b].rstrip())
        spans.append((a, b))
    return spans
