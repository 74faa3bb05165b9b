"""Cut a big CSV or JSON Lines file into byte ranges that read to the same documents.

    byte_ranges(source, options)    # [ByteRange, ...], or None: read the file whole
    read_byte_range(part, options)  # its documents, exactly as reading the whole file gives them

A range starts just after a line break that ends a row, so a worker reads it on its own: it
seeks to `start` and reads to `end`. What only the whole file tells is decided by one streaming
pass here, block by block, and travels with every range: the encoding (UTF-8, each row that is
not read as cp1252 on its own; a byte-order mark; mojibake repaired only when the whole text
round-trips), the CSV delimiter and
header row, and how many rows and lines came before the range (for ids and messages). The file
is scanned in blocks of PART_BYTES that end with a line; a range ends with a block. In JSON Lines
every line break ends a row. In CSV a quoted field may hold line breaks, so the pass runs the
reader's own csv parser over the file, and a range ends at the last record the parser ended in
its block.

A file that reading whole turns into one error (binary, undecodable, blank, no text column, an
unparsable header, over the size limit) is not cut: read whole, it gets that error. Nor is a file
in UTF-16 or an encoding in which a newline byte may be part of another character.
"""

from __future__ import annotations

import codecs
import io
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain, islice
from typing import BinaryIO, NamedTuple

from framing.documents.decoding import (
    BINARY_MAGIC_NUMBERS,
    CP1252_ROWS,
    MAX_TABLE_NUL_SHARE,
    MIN_MOJIBAKE_SEQUENCES,
    MOJIBAKE_SEQUENCE,
    REPAIRED_MOJIBAKE_ENCODING,
    UTF16_BOMS,
    has_undecoded,
    normalise_newlines,
)
from framing.documents.document import Document, DocumentReadError, failed_document
from framing.documents.source import TABLE_FILE_FACTOR, ReadOptions, Source
from framing.documents.tables import (
    csv_field_limit,
    csv_records,
    csv_row_document,
    header_names,
    header_problem,
    jsonl_line_documents,
    parse_csv,
    sniff_delimiter,
)

# A range is about this long: a small read, and about one engine partition
# (engines.PARTITION_BYTES). A file no longer than this is read whole.
PART_BYTES = 1_000_000
# Encodings (codecs.lookup names) in which a b"\n" byte is always a line break, so that a range
# starting after one decodes on its own.
_CUTTABLE_ENCODINGS = ("utf-8", "cp1252", "iso8859-1", "iso8859-15", "ascii")
_MAGICS = tuple(magic for magic, _ in BINARY_MAGIC_NUMBERS)
# Line breaks as decode_bytes normalises them: each is one line.
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")


class Decoding(NamedTuple):
    """How decode_bytes reads the whole file, to be done the same way to each range."""

    codec: str  # for a range that does not start the file
    first_codec: str  # for the range that does: "utf-8-sig" drops a byte-order mark
    label: str  # the documents' meta "encoding", as decode_bytes names it
    strip_bom: bool  # --encoding given: a leading U+FEFF is dropped as well
    repair: bool = False  # undo mojibake (decided on the whole text)
    errors: str = "strict"  # detected UTF-8 keeps bytes that are not UTF-8 for mend_fields


_UTF8 = Decoding("utf-8", "utf-8", "utf-8", False, errors="surrogateescape")
_UTF8_BOM = Decoding("utf-8", "utf-8-sig", "utf-8-sig", False, errors="surrogateescape")


@dataclass(frozen=True)
class ByteRange:
    """Bytes [start, end) of a big CSV or JSONL file, to be read on their own, with what reading
    the whole file would have decided (byte_ranges makes them)."""

    source: Source
    start: int
    end: int
    decoding: Decoding  # the whole file's encoding, BOM and mojibake rules
    rows_before: int  # data rows before `start` (CSV); lines before it (JSONL)
    lines_before: int  # lines before `start`, for "line N" in messages
    delimiter: str
    header: tuple[str, ...] | None  # CSV: the header row; None: this range holds it
    stamp: tuple[int, int]  # the file's (size, mtime_ns) when planned: a changed file is refused

    @property
    def size(self) -> int:
        return self.end - self.start


def decode_range(data: bytes, decoding: Decoding, first: bool) -> str:
    """The text of bytes that start the file (`first`) or a line, line breaks as they are."""
    text = data.decode(decoding.first_codec if first else decoding.codec, errors=decoding.errors)
    if first and decoding.strip_bom:
        text = text.removeprefix("\ufeff")
    if decoding.repair:
        text = text.encode("cp1252").decode("utf-8")
    return text


# ---------------------------------------------------------------------------
# Planning: one pass over the file
# ---------------------------------------------------------------------------


def byte_ranges(source: Source, options: ReadOptions) -> list[ByteRange] | None:
    """The ranges to read `source` (a CSV or JSONL file) in, or None to read it whole."""
    try:
        stat = os.stat(source.location)
        if not PART_BYTES < stat.st_size <= options.max_bytes * TABLE_FILE_FACTOR:
            return None
        with open(source.location, "rb") as handle:
            scan = _scan_file(handle, source, options)
    except OSError:
        return None  # reading it whole reports the problem
    if scan is None:
        return None
    return _ranges(source, scan, (stat.st_size, stat.st_mtime_ns))


def _scan_file(handle: BinaryIO, source: Source, options: ReadOptions) -> _Scan | None:
    """One pass, or two: again repaired when the whole text is mojibake, as decode_table decides.
    Rows that are not UTF-8 are read as cp1252 one by one (mend_fields), as in the whole file."""
    decoding = _first_decoding(handle.read(4), options.encoding)
    if decoding is None:
        return None
    scan = _scan(handle, source, options, decoding)
    if scan.undecoded:
        scan.decoding = decoding._replace(label=CP1252_ROWS)
    elif scan.round_trips and scan.mojibake >= MIN_MOJIBAKE_SEQUENCES:
        repaired = decoding._replace(label=REPAIRED_MOJIBAKE_ENCODING, repair=True)
        scan = _scan(handle, source, options, repaired)
    return scan if scan.cuttable(source.fmt) else None


def _first_decoding(head: bytes, encoding: str | None) -> Decoding | None:
    if encoding is not None:
        try:
            name = codecs.lookup(encoding).name
        except LookupError:
            return None
        return Decoding(encoding, encoding, encoding, True) if name in _CUTTABLE_ENCODINGS else None
    if head.startswith(codecs.BOM_UTF8):
        return _UTF8_BOM
    return None if head.startswith(UTF16_BOMS) else _UTF8


def _scan(handle: BinaryIO, source: Source, options: ReadOptions, decoding: Decoding) -> _Scan:
    scan = _Scan(decoding, options)
    handle.seek(0)
    try:
        if source.fmt == "csv":
            scan.csv(scan.texts(handle), options.max_bytes)
        else:
            scan.jsonl(scan.texts(handle))
    except UnicodeDecodeError:
        scan.undecodable = True
    except (_ReadWhole, DocumentReadError):
        scan.whole = True
    return scan


class _ReadWhole(Exception):
    """The file gives one error for the whole file: no need to read further."""


class _Scan:
    """One pass over a file read with `decoding`: where ranges may start, and what decode_bytes
    would have checked on the whole text."""

    def __init__(self, decoding: Decoding, options: ReadOptions) -> None:
        detect = options.encoding is None
        self.options = options
        self.decoding = decoding
        self.cuts: list[tuple[int, int, int]] = []  # (offset, rows before, lines before)
        self.size = 0
        self.undecodable = self.whole = self.undecoded = False
        self.nuls = 0  # NUL bytes: a few are the rows' errors, many make the file binary
        self.blank = True  # whitespace only so far
        # Without --encoding, decode_bytes repairs mojibake in UTF-8 text and refuses cp1252 text
        # full of control characters: both are decided on the whole text.
        self.round_trips = detect and decoding.codec == "utf-8" and not decoding.repair
        self.mojibake = 0
        self.delimiter = ","
        self.header: tuple[str, ...] | None = None
        self.rows = 0
        self.record_end = 0  # the line the csv reader ended its last record on

    def texts(self, handle: BinaryIO) -> Iterator[tuple[int, bytes, str]]:
        """(offset, bytes, text) of each block, line breaks normalised in the text."""
        for block in _blocks(handle):
            start = self.size
            self.size += len(block)
            if start == 0 and block.startswith(_MAGICS):
                raise _ReadWhole  # binary
            self.nuls += block.count(b"\x00")
            text = decode_range(block, self.decoding, start == 0)
            self._note(text)
            yield start, block, normalise_newlines(text)

    def _note(self, text: str) -> None:
        if self.blank and not text.isspace():
            self.blank = False
        if not self.undecoded and has_undecoded(text):
            self.undecoded = True
        # A block ends with a line break, so no mojibake sequence straddles two blocks, and the
        # whole text round-trips when every block does.
        if self.round_trips and not text.isascii():
            try:
                text.encode("cp1252").decode("utf-8")
            except UnicodeError:
                self.round_trips = False
            else:
                self.mojibake += len(MOJIBAKE_SEQUENCE.findall(text))

    def jsonl(self, texts: Iterator[tuple[int, bytes, str]]) -> None:
        lines = 0
        for start, _, text in texts:
            if start:
                self.cuts.append((start, lines, lines))
            lines += text.count("\n")

    def csv(self, texts: Iterator[tuple[int, bytes, str]], max_bytes: int) -> None:
        first = next(texts)
        if first[2].isspace():
            raise _ReadWhole  # the header, which says the delimiter, is further on: rare
        self.delimiter = sniff_delimiter(first[2])
        lines = chain.from_iterable(self._csv_lines(chain([first], texts)))
        with csv_field_limit(max_bytes):
            for fields, line, _ in csv_records(lines, self.delimiter):
                self.record_end = line
                if fields == []:
                    continue
                if self.header is not None:
                    self.rows += 1
                elif fields is None:
                    raise _ReadWhole  # the header cannot be parsed
                else:
                    self.header = tuple(self._header(fields))

    def _header(self, fields: list[str]) -> list[str]:
        # As parse_csv and csv_documents make it: stripped, then read as cp1252 if not UTF-8.
        names = [name.strip() for name in fields]
        return header_names(names, "", self.decoding.label, self.options)

    def _csv_lines(self, texts: Iterator[tuple[int, bytes, str]]) -> Iterator[io.StringIO]:
        """The blocks' lines for the csv reader. It asks for a block once it has taken all lines
        of the one before: a range may start after the last record it ended there."""
        lines = 0
        taken = None  # (offset, bytes, lines before) of the block the reader has taken
        for start, block, text in texts:
            if taken:
                self._cut(*taken)
            yield io.StringIO(text)
            taken = (start, block, lines)
            lines += text.count("\n")

    def _cut(self, start: int, block: bytes, before: int) -> None:
        """A cut after the last record ended in `block` (at `start`, after `before` lines)."""
        if self.header is None or self.record_end <= before:
            return  # no record ended in it: a long quoted field goes on
        end = next(islice(_LINE_BREAK.finditer(block), self.record_end - before - 1, None)).end()
        self.cuts.append((start + end, self.rows, self.record_end))

    def cuttable(self, fmt: str) -> bool:
        if self.undecodable or self.whole or self.blank:
            return False
        if self.nuls > MAX_TABLE_NUL_SHARE * self.size:
            return False  # binary
        if fmt == "csv":
            return (self.header is not None and self.rows > 0
                    and header_problem(self.header, "", self.options) is None)
        return True


def _blocks(handle: BinaryIO) -> Iterator[bytes]:
    """The file in blocks of PART_BYTES and the rest of their last line."""
    while block := handle.read(PART_BYTES):
        if not block.endswith(b"\n"):
            block += handle.readline()
        yield block


def _ranges(source: Source, scan: _Scan, stamp: tuple[int, int]) -> list[ByteRange] | None:
    starts = [(0, 0, 0)]
    for cut in scan.cuts:
        # Cuts come one a block, near its end (CSV): half a part keeps out slivers.
        if cut[0] - starts[-1][0] >= PART_BYTES // 2:
            starts.append(cut)
    if len(starts) == 1:
        return None
    ends = [start for start, _, _ in starts[1:]] + [scan.size]
    return [
        ByteRange(source, start, end, scan.decoding, rows, lines, scan.delimiter,
                   scan.header if start else None, stamp)
        for (start, rows, lines), end in zip(starts, ends)
    ]  # fmt: skip


# ---------------------------------------------------------------------------
# Reading a range
# ---------------------------------------------------------------------------


def read_byte_range(part: ByteRange, options: ReadOptions) -> Iterator[Document]:
    """The documents of `part`, as reading the whole file gives them."""
    source = part.source
    meta = {"format": source.fmt, "encoding": part.decoding.label}
    try:
        data = _read_range(part)
        text = normalise_newlines(decode_range(data, part.decoding, part.start == 0))
        if source.fmt == "csv":
            header, rows = parse_csv(text, source.path, options.max_bytes, part.delimiter,
                                      part.header, part.rows_before, part.lines_before)
    except (DocumentReadError, OSError, UnicodeError) as exc:
        message = (f"{source.path}: bytes {part.start:,}-{part.end:,} cannot be read "
                   f"({getattr(exc, 'message', exc)}); run again")
        yield failed_document(source.doc_id, source.path, "unreadable", message, meta)
        return
    if source.fmt == "csv":
        for row in rows:
            yield csv_row_document(row, header, source, options, meta)
    else:
        yield from jsonl_line_documents(text, source, options, meta, part.lines_before)


def _read_range(part: ByteRange) -> bytes:
    with open(part.source.location, "rb") as handle:
        stat = os.fstat(handle.fileno())
        if (stat.st_size, stat.st_mtime_ns) != part.stamp:
            raise DocumentReadError("unreadable", "the file changed after it was planned")
        handle.seek(part.start)
        return handle.read(part.end - part.start)
