"""The per-article reuse record (`passage.Reuse`): the passages every source contributes
(`SourceMatch`), the source that covers most of the article, and the kind of reuse (verbatim,
partial, translated, none)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from framing.reuse.found import Passage, Reuse, SourceShare
from framing.reuse.prepared import Prepared

# The article is a reprint ("verbatim") when one source covers at least this share of it.
VERBATIM_SHARE = 0.5


@dataclass
class SourceMatch:
    """The passages one source contributes to an article, and what they cover."""

    source: str  # its id
    passages: list[Passage]
    covered: set[int]  # article token positions inside passages
    source_share: float  # share of the source's non-boilerplate words reproduced

    @property
    def translated(self) -> bool:
        # A source in another language can also share a few same-language lines (page
        # furniture); it is a translation when most of what it covers comes translated.
        words = [p.words for p in self.passages if p.kind == "translated"]
        return sum(words) * 2 > sum(p.words for p in self.passages)

    def kind(self, n_words: int) -> str:
        if self.translated:
            return "translated"
        return "verbatim" if len(self.covered) >= VERBATIM_SHARE * n_words else "partial"


def matches(found: Iterable[tuple[Prepared, list[Passage]]]) -> list[SourceMatch]:
    """One SourceMatch per source of `found` [(source, passages)] (same-language and translated
    passages together)."""
    by_source: dict[str, tuple[Prepared, list[Passage]]] = {}
    for source, passages in found:
        by_source.setdefault(source.id, (source, []))[1].extend(passages)
    found_matches = []
    for source, passages in by_source.values():
        covered: set[int] = set()
        source_covered: set[int] = set()
        for p in passages:
            assert p.tokens is not None  # found here, not read back from a record
            a0, a1, s0, s1 = p.tokens
            covered.update(range(a0, a1))
            source_covered.update(i for i in range(s0, s1) if not source.boilerplate[i])
        body = source.boilerplate.count(False) or 1
        share = min(1.0, len(source_covered) / body)
        found_matches.append(SourceMatch(source.id, passages, covered, share))
    return found_matches


def summarise(article: Prepared, found: Iterable[tuple[Prepared, list[Passage]]],
              identical: str | None) -> Reuse:
    """The `reuse` record: best source, kind, shares and passages (article order)."""
    return summary(article.n_words, matches(found), identical)


def summary(n_words: int, found_matches: list[SourceMatch], identical: str | None) -> Reuse:
    """The `reuse` record of an article of `n_words` words from its SourceMatch list (in any
    order: the source that covers most of the article comes first)."""
    if not found_matches:
        return _empty(identical)
    found_matches = sorted(found_matches, key=lambda m: (-len(m.covered), m.source))
    best = found_matches[0]
    n = n_words or 1
    covered = set().union(*(m.covered for m in found_matches))
    kind = best.kind(n)
    if identical and kind == "partial":
        kind = "verbatim"
    passages = sorted((p for m in found_matches for p in m.passages),
                      key=lambda p: (p.article_start, p.source, p.source_start))
    return Reuse(
        source=best.source,
        kind=kind,
        article_share=round(1.0 if identical else min(1.0, len(covered) / n), 4),
        source_share=round(1.0 if identical == best.source else best.source_share, 4),
        longest_passage_words=max(p.words for p in passages),
        identical_to=identical,
        sources=[SourceShare(m.source, m.kind(n), round(len(m.covered) / n, 4),
                             round(m.source_share, 4), len(m.passages)) for m in found_matches],
        passages=passages,
    )


def _empty(identical: str | None) -> Reuse:
    share = 1.0 if identical else 0.0
    return Reuse(identical, "verbatim" if identical else "none", share, share, 0, identical)
