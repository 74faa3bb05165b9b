"""Press-release reuse: which passages of an article come from a source, with offsets into both.

Same language, the words are compared exactly, after folding case, accents, apostrophes and
number formats (so ’/' and «»/"" do not matter): every run of SHINGLE words the article shares
with a source is a seed; seeds on the same diagonal make exact runs; runs that follow each other
in both texts with at most a few words between them make one passage (a changed word, a cut
clause: a "near" passage). Passages too short, or made of names, numbers and boilerplate, are
dropped. Across languages, `framing.translation` aligns sentences instead.

Sources are indexed once (`SourceIndex`): an article looks up its shingles in one dict and only
the sources it shares enough shingles with are aligned, so cost grows with the number of
articles, not with articles x sources. `among` compares articles with each other through one
index of them all; `framing.among` computes the same records on a Dask cluster, where no worker
holds that index.

>>> index = SourceIndex([("release", "Acme will build a plant in Lyon that will employ 400 "
...                      "people and produce batteries for the European market from 2026.")])
>>> found = index.compare("Acme said on Monday that it will build a plant in Lyon that will "
...                       "employ 400 people and produce batteries for the European market.")
>>> found["kind"], found["passages"][0]["kind"], found["passages"][0]["words"]
('verbatim', 'verbatim', 18)
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from hashlib import blake2b

from framing.text import FUNCTION_WORDS, analyse, fold, tokens

# Words per shingle. Three words seed a run even between two edits a few words apart; a
# passage must still reach MIN_PASSAGE_WORDS, so three-word coincidences are not reported.
SHINGLE = 3
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
# The article is a reprint ("verbatim") when one source covers at least this share of it.
VERBATIM_SHARE = 0.5
# A source shares at least this many shingles with the article before it is aligned.
MIN_SHARED_SHINGLES = 4
# A shingle found in at least this many sources, and in at least BOILERPLATE_SOURCE_SHARE of
# them, is boilerplate ("About X", legal notices, page furniture) and seeds nothing.
BOILERPLATE_MIN_SOURCES = 3
BOILERPLATE_SOURCE_SHARE = 0.02

_FRENCH, _ENGLISH = FUNCTION_WORDS["fr"], FUNCTION_WORDS["en"]
_FUNCTION = _FRENCH | _ENGLISH
_NUMBER_SEPARATORS = re.compile(r"[ \u00a0\u202f,.](?=\d{3}(?!\d))")
# Headings that open a release's boilerplate: the paragraph after them is boilerplate too.
_BOILERPLATE_HEADING = re.compile(
    r"(?im)^[ \t#*_>\[]*(?:à propos d|a propos d|about\b|contacts? (?:presse|médias?)|"
    r"press contacts?|media contacts?|relations presse|pour plus d'informations?\b|"
    r"for more information\b|disclaimer|mentions légales)"
)


@lru_cache(maxsize=200_000)
def word_key(word: str) -> str:
    """What two copies of a word share: folded case and accents, and one number format
    ("25 000", "25,000" and "25000" -> "25000"; "4,3" and "4.3" -> "4.3")."""
    if word[0].isdigit():
        return _NUMBER_SEPARATORS.sub("", word).replace(",", ".")
    return fold(word)


@dataclass
class Prepared:
    """A text ready for comparison: its tokens' offsets and keys, which are content words,
    which lie in boilerplate; its sentences are found only when translation needs them."""

    id: str
    text: str
    lang: str  # main language, "fr" or "en"
    starts: list[int]
    ends: list[int]
    keys: list[str]
    content: list[bool]
    boilerplate: list[bool]

    @property
    def n_words(self) -> int:
        return len(self.keys)

    @cached_property
    def sentences(self) -> list:
        """framing.text.Sentence list (with languages)."""
        return analyse(self.text).sentences

    @cached_property
    def sentence_first(self) -> list[int]:
        """Index of each sentence's first token."""
        return [bisect_left(self.starts, s.start) for s in self.sentences]


def prepare(doc_id: str, text: str) -> Prepared:
    starts, ends, keys, content = [], [], [], []
    fr = en = 0
    for start, end, lower in tokens(text):
        starts.append(start)
        ends.append(end)
        keys.append(word_key(lower))
        content.append(lower.isalpha() and lower not in _FUNCTION and not text[start].isupper())
        fr += lower in _FRENCH
        en += lower in _ENGLISH
    boilerplate = _boilerplate_tokens(text, starts)
    return Prepared(doc_id, text, "fr" if fr > en else "en", starts, ends, keys, content,
                    boilerplate)


def _boilerplate_tokens(text: str, starts: list[int]) -> list[bool]:
    """True for tokens in a boilerplate heading's paragraph and the paragraph after it."""
    flags = [False] * len(starts)
    regions = []
    for m in _BOILERPLATE_HEADING.finditer(text):
        end = text.find("\n", m.start())
        end = len(text) if end == -1 else end
        # The next non-blank line (the "About X" paragraph) belongs to the heading.
        rest = re.compile(r"\s*\n\s*([^\n]*)").match(text, end)
        if rest and len(text[m.start() : end]) < 80:
            end = rest.end()
        regions.append((m.start(), end))
    for a, b in regions:
        for i in range(bisect_left(starts, a), bisect_left(starts, b)):
            flags[i] = True
    return flags


def shingles(keys: list[str]):
    """(position, hash) of every SHINGLE-word window. The hashes are the same in every process
    (a tuple of ints hashes without the per-process salt of str hashes), so that Dask workers
    agree on them (`framing.among`)."""
    words = list(map(_word_hash, keys))
    return list(enumerate(map(hash, zip(*(words[i:] for i in range(SHINGLE))))))


@lru_cache(maxsize=200_000)
def _word_hash(key: str) -> int:
    return int.from_bytes(blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


@dataclass(frozen=True, slots=True)
class Run:
    """Exact run: article tokens [a, a + length) equal source tokens [s, s + length)."""

    a: int
    s: int
    length: int


class SourceIndex:
    """Sources (press releases) indexed by their shingles; `compare` finds reuse in an article.

    Sources are kept in id order, so results do not depend on the order they were given in.
    """

    def __init__(self, sources, translate: bool = True):
        self.sources = [prepare(i, t) for i, t in sorted(sources, key=lambda s: s[0])]
        self.by_text: dict[str, list[str]] = defaultdict(list)
        for source in self.sources:
            self.by_text[source.text.strip()].append(source.id)
        postings: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for number, source in enumerate(self.sources):
            for position, h in shingles(source.keys):
                if not source.boilerplate[position]:
                    postings[h].append((number, position))
        self.postings = _prune_boilerplate(postings, len(self.sources))
        self._hash_probe = _hash_probe()
        self.translation = None
        if translate:
            from framing.translation import TranslationIndex

            self.translation = TranslationIndex(self.sources)

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

    def compare(self, text: str, doc_id: str = "article", skip_self: bool = False) -> dict:
        """The `reuse` record of score.schema.json for one article. `skip_self`: the article is
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

    def _seeds(self, article: Prepared) -> dict[int, set[tuple[int, int]]]:
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


def boilerplate_limit(n_sources: int) -> float:
    """A shingle found in this many of `n_sources` sources or more is boilerplate."""
    return max(BOILERPLATE_MIN_SOURCES, BOILERPLATE_SOURCE_SHARE * n_sources)


def _prune_boilerplate(postings, n_sources: int) -> dict[int, list[tuple[int, int]]]:
    limit = boilerplate_limit(n_sources)
    kept = {}
    for h, where in postings.items():
        if len({n for n, _ in where}) < limit:
            kept[h] = where
    return kept


# --- alignment of one article with one source -------------------------------------------------


def aligned(article: Prepared, seeded) -> list[tuple[Prepared, list[dict]]]:
    """(source, passages) for each (source, seeds) of `seeded` that shares passages with
    `article`, in the order given."""
    found = []
    for source, seeds in seeded:
        passages = align(article, source, seeds)
        if passages:
            found.append((source, passages))
    return found


def align(article: Prepared, source: Prepared, seeds=None) -> list[dict]:
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


def exact_runs(article: Prepared, source: Prepared, seeds=None) -> list[Run]:
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
    covered = set()
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


def _passage(article: Prepared, source: Prepared, chain: list[Run]) -> dict | None:
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
    return {
        "source": source.id,
        "article_start": article.starts[a0],
        "article_end": article.ends[a1 - 1],
        "source_start": source.starts[s0],
        "source_end": source.ends[s1 - 1],
        "kind": "verbatim" if exact else "near",
        "similarity": round(similarity, 4),
        "words": a1 - a0,
        "source_words": s1 - s0,
        "_tokens": (a0, a1, s0, s1),
    }


# --- the article's summary ---------------------------------------------------------------------


@dataclass
class SourceMatch:
    """The passages one source contributes to an article, and what they cover."""

    source: str  # its id
    passages: list[dict]
    covered: set[int]  # article token positions inside passages
    source_share: float  # share of the source's non-boilerplate words reproduced

    @property
    def translated(self) -> bool:
        # A source in another language can also share a few same-language lines (page
        # furniture); it is a translation when most of what it covers comes translated.
        words = [p["words"] for p in self.passages if p["kind"] == "translated"]
        return sum(words) * 2 > sum(p["words"] for p in self.passages)

    def kind(self, n_words: int) -> str:
        if self.translated:
            return "translated"
        return "verbatim" if len(self.covered) >= VERBATIM_SHARE * n_words else "partial"


def matches(found) -> list[SourceMatch]:
    """One SourceMatch per source of `found` [(source, passages)] (same-language and translated
    passages together)."""
    by_source: dict[str, tuple[Prepared, list[dict]]] = {}
    for source, passages in found:
        by_source.setdefault(source.id, (source, []))[1].extend(passages)
    found_matches = []
    for source, passages in by_source.values():
        covered, source_covered = set(), set()
        for p in passages:
            a0, a1, s0, s1 = p["_tokens"]
            covered.update(range(a0, a1))
            source_covered.update(i for i in range(s0, s1) if not source.boilerplate[i])
        body = source.boilerplate.count(False) or 1
        share = min(1.0, len(source_covered) / body)
        found_matches.append(SourceMatch(source.id, passages, covered, share))
    return found_matches


def summarise(article: Prepared, found, identical: str | None) -> dict:
    """The `reuse` record: best source, kind, shares and passages (article order)."""
    return summary(article.n_words, matches(found), identical)


def summary(n_words: int, found_matches: list[SourceMatch], identical: str | None) -> dict:
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
                      key=lambda p: (p["article_start"], p["source"], p["source_start"]))
    for p in passages:
        del p["_tokens"]
    return {
        "source": best.source,
        "kind": kind,
        "article_share": round(1.0 if identical else min(1.0, len(covered) / n), 4),
        "source_share": round(1.0 if identical == best.source else best.source_share, 4),
        "longest_passage_words": max(p["words"] for p in passages),
        "identical_to": identical,
        "sources": [
            {"source": m.source, "kind": m.kind(n),
             "article_share": round(len(m.covered) / n, 4),
             "source_share": round(m.source_share, 4), "passages": len(m.passages)}
            for m in found_matches
        ],
        "passages": passages,
    }


def _empty(identical: str | None) -> dict:
    return {
        "source": identical,
        "kind": "verbatim" if identical else "none",
        "article_share": 1.0 if identical else 0.0,
        "source_share": 1.0 if identical else 0.0,
        "longest_passage_words": 0,
        "identical_to": identical,
        "sources": [],
        "passages": [],
    }


# --- many articles --------------------------------------------------------------------------------

_SHARED_INDEX: SourceIndex | None = None  # the index a worker process compares with


def compare_all(index: SourceIndex, documents, jobs: int = 1):
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


def compare_with(document, index: SourceIndex) -> dict | None:
    """The reuse record of a framing.documents.Document (None when it could not be read): what
    an engine runs on its workers, `index` sent to each once."""
    return None if document.error is not None else index.compare(document.text, document.id)


def _compare_in_worker(document):
    doc_id, text = document
    return _SHARED_INDEX.compare(text, doc_id)


# --- reading sources, and articles compared with each other -------------------------------------


def load_sources(paths, **read_options):
    """(SourceIndex of the readable sources, the sources that could not be read). Sources are
    read like articles (files, folders, globs; txt, md, html, csv, jsonl, parquet)."""
    from framing.documents import read_documents

    readable, failed = [], []
    for document in read_documents(list(map(str, paths)), **read_options):
        (failed if document.error else readable).append(document)
    return SourceIndex([(d.id, d.text) for d in readable]), failed


def among(documents) -> dict[str, dict]:
    """Each article compared with all the others ({id: reuse record}), with `cluster` (a number
    shared by articles linked by reuse, directly or through others; None when alone) and
    `shares_with` (the articles it shares passages with)."""
    index = SourceIndex(documents)
    return clustered({doc_id: index.compare(text, doc_id, skip_self=True)
                      for doc_id, text in documents})


def clustered(found: dict[str, dict]) -> dict[str, dict]:
    """`found` ({id: reuse record} of articles compared with each other), each record given
    `shares_with` and `cluster` (see `among`)."""
    parent = {doc_id: doc_id for doc_id in found}

    def root(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    links: dict[str, set[str]] = {doc_id: set() for doc_id in found}
    for doc_id, record in found.items():
        partners = {s["source"] for s in record["sources"]}
        partners.update([record["identical_to"]] if record["identical_to"] else [])
        for partner in partners:  # reuse is found one way, shared both ways
            links[doc_id].add(partner)
            links[partner].add(doc_id)
            a, b = sorted((root(doc_id), root(partner)))
            parent[b] = a
    for doc_id, record in found.items():
        record["shares_with"] = sorted(links[doc_id])
    groups = sorted({root(d) for d, r in found.items() if r["shares_with"]})
    numbers = {g: n for n, g in enumerate(groups, 1)}
    for doc_id, record in found.items():
        record["cluster"] = numbers.get(root(doc_id)) if record["shares_with"] else None
    return found
