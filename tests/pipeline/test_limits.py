"""Bounds on the work of one document: the time limit on its own, and linear extraction
cost on hostile run-on texts."""

from __future__ import annotations

import re
import threading
import time

import pytest

from steppe.facts import Document
from steppe.pipeline.limits import DocumentTimeout, document_seconds, time_limit


def _spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_time_limit_stops_a_python_loop():
    started = time.monotonic()
    with pytest.raises(DocumentTimeout, match="0.2 s"):
        with time_limit(0.2):
            _spin(5)
    assert time.monotonic() - started < 1.5


def test_time_limit_stops_a_catastrophic_regex():
    started = time.monotonic()
    with pytest.raises(DocumentTimeout):
        with time_limit(0.2):
            re.search(r"(a+)+b", "a" * 40)
    assert time.monotonic() - started < 1.5


def test_a_swallowed_timeout_is_raised_again():
    with pytest.raises(DocumentTimeout):
        with time_limit(0.1):
            try:
                _spin(5)
            except Exception:      # careless code catching everything
                pass
            _spin(5)


def test_work_within_the_limit_is_untouched_and_the_alarm_is_disarmed():
    with time_limit(1.0) as limit:
        _spin(0.05)
    assert limit.enforced and limit.elapsed < 1.0
    _spin(1.2)      # an armed alarm would raise here


def test_an_enclosing_limit_keeps_counting():
    with pytest.raises(DocumentTimeout) as outer:
        with time_limit(0.4):
            with time_limit(5.0):
                _spin(0.1)
            _spin(5)
    assert outer.value.seconds == 0.4


def test_zero_means_no_limit_and_threads_are_not_enforced():
    with time_limit(0) as limit:
        _spin(0.05)
    assert not limit.enforced
    seen = []

    def worker():
        with time_limit(0.05) as lim:
            _spin(0.2)
        seen.append(lim.enforced)

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert seen == [False]


def test_document_seconds():
    assert document_seconds(2_200_000, 5.0, 10.0) == 1100.0
    assert document_seconds(3_000, 5.0, 10.0) == 10.0
    assert document_seconds(3_000, 0, 10.0) == 0.0


# Run-on texts that once made whole-text searches quadratic (the first kept `steppe ingest`
# busy for more than ten minutes at 2.2 MB). Each must now extract at a bounded cost per
# character: 40,000 characters in well under the default limit of 20 s (CPU time, so that
# a busy machine does not fail the test; quadratic costs took from 10 s to minutes here).
HOSTILE = ["Kyrgyzstan ", "K", "Foo Bar ", "Tashkent-Bishkek ", "Kyrgyzstan attacked Tajikistan ",
           "5 May 2020 ", "$5 billion ", "\u201cRogun\u201d ", "x" * 39 + " ", "\n", ". \n ",
           # pronouns, each looking back at the people of the sentence before
           "Xi held talks with Tokayev in Astana. Later he met Mirziyoyev and Japarov. "]


@pytest.mark.parametrize("unit", HOSTILE)
def test_run_on_text_costs_linear_time(extractor, unit):
    text = unit * (40_000 // len(unit))
    started = time.process_time()
    extractor.extract(Document(id="hostile", text=text))
    assert time.process_time() - started < 6.0


def test_a_document_over_its_time_limit_is_reported_and_the_batch_goes_on(extractor):
    slow = extractor
    budget = slow._budget
    slow._budget = (1e-6, 1e-6)        # every document is over its limit at once
    try:
        failed: list[tuple[str, Exception]] = []
        docs = [Document(id=f"d{i}", text="Kazakhstan and Uzbekistan signed a treaty. " * 50)
                for i in range(2)]
        out = list(slow.extract_many(docs, on_error=lambda d, e: failed.append((d.id, e))))
    finally:
        slow._budget = budget
    assert out == []
    assert [d for d, _ in failed] == ["d0", "d1"]
    assert all(isinstance(e, DocumentTimeout) for _, e in failed)
    # With the limit back, the same documents extract.
    assert len(list(extractor.extract_many(docs))) == 2
