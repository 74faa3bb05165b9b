"""What reading gives: one `Document` per document-to-be, with a `DocumentError` when it could
not be read.

Design rule: every document-to-be yields exactly one `Document`, in a
deterministic order. A failure never raises and never disappears: it becomes a
`Document` whose `error` says what went wrong, naming the file (and row), so a
batch run can report every problem at once instead of stopping at the first.
`DocumentReadError` carries such a failure from where it is found to where the document is made.
"""

from __future__ import annotations

from dataclasses import dataclass

ERROR_CODES = (
    "empty",
    "binary",
    "encoding",
    "too_large",
    "unreadable",
    "malformed_row",
    "missing_column",
    "duplicate_id",
    "no_main_text",
)


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


def failed_document(doc_id: str, path: str, code: str, message: str, meta: dict) -> Document:
    """The document of something that could not be read: no text, and why."""
    return Document(doc_id, path, "", dict(meta), DocumentError(code, message))
