"""Find agreements (treaties, declarations, memorandums, road maps, action plans, programmes,
strategies, protocols, conventions, contracts) that a document reports as concluded.

Works on the text plus the sentence spans and resolved actor mentions that the pipeline
already has; no spaCy. Agreements that are only expected or planned are left out: they are
AGREE events with modality `planned` (ANNOTATION.md, coding conventions). The word lists
live in `data/agreements.yaml`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

import yaml

from steppe.facts import Agreement, Span
from steppe.names import content_stems
from steppe.pipeline.projects import find_project_names
from steppe.pipeline.timex import TimeEx, find_timexes, is_dateline, within

__all__ = ["extract_agreements"]


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    text = files("steppe.data").joinpath("agreements.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _words(key: str) -> str:
    return "|".join(_lexicon()[key])


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = _lexicon()
    heads = "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in lex["heads"].items())
    return {
        "head": re.compile(r"\b(?:" + heads + r")\b", re.I),
        "past": re.compile(r"\b(?:" + _words("concluded") + r")\b", re.I),
        "future": re.compile(r"\b(?:" + _words("future") + r")\b", re.I),
        "business": re.compile(r"\b(?:" + _words("business") + r")\b", re.I),
        "occasion": re.compile(r"\b(?:" + _words("occasions") + r")\b", re.I),
        "anaphora": re.compile(r"\b(?:" + _words("project_anaphora") + r")\b", re.I),
    }


_TOKEN = re.compile(r"\S+")
_INTERPOSED = re.compile(
    r"\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:signed|concluded|adopted|approved"
    r"|finali[sz]ed|reached|ratified)(?=\s+(?:for|on|of|between)\b)", re.I)
_COMPLEMENT_START = re.compile(
    r"\s+(?:of|on|for|between|regarding|concerning|in\s+the\s+field\s+of|to)\s", re.I)
_TITLE_STOP = {"The", "A", "An", "This", "That", "These", "Its", "Their", "Our", "Sign", "Signs",
               "Signed", "Signing", "To", "Adopt", "Adopts", "Adopted", "Approve", "Approves",
               "Approved", "Ratify", "Ratifies", "Ratified", "Conclude", "Concluded", "In", "On",
               "Of", "And", "During", "After", "Under", "By", "With", "New", "Visits", "Visit"}
_ACCESS = re.compile(r"(?:access\w*|accesion|retrieved|viewed)\W{0,4}$", re.I)


def _kind(m: re.Match) -> str:
    for kind, value in m.groupdict().items():
        if value:
            return kind
    return "agreement"


def _title_start(text: str, s: int, h0: int) -> int:
    """Start of the capitalised words just before a capitalised head ("Joint Action Plan")."""
    start = h0
    for tok in reversed(list(_TOKEN.finditer(text, s, h0))):
        word = tok.group().strip("\"\u201c\u201d'")
        if tok.end() != start - 1 and text[tok.end():start].strip():
            break
        if not word or word in _TITLE_STOP or not (word[0].isupper() or word[0].isdigit()):
            break
        if re.search(r"[,;:.)\]]$", tok.group()):
            break
        start = tok.start() + (len(tok.group()) - len(tok.group().lstrip("\"\u201c'")))
    return start


def _modifiers_start(text: str, s: int, h0: int) -> int:
    """Start of the pre-modifiers of a lower-case head ("trilateral cooperation agreement")."""
    stop = set(_lexicon()["modifier_stop"])
    start, taken = h0, 0
    for tok in reversed(list(_TOKEN.finditer(text, s, h0))):
        word = tok.group()
        if taken == 4 or re.search(r"[,;:.()\[\]\"\u201c\u201d]", word):
            break
        if word.lower() in stop or word[0].isdigit():
            break
        start, taken = tok.start(), taken + 1
    return start


def _complement_end(text: str, pos: int, end: int, timexes: list[TimeEx]) -> int:
    """End of the complement that starts at `pos` ("on the construction of a joint ...")."""
    m = _COMPLEMENT_START.match(text, pos, end)
    if not m:
        return pos
    stop = set(_lexicon()["complement_stop"])
    comma_stop = set(_lexicon()["comma_stop"])
    result, n = pos, 0
    toks = list(_TOKEN.finditer(text, m.start(), end))
    i = 0
    while i < len(toks) and n < 20:
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
        if n > 0 and bare in stop:
            break
        if word.startswith(("(", "[")) and re.match(r"[(\[]\d", word) or word.startswith("("):
            break
        if word.lower() in ("and", "or") and i + 1 < len(toks) and \
                toks[i + 1].group().lower() in ("the", "a", "an", "its", "their"):
            break
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
            if not nxt or nxt.lower().strip(",") in comma_stop or nxt[0].isupper():
                break
            # Go on only through a list: "joint industrial, trade and logistics center".
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


def _nearest_project(text: str, before: int, floor: int) -> str | None:
    names = find_project_names(text[floor:before])
    return names[-1].name if names else None


def _codes(mentions: list[tuple[int, int, str]], s: int, e: int) -> set[str]:
    return {c for ms, me, c in mentions if s <= ms and me <= e}


def _states(codes: set[str]) -> set[str]:
    return {c for c in codes if not c.startswith("IGO")}


def _parties(mentions: list[tuple[int, int, str]], sentences: list[tuple[int, int]], i: int,
             main_parties: list[str], name_span: tuple[int, int]) -> list[str] | None:
    """Parties of an agreement, or None when it is a domestic document of one state."""
    s, e = sentences[i]
    in_name = _codes(mentions, *name_span)
    codes = _codes(mentions, s, e)
    states = _states(codes)
    if len(_states(in_name)) >= 2:
        return sorted(_states(in_name))
    if len(_states(in_name)) == 1 and len(states) < 2:
        return None        # "Strategy for the Development of Uzbekistan"
    if len(states) >= 2:
        return sorted(states)
    igo = {"IGO"} if any(c.startswith("IGO") for c in codes) else set()
    for j in (i - 1, i + 1):
        if 0 <= j < len(sentences):
            states |= _states(_codes(mentions, *sentences[j]))
    if len(states) + len(igo) < 2:
        states |= set(main_parties)
    return sorted(states | igo)


def _is_concluded(sentence: str, kind: str, titled: bool) -> bool:
    """Signed, adopted or otherwise in force, rather than expected or planned."""
    pats = _patterns()
    for m in pats["past"].finditer(sentence):
        window = sentence[max(0, m.start() - 30):m.start()]
        if not pats["future"].search(window) and not re.search(r"\bto\s+(?:be\s+)?$", window):
            return True
    if pats["future"].search(sentence):
        return False
    return titled and kind in ("treaty", "convention", "declaration", "protocol", "charter",
                               "strategy", "programme", "agreement", "memorandum", "action_plan")


def _date(text: str, timexes: list[TimeEx], name_span: tuple[int, int],
          anchor: str | None) -> str | None:
    """The signing date: the nearest past date of the sentence outside the name."""
    future = _patterns()["future"]

    def usable(t: TimeEx) -> bool:
        if not t.value or t.kind not in ("point", "range"):
            return False
        if t.start < name_span[1] and name_span[0] < t.end:
            return False                  # "Strategy for 2017-2019"
        if anchor and t.value[:len(anchor)] > anchor:
            return False                  # a signing reported as done is not in the future
        between = text[name_span[1]:t.start] if t.start >= name_span[1] else ""
        return not future.search(between)  # "..., which will take effect next year"

    usable_tx = [t for t in timexes if usable(t)]
    # The dateline says when the story was filed; a date in the sentence itself wins.
    usable_tx = [t for t in usable_tx if not is_dateline(text, t)] or usable_tx
    if not usable_tx:
        return None

    def distance(t: TimeEx) -> int:
        return max(name_span[0] - t.end, t.start - name_span[1], 0)
    return min(usable_tx, key=distance).value


def _occasion_date(text: str, sentences: list[tuple[int, int]], i: int,
                   sentence_timexes: list[list[TimeEx]], anchor: str | None) -> str | None:
    """Date of the visit or meeting during which an undated agreement was signed.

    Articles recall older visits too ("his first visit in 2017"); the occasion an agreement
    is reported from is nearly always the latest one, so the latest dated occasion of the
    same kind (visit, meeting, ...) before the sentence wins, then any occasion.
    """
    occasion = _patterns()["occasion"]
    here = {_occasion_family(w) for w in occasion.findall(text[slice(*sentences[i])])}
    if not here:
        return None
    best: dict[bool, str] = {}
    for j in range(i - 1, -1, -1):
        families = {_occasion_family(w) for w in occasion.findall(text[slice(*sentences[j])])}
        if not families:
            continue
        same = bool(families & here)
        for t in sentence_timexes[j]:
            if not t.value or t.kind not in ("point", "range") or t.value <= best.get(same, ""):
                continue
            if anchor is None or t.value[:len(anchor)] <= anchor:
                best[same] = t.value
    return best.get(True) or best.get(False)


def _occasion_family(word: str) -> str:
    """"visits", "visited" -> "visit"; "meetings", "met" -> "meet"."""
    word = word.lower()
    return "meet" if word == "met" else word[:4]


def _clean_name(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,;:\"\u201c\u201d'")
    name = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.I)
    return name[:1].upper() + name[1:]


def extract_agreements(text: str, *, anchor: str | None, sentences: list[tuple[int, int]],
                       mentions: list[tuple[int, int, str]],
                       main_parties: list[str],
                       timexes: list[TimeEx] | None = None) -> list[Agreement]:
    """Agreements the document reports as concluded, with parties, date and evidence.
    `timexes` are the document's time expressions when the caller has them already."""
    pats = _patterns()
    if timexes is None:
        timexes = find_timexes(text, anchor=anchor)
    sentence_timexes = []
    for s, e in sentences:
        found = within(timexes, s, e)
        sentence_timexes.append([t for t in found
                                 if not _ACCESS.search(text[max(s, t.start - 25):t.start])])
    out: list[Agreement] = []
    seen: dict[frozenset[str], Agreement] = {}
    for i, (s, e) in enumerate(sentences):
        sentence = text[s:e]
        for m in pats["head"].finditer(text, s, e):
            kind = _kind(m)
            h0, h1 = m.start(), m.end()
            head = m.group()
            low = head.lower()
            plural = (low.endswith("s") and not low.endswith("ss")) or low == "memoranda"
            if re.match(r"\s+(?:Organi[sz]ation|Council|Secretariat)\b", text[h1:h1 + 20]):
                continue
            titled = head[0].isupper() and (h0 > s + 2 or bool(re.match(r"\s+(?:of|on|for)\s+[A-Z]",
                                                                        text[h1:h1 + 30])))
            start = _title_start(text, s, h0) if titled else _modifiers_start(text, s, h0)
            comp_from = h1
            inter = _INTERPOSED.match(text, h1, e)
            if inter:
                comp_from = inter.end()
            comp_end = _complement_end(text, comp_from, e, sentence_timexes[i])
            has_complement = comp_end > comp_from
            name = text[start:h1] + (" " + text[comp_from:comp_end].strip() if has_complement else "")
            anaphora = pats["anaphora"].search(name) or (
                not has_complement and pats["anaphora"].search(sentence))
            if anaphora and kind not in ("treaty", "declaration"):
                project = _nearest_project(text, h0, sentences[max(0, i - 5)][0])
                if project:
                    if has_complement:
                        name = pats["anaphora"].sub(f"the {project}", name, count=1)
                    else:
                        name = f"{name} for the {project}"
                    has_complement = True
            if kind == "document" and not (titled or re.match(r"\s+on\s", text[h1:h1 + 4])):
                continue
            if not titled and not has_complement and (plural or start == h0):
                continue          # "the agreements made", "the declaration"
            if plural and (kind == "contract" or pats["business"].search(sentence)):
                continue          # contracts between companies, not states
            if not _is_concluded(sentence, kind, titled):
                continue
            name_span = (start, max(h1, comp_end))
            parties = _parties(mentions, sentences, i, main_parties, name_span)
            if parties is None:
                continue
            date = _date(text, sentence_timexes[i], name_span, anchor) or \
                _occasion_date(text, sentences, i, sentence_timexes, anchor)
            name = _clean_name(name)
            key = content_stems(name) or frozenset([name.lower()])
            if key in seen:
                if seen[key].date is None and date:
                    seen[key].date = date
                continue
            ev_s = s + len(sentence) - len(sentence.lstrip())
            ev_e = s + len(sentence.rstrip())
            agreement = Agreement(name=name, parties=parties, date=date,
                                  kind="agreement" if kind == "document" else kind,
                                  evidence=Span(ev_s, ev_e, text[ev_s:ev_e]))
            seen[key] = agreement
            out.append(agreement)
    return out
