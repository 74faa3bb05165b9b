# Two commands for a fresh machine: `make report` and `make test`. Both create .venv when missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MODEL := models/default/model.pickle

.PHONY: report test install lint bench accuracy reuse-accuracy clean

report: $(STAMP) $(MODEL)
	$(BIN)/framing report seeds/ --sources seeds/004_f1608429cd902174.txt --title "Seeds: Microsoft's €4bn investment in France (May 2024)" --out reports/seeds

test: $(STAMP) $(MODEL)
	$(BIN)/python -m pytest -q -p no:cacheprovider

install: $(STAMP)

# Reinstall when the project's dependencies change.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The trained classifier: deterministic, about 4 s, rebuilt when the corpus or lexicons change.
$(MODEL): $(STAMP) framing/classifier.py framing/training.py $(wildcard framing/data/corpus/*.jsonl) $(wildcard lexicons/*.tsv)
	$(BIN)/framing train

accuracy: $(STAMP) $(MODEL)
	$(BIN)/python benchmarks/accuracy.py tests/data/checkset.jsonl

bench: $(STAMP)
	$(BIN)/python benchmarks/score_speed.py
	$(BIN)/python benchmarks/reuse_speed.py

reuse-accuracy: $(STAMP)
	$(BIN)/python benchmarks/reuse_accuracy.py tests/data/reuse/check

lint: $(STAMP)
	$(BIN)/python -m ruff check framing tests benchmarks

clean:
	rm -rf $(VENV) reports/seeds models
