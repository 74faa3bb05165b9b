"""A passage of an article found in a source: character offsets into both texts for the record,
and the token ranges that the shares of the article and of the source are counted on."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True, slots=True)
class Passage:
    source: str  # the source's id
    article_start: int
    article_end: int
    source_start: int
    source_end: int
    kind: str  # verbatim, near (a few words changed or cut) or translated
    similarity: float
    words: int  # article words
    source_words: int
    # (article first, article end, source first, source end) word positions: for the shares,
    # not part of the record, which gives character offsets.
    tokens: tuple[int, int, int, int]

    def to_dict(self) -> dict[str, Any]:
        """The passage of score.schema.json's `reuse.passages`."""
        return {name: getattr(self, name) for name in RECORD_FIELDS}


RECORD_FIELDS = tuple(f.name for f in fields(Passage) if f.name != "tokens")
