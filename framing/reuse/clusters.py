"""Articles compared with each other (`reuse --among`), in one process: each article against an
index of all the others, and the articles linked by reuse grouped into clusters.
`framing.reuse.shuffle` computes the same records on a Dask cluster."""

from __future__ import annotations

from collections.abc import Sequence

from framing.reuse.found import Reuse
from framing.reuse.index import BOILERPLATE_MIN_ARTICLES, SourceIndex


def among(documents: Sequence[tuple[str, str]]) -> dict[str, Reuse]:
    """Each article compared with all the others ({id: reuse record}), with `cluster` (a number
    shared by articles linked by reuse, directly or through others; None when alone) and
    `shares_with` (the articles it shares passages with)."""
    # Translated boilerplate is not discounted here: the Dask shuffle, which must give the same
    # records, holds no table of every sentence of the corpus.
    index = SourceIndex(documents, boilerplate_min=BOILERPLATE_MIN_ARTICLES,
                        translated_boilerplate=False)
    # The index holds each article prepared, in id order (a stable sort, as SourceIndex's).
    in_index = sorted(range(len(documents)), key=lambda i: documents[i][0])
    prepared = dict(zip(in_index, index.sources))
    return clustered({doc_id: index.compare_prepared(prepared[i], skip_self=True)
                      for i, (doc_id, _) in enumerate(documents)})


def clustered(found: dict[str, Reuse]) -> dict[str, Reuse]:
    """`found` ({id: reuse record} of articles compared with each other), each record given
    `shares_with` and `cluster` (see `among`)."""
    parent = {doc_id: doc_id for doc_id in found}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    links: dict[str, set[str]] = {doc_id: set() for doc_id in found}
    for doc_id, record in found.items():
        partners = {s.source for s in record.sources}
        partners.update([record.identical_to] if record.identical_to else [])
        for partner in partners:  # reuse is found one way, shared both ways
            links[doc_id].add(partner)
            links[partner].add(doc_id)
            a, b = sorted((root(doc_id), root(partner)))
            parent[b] = a
    for doc_id, record in found.items():
        record.shares_with = sorted(links[doc_id])
    groups = sorted({root(d) for d, r in found.items() if r.shares_with})
    numbers = {g: n for n, g in enumerate(groups, 1)}
    for doc_id, record in found.items():
        record.cluster = numbers.get(root(doc_id)) if record.shares_with else None
    return found
