"""robots.txt: article pages a site asks crawlers to leave alone are not fetched.

Each host's file is read once a day through the watcher's own fetcher (so with its
User-Agent, timeout, size limit and politeness delay). A host without one, or whose file
cannot be had, disallows nothing. Feeds and sitemaps are not checked: a site publishes
them for programs to read, and the user chose to follow them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from steppe.watch.fetch import FetchError, Fetcher

AGENT = "steppe"      # the name robots.txt rules address (User-agent: steppe)


class Robots:
    def __init__(self, fetcher: Fetcher, *, ttl: float = 86400.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.fetcher = fetcher
        self.ttl = ttl
        self.clock = clock
        self._rules: dict[str, tuple[RobotFileParser | None, float]] = {}

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        rules, read_at = self._rules.get(root, (None, None))
        if read_at is None or self.clock() - read_at > self.ttl:
            rules = self._read(root)
            self._rules[root] = (rules, self.clock())
        return rules is None or rules.can_fetch(AGENT, url)

    def _read(self, root: str) -> RobotFileParser | None:
        try:
            resp = self.fetcher.get(root + "/robots.txt")
        except FetchError:
            return None
        rules = RobotFileParser()
        rules.parse(resp.body.decode("utf-8", "replace").splitlines())
        return rules
