"""framing.documents.html: the visible article text of a page, without its furniture, and its
title, author and date."""

from __future__ import annotations

import hashlib

from framing.documents import html_to_text

from .documents_helpers import FRENCH, PAGE, PAGE_TEXT, assert_error, only, read, write


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
