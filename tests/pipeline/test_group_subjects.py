"""Actors given as groups, sides and stand-ins ("the two leaders", "the Kazakh side",
"Ashgabat", "the Foreign Ministry", "it", "its president") resolve to the states they
stand for, for any states, in subject and object positions.

Every sentence here is written for these tests (none is taken from an evaluation corpus).
"""

from __future__ import annotations

import pytest

from coded import found

# (text, PLOVER type, the states on both sides together, the source's states or None)
CASES = [
    # "the leaders" of a meeting of more than two: everyone at it, not a pair from among them
    # a list of adjectives before one agent noun: each names a side
    ("French, German and Polish troops ended joint exercises near Warsaw on Tuesday.",
     "COOPERATE", {"FRA", "DEU", "POL"}, None),
    # the region as either side of a summit format ("X–Central Asia", "Central Asia plus X")
    ("The first Korea–Central Asia summit was held in Seoul on Monday.", "CONSULT",
     {"KOR", "KAZ", "KGZ", "TJK", "TKM", "UZB"}, None),
    ("Foreign ministers met in Tokyo on Monday under the Central Asia plus Japan dialogue.",
     "CONSULT", {"JPN", "KAZ", "KGZ", "TJK", "TKM", "UZB"}, None),
    # an apposition says what the states are, not who else acts
    ("Armenia and Azerbaijan, both OSCE members, exchanged fire at the border on Monday.",
     "ASSAULT", {"ARM", "AZE"}, None),
    # ... but beside an agent of no state named, the apposition says whose it is
    ("Diplomats, envoys of Kazakhstan, met Chinese officials in Beijing on Monday.", "CONSULT",
     {"KAZ", "CHN"}, None),
    # ... and beside people it says who they were, not who hurt them: the clash is the pair's
    ("Chile and Peru traded accusations on Monday. After the clash, 14 people were hurt, "
     "policemen, villagers and border guards of Chile and Peru.", "ASSAULT", {"CHL", "PER"},
     {"CHL", "PER"}),
    # a dialogue format is its members, not an organisation
    ("The C5+1 foreign ministers met in Washington on Monday.", "CONSULT",
     {"USA", "KAZ", "KGZ", "TJK", "TKM", "UZB"}, None),
    ('Officials said the second "Central Asia – Korea" summit would be held in Seoul in May.',
     "AGREE", {"KOR", "KAZ", "KGZ", "TJK", "TKM", "UZB"}, None),
    # (the sentence that lists who came, not a later one naming guests)
    ("Egypt's president hosted the kings of Jordan and Saudi Arabia and Iraq's prime minister "
     "at a summit in Cairo on Monday. Italy's and Greece's prime ministers also attended. The "
     "leaders adopted a declaration on water.", "SUPPORT", {"EGY", "JOR", "SAU", "IRQ"}, None),
    # (in a story whose main pair is two of them)
    ("Brazil's president visited Argentina on Monday, the first Brazilian visit to Argentina "
     "in a decade. On Tuesday the presidents of Brazil, Argentina, Uruguay and Paraguay met in "
     "Montevideo. The leaders adopted a declaration on trade.", "SUPPORT", {"BRA", "ARG", "URY", "PRY"}, None),
    ("Chile's foreign minister flew to Peru on Sunday, and Chile and Peru agreed on a new "
     "border crossing. The heads of state of Chile, Peru and Colombia gathered in Lima on Monday. "
     "The presidents signed a treaty on fisheries.", "SUPPORT", {"CHL", "PER", "COL"}, None),
    # a companion a participle adds to the subject acts with it, as "together with" does
    ("The presidents of Chile and Peru, joined by Bolivia's foreign minister, launched "
     "construction of the new highway on Friday.", "COOPERATE", {"CHL", "PER", "BOL"}, None),
    # group phrases as subjects: the pair named before
    ("President Tokayev received Uzbek President Mirziyoyev in Astana on Monday. The two "
     "leaders signed an agreement on water sharing.", "SUPPORT", {"KAZ", "UZB"}, None),
    ("Japan and South Korea resumed talks in Seoul on Friday. The heads of state agreed to "
     "lift trade restrictions.", "AGREE", {"JPN", "KOR"}, None),
    ("Brazil and Argentina held a summit in Brasilia on Monday. Both sides signed a deal on "
     "nuclear energy.", "SUPPORT", {"BRA", "ARG"}, None),
    ("India and Pakistan held talks in Geneva on Monday. The sides accused each other of "
     "violating the ceasefire.", "ACCUSE", {"IND", "PAK"}, None),
    ("Tajik President Emomali Rahmon arrived in Bishkek on Wednesday. The heads of the "
     "two Central Asian states discussed border security.", "CONSULT", {"TJK", "KGZ"}, None),
    ("Russia and China signed a gas deal on Tuesday. The two states also agreed to hold joint "
     "naval exercises.", "AGREE", {"RUS", "CHN"}, None),
    ("Serbian President Aleksandar Vucic met Hungarian Prime Minister Viktor Orban in Belgrade "
     "on Monday. The leaders of the two countries signed an energy accord.", "SUPPORT",
     {"SRB", "HUN"}, None),
    # "the parties", "the two governments": the pair, not agents of no state
    ("Azerbaijan and Armenia held border talks on Tuesday. The parties agreed to exchange "
     "prisoners.", "AGREE", {"AZE", "ARM"}, None),
    ("Kenya and Somalia restored diplomatic relations on Thursday. The parties agreed to "
     "reopen their embassies next month.", "AGREE", {"KEN", "SOM"}, None),
    ("Azerbaijan and Armenia suspended talks in May. Turkey called on the parties to resume "
     "negotiations.", "REQUEST", {"TUR", "AZE", "ARM"}, {"TUR"}),
    ("Colombia and Venezuela reopened their border on Monday. The United States welcomed the "
     "decision of the two governments.", "SUPPORT", {"USA", "COL", "VEN"}, {"USA"}),
    # a pair qualified by any region, not only Central Asia
    ("Vietnam and the Philippines signed a maritime accord on Friday. The two Southeast Asian "
     "nations also agreed to conduct joint patrols.", "AGREE", {"VNM", "PHL"}, None),
    # group phrases as objects
    ("Kyrgyzstan and Tajikistan exchanged fire on the border on Sunday. Russia urged both "
     "sides to show restraint.", "REQUEST", {"RUS", "KGZ", "TJK"}, {"RUS"}),
    ("Ethiopia and Sudan clashed over the border on Monday. The African Union condemned the "
     "two countries for the violence.", "ACCUSE", {"IGO", "ETH", "SDN"}, None),
    ("Israel and Lebanon exchanged fire across the border on Sunday. France held talks with "
     "both sides on Monday.", "CONSULT", {"FRA", "ISR", "LBN"}, None),
    ("Kazakhstan and Kyrgyzstan disagree over water quotas. Uzbekistan offered to mediate "
     "between the two neighbours.", "AGREE", {"UZB", "KAZ", "KGZ"}, {"UZB"}),
    # sides and delegations
    ("Kazakh and Chinese officials met in Beijing on Monday. The Kazakh side rejected the "
     "Chinese proposal on water quotas.", "REJECT", {"KAZ", "CHN"}, {"KAZ"}),
    ("The Uzbek delegation signed three agreements with Turkmenistan in Ashgabat on Friday.",
     "SUPPORT", {"UZB", "TKM"}, None),
    ("The German delegation held talks with the Polish side in Warsaw on Thursday.",
     "CONSULT", {"DEU", "POL"}, None),
    ("Afghan and Turkmen officials met in Herat on Monday. The Turkmen side promised to supply "
     "more electricity to Afghanistan.", "AGREE", {"TKM", "AFG"}, None),
    ("The Egyptian side accused Ethiopia of filling the dam without consent.", "ACCUSE",
     {"EGY", "ETH"}, {"EGY"}),
    ("Tajikistan accused Kyrgyzstan of building a road in disputed territory. The Kyrgyz side "
     "denied the accusation.", "REJECT", {"KGZ", "TJK"}, {"KGZ"}),
    # capitals
    ("Ashgabat rejected the proposal from Tehran on gas prices.", "REJECT", {"TKM", "IRN"}, {"TKM"}),
    ("Moscow accused Kyiv of shelling the power plant.", "ACCUSE", {"RUS", "UKR"}, {"RUS"}),
    ("Beijing sent humanitarian aid to Dushanbe after the earthquake.", "AID", {"CHN", "TJK"}, {"CHN"}),
    ("Washington imposed new sanctions on Tehran on Friday.", "SANCTION", {"USA", "IRN"}, {"USA"}),
    ("Tashkent and Bishkek signed a border agreement on Monday.", "SUPPORT", {"UZB", "KGZ"}, None),
    ("Nepal asked India for fuel on Monday. New Delhi agreed to help Kathmandu.", "AGREE",
     {"IND", "NPL"}, {"IND"}),
    # ministries: of the state named, else not of the state they act on
    ("Georgia recalled its ambassador from Moscow on Friday. The Foreign Ministry accused "
     "Russia of violating the ceasefire.", "ACCUSE", {"GEO", "RUS"}, {"GEO"}),
    ("Poland said on Friday that Belarus had sent migrants across the border. The Interior "
     "Ministry accused Minsk of staging the crisis.", "ACCUSE", {"POL", "BLR"}, {"POL"}),
    ("Uzbek border guards detained two Kyrgyz citizens on Monday. The Kyrgyz Foreign Ministry "
     "demanded their release.", "REQUEST", {"KGZ", "UZB"}, {"KGZ"}),
    ("Kazakhstan's Foreign Ministry summoned the Russian ambassador on Monday. The ministry "
     "protested against remarks by a Russian lawmaker.", "PROTEST", {"KAZ", "RUS"}, {"KAZ"}),
    ("Pakistan closed the Torkham crossing with Afghanistan on Monday. The Afghan Foreign "
     "Ministry criticised the decision.", "ACCUSE", {"AFG", "PAK"}, {"AFG"}),
    ("Chinese Foreign Minister Wang Yi visited Astana on Tuesday. The Kazakh Foreign Ministry "
     "said the sides signed a visa agreement.", "SUPPORT", {"CHN", "KAZ"}, None),
    # pronouns and possessives
    ("Kazakhstan condemned the attack in Kabul. It sent humanitarian aid to Afghanistan on "
     "Tuesday.", "AID", {"KAZ", "AFG"}, {"KAZ"}),
    ("Uzbekistan and Tajikistan reopened border crossings on Friday. They also agreed to "
     "restore air links.", "AGREE", {"UZB", "TJK"}, None),
    ("Armenia and Azerbaijan clashed on the border on Tuesday. The European Union urged them "
     "to return to talks.", "REQUEST", {"IGO", "ARM", "AZE"}, {"IGO"}),
    ("Iran seized a British tanker on Friday. London demanded that it release the ship.",
     "REQUEST", {"GBR", "IRN"}, {"GBR"}),
    ("Mongolia hosted Chinese investors on Monday. Its president met the Chinese premier in "
     "Ulaanbaatar.", "CONSULT", {"MNG", "CHN"}, None),
    ("Uzbekistan welcomed the Afghan delegation in Termez on Monday. Its foreign minister "
     "promised to expand trade with Kabul.", "AGREE", {"UZB", "AFG"}, {"UZB"}),
    # "the five presidents", "met the five in Berlin": the Central Asian five, once the
    # text has named Central Asia
    ("Canada wants closer ties with Central Asia. On Monday the Canadian prime minister "
     "hosted the five presidents in Ottawa.", "CONSULT", {"CAN", "KAZ", "KGZ", "TJK", "TKM", "UZB"}, None),
    ("Japan's premier toured Central Asia in May. In Tokyo on Friday he met the five in a "
     "new summit format.", "CONSULT", {"JPN", "KAZ", "KGZ", "TJK", "TKM", "UZB"}, None),
    # "member states", "the other members": the organisation named last (an IGO actor)
    ("Leaders of the Association of Southeast Asian Nations met in Jakarta on Tuesday. "
     "Thailand's prime minister proposed that member states cut tariffs on rice.",
     "REQUEST", {"THA", "IGO"}, {"THA"}),
    # a body a state leads is the organisation named last, not the state that leads it
    ("Georgia once belonged to the Commonwealth of Independent States. On Monday Tbilisi "
     "accused the Moscow-led bloc of meddling in its elections.", "ACCUSE", {"GEO", "IGO"}, {"GEO"}),
]


@pytest.mark.parametrize("text,type_,states,source", CASES, ids=[c[0][:40] for c in CASES])
def test_a_stand_in_resolves_to_its_states(extractor, text, type_, states, source):
    got = found(extractor, text)
    assert any(t == type_ and s | g == states and (source is None or s == source)
               for t, s, g in got), got


def test_the_parties_stay_political_parties_where_the_text_names_one(extractor):
    # the story's pair is Armenia and Azerbaijan, but the parties that agree are Armenian ones
    text = ("Armenia and Azerbaijan resumed peace talks on Monday. In Yerevan, the ruling party "
            "and the opposition met on Tuesday. The parties agreed to hold early elections.")
    assert not any(t == "AGREE" and s | g == {"ARM", "AZE"} for t, s, g in found(extractor, text))
    # (the state named beside its parties takes no other state in their stead)
    text = ("Armenia and Azerbaijan resumed peace talks on Monday. Armenia's ruling Civic Unity party and the "
            "opposition agreed to hold early elections.")
    assert not any(t == "AGREE" and s | g == {"ARM", "AZE"} for t, s, g in found(extractor, text))
    text = ("Armenia and Azerbaijan resumed peace talks on Monday. The parties agreed to hold "
            "a second round in May.")
    assert any(t == "AGREE" and s | g == {"ARM", "AZE"} for t, s, g in found(extractor, text))


# A person named in full, then by the surname alone: the same person's state, whether the
# knowledge base knows the person or only the role named with the full name says whose.
SURNAMES = [
    ("US Secretary of State John Kerry met President Islam Karimov in Samarkand on Sunday. "
     "Kerry praised Uzbekistan for its reforms.", "SUPPORT", {"USA", "UZB"}),
    ("Turkish Foreign Minister Selim Arkan visited Baku on Monday. On Tuesday Arkan criticised "
     "Armenia over the ceasefire violations.", "ACCUSE", {"TUR", "ARM"}),
    # the headline calls him by the surname before the story names him in full
    ("Arkan condemns Armenia\n\nTurkish Foreign Minister Selim Arkan spoke in Baku on Monday.",
     "ACCUSE", {"TUR", "ARM"}),
]


@pytest.mark.parametrize("text,type_,states", SURNAMES, ids=[c[0][:40] for c in SURNAMES])
def test_a_surname_alone_stands_for_the_person_named_in_full(extractor, text, type_, states):
    assert any(t == type_ and s | g == states for t, s, g in found(extractor, text)), \
        found(extractor, text)


def test_a_surname_inside_another_full_name_is_someone_else(extractor):
    # "Maria Arkan" is another person: her act is not the minister's
    text = ("Turkish Foreign Minister Selim Arkan visited Baku on Monday. Writer Maria Arkan "
            "criticised Armenia on Tuesday.")
    assert not any(t == "ACCUSE" and s == {"TUR"} for t, s, g in found(extractor, text))


def test_an_organisation_named_again_keeps_its_name(extractor):
    # "the troops" refer back to "NATO troops": the organisation, told apart by its name.
    from coded import events_in
    events = events_in(extractor, "NATO troops arrived in Kosovo on Monday. The troops were deployed "
                                  "to guard the border with Serbia.")
    assert events and all(a.text == "NATO" for e in events for a in e.source if a.code == "IGO")


def test_members_that_say_whose_they_are_are_no_organisation(extractor):
    # "members of parliament" are no member states of the organisation named before
    text = ("Leaders of the Association of Southeast Asian Nations met in Jakarta on Tuesday. "
            "Members of parliament in Manila criticised Vietnam over the fishing ban.")
    got = found(extractor, text)
    assert ("ACCUSE", {"PHL"}, {"VNM"}) in got, got


@pytest.mark.parametrize("text", [
    # (people the knowledge base knows, whose own record names no state)
    "The memorandum was signed in Cairo by European Commission President Ursula von der Leyen "
    "and Egyptian Prime Minister Mostafa Madbouly on Monday.",
    "European Council President Charles Michel visited Rabat on Monday, where he met King Mohammed.",
])
def test_an_organisations_official_or_pronoun_names_the_organisation(extractor, text):
    # the scorer tells organisations apart by name: the EU, not the official's title or "he"
    from coded import events_in
    igo = [a.text for e in events_in(extractor, text) for a in e.source + e.target if a.code == "IGO"]
    assert igo and set(igo) == {"EU"}, igo


def test_the_five_are_central_asian_only_where_central_asia_is_named(extractor):
    got = found(extractor, "The five countries around the Caspian Sea met in Tehran on Monday.")
    assert not any({"KGZ", "TJK", "UZB"} & (s | g) for t, s, g in got), got


@pytest.mark.parametrize("text,igo", [
    # the organisation named last, not its seat named as a place
    ("NATO defence ministers gathered in Brussels on Thursday. Poland offered to train "
     "officers of the other members at a new centre near Krakow.", "NATO"),
])
def test_the_other_members_are_the_organisation_named_last(extractor, text, igo):
    from coded import events_in
    got = [(e.type, [a.text for a in e.target if a.code == "IGO"]) for e in events_in(extractor, text)]
    assert ("AGREE", [igo]) in got, got


@pytest.mark.parametrize("text", [
    "Non-member states such as Austria criticised Russia on Monday.",
    # bare "the members" may be anyone's: here a union's
    "Leaders of NATO met in Brussels in May. Peruvian fishermen founded a union in June. "
    "In July the members accused Chile of seizing their boats.",
])
def test_members_of_no_organisation_named_just_before(extractor, text):
    assert not any("IGO" in s | g for t, s, g in found(extractor, text) if t == "ACCUSE"), found(extractor, text)


def test_the_leaders_of_a_summit_include_the_organisation_at_it(extractor):
    # "the leaders" are everyone at the occasion told of: the states and the organisation
    # named with them, which the scorer tells apart by name
    from coded import events_in
    text = ("The presidents of Ethiopia, Kenya and Somalia held a summit with the African Union in "
            "Addis Ababa on Monday. The leaders adopted a joint declaration on drought.")
    support = [e for e in events_in(extractor, text) if e.type == "SUPPORT"]
    assert any({a.code for a in e.source} >= {"ETH", "KEN", "SOM", "IGO"}
               and "AU" in {a.text for a in e.source if a.code == "IGO"} for e in support), support


def test_an_organisations_official_named_alone_names_the_organisation(extractor):
    # a surname the knowledge base knows as an organisation's head, with no title before it
    from coded import events_in
    text = "Von der Leyen visited Cairo on Monday and met Egypt's president."
    igo = [a.text for e in events_in(extractor, text, date="2024-03-17")
           for a in e.source + e.target if a.code == "IGO"]
    assert igo and set(igo) == {"EU"}, igo


@pytest.mark.parametrize("text,type_,source", [
    # the subject of a clause said by a named body is that body, whoever was named last
    ("Brazil cut beef exports to Chile on Monday. In Buenos Aires, the Argentine trade ministry "
     "said it would seek talks with Brazil.", "REQUEST", {"ARG"}),
    # ... or joined to its clause
    ("Sudan's army took the town. Cairo does not want to be drawn into Sudan's war, but it "
     "cannot ignore the threat from Sudan.", "REJECT", {"EGY"}),
])
def test_a_subject_pronoun_stands_for_the_subject_of_its_governing_clause(extractor, text, type_, source):
    got = found(extractor, text)
    assert any(t == type_ and s == source for t, s, g in got), got


def test_a_pronoun_after_a_verb_with_an_object_is_not_bound(extractor):
    # told whom: "it" may be either, and here is the one told
    got = found(extractor, "Washington told Tashkent that it must release the jailed journalists.")
    assert ("REQUEST", {"USA"}, {"UZB"}) in got, got


def test_the_leaders_include_only_an_organisation_at_a_gathering(extractor):
    # the EU is criticised, not one of the leaders
    got = found(extractor, "The leaders of Kazakhstan and Uzbekistan criticised the European Union "
                           "on Monday. The leaders agreed to expand trade.")
    assert any(t == "AGREE" and s | g == {"KAZ", "UZB"} for t, s, g in got), got



def test_a_sentence_opening_he_is_the_person_the_sentence_before_is_about(extractor):
    # the first person named before (the subject), not the last one: "he" is Erdogan
    got = found(extractor, "Erdogan arrived in Armenia on Monday and held talks with Pashinyan. "
                           "On Tuesday he also met Georgia's prime minister.")
    assert ("CONSULT", {"TUR"}, {"GEO"}) in got, got
    got = found(extractor, "Erdogan arrived in Armenia on Monday and held talks with Pashinyan. "
                           "He also met Georgia's prime minister on Tuesday.")
    assert ("CONSULT", {"TUR"}, {"GEO"}) in got, got
    # a person named earlier in its own sentence stays the nearest
    got = found(extractor, "Erdogan met Aliyev on Monday. After the talks Putin said he would "
                           "visit Georgia.")
    assert any(t == "AGREE" and s == {"RUS"} for t, s, g in got), got


@pytest.mark.parametrize("text,parties", [
    # the sentence that tells the gathering, not an earlier one naming more states
    ("Peru, Chile, Bolivia and Ecuador traded more with each other last year. In June Brazil's "
     "president hosted Argentina's president in Brasilia. The leaders adopted a joint declaration "
     "on transport.", {"BRA", "ARG"}),
    # ... where a group counts with its states ("the five Central Asian presidents")
    ("Kazakhstan, Uzbekistan, China and Russia traded more with each other last year. In June the "
     "Korean president hosted the five Central Asian presidents in Seoul. The leaders adopted a "
     "joint declaration on transport.", {"KOR", "KAZ", "KGZ", "TJK", "TKM", "UZB"}),
])
def test_the_leaders_are_those_at_the_gathering_told_before(extractor, text, parties):
    got = found(extractor, text)
    assert any(t == "SUPPORT" and s | g == parties for t, s, g in got), got


def test_the_leaders_are_the_nearer_pair_when_the_gathering_told_is_of_others(extractor):
    # a meeting further back of none of the pair the sentence before names
    got = found(extractor, "Chile and Peru met in Lima on Monday. On Tuesday, Brazil and Argentina "
                           "opened a new road together. The leaders also signed a border deal.")
    assert any(t == "SUPPORT" and s | g == {"BRA", "ARG"} for t, s, g in got), got


def test_an_agreement_signed_by_the_leaders_is_one_signing(extractor):
    # the declaration's states and its host are one SUPPORT, not two
    from coded import events_in
    text = ("The African Union hosted the presidents of Ghana, Togo and Benin at a summit in Accra. "
            "The leaders adopted a joint declaration on trade.")
    support = [e for e in events_in(extractor, text) if e.type == "SUPPORT"]
    assert len(support) == 1, support


def test_what_one_clause_is_aimed_at_does_not_act_in_the_clause_below(extractor):
    text = ("The Mongolian president appealed to the United Nations on Monday as protests over "
            "fuel prices turned into riots and attacks on government buildings.")
    got = found(extractor, text)
    assert ("REQUEST", {"MNG"}, {"IGO"}) in got
    # the riots are no act of the body appealed to
    assert not any("IGO" in s for t, s, _ in got if t in ("PROTEST", "ASSAULT")), got


def test_a_body_led_by_a_state_that_is_no_member_of_the_organisation_named_last_is_not_it(extractor):
    text = ("Chile hosted EU foreign ministers in Santiago on Monday. On Tuesday the Chilean "
            "president praised the US-led alliance for its help.")
    assert not any("IGO" in s | t for _, s, t in found(extractor, text) if _ != "CONSULT"), found(extractor, text)


def test_whom_one_condemns_may_act_in_the_clause_below(extractor):
    text = "Kyrgyzstan condemned Tajikistan on Monday as the shelling of Batken went on for a third day."
    assert any(t == "ASSAULT" and s == {"TJK"} for t, s, _ in found(extractor, text)), found(extractor, text)
