import pytest

from steppe.analysis.contradictions import contradictions
from steppe.facts import Figure, Span

EV = Span(0, 1, "x")


def fig(value, period="2022", kind="actual", direction=None):
    return Figure("exports", value, "USD", ["KGZ", "TJK"], EV, period=period, kind=kind,
                  direction=direction or {"from": "KGZ", "to": "TJK"})


@pytest.mark.parametrize("b,found", [
    (fig(120e6), True),                                    # 20% apart
    (fig(103e6), False),                                   # within 5%
    (fig(120e6, period="2021"), False),                    # another period
    (fig(120e6, kind="target"), False),                    # not an actual
    (fig(120e6, direction={"from": "TJK", "to": "KGZ"}), False),
])
def test_contradictions(b, found):
    out = contradictions([("doc-1", fig(100e6)), ("doc-2", b)])
    assert bool(out) is found
    if found:
        assert out[0].rel_diff == pytest.approx(20 / 120, abs=1e-3)
        assert (out[0].a[0], out[0].b[0]) == ("doc-1", "doc-2")


def test_same_document_counts():
    assert len(contradictions([("d", fig(100e6)), ("d", fig(150e6))])) == 1
