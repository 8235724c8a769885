"""Read commands: events, export, commitments, contradictions, figures, agreements."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from steppe.cli.context import DbOption, JsonFlag, console, out, settings_from
from steppe.facts import Figure
from steppe.jsonl import write_json_line


def _store(db: str | None):
    from steppe.store import open_store

    return open_store(settings_from(db).db_url)


def _sides(actors: list[dict]) -> str:
    return " ".join(a["code"] + (f"/{a['sector']}" if a.get("sector") else "") for a in actors)


def events(
    actor: Annotated[Optional[str], typer.Option(help="A state code (or IGO) on either side.")] = None,
    dyad: Annotated[Optional[str], typer.Option(help="Two codes, one on each side: KAZ-UZB.")] = None,
    type: Annotated[Optional[str], typer.Option("--type", help="PLOVER event type.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Earliest date (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Latest date.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 50,
    db: DbOption = None,
    as_json: JsonFlag = False,
) -> None:
    """List stored events, filtered by actor, dyad, type and date range.

    Example: steppe events --dyad KAZ-UZB --since 2021 --type SUPPORT
    """
    from steppe.store import query_events

    with _store(db) as store:
        rows = query_events(store, actor=actor, dyad=dyad, type=type, since=since, until=until,
                            limit=limit)
    if as_json:
        for r in rows:
            write_json_line(r)
        return
    # Readable at 80 columns: date and type never wrap, who-did-what-to-whom folds
    # (at most 30 wide), and the evidence, after its document id, takes the rest of the
    # line, cut to one line.
    cells = []
    for r in rows:
        kind = r["type"] + (f" {r['mode']}" if r.get("mode") else "")
        if r["modality"] != "asserted":
            kind += f"\n({r['modality']})"
        cells.append((r.get("date") or "?", kind,
                      f"{_sides(r['source'])} → {_sides(r['target'])}",
                      f"{r['document_id']}: " + " ".join(r["evidence"]["text"].split())))
    type_width = max([4] + [len(line) for c in cells for line in c[1].splitlines()])
    who_width = min(30, max([15] + [len(c[2]) for c in cells]))
    table = Table(title=f"{len(rows)} events")
    table.add_column("date", no_wrap=True, min_width=10)
    table.add_column("type", no_wrap=True)
    table.add_column("source → target", overflow="fold", max_width=who_width)
    table.add_column("document: evidence", overflow="ellipsis", no_wrap=True,
                     max_width=max(24, out.width - 10 - type_width - who_width - 13))
    for row in cells:
        table.add_row(*row)
    out.print(table)


class What(str, Enum):
    events = "events"
    figures = "figures"
    agreements = "agreements"
    documents = "documents"


class Format(str, Enum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


def export(
    what: Annotated[What, typer.Argument(help="What to export.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.jsonl,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File to write (stdout if omitted; parquet needs a file).")] = None,
    db: DbOption = None,
) -> None:
    """Export stored records as CSV, JSON Lines or Parquet.

    Example: steppe export events --format parquet --output events.parquet
    """
    from steppe.store import export as export_records

    if format is Format.parquet and output is None:
        console.print("[red]error:[/red] parquet needs --output FILE")
        raise typer.Exit(2)
    with _store(db) as store:
        n = export_records(store, what.value, format.value, output if output else sys.stdout.buffer)
    console.print(f"exported {n} {what.value}" + (f" to {output}" if output else ""))


def _figures_with_ids(store, dyad: str | None = None) -> list[tuple[str, Figure]]:
    from steppe.store import query_figures

    return [(str(r["document_id"]), Figure.from_json(r)) for r in query_figures(store, dyad=dyad)]


def commitments(
    dyad: Annotated[Optional[str], typer.Option(help="Two codes: KAZ-UZB.")] = None,
    db: DbOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Targets set by the parties and whether the figures steppe holds show them met.

    Example: steppe commitments --dyad KAZ-UZB
    """
    from steppe.analysis.commitments import commitments as find_commitments

    with _store(db) as store:
        items = find_commitments(_figures_with_ids(store, dyad))

    def row(c) -> tuple[str, ...]:
        doc_id, target = c.target
        latest = c.actuals[-1][1] if c.actuals else None
        return (target.indicator, "-".join(target.parties), _money(target.value, target.unit),
                target.deadline or "-",
                f"{_money(latest.value, latest.unit)} ({latest.period})" if latest else "-",
                c.status, f"{doc_id}: {target.evidence.text[:70]}")

    _render(items, as_json, "commitments", ("indicator", "parties", "target", "deadline",
                                            "latest actual", "status", "evidence"), row)


def contradictions(
    db: DbOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Figures for the same indicator, parties and period that disagree by more than 5 %.

    Example: steppe contradictions
    """
    from steppe.analysis.contradictions import contradictions as find_contradictions

    with _store(db) as store:
        items = find_contradictions(_figures_with_ids(store))

    def row(c) -> tuple[str, ...]:
        (da, a), (db_, b) = c.a, c.b
        return (a.indicator, "-".join(a.parties), a.period or "-", _money(a.value, a.unit),
                _money(b.value, b.unit), f"{c.rel_diff:.0%}",
                f"{da}: {a.evidence.text[:60]}", f"{db_}: {b.evidence.text[:60]}")

    _render(items, as_json, "contradictions", ("indicator", "parties", "period", "value A",
                                               "value B", "diff", "evidence A", "evidence B"), row)


def _render(items: list, as_json: bool, title: str, columns: tuple[str, ...], row) -> None:
    """Print analysis results as JSON Lines, or as a table with one `row(item)` each."""
    if as_json:
        for item in items:
            write_json_line(item)
        return
    table = Table(title=f"{len(items)} {title}")
    for col in columns:
        table.add_column(col, overflow="fold")
    for item in items:
        table.add_row(*row(item))
    out.print(table)


def _money(value: float | None, unit: str) -> str:
    if value is None:
        return "?"
    for scale, word in ((1e9, "bn"), (1e6, "mn"), (1e3, "k")):
        if abs(value) >= scale:
            return f"{value / scale:,.2f} {word} {unit}"
    return f"{value:,.6g} {unit}"


def agreements(
    dyad: Annotated[Optional[str], typer.Option(help="Two codes, both among the parties: KAZ-UZB.")] = None,
    db: DbOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Agreements, one row per agreement however differently the documents name it.

    Example: steppe agreements --dyad KAZ-UZB
    """
    from steppe.analysis.agreements import merge_agreements
    from steppe.facts import Agreement
    from steppe.store import query_agreements

    with _store(db) as store:
        rows = query_agreements(store, dyad=dyad)
    items = [(str(r["document_id"]), Agreement.from_json(r)) for r in rows]
    clusters = merge_agreements(items)
    if as_json:
        for c in clusters:
            write_json_line({
                "name": c.name, "kind": c.kind, "parties": c.parties, "date": c.date,
                "reports": [{"document_id": d, "name": a.name, "date": a.date,
                             "evidence": a.evidence.to_json()} for d, a in c.members],
            })
        return
    table = Table(title=f"{len(clusters)} agreements ({len(items)} reports)")
    for col in ("date", "name", "kind", "parties", "reports"):
        table.add_column(col, overflow="fold")
    for c in clusters:
        table.add_row(c.date or "?", c.name, c.kind, "-".join(c.parties),
                      "\n".join(f"{d}: {a.name}" for d, a in c.members))
    out.print(table)
