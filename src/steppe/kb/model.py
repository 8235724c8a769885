"""Knowledge-base records: states, organisations, people with dated roles, places, agents."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Role:
    """A dated office: `state` (ISO3) or `igo` holds it from `start` to `end` (None: open)."""

    role: str
    sector: str
    state: str = ""
    igo: str = ""
    start: str | None = None  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    end: str | None = None

    def covers(self, date: str | None) -> bool:
        """True when the role was held at `date` (compared at the precision both share)."""
        if date is None:
            return self.end is None
        start_ok = self.start is None or _cmp_prefix(self.start, date) <= 0
        end_ok = self.end is None or _cmp_prefix(date, self.end) <= 0
        return start_ok and end_ok


def _cmp_prefix(a: str, b: str) -> int:
    """Compare two partial ISO dates on their common precision: -1, 0 or 1."""
    n = min(len(a), len(b))
    a, b = a[:n], b[:n]
    return (a > b) - (a < b)


@dataclass(frozen=True)
class Entity:
    """Anything a mention can resolve to.

    kind: state | igo | person | org | place | agent
    code: ISO3 of the state it belongs to (or "IGO"); "" for places shared by several states.
    """

    id: str
    kind: str
    name: str
    code: str = ""
    sector: str = ""
    roles: tuple[Role, ...] = ()
    members: tuple[str, ...] = ()   # an organisation's member states (the actor page lists them)
    cues: tuple[str, ...] = ()      # words of a document that make it the reading of a shared name

    def roles_at(self, date: str | None) -> list[Role]:
        """Roles held at `date` (empty when the person held none then)."""
        held = [r for r in self.roles if r.covers(date)]
        return held


@dataclass(frozen=True)
class Transliteration:
    """How names are compared across scripts and spellings (data/kb/transliteration.yaml)."""

    before_ascii: tuple[tuple[str, str], ...] = ()   # letters replaced before anyascii
    rules: tuple[tuple[str, str], ...] = ()          # (regex, replacement) on the lowercased ASCII
    vowels: str = "aeiou"                            # dropped when given names are compared


@dataclass
class KnowledgeBase:
    """All entities, and the names that point at them."""

    entities: dict[str, Entity] = field(default_factory=dict)
    # surface form -> entity ids, with what kind of name it is (name, adjective, capital, ...)
    aliases: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    # generic role phrases ("prime minister") -> (role id, sector)
    role_phrases: dict[str, tuple[str, str]] = field(default_factory=dict)
    # generic agents ("border guards") -> sector
    agents: dict[str, str] = field(default_factory=dict)
    # state code -> its usual English name, the first of the states files ("Turkey", where
    # ISO 3166 says "Türkiye"); a user's --kb states included
    state_names: dict[str, str] = field(default_factory=dict)
    # place id -> its kind in places.yaml (city, region, river, ...); "" for the derived
    # world places, whose kind is not known
    place_kinds: dict[str, str] = field(default_factory=dict)
    # (state or IGO, role) -> people who ever held it; built by index_roles()
    role_index: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    transliteration: Transliteration = field(default_factory=Transliteration)

    def index_roles(self) -> None:
        """Index people by the offices they held, for fast time-aware role lookups."""
        self.role_index = {}
        for e in self.entities.values():
            for r in e.roles:
                ids = self.role_index.setdefault((r.state or r.igo, r.role), [])
                if e.id not in ids:
                    ids.append(e.id)

    def add_alias(self, surface: str, entity_id: str, how: str) -> None:
        surface = " ".join(surface.split())
        if not surface:
            return
        ids = self.aliases.setdefault(surface, [])
        if (entity_id, how) not in ids:
            ids.append((entity_id, how))

    def holders(self, state: str, role: str, date: str | None) -> list[Entity]:
        """People who held `role` for `state` at `date`."""
        if not self.role_index:
            self.index_roles()
        out = []
        for eid in self.role_index.get((state, role), ()):
            e = self.entities[eid]
            if any(r.role == role and state in (r.state, r.igo) and r.covers(date) for r in e.roles):
                out.append(e)
        return out

    @staticmethod
    def _office(person: Entity, date: str | None) -> tuple[Role | None, bool]:
        """The office a person is known by at `date`, and whether held then: the one held,
        else the last one held (out of office: still that state's, or body's, former one)."""
        held = person.roles_at(date)
        if held:
            return held[0], True
        return (max(person.roles, key=lambda r: r.end or "9999"), False) if person.roles else (None, False)

    def igo_of(self, person: Entity, date: str | None) -> str:
        """The organisation (short name) of the office `state_of` reads, "" if a state's."""
        r, _ = self._office(person, date)
        return r.igo if r is not None and not r.state else ""

    def state_of(self, person: Entity, date: str | None) -> tuple[str, str, float]:
        """(state code, sector, confidence) a person served at `date`."""
        r, held = self._office(person, date)
        if r is None:
            return (person.code, person.sector, 0.6)
        code = r.state or ("IGO" if r.igo else "")
        # Out of office at that date: still that state's national, former official (ELI).
        return (code, r.sector, 1.0) if held else (code, r.sector if date is None else "ELI", 0.8)
