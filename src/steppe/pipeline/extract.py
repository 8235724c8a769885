"""From a Document to its Facts: the pipeline as a pure function (plus loaded models).

    extractor = Extractor.load(settings)          # loads spaCy, the KB and the lexicon once
    facts = extractor.extract(document)           # or extract_many(documents) for batches

Each document gets a DocContext (pipeline/context.py) that the components of its language
fill in turn (pipeline/factories.py lists them). For English: split sentences and find
actor mentions on the raw tokens (cheap), pick the sentences that hold an actor and a
trigger word, parse only those (batched with nlp.pipe over many documents), code events,
date them, read tables, figures, projects and agreements, merge repeats of one occurrence.
"""

from __future__ import annotations

from typing import Callable, Iterable, Iterator

from spacy.language import Language

from steppe.facts import Document, Facts
from steppe.kb.model import KnowledgeBase
from steppe.pipeline.actors import ActorResolver
from steppe.pipeline.context import Back, DocContext
from steppe.pipeline.factories import PIPELINES, Component, Loaded, build
from steppe.pipeline.lexicon import Lexicon
from steppe.pipeline.limits import document_seconds, time_limit
from steppe.pipeline.mentions import Mention
from steppe.pipeline.mixed import join_parts, language_parts
from steppe.pipeline.nlp import load_model
from steppe.resources import Resources
from steppe.settings import Settings


class Extractor:
    """Holds the loaded resources and the components built from them; `extract` itself
    keeps no state between documents."""

    def __init__(self, *, nlp: Language, resources: Resources,
                 seconds_per_10k_chars: float = 0.0, min_document_seconds: float = 10.0,
                 pipelines: dict[str, list[str]] | None = None) -> None:
        self.nlp = nlp
        self.resources = resources
        self._loaded = Loaded(resources, nlp)
        self.pipelines = pipelines or PIPELINES
        # Built on the first document of each language (the Russian models load only then).
        self._components: dict[str, list[Component]] = {}
        # Per-document time limit (pipeline/limits.py); 0 means none.
        self._budget = (seconds_per_10k_chars, min_document_seconds)

    @classmethod
    def load(cls, settings: Settings | None = None) -> "Extractor":
        settings = settings or Settings()
        return cls(nlp=load_model(), resources=Resources.load(settings),
                   seconds_per_10k_chars=settings.seconds_per_10k_chars,
                   min_document_seconds=settings.min_document_seconds)

    @property
    def kb(self) -> KnowledgeBase:
        return self.resources.kb

    @property
    def lexicon(self) -> Lexicon:
        return self.resources.lexicon

    @property
    def resolver(self) -> ActorResolver:
        return self._loaded.resolver

    # -- public ------------------------------------------------------------------------

    def extract(self, doc: Document) -> Facts:
        """Facts of one document."""
        return next(iter(self.extract_many([doc])))[1]

    def extract_many(self, docs: Iterable[Document], *, batch_size: int = 32,
                     on_error: Callable[[Document, Exception], None] | None = None,
                     ) -> Iterator[tuple[Document, Facts]]:
        """(document, facts) for each document, parsing candidate sentences in batches.

        A document whose extraction fails is passed to `on_error` and left out, so one
        bad text never stops a batch; without `on_error` the exception propagates.
        """
        batch: list[Document] = []
        for d in docs:
            batch.append(d)
            if len(batch) >= batch_size:
                yield from self._run(batch, on_error)
                batch = []
        if batch:
            yield from self._run(batch, on_error)

    def mentions(self, text: str, *, date: str | None) -> list[Mention]:
        """Every actor mention in a text, KB names plus NER names (for `actors resolve`);
        read in NFC like documents, offsets into `text`."""
        ctx = DocContext.for_document(Document(id="", text=text, date=date), "en")
        tokens = self.nlp.make_doc(ctx.text)
        found = self.resolver.find(tokens, date=date)
        parsed = self.nlp(ctx.text)
        found += self.resolver.resolve_unknown(parsed, 0, found, date)
        if ctx.offsets is not None:
            back = Back(ctx.offsets, text)
            found = [back.mention(m) for m in found]
        return sorted(found, key=lambda m: m.start)

    def _limit(self, doc: Document):
        """The time limit of one run of per-document components (those before the parse,
        those after): a document that runs too long raises DocumentTimeout, reported like
        any failed document. The batched parse is bounded by the sentence cap instead
        (limits.MAX_SENTENCE)."""
        return time_limit(document_seconds(len(doc.text), *self._budget))

    # -- the component loop --------------------------------------------------------------

    def language_of(self, doc: Document) -> str:
        return doc.language if doc.language in self.pipelines else "en"

    def components(self, language: str) -> list[Component]:
        if language not in self._components:
            self._components[language] = build(self.pipelines[language], self._loaded)
        return self._components[language]

    def _run(self, docs: list[Document], on_error) -> Iterator[tuple[Document, Facts]]:
        """A document in two languages is read part by part, each part by the components
        of its language (pipeline.mixed); the rest are routed whole."""
        parts = [language_parts(d) for d in docs]
        if all(p == [d] for p, d in zip(parts, docs)):
            yield from self._route(docs, on_error)
            return
        done = {id(p): f for p, f in self._route([p for ps in parts for p in ps], on_error)}
        for d, ps in zip(docs, parts):
            if all(id(p) in done for p in ps):
                yield d, join_parts(d, [done[id(p)] for p in ps])

    def _route(self, docs: list[Document], on_error) -> Iterator[tuple[Document, Facts]]:
        """Each language's documents through its components; results come back in the
        order the documents came."""
        languages = sorted({self.language_of(d) for d in docs})
        if len(languages) == 1:
            yield from self._run_language(languages[0], docs, on_error)
            return
        done = {}
        for lang in languages:
            group = [d for d in docs if self.language_of(d) == lang]
            done.update((id(d), f) for d, f in self._run_language(lang, group, on_error))
        for d in docs:
            if id(d) in done:
                yield d, done[id(d)]

    def _run_language(self, language: str, docs: list[Document], on_error,
                      ) -> Iterator[tuple[Document, Facts]]:
        """The components in order: a run of per-document components goes over each
        document under its time limit; a batch component (`pipe`) takes all at once. A
        document that fails is reported and goes no further."""
        try:
            steps = _steps(self.components(language))
        except Exception as exc:          # a language's models that cannot load
            for d in docs:
                _report(d, exc, on_error)
            return
        ctxs = [DocContext.for_document(d, language) for d in docs]
        for n, (batch, comps) in enumerate(steps):
            last = n == len(steps) - 1
            if batch:
                comps[0].pipe(ctxs)
                for c in ctxs:
                    if c.failure is not None:
                        _report(c.given, c.failure, on_error)
                ctxs = [c for c in ctxs if c.failure is None]
                continue
            kept = []
            for c in ctxs:
                try:
                    with self._limit(c.doc):
                        for comp in comps:
                            comp(c)
                except Exception as exc:
                    _report(c.given, exc, on_error)
                    continue
                if last:
                    yield c.given, c.facts()
                else:
                    kept.append(c)
            ctxs = kept
        if steps and steps[-1][0]:
            yield from ((c.given, c.facts()) for c in ctxs)


def _steps(components: list[Component]) -> list[tuple[bool, list[Component]]]:
    """The component list cut into runs: (True, [batch component]) or (False, [per-document
    components])."""
    steps: list[tuple[bool, list[Component]]] = []
    for comp in components:
        batch = hasattr(comp, "pipe")
        if batch or not steps or steps[-1][0]:
            steps.append((batch, [comp]))
        else:
            steps[-1][1].append(comp)
    return steps


def _report(doc: Document, exc: Exception, on_error) -> None:
    if on_error is None:
        raise exc
    on_error(doc, exc)
