import pytest

from steppe.pipeline.timex import TimeEx, TimeGrammar, add_years, period_of
from steppe.words import Grammar

TIME = TimeGrammar.from_grammar(Grammar())
find_timexes, resolve = TIME.find, TIME.resolve


def _one(text: str, anchor: str | None) -> TimeEx:
    tx = resolve(text, anchor=anchor)
    assert tx is not None, text
    return tx


@pytest.mark.parametrize("text,anchor,value,precision,end_value", [
    ("on 6 December 2021", None, "2021-12-06", "day", None),
    ("on December 6, 2021", None, "2021-12-06", "day", None),
    ("on December 6th 2021", None, "2021-12-06", "day", None),
    ("the 6th of December 2021", None, "2021-12-06", "day", None),
    ("on Dec. 6", "2022-01", "2021-12-06", "day", None),
    ("on Aug. 8", "2024-08-08", "2024-08-08", "day", None),
    ("on 26-27 January 2023", None, "2023-01-26", "day", "2023-01-27"),
    ("on 26\u201327 January", "2023-02", "2023-01-26", "day", "2023-01-27"),
    ("on March 3-4, 2019", None, "2019-03-03", "day", "2019-03-04"),
    ("published 2024-08-08", None, "2024-08-08", "day", None),
    ("accessed 01.02.2023", None, "2023-02-01", "day", None),
    ("in June 2022", None, "2022-06", "month", None),
    ("in Sept. 2017", None, "2017-09", "month", None),
    ("in 2012", None, "2012", "year", None),
    ("the treaty (1998)", None, "1998", "year", None),
    ("from January-November 2023", None, "2023-01", "month", "2023-11"),
    ("from January to November 2023", None, "2023-01", "month", "2023-11"),
    ("in the first half of 2023", None, "2023-01", "month", "2023-06"),
    ("in the first quarter of 2020", None, "2020-01", "month", "2020-03"),
    ("for 2017-2019", None, "2017", "year", "2019"),
    ("in 2017\u201318", None, "2017", "year", "2018"),
    ("between 2000 and 2017", None, "2000", "year", "2017"),
])
def test_absolute(text, anchor, value, precision, end_value):
    tx = _one(text, anchor)
    assert (tx.value, tx.precision, tx.end_value) == (value, precision, end_value)
    assert tx.relative is False or anchor is not None


@pytest.mark.parametrize("text,anchor,value", [
    ("In December, he said", "2024-02", "2023-12"),
    ("In December, he said", "2023-12-20", "2023-12"),
    ("in February", "2024-02", "2024-02"),
    ("since March", "2024-02-10", "2023-03"),
    ("last December", "2023-12-20", "2022-12"),
    ("next March", "2023-12-20", "2024-03"),
    # "planned for March", "moved to September": a schedule's month
    ("planned for March", "2023-05-03", "2023-03"),
    ("moved to September", "2023-05-03", "2022-09"),
    # "mid-" written as one word with the month
    ("clashed in mid-September", "2022-11-23", "2022-09"),
])
def test_bare_month_resolves_to_latest_not_after_anchor(text, anchor, value):
    tx = _one(text, anchor)
    assert (tx.value, tx.precision, tx.relative) == (value, "month", True)


@pytest.mark.parametrize("text,anchor", [("In December", None), ("on 6 May", None)])
def test_month_without_year_or_anchor_is_unknown(text, anchor):
    tx = _one(text, anchor)
    assert (tx.value, tx.precision) == (None, "unknown")


@pytest.mark.parametrize("text,anchor,value,precision", [
    ("on Monday", "2017-08-29", "2017-08-28", "day"),     # a Tuesday
    ("on Tuesday", "2017-08-29", "2017-08-29", "day"),
    ("on Friday", "2017-08-29", "2017-08-25", "day"),
    ("next Friday", "2017-08-29", "2017-09-01", "day"),
    ("last Tuesday", "2017-08-29", "2017-08-22", "day"),
    ("on Monday", "2017-08", None, "unknown"),
    ("on Monday", None, None, "unknown"),
])
def test_weekdays(text, anchor, value, precision):
    tx = _one(text, anchor)
    assert (tx.value, tx.precision) == (value, precision)


@pytest.mark.parametrize("text,anchor,value,precision", [
    ("next week", "2017-08-29", "2017-09-04", "month"),
    ("last week", "2017-08-29", "2017-08-21", "month"),
    ("this week", "2017-08", "2017-08", "month"),
    ("next week", "2017-08", None, "unknown"),
    ("two weeks ago", "2017-08-29", "2017-08-15", "month"),
    ("a week earlier", "2017-08-29", "2017-08-22", "month"),
    ("next month", "2017-08-29", "2017-09", "month"),
    ("last month", "2024-01", "2023-12", "month"),
    ("earlier this month", "2017-08-29", "2017-08", "month"),
    ("three months ago", "2017-02-10", "2016-11", "month"),
    ("next year", "2017-08-29", "2018", "year"),
    ("last year", "2024", "2023", "year"),
    ("later this year", "2017-08-29", "2017", "year"),
    ("this year", "2024-02", "2024", "year"),
    ("two years ago", "2024-02", "2022", "year"),
    ("three decades ago", "2022-11-23", "1992", "year"),
    ("a decade ago", "2021", "2011", "year"),
    ("yesterday", "2017-08-29", "2017-08-28", "day"),
    ("today", "2017-08-29", "2017-08-29", "day"),
    ("tomorrow", "2017-08-31", "2017-09-01", "day"),
    ("two days ago", "2017-08-01", "2017-07-30", "day"),
    ("yesterday", "2017-08", "2017-08", "month"),
    ("yesterday", "2017", "2017", "year"),
    ("yesterday", None, None, "unknown"),
    ("recently", "2017-08-29", None, "unknown"),
    ("next year", None, None, "unknown"),
])
def test_relative(text, anchor, value, precision):
    tx = _one(text, anchor)
    assert (tx.value, tx.precision) == (value, precision)
    assert tx.relative


@pytest.mark.parametrize("text,value", [
    # "later" and "earlier" count from the time the story told last, "ago" from the report
    ("The talks opened on 3 March 2019. Two days later the envoys signed.", "2019-03-05"),
    ("The talks opened on 3 March 2019. A day earlier the envoys arrived.", "2019-03-02"),
    ("The talks opened on 3 March 2019. The next day the envoys signed.", "2019-03-04"),
    ("The talks opened on 3 March 2019. The day before, the envoys arrived.", "2019-03-02"),
    ("The talks opened on 3 March 2019. A week later the envoys signed.", "2019-03-10"),
    # a year "earlier" compares with the year the figure is of, not with the last time named
    ("Trade grew in 2023 from 2022. It reached $4 billion, up from $3 billion a year earlier.", "2023"),
    ("The talks opened on 3 March 2019. Two days ago the envoys met again.", "2024-05-08"),
    ("The talks opened on 3 March 2019. Two days before, the envoys arrived.", "2019-03-01"),
    ("The talks opened in March 2019. Two weeks later the envoys signed.", "2019-03"),
    # a year named in passing is no time of the story
    ("The talks opened on 3 March. Chile joined the bloc in 2015. The next day the envoys signed.",
     "2024-03-04"),
])
def test_narrated_times_count_from_the_time_told_before(text, value):
    assert find_timexes(text, anchor="2024-05-10")[-1].value == value


@pytest.mark.parametrize("text,anchor,value", [
    ("Last summer, the rivers", "2024-02", "2023"),
    ("Last summer, the rivers", "2023-10", "2023"),
    ("Last summer, the rivers", "2023-07", "2022"),
    ("this summer", "2023-03", "2023"),
    ("next spring", "2023-07-01", "2024"),
    ("last winter", "2024-06", "2024"),
])
def test_seasons(text, anchor, value):
    tx = _one(text, anchor)
    assert (tx.value, tx.precision) == (value, "year")


@pytest.mark.parametrize("text,anchor,kind,value,end_value", [
    ("since 2016", "2022-01", "since", "2016", "2022"),
    ("since 2016", None, "since", "2016", None),
    ("from the start of 2018 until now", "2023", "since", "2018", "2023"),
    ("by 2022", None, "deadline", "2022", None),
    ("by the end of 2025", None, "deadline", "2025", None),
    ("until 2030", None, "deadline", "2030", None),
    ("no later than March 2024", None, "deadline", "2024-03", None),
    ("within five years", "2022-01", "within", "2027", None),
    ("in the next five years", "2022-01", "within", "2027", None),
    ("within the next 3 years", "2020", "within", "2023", None),
    ("within five years", None, "within", None, None),
    ("over the past five years", "2022-01", "within", "2017", "2022"),
    ("in the coming years", "2022-01", "within", None, None),
    ("The coming weeks will see", "2017-08-29", "within", None, None),
])
def test_kinds(text, anchor, kind, value, end_value):
    tx = _one(text, anchor)
    assert (tx.kind, tx.value, tx.end_value) == (kind, value, end_value)


@pytest.mark.parametrize("text", [
    "Total 2 920 and 3 333 503",
    "Export 1 352 and 1 393",
    "there are 2,144 enterprises",
    "reached $1.3 billion",
    "84 percent of the border",
    "a 2000 km pipeline",
    "some 1500 trucks",
    "see https://example.org/2021/12/story",
    "the year 3021 and the year 1850",
])
def test_amounts_are_not_dates(text):
    assert find_timexes(text, anchor="2022-01") == []


@pytest.mark.parametrize("text,anchor,expected", [
    ("Talks on 5 May 2021 and a deal in 2022.", None, ["5 May 2021", "2022"]),
    ("Trade fell in 2019 but rose last year.", "2021-03", ["2019", "last year"]),
])
def test_find_several_in_order(text, anchor, expected):
    assert [t.text for t in find_timexes(text, anchor=anchor)] == expected


@pytest.mark.parametrize("offset", [0, 100])
def test_offsets_are_absolute(offset):
    text = "It opened on 6 December 2021."
    (tx,) = find_timexes(text, anchor=None, offset=offset)
    assert (tx.start - offset, tx.end - offset) == (13, 28)
    assert text[tx.start - offset:tx.end - offset] == tx.text


@pytest.mark.parametrize("text,anchor,period", [
    ("in 2021", None, "2021"),
    ("from January-November 2023", None, "2023-01/2023-11"),
    ("in 2019-2023", None, "2019/2023"),
    ("since 2019", "2023-05", "2019/2023"),
    ("in the first half of 2023", None, "2023-01/2023-06"),
    ("recently", "2023", None),
])
def test_period_of(text, anchor, period):
    assert period_of(_one(text, anchor)) == period


@pytest.mark.parametrize("value,years,expected", [
    ("2021", 5, "2026"), ("2023-01", 1, "2024-01"), ("2020-02-29", 1, "2021-02-28"),
    ("2020-02-29", 4, "2024-02-29"), ("2024-08-08", -2, "2022-08-08"),
])
def test_add_years(value, years, expected):
    assert add_years(value, years) == expected


@pytest.mark.parametrize("text", ["no dates here", ""])
def test_resolve_none(text):
    assert resolve(text, anchor="2020") is None


@pytest.mark.parametrize("text,expected", [
    ("BISHKEK, 2 May 2021 — The two sides met.", True),
    ("NUR-SULTAN, 6 December 2021 (Reuters) - Leaders signed.", True),
    ("The leaders met on 2 May 2021 in Bishkek.", False),
    ("In Bishkek, 2 May 2021 was a holiday.", False),
])
def test_dateline_dates_are_told_apart(text, expected):
    from steppe.pipeline.timex import is_dateline

    tx = find_timexes(text, anchor="2021-06-01")[0]
    assert is_dateline(text, tx) is expected


@pytest.mark.parametrize("text,value,kind", [
    ("exports are banned until June", "2022-06", "deadline"),
    ("to be finished by March", "2023-03", "deadline"),
    ("they met in June", "2021-06", "point"),
    ("by March 2021", "2021-03", "deadline"),
])
def test_by_and_until_look_ahead(text, value, kind):
    anchor = "2022-04-01" if "March" not in text or "2021" in text else "2022-05-01"
    (tx,) = find_timexes(text, anchor=anchor)
    assert (tx.value, tx.kind) == (value, kind)


@pytest.mark.parametrize("text,anchor,period", [
    ("Over 10 months of 2023 the two sides traded more.", "2024-02-01", "2023-01/2023-10"),
    ("in the first eight months of this year", "2022-10-03", "2022-01/2022-08"),
    ("In February–June, shipments doubled.", "2021-09-12", "2021-02/2021-06"),
    ("In October-December, shipments doubled.", "2021-03-12", "2020-10/2020-12"),
    ("Turnover should pass $2 bn by the year-end.", "2020-04-02", "2020"),
    ("before the end of the year", "2019-05", "2019"),
])
def test_figure_periods(text, anchor, period):
    assert period_of(_one(text, anchor)) == period


@pytest.mark.parametrize("text, anchor, value, end_value", [
    ("exports grew in the first quarter", "2024-08-15", "2024-01", "2024-03"),
    ("exports grew in the first quarter", "2024-02-15", "2023-01", "2023-03"),
    ("trade in the first half of the year", "2024-09-01", "2024-01", "2024-06"),
    ("trade in the first nine months", "2024-11-20", "2024-01", "2024-09"),
])
def test_parts_of_a_year_named_without_the_year(text, anchor, value, end_value):
    (tx,) = find_timexes(text, anchor=anchor)
    assert (tx.value, tx.end_value, tx.kind) == (value, end_value, "range")


def test_part_of_something_else_is_no_time():
    assert find_timexes("in the first half of the match", anchor="2024-08-15") == []


@pytest.mark.parametrize("text,period", [
    ("Shipments rose in Q1 2023 and again in 4Q 2023.", "2023-01/2023-03"),
    ("Output for Q1-Q3 2022 fell short of the plan.", "2022-01/2022-09"),
    ("The H2 2024 results were better.", "2024-07/2024-12"),
    ("9M 2023 revenue reached a record.", "2023-01/2023-09"),
    ("The 2022 (Jan-Sep) figures were revised.", "2022-01/2022-09"),
    ("Figures for 2021 January-March came late.", "2021-01/2021-03"),
    ("The 2023/24 marketing year begins in July.", "2023/2024"),
    ("Budget for FY2025 was approved.", "2025"),
    ("Grain exports in FY 2023-24 fell.", "2023/2024"),
])
def test_lettered_parts_split_years_and_year_first_months(text, period):
    assert period_of(find_timexes(text, anchor="2025-01-10")[0]) == period


@pytest.mark.parametrize("text", [
    "The ratio 2023/2021 is shown.",        # no split year runs over two
    "see https://example.org/2023/24/story",
    "Fund Q7 2023 closed.",                 # no seventh quarter
])
def test_what_looks_like_a_split_year_or_a_quarter_is_not(text):
    assert [period_of(t) for t in find_timexes(text, anchor=None)] == []


def test_a_name_after_a_year_is_no_month():
    assert [t.text for t in find_timexes("In 2022, Jan Kubis spoke; in 2023, Jan-Mar trade grew.",
                                         anchor=None)] == ["2022", "2023, Jan-Mar"]


def test_lettered_parts_are_read_from_the_grammar_data():
    from dataclasses import replace

    words = Grammar().time("en")
    tertials = TimeGrammar(replace(words, part_letters={"T": 4}), Grammar().numbers("en"))
    assert period_of(tertials.resolve("T2 2023", anchor=None)) == "2023-05/2023-08"
    assert TIME.resolve("T2 2023", anchor=None) is None        # the packaged grammar has no T


@pytest.mark.parametrize("text,anchor,value,end_value", [
    ("From January to June, exports grew", "2024-07-18", "2024-01", "2024-06"),
    ("from January through September", "2023-10-02", "2023-01", "2023-09"),
    ("between March and May", "2023-07-01", "2023-03", "2023-05"),
    ("in the first 11 months, trade", "2024-12-24", "2024-01", "2024-11"),
    ("in the first eight months", "2025-01-10", "2024-01", "2024-08"),
])
def test_a_month_stretch_without_its_year_is_the_latest_that_has_ended(text, anchor, value, end_value):
    tx = _one(text, anchor)
    assert (tx.kind, tx.value, tx.end_value) == ("range", value, end_value)


@pytest.mark.parametrize("text,value", [
    ("on 25 December last year", "2024-12-25"),
    ("on December 25 last year", "2024-12-25"),
    ("on 5 March this year", "2025-03-05"),
])
def test_a_day_of_a_year_named_from_the_anchor(text, value):
    # one time expression, not a day read on its own beside "last year"
    (tx,) = find_timexes(text, anchor="2025-10-10")
    assert tx.value == value


def test_mid_year_is_the_year_and_a_hyphenated_range_stays_a_range():
    tx = _one("clashed in mid-2021", "2022-11-23")
    assert (tx.value, tx.precision) == ("2021", "year")
    assert _one("Mid-2021 they clashed", "2022-11-23").value == "2021"
    assert _one("clashed in 2020-2021", "2022-11-23").value != "2021"
    assert not [t for t in TIME.find("amid-2021 tensions", anchor="2022-11-23") if t.value == "2021"]


@pytest.mark.parametrize("text,value,end_value", [
    # two days joined by "to" are one stretch, its end in the start's year
    ("a ban on exports from March 15 to June 30", "2024-03-15", "2024-06-30"),
    ("from 20 December to 10 January", "2023-12-20", "2024-01-10"),
    ("between 5 May and 9 May", "2024-05-05", "2024-05-09"),
])
def test_a_stretch_between_two_days(text, value, end_value):
    (tx,) = find_timexes(text, anchor="2024-03-16")
    assert (tx.kind, tx.value, tx.end_value) == ("range", value, end_value)


@pytest.mark.parametrize("text", [
    "The day before Japarov's visit, the border was closed.",
    "Two days before the vote, the border was closed.",
])
def test_a_day_counted_from_an_undated_occasion_is_not_the_storys(text):
    found = find_timexes("Officials met in Batken on 3 March. " + text, anchor="2024-05-10")
    assert not {tx.value for tx in found[1:]} & {"2024-03-01", "2024-03-02"}, found


def test_two_days_joined_by_and_alone_are_two_days():
    assert [tx.kind for tx in find_timexes("They met on 3 May and 7 May.", anchor="2024-03-16")] == \
        ["point", "point"]

