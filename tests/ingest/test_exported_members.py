"""The public names of steppe.ingest are exactly those in __all__."""

from __future__ import annotations

import steppe.ingest as ingest


def test_all_is_importable_and_complete():
    public = {name for name in vars(ingest) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(ingest, name)).__name__ == "module"}
    assert set(ingest.__all__) == public - modules
    for name in ["read_paths", "read_file", "Skipped", "normalize", "detect_language",
                 "detect_date", "decode_bytes"]:
        assert name in ingest.__all__
