"""The Ray engine: the same extraction code on a pool of Ray actors, one per worker.

Each actor loads the Extractor (spaCy, knowledge base, lexicons) once and then extracts
batches of documents sent by the driver. The driver reads the sources lazily, keeps at
most two batches per worker in flight (so memory stays flat whatever the corpus size)
and yields results in input order, so the store comes out exactly as the local engine
leaves it.

Failures:
  - a document whose extraction raises on a worker goes to `on_error`, like any bad file;
  - a worker that dies (killed, out of memory, node lost) is replaced by a fresh actor
    and its batch resubmitted, up to RETRIES times; after that the batch's documents are
    reported to `on_error` and the run goes on.

Without `settings.ray_address` a small local Ray instance is started (num_cpus=workers,
no dashboard, capped object store) and stopped at the end; with "auto" or
"ray://host:10001" the run joins an existing cluster, whose nodes must have steppe
installed (and the `kb_paths` files at the same paths).
"""

from __future__ import annotations

import pickle
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any

from steppe.facts import Document, Facts
from steppe.settings import Settings

if TYPE_CHECKING:
    from steppe.engine import OnError
    from steppe.pipeline.extract import Extractor

RETRIES = 3
IN_FLIGHT_PER_WORKER = 2
OBJECT_STORE_BYTES = 256 * 1024 * 1024   # the driver's local instance: batches are small


class WorkerDied(RuntimeError):
    """A worker was lost RETRIES times while extracting a batch."""


class _Worker:
    """One Ray actor: an Extractor loaded once, extracting one batch per call."""

    def __init__(self, settings: Settings) -> None:
        from steppe.pipeline.extract import Extractor

        self.settings = settings
        self.extractor = Extractor.load(settings)

    def extract(self, docs: list[Document]) -> list[tuple[Facts | None, Exception | None]]:
        """For each document, (facts, None) or (None, the exception that stopped it)."""
        errors: dict[int, Exception] = {}
        facts = {id(d): f for d, f in self.extractor.extract_many(
            docs, batch_size=self.settings.batch_size,
            on_error=lambda d, exc: errors.__setitem__(id(d), _portable(exc)))}
        return [(facts.get(id(d)), errors.get(id(d))) for d in docs]

    def ping(self) -> bool:
        return True


def run(docs: Iterable[Document], settings: Settings, *, extractor: "Extractor | None" = None,
        on_error: "OnError | None" = None) -> Iterator[tuple[Document, Facts]]:
    """(document, facts) pairs, extracted on Ray workers, in input order.

    `extractor` is not used (each worker loads its own from `settings`); it is accepted
    so that every engine has the same signature.
    """
    import ray

    started = _connect(ray, settings)
    pool = _Pool(ray, settings)
    try:
        yield from pool.map(docs, on_error)
    finally:
        pool.close()
        if started:
            ray.shutdown()


def _connect(ray: Any, settings: Settings) -> bool:
    """Join the cluster of `settings.ray_address`, or start a local one; True if started."""
    if ray.is_initialized():
        return False
    common = dict(include_dashboard=False, log_to_driver=False, logging_level="warning",
                  configure_logging=False)
    if settings.ray_address:
        ray.init(address=settings.ray_address, **common)
    else:
        ray.init(num_cpus=settings.workers, object_store_memory=OBJECT_STORE_BYTES, **common)
    return True


class _Pool:
    """Actors, the batches they are working on, and the replacement of dead ones."""

    def __init__(self, ray: Any, settings: Settings) -> None:
        self.ray = ray
        self.settings = settings
        self.run_id = uuid.uuid4().hex[:8]
        self.spawned = 0
        self.remote = ray.remote(num_cpus=1)(_Worker)
        self.actors = [self._spawn() for _ in range(settings.workers)]

    def _spawn(self) -> Any:
        # Named so that an operator (or a test) can find a run's workers on the cluster.
        self.spawned += 1
        name = f"steppe-{self.run_id}-{self.spawned}"
        return self.remote.options(name=name, namespace="steppe").remote(self.settings)

    def map(self, docs: Iterable[Document], on_error: "OnError | None"
            ) -> Iterator[tuple[Document, Facts]]:
        pending: deque[tuple[list[Document], Any, int]] = deque()  # (batch, ref, actor slot)
        limit = IN_FLIGHT_PER_WORKER * len(self.actors)
        for k, batch in enumerate(_batches(docs, self.settings.batch_size)):
            slot = k % len(self.actors)   # in turn: batches are alike, so the load evens out
            pending.append((batch, self.actors[slot].extract.remote(batch), slot))
            while len(pending) >= limit:
                yield from self._collect(pending.popleft(), on_error)
        while pending:
            yield from self._collect(pending.popleft(), on_error)

    def _collect(self, job: tuple[list[Document], Any, int], on_error: "OnError | None"
                 ) -> Iterator[tuple[Document, Facts]]:
        batch, ref, slot = job
        results = self._get(batch, ref, slot)
        for doc, (facts, exc) in zip(batch, results):
            if exc is not None or facts is None:
                exc = exc or RuntimeError("no result")
                if on_error is None:
                    raise exc
                on_error(doc, exc)
            else:
                yield doc, facts

    def _get(self, batch: list[Document], ref: Any, slot: int) -> list:
        from ray.exceptions import RayActorError

        for attempt in range(RETRIES + 1):
            try:
                return self.ray.get(ref)
            except RayActorError:
                if attempt == RETRIES:
                    break
                # The worker is gone: put a new one in its slot and send the batch again.
                if self._dead(self.actors[slot]):
                    self.actors[slot] = self._spawn()
                ref = self.actors[slot].extract.remote(batch)
        died = WorkerDied(f"worker lost {RETRIES + 1} times while extracting this batch")
        return [(None, died)] * len(batch)

    def _dead(self, actor: Any) -> bool:
        try:
            self.ray.get(actor.ping.remote(), timeout=60)
            return False
        except Exception:
            return True

    def close(self) -> None:
        for actor in self.actors:
            try:
                self.ray.kill(actor)
            except Exception:  # already gone
                pass


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(docs)
    while batch := list(islice(it, size)):
        yield batch


def _portable(exc: Exception) -> Exception:
    """The exception itself if it survives pickling to the driver, else its text."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
