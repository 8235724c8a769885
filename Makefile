# Two commands set everything up on a fresh machine with Python 3.11:
#   make demo   install into .venv, then ingest the sample corpus and print a summary
#   make test   install into .venv (with test extras), then run the test suite
# Installs take the versions pinned in requirements.lock (what CI tested); `make lock`
# regenerates that file from pyproject.toml's ranges, every extra included.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

LOCK   := requirements.lock

.PHONY: demo test install lock bench eval copycheck brief-sample clean

$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c $(LOCK) -e ".[test]"
	touch $(STAMP)

# After changing dependencies in pyproject.toml: `make lock`, then commit requirements.lock.
# Pins already in the file are kept; `make lock LOCKFLAGS=--upgrade` moves all to the latest.
LOCKFLAGS ?=
lock:
	test -x $(BIN)/pip || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet "pip-tools>=7.4,<8"
	$(BIN)/pip-compile --quiet --all-extras --strip-extras --no-emit-index-url \
		--no-emit-find-links $(LOCKFLAGS) --output-file $(LOCK) pyproject.toml

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/steppe demo

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

eval: $(STAMP)
	bash .ci/eval.sh

# Runs of 7 words shared with the development documents in ../shared (copied text): none allowed.
copycheck:
	$(PYTHON) eval/copycheck.py

# The sample brief in docs/briefs/: the packaged corpus ingested into a scratch store,
# then `steppe brief` (re-run after the extraction changes; never edit the output).
BRIEF_DB := /tmp/steppe-brief-sample.db
brief-sample: $(STAMP)
	rm -f $(BRIEF_DB)
	$(BIN)/steppe demo --db sqlite:///$(BRIEF_DB) > /dev/null
	$(BIN)/steppe brief KAZ UZB --db sqlite:///$(BRIEF_DB) -o docs/briefs/KAZ-UZB.md
	$(BIN)/steppe brief KAZ UZB --db sqlite:///$(BRIEF_DB) -o docs/briefs/KAZ-UZB.html
	rm -f $(BRIEF_DB)

clean:
	rm -rf $(VENV) steppe-demo.db* .pytest_cache
