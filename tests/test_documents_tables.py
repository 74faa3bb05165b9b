"""framing.documents.tables: CSV and JSON Lines files, one document per row: delimiters,
metadata, ids, and rows that cannot be read."""

from __future__ import annotations

import hashlib
import json

from .documents_helpers import assert_error, only, read, write


def test_malformed_csv_rows_do_not_stop_the_other_rows(tmp_path):
    path = write(
        tmp_path / "articles.csv",
        "id,title,text\n"
        "a1,Titre 1,Premier texte\n"
        "a2,Titre 2,Deuxième texte,en trop\n"  # one field too many
        "a3,Titre 3\n"  # one field too few
        'a4,"Titre 4"x,Texte\n'  # csv.Error: junk after a closing quote
        "a5,Titre 5,Cinquième texte\n",
    )
    docs = read(path)
    assert [doc.id for doc in docs] == ["a1", "articles:2", "articles:3", "articles:4", "a5"]
    assert docs[0].text == "Premier texte"
    assert docs[4].text == "Cinquième texte"
    assert_error(docs[1], "malformed_row", str(path), "row 2", "4 fields", "header has 3")
    assert_error(docs[2], "malformed_row", str(path), "row 3", "2 fields")
    assert_error(docs[3], "malformed_row", str(path), "row 4", "cannot be parsed")
    assert [doc.meta["row"] for doc in docs] == ["1", "2", "3", "4", "5"]


def test_csv_unclosed_quote_is_reported(tmp_path):
    path = write(tmp_path / "coupe.csv", 'id,text\na,Bien\nb,"jamais fermé\nc,perdu\n')
    docs = read(path)
    assert docs[0].text == "Bien"
    assert_error(docs[1], "malformed_row", str(path), "row 2", "never closed")
    assert len(docs) == 2


def test_malformed_jsonl_lines(tmp_path):
    path = write(
        tmp_path / "flux.jsonl",
        '{"id": "j1", "text": "Bon texte"}\n'
        '{"id": "j2", "text": "pas fermé"\n'
        "[1, 2, 3]\n"
        '{"id": "j4", "text": "Encore bon"}\n',
    )
    docs = read(path)
    assert [doc.id for doc in docs] == ["j1", "flux:2", "flux:3", "j4"]
    assert_error(docs[1], "malformed_row", str(path), "line 2", "not valid JSON")
    assert_error(docs[2], "malformed_row", str(path), "line 3", "JSON object", "list")
    assert docs[3].text == "Encore bon"


def test_csv_without_the_text_column_gives_one_error_for_the_file(tmp_path):
    path = write(tmp_path / "sans.csv", "id;titre;corps\n1;T;Texte\n2;U;Autre\n")
    doc = only(read(path))
    assert doc.id == "sans"
    assert_error(doc, "missing_column", str(path), "'text'", "id, titre, corps")


def test_csv_text_column_can_be_chosen(tmp_path):
    path = write(tmp_path / "corps.csv", "ident;corps\nx1;Le texte\n")
    doc = only(read(path, text_column="corps", id_column="ident"))
    assert (doc.id, doc.text, doc.error) == ("x1", "Le texte", None)


def test_jsonl_row_without_text_or_with_non_string_text(tmp_path):
    path = write(
        tmp_path / "trous.jsonl",
        '{"id": "k1", "body": "le texte est ailleurs"}\n'
        '{"id": "k2", "text": 42}\n'
        '{"id": "k3", "text": "Présent"}\n',
    )
    docs = read(path)
    assert [doc.id for doc in docs] == ["k1", "k2", "k3"]
    assert_error(docs[0], "missing_column", str(path), "line 1", "'text'", "id, body")
    assert_error(docs[1], "missing_column", str(path), "line 2", "int, not a string")
    assert docs[2].error is None


def test_empty_row_text(tmp_path):
    path = write(tmp_path / "lignes.csv", "id,text\nr1,   \nr2,Texte\n")
    docs = read(path)
    assert_error(docs[0], "empty", str(path), "row 1")
    assert docs[0].id == "r1"
    assert docs[1].text == "Texte"


def test_csv_with_a_header_and_no_rows_is_empty(tmp_path):
    path = write(tmp_path / "entete.csv", "id,text\n")
    assert_error(only(read(path)), "empty", str(path), "no data rows")


def test_csv_semicolon_excel_export_with_metadata(tmp_path):
    # French Excel: ";" delimiter, cp1252, CRLF, a quoted multi-line field.
    content = (
        "id;title;outlet;date;url;text\r\n"
        "lm-1;Réforme;Le Monde;2024-05-13;https://ex.fr/1;"
        '"Le député a dit\u00a0: « non ; jamais ».\r\nDeuxième ligne."\r\n'
        ";Sans id;Libé;2024-05-14;;Texte sans identifiant, avec virgule\r\n"
    )
    path = write(tmp_path / "export.csv", content, encoding="cp1252")
    first, second = read(path)
    assert first.id == "lm-1"
    assert first.path == str(path)
    assert first.text == "Le député a dit\u00a0: « non ; jamais ».\nDeuxième ligne."
    assert first.meta == {
        "title": "Réforme",
        "outlet": "Le Monde",
        "date": "2024-05-13",
        "url": "https://ex.fr/1",
        "format": "csv",
        "encoding": "cp1252",
        "row": "1",
        "sha256": hashlib.sha256(first.text.encode("utf-8")).hexdigest(),
    }
    assert second.id == "export:2"  # empty id cell: file stem and row number
    assert second.text == "Texte sans identifiant, avec virgule"
    assert (second.meta["outlet"], second.meta["url"], second.meta["row"]) == ("Libé", "", "2")


def test_csv_utf8_bom_semicolon(tmp_path):
    content = "\ufeffid;text;outlet\nx;Élu à l’unanimité;Le Figaro\n"
    doc = only(read(write(tmp_path / "bom.csv", content)))
    assert (doc.id, doc.text, doc.meta["outlet"]) == ("x", "Élu à l’unanimité", "Le Figaro")
    assert doc.meta["encoding"] == "utf-8-sig"


def test_csv_tab_delimiter_and_commas_in_text(tmp_path):
    content = "id\ttext\n1\tUn, deux, trois, quatre\n"
    doc = only(read(write(tmp_path / "tab.csv", content)))
    assert doc.text == "Un, deux, trois, quatre"


def test_csv_blank_lines_are_not_rows(tmp_path):
    docs = read(write(tmp_path / "aere.csv", "\nid,text\n\na,Un\n\n\nb,Deux\n\n"))
    assert [(doc.id, doc.text, doc.meta["row"]) for doc in docs] == [
        ("a", "Un", "1"),
        ("b", "Deux", "2"),
    ]


def test_csv_big_field_is_allowed(tmp_path):
    big = "mot " * 100_000  # 400 kB, over the csv module's 128 KiB default
    doc = only(read(write(tmp_path / "gros.csv", f'id,text\nbig,"{big}"\n')))
    assert doc.text == big


def test_csv_id_column_fallback_uses_relative_id_when_walked(tmp_path):
    write(tmp_path / "corpus" / "lemonde" / "articles.csv", "text\nUn\nDeux\n")
    docs = read(tmp_path / "corpus")
    assert [doc.id for doc in docs] == ["lemonde/articles:1", "lemonde/articles:2"]


def test_jsonl_metadata(tmp_path):
    lines = [
        {"id": 7, "text": "Premier", "outlet": "Le Monde", "score": 0.5, "ok": True},
        {"id": None, "text": "Second", "tags": ["a", "é"], "author": {"name": "X"}, "date": None},
    ]
    content = "\n".join(json.dumps(line, ensure_ascii=False) for line in lines)
    path = write(tmp_path / "flux.jsonl", "\ufeff" + content.replace("\n", "\n\n") + "\n")
    first, second = read(path)
    assert (first.id, first.text) == ("7", "Premier")
    assert first.meta["outlet"] == "Le Monde"
    assert (first.meta["score"], first.meta["ok"]) == ("0.5", "true")
    assert first.meta["format"] == "jsonl"
    assert first.meta["row"] == "1"
    assert (second.id, second.meta["row"]) == ("flux:3", "3")  # blank line 2 skipped
    assert second.meta["tags"] == '["a","é"]'
    assert second.meta["author"] == '{"name":"X"}'
    assert "date" not in second.meta  # null is no value, not the string "null"
    assert all(isinstance(value, str) for doc in (first, second) for value in doc.meta.values())


def test_empty_csv_and_jsonl_files(tmp_path):
    docs = read(write(tmp_path / "a.csv", b""), write(tmp_path / "b.jsonl", "\n \n"))
    assert_error(docs[0], "empty", "a.csv")
    assert_error(docs[1], "empty", "b.jsonl")
