"""What a source lists: the entries of an RSS or Atom feed, or of an XML sitemap.

The kind is detected from the content, not the URL or the Content-Type (outlets serve
feeds as text/html and sitemaps as text/plain): a root <urlset> or <sitemapindex> is a
sitemap, anything else goes to feedparser, which knows every RSS and Atom dialect.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urldefrag

import courlan
import feedparser
from lxml import etree

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
_NS = {"sm": SITEMAP_NS, "news": NEWS_NS}
# No entities, no network, no giant trees: a sitemap is data from strangers.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                          recover=False)


class ListingError(Exception):
    """The answer is not a feed or sitemap we can read."""


@dataclass(frozen=True)
class Entry:
    """One article a source lists: its canonical URL, with what the listing says of it."""

    url: str
    title: str | None = None
    published: str | None = None      # ISO date or datetime, as precise as given


@dataclass
class Listing:
    kind: str                                      # rss | atom | sitemap | sitemap-index
    title: str | None = None
    entries: list[Entry] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)   # children of a sitemap index
    problems: list[str] = field(default_factory=list)   # entries left out, and why


def canonical_url(url: str, base: str | None = None) -> str | None:
    """The URL as steppe keys it (courlan: lower-case host, no tracking parameters; and
    no fragment), or None when it is not an http(s) URL."""
    if not url:
        return None
    if base:
        url = courlan.urlutils.fix_relative_urls(base, url.strip())
    try:
        # Not courlan's strict mode: it keeps only the query parameters it knows, and
        # would make view.php?news_id=1 and view.php?news_id=2 one article.
        clean = urldefrag(courlan.normalize_url(url.strip())).url
    except ValueError:
        return None
    return clean if clean.startswith(("http://", "https://")) else None


def parse_listing(body: bytes, url: str) -> Listing:
    """Read a feed or sitemap served at `url`; ListingError when it is neither."""
    if not body.strip():
        raise ListingError("empty answer")
    root = _xml_root(body)
    if root is not None and etree.QName(root).localname in ("urlset", "sitemapindex"):
        return _sitemap(root, url)
    return _feed(body, url)


def _xml_root(body: bytes):
    try:
        return etree.fromstring(body, _PARSER)
    except etree.XMLSyntaxError:
        return None


def _feed(body: bytes, url: str) -> Listing:
    parsed = feedparser.parse(body)
    if not parsed.version:
        why = parsed.get("bozo_exception")
        raise ListingError("not RSS, Atom or a sitemap" + (f" ({why})" if why else ""))
    listing = Listing(kind="atom" if parsed.version.startswith("atom") else "rss",
                      title=parsed.feed.get("title") or None)
    if parsed.bozo:
        listing.problems.append(
            f"malformed feed, read what could be: {parsed.get('bozo_exception')}")
    for item in parsed.entries:
        link = item.get("link") or _alternate(item)
        canon = canonical_url(link or "", base=url)
        if canon is None:
            listing.problems.append(f"entry {item.get('title') or item.get('id') or '?'!r}: "
                                    f"no usable link ({link or 'none'})")
            continue
        listing.entries.append(Entry(canon, (item.get("title") or "").strip() or None,
                                     _entry_date(item)))
    return listing


def _alternate(item) -> str | None:
    for link in item.get("links") or []:
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link["href"]
    return None


def _entry_date(item) -> str | None:
    """The entry's date as an ISO datetime in the outlet's own time zone, so an article
    of 01:30 in Tashkent stays dated that day (feedparser's *_parsed are in UTC)."""
    for key in ("published", "updated"):
        raw = (item.get(key) or "").strip()
        if not raw:
            continue
        try:
            return datetime.fromisoformat(raw.replace("Z", "+00:00")).isoformat()
        except ValueError:
            pass
        try:
            return parsedate_to_datetime(raw).isoformat()
        except (TypeError, ValueError):
            pass
        parsed = item.get(f"{key}_parsed")
        if parsed is not None:
            return datetime.fromtimestamp(calendar.timegm(parsed), timezone.utc).isoformat()
    return None


def _sitemap(root, url: str) -> Listing:
    # Unnamespaced sitemaps exist in the wild; match on local names.
    def children(node, name: str):
        return [c for c in node if isinstance(c.tag, str) and etree.QName(c).localname == name]

    def text(node, name: str) -> str | None:
        found = children(node, name)
        return (found[0].text or "").strip() or None if found else None

    if etree.QName(root).localname == "sitemapindex":
        listing = Listing(kind="sitemap-index")
        for child in children(root, "sitemap"):
            canon = canonical_url(text(child, "loc") or "", base=url)
            if canon:
                listing.sitemaps.append(canon)
            else:
                listing.problems.append(
                    f"child sitemap without a usable <loc>: {text(child, 'loc')!r}")
        return listing
    listing = Listing(kind="sitemap")
    for node in children(root, "url"):
        loc = text(node, "loc")
        canon = canonical_url(loc or "", base=url)
        if canon is None:
            listing.problems.append(f"<url> without a usable <loc>: {loc!r}")
            continue
        news = node.find("news:news", _NS)
        title = news.findtext("news:title", namespaces=_NS) if news is not None else None
        published = news.findtext("news:publication_date", namespaces=_NS) \
            if news is not None else None
        # <lastmod> is when the page last changed, not when it was published: the page's
        # own metadata will date it.
        listing.entries.append(Entry(canon, (title or "").strip() or None,
                                     (published or "").strip() or None))
    return listing
