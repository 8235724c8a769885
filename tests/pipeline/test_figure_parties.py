"""Which states a document's figures are about: currency names and datelines are no parties.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from steppe.facts import Document
from steppe.pipeline.actors import main_parties


def _main(extractor, text, date="2023-05-04"):
    tokens = extractor.nlp.make_doc(text)
    return main_parties(extractor.resolver.find(tokens, date=date), text)


def test_a_dateline_line_is_neither_title_nor_party(extractor):
    text = ("Riga, Latvia, May 4\n\nTajik and Kyrgyz officials met in Dushanbe. The Kyrgyz "
            "side proposed new crossings, and Tajikistan agreed to study them.")
    assert _main(extractor, text) == ["KGZ", "TJK"]


def test_a_currency_named_after_a_state_is_no_mention(extractor):
    text = ("Kyrgyzstan and Tajikistan traded goods worth US$ 80 million in 2022. Exports "
            "from Kyrgyzstan were US$ 30 million and imports US $50 million.")
    tokens = extractor.nlp.make_doc(text)
    codes = {a.code for m in extractor.resolver.find(tokens, date="2023-05-04") for a in m.actors}
    assert "USA" not in codes
    facts = extractor.extract(Document(id="t", text=text, date="2023-05-04"))
    assert facts.figures and all(f.parties == ["KGZ", "TJK"] for f in facts.figures)


def test_a_flow_to_a_group_goes_to_every_state_of_it(extractor):
    # "to the Central Asian countries": the five, not the first of them.
    figs = extractor.extract(Document(id="t", date="2025-06-17", text=(
        "Japan will provide $500 million in grant assistance to the Central Asian countries this year."))).figures
    assert [sorted(f.parties) for f in figs] == [["JPN", "KAZ", "KGZ", "TJK", "TKM", "UZB"]]
