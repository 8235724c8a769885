"""`steppe brief`: an analytical brief on a dyad, or on a state and its neighbours."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from steppe.cli.context import DbOption, console, fail, settings_from


def brief(
    first: Annotated[str, typer.Argument(help="A state code (KAZ), or a dyad's first actor.")],
    second: Annotated[Optional[str], typer.Argument(help="The second actor (UZB); leave out with --region.")] = None,
    region: Annotated[bool, typer.Option("--region", help="The first state and each of its land neighbours.")] = False,
    since: Annotated[Optional[str], typer.Option(help="Earliest date (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Latest date.")] = None,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="brief.html or brief.md (charts are written beside it); default: Markdown on stdout.")] = None,
    db: DbOption = None,
) -> None:
    """Write an evidence-backed brief: every statement cites its documents and passages.

    Examples: steppe brief KAZ UZB --since 2016 -o brief.html
              steppe brief UZB --region -o uzbekistan.md
    """
    from steppe.brief import dyad_brief, region_brief, to_html, to_markdown
    from steppe.store import open_store

    if region == (second is not None):
        raise fail("give two actors (steppe brief KAZ UZB) or one state with --region")
    if output is not None and output.suffix.lower() not in (".html", ".htm", ".md"):
        raise fail(f"the output must end in .html or .md; got {output.name}")
    with open_store(settings_from(db).db_url) as store:
        try:
            made = region_brief(store, first.upper(), since=since, until=until) if region \
                else dyad_brief(store, first.upper(), second.upper(), since=since, until=until)
        except ValueError as exc:
            raise fail(str(exc))
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
    if output is not None and output.suffix.lower() in (".html", ".htm"):
        output.write_text(to_html(made), encoding="utf-8")
        console.print(f"wrote {output}")
        return
    text, charts = to_markdown(made, output.stem if output else "brief")
    if output is None:
        typer.echo(text)
        return
    output.write_text(text, encoding="utf-8")
    for name, svg in charts.items():
        (output.parent / name).write_text(svg, encoding="utf-8")
    console.print(f"wrote {output} and {len(charts)} chart(s) beside it")
