"""steppe's exceptions.

SteppeError
 ├── InputError          a file or record that cannot be read (carries path, reason, line)
 │    └── RecordError    one bad record in a JSONL/CSV file (line number)
 ├── ConfigError         bad settings or knowledge-base file
 └── StoreError          the database refused a write
"""

from __future__ import annotations

from os import PathLike


class SteppeError(Exception):
    """Base of every exception steppe raises on purpose."""


class InputError(SteppeError):
    """A file or record that cannot be read; str() is "PATH[:LINE]: reason"."""

    def __init__(self, path: str | PathLike[str], reason: str, line: int | None = None) -> None:
        self.path = str(path)
        self.reason = reason
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.reason}"


class RecordError(InputError):
    """One bad record in a JSONL/CSV file; the rest of the file is still read."""


class ConfigError(SteppeError):
    """Bad settings or knowledge-base file."""


class StoreError(SteppeError):
    """The database refused a write."""
