"""framing.documents.planning: inputs (files, folders, globs, stdin) into documents in a
deterministic order, inputs that match nothing, duplicate ids, and whole batches."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

from framing.documents import SUPPORTED_SUFFIXES, read_documents

from .conftest import SEEDS
from .documents_helpers import FRENCH, PAGE, PNG_BYTES, assert_error, only, read, write


def test_seed_articles_read_as_five_documents_without_errors():
    docs = read(SEEDS / "*.txt")
    stems = sorted(path.stem for path in SEEDS.glob("*.txt"))
    assert len(docs) == 5
    assert [doc.id for doc in docs] == stems
    assert [doc.error for doc in docs] == [None] * 5
    for doc in docs:
        raw = (SEEDS / f"{doc.id}.txt").read_bytes()
        assert doc.text == raw.decode("utf-8").replace("\r\n", "\n")
        assert doc.meta["format"] == "txt"
        assert doc.meta["encoding"] == "utf-8"
        assert doc.meta["sha256"] == hashlib.sha256(raw).hexdigest()


def test_seed_directory_gives_the_five_articles_and_skips_its_readme():
    docs = read(SEEDS)
    assert (SEEDS / "README.md").exists()
    assert [doc.id for doc in docs] == sorted(path.stem for path in SEEDS.glob("*.txt"))
    assert [doc.error for doc in docs] == [None] * 5


def test_seed_files_named_explicitly_get_their_stems_as_ids():
    paths = sorted(SEEDS.glob("*.txt"))
    docs = read(*paths)
    assert [doc.id for doc in docs] == [path.stem for path in paths]
    assert [doc.path for doc in docs] == [str(path) for path in paths]


def test_missing_path_is_unreadable(tmp_path):
    path = tmp_path / "absent.txt"
    doc = only(read(path))
    assert doc.id == "absent"
    assert doc.path == str(path)
    assert_error(doc, "unreadable", str(path), "no such file")


def test_glob_matching_nothing_is_unreadable(tmp_path):
    pattern = str(tmp_path / "*.nothing")
    doc = only(read(pattern))
    assert_error(doc, "unreadable", "no file matches", pattern)


def test_empty_directory_is_unreadable(tmp_path):
    (tmp_path / "vide").mkdir()
    write(tmp_path / "vide" / "image.png", PNG_BYTES)  # unsupported: not counted
    write(tmp_path / "vide" / ".cache.txt", "hidden")
    doc = only(read(tmp_path / "vide"))
    assert_error(doc, "unreadable", str(tmp_path / "vide"), "no supported files in directory")


def test_duplicate_ids_in_csv(tmp_path):
    path = write(tmp_path / "doublons.csv", "id,text\nd1,Un\nd2,Deux\nd1,Trois\n")
    docs = read(path)
    assert [doc.id for doc in docs] == ["d1", "d2", "d1"]
    assert docs[0].text == "Un"
    assert_error(docs[2], "duplicate_id", "'d1'", f"{path} row 3", f"{path} row 1")


def test_same_file_given_twice_is_a_duplicate(tmp_path):
    path = write(tmp_path / "article.txt", "Un article.")
    first, second = read(path, path)
    assert first.error is None
    assert second.id == "article"
    assert_error(second, "duplicate_id", str(path), "more than once")


def test_duplicate_ids_across_files_name_both_places(tmp_path):
    one = write(tmp_path / "a" / "article.txt", "Premier.")
    two = write(tmp_path / "b" / "article.md", "Second.")
    first, second = read(one, two)
    assert first.error is None
    assert_error(second, "duplicate_id", str(one), str(two))


def test_explicit_file_with_unknown_suffix_is_read_as_text(tmp_path):
    path = write(tmp_path / "article.text", "Un texte.\n")
    doc = only(read(path))
    assert (doc.id, doc.text, doc.meta["format"]) == ("article", "Un texte.\n", "txt")


def make_corpus(root: Path) -> Path:
    write(root / "outlet2" / "2024-05-14.txt", "O2 b")
    write(root / "outlet1" / "2024-05-13.txt", "O1 a")
    write(root / "outlet1" / "2024-05-14.md", "# O1 b")
    write(root / "outlet1" / "deep" / "x.html", "<p>deep</p>")
    write(root / "a.txt", "racine")
    write(root / "notes.docx", b"PK\x03\x04")  # unsupported suffix: skipped
    write(root / ".hidden.txt", "caché")
    write(root / ".git" / "config.txt", "caché")
    return root


def test_directory_walk_order_and_ids(tmp_path):
    root = make_corpus(tmp_path / "corpus")
    docs = read(root)
    assert [doc.id for doc in docs] == [
        "a",
        "outlet1/2024-05-13",
        "outlet1/2024-05-14",
        "outlet1/deep/x",
        "outlet2/2024-05-14",
    ]
    assert [doc.error for doc in docs] == [None] * 5
    assert docs[1].path == os.path.join(str(root), "outlet1", "2024-05-13.txt")
    assert docs[3].text == "deep"


def test_glob_pattern(tmp_path):
    root = make_corpus(tmp_path / "corpus")
    docs = read(str(root / "outlet*" / "*.txt"))
    assert [doc.id for doc in docs] == ["outlet1/2024-05-13", "outlet2/2024-05-14"]
    assert [doc.text for doc in docs] == ["O1 a", "O2 b"]
    assert docs[0].path == str(root / "outlet1" / "2024-05-13.txt")


def test_recursive_glob_does_not_read_a_file_twice(tmp_path):
    root = make_corpus(tmp_path / "corpus")
    by_glob = read(str(root / "**"))
    assert [doc.id for doc in by_glob] == [doc.id for doc in read(root)]
    assert all(doc.error is None for doc in by_glob)


def test_glob_reads_unsupported_suffix_only_when_the_pattern_names_it(tmp_path):
    write(tmp_path / "a.text", "Un.")
    write(tmp_path / "b.txt", "Deux.")
    write(tmp_path / "c.png", PNG_BYTES)
    assert [doc.id for doc in read(str(tmp_path / "*.text"))] == ["a"]
    assert [doc.id for doc in read(str(tmp_path / "*"))] == ["b"]


def test_a_single_string_input_is_one_input():
    pattern = str(SEEDS / "*.txt")
    assert [doc.id for doc in read_documents(pattern)] == [doc.id for doc in read(pattern)]
    assert len(list(read_documents(pattern))) == 5


def test_mixed_batch_loses_nothing_and_keeps_order(tmp_path):
    good_txt = write(tmp_path / "bon.txt", "Un bon article.")
    empty = write(tmp_path / "vide.txt", b"")
    png = write(tmp_path / "image.txt", PNG_BYTES)
    html = write(tmp_path / "page.html", PAGE)
    csv_path = write(tmp_path / "lot.csv", "id,text\nc1,Un\nc2,Deux,trois\nc3,Trois\n")
    jsonl = write(tmp_path / "flux.jsonl", '{"text": "J1"}\nnot json\n')
    cp1252 = write(tmp_path / "windows.txt", FRENCH, encoding="cp1252")
    folder = make_corpus(tmp_path / "corpus")
    inputs = [good_txt, empty, tmp_path / "absent.txt", png, html, csv_path, "-", jsonl,
              str(tmp_path / "*.none"), cp1252, folder, good_txt]  # fmt: skip
    docs = read(*inputs, stdin=io.BytesIO(b"depuis stdin"))
    expected = [
        ("bon", None),
        ("vide", "empty"),
        ("absent", "unreadable"),
        ("image", "binary"),
        ("page", None),
        ("c1", None),
        ("lot:2", "malformed_row"),
        ("c3", None),
        ("stdin", None),
        ("flux:1", None),
        ("flux:2", "malformed_row"),
        (str(tmp_path / "*.none"), "unreadable"),
        ("windows", None),
        ("a", None),
        ("outlet1/2024-05-13", None),
        ("outlet1/2024-05-14", None),
        ("outlet1/deep/x", None),
        ("outlet2/2024-05-14", None),
        ("bon", "duplicate_id"),
    ]
    assert [(doc.id, doc.error and doc.error.code) for doc in docs] == expected
    assert all(doc.text == "" for doc in docs if doc.error)
    assert all(doc.text for doc in docs if not doc.error)


def test_reading_is_deterministic(tmp_path):
    root = make_corpus(tmp_path / "corpus")
    write(root / "rows.csv", "id,text\n1,a\n2,b\n")
    assert read(root, SEEDS) == read(root, SEEDS)


def test_supported_suffixes():
    assert SUPPORTED_SUFFIXES == (".txt", ".md", ".html", ".htm", ".csv", ".jsonl", ".parquet")
