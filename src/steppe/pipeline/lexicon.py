"""The trigger lexicon (data/triggers/en.yaml) and the PLOVER tables (data/plover.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib.resources import files

import yaml

from steppe.errors import ConfigError
from steppe.facts import PLOVER_TYPES

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Irregular forms, so that the cheap pre-filter can look for triggers in raw tokens.
_IRREGULAR = {
    "meet": ["met"], "hold": ["held"], "pay": ["paid"], "send": ["sent"], "give": ["gave", "given"],
    "take": ["took", "taken"], "lead": ["led"], "make": ["made"], "seek": ["sought"],
    "withdraw": ["withdrew", "withdrawn"], "shoot": ["shot"], "fight": ["fought"],
    "break": ["broke", "broken"], "swear": ["swore", "sworn"], "sell": ["sold"], "tell": ["told"],
    "say": ["said"], "bring": ["brought"], "buy": ["bought"], "build": ["built"],
    "begin": ["began", "begun"], "strike": ["struck"], "freeze": ["froze", "frozen"],
    "throw": ["threw", "thrown"], "forgive": ["forgave", "forgiven"], "undertake": ["undertook", "undertaken"],
    "drive": ["drove", "driven"], "rise": ["rose", "risen"], "hit": ["hit"], "put": ["put"],
    "set": ["set"], "cut": ["cut"], "shut": ["shut"], "beat": ["beaten"], "lay": ["laid"],
    "spend": ["spent"], "lend": ["lent"], "keep": ["kept"], "flee": ["fled"], "hang": ["hung"],
    "forbid": ["forbade", "forbidden"], "withhold": ["withheld"], "uphold": ["upheld"],
    "overthrow": ["overthrew", "overthrown"], "go": ["went", "gone"], "come": ["came"],
    "win": ["won"], "lose": ["lost"], "steal": ["stole", "stolen"],
    "blow": ["blew", "blown"], "fly": ["flew", "flown"], "shake": ["shook", "shaken"],
    "bear": ["bore", "borne"], "stand": ["stood"], "feel": ["felt"], "find": ["found"],
    "be": ["is", "was", "were", "are", "been"], "have": ["has", "had"], "do": ["did", "done"],
    "speak": ["spoke", "spoken"], "write": ["wrote", "written"], "arise": ["arose"],
    "bid": ["bid"], "quit": ["quit"], "forgo": ["forwent", "forgone"],
}


@dataclass(frozen=True)
class Trigger:
    lemmas: tuple[str, ...]
    pos: str
    type: str
    mode: str = ""
    gap: int = 0
    needs_object: frozenset[str] = frozenset()
    # ... and never when it has one of these ("released a statement", "a press release").
    not_object: frozenset[str] = frozenset()
    weight: float = 1.0
    reciprocal: bool = False
    reversed: bool = False       # the subject is the host/target ("host", "receive")
    derived: bool = False        # from the CAMEO-derived lexicon, not written by hand


@dataclass(frozen=True)
class Cues:
    """Words that set an event's modality (see the `modality` section of the lexicon)."""

    future_aux: frozenset[str] = frozenset()
    hypothetical_aux: frozenset[str] = frozenset()
    obligation_aux: frozenset[str] = frozenset()
    negating_governors: frozenset[str] = frozenset()
    planning_governors: frozenset[str] = frozenset()
    future_words: frozenset[str] = frozenset()
    reporting_verbs: frozenset[str] = frozenset()


@dataclass
class Lexicon:
    triggers: dict[str, list[Trigger]] = field(default_factory=dict)   # first lemma -> entries
    surfaces: frozenset[str] = frozenset()                             # forms for the pre-filter
    cues: Cues = field(default_factory=Cues)
    plover: dict[str, dict] = field(default_factory=dict)

    def score(self, type_: str, mode: str) -> tuple[float | None, int | None, str | None]:
        """PLOVER score, quad class and CAMEO root of a type (and mode)."""
        t = self.plover.get(type_) or {}
        modes = t.get("modes") or {}
        score = modes.get(mode, t.get("score")) if mode else t.get("score")
        return score, t.get("quad"), t.get("cameo")


def load_lexicon(language: str = "en") -> Lexicon:
    """Trigger lexicon and PLOVER tables from the package data."""
    base = files("steppe.data")
    try:
        raw = yaml.load((base / "triggers" / f"{language}.yaml").read_text(encoding="utf-8"), Loader=_Loader)
        plover = yaml.load((base / "plover.yaml").read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"trigger lexicon for {language!r}: {exc}") from exc
    entries = raw["triggers"] if isinstance(raw, dict) else raw
    lex = Lexicon(plover=(plover or {}).get("types", {}))
    surfaces: set[str] = set()
    for e, lemma in _expand(entries):
        _add(lex, _trigger(e, lemma), surfaces)
    hand = set(lex.triggers)
    derived = base / "triggers" / f"cameo_{language}.tsv"
    if derived.is_file():
        # The broad lexicon derived from CAMEO (scripts/derive_cameo_lexicon.py) adds verbs
        # the hand lexicon lacks; a word en.yaml already codes keeps its hand entries (they
        # know its ambiguity: "sue" is an accusation, not CAMEO's coercion).
        for line in derived.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            lemma, type_, _cameo, mode, roles = (line.split("\t") + [""] * 5)[:5]
            trig = _trigger({"type": type_, "mode": mode, "roles": roles}, lemma, derived=True)
            if trig.lemmas[0] not in hand:
                _add(lex, trig, surfaces)
    lex.surfaces = frozenset(surfaces)
    if isinstance(raw, dict):
        known = set(Cues.__dataclass_fields__)
        given = raw.get("modality") or {}
        unknown = set(given) - known
        if unknown:
            raise ConfigError(f"trigger lexicon for {language!r}: unknown modality cues {sorted(unknown)}")
        lex.cues = Cues(**{k: frozenset(str(w).lower() for w in v) for k, v in given.items()})
    return lex


# Derived entries count for less than hand-written ones (ambiguity is not marked in
# CAMEO) and may have modifiers between their words ("strained [their] relations").
DERIVED_WEIGHT = 0.7
DERIVED_GAP = 3


def _trigger(e: dict, lemma: str, derived: bool = False) -> Trigger:
    t = str(e.get("type", "")).upper()
    if t not in PLOVER_TYPES:
        raise ConfigError(f"trigger {e!r}: unknown PLOVER type {t!r}")
    lemmas = tuple(lemma.lower().split())
    pos = "VERB" if derived else str(e.get("pos") or "").upper()
    gap = DERIVED_GAP if derived and len(lemmas) > 1 else int(e.get("gap") or 0)
    weight = float(e.get("weight", DERIVED_WEIGHT if derived else 1.0))
    return Trigger(lemmas=lemmas, pos=pos, type=t, mode=str(e.get("mode") or ""), gap=gap,
                   needs_object=frozenset(str(x).lower() for x in e.get("needs_object") or ()),
                   not_object=frozenset(str(x).lower() for x in e.get("not_object") or ()),
                   weight=weight, reciprocal=bool(e.get("reciprocal")),
                   reversed=str(e.get("roles") or "") == "reversed", derived=derived)


def _add(lex: Lexicon, trig: Trigger, surfaces: set[str]) -> None:
    lex.triggers.setdefault(trig.lemmas[0], []).append(trig)
    surfaces.update(inflections(trig.lemmas[0]))


def _expand(entries: list[dict]) -> list[tuple[dict, str]]:
    """An entry names one `lemma` or a list of `lemmas` sharing the other fields."""
    out = []
    for e in entries:
        for lemma in ([e["lemma"]] if "lemma" in e else e.get("lemmas") or []):
            out.append((e, str(lemma)))
    return out


def inflections(lemma: str) -> set[str]:
    """Likely surface forms of an English lemma (regular rules plus a small irregular table)."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing", lemma[:-1] + "ed"}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", lemma):
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    if lemma.endswith("is"):
        forms.add(lemma[:-2] + "es")
    forms.update(_IRREGULAR.get(lemma, ()))
    return forms
