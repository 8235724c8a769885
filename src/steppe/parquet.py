"""Documents and their facts as a Parquet dataset: a folder of part files.

    write_dataset(pairs, "out/")          # (Document, Facts) pairs, streamed in parts
    for doc, facts in read_dataset("out/"):
        ...

One row per document: its id and content hash (to deduplicate without parsing), and
the document and its facts as JSON: every field of the records, including what the
ANNOTATION.md format leaves out (mentions, actor ids, confidences), so that importing
the dataset gives exactly the store a direct ingestion would have. A large
extraction run writes here instead of into a database; `steppe load-parquet` imports
the folder later, in any number of passes, into SQLite or PostgreSQL.
"""

from __future__ import annotations

import json
import os
import types
from collections.abc import Iterable, Iterator
from dataclasses import asdict, fields, is_dataclass
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

from steppe.facts import Document, Facts

ROWS_PER_FILE = 2000


def write_dataset(pairs: Iterable[tuple[Document, Facts]], folder: str | os.PathLike[str], *,
                  rows_per_file: int = ROWS_PER_FILE) -> Iterator[Document]:
    """Write `pairs` to part files in `folder`; yield each document once it is buffered.

    Part files are numbered after those already in the folder, so a second run adds
    to the dataset instead of overwriting it.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    number = len(list(out.glob("part-*.parquet")))
    rows: list[dict[str, str]] = []

    def flush() -> None:
        nonlocal number, rows
        if rows:
            # Written under a temporary name and renamed: a reader never sees half a file.
            tmp = out / f".part-{number:05d}.parquet.tmp"
            pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMA()), tmp)
            tmp.rename(out / f"part-{number:05d}.parquet")
            number, rows = number + 1, []

    for doc, facts in pairs:
        rows.append({"id": doc.id, "content_hash": doc.content_hash,
                     "document": json.dumps(asdict(doc), ensure_ascii=False),
                     "facts": json.dumps(asdict(facts), ensure_ascii=False)})
        yield doc
        if len(rows) >= rows_per_file:
            flush()
    flush()


def read_dataset(folder: str | os.PathLike[str]) -> Iterator[tuple[Document, Facts]]:
    """(document, facts) for each row of the part files in `folder`, in file order."""
    import pyarrow.parquet as pq

    for path in sorted(Path(folder).glob("part-*.parquet")):
        with pq.ParquetFile(path) as part:
            for batch in part.iter_batches(batch_size=256, columns=["document", "facts"]):
                for doc, facts in zip(batch.column("document").to_pylist(),
                                      batch.column("facts").to_pylist()):
                    yield _rebuild(Document, json.loads(doc)), _rebuild(Facts, json.loads(facts))


def _rebuild(kind: Any, value: Any) -> Any:
    """The record of type `kind` (a facts dataclass, a list or tuple of them...) from JSON."""
    if value is None:
        return None
    origin = get_origin(kind)
    if is_dataclass(kind):
        hints = get_type_hints(kind)
        return kind(**{f.name: _rebuild(hints[f.name], value[f.name])
                       for f in fields(kind) if f.name in value})
    if origin is list:
        return [_rebuild(get_args(kind)[0], v) for v in value]
    if origin is tuple:
        return tuple(_rebuild(k, v) for k, v in zip(get_args(kind), value))
    if origin in (Union, types.UnionType):
        options = [k for k in get_args(kind) if k is not type(None)]
        return _rebuild(options[0], value) if len(options) == 1 else value
    return value


def SCHEMA():  # noqa: N802 - a constant built lazily, so importing this needs no pyarrow
    import pyarrow as pa

    return pa.schema([("id", pa.string()), ("content_hash", pa.string()),
                      ("document", pa.string()), ("facts", pa.string())])
