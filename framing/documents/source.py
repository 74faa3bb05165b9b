"""What is read and how: a `Source` file, the `ReadOptions` every unit is read with, and the size
limits, with the messages that say a whole file is too large or empty."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import BinaryIO

DEFAULT_MAX_BYTES = 10_000_000
# A CSV or JSONL file holds many documents: the size limit applies to each row's text, and the
# file itself may be this many times larger (a corpus of 10,000 articles is about 30 MB).
TABLE_FILE_FACTOR = 100


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are read: the keywords of `read_documents` and `plan_inputs`, with their
    defaults (the one list of them). `stdin` is where "-" reads from (sys.stdin when None)."""

    text_column: str = "text"  # the column (CSV) or field (JSONL, Parquet) holding the text
    id_column: str = "id"
    max_bytes: int = DEFAULT_MAX_BYTES  # a file at most; in a table, a row's text
    encoding: str | None = None  # None: detected on each file
    stdin: BinaryIO | None = None
    # Folders never read when walking a folder or a glob (absolute, symlinks resolved): the
    # command's own --out, so that a report inside its corpus is not read back as articles.
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class Source:
    """One file to read: its path as given (what records show), the id it gets, how to parse
    it, and its absolute path (what is opened: a Dask worker may run in another folder)."""

    path: str
    doc_id: str
    fmt: str
    location: str


def shown_path(path: str) -> str:
    """A path (or an id made from one) as records and messages show it. A file name that is not
    valid UTF-8 comes from os.fsdecode with its bad bytes as lone surrogates, which no UTF-8 output
    can hold: they are spelled as backslash escapes ("caf\\xe9.txt"). What is opened is the
    path itself (Source.location)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return os.fsencode(path).decode("utf-8", errors="backslashreplace")
        except UnicodeError:  # a surrogate os.fsdecode does not make
            return path.encode("utf-8", errors="backslashreplace").decode("utf-8")
    return path


def too_large_message(name: str, size: str, max_bytes: int) -> str:
    """Why `name` (a file, stdin or a row's text field) of `size` bytes is refused."""
    return (
        f"{name} is {size} bytes, over the limit of {max_bytes:,} bytes; "
        "split it or raise the size limit (max_bytes)"
    )


def empty_message(source: Source, data: bytes) -> str:
    """Why a whole text file (or stdin) gives no document: it is empty or blank (a web page's
    reasons are documents.html's)."""
    name = "stdin" if source.path == "-" else source.path
    if not data:
        return f"{name} is empty (0 bytes); remove it or add the article text"
    return f"{name} contains only whitespace; remove it or add the article text"
