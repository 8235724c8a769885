"""What components are built from: the loaded models and knowledge, loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from spacy.language import Language

from steppe.kb.load import load_kb
from steppe.kb.model import KnowledgeBase
from steppe.pipeline.actors import ActorResolver
from steppe.pipeline.lexicon import Lexicon, load_lexicon
from steppe.pipeline.nlp import load_model
from steppe.settings import Settings


@dataclass
class Resources:
    """The English spaCy model, the knowledge base (the user's --kb layered over the packaged
    one) and the event lexicon; objects several components use are built here once."""

    nlp: Language
    kb: KnowledgeBase
    lexicon: Lexicon

    @classmethod
    def load(cls, settings: Settings | None = None) -> "Resources":
        settings = settings or Settings()
        return cls(nlp=load_model(), kb=load_kb(settings.kb_paths), lexicon=load_lexicon("en"))

    @cached_property
    def resolver(self) -> ActorResolver:
        """KB names to actors (the actors stage; the events stage resolves NER names with it)."""
        return ActorResolver(self.kb, self.nlp)
