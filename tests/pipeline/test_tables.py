import re

import pytest

from steppe.pipeline.context import context_for
from steppe.pipeline.tables import TableWords, column_period, find_tables
from steppe.pipeline.tables import table_figures as read_figures
from steppe.pipeline.timex import TimeGrammar
from steppe.resources import load_indicators, load_units
from steppe.words import Grammar

UNITS = load_units()
TIME = TimeGrammar.from_grammar(Grammar())
WORDS = TableWords.from_grammar(Grammar(), load_indicators().growth_names())


def table_figures(ctx, units):
    return read_figures(ctx, units, WORDS)

STATES = {"KAZ": r"Kazakhstan\w*|Kazakh", "KGZ": r"Kyrgyzstan|Kyrgyz", "TJK": r"Tajikistan|Tajik"}


def mentions(text):
    found = [(m.start(), m.end(), code) for code, pat in STATES.items()
             for m in re.finditer(rf"\b(?:{pat})\b", text)]
    return sorted(found)


TAB_TABLE = (
    "Some prose first.\n\n"
    "Trade of Kyrgyzstan with Tajikistan, mln. dollars\n"
    "Indicator\t2019\t2020\t2022 (Jan-Sep)\n"
    "Turnover\t1 410\t1 502 771\t1 655\n"
    "Export of Kyrgyzstan\t610\t655\t700\n"
    "Import from Tajikistan\t800\t846\t955\n"
)


def by_period(figs, indicator):
    return {f.period: f for f in figs if f.indicator == indicator}


def test_tab_table_cells_become_figures():
    figs = table_figures(context_for(TAB_TABLE, states=mentions(TAB_TABLE), main_parties=["KGZ", "TJK"]), UNITS)
    assert len(figs) == 9
    turnover = by_period(figs, "trade_turnover")
    assert turnover["2019"].value == 1410e6 and turnover["2019"].unit == "USD"
    assert turnover["2022-01/2022-09"].value == 1655e6
    exports = by_period(figs, "exports")
    assert exports["2020"].direction == {"from": "KGZ", "to": "TJK"}
    imports = by_period(figs, "imports")
    assert imports["2020"].direction == {"from": "TJK", "to": "KGZ"}
    assert all(f.parties == ["KGZ", "TJK"] for f in figs)
    row = turnover["2019"].evidence
    assert TAB_TABLE[row.start:row.end].startswith("Turnover")


def test_suspect_cell_is_flagged_with_best_reading():
    figs = table_figures(context_for(TAB_TABLE, states=mentions(TAB_TABLE), main_parties=["KGZ", "TJK"]), UNITS)
    bad = by_period(figs, "trade_turnover")["2020"]
    assert bad.suspect and "1502" in bad.suspect and "Export + Import = 1501" in bad.suspect
    assert bad.value == 1502e6
    assert not any(f.suspect for f in figs if f is not bad)


def test_markdown_table():
    text = ("Freight between Kazakhstan and Kyrgyzstan, thousand tons\n\n"
            "| Flow | 2021 | 2022 |\n|---|---|---|\n| Total | 5 200 | 5 900 |\n")
    figs = table_figures(context_for(text, states=mentions(text), main_parties=["KAZ", "KGZ"]), UNITS)
    assert [(f.period, f.value, f.unit) for f in figs] == [("2021", 5.2e6, "tons"), ("2022", 5.9e6, "tons")]


def test_html_table():
    text = ("<p>Trade, million USD</p><table><tr><th></th><th>2020</th><th>2021</th></tr>"
            "<tr><td>Total</td><td>300</td><td>350</td></tr></table>")
    figs = table_figures(context_for(text, states=[], main_parties=["KAZ", "TJK"]), UNITS)
    assert [(f.indicator, f.period, f.value) for f in figs] == [
        ("trade_turnover", "2020", 300e6), ("trade_turnover", "2021", 350e6)]


def test_prose_is_not_a_table():
    assert find_tables("One line.\nAnother line with 2 numbers 3.\n", TIME) == []


@pytest.mark.parametrize("header,period", [
    ("2018", "2018"), ("2021 (Jan-Nov)", "2021-01/2021-11"),
    ("January- November 2021", "2021-01/2021-11"), ("Indicator", None),
    ("2022 (Jan-Sep)", "2022-01/2022-09"), ("2022 (January–June)", "2022-01/2022-06"),
    ("JAN-SEP 2022", "2022-01/2022-09"), ("2023 Feb", "2023-02"), ("2022, Jan-Sep", "2022-01/2022-09"), ("March 2024", "2024-03"),
    ("Q1 2023", "2023-01/2023-03"), ("3Q 2023", "2023-07/2023-09"), ("Q1-Q3 2023", "2023-01/2023-09"),
    ("2024 Q4", "2024-10/2024-12"), ("q2 2021", "2021-04/2021-06"),
    ("H1 2024", "2024-01/2024-06"), ("2H 2023", "2023-07/2023-12"),
    ("9M 2023", "2023-01/2023-09"), ("11M 2022", "2022-01/2022-11"),
    ("2023/2024", "2023/2024"), ("2023/24", "2023/2024"), ("FY2023", "2023"), ("FY 2023-24", "2023/2024"),
    ("2019-2021", "2019/2021"), ("January–September 2023", "2023-01/2023-09"),
    ("Exports, first half of 2022", "2022-01/2022-06"),
    # not periods: a ratio of two years, parts a year does not have, no year at all
    ("2023/2022, %", None), ("Q5 2023", None), ("H3 2020", None),
    ("Jan-Sep", None), ("Share, %", None), ("Q1", None),
])
def test_column_period(header, period):
    assert column_period(header, TIME) == period


FLAT_TABLE = (
    "Kyrgyzstan's main trade partners.\n\n"
    "Largest partners of Kyrgyzstan in foreign trade (share, %)\n\n"
    "Partner / % a year\n"
    "2021\n"
    "2022\n"
    "1\n"
    "Kazakhstan\n"
    "21.5\n"
    "20.3\n"
    "2\n"
    "Tajikistan\n"
    "\n"
    "3.1\n"
    "\n"
    "After the table, prose resumes in 2022.\n"
)


def test_flattened_table_one_cell_per_line():
    figs = table_figures(context_for(FLAT_TABLE, states=mentions(FLAT_TABLE), main_parties=["KGZ", "KAZ"]), UNITS)
    got = sorted((tuple(f.parties), f.period, f.value, f.unit) for f in figs)
    assert got == [(("KAZ", "KGZ"), "2021", 21.5, "percent"), (("KAZ", "KGZ"), "2022", 20.3, "percent"),
                   (("KGZ", "TJK"), "2022", 3.1, "percent")]
    assert all(f.indicator == "other:share_of_trade_turnover" for f in figs)
    (table,) = find_tables(FLAT_TABLE, TIME)
    assert FLAT_TABLE[table.end:].startswith("\n\nAfter the table")


def test_a_list_of_years_in_prose_is_no_table():
    text = "Trade grew in these years:\n2021\n2022\nand it fell afterwards.\n"
    assert find_tables(text, TIME) == []


QUARTER_TABLE = (
    "Trade of Tajikistan with Kazakhstan by quarter, million USD\n"
    "Flow\tQ1 2023\tQ2 2023\tH1 2024\t9M 2024\t2024/2023, %\n"
    "Export to Kazakhstan\t41.5\t44.0\t95.2\t150.3\t104.1\n"
    "Import from Kazakhstan\t120.8\t131.6\t260.0\t402.7\t98.5\n"
)


def test_quarters_halves_and_months_to_date_head_columns():
    figs = table_figures(context_for(QUARTER_TABLE, states=mentions(QUARTER_TABLE),
                                     main_parties=["TJK", "KAZ"]), UNITS)
    exports = by_period(figs, "exports")
    assert sorted(exports) == ["2023-01/2023-03", "2023-04/2023-06", "2024-01/2024-06",
                               "2024-01/2024-09"]
    assert exports["2024-01/2024-06"].value == 95.2e6
    assert exports["2023-01/2023-03"].direction == {"from": "TJK", "to": "KAZ"}
    assert by_period(figs, "imports")["2023-04/2023-06"].direction == {"from": "KAZ", "to": "TJK"}
    # The ratio column names no period: its percentages are no levels of the rows.
    assert not any(f.value in (104.1e6, 98.5e6) for f in figs) and len(figs) == 8


SPLIT_YEAR_TABLE = (
    "Grain shipped from Kazakhstan to Kyrgyzstan, thousand tons\n\n"
    "| Season | 2022/23 | 2023/2024 | FY2025 |\n|---|---|---|---|\n| Total | 610 | 655 | 700 |\n"
)


def test_split_and_fiscal_years_head_columns():
    figs = table_figures(context_for(SPLIT_YEAR_TABLE, states=mentions(SPLIT_YEAR_TABLE),
                                     main_parties=["KAZ", "KGZ"]), UNITS)
    assert [(f.period, f.value) for f in figs] == [("2022/2023", 610e3), ("2023/2024", 655e3),
                                                   ("2025", 700e3)]


FLAT_HALVES = (
    "Shares of Kyrgyzstan's partners (%)\n\n"
    "Partner / share\n"
    "H1 2023\n"
    "H1 2024\n"
    "Kazakhstan\n"
    "19.5\n"
    "18.25\n"
    "\nThe two halves differ little.\n"
)


def test_flattened_table_headed_by_halves():
    (table,) = find_tables(FLAT_HALVES, TIME)
    assert table.periods == ["2023-01/2023-06", "2024-01/2024-06"]
    figs = table_figures(context_for(FLAT_HALVES, states=mentions(FLAT_HALVES), main_parties=["KGZ", "KAZ"]),
                         UNITS)
    assert [(f.period, f.value) for f in figs] == [("2023-01/2023-06", 19.5), ("2024-01/2024-06", 18.25)]


def test_a_header_of_words_alone_makes_no_table():
    text = ("Visits between Kazakhstan and Kyrgyzstan\n"
            "Kind\tSpring\tAutumn\tLast quarter\n"
            "Official\t4\t6\t2\n")
    assert find_tables(text, TIME) == []


@pytest.mark.parametrize("label,kind", [
    ("Export of Kyrgyzstan", "exports"), ("Exports to China", "exports"), ("IMPORTS", "imports"),
    ("Total", "trade_turnover"), ("Trade turnover", "trade_turnover"),
    ("Number of flights", "other:number_of_flights"), ("Importance", "other:importance"), ("", ""),
])
def test_row_kinds_come_from_the_label(label, kind):
    assert WORDS.row_kind(label) == kind


def test_a_table_with_its_years_down_the_first_column():
    text = ("Kyrgyzstan-Tajikistan trade turnover\n\n"
            "| Year | Turnover, $ million | Growth, % |\n|---|---|---|\n"
            "| 2022 | 410 | 12 |\n| 2023 | 455 | 11 |\n")
    figs = table_figures(context_for(text, states=mentions(text), main_parties=["KGZ", "TJK"]), UNITS)
    assert sorted((f.indicator, f.period, f.value, f.unit) for f in figs) == [
        ("other:trade_growth", "2022", 12, "percent"), ("other:trade_growth", "2023", 11, "percent"),
        ("trade_turnover", "2022", 410e6, "USD"), ("trade_turnover", "2023", 455e6, "USD")]


@pytest.mark.parametrize("caption,expected", [
    ("Turnover, $ million", ("USD", 1e6)), ("USD mln", ("USD", 1e6)), ("thousand tonnes", ("tons", 1e3)),
])
def test_a_scale_after_the_unit(caption, expected):
    from steppe.pipeline.quantities import read_unit
    assert read_unit(caption, UNITS) == expected


def test_a_change_column_beside_the_years_is_the_growth_to_the_latest():
    text = ("Kyrgyzstan's trade with its neighbours, million USD\n\n"
            "| Partner | 2022 | 2023 | Change, % |\n|---|---|---|---|\n"
            "| Kazakhstan | 1,500 | 1,650 | 10.0 |\n| Tajikistan | 40 | 38 | -5.0 |\n")
    figs = table_figures(context_for(text, states=mentions(text), main_parties=["KGZ"]), UNITS)
    growth = sorted((tuple(f.parties), f.period, f.value) for f in figs if f.indicator == "other:trade_growth")
    assert growth == [(("KAZ", "KGZ"), "2023", 10.0), (("KGZ", "TJK"), "2023", -5.0)]
    assert len([f for f in figs if f.indicator == "trade_turnover"]) == 4
