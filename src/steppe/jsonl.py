"""JSON Lines, written one way everywhere (`--json` output, `steppe extract`, `export`).

One compact object per line, UTF-8 kept as is, dates in ISO format, dataclasses as
objects. Never through Rich, which would wrap long lines to the terminal and colour them.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, is_dataclass
from typing import IO, Any


def json_line(record: Any) -> str:
    """The record as one line of JSON, without the line end."""
    if is_dataclass(record) and not isinstance(record, type):
        record = asdict(record)
    return json.dumps(record, ensure_ascii=False, default=_plain)


def write_json_line(record: Any, stream: IO[str] | None = None) -> None:
    """Write the record and a line end to `stream` (stdout by default), flushed so that a
    reader at the other end of a pipe sees each record as soon as it is made."""
    stream = stream or sys.stdout
    stream.write(json_line(record) + "\n")
    stream.flush()


def _plain(value: Any) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
