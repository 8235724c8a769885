"""The `steppe` command: Typer app assembling the command groups.

Exit status: 0 all good, 1 something was skipped, 2 usage error.
"""

from __future__ import annotations

import typer

from steppe.cli import actors, analysis, brief, demo, ingest, query, serve, sources

app = typer.Typer(
    name="steppe",
    help="Turn articles about relations between states into PLOVER events, figures and agreements.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command()(ingest.ingest)
app.command()(ingest.extract)
app.command("load-parquet")(ingest.load_parquet)
app.command()(query.events)
app.command()(query.export)
app.command()(query.commitments)
app.command()(query.contradictions)
app.command()(query.agreements)
app.command()(analysis.series)
app.command()(analysis.network)
app.command()(analysis.changes)
app.command()(serve.serve)
app.command()(demo.demo)
app.command()(brief.brief)
app.add_typer(actors.app, name="actors")
app.add_typer(sources.app, name="sources")
app.command()(sources.watch)


def main() -> None:
    app()
