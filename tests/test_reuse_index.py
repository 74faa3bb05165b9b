"""The source index (framing.reuse.index): an article's reuse record does not depend on the
sources' order, and unrelated sources give none."""

import functools

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.reuse import SourceIndex, prepare

from .conftest import VELORA_RELEASE as RELEASE
from .conftest import seed_path


def test_unrelated_texts_give_zero(seed_texts):
    found = SourceIndex([("s", RELEASE)]).compare(seed_texts["003"])
    assert found.article_share == 0.0 and found.kind == "none"


def test_results_do_not_depend_on_source_order(seed_texts):
    sources = [("004", seed_texts["004"]), ("velora", RELEASE), ("002", seed_texts["002"])]
    first = SourceIndex(sources).compare(seed_texts["001"])
    second = SourceIndex(sources[::-1]).compare(seed_texts["001"])
    assert first == second


@settings(max_examples=15, deadline=None)
@given(st.permutations(range(4)), st.lists(st.integers(0, 39), min_size=3, max_size=12))
def test_source_order_never_changes_the_result(order, picks):
    """Sources made of seed sentences (so that they overlap each other and the article), given
    in any order, give the same record."""
    sentences = _seed_sentences()
    sources = [(f"s{k}", " ".join(sentences[(k * 7 + j) % len(sentences)] for j in range(10)))
               for k in range(4)]
    article = " ".join(sentences[i % len(sentences)] for i in picks)
    first = SourceIndex(sources).compare(article)
    assert SourceIndex([sources[k] for k in order]).compare(article) == first


@functools.cache
def _seed_sentences() -> list[str]:
    text = seed_path("001").read_text("utf-8")
    return [text[s.start : s.end] for s in prepare("001", text).sentences
            if len(s.tokens) >= 8][:40]


def test_sources_dropped_before_alignment_share_no_passage():
    """The index drops a source sharing a few shingles with an article when no run grown from
    them can make a passage: every source align finds passages in is kept, with the same seeds,
    on 300 generated articles compared with each other (each a source of the others)."""
    from collections import defaultdict

    from framing.reuse.align import align
    from framing.reuse.index import BOILERPLATE_MIN_ARTICLES, MIN_SHARED_SHINGLES
    from framing.reuse.prepared import shingles

    from .corpus_generator import make_corpus

    _, articles = make_corpus(300, 8)
    index = SourceIndex([(i, t) for i, t, _ in articles], translate=False,
                        boilerplate_min=BOILERPLATE_MIN_ARTICLES)
    postings, dropped = index.postings, 0
    for number, article in enumerate(index.sources[:120]):
        every = defaultdict(set)
        for a, h in shingles(article.keys):
            for source, s in postings.get(h, ()):
                every[source].add((a, s))
        kept = index._seeds(article)
        for source, seeds in every.items():
            if len(seeds) < MIN_SHARED_SHINGLES or source == number:
                continue
            if source in kept:
                assert kept[source] == seeds
            else:
                dropped += 1
                assert align(article, index.sources[source], seeds) == []
    assert dropped > 0


def test_a_run_grown_through_boilerplate_shingles_is_kept():
    """A passage whose shingles are mostly boilerplate (found in too many sources) is still
    found from the few that are not: its run grows through the others."""
    stock = "the minister said the plan for the region would be presented in the spring"
    shared = f"{stock} with a budget of several million euros and new regional jobs"
    sources = [("a", f"Acme news. {shared}. Other words follow here.")]
    sources += [(f"z{i}", f"Unrelated text number {i}. {stock}.") for i in range(25)]
    index = SourceIndex(sources, translate=False, boilerplate_min=3)
    found = index.compare(f"Yesterday, {shared}, according to the paper.")
    assert [p.source for p in found.passages] == ["a"]


def test_an_index_unpickled_where_shingles_hash_differently_is_rekeyed(seed_texts):
    """A worker on another Python hashes shingles differently: the unpickled index re-keys its
    postings from the sources' words and compares as the one pickled."""
    import pickle

    index = SourceIndex([(k, seed_texts[k]) for k in ("002", "004")], translate=False)
    table = pickle.loads(pickle.dumps(index))._table
    table.hashes = table.hashes + 1  # hashes no longer those of this process
    moved = SourceIndex.__new__(SourceIndex)
    moved.__setstate__({**index.__dict__, "_table": table, "_hash_probe": 0})
    assert moved.postings == index.postings
    assert moved.compare(seed_texts["001"]) == index.compare(seed_texts["001"])
