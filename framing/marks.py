"""Evidence marks in a text, once for every view: spans (start, end, kind, note) cut a text into
pieces, each plain or marked, and a renderer says only how a piece is drawn (terminal colour,
HTML with escaping, the worksheet). So the terminal, the report's pages and the classroom's
pages agree on which spans show when spans overlap, nest, run out of the text or are empty.

    shown = pieces(text, inside(marks, start, end), start, end)
    html = draw(shown, marked=lambda piece, mark: ..., plain=escape)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple, TypeVar


class Mark(NamedTuple):
    """A span to mark: character offsets [start, end) into the text, its kind (what the renderer
    styles: "promotional", "reuse-verbatim", a sentence's label…) and a note (a tooltip, a
    passage's number). A tuple, so that sorting marks sorts by start, then end, kind, note."""

    start: int
    end: int
    kind: str
    note: str = ""


Marking = TypeVar("Marking")  # what a piece is marked with: a Mark, or a kind alone


def inside(marks: Iterable[Mark], start: int, end: int) -> list[Mark]:
    """The marks that lie wholly within [start, end), a sentence's say; a mark that crosses
    either end is not shown rather than shown in part."""
    return [m for m in marks if start <= m.start and m.end <= end]


def pieces(text: str, marks: Iterable[Mark], start: int = 0,
           end: int | None = None) -> list[tuple[str, Mark | None]]:
    """text[start:end] as (text, mark) pieces in reading order; mark is None for the plain text
    between marks. Marks are taken in the order given (sort them first): one that starts before
    the previous one ended is left out, so of two overlapping marks the first wins and a mark
    nested in another is not shown. A mark is not clipped to [start, end) (see `inside`); one
    past the end of the text, or empty, gives a marked piece with no text, which a renderer
    still draws (an empty [+] says a span was found there). Empty plain pieces are left out."""
    found: list[tuple[str, Mark | None]] = []
    pos = start
    for mark in marks:
        if mark.start < pos:
            continue
        if text[pos : mark.start]:
            found.append((text[pos : mark.start], None))
        found.append((text[mark.start : mark.end], mark))
        pos = mark.end
    if text[pos:end]:
        found.append((text[pos:end], None))
    return found


def draw(shown: Iterable[tuple[str, Marking | None]], marked: Callable[[str, Marking], str],
         plain: Callable[[str], str] = str) -> str:
    """The pieces drawn and joined: `marked(text, mark)` for a marked piece, `plain(text)` for
    the rest (HTML passes its escape here, so that no text goes out unescaped)."""
    return "".join(plain(text) if mark is None else marked(text, mark) for text, mark in shown)
