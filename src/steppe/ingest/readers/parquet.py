"""Read Parquet files of documents: one Document per row with `id` and `text` columns."""

from __future__ import annotations

from collections.abc import Iterator

from steppe.errors import InputError
from steppe.ingest.readers.common import SourceFile
from steppe.ingest.readers.records import record_to_document
from steppe.ingest.results import Result

BATCH_ROWS = 256


def read(data: bytes, source: SourceFile) -> Iterator[Result]:
    """Yield a Document per row (other columns as in JSONL: title, date, source, url, meta),
    a Skipped per row without id or text; rows are counted from 1 as "lines"."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(pa.BufferReader(data))
    except (pa.ArrowInvalid, OSError) as exc:
        raise InputError(source.shown, f"invalid Parquet: {exc}") from exc
    if "text" not in table.schema_arrow.names:
        raise InputError(source.shown, "Parquet without a 'text' column")
    row = 0
    for batch in table.iter_batches(batch_size=BATCH_ROWS):
        for record in batch.to_pylist():
            row += 1
            yield record_to_document(record, source, line=row)
