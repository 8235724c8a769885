"""Build the KnowledgeBase from the packaged data files and users' override files.

Package files (steppe/data/kb/, documented in SOURCES.md there):
  states.yaml  ISO3 -> names, adjectives, demonyms, capitals (base names from pycountry)
  codes.yaml   actor codes ISO 3166 lacks (PLOVER's XKX, IMG) -> the name shown for them
  igos.yaml    organisations with members;  people.yaml  people with dated roles
  orgs.yaml    companies, agencies, groups; places.yaml  cities, regions, rivers
  places_world.yaml  the world's cities and regions, derived from PETRARCH2 (places.yaml wins)
  roles.tsv    generic role phrases -> role id, sector;  agents.tsv  generic agents -> sector
  transliteration.yaml  how people's names are keyed across spellings (kb/index.py)
  ru/*.yaml    Russian names for the same ids (states, igos, people, orgs, roles, agents)
A user file (`--kb my.yaml`) has the same top-level keys (states, igos, people,
orgs, places, agents, roles); its entries are added, and replace packaged ones with the same id.
"""

from __future__ import annotations

import csv
import io
from importlib.resources import files
from pathlib import Path
from typing import Any, Iterable

import pycountry
import yaml

from steppe.errors import ConfigError
from steppe.kb.model import Entity, KnowledgeBase, Role, Transliteration
from steppe.kb.schema import Codes, KbFile, RuNames, RuStates, TransliterationFile
from steppe.schemas import check, read_text, read_yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_kb(user_files: Iterable[Path | str] = ()) -> KnowledgeBase:
    """The packaged knowledge base with `user_files` layered over it."""
    data = files("steppe.data") / "kb"
    layers: dict[str, Any] = {
        "states": _yaml(data / "states.yaml") or {},
        "igos": _yaml(data / "igos.yaml") or [],
        "people": _yaml(data / "people.yaml") or [],
        "orgs": _yaml(data / "orgs.yaml") or [],
        "places": _places(_yaml(data / "places.yaml") or [], _yaml(data / "places_world.yaml") or []),
        "roles": _tsv(data / "roles.tsv"),
        "agents": _tsv(data / "agents.tsv"),
    }
    for section, value in layers.items():
        suffix = "tsv" if section in ("roles", "agents") else "yaml"
        check(KbFile, {section: value}, data / f"{section}.{suffix}")
    sources = ["steppe.data/kb"]
    for path in user_files:
        path = Path(path)
        try:
            user = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise ConfigError(f"{path}: cannot read knowledge-base file: {exc}") from exc
        if not isinstance(user, dict):
            raise ConfigError(f"{path}: a knowledge-base file is a mapping with keys "
                              "states, igos, people, orgs, places, agents, roles")
        check(KbFile, user, path)
        try:
            _overlay(layers, user, path)
        except (KeyError, TypeError, AttributeError) as exc:
            raise ConfigError(f"{path}: an entry has the wrong shape ({type(exc).__name__}: {exc})") from exc
        sources.append(str(path))
    codes = check(Codes, _yaml(data / "codes.yaml"), data / "codes.yaml").root
    kb = KnowledgeBase()
    try:
        _add_states(kb, layers["states"], codes)
        _add_igos(kb, layers["igos"])
    except (KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"{', '.join(sources)}: a state or organisation entry has the wrong "
                          f"shape ({type(exc).__name__}: {exc})") from exc
    roles = {r["role"]: r for r in layers["roles"]}
    for r in layers["roles"]:
        for phrase in str(r.get("phrases", "")).split("|"):
            if phrase.strip():
                kb.role_phrases[phrase.strip().lower()] = (r["role"], r.get("sector", "GOV"))
    for a in layers["agents"]:
        if a.get("phrase"):
            kb.agents[a["phrase"].strip().lower()] = (a.get("sector") or "").strip()
    try:
        _add_people(kb, layers["people"], roles)
        _add_orgs(kb, layers["orgs"])
        _add_places(kb, layers["places"])
    except (KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"{', '.join(sources)}: an entry lacks a required field or has the "
                          f"wrong shape ({type(exc).__name__}: {exc}); see data/kb/SOURCES.md") from exc
    _add_russian(kb, data / "ru", roles)
    kb.transliteration = _transliteration(data / "transliteration.yaml")
    kb.index_roles()
    return kb


def _yaml(resource: Any) -> Any:
    """A packaged file's YAML; a missing file is an error (never an empty section)."""
    return read_yaml(resource)


def _tsv(resource: Any) -> list[dict[str, str]]:
    rows = csv.DictReader(io.StringIO(read_text(resource)), delimiter="\t")
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in rows
            if any((v or "").strip() for v in row.values()) and not
            str(next(iter(row.values()), "")).startswith("#")]


def _overlay(layers: dict[str, Any], user: dict[str, Any], path: Path) -> None:
    for key, value in user.items():
        if key not in layers:
            raise ConfigError(f"{path}: unknown section {key!r}")
        if key == "states":
            for code, extra in (value or {}).items():
                base = layers["states"].setdefault(code, {})
                for field_, names in (extra or {}).items():
                    base[field_] = list(base.get(field_) or []) + list(names or [])
        elif key in ("roles", "agents"):
            layers[key] = list(layers[key]) + list(value or [])
        else:
            by_id = {e.get("id") or e.get("name"): e for e in layers[key]}
            for e in value or []:
                by_id[e.get("id") or e.get("name")] = e
            layers[key] = list(by_id.values())


def _add_states(kb: KnowledgeBase, extras: dict[str, Any], other_codes: dict[str, str]) -> None:
    """ISO 3166's states, the other codes, and the states files' names of each (the first
    is its usual name)."""
    codes = {c.alpha_3: c for c in pycountry.countries}
    for code in sorted(set(codes) | set(extras or {}) | set(other_codes)):
        c = codes.get(code)
        name = getattr(c, "common_name", None) or getattr(c, "name", None) or other_codes.get(code, code)
        eid = f"state:{code}"
        kb.entities[eid] = Entity(id=eid, kind="state", name=name, code=code)
        if c is not None:
            for attr in ("name", "common_name", "official_name"):
                if getattr(c, attr, None):
                    kb.add_alias(getattr(c, attr), eid, "name")
        extra = (extras or {}).get(code) or {}
        if extra.get("names"):
            kb.state_names[code] = str(extra["names"][0])
        for how in ("names", "adjectives", "demonyms", "capitals"):
            for surface in extra.get(how) or []:
                kb.add_alias(str(surface), eid, how.rstrip("s") if how != "names" else "name")


def _add_igos(kb: KnowledgeBase, igos: list[dict[str, Any]]) -> None:
    for g in igos or []:
        short = str(g["id"])
        eid = f"igo:{short}"
        kb.entities[eid] = Entity(id=eid, kind="igo", name=short, code="IGO",
                                  sector=g.get("sector") or "",
                                  members=tuple(g.get("members") or ()))
        for surface in [short, g.get("name") or ""] + list(g.get("aliases") or []):
            kb.add_alias(str(surface), eid, "name")


def _add_people(kb: KnowledgeBase, people: list[dict[str, Any]], roles: dict[str, Any]) -> None:
    for p in people or []:
        eid = f"person:{p['id']}"
        rs = []
        for r in p.get("roles") or []:
            role = r.get("role", "")
            sector = r.get("sector") or (roles.get(role) or {}).get("sector") or "GOV"
            rs.append(Role(role=role, sector=sector, state=r.get("state") or "",
                           igo=r.get("igo") or "",
                           start=_iso(r.get("start")), end=_iso(r.get("end"))))
        first = rs[0] if rs else None
        kb.entities[eid] = Entity(id=eid, kind="person", name=p["name"],
                                  code=p.get("state") or (first.state if first else ""),
                                  sector=p.get("sector") or (first.sector if first else ""),
                                  roles=tuple(rs))
        for surface in [p["name"]] + list(p.get("aliases") or []):
            kb.add_alias(str(surface), eid, "name")


def _add_orgs(kb: KnowledgeBase, orgs: list[dict[str, Any]]) -> None:
    for o in orgs or []:
        eid = f"org:{o.get('id') or o['name']}"
        # `sectors` dates an organisation's standing: an insurgency that becomes a government.
        periods = tuple(Role(role="org", sector=p["sector"], state=o.get("state") or "",
                             start=_iso(p.get("start")), end=_iso(p.get("end")))
                        for p in o.get("sectors") or ())
        kb.entities[eid] = Entity(id=eid, kind="org", name=o["name"], code=o.get("state") or "",
                                  sector=o.get("sector") or "", roles=periods,
                                  cues=tuple(o.get("cues") or ()))
        for surface in [o["name"]] + list(o.get("aliases") or []):
            kb.add_alias(str(surface), eid, "name")


def _places(own: list[dict[str, Any]], world: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The hand-written places, then the derived ones whose name none of them uses."""
    taken = {str(n) for pl in own for n in [pl.get("name"), *(pl.get("aliases") or [])]}
    return list(own) + [pl for pl in world if str(pl["name"]) not in taken]


def _add_places(kb: KnowledgeBase, places: list[dict[str, Any]]) -> None:
    for pl in places or []:
        eid = f"place:{pl.get('id') or pl['name']}"
        states = tuple(pl.get("states") or ([pl["state"]] if pl.get("state") else []))
        kb.entities[eid] = Entity(id=eid, kind="place", name=pl["name"],
                                  code=states[0] if len(states) == 1 else "")
        kb.place_kinds[eid] = str(pl.get("kind") or "")
        for surface in [pl["name"]] + list(pl.get("aliases") or []):
            kb.add_alias(str(surface), eid, "name")


def _add_russian(kb: KnowledgeBase, folder: Any, roles: dict[str, Any]) -> None:
    """Russian names (nominative; the Russian resolver lemmatises them) for entities the
    English files define, so both languages resolve to the same actors."""
    check(RuStates, _yaml(folder / "states.yaml") or {}, folder / "states.yaml")
    for name in ("igos", "people", "orgs", "roles", "agents"):
        check(RuNames, _yaml(folder / f"{name}.yaml") or {}, folder / f"{name}.yaml")
    for code, fields in (_yaml(folder / "states.yaml") or {}).items():
        for how in ("names", "adjectives", "demonyms", "capitals"):
            for surface in fields.get(how) or []:
                kb.add_alias(str(surface), f"state:{code}", how.rstrip("s") if how != "names" else "name")
    for kind, section in (("igo", "igos"), ("person", "people"), ("org", "orgs")):
        for key, names in (_yaml(folder / f"{section}.yaml") or {}).items():
            if f"{kind}:{key}" in kb.entities:
                for surface in names or []:
                    kb.add_alias(str(surface), f"{kind}:{key}", "name")
    for role, phrases in (_yaml(folder / "roles.yaml") or {}).items():
        sector = (roles.get(role) or {}).get("sector") or "GOV"
        for phrase in phrases or []:
            kb.role_phrases[str(phrase).lower()] = (role, sector)
    for sector, phrases in (_yaml(folder / "agents.yaml") or {}).items():
        for phrase in phrases or []:
            kb.agents[str(phrase).lower()] = sector


def _transliteration(resource: Any) -> Transliteration:
    t = check(TransliterationFile, _yaml(resource) or {}, resource)
    return Transliteration(before_ascii=tuple(t.before_ascii.items()),
                           rules=tuple(tuple(r) for r in t.rules), vowels=t.vowels)


def _iso(value: Any) -> str | None:
    """YAML turns 2016-09-08 into a date and 2016 into an int: back to ISO strings."""
    if value is None or value == "":
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
