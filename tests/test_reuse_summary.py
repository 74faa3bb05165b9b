"""The per-article reuse record (framing.reuse.summary): its kind, shares and passages, on the
seeds, on identical texts and on the held-out reuse check set."""

from pathlib import Path

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.reuse import SourceIndex

from .conftest import SCHEMA

REUSE_SCHEMA = {**SCHEMA["properties"]["reuse"], "$defs": SCHEMA["$defs"]}


def test_other_seeds_are_not_reprints(seed_reuse):
    for seed in ("000", "002", "003"):
        assert seed_reuse[seed].kind != "verbatim", seed
    assert seed_reuse["004"].kind == "verbatim"
    assert seed_reuse["004"].identical_to == "004"


def test_passages_conform_and_point_at_real_text(seed_reuse, seed_texts):
    for seed, found in seed_reuse.items():
        jsonschema.validate(found.to_dict(), REUSE_SCHEMA)
        for p in found.passages:
            assert 0 <= p.article_start < p.article_end <= len(seed_texts[seed])
            assert 0 <= p.source_start < p.source_end <= len(seed_texts["004"])


@settings(max_examples=30, deadline=None)
@given(st.text(min_size=1, max_size=400).filter(str.strip))
def test_identical_texts_give_share_one(text):
    found = SourceIndex([("s", text)]).compare(text)
    assert found.article_share == 1.0 and found.identical_to == "s"


def test_held_out_reuse_check_set():
    """The labelled reuse check set (tests/data/reuse/check, never used for tuning): article
    kinds and reused shares; `python benchmarks/reuse_accuracy.py` prints the details."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from reuse_accuracy import evaluate

    result = evaluate(Path(__file__).parent / "data" / "reuse" / "check")
    assert result["articles"] >= 40
    # Measured: accuracy 0.955 (42 of 44), share error 0.033, translated recall 1.0 (8 of 8).
    assert result["accuracy"] >= 0.92
    assert result["share_mae"] <= 0.05
    assert result["per_kind"]["none"]["precision"] == 1.0  # shared facts are not reuse
    assert result["per_kind"]["translated"]["recall"] >= 0.87  # one of 8 missed: 0.875
