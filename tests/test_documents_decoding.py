"""framing.documents.decoding: binary files refused, encodings detected or forced, mojibake
repaired, line endings normalised, and the rest of the text kept as it is."""

from __future__ import annotations

import pytest

from framing.documents import DocumentReadError, decode_bytes

from .documents_helpers import FRENCH, PNG_BYTES, assert_error, only, read, write

PDF_BYTES = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"


@pytest.mark.parametrize(
    ("name", "content", "looks_like"),
    [
        ("image.txt", PNG_BYTES, "PNG"),
        ("rapport.txt", PDF_BYTES, "PDF"),
        ("lettre.txt", b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "ZIP"),
        ("photo.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG"),
        ("anim.txt", b"GIF89a\x01\x00\x01\x00", "GIF"),
        ("nul.txt", b"some text\x00\x00\x01\x02 more", "NUL bytes"),
    ],
)
def test_binary_files(tmp_path, name, content, looks_like):
    path = write(tmp_path / name, content)
    assert_error(only(read(path)), "binary", str(path), looks_like)


def test_binary_pdf_with_pdf_suffix_found_by_directory_walk_is_skipped(tmp_path):
    # Unsupported suffixes are not picked up when walking a folder...
    write(tmp_path / "corpus" / "rapport.pdf", PDF_BYTES)
    write(tmp_path / "corpus" / "article.txt", "Texte.")
    assert [doc.id for doc in read(tmp_path / "corpus")] == ["article"]
    # ...but a file named explicitly is always read (and reported).
    assert_error(only(read(tmp_path / "corpus" / "rapport.pdf")), "binary", "PDF")


def test_undecodable_bytes_are_an_encoding_error(tmp_path):
    # 0x81 is undefined in cp1252 and the bytes are not UTF-8 either.
    path = write(tmp_path / "bizarre.txt", b"Le d\xe9put\xe9 \x81\x8d a \xe9t\xe9 \xe9lu")
    assert_error(only(read(path)), "encoding", str(path), "--encoding", "0x81")


def test_text_full_of_control_characters_is_an_encoding_error(tmp_path):
    path = write(tmp_path / "controle.txt", b"\xe9" + b"\x01\x02\x03\x04abc" * 20)
    assert_error(only(read(path)), "encoding", str(path), "control", "--encoding")


def test_cp1252_french_decodes_exactly(tmp_path):
    path = write(tmp_path / "windows.txt", FRENCH, encoding="cp1252")
    doc = only(read(path))
    assert doc.text == FRENCH
    assert "é" in doc.text and "’" in doc.text and "€" in doc.text and "œ" in doc.text
    assert doc.meta["encoding"] == "cp1252"


def test_latin1_french_decodes_exactly(tmp_path):
    text = "Le député a été élu à l'unanimité, déjà ç à ù « ÿ » ô î"
    path = write(tmp_path / "latin1.txt", text, encoding="latin-1")
    assert only(read(path)).text == text


def test_utf8_bom_is_removed(tmp_path):
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + FRENCH.encode("utf-8"))
    doc = only(read(path))
    assert doc.text == FRENCH
    assert "\ufeff" not in doc.text
    assert doc.meta["encoding"] == "utf-8-sig"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path, codec):
    data = FRENCH.encode(codec)
    if codec != "utf-16":  # the plain codec writes its own BOM
        data = ("\ufeff" + FRENCH).encode(codec)
    path = write(tmp_path / "large.txt", data)
    doc = only(read(path))
    assert doc.text == FRENCH
    assert doc.meta["encoding"] == "utf-16"


def test_mojibake_is_repaired(tmp_path):
    double_encoded = FRENCH.encode("utf-8").decode("cp1252").encode("utf-8")
    assert "Ã©" in double_encoded.decode("utf-8")
    doc = only(read(write(tmp_path / "moji.txt", double_encoded)))
    assert doc.text == FRENCH
    assert doc.meta["encoding"] == "utf-8 (repaired mojibake)"


def test_genuine_accents_next_to_nbsp_are_not_mangled():
    # "é" + non-breaking space looks like a mojibake pair, but this is real French.
    text = "Liberté\u00a0! Égalité\u00a0! « Fraternité\u00a0» déjà\u00a0?"
    assert decode_bytes(text.encode("utf-8"), "x") == (text, "utf-8")


def test_crlf_and_cr_are_normalised(tmp_path):
    path = write(tmp_path / "windows.txt", b"Titre\r\n\r\nLigne un\r\nLigne deux\rLigne trois")
    assert only(read(path)).text == "Titre\n\nLigne un\nLigne deux\nLigne trois"


def test_text_is_otherwise_kept_as_is(tmp_path):
    text = "  « Citation\u00a0» – l’élu  \t a dit\u202f: “oui”.\n\n"
    assert only(read(write(tmp_path / "brut.txt", text))).text == text


def test_decode_bytes_with_explicit_encoding():
    data = FRENCH.encode("cp1252")
    assert decode_bytes(data, "f.txt", "cp1252") == (FRENCH, "cp1252")
    with pytest.raises(DocumentReadError) as raised:
        decode_bytes(data, "f.txt", "utf-8")
    assert raised.value.code == "encoding"
    assert "f.txt" in raised.value.message and "utf-8" in raised.value.message
    with pytest.raises(DocumentReadError) as raised:
        decode_bytes(b"abc", "f.txt", "no-such-codec")
    assert raised.value.code == "encoding"


def test_explicit_encoding_option_of_read_documents(tmp_path):
    text = "Ελληνικά κείμενα"  # Greek: decodes wrongly as cp1252 if guessed
    path = write(tmp_path / "grec.txt", text, encoding="iso-8859-7")
    doc = only(read(path, encoding="iso-8859-7"))
    assert doc.text == text
    assert doc.meta["encoding"] == "iso-8859-7"


def test_explicit_utf16_without_bom_is_not_binary():
    data = FRENCH.encode("utf-16-le")
    assert decode_bytes(data, "x", "utf-16-le") == (FRENCH, "utf-16-le")
    with pytest.raises(DocumentReadError) as raised:
        decode_bytes(data, "x")
    assert raised.value.code == "binary"
