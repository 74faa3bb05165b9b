"""Read input files, directories, globs and stdin into `Document` objects.

Design rule: every document-to-be yields exactly one `Document`, in a
deterministic order. A failure never raises and never disappears: it becomes a
`Document` whose `error` says what went wrong, naming the file (and row), so a
batch run can report every problem at once instead of stopping at the first.

Reading is planned in units that can be read apart (`plan_inputs`, `read_unit`): a file, a
byte range of a big CSV/JSONL file or a run of rows of a Parquet file, so that no file is ever
loaded whole to be cut up. The modules, each building only on those listed before it:

    document    Document, DocumentError, DocumentReadError: what reading gives
    source      Source, ReadOptions and the size limits: what is read, and how
    decoding    bytes to text: binary files refused, encodings, mojibake, line endings
    html        the main text of an HTML page, its title, author and date
    tables      CSV and JSON Lines rows into documents
    files       one whole file, or stdin, into its documents
    splitting   a big CSV/JSONL file in byte ranges that read to the same documents
    parquet     a Parquet file in runs of rows
    planning    inputs (files, folders, globs, stdin) into units; duplicate ids
"""

from framing.documents.decoding import decode_bytes
from framing.documents.document import ERROR_CODES, Document, DocumentError, DocumentReadError
from framing.documents.html import html_to_text
from framing.documents.planning import (
    SUPPORTED_SUFFIXES,
    flag_duplicates,
    plan_inputs,
    read_documents,
    read_unit,
)
from framing.documents.source import DEFAULT_MAX_BYTES

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
