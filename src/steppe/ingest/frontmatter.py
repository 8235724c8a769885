"""Read a YAML front-matter block ("---" ... "---") at the top of a text file."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

_BLOCK = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)


@dataclass(frozen=True)
class FrontMatter:
    """The parsed fields and the offset where the body starts (0 when there is no block)."""

    fields: dict[str, Any] = field(default_factory=dict)
    end: int = 0
    error: str | None = None


def split_front_matter(text: str) -> FrontMatter:
    """Return the front matter of `text`; the text itself is left as it is."""
    match = _BLOCK.match(text)
    if not match:
        return FrontMatter()
    try:
        if _has_aliases(match.group(1)):
            # Metadata never needs them, and nested aliases expand exponentially
            # ("billion laughs") once the fields are copied into the document's meta.
            return FrontMatter(error="invalid front matter: YAML aliases")
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        # A "---" rule that opens a plain text is not front matter: keep the body whole.
        return FrontMatter(error=f"invalid front matter: {exc.__class__.__name__}")
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return FrontMatter(error="front matter is not a mapping")
    return FrontMatter({str(k): _plain(v) for k, v in data.items()}, match.end())


def _has_aliases(block: str) -> bool:
    return any(isinstance(token, yaml.AliasToken) for token in yaml.scan(block))


def _plain(value: Any) -> Any:
    """Return `value` with YAML dates turned into ISO strings, so meta stays JSON."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value
