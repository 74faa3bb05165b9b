"""From inputs to units: files, folders (walked), glob patterns and stdin resolved into the
units that can be read apart, in a deterministic order, and duplicate ids flagged.

A unit is a file, a byte range of a big CSV/JSONL file (framing.documents.splitting), a run of
rows of a Parquet file (framing.documents.parquet) or a document already made (stdin, a missing
file), so that no file is ever loaded whole to be cut up.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import PurePath
from typing import BinaryIO

from framing.documents.document import (
    Document,
    DocumentError,
    DocumentReadError,
    failed_document,
)
from framing.documents.files import check_regular, read_source, read_stdin
from framing.documents.parquet import RowRange, read_row_range, row_ranges
from framing.documents.source import ReadOptions, Source, shown_path
from framing.documents.splitting import ByteRange, byte_ranges, read_byte_range

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


# What plan_inputs plans and read_unit reads: a whole file, a byte range of a big CSV/JSONL
# file, a run of rows of a Parquet file, or a document already made (stdin, a missing file).
Unit = Source | ByteRange | RowRange | Document
Inputs = Iterable[str | os.PathLike] | str | os.PathLike  # one input alone, or several


def read_documents(inputs: Inputs, **options: str | int | BinaryIO | None) -> Iterator[Document]:
    """Yield one Document per file (or CSV/JSONL/Parquet row) named by `inputs`.

    Each input is a file, a directory (walked recursively), a glob pattern or
    "-" for stdin. Order: input order, then sorted paths, then row order.
    `options` are ReadOptions's fields: text_column, id_column, max_bytes, encoding, stdin.
    """
    read_options = ReadOptions(**options)  # type: ignore[arg-type]  # checked by ReadOptions
    flag = flag_duplicates()
    for item in _listed(inputs):
        for doc in _documents_for_input(item, read_options):
            yield flag(doc)


def _listed(inputs: Inputs) -> Iterator[str]:
    # A lone string would otherwise be iterated character by character.
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    return (os.fspath(item) for item in inputs)


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


def _documents_for_input(item: str, options: ReadOptions) -> Iterator[Document]:
    for unit in _units_for_input(item, options):
        yield from read_unit(unit, options)


def read_unit(unit: Unit, options: ReadOptions) -> Iterator[Document]:
    """The documents of one unit of `plan_inputs`: a file, a part of one, or a document already
    made."""
    if isinstance(unit, Document):
        yield unit
    elif isinstance(unit, ByteRange):
        yield from read_byte_range(unit, options)
    elif isinstance(unit, RowRange):
        yield from read_row_range(unit, options)
    else:
        yield from read_source(unit, options)


def plan_inputs(inputs: Inputs,
                **options: str | int | BinaryIO | None) -> tuple[ReadOptions, list[Unit]]:
    """What `read_documents` would read, without reading it: (options, units), where a unit is a
    file, a part of a big CSV/JSONL/Parquet file (`read_unit` reads it, on any machine that sees
    the same paths) or a document already made (stdin, a missing file). Reading the units in
    order and flagging duplicate ids with `flag_duplicates` gives exactly `read_documents`'s
    documents: a distributed run reads the units as partitions where the work is done.
    `options` are read_documents's.

    Nothing is read but the ends of Parquet files and, for a CSV/JSONL file over
    `splitting.PART_BYTES`, one streaming pass to find where rows end."""
    read_options = ReadOptions(**options)  # type: ignore[arg-type]  # checked by ReadOptions
    units = [unit for item in _listed(inputs) for unit in _units_for_input(item, read_options)]
    return read_options, units


def flag_duplicates() -> Callable[[Document], Document]:
    """A function to call on each document in reading order: it returns the document, or its
    duplicate_id error when its id came earlier (as read_documents does)."""
    first_place_of_id: dict[str, str] = {}
    return lambda doc: _flag_duplicate(doc, first_place_of_id)


def _units_for_input(item: str, options: ReadOptions) -> Iterator[Unit]:
    if item == "-":
        yield read_stdin(options)
    elif os.path.isdir(item):
        yield from _units_for_directory(item, options)
    elif os.path.exists(item):
        yield from _units_for_file(_source(item, _stem(item)), options)
    elif _is_glob(item):
        yield from _units_for_glob(item, options)
    else:
        shown = shown_path(item)
        message = (
            f"{shown}: no such file or directory (relative paths are resolved from "
            f"{shown_path(os.getcwd())})"
        )
        meta = {"format": _format_of(item)}
        yield failed_document(shown_path(_stem(item)), shown, "unreadable", message, meta)


def _units_for_directory(directory: str, options: ReadOptions) -> Iterator[Unit]:
    relative_paths, errors = _walk(directory, options.exclude)
    if not relative_paths and not errors:
        shown = shown_path(directory)
        message = (
            f"{shown}: no supported files in directory (looked for "
            f"{', '.join(SUPPORTED_SUFFIXES)}; hidden files and folders are skipped)"
        )
        yield failed_document(shown, shown, "unreadable", message, {})
        return
    found = [(os.path.join(directory, rel), rel) for rel in relative_paths]
    yield from _units_for_found(directory, found, errors, options)


def _units_for_glob(pattern: str, options: ReadOptions) -> Iterator[Unit]:
    # Ids are relative to the pattern's fixed leading folders, as for a
    # directory walk, so "corpus/*/*.txt" gives "outlet1/a", not a clash on "a".
    base = _glob_base(pattern)
    paths: set[str] = set()  # a set: "**" matches a folder and the files in it
    errors: list[OSError] = []
    for match in glob.glob(pattern, recursive=True):
        if _excluded(match, options.exclude):
            continue
        if os.path.isdir(match):
            relative_paths, walk_errors = _walk(match, options.exclude)
            paths.update(os.path.join(match, rel) for rel in relative_paths)
            errors.extend(walk_errors)
        elif _wanted_by_glob(match, pattern):
            paths.add(match)
    if not paths and not errors:
        shown = shown_path(pattern)
        message = f"no file matches the pattern {shown!r}; check the pattern and quoting"
        yield failed_document(shown, shown, "unreadable", message, {})
        return
    found = [(path, os.path.relpath(path, base)) for path in paths]
    yield from _units_for_found(base, found, errors, options)


def _units_for_found(
    base: str, found: list[tuple[str, str]], errors: list[OSError], options: ReadOptions
) -> Iterator[Unit]:
    """The (path, path relative to base) files to read, and the folders that could not be
    listed, all sorted by relative path. Ids are the relative paths without suffix."""
    entries: list[tuple[str, str, OSError | None]] = [(path, rel, None) for path, rel in found]
    for failure in errors:
        path = str(failure.filename or base)
        entries.append((path, os.path.relpath(path, base), failure))
    for path, rel, error in sorted(entries, key=lambda entry: _posix(entry[1])):
        doc_id = _posix(str(PurePath(rel).with_suffix(""))) if rel != "." else base
        if error is not None:
            shown = shown_path(path)
            message = f"{shown}: cannot list this folder ({error.strerror or error})"
            yield failed_document(shown_path(doc_id), shown, "unreadable", message, {})
        else:
            yield from _units_for_file(_source(path, doc_id), options)


def _source(path: str, doc_id: str) -> Source:
    """The file at `path` to read: shown by a printable path and id, opened by its own path."""
    return Source(shown_path(path), shown_path(doc_id), _format_of(path), os.path.abspath(path))


def _units_for_file(source: Source, options: ReadOptions) -> Iterator[Unit]:
    """The file, or its parts: row ranges of a Parquet file, byte ranges of a big CSV/JSONL; a
    FIFO, socket or device is refused before anything opens it (that could block forever)."""
    try:
        check_regular(os.stat(source.location).st_mode, source.path)
    except DocumentReadError as exc:
        meta = {"format": source.fmt}
        yield failed_document(source.doc_id, source.path, exc.code, exc.message, meta)
        return
    except OSError:
        pass  # reading the file reports it
    if source.fmt == "parquet":
        yield from row_ranges(source, options)
    elif source.fmt in ("csv", "jsonl"):
        ranges: Sequence[Unit] = byte_ranges(source, options) or [source]
        yield from ranges
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


def _excluded(path: str, exclude: tuple[str, ...]) -> bool:
    """Whether `path` is one of the `exclude` folders or inside one."""
    if not exclude:
        return False
    real = os.path.realpath(path)
    return any(real == folder or real.startswith(folder.rstrip(os.sep) + os.sep)
               for folder in exclude)


def _walk(directory: str, exclude: tuple[str, ...] = ()) -> tuple[list[str], list[OSError]]:
    """Supported, non-hidden, non-README files under `directory` (relative paths), and listing
    errors; folders in `exclude` are not walked."""
    found: list[str] = []
    errors: list[OSError] = []
    # os.walk silently skips folders it cannot list unless given onerror.
    for root, dirs, names in os.walk(directory, onerror=errors.append):
        dirs[:] = [name for name in dirs if not name.startswith(".")
                   and not _excluded(os.path.join(root, name), exclude)]
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
