"""The source index (`SourceIndex`): sources indexed once by their shingles, so that an article
looks up its shingles in one dict and only the sources it shares enough shingles with are
aligned; cost grows with the number of articles, not with articles x sources."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from itertools import pairwise

import numpy as np

from framing.reuse.align import MAX_GAP, MIN_PASSAGE_WORDS, Seeds, aligned
from framing.reuse.found import Reuse
from framing.reuse.prepared import SHINGLE, Prepared, prepare, shingles
from framing.reuse.summary import summarise

# A source shares at least this many shingles with the article before it is aligned.
MIN_SHARED_SHINGLES = 4
# A shingle found in at least this many sources, and in at least BOILERPLATE_SOURCE_SHARE of
# them, is boilerplate ("About X", legal notices, page furniture) and seeds nothing.
BOILERPLATE_MIN_SOURCES = 3
BOILERPLATE_SOURCE_SHARE = 0.02
# Articles compared with each other (`reuse --among`): a story that fewer outlets than this copy
# is what the comparison is for, not boilerplate (three copies of a story were once pruned).
BOILERPLATE_MIN_ARTICLES = 20

# {shingle hash: [(source number, position)]}
Postings = dict[int, list[tuple[int, int]]]


class SourceIndex:
    """Sources (press releases) indexed by their shingles; `compare` finds reuse in an article.

    Sources are kept in id order, so results do not depend on the order they were given in.
    """

    def __init__(self, sources: Iterable[tuple[str, str]], translate: bool = True,
                 boilerplate_min: int = BOILERPLATE_MIN_SOURCES,
                 translated_boilerplate: bool = True) -> None:
        self.sources = [prepare(i, t) for i, t in sorted(sources, key=lambda s: s[0])]
        self.by_text: dict[str, list[str]] = defaultdict(list)
        for source in self.sources:
            self.by_text[source.text.strip()].append(source.id)
        self._table = _PostingsTable(self.sources, boilerplate_min)
        self._hash_probe = _hash_probe()
        self.translation = None
        if translate:
            from framing.reuse.translate import TranslationIndex

            # Without translated_boilerplate, no sentence is boilerplate across languages (as
            # in the Dask shuffle of `reuse --among`, which has no table of every sentence).
            limit = boilerplate_limit(len(self.sources)) if translated_boilerplate else math.inf
            self.translation = TranslationIndex(self.sources, limit)

    @property
    def postings(self) -> Postings:
        """{shingle hash: [(source number, position)]} of the shingles kept (outside
        boilerplate), each list in source and position order; made from the arrays at each
        call (for tests and inspection, not for a loop)."""
        return self._table.postings()

    def __setstate__(self, state: dict) -> None:
        """Unpickled in another process (a Dask worker): shingle hashes are the same in every
        process of one Python version; should this one hash differently (a worker on another
        Python), the postings are re-keyed (the sources are not prepared again)."""
        self.__dict__.update(state)
        if state.get("_hash_probe") != _hash_probe():
            self._table.rehash(self.sources)
            self._hash_probe = _hash_probe()

    def compare(self, text: str, doc_id: str = "article", skip_self: bool = False) -> Reuse:
        """The reuse record of one article (`to_dict()`: score.schema.json's `reuse`). `skip_self`: the article is
        one of the sources (articles compared with each other) and is not compared with itself."""
        return self.compare_prepared(prepare(doc_id, text), skip_self)

    def compare_prepared(self, article: Prepared, skip_self: bool = False) -> Reuse:
        """`compare` for an article already prepared (articles compared with each other are
        prepared once, as sources)."""
        skip = article.id if skip_self else None
        identical = next((i for i in self.by_text.get(article.text.strip(), ()) if i != skip),
                         None)
        seeded = [(self.sources[number], seeds) for number, seeds in self._seeds(article).items()
                  if self.sources[number].id != skip]
        found = aligned(article, seeded)
        if self.translation is not None:
            found.extend((s, p) for s, p in self.translation.compare(article) if s.id != skip)
        return summarise(article, found, identical)

    def _seeds(self, article: Prepared) -> dict[int, Seeds]:
        """{source number: {(article position, source position)}} of shared shingles, for the
        sources that share at least MIN_SHARED_SHINGLES shingles with the article and could
        share a passage with it (`_PostingsTable.may_share_a_passage`).

        The shared shingles are counted per source in numpy: a shingle a few dozen articles
        share is looked at once per article that holds it, so among articles this count grows
        as the square of their number; only the sources kept get their seeds as Python pairs."""
        table = self._table
        at, first, lengths = table.find(shingles(article.keys))
        if not len(at):
            return {}
        ends = np.cumsum(lengths)
        where = np.arange(ends[-1]) + np.repeat(first - ends + lengths, lengths)
        numbers = table.numbers[where]
        kept = np.bincount(numbers)[numbers] >= MIN_SHARED_SHINGLES
        if not kept.any():
            return {}
        where = where[kept]
        numbers = numbers[kept]
        a_positions = np.repeat(at, lengths)[kept]
        s_positions = table.positions[where]
        kept = table.may_share_a_passage(article, numbers, a_positions, s_positions)
        if not kept.any():
            return {}
        order = np.argsort(numbers[kept], kind="stable")
        numbers = numbers[kept][order]
        a_list = a_positions[kept][order].tolist()
        s_list = s_positions[kept][order].tolist()
        cuts = np.flatnonzero(np.diff(numbers)) + 1
        bounds = [0, *cuts.tolist(), len(numbers)]
        return {int(numbers[i]): set(zip(a_list[i:j], s_list[i:j]))
                for i, j in pairwise(bounds)}


# Words either side of each text in _PostingsTable.words: a run's extension stops there.
_PAD = MIN_PASSAGE_WORDS - SHINGLE


class _PostingsTable:
    """The postings as arrays: the kept shingles' hashes, sorted, and for each its slice of
    (source number, position) in source and position order; and every source's words as
    numbers, to tell which sources cannot share a passage with an article before aligning
    them. (Arrays rather than a dict of lists of tuples: a corpus of articles holds millions of
    postings.)"""

    def __init__(self, sources: list[Prepared], boilerplate_min: int) -> None:
        hashes, numbers, positions = [], [], []
        for number, source in enumerate(sources):
            found = np.fromiter((h for _, h in shingles(source.keys)), dtype=np.int64)
            outside = ~np.array(source.boilerplate[: len(found)], dtype=bool)
            hashes.append(found[outside])
            positions.append(np.flatnonzero(outside))
            numbers.append(np.full(int(outside.sum()), number, dtype=np.int64))
        h, n, p = (np.concatenate(a) if a else np.zeros(0, dtype=np.int64)
                   for a in (hashes, numbers, positions))
        order = np.lexsort((p, n, h))
        h, n, p = h[order], n[order], p[order]
        # Boilerplate: a shingle found in boilerplate_limit sources or more seeds nothing.
        new_hash = np.ones(len(h), dtype=bool)
        new_hash[1:] = h[1:] != h[:-1]
        new_source = new_hash.copy()
        new_source[1:] |= n[1:] != n[:-1]
        group = np.cumsum(new_hash) - 1
        per_hash = np.bincount(group, weights=new_source, minlength=int(new_hash.sum()))
        kept = per_hash[group] < boilerplate_limit(len(sources), boilerplate_min)
        h, self.numbers, self.positions = h[kept], n[kept], p[kept]
        starts = np.flatnonzero(np.r_[True, h[1:] != h[:-1]]) if len(h) else np.zeros(0, int)
        self.hashes = h[starts]
        self.firsts = starts
        self.lengths = np.diff(np.r_[starts, len(h)])
        self.vocabulary: dict[str, int] = {}
        pad = np.full(_PAD, -3, dtype=np.int64)
        words, self.offsets = [pad], np.zeros(len(sources), dtype=np.int64)
        at = _PAD
        for number, source in enumerate(sources):
            self.offsets[number] = at
            words.append(np.fromiter((self.vocabulary.setdefault(k, len(self.vocabulary))
                                      for k in source.keys), dtype=np.int64,
                                     count=len(source.keys)))
            words.append(pad)
            at += len(source.keys) + _PAD
        self.words = np.concatenate(words)

    def find(self, found: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(article positions, first posting, number of postings) of the shingles `found`
        ((position, hash), as `shingles` gives them) that are kept."""
        if not found or not len(self.hashes):
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, empty
        positions, hashes = np.array(found, dtype=np.int64).T
        slot = np.minimum(np.searchsorted(self.hashes, hashes), len(self.hashes) - 1)
        hit = self.hashes[slot] == hashes
        slot = slot[hit]
        return positions[hit], self.firsts[slot], self.lengths[slot]

    def postings(self) -> Postings:
        """The table as {shingle hash: [(source number, position)]}."""
        numbers, positions = self.numbers.tolist(), self.positions.tolist()
        return {h: list(zip(numbers[f : f + n], positions[f : f + n]))
                for h, f, n in zip(self.hashes.tolist(), self.firsts.tolist(),
                                   self.lengths.tolist())}

    def rehash(self, sources: list[Prepared]) -> None:
        """The hashes made again in this process (all places of a shingle hold the same
        words), the postings re-sorted by them."""
        new = np.array([shingles(sources[n].keys[p : p + SHINGLE])[0][1] for n, p in
                        zip(self.numbers[self.firsts].tolist(),
                            self.positions[self.firsts].tolist())], dtype=np.int64)
        order = np.argsort(new, kind="stable")
        slices = [np.arange(f, f + n) for f, n in zip(self.firsts[order], self.lengths[order])]
        where = np.concatenate(slices) if slices else np.zeros(0, dtype=np.int64)
        self.numbers, self.positions = self.numbers[where], self.positions[where]
        self.hashes, self.lengths = new[order], self.lengths[order]
        self.firsts = np.r_[0, np.cumsum(self.lengths)[:-1]] if len(new) else self.lengths

    def may_share_a_passage(self, article: Prepared, numbers: np.ndarray, a: np.ndarray,
                            s: np.ndarray) -> np.ndarray:
        """For each seed (source number, article position, source position), sorted by
        source: False where its source can share no passage with the article.

        align's passages are made of runs of equal words grown from the seeds: a passage is
        one run of MIN_PASSAGE_WORDS or more, or two runs or more, each at most MAX_GAP words
        after the one before in both texts. A source is dropped only when every run grown from
        its seeds is shorter than MIN_PASSAGE_WORDS and no two of them lie that close: most
        sources that share a few common shingles with an article (a stock phrase of four to
        nine words) are dropped so, without their seeds being turned into Python pairs."""
        get = self.vocabulary.get
        own = np.array([-4] * _PAD + [get(k, -1) for k in article.keys] + [-4] * _PAD,
                       dtype=np.int64)
        mine = a + _PAD
        theirs = self.offsets[numbers] + s
        before = np.zeros(len(a), dtype=np.int64)
        alive = np.ones(len(a), dtype=bool)
        for k in range(1, _PAD + 1):
            alive &= own[mine - k] == self.words[theirs - k]
            before += alive
        after = np.zeros(len(a), dtype=np.int64)
        alive[:] = True
        for k in range(SHINGLE, SHINGLE + _PAD):
            alive &= own[mine + k] == self.words[theirs + k]
            after += alive
        start, size = a - before, SHINGLE + before + after
        kept_sources = numbers[size >= MIN_PASSAGE_WORDS]
        # Runs close in the article and on near diagonals may chain: sorted by source and start,
        # each run is compared with the next ones until they start too far on.
        diagonal = start - (s - before)
        order = np.lexsort((start, numbers))
        numbers_o, start_o, end_o, diagonal_o = (numbers[order], start[order],
                                                 (start + size)[order], diagonal[order])
        reach = MIN_PASSAGE_WORDS + MAX_GAP
        for k in range(1, len(order)):
            same = numbers_o[k:] == numbers_o[:-k]
            near = same & (start_o[k:] - start_o[:-k] <= reach)
            if not near.any():
                break
            chained = (near & (start_o[k:] - end_o[:-k] <= MAX_GAP)
                       & (np.abs(diagonal_o[k:] - diagonal_o[:-k]) <= MAX_GAP)
                       & ((start_o[k:] != start_o[:-k]) | (diagonal_o[k:] != diagonal_o[:-k])))
            kept_sources = np.concatenate([kept_sources, numbers_o[k:][chained]])
        return np.isin(numbers, kept_sources)


def _hash_probe() -> int:
    return shingles(["framing", "shingle", "probe"])[0][1]


def boilerplate_limit(n_sources: int, minimum: int = BOILERPLATE_MIN_SOURCES) -> float:
    """A shingle found in this many of `n_sources` sources or more is boilerplate."""
    return max(minimum, BOILERPLATE_SOURCE_SHARE * n_sources)
