"""Bad files and records become Skipped results with a reason; nothing stops the batch."""

from __future__ import annotations

import json
import os

import pytest

from steppe.errors import InputError, RecordError
from steppe.facts import Document
from steppe.ingest import Skipped, read_file, read_paths

GOOD = "Kazakhstan and Uzbekistan signed a water agreement in Astana on Monday."


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.md", b"  \n\t\n", "empty file"),
    ("blank16.txt", "   \n".encode("utf-16"), "empty file"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    ("corrupt.pdf", b"%PDF-1.4\nthis is not really a pdf\n%%EOF", "corrupt PDF"),
    ("nothing.html", b"<html><head></head><body><script>var a=1;</script></body></html>",
     "no extractable text in HTML"),
    ("slides.pptx", b"PK\x03\x04", "unsupported file type"),
    ("array.json", b'[{"id": "a", "text": "x"},', "invalid JSON"),
])
def test_bad_file_is_skipped_with_reason(write, name, content, reason):
    path = write(name, content)
    [result] = read_file(path)
    assert isinstance(result, Skipped)
    assert result.path == str(path)
    assert reason in result.reason


def test_oversized_file(write):
    path = write("big.txt", GOOD * 10)
    [result] = read_file(path, max_bytes=100)
    assert isinstance(result, Skipped) and "too large" in result.reason
    [doc] = read_paths(path, max_bytes=10_000)
    assert isinstance(doc, Document)


def test_broken_jsonl_line_keeps_the_others(write):
    lines = [json.dumps({"id": "a", "text": GOOD}), '{"id": "b", "text": "unterminated',
             "", json.dumps({"text": "no id here"}), json.dumps({"id": "d"}),
             json.dumps(["not", "an", "object"]), json.dumps({"id": "f", "text": GOOD})]
    path = write("feed.jsonl", "\n".join(lines))
    results = list(read_file(path))
    assert [r.id for r in results if isinstance(r, Document)] == ["a", "f"]
    skipped = [(r.line, r.reason.split(":")[0]) for r in results if isinstance(r, Skipped)]
    assert skipped == [(2, "invalid JSON"), (4, "record without 'id'"),
                       (5, "record without 'text'"), (6, "record is not a JSON object")]


def test_csv_row_with_empty_text(write):
    path = write("rows.csv", f"id,text\na,{GOOD}\nb,\n")
    results = list(read_file(path))
    assert isinstance(results[0], Document)
    assert results[1] == Skipped(str(path), "record with empty 'text'", 3)


def test_missing_path_and_broken_symlink(tmp_path):
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    results = list(read_paths([tmp_path / "absent.txt", link]))
    assert [r.reason for r in results] == ["no such file or folder"] * 2
    [result] = read_file(link)
    assert result.reason == "no such file"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file(write):
    path = write("secret.txt", GOOD)
    path.chmod(0)
    try:
        [result] = read_file(path)
    finally:
        path.chmod(0o644)
    assert result.reason == "unreadable: permission denied"


def test_folder_mixing_good_and_bad_files(write, tmp_path, pdf_bytes):
    write("mix/a.txt", GOOD)
    write("mix/b.md", "# Talks\n\n" + GOOD)
    write("mix/c.html", f"<html><head><title>T</title></head><body><p>{GOOD}</p></body></html>")
    write("mix/d.pdf", pdf_bytes([GOOD]))
    write("mix/e.jsonl", json.dumps({"id": "e1", "text": GOOD}) + "\n{oops\n")
    write("mix/f.csv", f"text\n{GOOD}\n")
    write("mix/bad/empty.txt", "")
    write("mix/bad/binary.txt", b"\x00\x01\x02\x03" * 50)
    write("mix/bad/corrupt.pdf", b"%PDF-1.7 garbage")
    write("mix/bad/notes.docx", b"PK")
    write("mix/.DS_Store", b"\x00\x00")
    results = list(read_paths(tmp_path / "mix"))
    docs = [r for r in results if isinstance(r, Document)]
    skipped = [r for r in results if isinstance(r, Skipped)]
    assert [d.id for d in docs] == ["mix/a", "mix/b", "mix/c", "mix/d", "e1", "f-1"]
    assert [os.path.basename(s.path) for s in skipped] == [
        "binary.txt", "corrupt.pdf", "empty.txt", "notes.docx", "e.jsonl"]
    assert skipped[-1].line == 2


def test_input_error_str_and_hierarchy():
    assert str(InputError("a/b.txt", "empty file")) == "a/b.txt: empty file"
    assert str(RecordError("feed.jsonl", "invalid JSON", line=3)) == "feed.jsonl:3: invalid JSON"
    assert str(Skipped("feed.jsonl", "invalid JSON", 3)) == "feed.jsonl:3: invalid JSON"
    assert issubclass(RecordError, InputError)


def test_a_folders_own_readme_is_no_article(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "README.md").write_text("# About this folder\n\nArticles on Tajik water policy.\n")
    (folder / "visit.txt").write_text("Rahmon visited Tashkent on 9 March 2018.\n")
    results = list(read_paths(folder))
    assert [r.id for r in results if isinstance(r, Document)] == ["news/visit"]
    assert not [r for r in results if isinstance(r, Skipped)]   # left out, as hidden files are: no error
    # named directly, it is read like any file
    assert [r for r in read_paths(folder / "README.md") if isinstance(r, Document)]
