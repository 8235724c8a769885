"""HTTP for the watcher: polite, bounded, conditional.

Every request names steppe in its User-Agent, has a timeout, follows at most a few
redirects, reads at most `max_bytes` (the body is streamed and dropped past the limit)
and waits its turn per host, so a site is never hit faster than once per `host_delay`.
Conditional GET (If-None-Match / If-Modified-Since) lets an unchanged feed answer 304.
"""

from __future__ import annotations

import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import version
from urllib.parse import urlsplit

import httpx

USER_AGENT = f"steppe/{version('steppe')} (news monitoring; polite polling)"


class FetchError(Exception):
    """A request that gave nothing usable; `reason` says why in a few words."""

    def __init__(self, url: str, reason: str, status: int | None = None,
                 lasting: bool = False) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status
        # Retrying will not change the answer (404, 410, too large, a redirect loop).
        self.lasting = lasting or (status is not None and 400 <= status < 500
                                   and status not in (408, 429))


@dataclass(frozen=True)
class FetchSettings:
    """timeout     seconds for connecting, and between two chunks of the answer
    max_seconds    seconds for a whole answer (a server trickling bytes is cut off)
    max_bytes      larger answers are abandoned (also after gzip decompression)
    host_delay     seconds between two requests to one host
    max_redirects  a longer chain (or a loop) is an error
    """

    timeout: float = 20.0
    max_seconds: float = 60.0
    max_bytes: int = 10 * 1024 * 1024
    host_delay: float = 2.0
    max_redirects: int = 5
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class Response:
    url: str                      # after redirects
    status: int
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Fetcher:
    """One HTTP client for a whole watch; `wait` is how it sleeps (a stop event's `wait`
    lets a signal cut a politeness pause short)."""

    def __init__(self, settings: FetchSettings | None = None,
                 wait: Callable[[float], object] = time.sleep) -> None:
        self.settings = settings or FetchSettings()
        self.wait = wait
        self._last_request: dict[str, float] = {}
        self._lock = threading.Lock()
        self._client = httpx.Client(
            timeout=self.settings.timeout,
            follow_redirects=True,
            max_redirects=self.settings.max_redirects,
            headers={"User-Agent": self.settings.user_agent,
                     "Accept-Encoding": "gzip, deflate"},
        )

    def get(self, url: str, *, etag: str | None = None,
            last_modified: str | None = None) -> Response:
        """GET `url`; a 304 comes back as a Response, any other failure as FetchError."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        self._take_turn(url)
        deadline = time.monotonic() + self.settings.max_seconds
        try:
            with self._client.stream("GET", url, headers=headers) as resp:
                if resp.status_code == 304:
                    return Response(str(resp.url), 304, etag=etag, last_modified=last_modified)
                if resp.status_code >= 400:
                    raise FetchError(url, f"HTTP {resp.status_code}", resp.status_code)
                body = _gunzip(url, self._read_limited(url, resp, deadline),
                               self.settings.max_bytes)
                return Response(
                    url=str(resp.url), status=resp.status_code, body=body,
                    content_type=resp.headers.get("content-type", "").split(";")[0].strip().lower(),
                    etag=resp.headers.get("etag"), last_modified=resp.headers.get("last-modified"),
                )
        except httpx.TooManyRedirects:
            raise FetchError(url, f"more than {self.settings.max_redirects} redirects (loop?)",
                             lasting=True) from None
        except httpx.TimeoutException:
            raise FetchError(url, f"timed out after {self.settings.timeout:g} s") from None
        except httpx.InvalidURL as exc:
            raise FetchError(url, f"invalid URL: {exc}") from None
        except httpx.HTTPError as exc:
            raise FetchError(url, f"{type(exc).__name__}: {exc}") from None

    def close(self) -> None:
        self._client.close()

    def _read_limited(self, url: str, resp: httpx.Response, deadline: float) -> bytes:
        limit = self.settings.max_bytes
        declared = resp.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(url, f"too large: {declared} bytes (limit {limit})", lasting=True)
        chunks, size = [], 0
        for chunk in resp.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise FetchError(url, f"too large: over {limit} bytes", lasting=True)
            if time.monotonic() > deadline:
                raise FetchError(url, f"took over {self.settings.max_seconds:g} s")
            chunks.append(chunk)
        return b"".join(chunks)

    def _take_turn(self, url: str) -> None:
        """Sleep until this host's previous request is `host_delay` seconds old."""
        host = urlsplit(url).netloc.lower()
        with self._lock:
            due = self._last_request.get(host, 0.0) + self.settings.host_delay
            pause = due - time.monotonic()
            self._last_request[host] = max(due, time.monotonic())
        if pause > 0:
            self.wait(pause)


def _gunzip(url: str, body: bytes, limit: int) -> bytes:
    """Unpack a gzip file served as such (sitemap.xml.gz), never past `limit` bytes."""
    if not body.startswith(b"\x1f\x8b"):
        return body
    unpacker = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = unpacker.decompress(body, limit + 1)
    except zlib.error as exc:
        raise FetchError(url, f"broken gzip: {exc}") from None
    if len(out) > limit:
        raise FetchError(url, f"too large once unpacked: over {limit} bytes", lasting=True)
    return out

