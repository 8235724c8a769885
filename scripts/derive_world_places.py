#!/usr/bin/env python3
"""Derive the world's cities and regions for the knowledge base from PETRARCH2's country
actor dictionary.

    .venv/bin/python scripts/derive_world_places.py \
        ../shared/reference/petrarch2/Phoenix.Countries.actors.txt \
        > src/steppe/data/kb/places_world.yaml

The dictionary (MIT, Open Event Data Alliance; notice in data/kb/SOURCES.md) opens each
state's block with its name and code (`NIGERIA_  [NGA]`) and lists under it, one `+` line
each, the other names news use for that state: spellings, adjectives, and its main cities
and regions (`+LAGOS_`, `+PORT_HARCOURT_`, `+BORNO_STATE`). steppe's own states.yaml already
has the states' names and adjectives, so what is kept here is a place per remaining name,
with the state it lies in; a mention of it then tells the state of an agent named there
("police in Kano"). Kept:

- names of blocks whose code is a state of states.yaml, written as news write them
  ("PORT_HARCOURT_" -> "Port Harcourt", "MAZAR-I-SHARIF" -> "Mazar-i-Sharif");
- not a name a state of states.yaml already has, nor one that two blocks share ("Punjab");
- not a one-word name of fewer than four letters, nor an English word written with a
  capital ("Tyre", "Sur", "Mobile"), nor one with an abbreviation or a digit;
- not another spelling of the state's name or of its people ("Bangledesh", "Hollander"):
  those are the state's, and the fuzzy matching of names the parser finds reads them.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import pycountry
import yaml
from rapidfuzz import fuzz

DATA = Path(__file__).resolve().parent.parent / "src" / "steppe" / "data" / "kb"
OTHER_CODES = {"XKX"}
# Names of places that are also common English words or given names, or that stand for
# more than the place in news (checked by hand over the derived list).
NOT_PLACES = {
    "Mobile", "Reading", "Split", "Nice", "Bath", "Cork", "Derby", "Hull", "Orange", "Victoria",
    "Alexandria", "Florence", "Hamilton", "Kingston", "Wellington", "Georgetown", "Santiago",
    "Valencia", "Granada", "Cordoba", "Toledo", "Merida", "Leon", "Concepcion", "Trinidad",
    "Salvador", "Natal", "Vitoria", "Independence", "Providence", "Victory", "Liberty",
    "Paradise", "Eden", "Bethlehem", "Nazareth", "Jericho", "Lincoln", "Washington", "Jackson",
    "Columbus", "Madison", "Charlotte", "Phoenix", "Aurora", "Sparta", "Athens", "Troy",
    "Memphis", "Carthage", "Babylon", "Nineveh", "Olympia", "Delphi", "Sardis", "Pergamum",
    "Halicarnassus", "Abydos", "Antioch", "Smyrna", "Hellespont", "Constantinople", "Angora",
    "Adrianople", "Adrianopolis", "Brusa", "Stambul", "Stamboul", "Aegospotami", "Aegospotamos",
    "Crown Jewel Of The British Empire", "Graveyard Of The Empires", "Welsh", "Versailles",
    "Scot", "Tyre", "Saga", "Tara", "Bale", "Lpdr", "Srvn", "Eyre", "Hollander", "Emarati", "Nasser",
    # Seats of international bodies where other states meet: a venue, not the host's act.
    "Geneva", "Lausanne", "Strasbourg",
}
STATE_WORDS = {"Republic", "Kingdom", "Empire", "Federation", "Union", "Emirates", "Commonwealth"}
PEOPLE_SUFFIXES = ("ian", "ians", "ese", "ish", "man", "men", "woman", "women")
LOWER_WORDS = {"of", "the", "and", "de", "del", "la", "el", "al", "i", "e", "do", "da", "dos", "das"}


def _surface(raw: str) -> str:
    """'PORT_HARCOURT_' -> 'Port Harcourt', 'MAZAR-I-SHARIF' -> 'Mazar-i-Sharif'."""
    words = raw.strip("_ ").replace("_", " ").split()
    out = []
    for n, word in enumerate(words):
        parts = word.split("-")
        parts = [p.lower() if (n or k) and p.lower() in LOWER_WORDS else p.capitalize()
                 for k, p in enumerate(parts)]
        out.append("-".join(parts))
    return " ".join(out)


def _blocks(path: Path) -> dict[str, list[str]]:
    """code -> the `+` names of the state's opening block (its header name first)."""
    blocks: dict[str, list[str]] = defaultdict(list)
    code = None
    for line in path.read_text(encoding="latin-1").splitlines():
        head = re.match(r"^([A-Z][^\s\[#]*)\s*\[([A-Z]{3})\]\s*(?:#.*)?$", line)
        if head:
            code = head.group(2)
            blocks[code].append(head.group(1))
        elif line.startswith("+") and code:
            blocks[code].append(line[1:].split("#")[0].strip())
        else:
            code = None
    return blocks


def _state_name(name: str, names: list[str]) -> bool:
    """Another spelling of the state's own name ("Bangledesh", "Republic of Dominica") or a
    word for its people ("Irishwoman", "Hollander"): a state's name, no place in it."""
    if any(w in name.split() for w in STATE_WORDS) or name.lower().endswith(PEOPLE_SUFFIXES):
        return True
    return any(fuzz.ratio(name.lower(), n.lower()) >= 75 for n in names)


def _english_word(name: str) -> bool:
    """A one-word name that is an English word ('Tyre'): spaCy's tokenizer exceptions and
    stop words, and the words of steppe's own word lists, are what we can check offline."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return name.lower() in STOP_WORDS


def main(path: str) -> None:
    states = yaml.safe_load((DATA / "states.yaml").read_text(encoding="utf-8"))
    known = {str(s) for e in states.values() for f in ("names", "adjectives", "demonyms", "capitals")
             for s in e.get(f) or []}
    for c in pycountry.countries:
        known |= {getattr(c, a) for a in ("name", "common_name", "official_name") if getattr(c, a, None)}
    # States only: PLOVER folds dependencies into their controlling state (manual 5.1.2),
    # so a dependency's own block (Bermuda, Guernsey) is left out.
    iso = ({c.alpha_3 for c in pycountry.countries} | OTHER_CODES) & set(states)
    seen: dict[str, set[str]] = defaultdict(set)
    for code, names in _blocks(Path(path)).items():
        if code not in iso:
            continue
        own = [str(s) for f in ("names", "adjectives", "demonyms") for s in (states.get(code) or {}).get(f) or []]
        own += [_surface(names[0])]
        for raw in names[1:]:
            name = _surface(raw)
            if not name or any(ch.isdigit() or ch in ".,()'&/" for ch in name) or not name.isascii():
                continue
            if name in known or name in NOT_PLACES or name.split()[0] in ("The",):
                continue
            if " " not in name and (len(name) < 4 or _english_word(name)) or _state_name(name, own):
                continue
            seen[name].add(code)
    rows = sorted((name, next(iter(codes))) for name, codes in seen.items() if len(codes) == 1)
    print("# steppe actor knowledge base: cities and regions of the world's states.")
    print("# GENERATED by scripts/derive_world_places.py from PETRARCH2's")
    print("# Phoenix.Countries.actors.txt (MIT, Open Event Data Alliance; see SOURCES.md).")
    print("# Do not edit by hand: hand-written places go in places.yaml, which wins.")
    for name, code in rows:
        print(f"- {{name: {json.dumps(name)}, state: {code}}}")


if __name__ == "__main__":
    main(sys.argv[1])
