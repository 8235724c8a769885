"""Shared fixtures for the whole test suite."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def extractor():
    """The full pipeline (spaCy model, knowledge base, trigger lexicon), loaded once per session."""
    from steppe.pipeline.extract import Extractor

    return Extractor.load()
