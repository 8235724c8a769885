"""Sources as data: intervals, the YAML file, the store, health records."""

from __future__ import annotations

from pathlib import Path

import pytest

from steppe.watch import (
    SourceError,
    add_source,
    list_sources,
    load_sources_file,
    make_source,
    remove_source,
    source_health,
    sync_sources,
)
from steppe.watch.sources import format_every, parse_every


@pytest.mark.parametrize("text, seconds", [("90s", 90), ("15m", 900), ("2h", 7200),
                                           ("1d", 86400), ("45", 45), (600, 600)])
def test_intervals(text, seconds) -> None:
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["0m", "soon", "-5m", "1w", ""])
def test_bad_intervals_are_refused(text) -> None:
    with pytest.raises(SourceError):
        parse_every(text)


def test_format_every_round_trips() -> None:
    assert [format_every(parse_every(x)) for x in ("90s", "15m", "2h", "1d")] == \
        ["90s", "15m", "2h", "1d"]


def test_source_name_defaults_to_host_and_url_is_canonical() -> None:
    s = make_source("HTTPS://www.Example.org/feed?utm_campaign=x", language="RU")
    assert (s.name, s.url, s.every, s.language) == ("example.org", "https://www.example.org/feed",
                                                    900, "ru")
    with pytest.raises(SourceError, match="not an http"):
        make_source("feed.xml")


def test_sources_file_in_both_shapes(tmp_path: Path) -> None:
    listed = tmp_path / "a.yaml"
    listed.write_text("- url: https://one.example.org/rss\n"
                      "- {name: two, url: 'https://two.example.org/sitemap.xml',"
                      " every: 1h, lang: en}\n", encoding="utf-8")
    assert [(s.name, s.every, s.language) for s in load_sources_file(listed)] == \
        [("one.example.org", 900, None), ("two", 3600, "en")]
    nested = tmp_path / "b.yaml"
    nested.write_text("sources:\n  - url: https://one.example.org/rss\n", encoding="utf-8")
    assert len(load_sources_file(nested)) == 1


@pytest.mark.parametrize("text, message", [
    ("just text", "expected a list"),
    ("- name: x\n", "source 1 has no url"),
    ("- url: https://a.example.org/\n  every: sometimes\n", "source 1: interval"),
    ("- {name: x, url: 'https://a.example.org/'}\n- {name: x, url: 'https://b.example.org/'}\n",
     "share a name"),
    ("- [unclosed\n", "cannot read"),
])
def test_bad_sources_files_say_what_is_wrong(tmp_path: Path, text, message) -> None:
    listed = tmp_path / "bad.yaml"
    listed.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError, match=message):
        load_sources_file(listed)


def test_store_keeps_sources_and_sync_updates_without_losing_state(store) -> None:
    add_source(store, make_source("https://one.example.org/rss", name="one"))
    with pytest.raises(SourceError, match="already followed"):
        add_source(store, make_source("https://one.example.org/rss", name="again"))
    add_source(store, make_source("https://two.example.org/rss", name="two"))
    sync_sources(store, [make_source("https://one.example.org/rss", name="one", every="1h"),
                         make_source("https://three.example.org/rss", name="three")])
    assert [(s.name, s.every) for s in list_sources(store)] == \
        [("one", 3600), ("three", 900), ("two", 900)]
    assert [s.name for s in list_sources(store, ["two"])] == ["two"]
    assert remove_source(store, "two") and not remove_source(store, "two")
    assert [h.state for h in source_health(store)] == ["new", "new"]
