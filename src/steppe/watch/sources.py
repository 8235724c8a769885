"""Sources as data: the feeds and sitemaps steppe follows, kept in the store.

A source is a name, a URL, how often to poll it and optionally the language of its
articles. They are added with `steppe sources add` or listed in a YAML file:

    sources:
      - name: kabar
        url: https://kabar.kg/rss/
        every: 15m
        lang: ru

`source_health` gives one record per source (last poll, result, failures, entries seen)
for `steppe sources list` and the dashboard.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import sqlalchemy as sa
import yaml

from steppe.store import tables as t
from steppe.store.engine import Store
from steppe.watch.feeds import canonical_url

DEFAULT_EVERY = 15 * 60
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_EVERY = re.compile(r"^\s*(\d+)\s*([smhd]?)\s*$")


class SourceError(ValueError):
    """A source definition that cannot be used (bad URL, interval or name)."""


@dataclass(frozen=True)
class Source:
    name: str
    url: str
    every: int = DEFAULT_EVERY          # seconds between polls
    language: str | None = None


def parse_every(value: str | int) -> int:
    """Seconds in "15m", "2h", "1d", "90s" or a bare number of seconds."""
    if isinstance(value, int) and not isinstance(value, bool):
        seconds = value
    else:
        match = _EVERY.match(str(value))
        if not match:
            raise SourceError(f"interval {value!r}: write it like 90s, 15m, 2h or 1d")
        seconds = int(match[1]) * _UNITS[match[2] or "s"]
    if seconds <= 0:
        raise SourceError(f"interval {value!r} must be positive")
    return seconds


def format_every(seconds: int) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def make_source(url: str, *, name: str | None = None, every: str | int = DEFAULT_EVERY,
                language: str | None = None) -> Source:
    """A checked Source; the name defaults to the URL's host."""
    canon = canonical_url(url)
    if canon is None:
        raise SourceError(f"not an http(s) URL: {url!r}")
    name = (name or _host(canon)).strip()
    if not name:
        raise SourceError(f"no name for {url!r}")
    return Source(name=name, url=canon, every=parse_every(every),
                  language=(language or "").strip().lower() or None)


def _host(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def load_sources_file(path: Path) -> list[Source]:
    """Read a sources.yaml: a list of {name, url, every, lang}, or {sources: [...]}."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SourceError(f"{path}: cannot read: {exc}") from exc
    if isinstance(data, dict):
        data = data.get("sources")
    if not isinstance(data, list):
        raise SourceError(f"{path}: expected a list of sources (or 'sources:' holding one)")
    found: list[Source] = []
    for i, item in enumerate(data, 1):
        if not isinstance(item, dict) or not item.get("url"):
            raise SourceError(f"{path}: source {i} has no url")
        try:
            found.append(make_source(str(item["url"]), name=item.get("name"),
                                     every=item.get("every", DEFAULT_EVERY),
                                     language=item.get("lang") or item.get("language")))
        except SourceError as exc:
            raise SourceError(f"{path}: source {i}: {exc}") from exc
    names = [s.name for s in found]
    if len(set(names)) != len(names):
        raise SourceError(f"{path}: two sources share a name")
    return found


# -- the store -----------------------------------------------------------------------


def add_source(store: Store, source: Source) -> None:
    """Store a new source; SourceError when its name or URL is taken."""
    with store.begin() as conn:
        clash = conn.execute(sa.select(t.sources.c.name).where(
            sa.or_(t.sources.c.name == source.name, t.sources.c.url == source.url))).first()
        if clash is not None:
            raise SourceError(f"already followed as {clash.name!r}")
        conn.execute(t.sources.insert().values(
            name=source.name, url=source.url, every_seconds=source.every,
            language=source.language, added_at=datetime.now(timezone.utc)))


def sync_sources(store: Store, sources: list[Source]) -> None:
    """Make the store agree with a sources file: add new ones, update changed ones,
    keeping the polling state of those already known (by name)."""
    with store.begin() as conn:
        for s in sources:
            known = conn.execute(sa.select(t.sources.c.name).where(
                t.sources.c.name == s.name)).first()
            # A URL moved from one name to another: the file is the authority.
            conn.execute(t.sources.delete().where(
                sa.and_(t.sources.c.url == s.url, t.sources.c.name != s.name)))
            if known is None:
                conn.execute(t.sources.insert().values(
                    name=s.name, url=s.url, every_seconds=s.every, language=s.language,
                    added_at=datetime.now(timezone.utc)))
            else:
                conn.execute(t.sources.update().where(t.sources.c.name == s.name).values(
                    url=s.url, every_seconds=s.every, language=s.language))


def remove_source(store: Store, name: str) -> bool:
    """Forget a source and its entries (stored documents stay); False if unknown."""
    with store.begin() as conn:
        conn.execute(t.source_entries.delete().where(t.source_entries.c.source == name))
        return conn.execute(t.sources.delete().where(t.sources.c.name == name)).rowcount > 0


def list_sources(store: Store, names: list[str] | None = None) -> list[Source]:
    query = sa.select(t.sources).order_by(t.sources.c.name)
    if names is not None:
        query = query.where(t.sources.c.name.in_(names))
    with store.connect() as conn:
        return [Source(r.name, r.url, r.every_seconds, r.language)
                for r in conn.execute(query)]


@dataclass(frozen=True)
class SourceHealth:
    """How a source is doing, for `steppe sources list` and the dashboard."""

    name: str
    url: str
    every: int
    language: str | None
    kind: str | None
    last_poll_at: datetime | None
    last_status: str | None          # ok | not-modified | error | None (never polled)
    last_error: str | None
    failures: int                    # consecutive failed polls
    next_poll_at: datetime | None
    etag: str | None
    last_modified: str | None
    entries: int                     # entries seen so far
    added: int                       # stored as new documents
    duplicates: int
    pending: int                     # waiting to be fetched
    skipped: int                     # given up on, with a reason
    errors: int                      # failed, to be retried

    @property
    def state(self) -> str:
        """healthy | failing | new: one word for a status column."""
        if self.last_status is None:
            return "new"
        return "failing" if self.failures else "healthy"

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        for key in ("last_poll_at", "next_poll_at"):
            d[key] = d[key].isoformat() if d[key] else None
        d["state"] = self.state
        return d


def source_health(store: Store) -> list[SourceHealth]:
    """One health record per source, by name."""
    e = t.source_entries
    counts = (
        sa.select(e.c.source, e.c.status, sa.func.count().label("n"))
        .group_by(e.c.source, e.c.status)
    )
    with store.connect() as conn:
        by_source: dict[str, dict[str, int]] = {}
        for row in conn.execute(counts):
            by_source.setdefault(row.source, {})[row.status] = row.n
        rows = conn.execute(sa.select(t.sources).order_by(t.sources.c.name)).all()
    records = []
    for r in rows:
        c = by_source.get(r.name, {})
        records.append(SourceHealth(
            name=r.name, url=r.url, every=r.every_seconds, language=r.language, kind=r.kind,
            last_poll_at=as_utc(r.last_poll_at), last_status=r.last_status,
            last_error=r.last_error, failures=r.failures, next_poll_at=as_utc(r.next_poll_at),
            etag=r.etag, last_modified=r.last_modified, entries=sum(c.values()),
            added=c.get("added", 0), duplicates=c.get("duplicate", 0),
            pending=c.get("pending", 0), skipped=c.get("skipped", 0), errors=c.get("error", 0),
        ))
    return records


def as_utc(value: datetime | None) -> datetime | None:
    # SQLite hands back naive datetimes; everything stored here is UTC.
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value
