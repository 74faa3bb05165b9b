"""Read input files, directories, globs and stdin into `Document` objects.

Design rule: every document-to-be yields exactly one `Document`, in a
deterministic order. A failure never raises and never disappears: it becomes a
`Document` whose `error` says what went wrong, naming the file (and row), so a
batch run can report every problem at once instead of stopping at the first.

Reading is planned in units that can be read apart (`plan_inputs`, `read_unit`): a file, a
byte range of a big CSV/JSONL file (framing.splitting) or a run of rows of a Parquet file
(framing.parquet), so that no file is ever loaded whole to be cut up.
"""

from __future__ import annotations

import codecs
import csv
import glob
import hashlib
import io
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from pathlib import PurePath
from typing import BinaryIO, NamedTuple

ERROR_CODES = (
    "empty",
    "binary",
    "encoding",
    "too_large",
    "unreadable",
    "malformed_row",
    "missing_column",
    "duplicate_id",
)
DEFAULT_MAX_BYTES = 10_000_000
# A CSV or JSONL file holds many documents: the size limit applies to each row's text, and the
# file itself may be this many times larger (a corpus of 10,000 articles is about 30 MB).
TABLE_FILE_FACTOR = 100
SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".csv", ".jsonl", ".parquet")

_FORMAT_BY_SUFFIX = {
    ".txt": "txt",
    ".md": "md",
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".parquet": "parquet",
}


@dataclass(frozen=True)
class DocumentError:
    code: str  # one of ERROR_CODES
    message: str  # names the file (and row), and says what to do


@dataclass(frozen=True)
class Document:
    id: str
    path: str | None  # as given or found; "-" for stdin
    text: str  # "" when error is set
    meta: dict  # str -> str
    error: DocumentError | None = None


class DocumentReadError(Exception):
    """A problem with one document; turned into `Document.error` by read_documents."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


# ---------------------------------------------------------------------------
# Public entry point
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Options:
    text_column: str
    id_column: str
    max_bytes: int
    encoding: str | None
    stdin: BinaryIO | None


@dataclass(frozen=True)
class _Source:
    """One file to read: its path as given (what records show), the id it gets, how to parse
    it, and its absolute path (what is opened: a Dask worker may run in another folder)."""

    path: str
    doc_id: str
    fmt: str
    location: str


@dataclass(frozen=True)
class _ByteRange:
    """Bytes [start, end) of a big CSV or JSONL file, to be read on their own, with what reading
    the whole file would have decided (framing.splitting makes them)."""

    source: _Source
    start: int
    end: int
    decoding: tuple  # splitting.Decoding: the whole file's encoding, BOM and mojibake rules
    rows_before: int  # data rows before `start` (CSV); lines before it (JSONL)
    lines_before: int  # lines before `start`, for "line N" in messages
    delimiter: str
    header: tuple[str, ...] | None  # CSV: the header row; None: this range holds it
    stamp: tuple[int, int]  # the file's (size, mtime_ns) when planned: a changed file is refused

    @property
    def size(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class _RowRange:
    """Rows [skip, skip + rows) of one row group of a Parquet file (framing.parquet)."""

    source: _Source
    row_group: int
    skip: int
    rows: int
    rows_before: int  # rows of the file before this range
    size: int  # uncompressed bytes, about: what a partition is measured in


_Unit = _Source | _ByteRange | _RowRange | Document


def read_documents(
    inputs: Iterable[str | os.PathLike],
    *,
    text_column: str = "text",
    id_column: str = "id",
    max_bytes: int = DEFAULT_MAX_BYTES,
    encoding: str | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Document]:
    """Yield one Document per file (or CSV/JSONL/Parquet row) named by `inputs`.

    Each input is a file, a directory (walked recursively), a glob pattern or
    "-" for stdin. Order: input order, then sorted paths, then row order.
    """
    # A lone string would otherwise be iterated character by character.
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    options = _Options(text_column, id_column, max_bytes, encoding, stdin)
    first_place_of_id: dict[str, str] = {}
    for item in inputs:
        for doc in _documents_for_input(os.fspath(item), options):
            yield _flag_duplicate(doc, first_place_of_id)


def _flag_duplicate(doc: Document, first_place_of_id: dict[str, str]) -> Document:
    """Turn a document whose id was already emitted into a duplicate_id error."""
    place = _place(doc)
    first_place = first_place_of_id.get(doc.id)
    if first_place is None:
        first_place_of_id[doc.id] = place
        return doc
    if doc.error is not None:
        # Its own error (e.g. "no such file") is more useful than "duplicate".
        return doc
    if first_place == place:
        message = f"{place} was given more than once; it is only analysed the first time"
    else:
        message = (
            f"duplicate id {doc.id!r}: {place} has the same id as {first_place}; "
            "give each document a unique id (rename the file or fix the id column)"
        )
    return replace(doc, text="", error=DocumentError("duplicate_id", message))


def _place(doc: Document) -> str:
    """Where a document comes from, for messages: the path, plus the row if any."""
    row = doc.meta.get("row")
    if row is None:
        return str(doc.path)
    unit = "line" if doc.meta.get("format") == "jsonl" else "row"
    return f"{doc.path} {unit} {row}"


# ---------------------------------------------------------------------------
# Resolving inputs into files
# ---------------------------------------------------------------------------


def _documents_for_input(item: str, options: _Options) -> Iterator[Document]:
    for unit in _units_for_input(item, options):
        yield from read_unit(unit, options)


def read_unit(unit: _Unit, options: _Options) -> Iterator[Document]:
    """The documents of one unit of `plan_inputs`: a file, a part of one, or a document already
    made."""
    # Imported here, not at the top: both modules build on this one.
    if isinstance(unit, Document):
        yield unit
    elif isinstance(unit, _ByteRange):
        from framing.splitting import read_byte_range

        yield from read_byte_range(unit, options)
    elif isinstance(unit, _RowRange):
        from framing.parquet import read_row_range

        yield from read_row_range(unit, options)
    else:
        yield from _read_source(unit, options)


def plan_inputs(
    inputs: Iterable[str | os.PathLike],
    *,
    text_column: str = "text",
    id_column: str = "id",
    max_bytes: int = DEFAULT_MAX_BYTES,
    encoding: str | None = None,
    stdin: BinaryIO | None = None,
) -> tuple[_Options, list[_Unit]]:
    """What `read_documents` would read, without reading it: (options, units), where a unit is a
    file, a part of a big CSV/JSONL/Parquet file (`read_unit` reads it, on any machine that sees
    the same paths) or a document already made (stdin, a missing file). Reading the units in
    order and flagging duplicate ids with `flag_duplicates` gives exactly `read_documents`'s
    documents: a distributed run reads the units as partitions where the work is done.

    Nothing is read but the ends of Parquet files and, for a CSV/JSONL file over
    `splitting.PART_BYTES`, one streaming pass to find where rows end."""
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    options = _Options(text_column, id_column, max_bytes, encoding, stdin)
    units = [unit for item in inputs for unit in _units_for_input(os.fspath(item), options)]
    return options, units


def flag_duplicates() -> Callable[[Document], Document]:
    """A function to call on each document in reading order: it returns the document, or its
    duplicate_id error when its id came earlier (as read_documents does)."""
    first_place_of_id: dict[str, str] = {}
    return lambda doc: _flag_duplicate(doc, first_place_of_id)


def _units_for_input(item: str, options: _Options) -> Iterator[_Unit]:
    if item == "-":
        yield _read_stdin(options)
    elif os.path.isdir(item):
        yield from _units_for_directory(item, options)
    elif os.path.exists(item):
        yield from _units_for_file(_Source(item, _stem(item), _format_of(item),
                                           os.path.abspath(item)), options)
    elif _is_glob(item):
        yield from _units_for_glob(item, options)
    else:
        message = (
            f"{item}: no such file or directory (relative paths are resolved from {os.getcwd()})"
        )
        yield _failed(_stem(item), item, "unreadable", message, {"format": _format_of(item)})


def _units_for_directory(directory: str, options: _Options) -> Iterator[_Unit]:
    relative_paths, errors = _walk(directory)
    if not relative_paths and not errors:
        message = (
            f"{directory}: no supported files in directory (looked for "
            f"{', '.join(SUPPORTED_SUFFIXES)}; hidden files and folders are skipped)"
        )
        yield _failed(directory, directory, "unreadable", message, {})
        return
    found = [(os.path.join(directory, rel), rel) for rel in relative_paths]
    yield from _units_for_found(directory, found, errors, options)


def _units_for_glob(pattern: str, options: _Options) -> Iterator[_Unit]:
    # Ids are relative to the pattern's fixed leading folders, as for a
    # directory walk, so "corpus/*/*.txt" gives "outlet1/a", not a clash on "a".
    base = _glob_base(pattern)
    paths: set[str] = set()  # a set: "**" matches a folder and the files in it
    errors: list[OSError] = []
    for match in glob.glob(pattern, recursive=True):
        if os.path.isdir(match):
            relative_paths, walk_errors = _walk(match)
            paths.update(os.path.join(match, rel) for rel in relative_paths)
            errors.extend(walk_errors)
        elif _wanted_by_glob(match, pattern):
            paths.add(match)
    if not paths and not errors:
        message = f"no file matches the pattern {pattern!r}; check the pattern and quoting"
        yield _failed(pattern, pattern, "unreadable", message, {})
        return
    found = [(path, os.path.relpath(path, base)) for path in paths]
    yield from _units_for_found(base, found, errors, options)


def _units_for_found(
    base: str, found: list[tuple[str, str]], errors: list[OSError], options: _Options
) -> Iterator[_Unit]:
    """The (path, path relative to base) files to read, and the folders that could not be
    listed, all sorted by relative path. Ids are the relative paths without suffix."""
    entries: list[tuple[str, str, OSError | None]] = [(path, rel, None) for path, rel in found]
    for error in errors:
        path = str(error.filename or base)
        entries.append((path, os.path.relpath(path, base), error))
    for path, rel, error in sorted(entries, key=lambda entry: _posix(entry[1])):
        doc_id = _posix(str(PurePath(rel).with_suffix(""))) if rel != "." else base
        if error is not None:
            message = f"{path}: cannot list this folder ({error.strerror or error})"
            yield _failed(doc_id, path, "unreadable", message, {})
        else:
            yield from _units_for_file(_Source(path, doc_id, _format_of(path),
                                               os.path.abspath(path)), options)


def _units_for_file(source: _Source, options: _Options) -> Iterator[_Unit]:
    """The file, or its parts: row ranges of a Parquet file, byte ranges of a big CSV/JSONL."""
    if source.fmt == "parquet":
        from framing.parquet import row_ranges

        yield from row_ranges(source, options)
    elif source.fmt in ("csv", "jsonl"):
        from framing.splitting import byte_ranges

        yield from byte_ranges(source, options) or [source]
    else:
        yield source


def _wanted_by_glob(path: str, pattern: str) -> bool:
    # "*" and "**" also match images, archives and the like: read only supported
    # files, unless the pattern itself names the suffix (e.g. "*.text").
    suffix = _suffix(path)
    return suffix in SUPPORTED_SUFFIXES or (suffix != "" and suffix == _suffix(pattern))


def _is_readme(name: str) -> bool:
    # A corpus folder's README documents the corpus; it is not an article.
    return name.lower().startswith("readme.")


def _walk(directory: str) -> tuple[list[str], list[OSError]]:
    """Supported, non-hidden, non-README files under `directory` (relative paths), and listing
    errors."""
    found: list[str] = []
    errors: list[OSError] = []
    # os.walk silently skips folders it cannot list unless given onerror.
    for root, dirs, names in os.walk(directory, onerror=errors.append):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        for name in names:
            if name.startswith(".") or _is_readme(name) or _suffix(name) not in SUPPORTED_SUFFIXES:
                continue
            found.append(os.path.relpath(os.path.join(root, name), directory))
    return found, errors


def _is_glob(item: str) -> bool:
    return any(char in item for char in "*?[")


def _glob_base(pattern: str) -> str:
    """The leading folders of a glob pattern that contain no wildcard."""
    parts: list[str] = []
    for part in PurePath(pattern).parts[:-1]:
        if _is_glob(part):
            break
        parts.append(part)
    return os.path.join(*parts) if parts else "."


def _posix(path: str) -> str:
    return path.replace(os.sep, "/")


def _suffix(path: str) -> str:
    return PurePath(path).suffix.lower()


def _stem(path: str) -> str:
    return PurePath(path).stem or path


def _format_of(path: str) -> str:
    # An explicitly named file with an unknown suffix is read as plain text.
    return _FORMAT_BY_SUFFIX.get(_suffix(path), "txt")


# ---------------------------------------------------------------------------
# Reading bytes
# ---------------------------------------------------------------------------


def _read_source(source: _Source, options: _Options) -> Iterator[Document]:
    limit = options.max_bytes
    if source.fmt in ("csv", "jsonl"):
        limit *= TABLE_FILE_FACTOR
    try:
        data = _read_file_bytes(source, limit)
    except DocumentReadError as exc:
        yield _failed(source.doc_id, source.path, exc.code, exc.message, {"format": source.fmt})
        return
    if source.fmt == "csv":
        yield from _csv_documents(data, source, options)
    elif source.fmt == "jsonl":
        yield from _jsonl_documents(data, source, options)
    else:
        yield _text_document(data, source, options)


def _read_file_bytes(source: _Source, max_bytes: int) -> bytes:
    path = source.path
    try:
        # stat first so a huge file is refused without being read.
        size = os.stat(source.location).st_size
        if size > max_bytes:
            raise DocumentReadError("too_large", _too_large_message(path, f"{size:,}", max_bytes))
        with open(source.location, "rb") as handle:
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
    if len(data) > max_bytes:  # the file grew after stat, or is not a regular file
        raise DocumentReadError("too_large", _too_large_message(path, "more than", max_bytes))
    return data


def _too_large_message(name: str, size: str, max_bytes: int) -> str:
    return (
        f"{name} is {size} bytes, over the limit of {max_bytes:,} bytes; "
        "split it or raise the size limit (max_bytes)"
    )


def _read_stdin(options: _Options) -> Document:
    stream = options.stdin if options.stdin is not None else sys.stdin.buffer
    try:
        data = stream.read(options.max_bytes + 1)
    except OSError as exc:
        return _failed("stdin", "-", "unreadable", f"stdin: cannot read ({exc})", {})
    if isinstance(data, str):  # tolerate a text stream
        data = data.encode("utf-8")
    if len(data) > options.max_bytes:
        message = _too_large_message("stdin", "more than", options.max_bytes)
        return _failed("stdin", "-", "too_large", message, {"format": "txt"})
    fmt = "html" if _looks_like_html(data) else "txt"
    return _text_document(data, _Source("-", "stdin", fmt, "-"), options)


_HTML_START = re.compile(rb"<(!doctype\s+html|html|head|body|article|main|div|p)\b", re.IGNORECASE)


def _looks_like_html(data: bytes) -> bool:
    start = data[:2000].lstrip(b"\xef\xbb\xbf \t\r\n")
    return start.startswith(b"<") and _HTML_START.search(start) is not None


# ---------------------------------------------------------------------------
# Decoding
# ---------------------------------------------------------------------------

_MAGIC_NUMBERS = (
    (b"%PDF", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive (e.g. .docx, .xlsx, .odt)"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Bytes that Windows-1252 leaves undefined: their presence means "not cp1252".
_CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01

# Double-encoded UTF-8: a UTF-8 lead byte then a continuation byte, both shown
# as their cp1252 characters ("é" -> "Ã©", "’" -> "â€™").
_MOJIBAKE_LEAD = bytes(range(0xC2, 0xF5)).decode("cp1252")
_MOJIBAKE_CONTINUATION = bytes(range(0x80, 0xC0)).decode("cp1252", errors="ignore")
_MOJIBAKE = re.compile(f"[{re.escape(_MOJIBAKE_LEAD)}][{re.escape(_MOJIBAKE_CONTINUATION)}]")
_MIN_MOJIBAKE_SEQUENCES = 2
_REPAIRED_MOJIBAKE = "utf-8 (repaired mojibake)"  # the encoding named in meta


def decode_bytes(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode a file's bytes; return (text with "\\n" line endings, encoding used).

    Raises DocumentReadError with code "binary" or "encoding". `name` is used
    in messages.
    """
    _refuse_binary(data, name, encoding)
    if encoding is not None:
        text, used = _decode_explicit(data, name, encoding), encoding
    elif data.startswith(codecs.BOM_UTF8):
        text, used = _decode_strict(data, name, "utf-8-sig"), "utf-8-sig"
    elif data.startswith(_UTF16_BOMS):
        text, used = _decode_strict(data, name, "utf-16"), "utf-16"
    else:
        try:
            text, used = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, used = _decode_cp1252(data, name), "cp1252"
    if encoding is None:
        text, used = _repair_mojibake(text, used)
    return _normalise_newlines(text), used


def _normalise_newlines(text: str) -> str:
    # Once, on reading, so every later offset refers to the same text.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _refuse_binary(data: bytes, name: str, encoding: str | None) -> None:
    for magic, what in _MAGIC_NUMBERS:
        if data.startswith(magic):
            raise DocumentReadError(
                "binary", f"{name} looks like {what}, not text; convert it to text first"
            )
    # UTF-16 text is full of NUL bytes, so only count them as binary otherwise.
    if data.startswith(_UTF16_BOMS) or (encoding and _is_wide_encoding(encoding)):
        return
    if b"\x00" in data:
        raise DocumentReadError(
            "binary",
            f"{name} contains NUL bytes, so it looks like a binary file, not text "
            "(if it is UTF-16 text without a byte-order mark, pass --encoding utf-16-le)",
        )


def _is_wide_encoding(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))
    except LookupError:
        return False


def _decode_explicit(data: bytes, name: str, encoding: str) -> str:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise DocumentReadError(
            "encoding", f"cannot read {name}: unknown encoding {encoding!r} given with --encoding"
        ) from None
    text = _decode_strict(data, name, encoding)
    return text.removeprefix("\ufeff")  # a BOM is not part of the text


def _decode_strict(data: bytes, name: str, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DocumentReadError(
            "encoding",
            f"{name} cannot be decoded as {encoding} ({exc.reason} at byte {exc.start}); "
            "pass the right encoding with --encoding",
        ) from None


def _decode_cp1252(data: bytes, name: str) -> str:
    undefined = _CP1252_UNDEFINED.search(data)
    if undefined:
        raise DocumentReadError(
            "encoding",
            f"{name} is neither UTF-8 nor Windows-1252 text (byte 0x{data[undefined.start()]:02X} "
            f"at position {undefined.start()}); pass its encoding with --encoding "
            "(e.g. --encoding latin-1)",
        )
    text = data.decode("cp1252")
    control_share = len(_CONTROL_CHARS.findall(text)) / len(text)
    if control_share > _MAX_CONTROL_SHARE:
        raise DocumentReadError(
            "encoding",
            f"{name} is not UTF-8, and read as Windows-1252 it is {control_share:.1%} control "
            "characters, so it is probably in another encoding or not text; pass its "
            "encoding with --encoding",
        )
    return text


def _repair_mojibake(text: str, used: str) -> tuple[str, str]:
    """Undo UTF-8 that was read as cp1252 and saved again ("Ã©tÃ©" -> "été").

    Only when the whole text round-trips, so genuine accents are never touched.
    """
    if len(_MOJIBAKE.findall(text)) < _MIN_MOJIBAKE_SEQUENCES:
        return text, used
    try:
        repaired = text.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return text, used
    return repaired, _REPAIRED_MOJIBAKE


# ---------------------------------------------------------------------------
# Text, Markdown and HTML files
# ---------------------------------------------------------------------------

_MAX_TITLE_CHARS = 200
_CLOSING_QUOTES = "\"'”’»)\u00a0 "
_MARKDOWN_TITLE = re.compile(r"^# +(.+?)(?: +#+)? *$", re.MULTILINE)


def _text_document(data: bytes, source: _Source, options: _Options) -> Document:
    meta = {"format": source.fmt, "sha256": hashlib.sha256(data).hexdigest()}
    try:
        text, meta["encoding"] = decode_bytes(data, source.path, options.encoding)
    except DocumentReadError as exc:
        return _failed(source.doc_id, source.path, exc.code, exc.message, meta)
    if source.fmt == "html":
        page = _parse_html(text)
        text = page.text
        meta.update(page.meta)
    elif source.fmt == "md":
        meta.update(_markdown_title(text))
    else:
        meta.update(_plain_title(text))
    if not text.strip():
        return _failed(source.doc_id, source.path, "empty", _empty_message(source, data), meta)
    return Document(source.doc_id, source.path, text, meta)


def _empty_message(source: _Source, data: bytes) -> str:
    name = "stdin" if source.path == "-" else source.path
    if not data:
        return f"{name} is empty (0 bytes); remove it or add the article text"
    if source.fmt == "html":
        return (
            f"{name} has no visible article text once scripts, navigation and other "
            "page furniture are removed; check it is the article page"
        )
    return f"{name} contains only whitespace; remove it or add the article text"


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


def html_to_text(html: str) -> tuple[str, str | None]:
    """Visible article text of an HTML page, and its <title> (or None)."""
    page = _parse_html(html)
    return page.text, page.title


class _HtmlPage(NamedTuple):
    text: str
    title: str | None  # from <title>
    meta: dict[str, str]  # title (og:title preferred), author, date


def _parse_html(html: str) -> _HtmlPage:
    parser = _HtmlExtractor()
    parser.feed(html)
    parser.close()
    title = _collapse_spaces("".join(parser.title_parts)).strip() or None
    meta = dict(parser.meta_tags)
    if title and "title" not in meta:
        meta["title"] = title
    return _HtmlPage(_render(parser.events), title, meta)


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
    tag: str
    skip: bool  # boilerplate: drop its text
    region: str | None  # "article" or "main" when this element is one


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
        skip = self._skipping() or self._is_boilerplate(tag, attributes)
        self._stack.append(_Open(tag, skip, _region(tag, attributes)))
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

    def _close(self, tag: str) -> None:
        """Close `tag` and anything left open inside it (tolerates missing end tags)."""
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

    def _add(self, kind: str, value: str | int) -> None:
        if self._skipping():
            return
        in_article = any(open_.region == "article" for open_ in self._stack)
        in_main = any(open_.region == "main" for open_ in self._stack)
        self.events.append(_Event(kind, value, in_article, in_main))

    def _skipping(self) -> bool:
        return any(open_.skip for open_ in self._stack)

    def _inside(self, tag: str) -> bool:
        return any(open_.tag == tag for open_ in self._stack)

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


# ---------------------------------------------------------------------------
# CSV and JSON Lines files: one document per row (big ones in byte ranges: framing.splitting)
# ---------------------------------------------------------------------------

_CSV_DELIMITERS = ",;\t"


def _decode_table(data: bytes, source: _Source, options: _Options) -> tuple[str, str]:
    """Decode a csv/jsonl file, raising DocumentReadError for the file as a whole."""
    text, used = decode_bytes(data, source.path, options.encoding)
    if not text.strip():
        raise DocumentReadError("empty", _empty_message(source, data))
    return text, used


def _csv_documents(data: bytes, source: _Source, options: _Options) -> Iterator[Document]:
    file_meta = {"format": "csv", "sha256": hashlib.sha256(data).hexdigest()}
    try:
        text, file_meta["encoding"] = _decode_table(data, source, options)
        header, rows = _parse_csv(text, source.path, options.max_bytes, _sniff_delimiter(text))
    except DocumentReadError as exc:
        yield _failed(source.doc_id, source.path, exc.code, exc.message, file_meta)
        return
    if options.text_column not in header:
        message = (
            f"{source.path} has no {options.text_column!r} column (columns found: "
            f"{', '.join(header)}); rename the text column or choose it with --text-column"
        )
        yield _failed(source.doc_id, source.path, "missing_column", message, file_meta)
        return
    if not rows:
        message = f"{source.path} has a header but no data rows; add rows or remove the file"
        yield _failed(source.doc_id, source.path, "empty", message, file_meta)
        return
    row_meta = {"format": "csv", "encoding": file_meta["encoding"]}
    for row in rows:
        yield _csv_row_document(row, header, source, options, row_meta)


class _CsvRow(NamedTuple):
    number: int  # 1-based data row number (the header is not counted)
    line: int  # last physical line of the row, to help find it in an editor
    fields: list[str] | None  # None when the csv module could not parse the row
    problem: str  # why fields is None


def _parse_csv(
    text: str,
    path: str,
    max_bytes: int,
    delimiter: str,
    header: Iterable[str] | None = None,
    rows_before: int = 0,
    lines_before: int = 0,
) -> tuple[list[str], list[_CsvRow]]:
    """The header (the first row, unless given) and the data rows of `text`, numbered after
    `rows_before` rows and `lines_before` lines (for a byte range of a file).

    All rows at once, so that the global field size limit is restored before anything else runs.
    """
    rows: list[_CsvRow] = []
    with _csv_field_limit(max_bytes):
        for fields, line, problem in _csv_records(io.StringIO(text), delimiter):
            if fields == []:
                continue  # a blank line is not a row
            if header is None:
                if fields is None:
                    message = (f"{path}: the header line cannot be parsed ({problem}); "
                               "fix the quoting")
                    raise DocumentReadError("malformed_row", message)
                header = [name.strip() for name in fields]
            else:
                number = rows_before + len(rows) + 1
                rows.append(_CsvRow(number, lines_before + line, fields, problem))
    return list(header or []), rows


def _csv_records(
    lines: Iterable[str], delimiter: str
) -> Iterator[tuple[list[str] | None, int, str]]:
    """(fields, line, problem) for each record of `lines`, blank ones ([]) included: fields is
    None when the csv module cannot parse it (problem says why), line is the last line it took.
    A record that cannot be parsed ends with its line: the next one starts on the next line."""
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield None, reader.line_num, str(exc)
        else:
            yield fields, reader.line_num, ""


@contextmanager
def _csv_field_limit(max_bytes: int) -> Iterator[None]:
    # Article text can exceed the csv module's 128 KiB default field limit, which is global.
    old_limit = csv.field_size_limit()
    csv.field_size_limit(max(old_limit, min(max_bytes, 2**31 - 1)))
    try:
        yield
    finally:
        csv.field_size_limit(old_limit)


def _sniff_delimiter(text: str) -> str:
    """Pick ",", ";" or tab by counting them in the header line (outside quotes).

    Counting in the header is steadier than csv.Sniffer, which is easily misled
    by commas inside long article text.
    """
    header = next((line for line in text.split("\n") if line.strip()), "")
    unquoted = "".join(header.split('"')[::2])
    counts = {delimiter: unquoted.count(delimiter) for delimiter in _CSV_DELIMITERS}
    best = max(_CSV_DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def _csv_row_document(
    row: _CsvRow, header: list[str], source: _Source, options: _Options, row_meta: dict
) -> Document:
    meta = {**row_meta, "row": str(row.number)}
    where = f"{source.path}, row {row.number} (line {row.line})"
    fallback_id = f"{source.doc_id}:{row.number}"
    if row.fields is None:
        message = f"{where}: cannot be parsed ({row.problem}); fix the quoting in this row"
        if row.problem == "unexpected end of data":
            message = f"{where}: a quoted field is never closed; the rest of the file was lost"
        return _failed(fallback_id, source.path, "malformed_row", message, meta)
    if len(row.fields) != len(header):
        message = (
            f"{where}: has {len(row.fields)} fields but the header has {len(header)}; "
            "check for an unquoted delimiter or a missing field"
        )
        return _failed(fallback_id, source.path, "malformed_row", message, meta)
    values = dict(zip(header, row.fields))
    return _row_document(values, source, options, meta, fallback_id, where)


def _jsonl_documents(data: bytes, source: _Source, options: _Options) -> Iterator[Document]:
    file_meta = {"format": "jsonl", "sha256": hashlib.sha256(data).hexdigest()}
    try:
        text, file_meta["encoding"] = _decode_table(data, source, options)
    except DocumentReadError as exc:
        yield _failed(source.doc_id, source.path, exc.code, exc.message, file_meta)
        return
    row_meta = {"format": "jsonl", "encoding": file_meta["encoding"]}
    yield from _jsonl_lines(text, source, options, row_meta)


def _jsonl_lines(
    text: str, source: _Source, options: _Options, row_meta: dict, lines_before: int = 0
) -> Iterator[Document]:
    # split("\n"), not splitlines(): JSON strings may contain raw U+2028 etc.
    for line_number, line in enumerate(text.split("\n"), start=lines_before + 1):
        if line.strip():
            yield _jsonl_row_document(line, line_number, source, options, row_meta)


def _jsonl_row_document(
    line: str, line_number: int, source: _Source, options: _Options, row_meta: dict
) -> Document:
    # For JSON Lines the row number is the line number: that is what editors show.
    meta = {**row_meta, "row": str(line_number)}
    where = f"{source.path}, line {line_number}"
    fallback_id = f"{source.doc_id}:{line_number}"
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        message = f"{where}: not valid JSON ({exc.msg} at column {exc.colno}); fix or remove it"
        return _failed(fallback_id, source.path, "malformed_row", message, meta)
    if not isinstance(value, dict):
        message = f"{where}: expected a JSON object, got {type(value).__name__}"
        return _failed(fallback_id, source.path, "malformed_row", message, meta)
    # null means "no value": it must not become the id "null" or a date "null".
    values = {key: _meta_string(item) for key, item in value.items() if item is not None}
    text = value.get(options.text_column)
    if not isinstance(text, str):
        doc_id = values.get(options.id_column, "").strip() or fallback_id
        if options.text_column in value:
            problem = f"{options.text_column!r} is {type(text).__name__}, not a string"
        else:
            keys = ", ".join(value) or "none"
            problem = f"no {options.text_column!r} key (keys found: {keys})"
        message = f"{where}: {problem}; choose the text key with --text-column"
        return _failed(doc_id, source.path, "missing_column", message, meta)
    values[options.text_column] = text
    return _row_document(values, source, options, meta, fallback_id, where)


def _meta_string(value: object) -> str:
    # JSON spelling (true, 0.5, compact objects) keeps the original meaning; a value JSON cannot
    # spell (a Parquet date or timestamp) is written as str() writes it (2024-05-13).
    if not isinstance(value, (bool, int, float, list, dict)):
        return str(value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def _row_document(
    values: dict[str, str],
    source: _Source,
    options: _Options,
    meta: dict[str, str],
    fallback_id: str,
    where: str,
) -> Document:
    """Build the document for a parsed CSV/JSONL/Parquet row holding the text column."""
    doc_id = values.get(options.id_column, "").strip() or fallback_id
    text = values[options.text_column]
    extra = {
        key: value
        for key, value in values.items()
        if key not in (options.text_column, options.id_column)
    }
    # Our own keys win over same-named columns: they describe how it was read.
    meta = {**extra, **meta}
    if not text.strip():
        message = f"{where}: the {options.text_column!r} field is empty"
        return _failed(doc_id, source.path, "empty", message, meta)
    encoded = text.encode("utf-8")
    if len(encoded) > options.max_bytes:
        message = _too_large_message(f"{where}: the {options.text_column!r} field",
                                     f"{len(encoded):,}", options.max_bytes)
        return _failed(doc_id, source.path, "too_large", message, meta)
    meta["sha256"] = hashlib.sha256(encoded).hexdigest()
    return Document(doc_id, source.path, text, meta)


# ---------------------------------------------------------------------------


def _failed(doc_id: str, path: str, code: str, message: str, meta: dict) -> Document:
    return Document(doc_id, path, "", dict(meta), DocumentError(code, message))


__all__ = [
    "DEFAULT_MAX_BYTES",
    "ERROR_CODES",
    "SUPPORTED_SUFFIXES",
    "Document",
    "DocumentError",
    "DocumentReadError",
    "decode_bytes",
    "flag_duplicates",
    "html_to_text",
    "plan_inputs",
    "read_documents",
    "read_unit",
]
