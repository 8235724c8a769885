"""Titles and dates found in the text, in the documented order of sources."""

from __future__ import annotations

import pytest

from steppe.ingest import detect_date, detect_title, read_file
from steppe.ingest.dating import parse_date

BODY = "The ministers discussed water sharing, transit fees and the new border crossing."


@pytest.mark.parametrize("text, value, precision, source", [
    ("---\ntitle: Visit\ndate: 2021-12-06\n---\nASTANA, 1 May 2020 — " + BODY,
     "2021-12-06", "day", "front-matter"),
    ("Leaders meet\n\nASTANA, 6 December 2021 — " + BODY, "2021-12-06", "day", "dateline"),
    ("TASHKENT, December 6, 2021 (AP) - " + BODY, "2021-12-06", "day", "dateline"),
    ("Report\ndate 2024-08-08\n" + BODY, "2024-08-08", "day", "date-line"),
    ("Report\nPublished: 12 March 2023\n" + BODY, "2023-03-12", "day", "date-line"),
    ("Report\nDate: March 2023\n" + BODY, "2023-03", "month", "date-line"),
    ("Отчёт\nДата публикации: 6 декабря 2021 г.\n" + BODY, "2021-12-06", "day", "date-line"),
])
def test_detect_date(text, value, precision, source):
    guess = detect_date(text)
    assert (guess.value, guess.precision, guess.source) == (value, precision, source)


def test_accession_dates_give_a_month_upper_bound():
    text = (BODY + "\n\nReferences\n1. Ministry site. Date of Accession: 01.02.2023\n"
            "2. Agency report, accessed on 9 December 2021.\n"
            "3. Haber (Erişim Tarihi: 15.03.2023)\n")
    guess = detect_date(text)
    assert (guess.value, guess.precision, guess.source) == (
        "2023-03", "month", "accession-upper-bound")
    assert guess.upper_bound == "2023-03-15"


def test_dateline_without_year_gives_no_date_but_keeps_day_and_month():
    guess = detect_date("BISHKEK, Sept. 5 (Reuters) - " + BODY)
    assert guess.value is None
    assert guess.partial == "--09-05"


@pytest.mark.parametrize("text", [BODY, "In 2021, the ministers met.", "Date of Accession: soon"])
def test_no_date(text):
    assert detect_date(text) is None


@pytest.mark.parametrize("text, title", [
    ("---\ntitle: From front matter\n---\n# Heading\n" + BODY, "From front matter"),
    ("Short first line\n# Heading\n" + BODY, "Heading"),
    ("\n\n  Water talks resume  \n\n" + BODY, "Water talks resume"),
    ("x" * 300 + "\n" + BODY, None),
])
def test_detect_title(text, title):
    assert detect_title(text) == title


def test_file_records_date_meta(write):
    [doc] = read_file(write("refs.txt", BODY + "\nRetrieved on 2 January 2022.\n"))
    assert doc.date == "2022-01"
    assert doc.meta["date_source"] == "accession-upper-bound"
    assert doc.meta["date_precision"] == "month"
    assert doc.meta["date_upper_bound"] == "2022-01-02"


@pytest.mark.parametrize("value, expected", [
    ("2021-12-06T10:00:00Z", ("2021-12-06", "day")),
    ("06.12.2021", ("2021-12-06", "day")),
    ("Tuesday, 7 December 2021", ("2021-12-07", "day")),
    ("Dec. 6, 2021", ("2021-12-06", "day")),
    ("6 Aralık 2021", ("2021-12-06", "day")),
    ("2021-12", ("2021-12", "month")),
    ("2021", ("2021", "year")),
    ("3rd of March, 2023", ("2023-03-03", "day")),      # only dateparser reads this one
    ("6 желтоқсан 2021", ("2021-12-06", "day")),        # Kazakh, through dateparser
    ("31.02.2021", None),
    ("Sept. 5", None),
    ("soon", None),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected
