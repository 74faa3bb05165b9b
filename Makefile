# Two commands for a fresh machine: `make report` and `make test`. Both create .venv when missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The trained model ships in the package (framing/data/model/); `make model` refits it from the
# written corpus and the real articles (their texts must be in real-texts/: README.md says how).
MODEL_DIR := framing/data/model

.PHONY: report test install lint bench accuracy reuse-accuracy clean model

# The demo study: the four articles (seeds 000-003) against the press release they cover (004).
RELEASE := $(wildcard seeds/004_*.txt)
ARTICLES := $(filter-out $(RELEASE),$(wildcard seeds/[0-9]*.txt))

report: $(STAMP)
	$(BIN)/framing report $(ARTICLES) --sources $(RELEASE) --title "Seeds: Microsoft's €4bn investment in France (May 2024)" --out reports/seeds

# -rs: the summary says why each skipped test was skipped (no Chromium, no real texts, ...).
test: $(STAMP)
	$(BIN)/python -m pytest -q -rs -p no:cacheprovider

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
