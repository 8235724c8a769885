"""`steppe actors resolve`: every mention in a text, with its resolution and confidence."""

from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.table import Table

from steppe.cli.context import JsonFlag, KbOption, load_extractor, out, settings_from
from steppe.jsonl import write_json_line

app = typer.Typer(help="The actor knowledge base and resolver.", no_args_is_help=True)


@app.command("resolve")
def resolve(
    text: Annotated[str, typer.Argument(help="Text to read (quote it).")],
    date: Annotated[Optional[str], typer.Option(help="Reference date for roles (YYYY[-MM[-DD]]).")] = None,
    kb: KbOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Show how each actor mention in TEXT resolves at --date.

    Example: steppe actors resolve "The Kyrgyz president met Tokayev in Astana." --date 2017-09-01
    """
    extractor = load_extractor(settings_from(None, kb))
    mentions = extractor.mentions(text, date=date)
    rows = []
    for m in mentions:
        for a in m.actors:
            entity = extractor.kb.entities.get(a.actor_id)
            rows.append({"start": m.start, "end": m.end, "mention": m.text, "kind": m.kind,
                         "code": a.code or "?", "sector": a.sector, "actor_id": a.actor_id,
                         "name": entity.name if entity else "", "confidence": round(a.confidence, 2),
                         "weak": m.weak, "location": m.location})
    if as_json:
        for r in rows:
            write_json_line(r)
        return
    table = Table(title=f"{len(rows)} mentions" + (f" at {date}" if date else ""))
    for col in ("span", "mention", "kind", "code", "sector", "resolved to", "conf."):
        table.add_column(col, overflow="fold")
    for r in rows:
        note = " (place)" if r["location"] else " (weak)" if r["weak"] else ""
        table.add_row(f"{r['start']}-{r['end']}", r["mention"], r["kind"] + note, r["code"],
                      r["sector"], r["name"] or r["actor_id"], f"{r['confidence']:.2f}")
    out.print(table)
