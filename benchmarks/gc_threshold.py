"""What `engines.batch_gc` (a young-generation threshold of 10,000 instead of Python's 700)
changes, in one process holding what `framing score --sources` holds (lexicon, model, the index
of 1,000 releases): scoring with the classifier and reuse (scale.py's generated articles), and
pickling and unpickling 1,000 scored records (what a Dask worker and the client do with each
partition's results). The two settings alternate in blocks of 300 articles, so that the
machine's drifting speed falls on both alike. Prints the figures; asserts nothing.

    .venv/bin/python benchmarks/gc_threshold.py [--rounds 10]
"""

from __future__ import annotations

import argparse
import gc
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import framing
from framing.documents import Document
from framing.engines import BATCH_GC_THRESHOLD
from framing.pipeline import Scorer
from framing.reuse import SourceIndex
from tests.corpus_generator import make_corpus

BLOCK = 300
SETTINGS = {"Python's 700": 700, f"batch {BATCH_GC_THRESHOLD:,}": BATCH_GC_THRESHOLD}


def use(threshold: int) -> None:
    gc.collect()
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(threshold, older, oldest)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    releases, articles = make_corpus(args.rounds * BLOCK, 1000)
    docs = [text for _, text, _ in articles]
    lexicon = framing.load_lexicon()
    scorer = Scorer(lexicon, framing.load_model(lexicon=lexicon), SourceIndex(releases))

    def score(i: int, text: str):
        return scorer.score(Document(f"d{i}", None, text, {}))

    score(0, docs[0])  # warm-up: imports, caches
    seconds = dict.fromkeys(SETTINGS, 0.0)
    for r in range(args.rounds):
        order = list(SETTINGS) if r % 2 else list(reversed(SETTINGS))
        for name in order:
            use(SETTINGS[name])
            start = time.perf_counter()
            for i, text in enumerate(docs[r * BLOCK:(r + 1) * BLOCK]):
                score(i, text)
            seconds[name] += time.perf_counter() - start
    print(f"scoring with the classifier and reuse, {len(docs)} articles under each setting:")
    for name, s in seconds.items():
        print(f"  {name:>14}: {len(docs) / s:6.0f} articles/s")
    records = [score(i, text) for i, text in enumerate(docs[:1000])]
    print("1,000 scored records, best of 5:")
    for name, threshold in SETTINGS.items():
        use(threshold)
        dumps = min(_timed(lambda: pickle.dumps(records, protocol=5)) for _ in range(5))
        data = pickle.dumps(records, protocol=5)
        loads = min(_timed(lambda data=data: pickle.loads(data)) for _ in range(5))
        print(f"  {name:>14}: pickle {dumps:.3f} s, unpickle {loads:.3f} s")


def _timed(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
