"""framing.documents: each bad row of a CSV or JSON Lines file gets its own error code and a
message naming its row or line, and the good rows around it are read exactly. The files are
written byte by byte here; the expected codes and texts are written by hand."""

import framing


def read(path) -> list[tuple[str, str, str | None]]:
    """(id, text, error code) of each document of `path`."""
    return [(d["id"], d["text"], d["error"] and d["error"]["code"])
            for d in framing.read_paths(str(path))]


def errors(path) -> dict[str, tuple[str, str]]:
    return {d["id"]: (d["error"]["code"], d["error"]["message"])
            for d in framing.read_paths(str(path)) if d["error"]}


def test_csv_row_errors_each_get_their_code(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_bytes(b"id,text\n"
                     b"1,Bonjour tout le monde\n"
                     b"2,Un \x00 nul\n"  # a NUL byte: not text
                     b"3,Caf\xe9 cr\xe8me\n"  # Windows-1252 (not UTF-8): read as such
                     b"4,Octet \x81 inconnu\n"  # 0x81: neither UTF-8 nor Windows-1252
                     b"5,trop,de,champs\n"  # 4 fields, the header has 2
                     b"6\n")  # 1 field
    assert read(path) == [
        ("1", "Bonjour tout le monde", None),
        ("rows:2", "", "binary"),
        ("3", "Café crème", None),
        ("rows:4", "", "encoding"),
        ("rows:5", "", "malformed_row"),
        ("rows:6", "", "malformed_row"),
    ]
    found = errors(path)
    assert "row 2" in found["rows:2"][1] and "NUL" in found["rows:2"][1]
    assert "row 4" in found["rows:4"][1] and "0x81" in found["rows:4"][1]
    assert "has 4 fields but the header has 2" in found["rows:5"][1]
    assert "has 1 fields but the header has 2" in found["rows:6"][1]


def test_a_row_with_fewer_fields_than_the_header_is_malformed(tmp_path):
    path = tmp_path / "short.csv"
    path.write_bytes(b"id,text,outlet\n1,Un texte,Le Monde\n2,Un autre texte\n")
    assert read(path) == [("1", "Un texte", None), ("short:2", "", "malformed_row")]


def test_jsonl_line_errors_each_get_their_code(tmp_path):
    path = tmp_path / "lines.jsonl"
    path.write_bytes(b'{"id": "1", "text": "Bonjour"}\n'
                     b'[1, 2]\n'  # JSON, but not an object
                     b'{"id": "3", "text": 5}\n'  # text is not a string
                     b'{"id": "4"}\n'  # no text
                     b'not json\n'
                     b'{"id": "6", "text": "Caf\xe9"}\n'  # Windows-1252 in a UTF-8 file
                     b'{"id": "7", "text": "Un \\u0000 nul"}\n')
    assert read(path)[:6] == [
        ("1", "Bonjour", None),
        ("lines:2", "", "malformed_row"),
        ("3", "", "missing_column"),
        ("4", "", "missing_column"),
        ("lines:5", "", "malformed_row"),
        ("6", "Café", None),
    ]
    found = errors(path)
    assert "line 2" in found["lines:2"][1] and "expected a JSON object, got list" in found[
        "lines:2"][1]
    assert "'text' is int, not a string" in found["3"][1]
    assert "no 'text' key (keys found: id)" in found["4"][1]
    assert "line 5" in found["lines:5"][1] and "not valid JSON" in found["lines:5"][1]


def test_a_whole_file_that_is_not_text_is_one_error(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes(b"Un texte\x00\x00\x00 binaire")
    ((_, text, code),) = read(path)
    assert (text, code) == ("", "binary")


def test_a_text_file_in_windows_1252_reads_exactly(tmp_path):
    path = tmp_path / "cp.txt"
    path.write_bytes("L’État investit 4 milliards d’euros — « un succès ».".encode("cp1252"))
    assert read(path) == [("cp", "L’État investit 4 milliards d’euros — « un succès ».", None)]


# --- every field of a bad row: its id, path, code, whole message and how it was read ----------

def records(path):
    return [(d["id"], d["path"], d["text"], d["meta"].get("encoding"), d["meta"].get("row"),
             d["error"] and (d["error"]["code"], d["error"]["message"]))
            for d in framing.read_paths(str(path))]


def test_jsonl_rows_read_back_whole(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with open("rows.jsonl", "wb") as f:
        f.write(b'{"id": "1", "text": "Caf\xe9 cr\xe8me"}\n'  # Windows-1252
                b'{"id": "2", "text": "Octet \x81 inconnu"}\n'  # 0x81: not text
                b'{}\n'
                b'{"id": "4", "text": "\\ud800 seul"}\n'  # a lone surrogate escape
                b'{"id": "5", "text": "Un \x00 nul"}\n'
                b'{"id": "6", "text": "D\xc3\xa9j\xc3\xa0 lu"}\n'  # UTF-8
                b'{"id": "7", "text": "Bonjour"}\n')  # ASCII
    assert records("rows.jsonl") == [
        ("1", "rows.jsonl", "Café crème", "cp1252", "1", None),
        ("rows:2", "rows.jsonl", "", "cp1252", "2", (
            "encoding", ("rows.jsonl, line 2 is neither UTF-8 nor Windows-1252 text (byte "
                        "0x81); pass its encoding with --encoding (e.g. --encoding latin-1)"))),
        ("rows:3", "rows.jsonl", "", "cp1252", "3", (
            "missing_column", ("rows.jsonl, line 3: no 'text' key (keys found: none); choose "
                              "the text key with --text-column"))),
        ("4", "rows.jsonl", "\ufffd seul", "cp1252", "4", None),
        ("rows:5", "rows.jsonl", "", "cp1252", "5", (
            "binary", ("rows.jsonl, line 5: contains NUL bytes, so it is not text; fix or "
                      "remove this row"))),
        ("6", "rows.jsonl", "Déjà lu", "utf-8", "6", None),
        # ASCII reads the same in both: it is named after the file's other rows.
        ("7", "rows.jsonl", "Bonjour", "cp1252", "7", None),
    ]
    (note,) = [d["meta"]["changed_on_reading"] for d in framing.read_paths("rows.jsonl")
               if d["id"] == "4"]
    assert note == ("1 lone surrogate(s) (a \\ud800-\\udfff escape that is not a character) "
                    "replaced by U+FFFD")


def test_csv_rows_read_back_whole(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with open("rows.csv", "wb") as f:
        f.write(b"id,text\n1,Caf\xe9\n2,Octet \x81\n3,a,b\n4,D\xc3\xa9j\xc3\xa0 lu\n,Sans id\n")
    assert records("rows.csv") == [
        ("1", "rows.csv", "Café", "cp1252", "1", None),
        ("rows:2", "rows.csv", "", "cp1252", "2", (
            "encoding", ("rows.csv, row 2 (line 3) is neither UTF-8 nor Windows-1252 text (byte "
                        "0x81); pass its encoding with --encoding (e.g. --encoding latin-1)"))),
        ("rows:3", "rows.csv", "", "cp1252", "3", (
            "malformed_row", ("rows.csv, row 3 (line 4): has 3 fields but the header has 2; "
                             "check for an unquoted delimiter or a missing field"))),
        ("4", "rows.csv", "Déjà lu", "utf-8", "4", None),
        ("rows:5", "rows.csv", "Sans id", "cp1252", "5", None),  # no id: file and row number
    ]


def test_more_bad_rows_read_back_whole(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with open("more.jsonl", "wb") as f:
        # Bytes that read as Windows-1252 give "ÐðÞþÆæØøéèàù": letters in a row, no words.
        f.write(b'{"id": "a", "text": "\xd0\xf0\xde\xfe\xc6\xe6\xd8\xf8\xe9\xe8\xe0\xf9"}\n'
                b'{"id": "b", "text": "   "}\n[1, 2]\nnot json\n')
    with open("more.csv", "wb") as f:
        f.write(b'id,text\n1,"unclosed\n2,ok\n')
    found = [(d["id"], d["path"], d["error"]["code"], d["error"]["message"])
             for path in ("more.jsonl", "more.csv") for d in framing.read_paths(path)]
    assert found == [
        ("more:1", "more.jsonl", "encoding", (
            "more.jsonl, line 1 is not UTF-8, and read as Windows-1252 it is mostly accented "
            "letters and symbols in a row, not words, so it is probably in another encoding or "
            "not text; pass its encoding with --encoding")),
        ("b", "more.jsonl", "empty", "more.jsonl, line 2: the 'text' field is empty"),
        ("more:3", "more.jsonl", "malformed_row",
         "more.jsonl, line 3: expected a JSON object, got list"),
        ("more:4", "more.jsonl", "malformed_row",
         "more.jsonl, line 4: not valid JSON (Expecting value at column 1); fix or remove it"),
        ("more:1", "more.csv", "malformed_row", (
            "more.csv, row 1 (line 3): a quoted field is never closed; the rest of the file "
            "was lost")),
    ]
