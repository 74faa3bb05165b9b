"""The reader under hostile input (issue 14, reader side): real bad files, real FIFOs, real
non-UTF-8 file names. Each input gives one record, a named error where it cannot be read, and
the good documents exactly as written."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import framing

from .documents_helpers import read, write

NO_MODEL = ("--no-model",)


def framing_command(*args: object, cwd: object = None) -> subprocess.CompletedProcess:
    """`framing ARGS...` in a real process: its stdout is bytes, as a pipe receives them."""
    command = [sys.executable, "-c", "from framing.cli import main; main()",
               *(os.fsencode(arg) if isinstance(arg, os.PathLike) else str(arg) for arg in args)]
    return subprocess.run(command, check=False, capture_output=True, timeout=300, cwd=cwd)


def json_records(stdout: bytes) -> list[dict]:
    # .decode("utf-8") is strict: output that is not UTF-8 fails here.
    return [json.loads(line) for line in stdout.decode("utf-8").splitlines() if line.strip()]


# --- lone surrogates ----------------------------------------------------------------------

SURROGATE_JSONL = (
    '{"id": "a", "text": "Le projet est colossal."}\n'
    '{"id": "b\\ud83d", "text": "Une annonce innovante."}\n'
    '{"id": "c", "text": "Un texte \\ud83d coup\\u00e9.", "outlet": "x\\udc00"}\n'
)


def test_lone_surrogates_in_jsonl_are_replaced_and_said(tmp_path):
    path = write(tmp_path / "flux.jsonl", SURROGATE_JSONL)
    docs = read(path)
    assert [doc.id for doc in docs] == ["a", "b\ufffd", "c"]
    assert [doc.text for doc in docs] == ["Le projet est colossal.", "Une annonce innovante.",
                                          "Un texte \ufffd coupé."]
    assert docs[2].meta["outlet"] == "x\ufffd"
    assert "changed_on_reading" not in docs[0].meta
    assert "1 lone surrogate" in docs[1].meta["changed_on_reading"]
    assert "2 lone surrogate" in docs[2].meta["changed_on_reading"]
    for doc in docs:
        json.dumps(doc.meta, ensure_ascii=False).encode("utf-8")


def test_lone_surrogates_go_through_every_command(tmp_path):
    path = write(tmp_path / "flux.jsonl", SURROGATE_JSONL)
    scored = framing_command("score", "--json", "--out", tmp_path / "out", *NO_MODEL, path)
    assert scored.returncode == 0, scored.stderr
    assert [r["id"] for r in json_records(scored.stdout)] == ["a", "b\ufffd", "c"]
    lines = (tmp_path / "out" / "scores.jsonl").read_text("utf-8").splitlines()
    assert len(lines) == 3
    report = framing_command("report", "--quiet", "--no-charts", "--out", tmp_path / "rep",
                             *NO_MODEL, path)
    assert report.returncode == 0, report.stderr
    assert len((tmp_path / "rep" / "scores.jsonl").read_text("utf-8").splitlines()) == 3


def test_score_text_survives_lone_surrogates():
    record = framing.score_text("Un projet \ud83d colossal et innovant.", id="x\udc80")
    assert record.id == "x\ufffd"
    assert "1 lone surrogate" in record.meta["changed_on_reading"]
    assert [span.text for span in record.framing.evidence][:1] == ["colossal"]
    json.dumps(record.to_dict(), ensure_ascii=False).encode("utf-8")


# --- file names that are not UTF-8 ---------------------------------------------------------


def bad_name_corpus(tmp_path) -> str:
    """A folder holding a file whose name is cp1252 bytes (b"caf\\xe9.txt"), and a plain one."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as handle:
        handle.write("Le café est innovant.".encode())
    write(folder / "the.txt", "Le thé est colossal.")
    return str(folder)


def test_a_file_name_that_is_not_utf8_is_read_with_a_printable_id_and_path(tmp_path):
    folder = bad_name_corpus(tmp_path)
    docs = read(folder)
    assert [doc.id for doc in docs] == ["caf\\xe9", "the"]
    assert docs[0].path == os.path.join(folder, "caf\\xe9.txt")
    assert [doc.text for doc in docs] == ["Le café est innovant.", "Le thé est colossal."]
    # Named directly, as a shell passes it.
    named = read(os.path.join(folder, os.fsdecode(b"caf\xe9.txt")))
    assert [(doc.id, doc.text) for doc in named] == [("caf\\xe9", "Le café est innovant.")]


def test_a_file_name_that_is_not_utf8_goes_through_every_command(tmp_path):
    folder = bad_name_corpus(tmp_path)
    scored = framing_command("score", "--json", "--out", tmp_path / "out", *NO_MODEL, folder)
    assert scored.returncode == 0, scored.stderr
    assert [r["id"] for r in json_records(scored.stdout)] == ["caf\\xe9", "the"]
    assert len((tmp_path / "out" / "scores.jsonl").read_text("utf-8").splitlines()) == 2
    report = framing_command("report", "--quiet", "--no-charts", "--out", tmp_path / "rep",
                             *NO_MODEL, folder)
    assert report.returncode == 0, report.stderr
    assert len((tmp_path / "rep" / "scores.jsonl").read_text("utf-8").splitlines()) == 2
