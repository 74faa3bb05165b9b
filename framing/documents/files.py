"""One whole file, or stdin, into its documents: the bytes read within the size limit, a text,
Markdown or HTML file as one document (with its title), a CSV or JSON Lines file as one
document per row (framing.documents.tables).
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import sys
from collections.abc import Iterator

from framing.documents.decoding import composed, decode_bytes, decode_page
from framing.documents.document import Document, DocumentReadError, failed_document
from framing.documents.html import declared_charset, looks_like_html, page_document
from framing.documents.source import (
    TABLE_FILE_FACTOR,
    ReadOptions,
    Source,
    empty_message,
    too_large_message,
)
from framing.documents.tables import csv_documents, jsonl_documents


def read_source(source: Source, options: ReadOptions) -> Iterator[Document]:
    """The documents of a whole file: one, or one per row of a CSV/JSONL file."""
    limit = options.max_bytes
    if source.fmt in ("csv", "jsonl"):
        limit *= TABLE_FILE_FACTOR
    try:
        data = _read_file_bytes(source, limit)
    except DocumentReadError as exc:
        meta = {"format": source.fmt}
        yield failed_document(source.doc_id, source.path, exc.code, exc.message, meta)
        return
    if source.fmt == "csv":
        yield from csv_documents(data, source, options)
    elif source.fmt == "jsonl":
        yield from jsonl_documents(data, source, options)
    else:
        yield _text_document(data, source, options)


def _read_file_bytes(source: Source, max_bytes: int) -> bytes:
    return read_bytes(source.location, max_bytes, source.path)


def read_bytes(location: str, max_bytes: int, path: str | None = None) -> bytes:
    """The bytes of the regular file at `location`, at most `max_bytes` of them; `path` names it
    in messages (default: `location`). Raises DocumentReadError: "unreadable" (missing, no
    permission, not a regular file: a FIFO, socket or device would block or never end) or
    "too_large"."""
    path = location if path is None else path
    try:
        # stat first so a huge file is refused without being read, and a FIFO is not opened.
        info = os.stat(location)
        check_regular(info.st_mode, path)
        if info.st_size > max_bytes:
            raise DocumentReadError("too_large",
                                    too_large_message(path, f"{info.st_size:,}", max_bytes))
        with open(location, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise DocumentReadError("unreadable", f"{path}: no such file") from None
    except PermissionError:
        message = f"{path}: permission denied; check the file's read permissions"
        raise DocumentReadError("unreadable", message) from None
    except OSError as exc:
        raise DocumentReadError(
            "unreadable", f"{path}: cannot read ({exc.strerror or exc})"
        ) from None
    if len(data) > max_bytes:  # the file grew after stat
        raise DocumentReadError("too_large",
                                too_large_message(path, f"more than {max_bytes:,}", max_bytes))
    return data


_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def check_regular(mode: int, path: str) -> None:
    """Raise DocumentReadError "unreadable" unless `mode` (os.stat's st_mode) is a regular file's:
    reading a FIFO, socket or device could block forever or never end."""
    if stat.S_ISREG(mode):
        return
    kind = next((name for test, name in _KINDS if test(mode)), "not a file")
    raise DocumentReadError(
        "unreadable",
        f"{path} is not a regular file but {kind}, which framing does not read (it could wait "
        "forever or never end); to read a stream, give it on stdin: framing score - < FILE",
    )


def read_stdin(options: ReadOptions) -> Document:
    """Standard input as one document, read as HTML when it starts like a page."""
    stream = options.stdin if options.stdin is not None else sys.stdin.buffer
    try:
        data = stream.read(options.max_bytes + 1)
    except OSError as exc:
        return failed_document("stdin", "-", "unreadable", f"stdin: cannot read ({exc})", {})
    if isinstance(data, str):  # tolerate a text stream
        data = data.encode("utf-8")
    if len(data) > options.max_bytes:
        message = too_large_message("stdin", f"more than {options.max_bytes:,}", options.max_bytes)
        return failed_document("stdin", "-", "too_large", message, {"format": "txt"})
    fmt = "html" if looks_like_html(data[:2000].decode("utf-8", errors="replace")) else "txt"
    return _text_document(data, Source("-", "stdin", fmt, "-"), options)


# ---------------------------------------------------------------------------
# Text, Markdown and HTML files
# ---------------------------------------------------------------------------

_MAX_TITLE_CHARS = 200
_CLOSING_QUOTES = "\"'”’»)\u00a0 "
_MARKDOWN_TITLE = re.compile(r"^# +(.+?)(?: +#+)? *$", re.MULTILINE)


def _text_document(data: bytes, source: Source, options: ReadOptions) -> Document:
    meta = {"format": source.fmt, "sha256": hashlib.sha256(data).hexdigest()}
    try:
        if source.fmt == "html":
            text, meta["encoding"] = decode_page(data, source.path, options.encoding,
                                                 declared_charset(data))
        else:
            text, meta["encoding"] = decode_bytes(data, source.path, options.encoding)
    except DocumentReadError as exc:
        return failed_document(source.doc_id, source.path, exc.code, exc.message, meta)
    text = composed(text, meta)
    if source.fmt == "html":
        name = "stdin" if source.path == "-" else source.path
        return page_document(text, source.doc_id, source.path, meta, name)
    meta.update(_markdown_title(text) if source.fmt == "md" else _plain_title(text))
    if not text.strip():
        message = empty_message(source, data)
        return failed_document(source.doc_id, source.path, "empty", message, meta)
    return Document(source.doc_id, source.path, text, meta)


def _plain_title(text: str) -> dict[str, str]:
    # A first line that is short and not a sentence is most likely a headline.
    for line in text.split("\n"):
        line = line.strip()
        if line:
            # 'He said "yes."' is a sentence too: look past closing quotes.
            if len(line) <= _MAX_TITLE_CHARS and not line.rstrip(_CLOSING_QUOTES).endswith("."):
                return {"title": line}
            return {}
    return {}


def _markdown_title(text: str) -> dict[str, str]:
    match = _MARKDOWN_TITLE.search(text)
    return {"title": match.group(1).strip()} if match else {}
