"""Agreement records and the events that concluded them stay consistent: a signed agreement
points at a SUPPORT event, one reached without a signing at an AGREE event (PLOVER manual),
and one only referred to, undated, at none."""

from steppe.facts import Document


def _facts(extractor, text, date="2023-05-10"):
    return extractor.extract(Document(id="t", text=text, date=date))


def _linked(facts):
    (agreement,) = facts.agreements
    ev = facts.events[agreement.signing_event] if agreement.signing_event is not None else None
    return agreement, ev


def test_a_signed_agreement_points_at_its_support_event(extractor):
    facts = _facts(extractor, "Kyrgyzstan and Tajikistan signed an agreement on the joint use "
                              "of pastures on 4 May 2023.")
    agreement, ev = _linked(facts)
    assert ev is not None and ev.type == "SUPPORT"
    assert ev.codes() == set(agreement.parties) == {"KGZ", "TJK"}
    assert ev.date == agreement.date == "2023-05-04"


def test_an_agreement_reached_without_a_signing_points_at_an_agree_event(extractor):
    facts = _facts(extractor, "On 3 May 2023 officials of Kazakhstan and Uzbekistan reached an "
                              "agreement on the joint use of the Syr Darya.")
    agreement, ev = _linked(facts)
    assert ev is not None and ev.type == "AGREE"
    assert ev.codes() == set(agreement.parties) == {"KAZ", "UZB"}
    assert not any(e.type == "SUPPORT" for e in facts.events)


def test_an_agreement_only_referred_to_implies_no_event(extractor):
    facts = _facts(extractor, "Officials called the closure a violation of the water deal "
                              "between Kyrgyzstan and Tajikistan.", date="2023-05")
    agreement, ev = _linked(facts)
    assert agreement.date is None and ev is None
    assert not any(e.type == "SUPPORT" for e in facts.events)


def test_an_agreement_reached_then_signed_is_signed(extractor):
    facts = _facts(extractor, "On 14 September 2023 Tajikistan and Kyrgyzstan agreed on a "
                              "protocol on the demarcation of their border. The heads of the "
                              "delegations signed the document in Batken.")
    agreement, ev = _linked(facts)
    assert ev is not None and ev.type == "SUPPORT" and ev.codes() == {"KGZ", "TJK"}


def test_an_organisation_that_signs_is_a_party_of_the_signing(extractor):
    # an agreement with the EU implies a SUPPORT between the EU and its partner, the
    # organisation told apart by its name (a list of signed documents codes no verb)
    facts = _facts(extractor, "Brussels, 3 May 2023\n\nThe following documents were signed "
                              "during the visit:\n- Memorandum of understanding between the "
                              "European Union and Chile on critical raw materials\n")
    support = [e for e in facts.events if e.type == "SUPPORT"]
    assert any({(a.code, a.text if a.code == "IGO" else "") for a in e.source}
               == {("IGO", "EU"), ("CHL", "")} for e in support), facts.events


def test_an_organisation_a_name_is_about_is_no_party(extractor):
    facts = _facts(extractor, "Peru and Chile signed an Agreement between Peru and Chile on "
                              "implementing the WTO rules on fisheries on 4 May 2023.")
    assert [sorted(a.parties) for a in facts.agreements] == [["CHL", "PER"]], facts.agreements



def test_a_record_with_several_organisations_implies_no_signing_between_them(extractor):
    # read as a dated treaty with the organisations named around it, not a signing
    facts = _facts(extractor, "Minsk left the Collective Security Treaty in 1999, rejoined the CSTO "
                              "in 2006 after its ties with the West cooled, and in 2008 also "
                              "suspended its membership of the Eurasian Economic Community.")
    assert not any(e.type == "SUPPORT" and sum(a.code == "IGO" for a in e.source) > 1
                   for e in facts.events), facts.events


def test_an_agreement_between_organisations_implies_their_signing(extractor):
    facts = _facts(extractor, "The 2015 cooperation memorandum between the European Union and the "
                              "Eurasian Economic Union was never implemented.")
    assert any(e.type == "SUPPORT" and {a.text for a in e.source} == {"EU", "EAEU"}
               for e in facts.events), facts.events

