"""The one result type (framing.record): its JSON form keeps the contract
(shared/contract/score.schema.json, copied to tests/data), and its flat row has the same columns
for every article."""

import json
from pathlib import Path

import jsonschema
import pytest

from .conftest import SCHEMA

# The contract lives in shared/ beside the checkout; a copy is kept so the tests run anywhere.
SHARED_SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "contract" / "score.schema.json"


def test_records_conform_to_the_contract(seed_records):
    for record in seed_records.values():
        jsonschema.validate(record.to_dict(), SCHEMA)
        jsonschema.validate(record.to_dict(sentences=False), SCHEMA)


def test_local_schema_copy_matches_the_shared_contract():
    if not SHARED_SCHEMA.exists():
        pytest.skip("shared/contract is not beside this checkout")
    assert SCHEMA == json.loads(SHARED_SCHEMA.read_text(encoding="utf-8"))


def test_to_row_is_flat_and_the_same_shape_for_all(seed_records):
    rows = [r.to_row() for r in seed_records.values()]
    assert all(set(row) == set(rows[0]) for row in rows)
    for row in rows:
        assert all(v is None or isinstance(v, (str, int, float, bool)) for v in row.values())
        assert row["label"] in ("promotional", "neutral", "critical")
