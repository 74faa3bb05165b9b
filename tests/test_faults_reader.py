"""The reader under hostile input (issue 14, reader side): real bad files, real FIFOs, real
non-UTF-8 file names. Each input gives one record, a named error where it cannot be read, and
the good documents exactly as written."""

from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import framing

from .conftest import seed_path
from .documents_helpers import assert_error, read, write

NO_MODEL = ("--no-model",)


def framing_command(*args: object, memory: int | None = None,
                    timeout: int = 300) -> subprocess.CompletedProcess:
    """`framing ARGS...` in a real process: its stdout is bytes, as a pipe receives them. With
    `memory`, the process may map that many bytes at most (a runaway read fails, fast); one that
    runs over `timeout` seconds (a read that blocks) is killed and fails the test."""
    command = [sys.executable, "-c", "from framing.cli import main; main()",
               *(os.fsencode(arg) if isinstance(arg, os.PathLike) else str(arg) for arg in args)]

    def limit() -> None:
        if memory is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return subprocess.run(command, check=False, capture_output=True, timeout=timeout,
                          preexec_fn=limit)


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


# --- decoding row by row, line by line ----------------------------------------------------

ROW_TEXT = "Le député a été élu à l’unanimité ; « c’est historique », dit-il. " * 8


def big_csv(rows: dict[int, bytes]) -> bytes:
    """A 2,000-row CSV (about 1.2 MB, so read in ranges) in UTF-8, but for the rows given."""
    lines = [b"id,text\n"]
    for number in range(1, 2001):
        text = f"{ROW_TEXT}{number}".encode()
        lines.append(b"r%d,\"%s\"\n" % (number, rows.get(number, text)))
    return b"".join(lines)


def read_both_ways(path, monkeypatch) -> list:
    """The documents of `path` read in ranges, after checking reading it whole gives the same."""
    from framing.documents import splitting

    docs = read(path)
    with monkeypatch.context() as patched:
        patched.setattr(splitting, "PART_BYTES", 10**9)
        assert read(path) == docs
    return docs


def test_a_csv_mixing_utf8_and_cp1252_rows_reads_every_row_right(tmp_path, monkeypatch):
    cp1252_rows = {n: f"{ROW_TEXT}{n}".encode("cp1252") for n in (7, 1500, 2000)}
    path = write(tmp_path / "mixte.csv", big_csv(cp1252_rows))
    assert path.stat().st_size > 1_000_000
    docs = read_both_ways(path, monkeypatch)
    assert len(docs) == 2000
    assert [doc.text for doc in docs] == [f"{ROW_TEXT}{n}" for n in range(1, 2001)]
    encodings = {doc.id: doc.meta["encoding"] for doc in docs}
    assert [key for key, value in encodings.items() if value == "cp1252"] == ["r7", "r1500",
                                                                              "r2000"]
    assert set(encodings.values()) == {"utf-8", "cp1252"}


def test_one_nul_or_undecodable_row_is_one_error_and_the_rest_is_read(tmp_path, monkeypatch):
    bad = {10: b"du texte\x00binaire", 1999: b"octets \x81\x8d inconnus"}
    path = write(tmp_path / "abime.csv", big_csv(bad))
    docs = read_both_ways(path, monkeypatch)
    assert len(docs) == 2000
    assert_error(docs[9], "binary", str(path), "row 10 (line 11)", "NUL")
    assert_error(docs[1998], "encoding", str(path), "row 1999 (line 2000)", "0x81")
    good = [doc for doc in docs if doc.error is None]
    assert [doc.text for doc in good] == [f"{ROW_TEXT}{n}" for n in range(1, 2001)
                                          if n not in bad]
    assert {doc.meta["encoding"] for doc in good} == {"utf-8"}


def test_one_bad_line_of_jsonl_is_one_error(tmp_path):
    path = write(tmp_path / "flux.jsonl", b'{"id": "a", "text": "\xc3\xa9t\xc3\xa9"}\n'
                                          b'{"id": "b", "text": "nul \x00"}\n'
                                          b'{"id": "c", "text": "caf\xe9"}\n')
    docs = read(path)
    assert [doc.text for doc in docs] == ["été", "", "café"]
    assert_error(docs[1], "binary", str(path), "line 2", "NUL")
    assert [docs[0].meta["encoding"], docs[2].meta["encoding"]] == ["utf-8", "cp1252"]


def test_one_bad_byte_in_a_big_utf8_text_file_garbles_nothing(tmp_path):
    lines = [f"Ligne {n} : le député a été élu à l’unanimité.".encode() for n in range(3000)]
    lines[1200] = b"Un caf\xe9 cp1252 \xe0 la ligne 1201."
    path = write(tmp_path / "long.txt", b"\n".join(lines))
    doc = read(path)[0]
    expected = [f"Ligne {n} : le député a été élu à l’unanimité." for n in range(3000)]
    expected[1200] = "Un café cp1252 à la ligne 1201."
    assert doc.text == "\n".join(expected)
    assert doc.meta["encoding"] == "utf-8 (cp1252 on line 1201)"


# --- FIFOs, sockets, devices ---------------------------------------------------------------


def test_a_fifo_in_a_folder_or_named_is_an_unreadable_record_not_a_hang(tmp_path):
    folder = tmp_path / "corpus"
    write(folder / "a.txt", "Un article.")
    for name in ("b.txt", "c.csv", "d.parquet"):
        os.mkfifo(folder / name)
    scored = framing_command("score", "--json", *NO_MODEL, folder, folder / "b.txt", timeout=60)
    records = json_records(scored.stdout)
    assert [record["id"] for record in records] == ["a", "b", "c", "d", "b"]
    assert "error" not in records[0]
    for record in records[1:]:  # named twice: its own error says more than "duplicate"
        assert record["error"]["code"] == "unreadable"
        assert "is not a regular file but a FIFO" in record["error"]["message"]
    assert scored.returncode == 1


def test_a_device_named_directly_is_refused_without_reading_it(tmp_path):
    docs = read("/dev/zero", "/dev/null")
    for doc in docs:
        assert_error(doc, "unreadable", doc.path, "not a regular file", "character device")
    evaluated = framing_command("evaluate", "/dev/zero", memory=3 * 2**30)
    assert evaluated.returncode == 2
    assert b"not a regular file" in evaluated.stderr


# --- bytes that are not text -----------------------------------------------------------------

RANDOM_HIGH_BYTES = bytes(random.Random(17).randrange(0xA0, 0x100) for _ in range(3000))


def test_random_high_bytes_are_not_read_as_cp1252_french(tmp_path):
    text_file = write(tmp_path / "bruit.txt", RANDOM_HIGH_BYTES)
    rows = write(tmp_path / "bruit.csv",
                 b'id,text\nok,"Le d\xe9put\xe9 a \xe9t\xe9 \xe9lu."\nbruit,"'
                 + RANDOM_HIGH_BYTES.replace(b'"', b"") + b'"\n')
    docs = read(text_file, rows)
    assert len(docs) == 3
    assert_error(docs[0], "encoding", str(text_file), "not UTF-8", "--encoding")
    assert docs[1].text == "Le député a été élu."
    assert docs[1].meta["encoding"] == "cp1252"
    assert_error(docs[2], "encoding", str(rows), "row 2 (line 3)", "not UTF-8")
    scored = framing.score_paths([str(text_file)])
    assert scored[0].error.code == "encoding" and scored[0].framing is None


# --- headers ---------------------------------------------------------------------------------


def test_a_duplicated_text_or_id_header_is_a_named_error(tmp_path, monkeypatch):
    from framing.documents import splitting

    monkeypatch.setattr(splitting, "PART_BYTES", 100)  # the ranges' planning checks it too
    texts = write(tmp_path / "textes.csv", "id,text,text\n" + "a,Premier,Second\n" * 20)
    ids = write(tmp_path / "ids.csv", "id,text,id\n" + "a,Texte,b\n" * 20)
    good = write(tmp_path / "bon.csv", "id,text,,\n" + "a,Texte,,\n")  # blank names: harmless
    docs = read(texts, ids, good)
    assert len(docs) == 3
    assert_error(docs[0], "missing_column", str(texts), "2 columns named 'text'", "which one")
    assert_error(docs[1], "missing_column", str(ids), "2 columns named 'id'")
    assert (docs[2].id, docs[2].text) == ("a", "Texte")


# --- decomposed accents ----------------------------------------------------------------------


def scores_of(record) -> dict:
    """A record's results, without what says where it came from."""
    return {key: value for key, value in record.to_dict().items()
            if key not in ("id", "path", "title", "meta")}


def test_decomposed_text_scores_as_composed_text(tmp_path):
    composed = Path(seed_path("003")).read_text("utf-8").replace("\r\n", "\n")
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    nfc_file = write(tmp_path / "nfc.txt", composed)
    nfd_file = write(tmp_path / "nfd.txt", decomposed)
    rows = write(tmp_path / "nfd.jsonl", json.dumps({"id": "r", "text": decomposed}) + "\n")
    records = framing.score_paths([str(nfc_file), str(nfd_file), str(rows)], model=None)
    docs = read(nfc_file, nfd_file, rows)
    assert docs[0].text == docs[1].text == docs[2].text == composed
    assert scores_of(records[1]) == scores_of(records[0]) == scores_of(records[2])
    assert "changed_on_reading" not in records[0].meta
    for record in records[1:]:
        assert "normalised to NFC" in record.meta["changed_on_reading"]
    from_text = framing.score_text(decomposed)
    assert scores_of(from_text) == scores_of(framing.score_text(composed))
    assert "normalised to NFC" in from_text.meta["changed_on_reading"]


# --- any string, any bytes -------------------------------------------------------------------

LEXICON = framing.load_lexicon()
# Strings that reach the odd corners: lone surrogates, combining marks, controls, French words.
ANY_TEXT = st.lists(st.one_of(
    st.characters(),  # every code point, lone surrogates included
    st.sampled_from(["\ud83d", "\udce9", "e\u0301", "\u0301", "\x00", "\r", "\n", ". ", "« ",
                     "colossal ", "innovant ", "CLOUD Act ", "l’", "İ", "ß", "\ufeff"]),
), max_size=120).map("".join)
ANY_BYTES = st.one_of(
    st.binary(max_size=400),
    ANY_TEXT.map(lambda text: text.encode("utf-8", errors="surrogatepass")),
    ANY_TEXT.map(lambda text: text.encode("cp1252", errors="replace")),
    # JSON Lines with the text as id and text ("\\ud83d" escapes included) and as a header.
    ANY_TEXT.map(lambda text: (json.dumps({"id": text, "text": text}) + "\n").encode()),
    ANY_TEXT.map(lambda text: ("id,text\n" + text).encode("utf-8", errors="surrogatepass")),
)


def spans_in(value: object) -> list[tuple[int, int]]:
    """Every (start, end) in a record's dict, however deep."""
    if isinstance(value, dict):
        own = [(value["start"], value["end"])] if {"start", "end"} <= value.keys() else []
        return own + [span for item in value.values() for span in spans_in(item)]
    if isinstance(value, list):
        return [span for item in value for span in spans_in(item)]
    return []


def assert_spans_within(record, text: str) -> None:
    for start, end in spans_in(record.to_dict()):
        assert 0 <= start <= end <= len(text), (start, end, len(text))


@settings(max_examples=150, deadline=None)
@given(ANY_TEXT)
def test_score_text_takes_any_string(text):
    record = framing.score_text(text, lexicon=LEXICON)
    # Each surrogate alone is U+FFFD (a pair of them in a str is not a character either).
    as_read = unicodedata.normalize("NFC", "".join(
        "\ufffd" if "\ud800" <= char <= "\udfff" else char for char in text))
    if record.error is None:
        assert_spans_within(record, as_read)
    json.dumps(record.to_dict(), ensure_ascii=False).encode("utf-8")


@settings(max_examples=150, deadline=None)
@given(ANY_BYTES, st.sampled_from([".txt", ".csv", ".jsonl", ".html", ".md"]))
def test_the_reader_takes_any_bytes(data, suffix):
    from framing.pipeline import Scorer

    scorer = Scorer(LEXICON)
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "any" + suffix)
        write(Path(path), data)
        docs = read(path)
    assert docs
    if suffix in (".txt", ".html", ".md"):
        assert len(docs) == 1
    for doc in docs:
        json.dumps([doc.id, doc.path, doc.text, doc.meta], ensure_ascii=False).encode("utf-8")
        assert (doc.error is None) == (doc.text != "")
        record = scorer.score(doc)
        assert_spans_within(record, doc.text)
        json.dumps(record.to_dict(), ensure_ascii=False).encode("utf-8")


def test_many_cp1252_lines_among_utf8_ones_decode_in_linear_time(tmp_path):
    # Every other line is cp1252, the others ASCII: a cp1252 file, decided line by line.
    lines = [b"Le d\xe9put\xe9" if n % 2 else b"Ligne %d" % n for n in range(40000)]
    path = write(tmp_path / "alterne.txt", b"\n".join(lines))
    started = time.monotonic()
    doc = read(path)[0]
    assert time.monotonic() - started < 5
    assert doc.text.split("\n")[:3] == ["Ligne 0", "Le député", "Ligne 2"]
    assert doc.meta["encoding"] == "cp1252"


# --- deeply nested HTML ----------------------------------------------------------------------


def test_deeply_nested_html_is_read_in_linear_time(tmp_path):
    depth = 20000
    article = ("Le député a été élu à l'unanimité lundi, une première depuis la création de la "
               "circonscription, a annoncé la préfecture dans un communiqué.")
    page = ("<html><body><nav>" + "<div>" * depth + "Menu" + "</div>" * depth + "</nav>"
            "<article>" + "<div>" * depth + f"<p>{article}</p>" + "</div>" * depth
            + "</article></body></html>")
    path = write(tmp_path / "profond.html", page)
    started = time.monotonic()
    docs = read(path)
    assert time.monotonic() - started < 10  # quadratic: about 100 s
    # lxml alone drops what lies below 256 levels: the page is flattened first (documents.html)
    assert [doc.text for doc in docs] == [article]
