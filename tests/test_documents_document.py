"""framing.documents.document: the error codes a document can carry, each naming its file."""

from __future__ import annotations

from framing.documents import ERROR_CODES

from .documents_helpers import PNG_BYTES, read, write


def test_every_error_code_is_known_and_messages_name_the_file(tmp_path):
    files = {
        "empty": write(tmp_path / "e.txt", b""),
        "binary": write(tmp_path / "b.txt", PNG_BYTES),
        "encoding": write(tmp_path / "c.txt", b"\x81\xe9\xe8"),
        "unreadable": tmp_path / "missing.txt",
        "missing_column": write(tmp_path / "m.csv", "a,b\n1,2\n"),
        "malformed_row": write(tmp_path / "r.jsonl", "{oops\n"),
    }
    docs = read(*files.values())
    assert [doc.error.code for doc in docs] == list(files)
    for doc, path in zip(docs, files.values()):
        assert doc.error.code in ERROR_CODES
        assert str(path) in doc.error.message


def test_error_codes():
    assert len(set(ERROR_CODES)) == 9
