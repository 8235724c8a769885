"""Cut a document's text into segments so every extracted fact's evidence can be marked.

Spans may overlap (an event's sentence holds a figure); each segment knows every fact
covering it. Templates render segments as escaped text inside <mark> elements: the
text itself is never trusted as markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    key: str          # "event-12", "figure-3": the anchor id of the fact
    kind: str         # event | figure | agreement | project | mention
    start: int
    end: int


@dataclass
class Segment:
    text: str
    keys: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)   # facts whose evidence starts here
    selected: bool = False


def segments(text: str, spans: list[Span], selected: str | None = None) -> list[Segment]:
    """The text cut at every span boundary; spans outside the text or empty are ignored."""
    usable = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in usable), *(s.end for s in usable)})
    out = []
    for start, end in zip(cuts, cuts[1:]):
        covering = [s for s in usable if s.start <= start and end <= s.end]
        out.append(Segment(
            text=text[start:end],
            keys=[s.key for s in covering],
            kinds=sorted({s.kind for s in covering}),
            anchors=[s.key for s in covering if s.start == start],
            selected=any(s.key == selected for s in covering),
        ))
    return out
