"""Ingestion: files and folders in, Documents (or Skipped records saying why not) out."""

from steppe.ingest.dating import DateGuess, detect_date, detect_title
from steppe.ingest.encoding import decode_bytes
from steppe.ingest.language import detect_language
from steppe.ingest.normalize import Normalized, content_hash, normalize
from steppe.ingest.results import Result, Skipped
from steppe.ingest.walk import read_file, read_paths

__all__ = [
    "DateGuess",
    "Normalized",
    "Result",
    "Skipped",
    "content_hash",
    "decode_bytes",
    "detect_date",
    "detect_language",
    "detect_title",
    "normalize",
    "read_file",
    "read_paths",
]
