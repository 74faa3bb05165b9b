"""The source index (`SourceIndex`): sources indexed once by their shingles, so that an article
looks up its shingles in one dict and only the sources it shares enough shingles with are
aligned; cost grows with the number of articles, not with articles x sources."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

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
                 boilerplate_min: int = BOILERPLATE_MIN_SOURCES) -> None:
        self.sources = [prepare(i, t) for i, t in sorted(sources, key=lambda s: s[0])]
        self.by_text: dict[str, list[str]] = defaultdict(list)
        for source in self.sources:
            self.by_text[source.text.strip()].append(source.id)
        postings: Postings = defaultdict(list)
        for number, source in enumerate(self.sources):
            for position, h in shingles(source.keys):
                if not source.boilerplate[position]:
                    postings[h].append((number, position))
        self.postings = _prune_boilerplate(postings, len(self.sources), boilerplate_min)
        self._hash_probe = _hash_probe()
        self._table: _PostingsTable | None = None
        self.translation = None
        if translate:
            from framing.reuse.translate import TranslationIndex

            self.translation = TranslationIndex(self.sources)

    def __setstate__(self, state: dict) -> None:
        """Unpickled in another process (a Dask worker): shingle hashes are the same in every
        process of one Python version; should this one hash differently (a worker on another
        Python), the postings are re-keyed (the sources are not prepared again)."""
        self.__dict__.update(state)
        self._table = None
        if state.get("_hash_probe") != _hash_probe():
            self.postings = {
                _rehash(self.sources, where): where for where in state["postings"].values()
            }
            self._hash_probe = _hash_probe()

    def __getstate__(self) -> dict:
        """The postings' arrays are made again where they are used (smaller to send)."""
        return {**self.__dict__, "_table": None}

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
        share a passage with it (`_may_share_a_passage`).

        The shared shingles are counted per source in numpy: a shingle a few dozen articles
        share is looked at once per article that holds it, so among articles this count grows
        as the square of their number; only the sources kept get their seeds as Python pairs."""
        if self._table is None:
            self._table = _PostingsTable(self.sources, self.postings)
        table = self._table
        at, first, length = [], [], []
        for a, h in shingles(article.keys):
            slot = table.slots.get(h)
            if slot is not None:
                at.append(a)
                first.append(slot[0])
                length.append(slot[1])
        if not at:
            return {}
        lengths = np.array(length, dtype=np.int64)
        ends = np.cumsum(lengths)
        where = np.arange(ends[-1]) + np.repeat(np.array(first, dtype=np.int64) - ends + lengths,
                                                lengths)
        numbers = table.numbers[where]
        kept = np.bincount(numbers)[numbers] >= MIN_SHARED_SHINGLES
        if not kept.any():
            return {}
        where = where[kept]
        numbers = numbers[kept]
        a_positions = np.repeat(np.array(at, dtype=np.int64), lengths)[kept]
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
                for i, j in zip(bounds, bounds[1:])}


# Words either side of each text in _PostingsTable.words: a run's extension stops there.
_PAD = MIN_PASSAGE_WORDS - SHINGLE


class _PostingsTable:
    """The postings as arrays (source numbers, positions; each shingle a slice of them), and
    every source's words as numbers, to tell which sources cannot share a passage with an
    article before aligning them."""

    def __init__(self, sources: list[Prepared], postings: Postings) -> None:
        self.slots: dict[int, tuple[int, int]] = {}
        numbers: list[int] = []
        positions: list[int] = []
        for h, where in postings.items():
            self.slots[h] = (len(numbers), len(where))
            for number, position in where:
                numbers.append(number)
                positions.append(position)
        self.numbers = np.array(numbers, dtype=np.int64)
        self.positions = np.array(positions, dtype=np.int64)
        self.vocabulary: dict[str, int] = {}
        words = [-3] * _PAD
        self.offsets = np.zeros(len(sources), dtype=np.int64)
        for number, source in enumerate(sources):
            self.offsets[number] = len(words)
            words.extend(self.vocabulary.setdefault(k, len(self.vocabulary))
                         for k in source.keys)
            words.extend([-3] * _PAD)
        self.words = np.array(words, dtype=np.int64)

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


def _rehash(sources: list[Prepared], where: list[tuple[int, int]]) -> int:
    """This process's hash of the shingle found at `where` (all places hold the same words)."""
    number, position = where[0]
    return shingles(sources[number].keys[position : position + SHINGLE])[0][1]


def boilerplate_limit(n_sources: int, minimum: int = BOILERPLATE_MIN_SOURCES) -> float:
    """A shingle found in this many of `n_sources` sources or more is boilerplate."""
    return max(minimum, BOILERPLATE_SOURCE_SHARE * n_sources)


def _prune_boilerplate(postings: Postings, n_sources: int, minimum: int) -> Postings:
    limit = boilerplate_limit(n_sources, minimum)
    kept = {}
    for h, where in postings.items():
        if len({n for n, _ in where}) < limit:
            kept[h] = where
    return kept
