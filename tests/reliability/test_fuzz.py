"""Fuzzing the readers and the extractor with hypothesis, on a small budget in CI
(STEPPE_FUZZ_EXAMPLES raises it for a longer run): whatever the bytes or the text, a
reader yields Documents or Skipped records with a reason, and the extractor returns facts
whose evidence lies inside the text, within its time limit."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from steppe.facts import Document
from steppe.ingest import Skipped, read_file
from steppe.ingest.readers import READERS
from steppe.ingest.readers.common import unstorable
from steppe.pipeline.limits import document_seconds, time_limit

pytestmark = pytest.mark.fuzz
EXAMPLES = int(os.environ.get("STEPPE_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=not os.environ.get("STEPPE_FUZZ_RANDOM"),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Bytes that look like the formats: their markers, spliced with random bytes and text.
MARKERS = [b"%PDF-1.4\n", b"obj\n<<", b">>\nstream\n", b"endstream", b"xref\n", b"%%EOF",
           b"<html>", b"<div>", b"</div>", b"<script>", b"<p title=\"", b"{\"id\": \"a\", ",
           b"\"text\": \"", b"\"}\n", b"[", b"]", b"---\n", b"id,text\n", b"\"", b"\x00",
           b"\xff\xfe", b"\xef\xbb\xbf", "Казахстан".encode("cp1251"), b"\\ud800",
           b"Kazakhstan signed a treaty with Uzbekistan. ", b"\n", b"&a [x, *a]"]
chunks = st.one_of(st.sampled_from(MARKERS), st.binary(max_size=64),
                   st.text(max_size=40).map(lambda s: s.encode("utf-8", "surrogatepass")))
files = st.lists(chunks, max_size=30).map(b"".join)


@FUZZ
@given(data=files, suffix=st.sampled_from(sorted(READERS)))
def test_readers_never_raise(data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz{suffix}"
        path.write_bytes(data)
        for result in read_file(path):
            if isinstance(result, Skipped):
                assert result.reason.strip()
            else:
                assert isinstance(result, Document) and result.text.strip()
                assert unstorable(result.text) is None


WORDS = ["Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Tajikistan", "Tokayev", "Mirziyoyev",
         "signed", "attacked", "met", "agreement", "treaty", "Treaty", "on", "the", "of",
         "railway", "power plant", "$5 billion", "5 May 2020", "in", "2021", ".", ",", ";",
         "\n", "\n\n", "-", "\u2013", "\"", "(", ")", "[1]", "Rogun", "HPP-1", "Mr.", "|", "\t"]
texts = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), min_size=1,
                 max_size=120).map(" ".join)


@FUZZ
@given(text=texts, date=st.one_of(st.none(), st.sampled_from(["2020-05-05", "2021", "1990-01"])))
def test_extractor_on_any_text(extractor, text, date):
    with time_limit(document_seconds(len(text))):
        facts = extractor.extract(Document(id="fuzz", text=text, date=date))
    for item in facts.events + facts.figures + facts.agreements + facts.projects:
        span = item.evidence
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start:span.end] == span.text
