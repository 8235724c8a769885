"""Each supported format becomes Documents with the right text, fields and meta."""

from __future__ import annotations

import json

import pytest

from steppe.facts import Document
from steppe.ingest import Skipped, read_file, read_paths

ARTICLE = ("ASTANA, 6 December 2021 — The presidents of Kazakhstan and Uzbekistan met in "
           "Astana and signed an agreement on water sharing and trade in the border region.")


def only_document(results) -> Document:
    results = list(results)
    assert len(results) == 1 and isinstance(results[0], Document), results
    return results[0]


def test_plain_text_is_kept_as_is(write):
    path = write("visit.txt", "Leaders meet in Astana\n\n" + ARTICLE + "\n")
    doc = only_document(read_file(path))
    assert doc.text == path.read_text(encoding="utf-8")
    assert doc.id == "visit"
    assert doc.title == "Leaders meet in Astana"
    assert doc.date == "2021-12-06"
    assert doc.meta["date_source"] == "dateline"
    assert doc.meta["encoding"] == "utf-8"
    assert doc.language == "en"
    assert doc.path == str(path)


def test_markdown_front_matter_fields_win_and_stay_in_text(write):
    content = ("---\nid: kz-uz-2021\ntitle: A summit\ndate: 2021-12-07\nsource: Example News\n"
               "url: https://example.org/a\ntags: [water]\n---\n# Heading\n\n" + ARTICLE)
    doc = only_document(read_file(write("a.md", content)))
    assert doc.text == content
    assert (doc.id, doc.title, doc.date) == ("kz-uz-2021", "A summit", "2021-12-07")
    assert (doc.source, doc.url) == ("Example News", "https://example.org/a")
    assert doc.meta["date_source"] == "front-matter"
    assert doc.meta["tags"] == ["water"]
    assert doc.text.index("The presidents") == content.index("The presidents")


def test_markdown_heading_is_the_title(write):
    doc = only_document(read_file(write("b.md", "Intro line\n# Water talks\n\n" + ARTICLE)))
    assert doc.title == "Water talks"


# trafilatura announces API removals as DeprecationWarnings, which the project config ignores.
@pytest.mark.filterwarnings("error::DeprecationWarning")
def test_html_main_text_title_and_date(write):
    html = ("<html><head><title>Water deal signed</title>"
            "<meta property='article:published_time' content='2021-12-06'></head><body>"
            "<nav>Home | World | Sport</nav><article><h1>Water deal signed</h1>"
            f"<p>{ARTICLE}</p><p>{ARTICLE}</p></article><footer>Copyright 2019</footer>"
            "</body></html>")
    doc = only_document(read_file(write("page.html", html)))
    assert "The presidents of Kazakhstan" in doc.text
    assert "<p>" not in doc.text and "Home | World" not in doc.text
    assert doc.title == "Water deal signed"
    assert doc.date == "2021-12-06"
    assert doc.meta["date_source"] == "html-metadata"


def test_pdf_keeps_page_offsets(write, pdf_bytes):
    pages = ["Kazakhstan and Uzbekistan agreed on water.", "Trade grew by ten percent in 2021."]
    doc = only_document(read_file(write("report.pdf", pdf_bytes(pages))))
    spans = doc.meta["pages"]
    assert len(spans) == 2
    assert [doc.text[s:e] for s, e in spans] == pages


@pytest.mark.parametrize("suffix", [".jsonl", ".json"])
def test_json_lines_records(write, suffix):
    records = [
        {"id": "r1", "text": ARTICLE, "date": "2021-12-06T10:00:00Z", "title": "T1",
         "source": "Wire", "url": "https://example.org/1", "section": "world"},
        {"id": 2, "text": "Second record about Kyrgyzstan and Tajikistan border talks."},
    ]
    path = write("feed" + suffix, "\n".join(json.dumps(r) for r in records) + "\n")
    docs = list(read_file(path))
    assert [d.id for d in docs] == ["r1", "2"]
    first = docs[0]
    assert (first.date, first.title, first.source, first.url) == (
        "2021-12-06", "T1", "Wire", "https://example.org/1")
    assert first.meta["section"] == "world"
    assert first.meta["date_source"] == "record"
    assert first.meta["line"] == 1


@pytest.mark.parametrize("payload", [
    [{"id": "a", "text": "One text about trade."}, {"id": "b", "text": "Another text."}],
    {"id": "a", "text": "One text about trade."},
])
def test_json_array_or_single_object(write, payload):
    docs = list(read_file(write("data.json", json.dumps(payload, indent=2))))
    expected = [r["id"] for r in payload] if isinstance(payload, list) else ["a"]
    assert [d.id for d in docs] == expected


def test_csv_rows_with_default_ids(write):
    content = ('title,text,date\n'
               'First,"Kazakhstan, Uzbekistan sign deal",2021-12-06\n'
               'Second,"Kyrgyzstan talks",\n')
    docs = list(read_file(write("news.csv", content)))
    assert [d.id for d in docs] == ["news-1", "news-2"]
    assert docs[0].text == "Kazakhstan, Uzbekistan sign deal"
    assert (docs[0].title, docs[0].date) == ("First", "2021-12-06")
    assert docs[1].date is None


def test_csv_semicolon_and_id_column(write):
    docs = list(read_file(write("ru.csv", "id;text\nx1;Переговоры в Астане\n")))
    assert [(d.id, d.text) for d in docs] == [("x1", "Переговоры в Астане")]


def test_csv_without_text_column_is_skipped(write):
    path = write("bad.csv", "id,body\n1,hello\n")
    assert list(read_file(path)) == [Skipped(str(path), "CSV without a 'text' column")]


def test_folder_ids_are_relative_paths(write, tmp_path):
    write("corpus/01-visit.txt", ARTICLE)
    write("corpus/sub/02-talks.md", ARTICLE)
    write("corpus/.hidden.txt", ARTICLE)
    write("corpus/.git/notes.txt", ARTICLE)
    ids = [r.id for r in read_paths(tmp_path / "corpus")]
    assert ids == ["corpus/01-visit", "corpus/sub/02-talks"]


def test_not_recursive_stays_at_top(write, tmp_path):
    write("corpus/01-visit.txt", ARTICLE)
    write("corpus/sub/02-talks.md", ARTICLE)
    ids = [r.id for r in read_paths([tmp_path / "corpus"], recursive=False)]
    assert ids == ["corpus/01-visit"]
