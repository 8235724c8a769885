"""How facts are said: dates, amounts, names, confidence and the phrase variants of
data/brief.yaml."""

from __future__ import annotations

import zlib
from importlib.resources import files
from typing import Any

from steppe.kb.model import KnowledgeBase
from steppe.schemas import read_yaml
from steppe.words import Grammar


class Wording:
    """What a brief says things with: the phrase variants (data/brief.yaml), the names of
    months (the grammar's time words), of states and organisations (the knowledge base)
    and each state's land neighbours (data/neighbours.yaml). Built once per brief, or
    given by a caller that has loaded its knowledge base and grammar already."""

    def __init__(self, kb: KnowledgeBase, grammar: Grammar) -> None:
        data = files("steppe.data")
        self.phrases: dict[str, Any] = read_yaml(data / "brief.yaml")
        self.neighbours: dict[str, list[str]] = read_yaml(data / "neighbours.yaml")
        months = grammar.time("en").months
        self.months = tuple(m.capitalize() for m in sorted(months, key=months.get))
        self._kb = kb

    @classmethod
    def load(cls, kb: KnowledgeBase | None = None, grammar: Grammar | None = None) -> "Wording":
        """The caller's knowledge base and grammar, else the packaged ones."""
        if kb is None:
            from steppe.kb.load import load_kb

            kb = load_kb()
        return cls(kb, grammar if grammar is not None else Grammar())

    def name(self, label: str) -> str:
        """"Kazakhstan" for KAZ, the organisation's name for an IGO label, else the label."""
        entity = self._kb.entities.get(f"state:{label}") or self._kb.entities.get(f"igo:{label}")
        return entity.name if entity else label

    def date(self, date: str | None) -> str:
        """"2021-12-06" -> "6 December 2021", "2021-12" -> "December 2021", "2021" -> "2021"."""
        if not date:
            return "an unknown date"
        parts = date.split("-")
        if len(parts) >= 3 and parts[1].isdigit() and parts[2][:2].isdigit():
            return f"{int(parts[2][:2])} {self.months[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2 and parts[1].isdigit():
            return f"{self.months[int(parts[1]) - 1]} {parts[0]}"
        return parts[0]

    def period(self, period: str | None) -> str:
        """A figure's period: "2023-01/2023-11" -> "January 2023 to November 2023"."""
        if not period:
            return "an unstated period"
        if "/" in period:
            first, last = period.split("/", 1)
            return f"{self.date(first)} to {self.date(last)}"
        return self.date(period)

    def confidence(self, n_documents: int, key: str) -> str:
        """How strongly a fact is attested, by the number of documents that report it."""
        band = "one" if n_documents <= 1 else "few" if n_documents <= 3 else "many"
        return pick(self.phrases["confidence"][band], key, n=str(n_documents))


def pick(variants: list[str], key: str, **fields: str) -> str:
    """One of `variants`, chosen by a stable hash of `key` (a re-run writes the same text)."""
    return variants[zlib.crc32(key.encode()) % len(variants)].format(**fields)


def say_amount(value: float | None, unit: str) -> str:
    """"$3.1 bn", "450 mn tonnes", "12%": the digits as a source would print them."""
    if value is None:
        return "an unstated amount"
    scaled = next(((value / s, w) for s, w in ((1e9, " bn"), (1e6, " mn")) if abs(value) >= s),
                  (value, ""))
    number = f"{scaled[0]:,.2f}".rstrip("0").rstrip(".") + scaled[1]
    if unit == "USD":
        return f"${number}"
    if unit in ("percent", "%"):
        return f"{number}%"
    if unit in ("", "count"):
        return number
    return f"{number} {unit}"


def say_list(items: list[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def indicator_name(indicator: str) -> str:
    """"trade_turnover" -> "trade turnover"; "other:kilometres" -> "kilometres"."""
    return indicator.split(":", 1)[-1].replace("_", " ")


def count(n: int, noun: str, plural: str | None = None) -> str:
    """"1 event", "3 events"."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def span_of_years(first: str, last: str) -> str:
    return f"in {first}" if first == last else f"from {first} to {last}"
