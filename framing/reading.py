"""What framing reads: each document as the scorer gets it, as one plain dict (`framing read`,
`framing.read_paths`), so that a researcher can see what was scored.

    {"id", "path", "text", "meta", "language", "error"}

`language` is the language framing detects in the text (text.analyse, as the scorer does: "fr",
"en", "mixed" or "unknown"; None for a document that could not be read); `error` is None or
{"code", "message"}.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from framing.documents import Document, read_documents
from framing.text import analyse

if TYPE_CHECKING:
    import os
    from typing import BinaryIO


def read_dict(document: Document) -> dict[str, Any]:
    """One document as `framing read --json` prints it."""
    error = document.error
    return {
        "id": document.id,
        "path": document.path,
        "text": document.text,
        "meta": dict(document.meta),
        "language": None if error is not None else analyse(document.text).lang,
        "error": None if error is None else {"code": error.code, "message": error.message},
    }


def read_dicts(paths: Iterable[str | os.PathLike],
               **read_options: str | int | BinaryIO | tuple | None) -> Iterator[dict[str, Any]]:
    """Each document of `paths`, in input order, read as `framing score` reads it
    (documents.read_documents and its options), as a `read_dict`."""
    for document in read_documents(list(map(str, paths)), **read_options):  # type: ignore[arg-type]
        yield read_dict(document)


def read_block(read: dict[str, Any]) -> str:
    """A `read_dict` as `framing read` prints it without --json: a header with the id and path,
    the metadata as `key: value` lines, the language, then the text (or the error)."""
    lines = [f"== {read['id']}  ({read['path'] or 'no path'})"]
    lines += [f"{key}: {value}" for key, value in read["meta"].items()]
    if read["error"] is not None:
        lines.append(f"ERROR {read['error']['code']}: {read['error']['message']}")
        return "\n".join(lines)
    lines.append(f"detected language: {read['language']}")
    lines += ["", read["text"]]
    return "\n".join(lines)
