"""Validate the packaged actor knowledge-base data files (src/steppe/data/kb)."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pycountry
import pytest
import yaml

KB = Path(__file__).resolve().parents[2] / "src" / "steppe" / "data" / "kb"

EXTRA_CODES = {"XKX", "IMG"}
ISO3 = {c.alpha_3 for c in pycountry.countries}
# Former states keep their ISO 3166-3 (formerly ISO 3166-1) alpha-3 codes.
FORMER = {"SUN", "YUG", "SCG", "CSK", "DDR"}
assert FORMER <= {c.alpha_3 for c in pycountry.historic_countries}
SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD", "SPY", "BUS", "OPP", "REB", "CVL", "REF",
           "JRN", "EDU", "MED", "AGR", "LAB", "REL", "SOC", "PTY", "UAF", "CRM", "IGO",
           "ELI", "ENV", "HLH"}
ROLES = {"president", "vice_president", "prime_minister", "first_deputy_prime_minister",
         "deputy_prime_minister", "foreign_minister", "defence_minister", "economy_minister",
         "trade_minister", "energy_minister", "water_minister", "finance_minister",
         "interior_minister", "security_council_secretary", "speaker", "head_of_state",
         "head_of_government", "ambassador", "igo_head"}
PLACE_KINDS = {"city", "region", "border_crossing", "river", "basin", "reservoir", "dam",
               "sea", "lake", "canal"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
CORE = {"KAZ", "KGZ", "TJK", "TKM", "UZB", "RUS", "CHN", "TUR", "AFG", "IRN", "PAK", "AZE",
        "MNG", "USA", "GBR", "FRA", "DEU", "PSE", "XKX", "TWN", "VAT"}


def _yaml(name: str):
    return yaml.safe_load((KB / name).read_text(encoding="utf-8"))


def _tsv(name: str) -> list[dict[str, str]]:
    text = (KB / name).read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines(), delimiter="\t"))
    return [r for r in rows if not (next(iter(r.values())) or "").startswith("#")]


def _date(value) -> str | None:
    if value is None:
        return None
    text = value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)
    assert DATE_RE.match(text), f"bad date {value!r}"
    parts = [int(p) for p in text.split("-")]
    if len(parts) >= 2:
        assert 1 <= parts[1] <= 12, text
    if len(parts) == 3:
        dt.date(*parts)  # raises on an impossible day
    return text


def _le(start: str, end: str) -> bool:
    n = min(len(start), len(end))
    return start[:n] <= end[:n]


def _valid_code(code: str) -> bool:
    return code in ISO3 or code in EXTRA_CODES or code in FORMER


def _aliases_ok(entry: dict, where: str) -> None:
    aliases = entry.get("aliases")
    assert isinstance(aliases, list), f"{where}: aliases must be a list"
    for a in aliases:
        assert isinstance(a, str) and a.strip(), f"{where}: empty or non-string alias {a!r}"
    assert isinstance(entry.get("name"), str) and entry["name"].strip(), f"{where}: no name"


def _unique_ids(entries: list[dict], what: str) -> set[str]:
    ids = [str(e["id"]) for e in entries]
    dupes = {i for i in ids if ids.count(i) > 1}
    assert not dupes, f"duplicate {what} ids: {sorted(dupes)}"
    return set(ids)


@pytest.mark.parametrize("name", ["states.yaml", "igos.yaml", "people.yaml", "orgs.yaml",
                                  "places.yaml"])
def test_yaml_parses(name):
    assert _yaml(name)


def test_states():
    states = _yaml("states.yaml")
    assert isinstance(states, dict)
    assert len(states) >= 197  # 193 UN members + PSE, XKX, TWN, VAT
    assert CORE <= set(states)
    for code, entry in states.items():
        assert _valid_code(code), f"unknown state code {code}"
        assert set(entry) == {"names", "adjectives", "demonyms", "capitals"}, code
        for field, values in entry.items():
            assert isinstance(values, list), f"{code}.{field}"
            for v in values:
                assert isinstance(v, str) and v.strip(), f"{code}.{field}: {v!r}"
        assert entry["names"], f"{code}: no names"


def test_igos():
    igos = _yaml("igos.yaml")
    _unique_ids(igos, "igo")
    for g in igos:
        _aliases_ok(g, g["id"])
        assert g.get("kind", "igo") in {"igo", "ngo", "format"}, g["id"]
        assert g.get("sector", "") in SECTORS | {""}, g["id"]
        for m in g.get("members") or []:
            assert _valid_code(m), f"{g['id']}: unknown member {m}"
        _date(g.get("founded"))


def test_roles_tsv():
    rows = _tsv("roles.tsv")
    assert {r["role"] for r in rows} == ROLES
    for r in rows:
        assert r["sector"] in SECTORS, r
        assert all(p.strip() for p in r["phrases"].split("|")), r


def test_people():
    people = _yaml("people.yaml")
    igo_ids = {str(g["id"]) for g in _yaml("igos.yaml")}
    _unique_ids(people, "person")
    for p in people:
        _aliases_ok(p, p["id"])
        assert p["roles"], f"{p['id']}: no roles"
        for r in p["roles"]:
            where = f"{p['id']} {r}"
            assert r["role"] in ROLES, where
            if r["role"] == "igo_head":
                assert str(r.get("igo")) in igo_ids, where
            else:
                assert _valid_code(r.get("state", "")), where
            if r["role"] == "ambassador":
                assert _valid_code(r.get("host", "")), where
            assert "end" in r, f"{where}: end missing (use null for 'still in office')"
            start, end = _date(r.get("start")), _date(r.get("end"))
            assert start, f"{where}: no start"
            if end:
                assert _le(start, end), f"{where}: start after end"
            if "sector" in r:
                assert r["sector"] in SECTORS, where


def test_orgs():
    orgs = _yaml("orgs.yaml")
    _unique_ids(orgs, "org")
    for o in orgs:
        _aliases_ok(o, o["id"])
        # a consortium of several states' companies belongs to none of them
        assert _valid_code(o["state"]) if o.get("kind") != "consortium" else "state" not in o, o["id"]
        assert o["sector"] in SECTORS, o["id"]


def test_places():
    places = _yaml("places.yaml")
    _unique_ids(places, "place")
    for pl in places:
        _aliases_ok(pl, pl["id"])
        codes = pl.get("states") or [pl.get("state")]
        assert codes and all(_valid_code(c or "") for c in codes), pl["id"]
        assert not ("state" in pl and "states" in pl), pl["id"]
        assert pl["kind"] in PLACE_KINDS, pl["id"]


def test_agents():
    rows = _tsv("agents.tsv")
    assert len(rows) >= 150
    phrases = [r["phrase"] for r in rows]
    assert len(phrases) == len(set(phrases)), "duplicate agent phrases"
    for r in rows:
        assert r["phrase"] and r["phrase"] == r["phrase"].lower(), r
        assert r["sector"] in SECTORS, r


def test_no_surface_shared_within_a_file():
    """A surface form naming two different people/orgs/places is almost always a mistake;
    an organisation with cue words that tell the readings apart may share one ("CPC")."""
    for name in ("people.yaml", "orgs.yaml", "places.yaml", "igos.yaml"):
        owner: dict[str, str] = {}
        for e in _yaml(name):
            for surface in {e["name"], *e["aliases"]} if not e.get("cues") else ():
                assert owner.setdefault(surface, str(e["id"])) == str(e["id"]), \
                    f"{name}: {surface!r} names both {owner[surface]} and {e['id']}"
