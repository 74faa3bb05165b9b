"""What reuse finds in one article: its passages (`Passage`), the share each source covers
(`SourceShare`) and the article's reuse record (`Reuse`), with `to_dict` (the `reuse` shape of
score.schema.json) and `from_dict` (the same read back)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
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
    # not part of the record, which gives character offsets (None for a passage read back).
    tokens: tuple[int, int, int, int] | None = None

    def to_dict(self) -> dict[str, Any]:
        """The passage of score.schema.json's `reuse.passages`."""
        return {name: getattr(self, name) for name in RECORD_FIELDS}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Passage:
        return cls(**{name: d[name] for name in RECORD_FIELDS})


RECORD_FIELDS = tuple(f.name for f in fields(Passage) if f.name != "tokens")


@dataclass(frozen=True, slots=True)
class SourceShare:
    """What one source contributes to an article."""

    source: str
    kind: str  # verbatim, partial or translated
    article_share: float  # share of the article's words in its passages
    source_share: float  # share of the source's non-boilerplate words reproduced
    passages: int


@dataclass
class Reuse:
    """An article's reuse record: the source that covers most of it, the kind of reuse, the
    shares, and every passage in article order. Compared with each other (`reuse --among`),
    articles also get `shares_with` and `cluster`."""

    source: str | None
    kind: str  # verbatim, partial, translated or none
    article_share: float
    source_share: float
    longest_passage_words: int
    identical_to: str | None
    sources: list[SourceShare] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    shares_with: list[str] | None = None
    cluster: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out = {name: getattr(self, name) for name in _SCALARS}
        out["sources"] = [asdict(s) for s in self.sources]
        out["passages"] = [p.to_dict() for p in self.passages]
        if self.shares_with is not None:
            out.update(shares_with=self.shares_with, cluster=self.cluster)
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Reuse:
        return cls(**{name: d[name] for name in _SCALARS},
                   sources=[SourceShare(**s) for s in d["sources"]],
                   passages=[Passage.from_dict(p) for p in d["passages"]],
                   shares_with=d.get("shares_with"), cluster=d.get("cluster"))


_SCALARS = ("source", "kind", "article_share", "source_share", "longest_passage_words",
            "identical_to")
