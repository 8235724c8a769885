"""The context's Russian words, mentions and time expressions, sentence by sentence: what
the events, figures and agreements stages read."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from typing import Iterator

from steppe.pipeline.ru.actors import RuMention
from steppe.pipeline.ru.text import Word
from steppe.pipeline.ru.timex import RuTime


@dataclass(frozen=True)
class RuSentence:
    start: int                    # character offsets in the document
    end: int
    words: list[Word]
    mentions: list[RuMention]     # word indexes relative to the sentence's words
    times: list[RuTime]


def by_sentence(sentences: list[tuple[int, int]], words: list[Word], mentions: list[RuMention],
                times: list[RuTime]) -> Iterator[RuSentence]:
    """Every sentence that has words, with its words, mentions and time expressions."""
    starts = [w.start for w in words]
    m_starts = [m.char_start for m in mentions]
    t_starts = [t.start for t in times]
    for s, e in sentences:
        a, b = bisect_left(starts, s), bisect_left(starts, e)
        if a == b:
            continue
        sm = [_local(m, a) for m in mentions[bisect_left(m_starts, s):bisect_left(m_starts, e)]]
        st = times[bisect_left(t_starts, s):bisect_left(t_starts, e)]
        yield RuSentence(s, e, words[a:b], sm, st)


def _local(m: RuMention, offset: int) -> RuMention:
    """A mention with word indexes relative to its sentence."""
    return replace(m, start=m.start - offset, end=m.end - offset)
