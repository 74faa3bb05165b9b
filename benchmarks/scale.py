"""framing on Dask: one local process against a LocalCluster of 2 workers, on generated articles.

    python benchmarks/scale.py [--sizes 2000,8000] [--releases 1000] [--workers 2] [--no-model]
                               [--repeats N]

Articles (about 3 kB: the reuse benchmark's generator, padded) and press releases are written as
JSONL partitions of 1,000 articles into a temporary folder; each run scores them with reuse
against the releases (what `framing score --sources` does), in a fresh process:

- local: `map_documents(..., engine="local")`, one process;
- dask: the same through the LocalCluster that `--engine dask` starts (`engines.dask_client`: 2
  workers of one thread, Dask's monitoring quieted), started beforehand (its start-up and the
  workers' imports, a few seconds once, are printed apart and not counted in articles/s, as the
  local process's imports and model loading are not).

The local process and the Dask client collect garbage as the command line does
(`engines.batch_gc`). This machine's speed drifts by a fifth from minute to minute: `--repeats N`
alternates the two runs N times and prints the median speedup.

Prints articles/s, the speedup, and the peak resident memory of the local process and of each
Dask worker, for each corpus size: the workers' memory should not grow with the corpus (they
hold one partition at a time). The issue's full run: --sizes 10000,100000.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PARTITION = 1000


def write_corpus(folder: Path, n_articles: int, n_releases: int) -> tuple[Path, Path, float]:
    """(articles folder, releases folder, mean article size in bytes)."""
    from tests.corpus_generator import Generator, make_corpus

    releases, articles = make_corpus(n_articles, n_releases)
    padding = Generator(seed=7)
    (folder / "articles").mkdir(parents=True)
    (folder / "releases").mkdir()
    sizes = []
    for start in range(0, n_articles, PARTITION):
        lines = []
        for doc_id, text, _ in articles[start : start + PARTITION]:
            while len(text.encode("utf-8")) < 3000:  # about 3 kB, as the issue asks
                text += padding.sentence() + " "
            sizes.append(len(text.encode("utf-8")))
            lines.append(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False))
        part = folder / "articles" / f"part-{start // PARTITION:05d}.jsonl"
        part.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for release_id, text in releases:
        (folder / "releases" / f"{release_id}.txt").write_text(text, encoding="utf-8")
    return folder / "articles", folder / "releases", sum(sizes) / len(sizes)


def peak_mb() -> float:
    """This process's peak resident memory. Not getrusage's ru_maxrss: on Linux a child keeps
    the peak of the process it was forked from (this benchmark's parent, which holds the
    generated corpus; a worker's, the client), so it would not show the child's own."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def warm_up() -> None:
    """On a worker, before the clock starts: the imports the local process made while loading
    the lexicon and model (NLTK's, about a second, is made at the first word stemmed)."""
    from framing.lexicon import stem
    from framing.pipeline import score  # noqa: F401

    stem("souveraineté", "fr"), stem("sovereignty", "en")


def measure(engine: str, articles: str, releases: str, workers: int, no_model: bool) -> dict:
    """One run in this process: {articles, seconds, peak_mb (this process), workers_mb}."""
    import framing
    from framing.engines import batch_gc, map_documents
    from framing.pipeline import Scorer, read_sources, score

    batch_gc()  # as the command line does
    lexicon = framing.load_lexicon()
    model = None if no_model else framing.load_model(None, lexicon)
    shared = Scorer(lexicon, model, read_sources([releases]).index)
    out = {"setup_s": 0.0, "workers_mb": []}
    if engine == "local":
        start = time.perf_counter()
        n = sum(1 for _ in map_documents(score, [articles], {}, shared))
        out.update(articles=n, seconds=time.perf_counter() - start, peak_mb=peak_mb())
        return out
    from framing.engines import dask_client

    started = time.perf_counter()
    with dask_client(workers=workers) as client:
        client.run(warm_up)
        out["setup_s"] = time.perf_counter() - started
        start = time.perf_counter()
        n = sum(1 for _ in map_documents(score, [articles], {}, shared, engine="dask",
                                         scheduler=client.scheduler.address))
        out.update(articles=n, seconds=time.perf_counter() - start, peak_mb=peak_mb())
        out["workers_mb"] = sorted(client.run(peak_mb).values())
    return out


def run_child(engine, articles, releases, workers, no_model) -> dict:
    command = [sys.executable, __file__, "--child", engine, str(articles), str(releases),
               "--workers", str(workers)] + (["--no-model"] if no_model else [])
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,8000",
                        help="article counts, comma-separated (the issue's: 10000,100000)")
    parser.add_argument("--releases", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-model", action="store_true", help="lexicon scores only")
    parser.add_argument("--repeats", type=int, default=1,
                        help="local and dask runs alternated this many times; the median "
                             "speedup is printed")
    parser.add_argument("--child", nargs=3, metavar=("ENGINE", "ARTICLES", "RELEASES"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        engine, articles, releases = args.child
        print(json.dumps(measure(engine, articles, releases, args.workers, args.no_model)))
        return
    print(f"scale benchmark: {args.releases} releases, LocalCluster of {args.workers} workers "
          f"(1 thread each) against one process; {os.cpu_count()} cores; "
          f"{'lexicon only' if args.no_model else 'lexicon + model'}, reuse on")
    for size in map(int, args.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix="framing-scale-") as tmp:
            articles, releases, mean = write_corpus(Path(tmp), size, args.releases)
            speedups = []
            for _ in range(args.repeats):  # alternated: this machine's speed drifts
                local = run_child("local", articles, releases, args.workers, args.no_model)
                dask = run_child("dask", articles, releases, args.workers, args.no_model)
                assert local["articles"] == dask["articles"] == size
                speedups.append(local["seconds"] / dask["seconds"])
                print_pair(size, mean, local, dask)
        if args.repeats > 1:
            print(f"  {size:>7} articles: median speedup {statistics.median(speedups):.2f} "
                  f"(min {min(speedups):.2f}, max {max(speedups):.2f}, {args.repeats} pairs)")


def print_pair(size: int, mean: float, local: dict, dask: dict) -> None:
    local_rate = size / local["seconds"]
    dask_rate = size / dask["seconds"]
    workers = ", ".join(f"{mb:,.0f}" for mb in dask["workers_mb"])
    print(f"  {size:>7} articles ({mean / 1000:.1f} kB): local {local_rate:6.0f} articles/s "
          f"(peak {local['peak_mb']:,.0f} MB); dask {dask_rate:6.0f} articles/s "
          f"(cluster start {dask['setup_s']:.1f} s, client peak {dask['peak_mb']:,.0f} MB, "
          f"worker peaks {workers} MB); speedup {dask_rate / local_rate:.2f}", flush=True)


if __name__ == "__main__":
    main()
