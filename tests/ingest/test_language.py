"""Language detection on the first characters of a text."""

from __future__ import annotations

import pytest

from steppe.ingest import detect_language


@pytest.mark.parametrize("text, code", [
    ("The foreign ministers of Kazakhstan and Uzbekistan met in Astana on Monday to discuss "
     "water sharing and trade.", "en"),
    ("Министры иностранных дел Казахстана и Узбекистана встретились в Астане, чтобы обсудить "
     "водные ресурсы и торговлю.", "ru"),
    ("Astana", None),
    ("12.03.2023 — 45 %", None),
])
def test_detect_language(text, code):
    assert detect_language(text) == code
