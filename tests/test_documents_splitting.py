"""framing.documents.splitting: a big CSV or JSONL file read in byte ranges, to the documents
of reading it whole."""

from __future__ import annotations

import json

import pytest

from framing.documents import Document, plan_inputs, read_unit, splitting

from .conftest import SEEDS
from .documents_helpers import assert_error, only, read, units_of, write


def seed_paragraphs() -> list[str]:
    paragraphs = []
    for path in sorted(SEEDS.glob("*.txt")):
        paragraphs += [p for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
    return paragraphs


def read_whole(monkeypatch, *inputs: object, **options: object) -> list[Document]:
    with monkeypatch.context() as patch:
        patch.setattr(splitting, "PART_BYTES", 10**12)
        return read(*inputs, **options)


def test_a_big_jsonl_file_is_read_in_ranges_to_the_documents_of_reading_it_whole(
    tmp_path, monkeypatch
):
    paragraphs = seed_paragraphs()
    lines = [json.dumps({"id": f"a{i}", "outlet": "Le Monde", "text": paragraphs[i % 40]})
             for i in range(6000)]  # fmt: skip
    lines[3000] = "not json"
    lines[4000] = ""  # a blank line is not a row
    lines[5000] = json.dumps({"id": "big", "text": "mot " * 10_000})  # over max_bytes
    lines[5999] = json.dumps({"id": "a7", "text": "Même id qu'une ligne de la première partie."})
    path = write(tmp_path / "flux.jsonl", "\n".join(lines) + "\n")
    assert 1_500_000 < path.stat().st_size < 3_000_000  # the file limit is 100 x max_bytes

    units = units_of(path, max_bytes=30_000)
    assert len(units) == 2 and units[0].end - units[0].start >= splitting.PART_BYTES
    docs = read(path, max_bytes=30_000)
    assert docs == read_whole(monkeypatch, path, max_bytes=30_000)
    assert_error(docs[3000], "malformed_row", f"{path}, line 3001", "not valid JSON")
    assert docs[4000].meta["row"] == "4002"  # line numbers count the blank line
    assert_error(docs[4999], "too_large", "line 5001", "40,000 bytes")
    assert_error(docs[-1], "duplicate_id", f"{path} line 6000", f"{path} line 8")


CSV_ROW_TEXT = 'Il a dit\u00a0: « non ; jamais ».\nDeuxième ligne, "citée".\n\nFin.'


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
def test_a_big_csv_with_line_breaks_in_quoted_fields_is_cut_between_records(
    tmp_path, monkeypatch, encoding
):
    # A French Excel export: ";", CRLF, quoted fields holding line breaks and doubled quotes.
    rows = ["id;titre;text"]
    for i in range(300):
        text = CSV_ROW_TEXT.replace("\n", "\r\n") + f" {i}"
        rows.append(f'r{i};Réforme {i};"{text.replace(chr(34), 2 * chr(34))}"')
    rows[150] = 'r149;"mal"fermé;texte'  # cannot be parsed
    rows[200] = "r199;deux champs"
    path = write(tmp_path / "export.csv", "\r\n".join(rows) + "\r\n", encoding=encoding)
    monkeypatch.setattr(splitting, "PART_BYTES", 2_000)

    units = units_of(path)
    assert len(units) > 10
    assert all(unit.header == ("id", "titre", "text") for unit in units[1:])
    docs = read(path)
    assert docs == read_whole(monkeypatch, path)
    assert len(docs) == 300 and docs[0].meta["encoding"] == encoding
    assert docs[299].text == CSV_ROW_TEXT + " 299"
    # Rows take 4 lines after the header; row 150 takes one.
    assert_error(docs[149], "malformed_row", f"{path}, row 150 (line 598)", "cannot be parsed")
    assert_error(docs[199], "malformed_row", "row 200 (line 795)", "2 fields")


@pytest.mark.parametrize(
    ("content", "encodings", "first_text"),
    [
        # UTF-8 until one cp1252 byte in the last line: that line alone is cp1252, the others
        # stay UTF-8, in every range.
        ([f'{{"text": "Élu {i}"}}' for i in range(200)] + ['{"text": "caf\xe9"}'],
         {"utf-8", "cp1252"}, "Élu 0"),
        # Mojibake (UTF-8 read as cp1252 and saved as UTF-8) everywhere: repaired in every range.
        ([f'{{"text": "Ã©tÃ© {i}"}}' for i in range(200)], {"utf-8 (repaired mojibake)"},
         "été 0"),
        # A byte-order mark starts only the first range.
        (["\ufeff" + '{"text": "a"}'] + [f'{{"text": "b{i}"}}' for i in range(200)],
         {"utf-8-sig"}, "a"),
    ],
)  # fmt: skip
def test_the_encoding_of_every_range_is_decided_on_the_whole_file(
    tmp_path, monkeypatch, content, encodings, first_text
):
    data = "\n".join(content).encode("utf-8")
    if "cp1252" in encodings:
        data = data.replace("caf\xe9".encode(), b"caf\xe9")
    path = write(tmp_path / "flux.jsonl", data)
    monkeypatch.setattr(splitting, "PART_BYTES", 500)
    assert len(units_of(path)) > 3
    docs = read(path)
    assert docs == read_whole(monkeypatch, path)
    assert {doc.meta["encoding"] for doc in docs} == encodings
    assert docs[0].text == first_text
    if "cp1252" in encodings:
        assert docs[-1].text == "café"


def test_a_file_that_is_one_error_is_not_cut(tmp_path, monkeypatch):
    monkeypatch.setattr(splitting, "PART_BYTES", 100)
    no_text = write(tmp_path / "sans.csv", "id;corps\n" + "1;Texte\n" * 100)
    binary = write(tmp_path / "nul.jsonl", '{"text": "a"}\n' * 100 + "\x00" * 400 + "\n")
    assert len(units_of(no_text, binary)) == 2
    docs = read(no_text, binary)
    assert_error(docs[0], "missing_column", str(no_text), "'text'")
    assert_error(docs[1], "binary", str(binary), "NUL")


def test_a_file_changed_after_planning_gives_an_error_not_wrong_rows(tmp_path, monkeypatch):
    monkeypatch.setattr(splitting, "PART_BYTES", 100)
    path = write(tmp_path / "flux.jsonl", '{"text": "a"}\n' * 100)
    options, units = plan_inputs([str(path)])
    write(path, '{"text": "b"}\n' * 101)
    doc = only(list(read_unit(units[1], options)))
    assert_error(doc, "unreadable", str(path), "changed", "run again")
