"""Generated articles and press releases, with planted passages so that reuse is known: the
corpus the Dask tests run on, and the benchmarks' (benchmarks/reuse_speed.py and the scripts that
take its corpus import it from here). `sentence_articles` writes plain small articles (files) for
tests that need many inputs and no planted reuse.

Releases and articles are generated from the seeds: each sentence is a walk through the seeds'
word bigrams, so every release is new text that shares the seeds' stock phrases. About 60% of the
articles reprint 1-3 consecutive sentences of a release (a planted passage) with light edits
(one changed word, curly apostrophes); some also paraphrase a release sentence (two thirds of its
words changed), which must NOT be reported. The same seed gives the same corpus.
"""

from __future__ import annotations

import random
from itertools import pairwise
from pathlib import Path

from framing.text import analyse

ROOT = Path(__file__).resolve().parent.parent
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
    """(releases [(id, text)], articles [(id, text, planted [(start, end, release id)])])."""
    gen = Generator(seed)
    releases = [(f"rel{i:05d}", gen.release()) for i in range(n_releases)]
    articles = []
    for i in range(n_articles):
        text, planted = gen.article(releases)
        articles.append((f"art{i:06d}", text, planted))
    return [(rid, " ".join(s)) for rid, s in releases], articles


def sentence_articles(folder: Path, n: int, per_article: int = 5) -> Path:
    """n small articles, one .txt file each (s0000.txt, ...), each a different draw of
    `per_article` sentences of the seed articles; the same n gives the same files."""
    sentences = [s.strip() + "." for path in sorted((ROOT / "seeds").glob("*.txt"))
                 for s in path.read_text("utf-8").replace("\n", " ").split(". ") if len(s) > 40]
    draw = random.Random(14)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"s{i:04d}.txt").write_text(" ".join(draw.sample(sentences, per_article)),
                                              encoding="utf-8")
    return folder
