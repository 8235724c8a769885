"""The brief says only what its cited evidence supports, says so when it has nothing,
and renders to HTML and Markdown."""

from __future__ import annotations

import re

from steppe.brief import dyad_brief, region_brief, to_html, to_markdown
from steppe.store.read import find_agreements, find_events, find_figures, find_projects, get_document_record

# How our three reports name each state (names, adjectives, capitals, leaders).
FORMS = {"Kazakhstan": ("Kazakhstan", "Kazakh", "Astana", "Tokayev"),
         "Uzbekistan": ("Uzbekistan", "Uzbek", "Tashkent", "Mirziyoyev")}


def _stored(store, cite):
    """The stored fact a citation names (None when it resolves to nothing)."""
    if cite.kind == "event":
        found = find_events(store, limit=None).items
    else:
        found = {"figure": find_figures, "agreement": find_agreements,
                 "project": find_projects}[cite.kind](store)
    return next((x for x in found if x.id == cite.fact_id), None)


def _numbers(text: str) -> set[float]:
    return {float(n.replace(",", "")) for n in re.findall(r"\d+(?:,\d{3})*(?:\.\d+)?", text)}


def test_every_factual_sentence_cites_evidence_that_supports_it(store):
    brief = dyad_brief(store, "KAZ", "UZB")
    facts = [s for s in brief.sentences() if s.kind == "fact"]
    assert len(facts) >= 10
    for s in brief.sentences():
        assert s.kind in ("fact", "aggregate", "gap")
        assert bool(s.cites) == (s.kind != "gap"), s.text
    for s in facts:
        spans = []
        for c in s.cites:
            fact = _stored(store, c)
            assert fact is not None and fact.document_id == c.document_id, s.text
            doc = get_document_record(store, c.document_id)
            assert doc.text[c.span.start:c.span.end] == c.span.text == fact.evidence.text
            spans.append((c.span.text, doc.published or ""))
        evidence = " ".join(text for text, _ in spans)
        for state, forms in FORMS.items():
            if state in s.text:
                assert any(f in evidence for f in forms), (s.text, state)
        for year in re.findall(r"\b(?:19|20)\d\d\b", s.text):
            # A year the text leaves to the dateline is the cited document's date.
            assert year in evidence or any(pub.startswith(year) for _, pub in spans), (s.text, year)
        for amount in re.findall(r"\$(\d+(?:\.\d+)?) bn", s.text):
            assert float(amount) in _numbers(evidence), (s.text, amount)


def test_table_rows_and_charts_cite_stored_facts(store):
    brief = dyad_brief(store, "KAZ", "UZB")
    for c in brief.cites():
        assert _stored(store, c) is not None
    rows = [row for sec in brief.sections for b in sec.blocks if b.table for row in b.table.rows]
    assert rows and all(cites for _, cites in rows)


def test_what_the_brief_says_about_the_sample(store):
    brief = dyad_brief(store, "KAZ", "UZB")
    text = " ".join(s.text for s in brief.sentences())
    assert "No trade turnover figures were found for 2019." in text
    assert "target of $5 bn in trade turnover by 2020; it was missed" in text
    assert "Sources disagree on trade turnover in 2020: one gives $3.5 bn, another $4 bn." in text
    assert "Kazakh-Uzbek Supreme Interstate Council is reported as set up" in text
    assert "agreed (2021); under construction (2022)" in text
    # The declaration is merged across its two reports.
    agreements = next(s for s in brief.sections if s.id == "agreements")
    table = next(b.table for b in agreements.blocks if b.table)
    assert [cells[1] for cells, _ in table.rows] == ["Strategic Partnership Declaration"]
    assert table.rows[0][0][-1] == "2 documents"


def test_confidence_follows_the_number_of_documents(store):
    brief = dyad_brief(store, "KAZ", "UZB")
    dialogue = next(s for s in brief.sections if s.id == "dialogue").blocks[0].sentences
    twice = next(s for s in dialogue if len({c.document_id for c in s.cites}) == 2)
    once = [s for s in dialogue if len({c.document_id for c in s.cites}) == 1]
    assert re.search(r"\b2 (sources|documents)\b", twice.text)
    assert once and all(re.search(r"single report|one source|one report", s.text) for s in once)


def test_wording_varies_but_a_rerun_writes_the_same_text(store):
    first = [s.text for s in dyad_brief(store, "KAZ", "UZB").sentences()]
    assert first == [s.text for s in dyad_brief(store, "KAZ", "UZB").sentences()]
    endings = {re.sub(r".*, ", "", s) for s in first if "report" in s or "source" in s}
    assert len(endings) >= 3


def test_a_dyad_with_no_data_gives_an_honest_short_brief(store):
    brief = dyad_brief(store, "KGZ", "TJK")
    assert [s.id for s in brief.sections] == ["summary"]
    [only] = brief.sentences()
    assert only.kind == "gap" and "no events, figures, agreements or projects" in only.text
    assert "Kyrgyzstan" in only.text and "Tajikistan" in only.text
    assert "No document is cited" in to_html(brief)
    text, charts = to_markdown(brief)
    assert charts == {} and "No document is cited" in text


def test_window_limits_the_facts(store):
    brief = dyad_brief(store, "KAZ", "UZB", since="2021")
    dates = [c.span.text for c in brief.cites()]
    assert not any("10 April 2019" in d for d in dates)
    assert any("6 December 2021" in d for d in dates)


def test_html_is_self_contained_and_escapes_document_strings(store):
    html = to_html(dyad_brief(store, "KAZ", "UZB"))
    assert "<script" not in html and 'src="http' not in html
    assert re.findall(r'<link [^>]*>', html) == ['<link rel="icon" href="data:,">']
    assert html.count("<svg") == 2
    assert "Water row &lt;b&gt;and&lt;/b&gt; talks in Astana" in html
    # Every citation mark leads to a quoted span in the reference list.
    for anchor in set(re.findall(r'<a href="#(ref-\d+-\w+-\d+)"', html)):
        assert f'id="{anchor}"' in html
    assert "https://example.org/astana-2022" in html


def test_markdown_links_its_charts(store):
    text, charts = to_markdown(dyad_brief(store, "KAZ", "UZB"), "kz-uz")
    assert set(charts) == {"kz-uz-summary.svg", "kz-uz-trade.svg"}
    for name in charts:
        assert f"]({name})" in text
    assert all(svg.startswith("<svg") for svg in charts.values())
    assert "| 2020 | trade turnover | actual | $3.5 bn |" in text
    # Each quoted span comes with the text around it, the span itself in bold.
    assert "returning **the visit Tokayev of Kazakhstan made to Uzbekistan in April 2019**." in text


def test_region_brief_covers_each_neighbour(store):
    brief = region_brief(store, "UZB")
    overview = brief.sections[0].blocks[0].sentences
    assert overview[0].text.startswith("With Kazakhstan: 6 events, 1 agreement")
    assert overview[-1].kind == "gap" and "Afghanistan" in overview[-1].text
    assert any(s.id == "kaz-trade" for s in brief.sections)



def test_the_latest_event_is_a_dated_one(store):
    brief = dyad_brief(store, "KAZ", "UZB")
    latest = next(s for s in brief.sentences() if s.text.startswith("The latest event"))
    assert "unknown date" not in latest.text and re.search(r"\b(?:19|20)\d\d\b", latest.text)
