"""Walk files and folders, check each file, and hand it to the reader for its format."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from steppe.errors import InputError
from steppe.ingest.dating import DatePatterns
from steppe.ingest.readers import SourceFile, reader_for
from steppe.ingest.results import Result, Skipped
from steppe.words import Grammar

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
# A folder's own documentation ("README.md", "LICENSE") is no article: skipped when a folder
# is walked, read when named directly.
FOLDER_NOTES = frozenset({"readme", "license", "licence", "changelog", "contributing", "notice", "copying"})
PathLike = str | os.PathLike[str]


def read_paths(
    paths: PathLike | Iterable[PathLike],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    recursive: bool = True,
) -> Iterator[Result]:
    """Yield a Document per readable text and a Skipped per file or record that is not.

    Folders are walked in sorted order, hidden entries and the folder's own documentation
    (README, LICENSE ...: FOLDER_NOTES) left out; a file named directly is always read.
    Ids of files found in a folder are their paths from the folder's parent without
    extension ("corpus/01-visit"); a file named directly gets its stem.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    dates = DatePatterns(Grammar())
    for given in paths:
        path = Path(given)
        if not path.exists():
            yield Skipped(str(path), "no such file or folder")
        elif path.is_dir():
            for found in _walk(path, recursive=recursive):
                if isinstance(found, Skipped):
                    yield found
                    continue
                doc_id = found.relative_to(path.parent).with_suffix("").as_posix()
                yield from read_file(found, doc_id=doc_id, max_bytes=max_bytes, dates=dates)
        else:
            yield from read_file(path, max_bytes=max_bytes, dates=dates)


def read_file(
    path: PathLike,
    *,
    doc_id: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    dates: DatePatterns | None = None,
) -> Iterator[Result]:
    """Yield the Documents in one file, or a Skipped saying why there are none."""
    path = Path(path)
    source = SourceFile(path, str(path), doc_id or path.stem or path.name,
                        dates if dates is not None else DatePatterns(Grammar()))
    reader = reader_for(path.suffix)
    if reader is None:
        yield Skipped(source.shown, "unsupported file type")
        return
    try:
        data = _load(path, max_bytes)
        if not data.strip():
            raise InputError(source.shown, "empty file")
        yield from reader(data, source)
    except InputError as exc:
        yield Skipped.from_error(exc)
    except Exception as exc:  # a reader's library failing on hostile input never stops a batch
        yield Skipped(source.shown, f"unreadable: {type(exc).__name__}: {str(exc)[:200]}")


def _walk(folder: Path, *, recursive: bool, seen: set | None = None) -> Iterator[Path | Skipped]:
    """Yield the non-hidden files under `folder`, sorted by name at every level.
    A folder reached again through a symbolic link (a loop, or a second way in) is
    reported once and not walked again."""
    seen = set() if seen is None else seen
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
        stat = folder.stat()
    except OSError as exc:
        yield Skipped(str(folder), f"unreadable folder: {exc.strerror or exc}")
        return
    seen.add((stat.st_dev, stat.st_ino))
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_file() and entry.stem.lower() in FOLDER_NOTES:
            continue    # the folder's own documentation, left out like hidden entries
        if entry.is_dir():
            if not recursive:
                continue
            try:
                target = entry.stat()
            except OSError as exc:
                yield Skipped(str(entry), f"unreadable folder: {exc.strerror or exc}")
                continue
            if (target.st_dev, target.st_ino) in seen:
                yield Skipped(str(entry), "symbolic link to a folder already walked (a loop?)")
                continue
            yield from _walk(entry, recursive=True, seen=seen)
        else:
            yield entry


def _load(path: Path, max_bytes: int) -> bytes:
    """Return the file's bytes; raise InputError when missing, unreadable or too large."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(path, f"file too large: {size} bytes, limit {max_bytes}")
        with path.open("rb") as handle:
            # Read one byte past the limit: a file can grow between stat() and read().
            data = handle.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise InputError(path, "no such file") from exc
    except PermissionError as exc:
        raise InputError(path, "unreadable: permission denied") from exc
    except OSError as exc:
        raise InputError(path, f"unreadable: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise InputError(path, f"file too large: over {max_bytes} bytes")
    return data
