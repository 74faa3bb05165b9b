"""Parquet files: one document per row, read a run of rows at a time.

    row_ranges(source, options)    # the units of a Parquet file (only its footer is read)
    read_row_range(part, options)  # their documents

Columns as in CSV and JSON Lines: `--text-column` (default text) holds the article, `--id-column`
(default id) its id, and the other columns become metadata (strings as they are, other values
spelled as JSON: 7, 0.5, true, ["a"]; dates as 2024-05-13). Rows are numbered from 1 in the file.
Text is decoded value by value: a string column's value (or a binary text or id column's) that
is not UTF-8 is read as Windows-1252, as a CSV row is (the row's meta says `encoding: cp1252`),
or makes its row alone an `encoding` error naming the row and column when it is not text
either.
Each row group is a unit, or several when it is large, so that one big file is read by several
workers. pyarrow is imported only when a Parquet file is given (`pip install pyarrow`).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from framing.documents.decoding import has_undecoded, mend_fields
from framing.documents.document import Document, DocumentReadError, failed_document
from framing.documents.source import ReadOptions, Source
from framing.documents.splitting import PART_BYTES
from framing.documents.tables import meta_string, row_document

# A unit reads its row group from the start and skips the rows before its own (pyarrow cannot
# seek to a row), so a row group cut in n units is decoded about n/2 times. At 64 that is still
# about 2% of the time scoring it takes (decoding runs at ~500 MB/s, scoring at ~0.3 MB/s a core).
MAX_UNITS_PER_ROW_GROUP = 64
# Rows decoded at a time: a unit's memory does not depend on the row group's size.
BATCH_ROWS = 1_000
_META = {"format": "parquet"}


@dataclass(frozen=True)
class RowRange:
    """Rows [skip, skip + rows) of one row group of a Parquet file."""

    source: Source
    row_group: int
    skip: int
    rows: int
    rows_before: int  # rows of the file before this range
    size: int  # uncompressed bytes, about: what a partition is measured in


def row_ranges(source: Source, options: ReadOptions) -> list[RowRange | Document]:
    """The units of `source`: row ranges, or one document saying why the file cannot be read."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        message = _needs_pyarrow(source)
        return [failed_document(source.doc_id, source.path, "unreadable", message, _META)]
    try:
        with pq.ParquetFile(source.location) as file:
            metadata, columns = file.metadata, file.schema_arrow.names
    except (OSError, pa.ArrowException) as exc:
        message = f"{source.path}: not a readable Parquet file ({exc}); check how it was written"
        return [failed_document(source.doc_id, source.path, "unreadable", message, _META)]
    if options.text_column not in columns:
        message = (
            f"{source.path} has no {options.text_column!r} column (columns found: "
            f"{', '.join(columns)}); rename the text column or choose it with --text-column"
        )
        return [failed_document(source.doc_id, source.path, "missing_column", message, _META)]
    if metadata.num_rows == 0:
        message = f"{source.path} has no rows; add rows or remove the file"
        return [failed_document(source.doc_id, source.path, "empty", message, _META)]
    return list(_units(source, metadata))


def _units(source: Source, metadata) -> Iterator[RowRange]:
    rows_before = 0
    for index in range(metadata.num_row_groups):
        group = metadata.row_group(index)
        rows, size = group.num_rows, group.total_byte_size
        units = max(1, min(MAX_UNITS_PER_ROW_GROUP, rows, math.ceil(size / PART_BYTES)))
        bounds = [rows * i // units for i in range(units + 1)]
        for start, end in pairwise(bounds):
            if end > start:  # an empty row group has no unit
                unit_size = size * (end - start) // rows
                yield RowRange(source, index, start, end - start, rows_before + start, unit_size)
        rows_before += rows


def read_row_range(part: RowRange, options: ReadOptions) -> Iterator[Document]:
    """The documents of `part`'s rows."""
    source = part.source
    try:
        import pyarrow as pa
    except ImportError:
        message = _needs_pyarrow(source)
        yield failed_document(source.doc_id, source.path, "unreadable", message, _META)
        return
    first, last = part.rows_before + 1, part.rows_before + part.rows
    try:
        rows, textual = _read_rows(part, {options.text_column, options.id_column})
    except (OSError, pa.ArrowException) as exc:
        message = f"{source.path}, rows {first}-{last}: cannot be read ({exc})"
        yield failed_document(f"{source.doc_id}:{first}", source.path, "unreadable", message, _META)
        return
    except UnicodeDecodeError as exc:  # (a nested string that is not UTF-8: pyarrow decodes it)
        message = (f"{source.path}, rows {first}-{last}: a nested value is not UTF-8 ({exc}); "
                   "fix how the file was written")
        yield failed_document(f"{source.doc_id}:{first}", source.path, "encoding", message, _META)
        return
    for number, row in enumerate(rows, start=part.rows_before + 1):
        yield _parquet_row_document(row, number, source, options, textual)


def _read_rows(part: RowRange, names: set[str]) -> tuple[list[dict], frozenset[str]]:
    """(the rows of `part`, the columns whose values are undecoded text: bytes). Those are the
    string columns holding bytes that are not UTF-8, read as bytes (pyarrow would fail the whole
    batch on one such value), and binary columns among `names` (text, id)."""
    import pyarrow.parquet as pq

    rows: list[dict] = []
    textual: frozenset[str] = frozenset()
    skip = part.skip
    # Unbuffered pre-reading would load the whole row group: read it a megabyte at a time.
    with pq.ParquetFile(part.source.location, pre_buffer=False, buffer_size=1 << 20) as file:
        for batch in file.iter_batches(batch_size=BATCH_ROWS, row_groups=[part.row_group]):
            if skip >= batch.num_rows:
                skip -= batch.num_rows
                continue
            batch, textual = _strings_as_bytes(batch.slice(skip, part.rows - len(rows)), names)
            rows.extend(batch.to_pylist())
            skip = 0
            if len(rows) == part.rows:
                break
    return rows, textual


def _strings_as_bytes(batch, names: set[str]):
    """(`batch` with its string columns that hold bytes that are not UTF-8 cast to binary, which
    checks nothing, the names of those and of the binary columns among `names`). Valid string
    columns, nearly all, stay strings: pyarrow decodes them in C."""
    import pyarrow as pa

    as_bytes = {pa.string(): pa.binary(), pa.large_string(): pa.large_binary()}
    columns, textual = [], set()
    for field, column in zip(batch.schema, batch.columns):
        if field.type in as_bytes and not _valid_utf8(column):
            column = column.cast(as_bytes[field.type])
            textual.add(field.name)
        elif field.name in names and field.type in as_bytes.values():
            textual.add(field.name)
        columns.append(column)
    return pa.RecordBatch.from_arrays(columns, names=batch.schema.names), frozenset(textual)


def _valid_utf8(column) -> bool:
    import pyarrow as pa

    try:
        column.validate(full=True)
    except pa.ArrowInvalid:
        return False
    return True


def _decoded(row: dict, textual: frozenset[str], where: str) -> tuple[dict, str | None]:
    """`row` with its `textual` values (bytes) as text, and "cp1252" when some were not UTF-8:
    each such value is read as Windows-1252, as a CSV row is (decoding.mend_fields; each value
    on its own, since each is stored on its own). Raises DocumentReadError ("encoding") for
    bytes that are not text, naming the row and column."""
    decoded, encoding = dict(row), None
    for name in textual:
        if isinstance(row.get(name), bytes):
            value = row[name].decode("utf-8", errors="surrogateescape")
            if has_undecoded(value):
                (value,), encoding = mend_fields([value], f"{where}, column {name!r}",
                                                 "utf-8", False)
            decoded[name] = value
    return decoded, encoding


def _parquet_row_document(row: dict, number: int, source: Source, options: ReadOptions,
                          textual: frozenset[str] = frozenset()) -> Document:
    meta = {**_META, "row": str(number)}
    where = f"{source.path}, row {number}"
    fallback_id = f"{source.doc_id}:{number}"
    try:
        row, encoding = _decoded(row, textual, where)
    except DocumentReadError as exc:
        return failed_document(_readable_id(row.get(options.id_column)) or fallback_id,
                               source.path, exc.code, exc.message, meta)
    if encoding:
        meta["encoding"] = encoding
    values = {key: meta_string(value) for key, value in row.items() if value is not None}
    text = row.get(options.text_column)
    if not isinstance(text, str):
        doc_id = values.get(options.id_column, "").strip() or fallback_id
        if text is None:
            code, message = "empty", f"{where}: the {options.text_column!r} field is null"
        else:
            code = "missing_column"
            message = (f"{where}: {options.text_column!r} is {type(text).__name__}, not a string; "
                       "choose the text column with --text-column")
        return failed_document(doc_id, source.path, code, message, meta)
    values[options.text_column] = text
    return row_document(values, source, options, meta, fallback_id, where)


def _readable_id(value: object) -> str:
    """The id of a row whose text cannot be decoded, when its own id is UTF-8 (else "")."""
    if isinstance(value, bytes):
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError:
            return ""
    return meta_string(value).strip() if value is not None else ""


def _needs_pyarrow(source: Source) -> str:
    return (f"{source.path}: reading Parquet needs pyarrow: pip install pyarrow "
            "(or pip install 'framing[dask]')")
