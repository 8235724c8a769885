# Two commands set everything up on a fresh machine with Python 3.11:
#   make demo   install into .venv, then ingest the sample corpus and print a summary
#   make test   install into .venv (with test extras), then run the test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test install bench eval clean

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

clean:
	rm -rf $(VENV) steppe-demo.db* .pytest_cache
