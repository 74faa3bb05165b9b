# Two commands for a fresh machine: `make report` and `make test`. Both create .venv when missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The trained model ships in the package (framing/data/model/); `make model` refits it from the
# written corpus and the real articles (their texts must be in real-texts/: README.md says how).
MODEL_DIR := framing/data/model

.PHONY: report test install lint bench accuracy reuse-accuracy clean model

report: $(STAMP)
	$(BIN)/framing report seeds/ --sources seeds/004_f1608429cd902174.txt --title "Seeds: Microsoft's €4bn investment in France (May 2024)" --out reports/seeds

test: $(STAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider

install: $(STAMP)

# Reinstall when the project's dependencies change.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

model: $(STAMP)
	$(BIN)/framing train --out $(MODEL_DIR)

# The written check set and the real one (whatever part of its texts is on this machine).
accuracy: $(STAMP)
	$(BIN)/python benchmarks/accuracy.py tests/data/checkset.jsonl tests/data/real_checkset.jsonl

bench: $(STAMP)
	$(BIN)/python benchmarks/score_speed.py
	$(BIN)/python benchmarks/reuse_speed.py

reuse-accuracy: $(STAMP)
	$(BIN)/python benchmarks/reuse_accuracy.py tests/data/reuse/check

lint: $(STAMP)
	$(BIN)/python -m ruff check framing tests benchmarks

clean:
	rm -rf $(VENV) reports/seeds models
