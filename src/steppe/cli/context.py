"""Options shared by many commands, and the objects they build from Settings."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from steppe.settings import Settings

DbOption = Annotated[Optional[str], typer.Option(
    "--db", envvar="STEPPE_DB", help="SQLAlchemy URL of the store (default sqlite:///steppe.db).")]
KbOption = Annotated[Optional[list[Path]], typer.Option(
    "--kb", help="Extra knowledge-base YAML file(s) layered over the packaged one.",
    exists=True, dir_okay=False)]
LexiconOption = Annotated[Optional[Path], typer.Option(
    "--lexicon", help="A folder of lexicon files (triggers.yaml, units.tsv, indicators.yaml) "
    "that extend and override the packaged ones.", exists=True, file_okay=False)]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON Lines instead of a table.")]

console = Console(stderr=True, soft_wrap=True)
out = Console()


def settings_from(db: str | None = None, kb: list[Path] | None = None, lexicon: Path | None = None,
                  **more: object) -> Settings:
    return Settings.from_env(db_url=db, kb_paths=tuple(kb) if kb else None, lexicon_dir=lexicon, **more)


def load_extractor(settings: Settings):
    """The extractor, with a spinner while spaCy and the KB load; a bad knowledge-base or
    lexicon file is a usage error (exit 2) naming the file, the entry and the reason."""
    from steppe.api import load
    from steppe.errors import ConfigError

    try:
        with console.status("Loading models and knowledge base..."):
            return load(settings)
    except ConfigError as exc:
        raise fail(str(exc)) from None


def fail(message: str, code: int = 2) -> "typer.Exit":
    console.print(f"[red]error:[/red] {message}")
    return typer.Exit(code)
