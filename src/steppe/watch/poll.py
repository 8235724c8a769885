"""Polling rounds: list what each due source has, then fetch, extract and store what is new.

A round, per source that is due:
1. GET the feed or sitemap conditionally; 304 means nothing new. A failure is recorded,
   the source backs off (its interval doubled per consecutive failure, capped), and the
   round goes on with the next source.
2. Entries never seen from this source are recorded as 'pending'.
3. Pending entries (and failed ones, a few times) are fetched one by one, each becoming
   'added', 'duplicate' (its canonical URL or its content is stored already), 'skipped'
   (never worth retrying: not HTML, no text, 404) or 'error' (retried next round).

Each document is stored in its own transaction before its entry is marked, so a watch
stopped at any point leaves whole documents; an entry left 'pending' is fetched again
next time and recognised by its content hash if it was stored.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from typing import Any

import sqlalchemy as sa

from steppe.errors import InputError
from steppe.store import link_occurrences
from steppe.store import tables as t
from steppe.store.engine import Store
from steppe.watch.feeds import Entry, Listing, ListingError, canonical_url, parse_listing
from steppe.watch.fetch import FetchError, Fetcher
from steppe.watch.pages import page_document
from steppe.watch.robots import Robots
from steppe.watch.save import Extracts, store_document
from steppe.watch.sources import Source, as_utc, list_sources


@dataclass(frozen=True)
class Outcome:
    """What became of one poll of a source's listing, or of one entry."""

    source: str
    url: str
    status: str          # a listing: ok | not-modified | error;
    reason: str = ""     # an entry: added | duplicate | skipped | error
    entry: bool = True


@dataclass
class RoundReport:
    polled: list[str] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    stopped: bool = False

    def count(self, status: str) -> int:
        """Entries that ended with `status` in this round."""
        return sum(1 for o in self.outcomes if o.entry and o.status == status)

    @property
    def problems(self) -> list[Outcome]:
        """Listings that failed and entries skipped or failed, each with its reason."""
        return [o for o in self.outcomes if o.status in ("error", "skipped")]


@dataclass(frozen=True)
class WatchSettings:
    """max_entries    entries fetched per source and round (the rest wait for the next)
    max_attempts      tries for an entry that keeps failing
    max_backoff       longest wait (seconds) before retrying a failing source
    max_sitemaps      child sitemaps read per sitemap index
    """

    max_entries: int = 50
    max_attempts: int = 3
    max_backoff: int = 6 * 3600
    max_sitemaps: int = 20


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Watcher:
    """Polls sources into a store. `stop` (set by a signal handler) ends the current
    round after the document in hand."""

    def __init__(self, store: Store, fetcher: Fetcher, extractor: Extracts | None = None, *,
                 settings: WatchSettings | None = None,
                 clock: Callable[[], datetime] = utcnow,
                 stop: threading.Event | None = None,
                 notify: Callable[[Outcome], None] | None = None) -> None:
        self.store = store
        self.fetcher = fetcher
        self.extractor = extractor
        self.settings = settings or WatchSettings()
        self.clock = clock
        self.stop = stop or threading.Event()
        self.notify = notify or (lambda outcome: None)
        self.robots = Robots(fetcher)

    # -- rounds ------------------------------------------------------------------------

    def round(self, names: list[str] | None = None, *, everything: bool = False) -> RoundReport:
        """Poll the sources (all, or those named) that are due, or all with `everything`."""
        report = RoundReport()
        for source in list_sources(self.store, names):
            if self.stop.is_set():
                break
            if everything or self._is_due(source):
                report.polled.append(source.name)
                self._poll(source, report)
        report.stopped = self.stop.is_set()
        if any(o.status == "added" for o in report.outcomes):
            link_occurrences(self.store)
        return report

    def run(self, names: list[str] | None = None,
            on_round: Callable[[RoundReport], None] | None = None) -> None:
        """Poll round after round until `stop` is set."""
        while not self.stop.is_set():
            report = self.round(names)
            if on_round is not None:
                on_round(report)
            self.stop.wait(self.seconds_to_next(names))

    def seconds_to_next(self, names: list[str] | None = None) -> float:
        """Seconds until the next source is due (1 to 60, so new sources are noticed)."""
        with self.store.connect() as conn:
            query = sa.select(t.sources.c.next_poll_at)
            if names is not None:
                query = query.where(t.sources.c.name.in_(names))
            times = [as_utc(v) for v in conn.execute(query).scalars()]
        if not times or any(v is None for v in times):
            return 1.0
        wait = (min(times) - self.clock()).total_seconds()
        return min(60.0, max(1.0, wait))

    def _is_due(self, source: Source) -> bool:
        with self.store.connect() as conn:
            next_at = as_utc(conn.execute(sa.select(t.sources.c.next_poll_at).where(
                t.sources.c.name == source.name)).scalar())
        # A little slack so a cron job started every `every` never misses by seconds.
        slack = timedelta(seconds=min(60, source.every / 10))
        return next_at is None or next_at <= self.clock() + slack

    # -- one source --------------------------------------------------------------------

    def _poll(self, source: Source, report: RoundReport) -> None:
        state = self._state(source.name)
        now = self.clock()
        try:
            listing, changes = self._list(source, state)
        except Exception as exc:  # whatever a source does, the round goes on
            reason = _reason(exc)
            failures = (state["failures"] or 0) + 1
            wait = min(source.every * 2 ** min(failures, 16), max(self.settings.max_backoff,
                                                                     source.every))
            self._update(source.name, last_poll_at=now, last_status="error", last_error=reason,
                         failures=failures, next_poll_at=now + timedelta(seconds=wait))
            self._emit(report, Outcome(source.name, source.url, "error",
                                       f"{reason} (failure {failures}, next try in {wait}s)",
                                       entry=False))
        else:
            status = "not-modified" if listing is None else "ok"
            note = "; ".join(listing.problems[:3]) if listing and listing.problems else None
            self._update(source.name, last_poll_at=now, last_status=status, last_error=note,
                         failures=0, next_poll_at=now + timedelta(seconds=source.every),
                         **changes)
            new = self._record_entries(source, listing.entries) if listing else 0
            self._emit(report, Outcome(source.name, source.url, status,
                                       f"{new} new entries" + (f"; {note}" if note else ""),
                                       entry=False))
        self._fetch_pending(source, report)

    def _list(self, source: Source, state: dict[str, Any]) -> tuple[Listing | None, dict]:
        """The source's listing (None when unchanged) and the state columns to update."""
        resp = self.fetcher.get(source.url, etag=state["etag"],
                                last_modified=state["last_modified"])
        known = state["validators"] or {}
        if resp.not_modified:
            if state["kind"] != "sitemap-index":
                return None, {}
            # The index is unchanged, but its children may not be.
            listing, validators, changed = self._read_children(
                Listing(kind="sitemap-index"), list(known), known)
            return (listing if changed else None), {"validators": validators}
        listing = parse_listing(resp.body, resp.url)
        changes = {"kind": listing.kind, "etag": resp.etag, "last_modified": resp.last_modified}
        if listing.kind == "sitemap-index":
            listing, changes["validators"], _ = self._read_children(listing, listing.sitemaps,
                                                                    known)
        return listing, changes

    def _read_children(self, listing: Listing, urls: list[str], known: dict[str, dict],
                       ) -> tuple[Listing, dict[str, dict], int]:
        """Read the child sitemaps of an index, conditionally, into one listing; also
        return their validators and how many had changed."""
        validators: dict[str, dict] = {}
        changed = 0
        for url in urls[: self.settings.max_sitemaps]:
            if self.stop.is_set():
                break
            old = known.get(url, {})
            try:
                resp = self.fetcher.get(url, etag=old.get("etag"),
                                        last_modified=old.get("last_modified"))
                validators[url] = {"etag": resp.etag, "last_modified": resp.last_modified}
                if resp.not_modified:
                    continue
                changed += 1
                child = parse_listing(resp.body, resp.url)
            except Exception as exc:  # one bad child leaves the others readable
                changed += 1
                listing.problems.append(f"child sitemap {url}: {_reason(exc)}")
                continue
            listing.entries.extend(child.entries)
            listing.problems.extend(child.problems)
        return listing, validators, changed

    def _record_entries(self, source: Source, entries: list[Entry]) -> int:
        """Record entries not seen before from this source as pending; return how many."""
        now = self.clock()
        with self.store.begin() as conn:
            seen = set(conn.execute(sa.select(t.source_entries.c.url).where(
                t.source_entries.c.source == source.name)).scalars())
            rows, urls = [], set()
            for e in entries:
                if e.url in seen or e.url in urls:
                    continue
                urls.add(e.url)
                rows.append({"source": source.name, "url": e.url, "title": e.title,
                             "published": e.published, "seen_at": now, "status": "pending"})
            if rows:
                conn.execute(t.source_entries.insert(), rows)
        return len(rows)

    # -- entries -----------------------------------------------------------------------

    def _fetch_pending(self, source: Source, report: RoundReport) -> None:
        e = t.source_entries
        with self.store.connect() as conn:
            rows = conn.execute(
                sa.select(e).where(e.c.source == source.name).where(sa.or_(
                    e.c.status == "pending",
                    sa.and_(e.c.status == "error", e.c.attempts < self.settings.max_attempts)))
                .order_by(e.c.id).limit(self.settings.max_entries)
            ).all()
        for row in rows:
            if self.stop.is_set():
                return
            entry = Entry(row.url, row.title, row.published)
            try:
                status, reason, doc_id = self._take(source, entry)
            except Exception as exc:  # one bad entry never stops the round
                status, reason, doc_id = "error", _reason(exc), None
            attempts = row.attempts + (status == "error")
            with self.store.begin() as conn:
                conn.execute(e.update().where(e.c.id == row.id).values(
                    status=status, reason=reason or None, document_id=doc_id,
                    attempts=attempts))
            self._emit(report, Outcome(source.name, entry.url, status, reason))

    def _take(self, source: Source, entry: Entry) -> tuple[str, str, str | None]:
        """(status, reason, document id) for one entry."""
        known = self._stored_as(entry.url)
        if known:
            return "duplicate", "URL already stored", known
        if not self.robots.allowed(entry.url):
            return "skipped", "disallowed by robots.txt", None
        try:
            resp = self.fetcher.get(entry.url)
        except FetchError as exc:
            return ("skipped" if exc.lasting else "error"), exc.reason, None
        landed = canonical_url(resp.url)
        if landed and landed != entry.url:
            # A redirecting link (a feed proxy, a short link): the article is where it landed.
            known = self._stored_as(landed)
            if known:
                return "duplicate", "redirects to a URL already stored", known
            entry = replace(entry, url=landed)
        try:
            doc = page_document(resp, entry, source)
        except InputError as exc:
            return "skipped", exc.reason, None
        canonical = doc.meta.get("canonical_url")
        known = self._stored_as(canonical) if canonical else None
        if known:
            return "duplicate", "page's canonical URL already stored", known
        try:
            saved = store_document(self.store, doc, self.extractor)
        except Exception as exc:
            return "error", f"extraction or storing failed: {_reason(exc)}", None
        reason = "" if saved.status == "added" else "same text already stored"
        return saved.status, reason, saved.document_id

    def _stored_as(self, url: str) -> str | None:
        """The id of a document already stored from this URL, by any source."""
        e = t.source_entries
        with self.store.connect() as conn:
            found = conn.execute(sa.select(e.c.document_id).where(
                e.c.url == url, e.c.document_id.is_not(None)).limit(1)).scalar()
            if found is None:
                found = conn.execute(sa.select(t.documents.c.id).where(
                    t.documents.c.url == url).limit(1)).scalar()
        return found

    # -- state -------------------------------------------------------------------------

    def _state(self, name: str) -> dict[str, Any]:
        with self.store.connect() as conn:
            return dict(conn.execute(sa.select(t.sources).where(
                t.sources.c.name == name)).mappings().one())

    def _update(self, name: str, **values: Any) -> None:
        with self.store.begin() as conn:
            conn.execute(t.sources.update().where(t.sources.c.name == name).values(**values))

    def _emit(self, report: RoundReport, outcome: Outcome) -> None:
        report.outcomes.append(outcome)
        self.notify(outcome)


def _reason(exc: Exception) -> str:
    """A few words for a report: ours say why; anything else says what it was."""
    if isinstance(exc, FetchError):
        return exc.reason
    if isinstance(exc, ListingError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"
