"""Same-language alignment of one article with one source: exact runs of shared words, seeded
by shared shingles, joined into verbatim and near-verbatim passages with offsets into both
texts. Passages too short, or made of names, numbers and boilerplate, are dropped."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from framing.reuse.found import Passage
from framing.reuse.prepared import SHINGLE, Prepared, shingles

# A passage is at least this many article words with at least MIN_CONTENT_WORDS ordinary
# content words (not function words, numbers or capitalised names). Shorter shared strings are
# the stock of any article on the same event: "4 milliards d'euros", "le président de la
# République", "Microsoft France".
MIN_PASSAGE_WORDS = 10
MIN_CONTENT_WORDS = 5
# Runs this many words apart or closer, in order in both texts, belong to one (near) passage.
MAX_GAP = 5
# A near passage must have at least this share of its words matched exactly.
MIN_PASSAGE_SIMILARITY = 0.6

# (article position, source position) of the shingles two texts share.
Seeds = set[tuple[int, int]]


@dataclass(frozen=True, slots=True)
class Run:
    """Exact run: article tokens [a, a + length) equal source tokens [s, s + length)."""

    a: int
    s: int
    length: int


def aligned(article: Prepared,
            seeded: Iterable[tuple[Prepared, Seeds]]) -> list[tuple[Prepared, list[Passage]]]:
    """(source, passages) for each (source, seeds) of `seeded` that shares passages with
    `article`, in the order given."""
    found = []
    for source, seeds in seeded:
        passages = align(article, source, seeds)
        if passages:
            found.append((source, passages))
    return found


def align(article: Prepared, source: Prepared, seeds: Seeds | None = None) -> list[Passage]:
    """Same-language passages of `article` found in `source`, in article order. `seeds`: the
    (article, source) positions of their shared shingles, when an index already found them."""
    runs = exact_runs(article, source, seeds)
    runs = _non_overlapping(runs)
    passages = []
    for chain in _chains(runs):
        passage = _passage(article, source, chain)
        if passage is not None:
            passages.append(passage)
    return passages


def exact_runs(article: Prepared, source: Prepared, seeds: Seeds | None = None) -> list[Run]:
    """Maximal runs of equal keys, seeded by shared shingles, longest first."""
    if seeds is None:
        where: dict[int, list[int]] = defaultdict(list)
        for position, h in shingles(source.keys):
            if not source.boilerplate[position]:
                where[h].append(position)
        seeds = {(a, s) for a, h in shingles(article.keys) for s in where.get(h, ())}
    a_keys, s_keys = article.keys, source.keys
    runs = set()
    for a, s in seeds:
        if (a - 1, s - 1) in seeds or a_keys[a : a + SHINGLE] != s_keys[s : s + SHINGLE]:
            continue  # inside a run already seeded, or a hash collision
        # Extend both ways: the shingles next to a seed may have been pruned as too common.
        while a > 0 and s > 0 and a_keys[a - 1] == s_keys[s - 1]:
            a, s = a - 1, s - 1
        length = SHINGLE
        while (a + length < len(a_keys) and s + length < len(s_keys)
               and a_keys[a + length] == s_keys[s + length]):
            length += 1
        runs.add(Run(a, s, length))
    return sorted(runs, key=lambda r: (-r.length, r.a, r.s))


def _non_overlapping(runs: list[Run]) -> list[Run]:
    """Longest runs first; a later run keeps only its longest part that no earlier run covers in
    the article (each article word comes from one place)."""
    covered: set[int] = set()
    kept = []
    for run in runs:
        best = None
        i = 0
        while i < run.length:
            if run.a + i in covered:
                i += 1
                continue
            j = i
            while j < run.length and run.a + j not in covered:
                j += 1
            if best is None or j - i > best[1] - best[0]:
                best = (i, j)
            i = j
        if best and best[1] - best[0] >= SHINGLE:
            piece = Run(run.a + best[0], run.s + best[0], best[1] - best[0])
            kept.append(piece)
            covered.update(range(piece.a, piece.a + piece.length))
    return sorted(kept, key=lambda r: (r.a, r.s))


def _chains(runs: list[Run]) -> list[list[Run]]:
    """Runs in article order joined when they follow each other closely in both texts."""
    chains: list[list[Run]] = []
    for run in runs:
        if chains:
            last = chains[-1][-1]
            a_gap = run.a - (last.a + last.length)
            s_gap = run.s - (last.s + last.length)
            if 0 <= a_gap <= MAX_GAP and 0 <= s_gap <= MAX_GAP:
                chains[-1].append(run)
                continue
        chains.append([run])
    return chains


def _passage(article: Prepared, source: Prepared, chain: list[Run]) -> Passage | None:
    first, last = chain[0], chain[-1]
    a0, a1 = first.a, last.a + last.length
    s0, s1 = first.s, last.s + last.length
    matched = sum(r.length for r in chain)
    if matched < MIN_PASSAGE_WORDS * MIN_PASSAGE_SIMILARITY:
        return None  # too short whatever its content: skip the counting below
    content = sum(article.content[r.a + k] for r in chain for k in range(r.length))
    boiler = sum(source.boilerplate[r.s + k] for r in chain for k in range(r.length))
    similarity = matched / max(a1 - a0, s1 - s0)
    if (a1 - a0 < MIN_PASSAGE_WORDS or content < MIN_CONTENT_WORDS
            or similarity < MIN_PASSAGE_SIMILARITY or boiler * 2 > matched):
        return None
    exact = len(chain) == 1
    return Passage(source.id, article.starts[a0], article.ends[a1 - 1], source.starts[s0],
                   source.ends[s1 - 1], "verbatim" if exact else "near", round(similarity, 4),
                   a1 - a0, s1 - s0, (a0, a1, s0, s1))
