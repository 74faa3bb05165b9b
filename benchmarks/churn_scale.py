"""`framing report --among` at scale: dated articles from many outlets that reprint passages of
the same releases (the reuse benchmark's generator, one release per 40 articles), each with a
date and time over a month and one of 200 outlets. Each size runs `framing report --among
--no-charts` in a fresh process, locally and (with --dask) on a LocalCluster of 2 workers, and
prints seconds, seconds per 1,000 articles, the peak resident memory of the largest process and
the copy edges found.

    python benchmarks/churn_scale.py [--sizes 1000,4000,16000] [--dask]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MEASURE = ("import resource, subprocess, sys; "
           "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, "
           "check=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def write_corpus(folder: Path, n: int, seed: int = 13) -> Path:
    """JSONL partitions of 1,000 dated articles: id, text, date (ISO, with the time), outlet."""
    from tests.corpus_generator import make_corpus

    rng = random.Random(seed)
    _, articles = make_corpus(n, max(5, n // 40))
    start = datetime(2024, 5, 1)
    folder.mkdir(parents=True)
    for part in range(0, n, 1000):
        lines = []
        for article_id, text, _ in articles[part : part + 1000]:
            when = start + timedelta(minutes=rng.randrange(30 * 24 * 60))
            lines.append(json.dumps({"id": article_id, "text": text,
                                     "date": when.isoformat(timespec="minutes"),
                                     "outlet": f"outlet-{rng.randrange(200):03d}"},
                                    ensure_ascii=False))
        (folder / f"part-{part // 1000:05d}.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    return folder


def run(corpus: Path, out: Path, extra: list[str]) -> tuple[float, float, int]:
    """(seconds, peak MB of the largest process, copy edges)."""
    command = [str(Path(sys.executable).parent / "framing"), "report", str(corpus), "--among",
               "--no-charts", "--quiet", "--out", str(out), *extra]
    start = time.perf_counter()
    peak = subprocess.run([sys.executable, "-c", MEASURE, *command], check=True,
                          capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout
    seconds = time.perf_counter() - start
    with (out / "copies.csv").open(encoding="utf-8") as f:
        edges = sum(1 for _ in csv.DictReader(f))
    return seconds, int(peak) / 1024, edges


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,4000")
    parser.add_argument("--dask", action="store_true", help="also on a LocalCluster of 2")
    args = parser.parse_args()
    engines = [("local", [])] + ([("dask", ["--engine", "dask", "--workers", "2"])]
                                 if args.dask else [])
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for n in [int(x) for x in args.sizes.split(",")]:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = write_corpus(Path(tmp) / "corpus", n)
            for name, extra in engines:
                seconds, peak, edges = run(corpus, Path(tmp) / f"report-{name}", extra)
                print(f"{n:>7} articles  {name:<5}  {seconds:7.1f} s  "
                      f"{1000 * seconds / n:5.2f} s per 1,000  peak {peak:6.0f} MB  "
                      f"{edges} copy edges")


if __name__ == "__main__":
    main()
