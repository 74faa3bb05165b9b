# Two commands for a fresh machine: `make report` and `make test`. Both create .venv when missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The trained model ships in the package (framing/data/model/); `make model` refits it from the
# written corpus and the real articles (their texts must be in real-texts/: README.md says how).
MODEL_DIR := framing/data/model

.PHONY: report test install lint bench accuracy reuse-accuracy clean model mutation planted

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

# ruff, then the type check (settings and the short ignore list: pyproject.toml, [tool.mypy]).
lint: $(STAMP)
	$(BIN)/python -m ruff check framing tests benchmarks
	$(BIN)/python -m mypy framing

# Mutation testing of the core rules' functions (mutmut; not part of `make test`: it runs the
# rule tests once per mutant, about 20 minutes on 2 cores). Prints each survivor and the kill
# rate; benchmarks/mutation.py lists the functions mutated, README.md the survivors explained.
mutation: $(STAMP)
	nice -n 10 $(BIN)/python benchmarks/mutation.py

# Issue 21's planted bugs, one at a time in a copy of the tree: each must fail its rule's tests.
planted: $(STAMP)
	nice -n 10 $(BIN)/python benchmarks/planted_bugs.py

clean:
	rm -rf $(VENV) reports/seeds models mutants
