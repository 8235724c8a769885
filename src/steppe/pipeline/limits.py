"""Bounds on the work one document may cost, so that no input hangs a batch.

Two lines of defence:
  1. caps applied before the expensive stages keep extraction linear in the length of
     the text: no sentence handed to the parser is longer than MAX_SENTENCE characters
     (nlp.SentenceSplitter cuts run-on text), and whole-text searches bound their repeats;
  2. a per-document time limit (`time_limit`, sized by `document_seconds`) stops a
     document that still runs too long, so that it is reported and the batch goes on.

    with time_limit(document_seconds(len(doc.text), settings)):
        facts = extractor.extract(doc)          # DocumentTimeout when it runs too long

Limits of `time_limit` (it uses SIGALRM and setitimer):
  - it is enforced only in the main thread of a POSIX process; elsewhere (a web server's
    worker thread, Windows) it does nothing and `enforced` is False;
  - the exception is raised between Python bytecodes: Python code and the `re` module
    are interrupted, but one long call into C (one spaCy parse, one pypdf call in C)
    runs to its end first, which is why the caps above keep each such call short;
  - code that catches every exception could swallow the timeout; the alarm therefore
    repeats every REPEAT seconds until the block is left;
  - it replaces the SIGALRM handler while it runs (and restores it, and an enclosing
    `time_limit`, afterwards).
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

# No sentence handed to the parser or a sentence-level stage is longer than this.
MAX_SENTENCE = 2000
# A raised timeout that some code swallowed is raised again this often.
REPEAT = 0.5


class DocumentTimeout(Exception):
    """A document took longer than its time limit."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"took longer than its time limit of {seconds:g} s")
        self.seconds = seconds


def document_seconds(chars: int, per_10k_chars: float = 5.0, minimum: float = 10.0) -> float:
    """Seconds a document of `chars` characters may take: `per_10k_chars` for every 10,000
    characters, at least `minimum`; 0 (no limit) when `per_10k_chars` is 0 or less."""
    if per_10k_chars <= 0:
        return 0.0
    return max(minimum, per_10k_chars * chars / 10_000)


@dataclass
class Limit:
    """What `time_limit` yields: the limit, whether it is enforced, and the time taken."""

    seconds: float
    enforced: bool
    started: float = 0.0

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started


@contextmanager
def time_limit(seconds: float) -> Iterator[Limit]:
    """Raise DocumentTimeout inside the block once it has run `seconds` (0: no limit)."""
    enforced = (seconds > 0 and hasattr(signal, "setitimer")
                and threading.current_thread() is threading.main_thread())
    limit = Limit(seconds, enforced, time.monotonic())
    if not enforced:
        yield limit
        return

    def alarm(signum, frame):
        raise DocumentTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, alarm)
    outer_delay, outer_interval = 0.0, 0.0
    try:
        # Armed inside the try: an alarm due at once still ends in the disarming below.
        outer_delay, outer_interval = signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT)
        yield limit
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_delay > 0:
            # An enclosing limit keeps counting: what it had left, less the time spent here
            # (a tiny delay, not 0, when it has passed: 0 would disarm it).
            left = max(outer_delay - limit.elapsed, 1e-6)
            signal.setitimer(signal.ITIMER_REAL, left, outer_interval)
