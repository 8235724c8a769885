"""What ingestion yields: a Document, or a Skipped record saying why not."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from steppe.errors import InputError
from steppe.facts import Document


@dataclass(frozen=True)
class Skipped:
    """A file or record that was not ingested, with the reason (and line, for records)."""

    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.reason}"

    @classmethod
    def from_error(cls, error: InputError) -> "Skipped":
        return cls(error.path, error.reason, error.line)


Result = Union[Document, Skipped]
