"""Shared fixtures for the whole test suite."""

from __future__ import annotations

from pathlib import Path

import pytest

# Invented states and people (see its header); tests/data/corpus has articles about them.
FICTION_KB = Path(__file__).parent / "data" / "kb.yaml"


@pytest.fixture(scope="session")
def extractor():
    """The full pipeline (spaCy model, knowledge base, trigger lexicon), loaded once per session."""
    from steppe.pipeline.extract import Extractor

    return Extractor.load()


@pytest.fixture(scope="session")
def fiction():
    """The pipeline with the fictional knowledge base layered over the packaged one."""
    import steppe

    return steppe.load(steppe.Settings(kb_paths=(FICTION_KB,)))


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory):
    """A folder where `steppe demo` has run (it leaves steppe-demo.db there), and its output."""
    from typer.testing import CliRunner

    from steppe.cli.app import app

    folder = tmp_path_factory.mktemp("demo")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(folder)
        mp.delenv("STEPPE_DB", raising=False)
        result = CliRunner().invoke(app, ["demo"])
    assert result.exit_code == 0, result.output
    return folder, result.stdout
