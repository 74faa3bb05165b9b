"""framing.documents.parquet: one document per row, read by row groups (pyarrow)."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

from framing.documents import Document

from .documents_helpers import assert_error, only, read, units_of, write

ROWS = [
    {"id": f"p{i}", "text": f"Le ministre a salué l'accord numéro {i}.", "outlet": "Libération",
     "score": i / 2, "tags": ["a", "é"], "ok": i % 2 == 0}
    for i in range(30)
]  # fmt: skip


def write_parquet(path: Path, rows: list[dict], **options) -> Path:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows), path, **options)
    return path


def without_format(doc: Document) -> Document:
    meta = {k: v for k, v in doc.meta.items() if k not in ("format", "encoding")}
    return Document(doc.id, None, doc.text, meta, doc.error)


def test_parquet_files_give_the_documents_of_the_same_jsonl(tmp_path):
    for part, rows in enumerate((ROWS[:20], ROWS[20:])):
        write_parquet(tmp_path / "scores.parquet" / f"part-{part}.parquet", rows,
                      row_group_size=7)  # fmt: skip
        lines = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        write(tmp_path / "jsonl" / f"part-{part}.jsonl", lines)
    units = units_of(tmp_path / "scores.parquet")
    assert len(units) == 5  # row groups of 7, 7 and 6 rows, then 7 and 3
    docs = read(tmp_path / "scores.parquet")
    assert [without_format(doc) for doc in docs] == [
        without_format(doc) for doc in read(tmp_path / "jsonl")
    ]
    sha256 = hashlib.sha256(ROWS[0]["text"].encode()).hexdigest()
    assert docs[0].meta == {"outlet": "Libération", "score": "0.0", "tags": '["a","é"]',
                            "ok": "true", "format": "parquet", "row": "1",
                            "sha256": sha256}  # fmt: skip
    assert docs[-1].meta["row"] == "10" and docs[-1].path.endswith("part-1.parquet")


def test_a_big_row_group_is_read_in_several_units(tmp_path, monkeypatch):
    from framing.documents import parquet

    path = write_parquet(tmp_path / "un.parquet", ROWS)  # one row group
    monkeypatch.setattr(parquet, "PART_BYTES", 300)
    units = units_of(path)
    assert len(units) > 3 and {unit.row_group for unit in units} == {0}
    assert [doc.id for doc in read(path)] == [row["id"] for row in ROWS]


def test_parquet_errors_name_the_file_and_row(tmp_path):
    import datetime

    rows = [
        {"ident": "x1", "corps": "Bon texte.", "date": datetime.date(2024, 5, 13)},
        {"ident": "x2", "corps": None, "date": None},
        {"ident": None, "corps": "  ", "date": None},
    ]
    good = write_parquet(tmp_path / "a.parquet", rows, row_group_size=2)
    not_parquet = write(tmp_path / "b.parquet", "id,text\n1,pas du parquet\n")
    broken = write(tmp_path / "c.parquet", good.read_bytes()[:-30])
    no_text = write_parquet(tmp_path / "d.parquet", [{"id": "1", "body": "texte"}])
    number = write_parquet(tmp_path / "e.parquet", [{"id": "1", "text": 42}])
    docs = read(good, not_parquet, broken, no_text, number, text_column="corps", id_column="ident")
    assert docs[0].text == "Bon texte." and docs[0].meta["date"] == "2024-05-13"
    assert_error(docs[1], "empty", f"{good}, row 2", "'corps' field is null")
    assert docs[1].id == "x2"
    assert_error(docs[2], "empty", f"{good}, row 3", "empty")
    assert docs[2].id == "a:3"
    assert_error(docs[3], "unreadable", str(not_parquet), "not a readable Parquet file")
    assert_error(docs[4], "unreadable", str(broken), "not a readable Parquet file")
    assert_error(docs[5], "missing_column", str(no_text), "'corps'", "id, body")
    docs = read(number)
    assert_error(only(docs), "missing_column", f"{number}, row 1", "int, not a string")


def test_parquet_without_pyarrow_is_an_error_naming_the_file(tmp_path, monkeypatch):
    path = write(tmp_path / "a.parquet", b"PAR1")
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # as if it were not installed
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    assert_error(only(read(path)), "unreadable", str(path), "pip install pyarrow")


def test_a_value_that_is_not_utf8_is_read_per_row_as_a_csv_row_is(tmp_path):
    """Parquet whose text is bytes that are not UTF-8 in some rows: a `binary` text column, and
    a `string` column whose bytes pyarrow was made to take unchecked. One record per row; a row
    in Windows-1252 is read as such (meta encoding cp1252, like a CSV row), one that is not text
    at all is an `encoding` error naming its row; the other rows are read as they are."""
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    values = [b"Le caf\xc3\xa9 ouvre.", b"caf\xe9 cr\xe8me au lait.", b"\x81\x8d\x8f\x90 x",
              b"Tout va bien."]
    binary = pa.array(values, pa.binary())
    unchecked = binary.cast(pa.string(), safe=False)  # (no UTF-8 check on a cast)
    outlet = pa.array([b"Lib\xe9ration", b"Le Monde", b"x", b"Le Temps"]).cast(
        pa.string(), safe=False)
    ids = pa.array(["r1", "r2", "r3", "r4"])
    for kind, text in (("binary", binary), ("string", unchecked)):
        path = tmp_path / f"{kind}.parquet"
        pq.write_table(pa.table({"id": ids, "text": text, "outlet": outlet}), path)
        docs = read(path)
        assert [doc.id for doc in docs] == ["r1", "r2", "r3", "r4"], kind
        assert [doc.text for doc in docs] == [
            "Le café ouvre.", "café crème au lait.", "", "Tout va bien."], kind
        assert docs[0].meta["outlet"] == "Libération" and docs[0].meta["encoding"] == "cp1252"
        assert docs[1].meta["outlet"] == "Le Monde" and docs[1].meta["encoding"] == "cp1252"
        assert_error(docs[2], "encoding", f"{path}, row 3, column 'text'",
                     "neither UTF-8 nor Windows-1252",
                     "0x81")
        assert docs[3].error is None and "encoding" not in docs[3].meta
        assert docs[3].meta["outlet"] == "Le Temps"
