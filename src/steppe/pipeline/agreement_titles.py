"""A grammar of agreement titles: where the name of an agreement starts and ends.

    TITLE   := PREMODS HEAD COMPLEMENT
    PREMODS := capitalised words before a capitalised head ("Joint Action Plan")
             | up to four modifiers before a lower-case head ("trilateral cooperation agreement"),
               a year among them being the signing year ("the 2012 agreement")
    HEAD    := a head noun of data/agreements.yaml ("agreement", "memorandum of understanding")
    COMPLEMENT := prepositional phrases (of, on, for, between, regarding, to ...), whose
               objects may be coordinated lists ("on trade, economic, scientific and technical
               cooperation", "between Shymkent and Jizzakh, Turkestan and Tashkent")

The complement ends before the circumstances of the signing: its venue ("in Astana", "in
the Kazakh capital": a capital or city of the knowledge base), a date (the time
expressions), its signers ("by ...") and its occasion ("during the state visit", "on the
sidelines of ..."); a place of another kind belongs to the title ("in the Syr Darya basin").

A singular head keeps its whole complement, lists included. A plural head over a list names
one agreement per member ("agreements on transit, on energy and on customs" are three), the
way the text means it. Regular expressions over the text; no spaCy. The words are those of
an AgreementGrammar (agreement_grammar.py: data/agreements.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from steppe.pipeline.agreement_grammar import AgreementGrammar
from steppe.pipeline.timex import TimeEx

__all__ = ["BULLET", "Title", "read_titles", "singular"]


@dataclass
class Title:
    """One agreement name read around a head noun."""

    start: int              # where the name starts in the text
    end: int                # where it ends (the head, or the end of the complement)
    name: str
    kind: str
    titled: bool            # written as a title (capitalised head inside a sentence)
    plural: bool
    has_complement: bool
    year: str | None = None  # a year before the head: "the 2012 agreement"
    gap: tuple[int, int] | None = None   # words left out between head and complement


_TOKEN = re.compile(r"\S+")
_YEAR = re.compile(r"(?:19|20)\d\d")
BULLET = re.compile(r"\s*(?:[-\u2013\u2014\u2022*\u00b7]|\d{1,2}[.)])\s+")


def _kind(m: re.Match) -> str:
    for kind, value in m.groupdict().items():
        if value:
            return kind
    return "agreement"


def _title_start(text: str, s: int, h0: int, g: AgreementGrammar) -> int:
    """Start of the capitalised words just before a capitalised head ("Joint Action Plan")."""
    start = h0
    for tok in reversed(list(_TOKEN.finditer(text, s, h0))):
        word = tok.group().strip("\"\u201c\u201d'")
        if tok.end() != start - 1 and text[tok.end():start].strip():
            break
        if not word or word in g.title_stop or not (word[0].isupper() or word[0].isdigit()):
            break
        if re.search(r"[,;:.)\]]$", tok.group()):
            break
        start = tok.start() + (len(tok.group()) - len(tok.group().lstrip("\"\u201c'")))
    return start


def _modifiers_start(text: str, s: int, h0: int, g: AgreementGrammar) -> tuple[int, str | None]:
    """Start of the pre-modifiers of a lower-case head ("trilateral cooperation agreement"),
    and a year written among them ("the 2012 agreement": the year it was signed)."""
    stop = g.modifier_stop
    start, taken = h0, 0
    for tok in reversed(list(_TOKEN.finditer(text, s, h0))):
        word = tok.group()
        if taken == 4 or re.search(r"[,;:.()\[\]\"\u201c\u201d]", word) or not re.search(r"\w", word):
            break
        if _YEAR.fullmatch(word):
            return start, word
        if word.lower() in stop or word[0].isdigit():
            break
        start, taken = tok.start(), taken + 1
    return start, None


def _venue_end(text: str, pos: int, end: int, timexes: list[TimeEx], g: AgreementGrammar) -> int | None:
    """End of the venue of a signing written at `pos` ("in Astana", "in the Kazakh capital",
    "in the city of Osh"), or None. The place must be a capital or a town of the knowledge
    base, and the phrase must end there, before a clause, a phrase or a date: "in Tashkent
    region" and "consulates in Osh and Shymkent" are no venues."""
    m = g.venue_place.match(text, pos, end)
    if m and m.group("place") in g.venue_places:
        stop = m.end()
    else:
        m = g.venue_noun.match(text, pos, end)
        if not m:
            return None
        stop = m.end()
    after = text[stop:end].lstrip()
    if not after or not after[0].isalnum() or after[0].isupper():
        return stop
    word = after.split(None, 1)[0].strip(",.;:").lower()
    at = end - len(after)
    if word in g.complement_stop or re.fullmatch(g.phrase_prepositions, word) or \
            any(t.start == at for t in timexes):
        return stop
    return None


def _circumstance(text: str, pos: int, end: int, timexes: list[TimeEx], g: AgreementGrammar) -> bool:
    """Whether the words at `pos` tell where or on what occasion the agreement was signed
    ("in Astana", "during the state visit", "on the sidelines of the forum"): no part of
    its title."""
    return bool(g.circumstance.match(text, pos, end)) or \
        _venue_end(text, pos, end, timexes, g) is not None


def _complement_end(text: str, pos: int, end: int, timexes: list[TimeEx], g: AgreementGrammar, *,
                    limit: int = 20, titled: bool = False) -> int:
    """End of the complement that starts at `pos` ("on the construction of a joint ...").
    In a title, capitalised list members go on after a comma ("Treaty on Friendship,
    Good-Neighbourliness and Cooperation")."""
    m = g.complement_start.match(text, pos, end)
    if not m:
        return pos
    stop, comma_stop = g.complement_stop, g.comma_stop
    result, n = pos, 0
    toks = list(_TOKEN.finditer(text, m.start(), end))
    opening = m.group().split()[0].lower()
    between = False        # inside "between X and Y": "and the" pairs two signatories
    i = 0
    while i < len(toks) and n < limit:
        tok = toks[i]
        word = tok.group()
        bare = word.strip(",.;:\"\u201c\u201d").lower()
        tx = next((t for t in timexes if t.start <= tok.start() < t.end), None)
        if tx is not None:
            before = text[pos:tok.start()].lower().split()
            if before and before[-1] in ("for", "period") and tx.kind == "range":
                result = tx.end
                i = next((j for j in range(i, len(toks)) if toks[j].start() >= tx.end), len(toks))
                n += 1
                continue
            break
        if n > 0 and (bare in stop or _circumstance(text, tok.start(), end, timexes, g)):
            break
        if bare == "between":
            between = True
        if re.fullmatch(r"\([A-Za-z]{2,8}\)[,.;]?", word) and n > 0:
            i += 1                    # an abbreviation: "cubic metres (bcm) of gas"
            continue
        if word.startswith(("(", "[")) and re.match(r"[(\[]\d", word) or word.startswith("("):
            break
        if word.lower() in ("and", "or") and i + 1 < len(toks) and \
                re.fullmatch(r"[a-z]+ed", toks[i + 1].group()):
            break                     # "... on the results of the visit and witnessed ..."
        if word.lower() in ("and", "or") and i + 1 < len(toks) and \
                toks[i + 1].group().lower() in ("the", "a", "an", "its", "their"):
            if not between:
                break
            between = False           # "between A and the B": one pair only
        if re.fullmatch(r"\[[^\W\d]+\][,.]?", word):
            word = word.strip("[],.") + word[-1] * (word[-1] in ",.")   # editorial "[word]"
        clean = re.sub(r"(?<!\b[A-Z])[.;:\"\u201c\u201d\u2019)\]]+$|\[\d+\]$", "", word)
        clean = re.sub(r"\[\d+\]", "", clean)
        result = tok.start() + len(clean.rstrip(","))
        n += 1
        if clean != word and not word.endswith(","):
            break
        if word.endswith(","):
            nxt = toks[i + 1].group() if i + 1 < len(toks) else ""
            if nxt.lower() == opening:             # "on transit, on energy and on customs"
                i += 1
                continue
            if not nxt or nxt.lower().strip(",") in comma_stop or \
                    (nxt[0].isupper() and not between and not titled):
                break
            # Go on only through a list: "joint industrial, trade and logistics center",
            # "between Shymkent and Jizzakh, Turkestan and Tashkent".
            if not any(t.group().lower() in ("and", "or") for t in toks[i + 1:i + 4]):
                break
        i += 1
    # Drop trailing function words the stop rules left behind.
    while True:
        tail = re.search(r"\s+(?:of|on|for|the|a|an|and|in|to|with|its|their)$",
                         text[pos:result], re.I)
        if not tail:
            break
        result = pos + tail.start()
    return result


def singular(head: str) -> str:
    """"Agreements" -> "Agreement", "memoranda of understanding" -> "memorandum of ..."."""
    def one(m: re.Match) -> str:
        w = m.group()
        low = w.lower()
        if low == "memoranda":
            return w[:-1] + "um"
        if low.endswith("ies"):
            return w[:-3] + "y"
        if low.endswith("s") and not low.endswith("ss") and len(w) > 3:
            return w[:-1]
        return w
    return re.sub(r"[^\W\d_]+", one, head)


def _members(body: str, prep: str) -> list[str]:
    """The members of a coordinated object, or [] when it names one thing.

    "A, B and C" (members of one word or more) are several things; "trade and economic
    cooperation" (single words sharing the last noun) is one. "Between" objects pair
    up: "A and B, C and D" are two pairs.
    """
    if prep.lower() == "between":
        chunks = [c.strip() for c in re.split(r",\s*", body) if c.strip()]
        pairs: list[str] = []
        for c in chunks:
            if re.search(r"\band\b", c) or not pairs:
                pairs.append(c)
            else:
                pairs[-1] += ", " + c
        return pairs if len(pairs) >= 2 and all(re.search(r"\band\b", p) for p in pairs) else []
    parts = [p.strip() for p in re.split(r",\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+", body)
             if p.strip()]
    if len(parts) < 2:
        return []
    if len(parts[-1].split()) >= 2 and all(len(p.split()) == 1 for p in parts[:-1]):
        return []          # "trade, economic and technical cooperation"
    return parts


def _split(name: str, head_start: int, head_end: int, prep: str) -> list[str]:
    """One name per member of a list under a plural head (see `_members`); `prep` is the
    alternation of the prepositions that open a phrase."""
    head = name[:head_start] + singular(name[head_start:head_end])
    rest = name[head_end:]
    # The same preposition repeated: "on transit, on energy and on customs".
    rep = re.match(r"\s+(" + prep + r")\s+", rest)
    if rep:
        p = rep.group(1)
        pieces = re.split(r",\s*(?:(?:and|or)\s+)?(?=" + p + r"\s)|\s+(?:and|or)\s+(?=" + p + r"\s)",
                          rest.strip())
        if len(pieces) >= 2 and all(x.startswith(p + " ") for x in pieces):
            return [f"{head} {x}" for x in pieces]
    # A list in the object of one preposition: the phrase before it is shared.
    for m in re.finditer(r"\s(" + prep + r")\s+", rest):
        obj_start = m.end()
        nxt = re.search(r"\s(?:" + prep + r")\s", rest[obj_start:])
        obj_end = obj_start + nxt.start() if nxt and m.group(1).lower() != "between" else len(rest)
        members = _members(rest[obj_start:obj_end], m.group(1))
        if members:
            shared = head + rest[:obj_start]
            return [shared + x + rest[obj_end:] for x in members]
    return [name]


def read_titles(text: str, s: int, e: int, m: re.Match, timexes: list[TimeEx],
                g: AgreementGrammar) -> list[Title]:
    """The agreement name(s) around the head `m` in the sentence [s, e)."""
    kind = _kind(m)
    h0, h1 = m.start(), m.end()
    head = m.group()
    low = head.lower()
    plural = (low.endswith("s") and not low.endswith("ss")) or low.startswith("memoranda") or \
        bool(re.match(r"\w+s\s+of\b", low))
    item = BULLET.match(text, s)
    at_start = h0 <= (item.end() if item else s) + 2
    followed_by_title = bool(re.match(r"\s+(?:of|on|for)\s+[A-Z]", text[h1:h1 + 30]))
    titled = head[0].isupper() and (not at_start or followed_by_title)
    year = None
    if titled:
        start = _title_start(text, s, h0, g)
        lead = _YEAR.match(text, start)
        if lead and text[lead.end():lead.end() + 1] == " " and start < h0:
            year, start = lead.group(), lead.end() + 1      # "the 1998 Treaty of ..."
    else:
        start, year = _modifiers_start(text, s, h0, g)
    comp_from = h1
    inter = g.interposed.match(text, h1, e)
    if inter:
        comp_from = inter.end()
    else:   # a date or a venue between head and complement: "signed a road map on
        # Tuesday to expand ...", "signed an agreement in Astana on ..."
        tx = next((t for t in timexes if 0 <= t.start - h1 <= 4
                   and text[h1:t.start].strip() in ("", "on", "in")), None)
        venue = _venue_end(text, h1 + 1, e, timexes, g) if text[h1:h1 + 1] == " " else None
        skip = tx.end if tx is not None else venue
        if skip is not None and g.complement_start.match(text, skip, e):
            comp_from = skip
    limit = 30 if item else 20           # list items spell out long official titles
    comp_end = _complement_end(text, comp_from, e, timexes, g, limit=limit, titled=titled)
    gap = (h1, comp_from) if comp_end > comp_from > h1 else None
    has_complement = comp_end > comp_from
    name = text[start:h1] + (" " + text[comp_from:comp_end].strip() if has_complement else "")
    names = _split(name, h0 - start, h1 - start, g.phrase_prepositions) if plural and has_complement else [name]
    return [Title(start=start, end=max(h1, comp_end), name=n, kind=kind, titled=titled,
                  plural=plural and len(names) == 1, has_complement=has_complement, year=year,
                  gap=gap)
            for n in names]
