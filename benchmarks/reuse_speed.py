"""Reuse detection at scale, with planted passages so that recall and precision are known.

    python benchmarks/reuse_speed.py [--sizes 1000,10000] [--releases 1000] [--jobs 2]

Releases and articles are generated from the seeds: each sentence is a walk through the seeds'
word bigrams, so every release is new text that shares the seeds' stock phrases. About 60% of the
articles reprint 1-3 consecutive sentences of a release (a planted passage) with light edits
(one changed word, curly apostrophes); some also paraphrase a release sentence (two thirds of its
words changed), which must NOT be reported. Prints articles/s, peak memory, and
character-level recall/precision of planted passages; then the same small corpus through an
all-pairs difflib.SequenceMatcher baseline, for speed and F1 side by side.
"""

from __future__ import annotations

import argparse
import difflib
import random
import resource
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framing import pipeline
from framing.engines import map_documents
from framing.reuse import SourceIndex
from framing.text import analyse

SEED = 20240513


def seed_material():
    """A word-bigram model of the seeds' French sentences: {word: [next words]}, and the words
    that start a sentence (French only, so that the benchmark measures same-language alignment;
    translation has its own check set)."""
    following: dict[str, list[str]] = {}
    starts = []
    for path in sorted((ROOT / "seeds").glob("0*.txt")):
        doc = analyse(path.read_text(encoding="utf-8"))
        for s in doc.sentences:
            words = [doc.text[a:b] for a, b, _ in s.tokens]
            if s.lang != "fr" or len(words) < 8:
                continue
            starts.append(words[0])
            for first, second in pairwise(words):
                following.setdefault(first, []).append(second)
    return starts, {w: sorted(nxt) for w, nxt in sorted(following.items())}


class Generator:
    def __init__(self, seed: int = SEED):
        self.rng = random.Random(seed)
        self.starts, self.following = seed_material()
        self.vocabulary = sorted(self.following)

    def sentence(self) -> str:
        """12-30 words walked through the seeds' bigrams: new sentences that share the seeds'
        collocations ("de l'intelligence artificielle"), as real articles on one subject do."""
        words = [self.rng.choice(self.starts)]
        for _ in range(self.rng.randint(11, 29)):
            nxt = self.following.get(words[-1])
            words.append(self.rng.choice(nxt) if nxt else self.rng.choice(self.vocabulary))
        return " ".join(words).capitalize() + "."

    def paraphrase(self, sentence: str) -> str:
        """A rewrite that keeps a third of the words in place: not a copy."""
        words = sentence.rstrip(".").split()
        return " ".join(w if self.rng.random() < 1 / 3 else self.rng.choice(self.vocabulary)
                        for w in words) + "."

    def edit(self, sentence: str) -> str:
        """A light edit: one word changed (not at the edges), curly apostrophes."""
        words = sentence.split()
        if len(words) > 8 and self.rng.random() < 0.5:
            words[self.rng.randrange(3, len(words) - 3)] = self.rng.choice(self.vocabulary)
        return " ".join(words).replace("'", "’")

    def release(self) -> list[str]:
        return [self.sentence() for _ in range(12)]

    def article(self, releases: list[tuple[str, list[str]]]):
        """(text, planted [(start, end, release id)])."""
        parts: list[tuple[str, str | None]] = [(self.sentence(), None) for _ in range(16)]
        if self.rng.random() < 0.6:
            for _ in range(self.rng.randint(1, 3)):
                release_id, sentences = self.rng.choice(releases)
                k = self.rng.randrange(len(sentences) - 2)
                copied = [self.edit(s) for s in sentences[k : k + self.rng.randint(1, 3)]]
                parts.insert(self.rng.randrange(len(parts) + 1), (" ".join(copied), release_id))
        if self.rng.random() < 0.3:
            _, sentences = self.rng.choice(releases)
            parts.insert(self.rng.randrange(len(parts) + 1),
                         (self.paraphrase(self.rng.choice(sentences)), None))
        text, planted = "", []
        for piece, release_id in parts:
            start = len(text)
            text += piece + " "
            if release_id:
                planted.append((start, start + len(piece), release_id))
        return text, planted


def make_corpus(n_articles: int, n_releases: int, seed: int = SEED):
    gen = Generator(seed)
    releases = [(f"rel{i:05d}", gen.release()) for i in range(n_releases)]
    articles = []
    for i in range(n_articles):
        text, planted = gen.article(releases)
        articles.append((f"art{i:06d}", text, planted))
    return [(rid, " ".join(s)) for rid, s in releases], articles


def score(found_by_article, articles) -> tuple[float, float]:
    """Character-level recall and precision of detected passages against planted ones (a
    character counts only when its release is the right one)."""
    planted = detected = recalled = correct = 0
    for (_, _, truth_spans), passages in zip(articles, found_by_article):
        truth = {c: r for a, b, r in truth_spans for c in range(a, b)}
        found = {c: r for r, a, b in passages for c in range(a, b)}
        planted += len(truth)
        detected += len(found)
        recalled += sum(1 for c, r in truth.items() if found.get(c) == r)
        correct += sum(1 for c, r in found.items() if truth.get(c) == r)
    return recalled / max(planted, 1), correct / max(detected, 1)


def f1(recall: float, precision: float) -> float:
    return 2 * recall * precision / (recall + precision) if recall + precision else 0.0


def peak_mb() -> float:
    """Peak resident memory of this process and of the largest finished worker, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def run_framing(releases, articles, jobs: int):
    """framing's executor on the articles written as files (as a researcher's corpus is; the
    writing is not timed, the reading is)."""
    with tempfile.TemporaryDirectory() as folder:
        for i, text, _ in articles:
            Path(folder, f"{i}.txt").write_text(text, encoding="utf-8")
        start = time.perf_counter()
        scorer = pipeline.Scorer(None, sources=SourceIndex(releases))
        indexed = time.perf_counter() - start
        records = [r for _, r in map_documents(pipeline.compare, [folder], {}, scorer,
                                               jobs=jobs)]
        elapsed = time.perf_counter() - start
    passages = [[(p["source"], p["article_start"], p["article_end"]) for p in r["passages"]]
                for r in records]
    return passages, indexed, elapsed


# The hand-written baseline: every article against every release, matching blocks of at least
# this many words (framing's MIN_PASSAGE_WORDS).
BASELINE_MIN_WORDS = 10


def run_difflib(releases, articles):
    import re

    word = re.compile(r"\w+")
    start = time.perf_counter()
    release_words = [(rid, [m.group().lower() for m in word.finditer(t)]) for rid, t in releases]
    passages = []
    for _, text, _ in articles:
        matches = list(word.finditer(text))
        words = [m.group().lower() for m in matches]
        found = []
        for rid, rwords in release_words:
            sm = difflib.SequenceMatcher(None, words, rwords, autojunk=False)
            for block in sm.get_matching_blocks():
                if block.size >= BASELINE_MIN_WORDS:
                    found.append((rid, matches[block.a].start(),
                                  matches[block.a + block.size - 1].end()))
        passages.append(found)
    return passages, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000",
                        help="article counts, comma-separated (the issue's full run: "
                             "1000,10000,100000)")
    parser.add_argument("--releases", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--baseline", type=int, default=200,
                        help="articles in the difflib comparison (against 50 releases)")
    args = parser.parse_args()
    print(f"reuse benchmark: {args.releases} releases, {args.jobs} processes")
    for size in map(int, args.sizes.split(",")):
        releases, articles = make_corpus(size, args.releases)
        passages, indexed, elapsed = run_framing(releases, articles, args.jobs)
        recall, precision = score(passages, articles)
        print(f"  {size:>7} articles: {elapsed:6.1f} s ({size / elapsed:,.0f} articles/s; "
              f"index {indexed:.1f} s), peak memory {peak_mb():,.0f} MB, planted passages "
              f"recall {recall:.3f} precision {precision:.3f}")
    releases, articles = make_corpus(args.baseline, 50, seed=SEED + 1)
    ours, _, ours_s = run_framing(releases, articles, 1)
    theirs, theirs_s = run_difflib(releases, articles)
    r1, p1 = score(ours, articles)
    r2, p2 = score(theirs, articles)
    print(f"  baseline, {args.baseline} articles x 50 releases, one process: framing "
          f"{ours_s:.2f} s F1 {f1(r1, p1):.3f} (R {r1:.3f} P {p1:.3f}); all-pairs difflib "
          f"{theirs_s:.2f} s F1 {f1(r2, p2):.3f} (R {r2:.3f} P {p2:.3f}); framing is "
          f"{theirs_s / ours_s:.0f}x faster")


if __name__ == "__main__":
    main()
