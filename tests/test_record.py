"""The one result type (framing.record): its JSON form keeps the contract
(shared/contract/score.schema.json, copied to tests/data), its flat row has the same columns
for every article, and a record read back from JSON (Record.from_dict: records.jsonl,
`framing score --json`) is the record that was written."""

import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from framing.charts import load_rows
from framing.record import Record

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


def test_every_seed_record_reads_back_as_itself(seed_records, seed_index, seed_texts):
    for number, record in seed_records.items():
        record = replace(record, reuse=seed_index.compare(seed_texts[number], record.id))
        written = json.loads(json.dumps(record.to_dict(), ensure_ascii=False))
        back = Record.from_dict(written)
        assert back.to_dict() == written, number
        assert back.to_row() == record.to_row(), number


def test_a_record_read_without_its_sentences_leaves_their_counts_empty(seed_records):
    record = seed_records["001"]  # 001 has sentences of every kind: its counts are not zero
    assert record.to_row()["sentences_critical"] > 0
    row = Record.from_dict(record.to_dict(sentences=False)).to_row()
    assert row["sentences_promotional"] is None and row["sentences_critical"] is None
    assert row["sentence_labels"] is None
    assert row["label"] == record.framing.label  # the rest is read as written


def test_an_error_record_reads_back_with_its_error():
    written = {"id": "a", "path": "a.txt", "title": None,
               "error": {"code": "empty", "message": "a.txt: the file is empty"}}
    back = Record.from_dict(written)
    assert not back.ok and back.error.code == "empty" and back.to_dict() == written


def test_a_line_that_is_not_a_record_is_named_by_file_and_line(tmp_path):
    path = tmp_path / "scores.jsonl"
    path.write_text('{"id": "a", "label": "neutral"}\n\n{"id": "b", "framing": {}}\n',
                    encoding="utf-8")
    with pytest.raises(ValueError, match=r"scores\.jsonl:3: a record of framing without its "
                                         r"'label' field"):
        load_rows(path)
    path.write_text('{"id": "a"}\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"scores\.jsonl:2: not a row or record of framing"):
        load_rows(path)
