"""Synthetic news articles written from our own templates, for reliability runs.

    from synthetic import article, write_corpus
    write_corpus(folder, 2000)      # 2000 distinct Markdown files with front matter

Every article is distinct (its number is in its title and text), dated, and names two
Central Asian states in sentences the pipeline codes (meetings, agreements, trade figures).
"""

from __future__ import annotations

import random
from pathlib import Path

STATES = ["Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Tajikistan", "Turkmenistan"]
CAPITALS = {"Kazakhstan": "Astana", "Uzbekistan": "Tashkent", "Kyrgyzstan": "Bishkek",
            "Tajikistan": "Dushanbe", "Turkmenistan": "Ashgabat"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
SENTENCES = [
    "{a} and {b} signed an agreement on water sharing in {city} on {day} {month} {year}.",
    "The foreign minister of {a} met his counterpart from {b} in {city} on {day} {month}.",
    "Trade between {a} and {b} reached ${n} million in {year}, officials said.",
    "{a} accused {b} of closing the border crossing near the town of Item{i}.",
    "{a} promised to supply {b} with {n} million cubic metres of gas next winter.",
    "Officials in {city} said talks on the delimitation of the border would resume.",
    "{a} and {b} agreed to build the Item{i} railway line by {year2}.",
]


def article(i: int) -> dict:
    """Article number `i`: id, title, date, text (the same for the same i, every time)."""
    rng = random.Random(i)
    a, b = rng.sample(STATES, 2)
    year = 2000 + i % 25
    fill = dict(a=a, b=b, city=CAPITALS[a], day=1 + i % 28, month=MONTHS[i % 12], year=year,
                year2=year + 3, n=10 + i % 990, i=i)
    body = [s.format(**fill) for s in rng.sample(SENTENCES, 4)]
    date = f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}"
    return {"id": f"syn-{i:05d}", "title": f"Report {i}: {a} and {b}", "date": date,
            "text": " ".join(body) + f" (Report number {i}.)"}


def markdown(doc: dict) -> str:
    return (f"---\nid: {doc['id']}\ntitle: \"{doc['title']}\"\ndate: {doc['date']}\n---\n"
            f"{doc['text']}\n")


def write_corpus(folder: Path, count: int, start: int = 0) -> list[Path]:
    """Write articles start..start+count-1 as Markdown files; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + count):
        doc = article(i)
        path = folder / f"{doc['id']}.md"
        path.write_text(markdown(doc), encoding="utf-8")
        paths.append(path)
    return paths
