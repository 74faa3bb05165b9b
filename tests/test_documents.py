"""Tests for framing.documents, using real files written to tmp_path (no mocks)."""

from __future__ import annotations

import hashlib
import io
import json
import os
import sys
from pathlib import Path

import pytest

from framing.documents import (
    DEFAULT_MAX_BYTES,
    ERROR_CODES,
    SUPPORTED_SUFFIXES,
    Document,
    DocumentReadError,
    decode_bytes,
    html_to_text,
    plan_inputs,
    read_documents,
    read_unit,
    splitting,
)

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
FRENCH = "Le député a été élu à l’unanimité, déjà ç à ù œ €"
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"
PDF_BYTES = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"


def read(*inputs: object, **options: object) -> list[Document]:
    return list(read_documents([str(item) for item in inputs], **options))


def write(path: Path, content: str | bytes, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode(encoding)
    path.write_bytes(content)
    return path


def only(docs: list[Document]) -> Document:
    assert len(docs) == 1, docs
    return docs[0]


def assert_error(doc: Document, code: str, *in_message: str) -> None:
    assert doc.error is not None, doc
    assert doc.error.code == code, doc.error
    assert doc.text == ""
    for fragment in in_message:
        assert fragment in doc.error.message, doc.error.message


# ---------------------------------------------------------------------------
# The real seed articles
# ---------------------------------------------------------------------------


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


def test_seed_title_is_the_first_line_when_it_is_a_headline():
    doc = only(read(SEEDS / "003_6c9814ce4a1dd87c.txt"))
    assert doc.meta["title"].startswith("Microsoft renforce l’intelligence artificielle")
    # This seed's first line is a quoted sentence ending in '."', not a headline.
    assert "title" not in only(read(SEEDS / "001_d61afefeb5640952.txt")).meta


# ---------------------------------------------------------------------------
# One test per error code, with real bad files
# ---------------------------------------------------------------------------


def test_empty_file(tmp_path):
    path = write(tmp_path / "vide.txt", b"")
    doc = only(read(path))
    assert doc.id == "vide"
    assert_error(doc, "empty", str(path), "0 bytes")


def test_whitespace_only_file(tmp_path):
    path = write(tmp_path / "blanc.txt", " \n\t\r\n  \n")
    assert_error(only(read(path)), "empty", str(path), "only whitespace")


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


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file"
)
def test_permission_denied_is_unreadable(tmp_path):
    path = write(tmp_path / "secret.txt", "Texte.")
    path.chmod(0)
    try:
        assert_error(only(read(path)), "unreadable", str(path), "permission denied")
    finally:
        path.chmod(0o644)


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


def test_empty_row_text(tmp_path):
    path = write(tmp_path / "lignes.csv", "id,text\nr1,   \nr2,Texte\n")
    docs = read(path)
    assert_error(docs[0], "empty", str(path), "row 1")
    assert docs[0].id == "r1"
    assert docs[1].text == "Texte"


def test_csv_with_a_header_and_no_rows_is_empty(tmp_path):
    path = write(tmp_path / "entete.csv", "id,text\n")
    assert_error(only(read(path)), "empty", str(path), "no data rows")


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


# ---------------------------------------------------------------------------
# Encodings
# ---------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------
# Plain text and Markdown titles, unknown suffixes
# ---------------------------------------------------------------------------


def test_txt_title_rules(tmp_path):
    headline = write(tmp_path / "h.txt", "\n\n  Un titre sans point  \n\nLe corps.")
    sentence = write(tmp_path / "s.txt", "Une phrase qui finit par un point.\nSuite")
    too_long = write(tmp_path / "l.txt", "x" * 201 + "\nSuite")
    docs = read(headline, sentence, too_long)
    assert docs[0].meta["title"] == "Un titre sans point"
    assert "title" not in docs[1].meta
    assert "title" not in docs[2].meta


def test_markdown_keeps_text_and_takes_first_h1_as_title(tmp_path):
    text = "Intro\n\n## Pas ce titre\n\n# Le vrai titre\n\nCorps *gras*.\n"
    doc = only(read(write(tmp_path / "note.md", text)))
    assert doc.text == text
    assert doc.meta["title"] == "Le vrai titre"
    assert doc.meta["format"] == "md"


def test_explicit_file_with_unknown_suffix_is_read_as_text(tmp_path):
    path = write(tmp_path / "article.text", "Un texte.\n")
    doc = only(read(path))
    assert (doc.id, doc.text, doc.meta["format"]) == ("article", "Un texte.\n", "txt")


# ---------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="fr"><head>
<meta charset="utf-8">
<title>Le d&eacute;put&eacute; &amp; la r&eacute;forme | Le Journal</title>
<meta property="og:title" content="Le député &amp; la réforme">
<meta name="author" content="Jeanne Martin">
<meta property="article:published_time" content="2024-05-13T08:00:00+02:00">
<style>body { font-family: serif; } p::before { content: "STYLE"; }</style>
<script>document.write("<p>SCRIPT</p>");</script>
</head>
<body>
<header class="site-header"><a href="/">LE JOURNAL HEADER</a></header>
<nav><ul><li>Accueil</li><li>Politique NAV</li></ul></nav>
<div id="cookie-consent"><p>Nous utilisons des COOKIES.</p><button>OK</button></div>
<p>Texte hors article.</p>
<article>
  <h1>Le député &amp; la réforme</h1>
  <p class="lead-paragraph">Le   député a été
     élu à l’unanimité&nbsp;: une première.</p>
  <p>Deuxième <em>paragraphe</em>, avec une <a href="#">lien</a>.</p>
  <ul><li>premier point</li><li>second point</li></ul>
  <p>Ligne un<br>ligne deux</p>
  <div class="social-share">Partager sur X</div>
  <noscript>NOSCRIPT</noscript>
</article>
<aside class="related">Lire aussi ASIDE</aside>
<footer>FOOTER © Le Journal</footer>
</body></html>
"""

PAGE_TEXT = (
    "Le député & la réforme\n\n"
    "Le député a été élu à l’unanimité\u00a0: une première.\n\n"
    "Deuxième paragraphe, avec une lien.\n\n"
    "premier point\nsecond point\n\n"
    "Ligne un\nligne deux"
)


def test_html_to_text_keeps_article_and_drops_boilerplate():
    text, title = html_to_text(PAGE)
    assert text == PAGE_TEXT
    assert title == "Le député & la réforme | Le Journal"
    for noise in ("STYLE", "SCRIPT", "HEADER", "NAV", "COOKIES", "OK", "ASIDE", "FOOTER"):
        assert noise not in text
    assert "NOSCRIPT" not in text and "Partager" not in text
    assert "hors article" not in text  # <article> is preferred over the rest


def test_html_file_document_meta(tmp_path):
    doc = only(read(write(tmp_path / "page.html", PAGE)))
    assert doc.text == PAGE_TEXT
    assert doc.meta["title"] == "Le député & la réforme"  # og:title, no site name
    assert doc.meta["author"] == "Jeanne Martin"
    assert doc.meta["date"] == "2024-05-13T08:00:00+02:00"
    assert doc.meta["format"] == "html"
    assert doc.meta["sha256"] == hashlib.sha256(PAGE.encode("utf-8")).hexdigest()


def test_html_entities_and_nbsp():
    text, _ = html_to_text(
        "<p>Caf&eacute; &amp; th&#233; &lt;ok&gt;&nbsp;! &laquo;&#160;x&#x20AC;</p>"
    )
    assert text == "Café & thé <ok>\u00a0! «\u00a0x€"


def test_html_without_article_uses_main_then_body():
    with_main = "<body><div>Dehors</div><main><p>Dedans</p></main></body>"
    assert html_to_text(with_main)[0] == "Dedans"
    without = "<body><nav>Menu</nav><div>Un</div><div>Deux</div><footer>Pied</footer></body>"
    assert html_to_text(without) == ("Un\nDeux", None)


def test_html_article_inside_boilerplate_is_ignored():
    page = (
        "<main><p>Le vrai texte.</p>"
        "<aside><article><p>Teaser d'un autre article</p></article></aside></main>"
    )
    assert html_to_text(page)[0] == "Le vrai texte."


def test_html_boilerplate_roles_and_class_words():
    page = (
        "<body>"
        '<div role="navigation">Rubriques</div><div role="banner">Bannière</div>'
        '<div class="newsletter-box">Abonnez-vous</div><div class="breadcrumb">Fil</div>'
        '<div class="ad-slot">PUB</div><div id="comments">Réactions</div>'
        '<div class="main-menu">Menu</div><div class="article-head">Chapeau</div>'
        '<p class="lead">Texte</p><div role="contentinfo">Mentions</div>'
        "</body>"
    )
    assert html_to_text(page)[0] == "Chapeau\n\nTexte"


def test_html_omitted_head_end_tag_does_not_hide_the_body():
    page = "<html><head><title>T</title><p>Corps visible</p></html>"
    assert html_to_text(page) == ("Corps visible", "T")


def test_html_svg_title_is_not_the_page_title():
    page = "<body><svg><title>icône</title></svg><p>Texte</p></body>"
    assert html_to_text(page) == ("Texte", None)


def test_html_whitespace_collapses_inside_blocks_only():
    page = "<p>  un \n\t deux  </p>\n\n\n<p>trois<span> quatre</span></p><h2>Titre</h2>x"
    assert html_to_text(page)[0] == "un deux\n\ntrois quatre\n\nTitre\n\nx"


def test_html_with_no_visible_text_is_empty(tmp_path):
    path = write(
        tmp_path / "vide.htm", "<html><head><title>Rien</title></head><body> </body></html>"
    )
    doc = only(read(path))
    assert_error(doc, "empty", str(path), "no visible article text")
    assert doc.meta["title"] == "Rien"


def test_html_in_cp1252(tmp_path):
    page = "<html><body><p>" + FRENCH + "</p></body></html>"
    doc = only(read(write(tmp_path / "ancien.htm", page, encoding="cp1252")))
    assert doc.text == FRENCH
    assert doc.meta["encoding"] == "cp1252"


# ---------------------------------------------------------------------------
# Directories, globs and stdin
# ---------------------------------------------------------------------------


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


def test_stdin_text():
    doc = only(read("-", stdin=io.BytesIO(FRENCH.encode("cp1252") + b"\r\n")))
    assert (doc.id, doc.path, doc.text) == ("stdin", "-", FRENCH + "\n")
    assert doc.meta["format"] == "txt"


def test_stdin_html_is_detected():
    doc = only(read("-", stdin=io.BytesIO(PAGE.encode("utf-8"))))
    assert doc.text == PAGE_TEXT
    assert doc.meta["format"] == "html"


def test_stdin_text_starting_with_angle_bracket_is_not_html():
    doc = only(read("-", stdin=io.BytesIO(b"<3 les lundis\nsuite")))
    assert (doc.text, doc.meta["format"]) == ("<3 les lundis\nsuite", "txt")


def test_a_single_string_input_is_one_input():
    pattern = str(SEEDS / "*.txt")
    assert [doc.id for doc in read_documents(pattern)] == [doc.id for doc in read(pattern)]
    assert len(list(read_documents(pattern))) == 5


# ---------------------------------------------------------------------------
# CSV and JSON Lines
# ---------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------
# Big CSV and JSONL files: read in byte ranges, to the documents of reading them whole
# ---------------------------------------------------------------------------


def seed_paragraphs() -> list[str]:
    paragraphs = []
    for path in sorted(SEEDS.glob("*.txt")):
        paragraphs += [p for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
    return paragraphs


def read_whole(monkeypatch, *inputs: object, **options: object) -> list[Document]:
    with monkeypatch.context() as patch:
        patch.setattr(splitting, "PART_BYTES", 10**12)
        return read(*inputs, **options)


def units_of(*inputs: object, **options: object) -> list:
    return plan_inputs([str(item) for item in inputs], **options)[1]


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
    ("content", "encoding", "first_text"),
    [
        # UTF-8 until one cp1252 byte in the last line: the whole file is cp1252, and so is the
        # first range, which alone would have read as UTF-8.
        ([f'{{"text": "Élu {i}"}}' for i in range(200)] + ['{"text": "caf\xe9"}'], "cp1252",
         "Ã‰lu 0"),
        # Mojibake (UTF-8 read as cp1252 and saved as UTF-8) everywhere: repaired in every range.
        ([f'{{"text": "Ã©tÃ© {i}"}}' for i in range(200)], "utf-8 (repaired mojibake)",
         "été 0"),
        # A byte-order mark starts only the first range.
        (["\ufeff" + '{"text": "a"}'] + [f'{{"text": "b{i}"}}' for i in range(200)], "utf-8-sig",
         "a"),
    ],
)  # fmt: skip
def test_the_encoding_of_every_range_is_decided_on_the_whole_file(
    tmp_path, monkeypatch, content, encoding, first_text
):
    data = "\n".join(content).encode("utf-8")
    if encoding == "cp1252":
        data = data.replace("caf\xe9".encode(), b"caf\xe9")
    path = write(tmp_path / "flux.jsonl", data)
    monkeypatch.setattr(splitting, "PART_BYTES", 500)
    assert len(units_of(path)) > 3
    docs = read(path)
    assert docs == read_whole(monkeypatch, path)
    assert {doc.meta["encoding"] for doc in docs} == {encoding}
    assert docs[0].text == first_text


def test_a_file_that_is_one_error_is_not_cut(tmp_path, monkeypatch):
    monkeypatch.setattr(splitting, "PART_BYTES", 100)
    no_text = write(tmp_path / "sans.csv", "id;corps\n" + "1;Texte\n" * 100)
    binary = write(tmp_path / "nul.jsonl", '{"text": "a"}\n' * 100 + "\x00\n")
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


# ---------------------------------------------------------------------------
# Parquet: one document per row, read by row groups
# ---------------------------------------------------------------------------

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


# ---------------------------------------------------------------------------
# Whole batches: nothing lost, order kept, deterministic
# ---------------------------------------------------------------------------


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


def test_constants():
    assert DEFAULT_MAX_BYTES == 10_000_000
    assert SUPPORTED_SUFFIXES == (".txt", ".md", ".html", ".htm", ".csv", ".jsonl", ".parquet")
    assert len(set(ERROR_CODES)) == 8
