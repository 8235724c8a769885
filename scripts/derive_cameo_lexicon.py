#!/usr/bin/env python3
"""Derive steppe's broad trigger lexicon from the CAMEO verb pattern dictionary.

    .venv/bin/python scripts/derive_cameo_lexicon.py ../shared/reference/petrarch2/CAMEO.2.0.txt \
        > src/steppe/data/triggers/cameo_en.tsv

The PETRARCH2 dictionary (MIT, Open Event Data Alliance; notice in data/kb/SOURCES.md) maps
verbs and "verb + object" phrasings to CAMEO codes. We keep what our parser-based coder can
use and map the CAMEO root to its PLOVER type (data/plover.yaml, PLOVER manual table 7.1):

- a verb (or "+VERB_PARTICLE") alone with a specific sub-code (not "110", "040") of its
  own or as the head word of its block (the block's WordNet synonyms are too loose alone);
- a pattern "- * WORDS [code]" with nothing before the verb (no subject constraint) and at
  most three words after it, for the verb its comment names (else the block's verbs);
  &SETS are expanded when small, $/+/^ role markers dropped;
- CAMEO 01 and 02 (statements, appeals) are dropped as in PLOVER; 08 splits into CONCEDE
  (081-083) and RETREAT (084-087); 042 is a visit, 043 a hosted visit (roles reversed);
  plain 172 (administrative sanctions: visa rules, restrictions) is SANCTION;
- single verbs that are modality cues in en.yaml ("intend", "plan", "say") are left out:
  they govern other events rather than being one.

Words are lemmatised with the project's spaCy model, so entries read like en.yaml's.
Hand-written entries of en.yaml take precedence over these at load time.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import spacy
import yaml

from steppe.pipeline.nlp import MODEL

DATA = Path(__file__).resolve().parent.parent / "src" / "steppe" / "data"
MAX_SET = 25          # larger synonym sets (currencies, weapons...) are not expanded
MAX_WORDS = 3         # words after the verb in a pattern
_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_CODE = re.compile(r"\[([^\]]*)\]")


def plover_of(code: str, roots: dict[str, str], dropped: set[str]) -> str | None:
    """PLOVER type of a CAMEO code ("0231", "042:043", ":190"), None when dropped."""
    code = next((c for c in code.split(":") if c.strip()), "").strip()
    if not code.isdigit() or len(code) < 2:
        return None
    root = code[:2]
    if root in dropped:
        return None
    if code == "172":
        # "impose administrative sanctions" (visa rules, entry conditions, restrictions):
        # between states a restriction is a SANCTION (ANNOTATION.md); its sub-codes
        # (curfew, martial law, banned parties) stay COERCE.
        return "SANCTION"
    if root == "08":
        sub = code[:3]
        if sub in ("081", "082", "083"):
            return "CONCEDE"
        if sub in ("084", "085", "086", "087"):
            return "RETREAT"
        return None
    return roots.get(root)


def _specific(code: str) -> bool:
    code = next((c for c in code.split(":") if c.strip()), "").strip()
    return len(code) >= 3 and code[2] != "0"


def read_sets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    cur = None
    for line in lines:
        line = line.split("#", 1)[0].rstrip()
        if line.startswith("&"):
            cur = line.strip()
            sets[cur] = []
        elif cur and line.startswith("+"):
            sets[cur].append(line[1:].strip().split()[0].strip("_").replace("_", " "))
        elif not line.strip():
            cur = None
    return sets


def pattern_words(body: str, sets: dict[str, list[str]]) -> list[list[str]] | None:
    """The phrasings of a pattern's words after '*', or None when it is not usable."""
    if not body.startswith("*"):
        return None            # a subject constraint before the verb
    toks = re.sub(r"[(){}]", " ", body[1:]).split()
    toks = [t for t in toks if t not in ("$", "+", "^", "%", "|")]
    if not toks or any(not re.fullmatch(r"&?[A-Z][A-Z_'-]*", t) for t in toks):
        return None
    options: list[list[str]] = [[]]
    for t in toks:
        if t.startswith("&"):
            members = sets.get(t)
            if not members or len(members) > MAX_SET:
                return None
            options = [o + [m.lower()] for o in options for m in members]
        else:
            options = [o + [t.strip("_").replace("_", " ").lower()] for o in options]
    options = [o for o in options if len(" ".join(o).split()) <= MAX_WORDS]
    return options or None


def main(path: str) -> None:
    plover = yaml.safe_load((DATA / "plover.yaml").read_text(encoding="utf-8"))
    roots = {r: t for t, d in plover["types"].items() for r in d.get("cameo_roots", [])
             if t not in ("CONCEDE", "RETREAT")}
    dropped = set(plover.get("cameo_dropped", []))
    hand = yaml.safe_load((DATA / "triggers" / "en.yaml").read_text(encoding="utf-8"))
    cues = {w for ws in hand["modality"].values() for w in ws}

    lines = Path(path).read_text(encoding="latin-1").splitlines()
    start = next(i for i, l in enumerate(lines) if "VERB PATTERNS" in l)
    end = next(i for i, l in enumerate(lines) if "TRANSFORMATIONS" in l)
    sets = read_sets(lines[:start])
    nlp = spacy.load(MODEL, disable=["parser", "ner"])
    lemma_cache: dict[str, str] = {}

    def lemmatise(words: str) -> str:
        if words not in lemma_cache:
            lemma_cache[words] = " ".join(t.lemma_.lower() for t in nlp(words))
        return lemma_cache[words]

    entries: dict[tuple[str, str], dict] = {}

    def add(lemma: str, code: str) -> None:
        type_ = plover_of(code, roots, dropped)
        if type_ is None or (" " not in lemma and lemma in cues):
            return
        first = code.split(":")[0] or code.split(":")[-1]
        e = {"lemma": lemma, "type": type_, "cameo": str(first)}
        if first.startswith("042"):
            e["mode"] = "visit"
        elif first.startswith("043"):
            e["mode"], e["roles"] = "visit", "reversed"
        entries.setdefault((lemma, type_), e)

    block_name, block_code, verbs = "", "", []
    for raw in lines[start + 1:end]:
        line = raw.split("#", 1)[0].rstrip()
        m = _BLOCK.match(line)
        if m:
            block_name, block_code, verbs = m.group(1).lower(), m.group(2), []
            continue
        if not line.strip() or line.startswith("&"):
            continue
        codes = _CODE.findall(line)
        code = codes[-1] if codes else block_code
        if line.startswith("-"):
            opts = pattern_words(_CODE.sub("", line[1:]).strip(), sets)
            if opts is None or code == "---":
                continue
            # The comment names the verb the pattern was written for ("# TOUGHEN"); the
            # block's other synonyms (many from WordNet) do not inherit its phrasings.
            noted = raw.split("#", 1)[1].strip().split()[:1] if "#" in raw else []
            noted = [v for v in (w.replace("_", " ").lower() for w in noted) if v in verbs]
            for verb in noted or verbs:
                for words in opts:
                    add(f"{verb} {lemmatise(' '.join(words))}", code)
            continue
        word = re.sub(r"\{[^}]*\}", "", line).split()[0] if line.split() else ""
        word = _CODE.sub("", word).lstrip("+").strip("_")
        if not re.fullmatch(r"[A-Z][A-Z_-]*", word):
            continue
        verb = word.replace("_", " ").lower()
        verbs.append(verb)
        if (codes or verb == block_name) and _specific(code):
            # A verb alone is a trigger only with a code of its own or as the block's head
            # word (the block's other synonyms, WordNet sets, are too loose alone), and only
            # with a specific CAMEO sub-code: "express [110]", "consider [040]" are not acts.
            add(verb, code)

    out = sorted(entries.values(), key=lambda e: (e["type"], e["lemma"]))
    counts = Counter(e["type"] for e in out)
    print("# DERIVED FILE: do not edit. Made by scripts/derive_cameo_lexicon.py from the PETRARCH2")
    print("# CAMEO verb dictionary (MIT, Open Event Data Alliance; notice in data/kb/SOURCES.md).")
    print("# One trigger a line: lemmas (first word a verb), PLOVER type, CAMEO code, mode, roles.")
    print("# Hand-written entries of en.yaml take precedence. " +
          ", ".join(f"{t} {n}" for t, n in sorted(counts.items())))
    for e in out:
        print("\t".join([e["lemma"], e["type"], e["cameo"], e.get("mode", ""), e.get("roles", "")]))

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(DATA.parent.parent.parent.parent / "shared"
                                                   / "reference" / "petrarch2" / "CAMEO.2.0.txt"))
