"""Main-text extraction from an HTML page: the visible article text, without scripts,
navigation and other page furniture, and the page's title, author and date.

(framing.html is another concept: it renders the report's own HTML pages.)
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from typing import NamedTuple


def html_to_text(html: str) -> tuple[str, str | None]:
    """Visible article text of an HTML page, and its <title> (or None)."""
    page = parse_html(html)
    return page.text, page.title


class HtmlPage(NamedTuple):
    text: str
    title: str | None  # from <title>
    meta: dict[str, str]  # title (og:title preferred), author, date


def parse_html(html: str) -> HtmlPage:
    """The page's visible article text, its <title>, and the metadata a document keeps."""
    parser = _HtmlExtractor()
    parser.feed(html)
    parser.close()
    title = _collapse_spaces("".join(parser.title_parts)).strip() or None
    meta = dict(parser.meta_tags)
    if title and "title" not in meta:
        meta["title"] = title
    return HtmlPage(_render(parser.events), title, meta)


_SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "head", "title", "nav", "header",
    "footer", "aside", "form", "button", "iframe",
})  # fmt: skip
_SKIP_ROLES = frozenset({"navigation", "banner", "contentinfo"})
# Matched inside each dash/underscore-separated part of an id or class name.
_BOILERPLATE_WORDS = (
    "cookie", "consent", "newsletter", "share", "social", "breadcrumb", "menu", "nav",
    "footer", "related", "comments", "advert",
)  # fmt: skip
# Matched only as a whole part, so "lead-paragraph" or "head-title" survive.
_BOILERPLATE_PARTS = frozenset({"ad", "ads", "comment"})
_VOID_TAGS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
})  # fmt: skip
# Tags allowed in <head>; any other start tag means the head has ended even
# when </head> was omitted (which HTML allows).
_HEAD_CONTENT_TAGS = frozenset({
    "html", "head", "title", "meta", "link", "style", "script", "noscript", "base", "template",
})  # fmt: skip
_PARAGRAPH_BREAK = 2  # "\n\n" between paragraphs
_LINE_BREAK = 1  # "\n" between lines, e.g. list items
_BREAK_BY_TAG = {
    **dict.fromkeys(
        ("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "dl",
         "table", "figure", "section", "article", "main", "header", "hr", "address"),
        _PARAGRAPH_BREAK,
    ),
    **dict.fromkeys(
        ("div", "li", "br", "tr", "dt", "dd", "figcaption", "caption", "details", "summary"),
        _LINE_BREAK,
    ),
}  # fmt: skip
_CELL_TAGS = frozenset({"td", "th"})
_META_PROPERTIES = {"og:title": "title", "author": "author", "article:published_time": "date"}


class _Open(NamedTuple):
    """An open element, with what it inherits from those around it, so that no question about
    the elements open asks all of them (a page nested 20,000 deep stays linear)."""

    tag: str
    skip: bool  # it, or an element around it, is boilerplate: drop its text
    in_article: bool  # it, or an element around it, is an <article>
    in_main: bool  # ... a <main> (or role="main")


class _Event(NamedTuple):
    kind: str  # "text" or "break"
    value: str | int  # the text, or the break strength
    in_article: bool
    in_main: bool


class _HtmlExtractor(HTMLParser):
    """Collect visible text as text/break events, remembering which lie in article/main."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # entities arrive unescaped
        self.events: list[_Event] = []
        self.title_parts: list[str] = []
        self.meta_tags: dict[str, str] = {}
        self._stack: list[_Open] = []
        self._open_tags: Counter[str] = Counter()  # how many of each tag are in _stack
        self._in_title = False
        self._title_done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name.lower(): (value or "") for name, value in attrs}
        if tag not in _HEAD_CONTENT_TAGS:
            self._close("head")
        if tag == "meta":
            self._take_meta(attributes)
        if tag == "title" and not self._title_done and not self._inside("svg"):
            self._in_title = True
        if tag in _VOID_TAGS:
            if tag in _BREAK_BY_TAG:
                self._add("break", _BREAK_BY_TAG[tag])
            return
        self._push(tag, attributes)
        if tag in _BREAK_BY_TAG:
            self._add("break", _BREAK_BY_TAG[tag])
        elif tag in _CELL_TAGS:
            self._add("text", " ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._in_title:
            self._in_title = False
            self._title_done = True
        self._close(tag)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        self._add("text", data)

    def _push(self, tag: str, attributes: dict[str, str]) -> None:
        around = self._stack[-1] if self._stack else _Open("", False, False, False)
        skip = around.skip or self._is_boilerplate(tag, attributes)
        region = _region(tag, attributes)
        self._stack.append(_Open(tag, skip, around.in_article or region == "article",
                                 around.in_main or region == "main"))
        self._open_tags[tag] += 1

    def _close(self, tag: str) -> None:
        """Close `tag` and anything left open inside it (tolerates missing end tags)."""
        if not self._open_tags[tag]:
            return  # a stray end tag: ignore it
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index].tag == tag:
                break
        else:
            return  # a stray end tag: ignore it
        while len(self._stack) > index:
            closing = self._stack[-1].tag
            if closing in _BREAK_BY_TAG:
                self._add("break", _BREAK_BY_TAG[closing])  # while still inside it
            self._stack.pop()
            self._open_tags[closing] -= 1

    def _add(self, kind: str, value: str | int) -> None:
        if not self._stack:
            self.events.append(_Event(kind, value, False, False))
            return
        inner = self._stack[-1]
        if not inner.skip:
            self.events.append(_Event(kind, value, inner.in_article, inner.in_main))

    def _inside(self, tag: str) -> bool:
        return self._open_tags[tag] > 0

    def _is_boilerplate(self, tag: str, attributes: dict[str, str]) -> bool:
        # An article's own <header> holds its headline and standfirst; only
        # the page-level header is a banner.
        if tag in _SKIP_TAGS and not (tag == "header" and self._inside("article")):
            return True
        if attributes.get("role", "").strip().lower() in _SKIP_ROLES:
            return True
        names = f"{attributes.get('id', '')} {attributes.get('class', '')}".lower()
        return any(_is_boilerplate_part(part) for part in re.split(r"[^a-z0-9]+", names))

    def _take_meta(self, attributes: dict[str, str]) -> None:
        key = (attributes.get("property") or attributes.get("name") or "").strip().lower()
        content = attributes.get("content", "").strip()
        if key in _META_PROPERTIES and content:
            self.meta_tags.setdefault(_META_PROPERTIES[key], content)


def _is_boilerplate_part(part: str) -> bool:
    return part in _BOILERPLATE_PARTS or any(word in part for word in _BOILERPLATE_WORDS)


def _region(tag: str, attributes: dict[str, str]) -> str | None:
    if tag == "article":
        return "article"
    if tag == "main" or attributes.get("role", "").strip().lower() == "main":
        return "main"
    return None


def _render(events: list[_Event]) -> str:
    """Join text events into blocks separated by "\\n" or "\\n\\n"."""
    events = _main_content(events)
    output: list[str] = []
    block: list[str] = []
    pending_break = 0

    def flush() -> None:
        nonlocal pending_break
        text = _collapse_spaces("".join(block)).strip(" ")
        block.clear()
        if not text.strip():  # blank, or only non-breaking spaces used as spacers
            return
        if output:
            output.append("\n" * max(pending_break, _LINE_BREAK))
        output.append(text)
        pending_break = 0

    for event in events:
        if event.kind == "text":
            block.append(str(event.value))
        else:
            flush()
            pending_break = max(pending_break, int(event.value))
    flush()
    return "".join(output)


def _main_content(events: list[_Event]) -> list[_Event]:
    """Keep only <article> content if it has text, else <main>, else everything."""
    for in_region in (lambda event: event.in_article, lambda event: event.in_main):
        chosen = [event for event in events if in_region(event)]
        if any(event.kind == "text" and str(event.value).strip() for event in chosen):
            return chosen
    return events


def _collapse_spaces(text: str) -> str:
    # Only ASCII whitespace: a non-breaking space (French typography) is kept.
    return re.sub(r"[ \t\n\r\f\v]+", " ", text)
