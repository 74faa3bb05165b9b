"""The source index (`SourceIndex`): sources indexed once by their shingles, so that an article
looks up its shingles in one dict and only the sources it shares enough shingles with are
aligned; cost grows with the number of articles, not with articles x sources."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable

from framing.reuse.align import Seeds, aligned
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
        postings: Postings = defaultdict(list)
        for number, source in enumerate(self.sources):
            for position, h in shingles(source.keys):
                if not source.boilerplate[position]:
                    postings[h].append((number, position))
        self.postings = _prune_boilerplate(postings, len(self.sources), boilerplate_min)
        self._hash_probe = _hash_probe()
        self.translation = None
        if translate:
            from framing.reuse.translate import TranslationIndex

            # Without translated_boilerplate, no sentence is boilerplate across languages (as
            # in the Dask shuffle of `reuse --among`, which has no table of every sentence).
            limit = boilerplate_limit(len(self.sources)) if translated_boilerplate else math.inf
            self.translation = TranslationIndex(self.sources, limit)

    def __setstate__(self, state: dict) -> None:
        """Unpickled in another process (a Dask worker): shingle hashes are the same in every
        process of one Python version; should this one hash differently (a worker on another
        Python), the postings are re-keyed (the sources are not prepared again)."""
        self.__dict__.update(state)
        if state.get("_hash_probe") != _hash_probe():
            self.postings = {
                _rehash(self.sources, where): where for where in state["postings"].values()
            }
            self._hash_probe = _hash_probe()

    def compare(self, text: str, doc_id: str = "article", skip_self: bool = False) -> Reuse:
        """The reuse record of one article (`to_dict()`: score.schema.json's `reuse`). `skip_self`: the article is
        one of the sources (articles compared with each other) and is not compared with itself."""
        article = prepare(doc_id, text)
        skip = doc_id if skip_self else None
        identical = next((i for i in self.by_text.get(text.strip(), ()) if i != skip), None)
        seeded = [(self.sources[number], seeds) for number, seeds in self._seeds(article).items()
                  if self.sources[number].id != skip]
        found = aligned(article, seeded)
        if self.translation is not None:
            found.extend((s, p) for s, p in self.translation.compare(article) if s.id != skip)
        return summarise(article, found, identical)

    def _seeds(self, article: Prepared) -> dict[int, Seeds]:
        """{source number: {(article position, source position)}} of shared shingles, for the
        sources that share at least MIN_SHARED_SHINGLES shingles with the article."""
        seeds: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for a, h in shingles(article.keys):
            for number, s in self.postings.get(h, ()):
                seeds[number].append((a, s))
        return {n: set(seeds[n]) for n in sorted(seeds) if len(seeds[n]) >= MIN_SHARED_SHINGLES}


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
