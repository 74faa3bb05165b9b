"""framing.documents.files: one whole file or stdin into its document: titles of text and
Markdown files, HTML detected on stdin, files that cannot be opened."""

from __future__ import annotations

import io
import os

import pytest

from .conftest import SEEDS
from .documents_helpers import FRENCH, PAGE, PAGE_TEXT, assert_error, only, read, write


def test_seed_title_is_the_first_line_when_it_is_a_headline():
    doc = only(read(SEEDS / "003_6c9814ce4a1dd87c.txt"))
    assert doc.meta["title"].startswith("Microsoft renforce l’intelligence artificielle")
    # This seed's first line is a quoted sentence ending in '."', not a headline.
    assert "title" not in only(read(SEEDS / "001_d61afefeb5640952.txt")).meta


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
