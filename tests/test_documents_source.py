"""framing.documents.source: the size limits (a whole file, stdin, each row of a table) and
the messages that say a file is too large or empty."""

from __future__ import annotations

import io
import json

from framing.documents import DEFAULT_MAX_BYTES

from .documents_helpers import assert_error, only, read, write


def test_empty_file(tmp_path):
    path = write(tmp_path / "vide.txt", b"")
    doc = only(read(path))
    assert doc.id == "vide"
    assert_error(doc, "empty", str(path), "0 bytes")


def test_whitespace_only_file(tmp_path):
    path = write(tmp_path / "blanc.txt", " \n\t\r\n  \n")
    assert_error(only(read(path)), "empty", str(path), "only whitespace")


def test_too_large_file(tmp_path):
    path = write(tmp_path / "gros.txt", "x" * 100)
    assert_error(only(read(path, max_bytes=10)), "too_large", str(path), "100 bytes", "10 bytes")


def test_too_large_is_decided_by_size_without_reading_the_file(tmp_path):
    path = tmp_path / "sparse.txt"
    with open(path, "wb") as handle:  # a sparse file: huge size, nothing stored
        handle.truncate(DEFAULT_MAX_BYTES * 50)
    doc = only(read(path))
    assert_error(doc, "too_large", str(path), f"{DEFAULT_MAX_BYTES * 50:,}")


def test_size_limit_applies_to_each_row_of_a_table(tmp_path):
    rows = [{"id": "small", "text": "court"}, {"id": "big", "text": "x" * 60}]
    path = write(tmp_path / "corpus.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    small, big = read(path, max_bytes=50)  # the file (about 110 bytes) is over 50: rows count
    assert small.error is None and small.text == "court"
    assert_error(big, "too_large", "line 2", "60 bytes", "50 bytes")


def test_too_large_stdin():
    doc = only(read("-", stdin=io.BytesIO(b"y" * 50), max_bytes=20))
    assert_error(doc, "too_large", "stdin", "20 bytes")
    assert doc.path == "-"


def test_file_exactly_at_the_limit_is_read(tmp_path):
    path = write(tmp_path / "juste.txt", "x" * 10)
    assert only(read(path, max_bytes=10)).text == "x" * 10


def test_default_size_limit():
    assert DEFAULT_MAX_BYTES == 10_000_000
