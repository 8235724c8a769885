"""The store depends on steppe.facts only: no spaCy, no pipeline (STYLE.md, layout)."""

from __future__ import annotations

import subprocess
import sys


def test_store_does_not_import_spacy_or_pipeline():
    code = (
        "import sys, steppe.store\n"
        "bad = sorted(m for m in sys.modules\n"
        "             if m.split('.')[0] == 'spacy' or m.startswith('steppe.pipeline'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == ""
