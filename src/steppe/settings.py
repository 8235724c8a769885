"""One Settings object, built once (by the CLI, a web app or a test) and passed down."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

DEFAULT_DB = "sqlite:///steppe.db"
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Settings:
    """Everything configurable, with its default.

    db_url      SQLAlchemy URL of the store (STEPPE_DB), SQLite in the working directory by default
    kb_paths    user knowledge-base files layered over the packaged one (--kb)
    lexicon_dir a folder of user lexicon files (triggers.yaml, units.tsv, indicators.yaml)
                that extend and override the packaged ones (--lexicon), see resources.py
    max_bytes   files larger than this are skipped at ingestion (STEPPE_MAX_BYTES)
    batch_size  documents per nlp.pipe batch
    seconds_per_10k_chars   time limit of one document's extraction, per 10,000 characters
                (STEPPE_SECONDS_PER_10K; 0 means no limit), see pipeline/limits.py
    min_document_seconds    and never less than this
    engine      "local" (in-process) or "ray" (a pool of Ray workers, engine/ray.py)
    ray_address Ray cluster to join ("auto", "ray://host:10001"); None starts a local one
    workers     Ray workers (actors), each with its own copy of the models
    write_batch documents saved per store transaction (1: one transaction per document)
    """

    db_url: str = DEFAULT_DB
    kb_paths: tuple[Path, ...] = field(default_factory=tuple)
    lexicon_dir: Path | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    batch_size: int = 32
    engine: str = "local"
    seconds_per_10k_chars: float = 5.0
    min_document_seconds: float = 10.0
    ray_address: str | None = None
    workers: int = 2
    write_batch: int = 1

    @classmethod
    def from_env(cls, **overrides: object) -> "Settings":
        """Settings from STEPPE_* variables, then explicit overrides (None means unset)."""
        base = cls(
            db_url=os.environ.get("STEPPE_DB", DEFAULT_DB),
            max_bytes=int(os.environ.get("STEPPE_MAX_BYTES", DEFAULT_MAX_BYTES)),
            seconds_per_10k_chars=float(os.environ.get("STEPPE_SECONDS_PER_10K", 5.0)),
        )
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(base, **given) if given else base
