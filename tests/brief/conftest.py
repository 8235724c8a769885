from __future__ import annotations

import pytest
from brief_corpus import fill

from steppe.store import open_store


@pytest.fixture
def store(tmp_path):
    with open_store(f"sqlite:///{tmp_path / 'brief.db'}") as s:
        yield fill(s)
