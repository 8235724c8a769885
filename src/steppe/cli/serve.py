"""`steppe serve`: the REST API and the dashboard over a store."""

from __future__ import annotations

from typing import Annotated

import typer

from steppe.cli.context import DbOption, console, settings_from


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    db: DbOption = None,
) -> None:
    """Serve the dashboard (/) and the REST API (/api, docs at /docs) for a store.

    Example: steppe serve --db sqlite:///steppe-demo.db --port 8000
    """
    import uvicorn

    from steppe.web.app import create_app

    settings = settings_from(db)
    app = create_app(settings=settings)
    console.print(f"steppe dashboard on http://{host}:{port}/  (API docs: /docs)  store: {settings.db_url}")
    uvicorn.run(app, host=host, port=port, log_level="warning")
