"""CSV and JSON Lines files: one document per row, its text in the text column, its id in the
id column, the other columns as metadata. Parquet rows (framing.documents.parquet) are made
into documents here too, and a big file's byte ranges (framing.documents.splitting) are parsed
with the same functions.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import NamedTuple

from framing.documents.decoding import (
    READING_NOTE,
    composed,
    decode_table,
    mend_fields,
    replace_surrogates,
)
from framing.documents.document import Document, DocumentReadError, failed_document
from framing.documents.html import looks_like_html, page_document
from framing.documents.source import ReadOptions, Source, empty_message, too_large_message

_CSV_DELIMITERS = ",;\t"


def _decode_table(data: bytes, source: Source, options: ReadOptions) -> tuple[str, str]:
    """Decode a csv/jsonl file, raising DocumentReadError for the file as a whole."""
    text, used = decode_table(data, source.path, options.encoding)
    if not text.strip():
        raise DocumentReadError("empty", empty_message(source, data))
    return text, used


def csv_documents(data: bytes, source: Source, options: ReadOptions) -> Iterator[Document]:
    """One document per data row of a whole CSV file, or one error for the whole file."""
    file_meta = {"format": "csv", "sha256": hashlib.sha256(data).hexdigest()}
    try:
        text, file_meta["encoding"] = _decode_table(data, source, options)
        header, rows = parse_csv(text, source.path, options.max_bytes, sniff_delimiter(text))
        header = header_names(header, source.path, file_meta["encoding"], options)
    except DocumentReadError as exc:
        yield failed_document(source.doc_id, source.path, exc.code, exc.message, file_meta)
        return
    message = header_problem(header, source.path, options)
    if message is not None:
        yield failed_document(source.doc_id, source.path, "missing_column", message, file_meta)
        return
    if not rows:
        message = f"{source.path} has a header but no data rows; add rows or remove the file"
        yield failed_document(source.doc_id, source.path, "empty", message, file_meta)
        return
    row_meta = {"format": "csv", "encoding": file_meta["encoding"]}
    for row in rows:
        yield csv_row_document(row, header, source, options, row_meta)


def header_names(fields: list[str], path: str, label: str, options: ReadOptions) -> list[str]:
    """The column names of a header row as parsed from a file of encoding `label` (decode_table):
    read as Windows-1252 when they are not UTF-8. Raises DocumentReadError when they are not
    text."""
    names, _ = mend_fields(fields, f"{path}: the header", label, options.encoding is None)
    return names


def header_problem(header: list[str] | tuple[str, ...], path: str,
                   options: ReadOptions) -> str | None:
    """Why a CSV file with this header cannot be read (a "missing_column" message): no text
    column, or a text or id column named twice (which one holds the text?); None when it can."""
    if options.text_column not in header:
        return (
            f"{path} has no {options.text_column!r} column (columns found: "
            f"{', '.join(header)}); rename the text column or choose it with --text-column"
        )
    for what, name in (("text", options.text_column), ("id", options.id_column)):
        if header.count(name) > 1:
            return (
                f"{path} has {header.count(name)} columns named {name!r} (columns found: "
                f"{', '.join(header)}), so which one holds the {what} is unclear; rename or "
                "remove the extra ones"
            )
    return None


class CsvRow(NamedTuple):
    number: int  # 1-based data row number (the header is not counted)
    line: int  # last physical line of the row, to help find it in an editor
    fields: list[str] | None  # None when the csv module could not parse the row
    problem: str  # why fields is None


def parse_csv(
    text: str,
    path: str,
    max_bytes: int,
    delimiter: str,
    header: Iterable[str] | None = None,
    rows_before: int = 0,
    lines_before: int = 0,
) -> tuple[list[str], list[CsvRow]]:
    """The header (the first row, unless given) and the data rows of `text`, numbered after
    `rows_before` rows and `lines_before` lines (for a byte range of a file).

    All rows at once, so that the global field size limit is restored before anything else runs.
    """
    rows: list[CsvRow] = []
    with csv_field_limit(max_bytes):
        for fields, line, problem in csv_records(io.StringIO(text), delimiter):
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
                rows.append(CsvRow(number, lines_before + line, fields, problem))
    return list(header or []), rows


def csv_records(
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
def csv_field_limit(max_bytes: int) -> Iterator[None]:
    # Article text can exceed the csv module's 128 KiB default field limit, which is global.
    old_limit = csv.field_size_limit()
    csv.field_size_limit(max(old_limit, min(max_bytes, 2**31 - 1)))
    try:
        yield
    finally:
        csv.field_size_limit(old_limit)


def sniff_delimiter(text: str) -> str:
    """Pick ",", ";" or tab by counting them in the header line (outside quotes).

    Counting in the header is steadier than csv.Sniffer, which is easily misled
    by commas inside long article text.
    """
    header = next((line for line in text.split("\n") if line.strip()), "")
    unquoted = "".join(header.split('"')[::2])
    counts = {delimiter: unquoted.count(delimiter) for delimiter in _CSV_DELIMITERS}
    best = max(_CSV_DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def csv_row_document(
    row: CsvRow, header: list[str], source: Source, options: ReadOptions, row_meta: dict
) -> Document:
    """The document of one parsed CSV row, or its malformed_row error."""
    meta = {**row_meta, "row": str(row.number)}
    where = f"{source.path}, row {row.number} (line {row.line})"
    fallback_id = f"{source.doc_id}:{row.number}"
    if row.fields is None:
        message = f"{where}: cannot be parsed ({row.problem}); fix the quoting in this row"
        if row.problem == "unexpected end of data":
            message = f"{where}: a quoted field is never closed; the rest of the file was lost"
        return failed_document(fallback_id, source.path, "malformed_row", message, meta)
    try:
        fields, meta["encoding"] = mend_fields(row.fields, where, meta["encoding"],
                                               options.encoding is None)
    except DocumentReadError as exc:
        return failed_document(fallback_id, source.path, exc.code, exc.message, meta)
    if len(fields) != len(header):
        message = (
            f"{where}: has {len(fields)} fields but the header has {len(header)}; "
            "check for an unquoted delimiter or a missing field"
        )
        return failed_document(fallback_id, source.path, "malformed_row", message, meta)
    values = dict(zip(header, fields))
    return row_document(values, source, options, meta, fallback_id, where)


def jsonl_documents(data: bytes, source: Source, options: ReadOptions) -> Iterator[Document]:
    """One document per non-blank line of a whole JSON Lines file, or one error for the file."""
    file_meta = {"format": "jsonl", "sha256": hashlib.sha256(data).hexdigest()}
    try:
        text, file_meta["encoding"] = _decode_table(data, source, options)
    except DocumentReadError as exc:
        yield failed_document(source.doc_id, source.path, exc.code, exc.message, file_meta)
        return
    row_meta = {"format": "jsonl", "encoding": file_meta["encoding"]}
    yield from jsonl_line_documents(text, source, options, row_meta)


def jsonl_line_documents(
    text: str, source: Source, options: ReadOptions, row_meta: dict, lines_before: int = 0
) -> Iterator[Document]:
    """One document per non-blank line of `text`, numbered after `lines_before` lines."""
    # split("\n"), not splitlines(): JSON strings may contain raw U+2028 etc.
    for line_number, line in enumerate(text.split("\n"), start=lines_before + 1):
        if line.strip():
            yield _jsonl_row_document(line, line_number, source, options, row_meta)


def _jsonl_row_document(
    line: str, line_number: int, source: Source, options: ReadOptions, row_meta: dict
) -> Document:
    # For JSON Lines the row number is the line number: that is what editors show.
    meta = {**row_meta, "row": str(line_number)}
    where = f"{source.path}, line {line_number}"
    fallback_id = f"{source.doc_id}:{line_number}"
    try:
        (line,), meta["encoding"] = mend_fields([line], where, meta["encoding"],
                                                options.encoding is None)
    except DocumentReadError as exc:
        return failed_document(fallback_id, source.path, exc.code, exc.message, meta)
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        message = f"{where}: not valid JSON ({exc.msg} at column {exc.colno}); fix or remove it"
        return failed_document(fallback_id, source.path, "malformed_row", message, meta)
    if not isinstance(value, dict):
        message = f"{where}: expected a JSON object, got {type(value).__name__}"
        return failed_document(fallback_id, source.path, "malformed_row", message, meta)
    value, replaced = _without_surrogates(value)
    assert isinstance(value, dict)  # an object stays an object
    if replaced:
        meta[READING_NOTE] = (f"{replaced} lone surrogate(s) (a \\ud800-\\udfff escape that is "
                              "not a character) replaced by U+FFFD")
    # null means "no value": it must not become the id "null" or a date "null".
    values = {key: meta_string(item) for key, item in value.items() if item is not None}
    text = value.get(options.text_column)
    if not isinstance(text, str):
        doc_id = values.get(options.id_column, "").strip() or fallback_id
        if options.text_column in value:
            problem = f"{options.text_column!r} is {type(text).__name__}, not a string"
        else:
            keys = ", ".join(value) or "none"
            problem = f"no {options.text_column!r} key (keys found: {keys})"
        message = f"{where}: {problem}; choose the text key with --text-column"
        return failed_document(doc_id, source.path, "missing_column", message, meta)
    values[options.text_column] = text
    return row_document(values, source, options, meta, fallback_id, where)


def _without_surrogates(value: object) -> tuple[object, int]:
    """A parsed JSON value with every lone surrogate in its strings and keys replaced by U+FFFD,
    and how many there were."""
    if isinstance(value, str):
        return replace_surrogates(value)
    if isinstance(value, list):
        items = [_without_surrogates(item) for item in value]
        return [item for item, _ in items], sum(count for _, count in items)
    if isinstance(value, dict):
        pairs = [(_without_surrogates(key), _without_surrogates(item))
                 for key, item in value.items()]
        cleaned = {key: item for (key, _), (item, _) in pairs}
        return cleaned, sum(a + b for (_, a), (_, b) in pairs)
    return value, 0


def meta_string(value: object) -> str:
    # JSON spelling (true, 0.5, compact objects) keeps the original meaning; a value JSON cannot
    # spell (a Parquet date or timestamp) is written as str() writes it (2024-05-13).
    if not isinstance(value, (bool, int, float, list, dict)):
        return str(value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def row_document(
    values: dict[str, str],
    source: Source,
    options: ReadOptions,
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
        return failed_document(doc_id, source.path, "empty", message, meta)
    text = composed(text, meta)
    encoded = text.encode("utf-8")
    if len(encoded) > options.max_bytes:
        message = too_large_message(f"{where}: the {options.text_column!r} field",
                                     f"{len(encoded):,}", options.max_bytes)
        return failed_document(doc_id, source.path, "too_large", message, meta)
    meta["sha256"] = hashlib.sha256(encoded).hexdigest()
    if looks_like_html(text):  # a crawl's rows often hold the whole page
        return page_document(text, doc_id, source.path, meta,
                             f"{where}: the {options.text_column!r} field")
    return Document(doc_id, source.path, text, meta)
