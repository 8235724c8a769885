"""An undated act that goes on with a paragraph placed at an occasion told before ("During
the visit, ... The sides also agreed ...") is dated by that occasion, even when the date of
the occasion was told many sentences back; a past participle on a noun ("a protocol signed
by the sides") tells a past act of its own.

Every sentence here is written for these tests (none is taken from an evaluation corpus).
"""

from __future__ import annotations

from steppe.facts import Document

# Nine sentences with no date and no state: the visit's date is out of a narrative's reach.
FILLER = " ".join(f"The steppe road number {n} is long and dry." for n in range(1, 10))
OPENING = ("Kazakh President Tokayev paid a state visit to Mongolia on 12 March 2024. " + FILLER +
           "\n\nDuring the visit, Kazakhstan and Mongolia discussed transit routes. ")


def _dates(ex, paragraph, type_):
    facts = ex.extract(Document(id="t", text=OPENING + paragraph, date="2024-04"))
    return [e.date for e in facts.events if e.type == type_]


def test_an_act_that_goes_on_with_the_occasion_takes_its_date(extractor):
    dates = _dates(extractor, "Grain prices were the main worry. The sides also agreed to open "
                              "a new border crossing.", "AGREE")
    assert dates == ["2024-03-12"]


def test_a_participle_on_a_noun_is_a_past_act_of_the_occasion(extractor):
    dates = _dates(extractor, "There is also a railway protocol signed by the sides.", "SUPPORT")
    assert dates == ["2024-03-12"]


def test_without_going_on_the_act_keeps_the_report_date(extractor):
    # no "also", "then": the act is the report's own news
    dates = _dates(extractor, "Grain prices were the main worry.\n\nThe sides agreed to open "
                              "a new border crossing.", "AGREE")
    assert dates == ["2024-04"]
