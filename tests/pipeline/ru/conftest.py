"""Fixtures of the Russian pipeline tests: the knowledge base and the Russian resolver."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def ru_resolver():
    from steppe.kb.load import load_kb
    from steppe.pipeline.ru.actors import ActorWords, RuActorResolver
    from steppe.words import Grammar

    return RuActorResolver(load_kb(), ActorWords.from_grammar(Grammar()))


@pytest.fixture(scope="session")
def ru_mentions(ru_resolver):
    """Mentions of a Russian text: [(text, codes, kind, location)]."""
    from steppe.pipeline.ru.text import words

    def find(text: str, date: str = "2023-06-01"):
        return [(m.text, m.codes, m.kind, m.location) for m in ru_resolver.find(words(text), date, text)]
    return find
