"""Many articles compared with one source index: in this process, in a pool of forked
processes that inherit the index, or on an engine's workers (`compare_with`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from framing.reuse.index import SourceIndex

if TYPE_CHECKING:
    from framing.documents import Document

_SHARED_INDEX: SourceIndex | None = None  # the index a worker process compares with


def compare_all(index: SourceIndex, documents: Iterable[tuple[str, str]],
                jobs: int = 1) -> Iterator[dict]:
    """Reuse records of (id, text) documents, in input order; `jobs` > 1 uses that many
    processes, which inherit the index when they start (fork) instead of each building one."""
    global _SHARED_INDEX
    if jobs <= 1:
        for doc_id, text in documents:
            yield index.compare(text, doc_id)
        return
    import multiprocessing

    _SHARED_INDEX = index
    try:
        context = multiprocessing.get_context("fork")
        with context.Pool(jobs) as pool:
            yield from pool.imap(_compare_in_worker, documents, chunksize=32)
    finally:
        _SHARED_INDEX = None


def compare_with(document: Document, index: SourceIndex) -> dict | None:
    """The reuse record of a framing.documents.Document (None when it could not be read): what
    an engine runs on its workers, `index` sent to each once."""
    return None if document.error is not None else index.compare(document.text, document.id)


def _compare_in_worker(document: tuple[str, str]) -> dict:
    doc_id, text = document
    return _SHARED_INDEX.compare(text, doc_id)
