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
