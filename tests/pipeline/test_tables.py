import re

import pytest

from steppe.pipeline.context import context_for
from steppe.pipeline.tables import column_period, find_tables, table_figures
from steppe.resources import load_units

UNITS = load_units()

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
    assert find_tables("One line.\nAnother line with 2 numbers 3.\n") == []


@pytest.mark.parametrize("header,period", [
    ("2018", "2018"), ("2021 (Jan-Nov)", "2021-01/2021-11"),
    ("January- November 2021", "2021-01/2021-11"), ("Indicator", None),
])
def test_column_period(header, period):
    assert column_period(header) == period


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
    (table,) = find_tables(FLAT_TABLE)
    assert FLAT_TABLE[table.end:].startswith("\n\nAfter the table")


def test_a_list_of_years_in_prose_is_no_table():
    text = "Trade grew in these years:\n2021\n2022\nand it fell afterwards.\n"
    assert find_tables(text) == []
