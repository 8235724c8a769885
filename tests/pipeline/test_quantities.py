import pytest

from steppe.pipeline.quantities import find_quantities, parse_number, read_unit
from steppe.resources import load_units

UNITS = load_units()


@pytest.mark.parametrize("text,value,unit", [
    ("exports reached $4.7 billion last year", 4.7e9, "USD"),
    ("deals worth USD 250.5 million were signed", 250.5e6, "USD"),
    ("a target of 7 billion USD", 7e9, "USD"),
    ("about 6 billion dollars of goods", 6e9, "USD"),
    ("loans of 80.2 million USD", 80.2e6, "USD"),
    ("a fund of \\$3 billion", 3e9, "USD"),
    ("a grant of €4 million", 4e6, "EUR"),
    ("оборот составил 1,4 млрд долларов", 1.4e9, "USD"),
    ("кредит 300 млн рублей", 300e6, "RUB"),
    ("shipped 12 million tons of grain", 12e6, "tons"),
    ("supplied 1.5 billion kWh", 1.5e9, "kWh"),
    ("supplied 700 MWh", 700e3, "kWh"),
    ("released 3 billion cubic metres", 3e9, "m3"),
    ("a share of 14.5%", 14.5, "percent"),
    ("a share of 40 percent", 40, "percent"),
    ("grew 3.4 times", 3.4, "ratio"),
])
def test_money_and_measures(text, value, unit):
    (q,) = find_quantities(text, units=UNITS)
    assert q.value == pytest.approx(value)
    assert q.unit == unit


@pytest.mark.parametrize("text,value,noun", [
    ("there were 1 204 joint ventures", 1204, "joint ventures"),
    ("some 2,310 enterprises operate", 2310, "enterprises"),
    ("almost four million people live there", 4e6, "people"),
    ("carried 2.3 million passengers", 2.3e6, "passengers"),
    ("runs 14 flights per week", 14, "flights"),
])
def test_counts(text, value, noun):
    (q,) = find_quantities(text, units=UNITS)
    assert (q.value, q.unit, q.noun) == (pytest.approx(value), "count", noun)


def test_range_borrows_noun():
    qs = find_quantities("rising from 300 to 450 companies", units=UNITS)
    assert [(q.value, q.noun) for q in qs] == [(300, "companies"), (450, "companies")]


@pytest.mark.parametrize("text", [
    "the 31st meeting of the commission", "for the first time in 12 years", "[7] See also",
    "in 2019 the two sides met", "section 4.2 describes",
])
def test_not_quantities(text):
    assert find_quantities(text, units=UNITS) == []


@pytest.mark.parametrize("text,growth", [
    ("exports rose by 8% last year", True), ("a 15% increase", True), ("a share of 15%", False),
])
def test_growth(text, growth):
    (q,) = find_quantities(text, units=UNITS)
    assert q.is_growth is growth


def test_offsets_and_approx():
    text = "Trade exceeded $2.5 billion."
    (q,) = find_quantities(text, offset=100, units=UNITS)
    assert (q.start, q.end, q.approx) == (115, 127, True)


@pytest.mark.parametrize("raw,value", [("2 920", 2920), ("1,056", 1056), ("1,2", 1.2), ("3.75", 3.75)])
def test_parse_number(raw, value):
    assert parse_number(raw) == value


@pytest.mark.parametrize("caption,expected", [
    ("Trade, million USD", ("USD", 1e6)), ("mln. dollars", ("USD", 1e6)), ("thousand tons", ("tons", 1e3)),
])
def test_read_unit(caption, expected):
    assert read_unit(caption, UNITS) == expected


@pytest.mark.parametrize("text,name,expected", [
    ("exports reached US$ 62 million", "US", True),
    ("exports reached US $62 million", "US", True),
    ("a rent of 4.8 million U.S. dollars a year", "U.S.", True),
    ("the US and Kazakhstan signed", "US", False),
    ("U.S. officials said", "U.S.", False),
    ("a loan of 5 million US Dollars", "US", True),
    ("Kyrgyzstan owes China $1.7 billion", "China", False),     # a name, then a value
])
def test_names_currency(text, name, expected):
    from steppe.pipeline.quantities import names_currency
    end = text.index(name) + len(name)
    assert names_currency(text, end) is expected


@pytest.mark.parametrize("text,values,growth,change", [
    ("Exports fell by 4.2% to $80 million.", [-4.2, 80e6], [True, False], [False, False]),
    ("a rise in shipments from Osh to Khujand at the rate of some 7%", [7.0], [True], [False]),
    ("posting growth of 3% on the year", [3.0], [True], [False]),
    ("turnover rose by $12 million, to $90 million", [12e6, 90e6], [False, False], [True, False]),
    ("gains in Osh (+$3 million) and losses in Batken (-$2 million)", [3e6, -2e6], [False, False], [True, True]),
    ("a drop in sales of about $40 million and $15 million", [-40e6, -15e6], [False, False], [True, True]),
    ("trade then fell to $70 million", [70e6], [False], [False]),
])
def test_changes_and_their_sign(text, values, growth, change):
    qs = find_quantities(text, units=UNITS)
    assert [q.value for q in qs] == values
    assert [q.is_growth for q in qs] == growth and [q.is_change for q in qs] == change


def test_hyphenated_fold_is_a_ratio():
    (q,) = find_quantities("imports rose 1.7-fold", units=UNITS)
    assert (q.value, q.unit, q.is_growth) == (1.7, "ratio", True)


def test_counts_in_words_are_flagged_and_bare_numbers_borrow_the_noun_before():
    qs = find_quantities("Eleven protocols were signed; the two sides met.", units=UNITS)
    assert [(q.value, q.noun, q.spelled) for q in qs] == [(11.0, "protocols", True)]
    qs = find_quantities("Out of the total number of pilgrims stranded, 322 have returned.", units=UNITS)
    assert [(q.value, q.unit, q.noun) for q in qs] == [(322.0, "count", "pilgrims")]


@pytest.mark.parametrize("text", ["from 1.8 million to 2.1 million dollars", "to $2.1 million a year from 1.8 million"])
def test_the_other_end_of_a_change_borrows_the_unit(text):
    assert {q.unit for q in find_quantities(text, units=UNITS)} == {"USD"}


def test_values_in_base_units_carry_no_binary_noise():
    [q] = [q for q in find_quantities("Trade reached $4.1 billion last year.", units=UNITS) if q.unit == "USD"]
    assert q.value == 4_100_000_000
    assert repr(q.value) == "4100000000.0"


@pytest.mark.parametrize("text, expected", [
    ("a 1,200-kilometre gas pipeline", [(1200.0, "km")]),
    ("the new 350-MW power station", [(350.0, "MW")]),
    ("a road of 40 miles", [(64.37376, "km")]),
    ("farmland of 3 square kilometres", [(300.0, "hectares")]),
    ("the 60-day quarantine", []),                 # a duration named so is no value
])
def test_measures_written_with_a_hyphen_and_other_units(text, expected):
    assert [(round(q.value, 5), q.unit) for q in find_quantities(text, units=UNITS)] == expected


@pytest.mark.parametrize("text, expected", [
    ("a penalty of 500,000 rubles ($6,100) was paid", [(500000.0, "RUB")]),
    ("the 800-kilometre (497-mile) highway", [(800.0, "km")]),
    ("trade rose by 9% ($400 million)", [(9.0, "percent"), (400e6, "USD")]),
])
def test_a_value_restated_in_parentheses_is_not_a_second_value(text, expected):
    assert [(q.value, q.unit) for q in find_quantities(text, units=UNITS)] == expected


def test_a_share_made_up_is_no_growth():
    (q,) = find_quantities("grain made up 41% of the cargo", units=UNITS)
    assert (q.value, q.is_growth) == (41.0, False)
    (q,) = find_quantities("the price went up 41%", units=UNITS)
    assert q.is_growth


def test_the_number_of_a_counted_noun_gives_a_bare_level_its_noun():
    (q,) = find_quantities("The number of Turkish firms operating in the country reached 2,350.", units=UNITS)
    assert (q.value, q.unit, q.noun) == (2350.0, "count", "Turkish firms")
    assert find_quantities("The number of visitors grew in 2019.", units=UNITS) == []


@pytest.mark.parametrize("text, growth", [
    ("the share fell to 31%", False),
    ("exports grew by 12%", True),
    ("exports rose sharply by 12%", True),
    ("a discount of up to 40%", False),
])
def test_a_level_reached_is_no_growth_rate(text, growth):
    (q,) = find_quantities(text, units=UNITS)
    assert q.is_growth is growth


@pytest.mark.parametrize("text,value,growth", [
    ("Cotton - $45 million", 45e6, False),          # a dash spaced on both sides: a label's separator
    ("Uzbekistan (-4.1%)", -4.1, True),
    ("Kazakhstan (- 2.5%)", -2.5, True),
    ("exports to Russia: +12%", 12, True),
])
def test_a_sign_is_attached_to_its_number(text, value, growth):
    (q,) = find_quantities(text, units=UNITS)
    assert (q.value, q.is_growth) == (value, growth)


@pytest.mark.parametrize("text,value", [
    ("trade grew fivefold in a decade", 5), ("a threefold increase", 3), ("exports rose two-fold", 2),
])
def test_a_ratio_in_words(text, value):
    (q,) = find_quantities(text, units=UNITS)
    assert (q.value, q.unit, q.is_growth) == (value, "ratio", True)


@pytest.mark.parametrize("text", ["the presidents met three times", "within two days", "one percent"])
def test_other_units_after_a_number_in_words_are_no_quantity(text):
    assert find_quantities(text, units=UNITS) == []


def test_a_verb_of_multiplying_is_a_growth_ratio():
    (q,) = find_quantities("Trade between the two countries doubled last year", units=UNITS)
    assert (q.value, q.unit, q.is_growth) == (2, "ratio", True)
    # planned, it is a goal's ratio (the figure reader makes it a target); the adjective is none
    (q,) = find_quantities("They plan to double trade", units=UNITS)
    assert (q.text, q.value, q.unit) == ("double", 2, "ratio")
    assert find_quantities("an agreement on the avoidance of double taxation", units=UNITS) == []


def test_weekly_before_the_counted_noun_is_a_rate():
    (q,) = find_quantities("the airline will add four weekly flights", units=UNITS)
    assert (q.value, q.per, q.noun) == (4, "week", "weekly flights")
