"""Continuous monitoring: follow news feeds and sitemaps, ingest what is new.

    sources.py  the sources followed (store or sources.yaml) and their health
    fetch.py    polite, bounded, conditional HTTP (httpx)
    feeds.py    RSS / Atom (feedparser) and XML sitemaps, detected by content
    pages.py    an article page as a Document (trafilatura)
    save.py     store one Document (extract, then save)
    robots.py   robots.txt, read once a day per host
    poll.py     polling rounds: list, fetch, deduplicate, extract, store
"""

from steppe.watch.feeds import Entry, Listing, ListingError, canonical_url, parse_listing
from steppe.watch.fetch import FetchError, Fetcher, FetchSettings
from steppe.watch.poll import Outcome, RoundReport, Watcher, WatchSettings
from steppe.watch.sources import (
    Source,
    SourceError,
    SourceHealth,
    add_source,
    list_sources,
    load_sources_file,
    make_source,
    remove_source,
    source_health,
    sync_sources,
)

__all__ = [
    "Entry",
    "FetchError",
    "FetchSettings",
    "Fetcher",
    "Listing",
    "ListingError",
    "Outcome",
    "RoundReport",
    "Source",
    "SourceError",
    "SourceHealth",
    "WatchSettings",
    "Watcher",
    "add_source",
    "canonical_url",
    "list_sources",
    "load_sources_file",
    "make_source",
    "parse_listing",
    "remove_source",
    "source_health",
    "sync_sources",
]
