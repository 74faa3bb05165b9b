"""The main text of a saved web page, the charset it declares, and the metadata it carries
(title, author, date, outlet, url, language).

The main text is trafilatura's (the field's reference extractor: on the public extraction
benchmark it keeps the article and drops menus, sidebars, teasers, share and cookie boxes far
better than a hand-written rule; `benchmarks/html_extraction.py` measures it). Every offset
framing gives points into this extracted text, which is the document's `text`.

lxml, on which trafilatura parses, stops at 256 levels of nesting and silently drops what lies
deeper; such a page is first flattened by a linear pass (elements below MAX_DEPTH lose their
tags, never their text), so that a deeply nested page is read whole and in linear time.

(framing.html is another concept: it renders the report's own HTML pages.)
"""

from __future__ import annotations

import functools
import re
from html import escape
from html.parser import HTMLParser
from importlib import metadata
from typing import NamedTuple

from framing.documents.document import Document, failed_document

# Deeper elements lose their tags (not their text) before lxml parses the page: lxml's limit is
# 256 levels, and trafilatura needs a few levels of its own below the body.
MAX_DEPTH = 200
MIN_MAIN_TEXT_CHARS = 100
# htmldate rejects dates after `max_date`, by default today: a fixed bound keeps the same page
# giving the same date whatever day it is read.
_DATE_OPTIONS = {"extensive_search": False, "original_date": True, "max_date": "2099-12-31"}
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_HTML_LANG = re.compile(r"<html\b[^>]*?\slang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)",
                        re.IGNORECASE)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)


class HtmlPage(NamedTuple):
    text: str  # the main text ("" when the page has none)
    title: str | None  # from <title>
    meta: dict[str, str]  # title, author, date, outlet, site_name, url, language: those found
    visible_chars: int  # characters of visible text on the whole page (menus and all)


def page_document(html: str, doc_id: str, path: str, meta: dict, where: str) -> Document:
    """The document of a web page (a file, stdin, or a table row holding a page): its main
    text, and its metadata under `meta`'s (a row's own columns win over what the page says).
    `no_main_text` for a page whose visible text is all menus and furniture, `empty` for one
    with no visible text; `where` names the page in messages."""
    page = parse_html(html)
    meta = {**page.meta, **meta, "extractor": extractor()}
    if page.text:
        return Document(doc_id, path, page.text, meta)
    if page.visible_chars:
        message = (f"{where} has {page.visible_chars:,} characters of visible text but no main "
                   "text: what it shows is menus, links and other page furniture, not an "
                   "article; check that it is the article's page and not an index or a "
                   "consent wall")
        return failed_document(doc_id, path, "no_main_text", message, meta)
    message = (f"{where} has no visible article text once scripts, navigation and other page "
               "furniture are removed; check it is the article page")
    return failed_document(doc_id, path, "empty", message, meta)


_HTML_START = re.compile(r"<(!doctype\s+html|html|head|body|article|main|div|p)\b", re.IGNORECASE)


@functools.cache
def extractor() -> str:
    """What chose a page's text, with its version, named in each page's meta; looked up on the
    first page, not when a reader of text files imports this module."""
    return f"trafilatura {metadata.version('trafilatura')}"


def looks_like_html(text: str) -> bool:
    """Whether `text` starts like a web page (or a fragment of one), not like text that happens
    to start with "<" ("<3 les lundis").

    >>> looks_like_html("<!DOCTYPE html><html>"), looks_like_html("<3 les lundis")
    (True, False)
    """
    start = text[:2000].lstrip("\ufeff \t\r\n")
    return start.startswith("<") and _HTML_START.search(start) is not None


def html_to_text(html: str) -> tuple[str, str | None]:
    """Main text of an HTML page, and its <title> (or None)."""
    page = parse_html(html)
    return page.text, page.title


def parse_html(html: str) -> HtmlPage:
    """The page's main text, its <title>, and the metadata a document keeps."""
    import trafilatura  # imported here: reading text files should not pay for it

    html = _XML_DECLARATION.sub("", html, count=1)  # lxml refuses a str that declares bytes
    tree = _parse_tree(html)
    found = None
    if tree is not None:
        found = trafilatura.bare_extraction(
            tree, include_comments=False, with_metadata=True,
            date_extraction_params=_DATE_OPTIONS, config=_config(),
        )
    title = _page_title(html)
    meta = _metadata(found, html, title)
    # bare_extraction gives a Document (a dict only with as_dict=True).
    text = (found.text or "").strip() if found is not None else ""  # type: ignore[union-attr]
    if len(text) >= MIN_MAIN_TEXT_CHARS:
        return HtmlPage(text, title, meta, len(text))
    # A short result may be trafilatura's last resort, the page's whole text: on a page that is
    # only menus, links and a consent box, that is furniture, not an article.
    tree = _parse_tree(html)  # trafilatura changed the first one
    visible = _visible_chars(tree)
    if text and _article_chars(tree) == 0:
        text = ""
    return HtmlPage(text, title, meta, visible)


_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "head", "svg")
# Page furniture, for telling a page with no article from a short article: tags, ARIA roles, and
# whole words of an id or class (whole words: "coronavirus" is not "nav", "cookies-not-set" on a
# WordPress <body> is not a cookie box, and <html>, <body>, <main>, <article> are never furniture).
_FURNITURE_TAGS = ("nav", "header", "footer", "aside", "form", "button", "select", "label",
                   "menu", "dialog")
_FURNITURE_ROLES = frozenset({"navigation", "banner", "contentinfo", "dialog", "alertdialog",
                              "menu", "menubar", "search", "complementary"})
_FURNITURE_WORDS = frozenset({
    "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "cookie", "consent",
    "gdpr", "cmp", "share", "social", "newsletter", "footer", "header", "sidebar", "banner",
})  # fmt: skip
_NEVER_FURNITURE = frozenset({"html", "body", "main", "article"})
_NAME_WORDS = re.compile(r"[^a-z0-9]+")


def _visible_chars(tree) -> int:
    """Characters of visible text on the page, furniture included."""
    if tree is None:
        return 0
    import lxml.etree

    lxml.etree.strip_elements(tree, *_INVISIBLE_TAGS, with_tail=False)
    return len("".join(tree.itertext()).strip())


def _article_chars(tree) -> int:
    """Characters of visible text outside the page's furniture (run after _visible_chars)."""
    if tree is None:
        return 0
    import lxml.etree

    lxml.etree.strip_elements(tree, *_FURNITURE_TAGS, with_tail=False)
    for element in list(tree.iter(lxml.etree.Element)):
        if element.tag not in _NEVER_FURNITURE and _is_furniture(element):
            element.drop_tree()  # keeps the tail: the text after the element is not inside it
    return len("".join(tree.itertext()).strip())


def _is_furniture(element) -> bool:
    if (element.get("role") or "").strip().lower() in _FURNITURE_ROLES:
        return True
    names = f"{element.get('id') or ''} {element.get('class') or ''}".lower()
    return not _FURNITURE_WORDS.isdisjoint(_NAME_WORDS.split(names))


@functools.cache
def _config():
    from trafilatura.settings import use_config

    config = use_config()
    # Below this many characters, trafilatura distrusts its main text and falls back on the
    # whole page's text in one line (menus and <noscript> included): a short news brief would be
    # read as page furniture. 100 keeps a brief's own paragraphs; on the benchmark, F1 is the
    # same as with the default, 250 (0.935 both, measured once while choosing).
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", str(MIN_MAIN_TEXT_CHARS))
    return config


def _parse_tree(html: str):
    """lxml's tree of the page, flattened first when it is nested deeper than lxml reads."""
    import lxml.etree
    import lxml.html

    for attempt in (html, None):
        if attempt is None:
            attempt = flatten(html, MAX_DEPTH)
        parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True)
        try:
            tree = lxml.html.document_fromstring(attempt, parser=parser)
        except (lxml.etree.ParserError, ValueError):  # nothing to parse: no element at all
            return None
        if not any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
            return tree
    return tree


def _metadata(found, html: str, page_title: str | None) -> dict[str, str]:
    meta: dict[str, str] = {}
    if found is not None:
        # outlet: the site's registered domain when the page names its url (stable across
        # pages, as "lemonde.fr"), else the name the site gives itself.
        for key, value in (("title", found.title), ("author", found.author),
                           ("date", found.date), ("outlet", found.hostname or found.sitename),
                           ("site_name", found.sitename), ("url", found.url)):
            if value and value.strip():
                meta[key] = " ".join(value.split())
    lang = _HTML_LANG.search(html[:20_000])
    if lang:
        meta["language"] = lang.group(1).lower().replace("_", "-")
    title = headline(html, page_title, meta.get("title"), meta.get("site_name"),
                     meta.get("outlet"))
    if title:
        meta["title"] = title
    return meta


_META_TAG = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")
_HEADLINE_PROPERTIES = ("og:title", "twitter:title")
# What separates a headline from the site's name in a <title>: "Headline | Le Monde".
_SITE_SEPARATOR = re.compile(r"\s+[|\-–—·]\s+")


def headline(html: str, page: str | None, found: str | None, site_name: str | None,
             outlet: str | None) -> str | None:
    """The article's headline: the page's og:title (or twitter:title), which publishers fill
    with the headline alone; else its <title> (`page`) without a trailing part naming the site, when
    that says more than trafilatura's title (which cuts a French "Souveraineté numérique :
    l'État choisit..." at its colon); else trafilatura's (`found`), which also removes a site
    name after a dash that no metadata names.

    >>> headline("", "Données : l’État cède | Le Monde", "Données", "Le Monde", None)
    'Données : l’État cède'
    >>> headline("", "Nice | Nice-Matin", None, "Nice-Matin", None)
    'Nice'
    """
    for tag in _META_TAG.findall(html[:200_000]):
        attributes = {k.lower(): v.strip("\"'") for k, v in _ATTRIBUTE.findall(tag)}
        key = attributes.get("property") or attributes.get("name") or ""
        content = " ".join(_unescape_text(attributes.get("content", "")).split())
        if key.lower() in _HEADLINE_PROPERTIES and content:
            return content
    if not page:
        return found
    end = len(page)  # trailing parts that name the site go, with their separator
    for separator in reversed(list(_SITE_SEPARATOR.finditer(page))):
        if not _names_site(page[separator.end() : end], site_name, outlet):
            break
        end = separator.start()
    kept = page[:end]
    # A dash may end the headline and start the site's name ("Headline – Site"): only a colon
    # is sure to go on with the headline.
    if found is None or (kept.startswith(found) and kept[len(found):].lstrip().startswith(":")):
        return kept.strip()
    return found


def _names_site(part: str, site_name: str | None, outlet: str | None) -> bool:
    name = _folded(part)
    known = [_folded(site_name or ""), _folded((outlet or "").rsplit(".", 1)[0])]
    return bool(name) and any(k and (name == k or name in k or k in name) for k in known)


def _folded(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if c.isalnum())


def _page_title(html: str) -> str | None:
    match = _TITLE.search(html[:200_000])
    if not match:
        return None
    title = " ".join(_unescape_text(match.group(1)).split())
    return title or None


def _unescape_text(fragment: str) -> str:
    import html as html_module

    return html_module.unescape(re.sub(r"<[^>]*>", "", fragment))


# ---------------------------------------------------------------------------
# The charset a page declares
# ---------------------------------------------------------------------------

_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
                           re.IGNORECASE)
# Where browsers look for it (the HTML standard's prescan reads 1,024 bytes; pages saved by hand
# often put it later in a long <head>).
CHARSET_SCAN_BYTES = 16_384
# The HTML standard's own reading of some labels: a page labelled Latin-1 or ASCII is decoded as
# Windows-1252 by every browser, Shift_JIS as its Windows form, and so on.
_BROWSER_CHARSETS = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
    "us-ascii": "cp1252", "ascii": "cp1252", "l1": "cp1252",
    "iso-8859-9": "cp1254", "latin5": "cp1254",
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932",
    "windows-31j": "cp932",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030",
    "euc-kr": "cp949", "ks_c_5601-1987": "cp949",
    "tis-620": "cp874", "iso-8859-11": "cp874",
    "utf-16": "utf-8", "utf-16le": "utf-8", "utf-16be": "utf-8",  # a page read as bytes is not
}  # fmt: skip


def declared_charset(data: bytes) -> str | None:
    """The encoding a page's bytes declare (`<meta charset>`, `<meta http-equiv>`'s content, or
    an XML declaration), as Python names it and as browsers read it; None if none is declared
    or Python does not know it."""
    head = data[:CHARSET_SCAN_BYTES]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if not match:
        return None
    label = match.group(1).decode("ascii", errors="ignore").strip().lower()
    label = _BROWSER_CHARSETS.get(label, label)
    import codecs

    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


# ---------------------------------------------------------------------------
# Flattening a page nested too deep for lxml
# ---------------------------------------------------------------------------

_VOID_TAGS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
})  # fmt: skip


def flatten(html: str, max_depth: int) -> str:
    """`html` with the tags of elements nested deeper than `max_depth` removed and their text
    kept, in one linear pass (the standard library's tolerant parser).

    >>> flatten("<div><div><p>a</p></div></div>", 1)
    '<div>a</div>'
    """
    flattener = _Flattener(max_depth)
    flattener.feed(html)
    flattener.close()
    return "".join(flattener.out)


class _Flattener(HTMLParser):
    def __init__(self, max_depth: int) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.max_depth = max_depth
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID_TAGS:
            self.depth += 1
        if self.depth <= self.max_depth:
            self.out.append(self.get_starttag_text() or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth < self.max_depth:
            self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID_TAGS:
            return
        if self.depth <= self.max_depth:
            self.out.append(f"</{tag}>")
        self.depth = max(0, self.depth - 1)

    def handle_data(self, data: str) -> None:
        self.out.append(escape(data, quote=False))

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")
