"""Ride out a database outage: retry a whole transaction with exponential backoff.

A PostgreSQL server that restarts, or a network blip, surfaces as a DBAPI
OperationalError/InterfaceError (or an error SQLAlchemy marks `connection_invalidated`).
The store's write functions run their transaction through `retrying`: each attempt is
a fresh transaction, so a retry never half-applies, and the write functions look the
document up before inserting it, so a commit whose acknowledgement was lost comes back
as a duplicate instead of a second copy.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TypeVar

import sqlalchemy as sa

T = TypeVar("T")
log = logging.getLogger("steppe.store")

# Backoff: 0.5, 1, 2, 4, 8, 8, ... seconds between attempts.
FIRST_WAIT = 0.5
MAX_WAIT = 8.0


def is_outage(exc: BaseException) -> bool:
    """True for errors meaning "the database is unreachable", not "this statement is wrong"."""
    if isinstance(exc, sa.exc.DBAPIError) and exc.connection_invalidated:
        return True
    if isinstance(exc, (sa.exc.OperationalError, sa.exc.InterfaceError)):
        # SQLite reports a missing table as OperationalError too; that is no outage.
        return "no such" not in str(exc.orig)
    # The pool could not hand out a connection in time.
    return isinstance(exc, sa.exc.TimeoutError)


def retrying(what: str, attempt: Callable[[], T], *, give_up_after: float) -> T:
    """Run `attempt()`; on an outage wait and run it again, for up to `give_up_after` seconds.

    Logs one warning per failed attempt naming the outage, and raises the last error
    once the waits would exceed `give_up_after` (0 disables retrying).
    """
    waited, wait, failures = 0.0, FIRST_WAIT, 0
    while True:
        try:
            result = attempt()
        except Exception as exc:
            if not is_outage(exc) or waited + wait > give_up_after:
                if failures:
                    log.error("database still unavailable after %.1f s; %s failed", waited, what)
                raise
            failures += 1
            log.warning("database unavailable (%s: %s); retrying %s in %.1f s (attempt %d)",
                        type(exc.orig if isinstance(exc, sa.exc.DBAPIError) else exc).__name__,
                        str(exc).splitlines()[0][:200], what, wait, failures + 1)
            time.sleep(wait)
            waited += wait
            wait = min(wait * 2, MAX_WAIT)
            continue
        if failures:
            log.warning("database back after %.1f s; %s done", waited, what)
        return result
