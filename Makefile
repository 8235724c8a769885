# Two commands set everything up on a fresh machine with Python 3.11:
#   make demo   install into .venv, then ingest the sample corpus and print a summary
#   make test   install into .venv (with test extras), then run the test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test install bench eval brief-sample clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/steppe demo

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

eval: $(STAMP)
	bash .ci/eval.sh

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
