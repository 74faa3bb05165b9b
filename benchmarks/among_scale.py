"""`framing reuse --among`, local against --engine dask, on generated articles that reprint
passages of the same releases (so that they share passages with each other).

    python benchmarks/among_scale.py [--sizes 2000,4000] [--workers 2] [--no-dask]
                                     [--baseline CHECKOUT [--baseline-sizes 1000,4000]]

Articles (the reuse benchmark's generator, one release per 40 articles) are written as JSONL
partitions of 250 into a temporary folder; each run is the `framing` command in a fresh process
(the Dask run starts its LocalCluster: its start-up is counted). Prints seconds, the peak
resident memory of the largest process (for Dask: the client or a worker), the load average,
and whether the two outputs are byte for byte the same. `--baseline CHECKOUT` (a folder holding
another version of framing, e.g. `git archive` of an older commit) runs the same command from
there right after the local run (at the `--baseline-sizes` only: it may be slower) and says
whether its output is the same; the time's growth from the smallest size is printed as an
exponent (time ~ N^k).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def write_corpus(folder: Path, n_articles: int) -> Path:
    from tests.corpus_generator import make_corpus

    _, articles = make_corpus(n_articles, max(5, n_articles // 40))
    folder.mkdir(parents=True)
    for start in range(0, n_articles, 250):
        lines = [json.dumps({"id": i, "text": t}, ensure_ascii=False)
                 for i, t, _ in articles[start : start + 250]]
        (folder / f"part-{start // 250:05d}.jsonl").write_text("\n".join(lines) + "\n",
                                                               encoding="utf-8")
    return folder


# Runs the command in a fresh process and prints the peak resident memory of its largest
# process (a LocalCluster's workers are its children), in kB.
MEASURE = ("import resource, subprocess, sys; out = open(sys.argv[1], 'wb'); "
           "subprocess.run(sys.argv[2:], stdout=out, stderr=subprocess.DEVNULL, check=True); "
           "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def run(articles: Path, extra: list[str], tree: Path = ROOT) -> tuple[bytes, float, float]:
    """(output, seconds, peak MB of the largest process), framing imported from `tree`."""
    output = articles.parent / "output.jsonl"
    command = ["framing", "reuse", str(articles), "--among", "--json", *extra]
    command[0] = str(Path(sys.executable).parent / "framing")
    start = time.perf_counter()
    if tree != ROOT:
        command = [sys.executable, "-m", "framing", *command[1:]]
    peak = subprocess.run([sys.executable, "-c", MEASURE, str(output), *command], check=True,
                          capture_output=True, text=True, cwd=tree,
                          env={**os.environ, "PYTHONPATH": str(tree)}).stdout
    return output.read_bytes(), time.perf_counter() - start, int(peak) / 1024


def main() -> None:
    import math

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,4000")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-dask", action="store_true", help="the local runs only")
    parser.add_argument("--baseline", type=Path, default=None)
    parser.add_argument("--baseline-sizes", default=None,
                        help="the sizes the baseline runs at (default: all)")
    args = parser.parse_args()
    sizes = list(map(int, args.sizes.split(",")))
    baseline_sizes = (set(map(int, args.baseline_sizes.split(","))) if args.baseline_sizes
                      else set(sizes))
    first: dict[str, tuple[int, float]] = {}

    def growth(name: str, n: int, seconds: float) -> str:
        n0, s0 = first.setdefault(name, (n, seconds))
        return f" (N^{math.log(seconds / s0) / math.log(n / n0):.2f} from {n0})" if n != n0 else ""

    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            articles = write_corpus(Path(tmp) / str(n), n)
            load = os.getloadavg()[0]
            local, local_s, local_mb = run(articles, [])
            print(f"{n} articles: local {local_s:.1f} s{growth('local', n, local_s)}, peak "
                  f"{local_mb:.0f} MB, load {load:.1f}-{os.getloadavg()[0]:.1f}", flush=True)
            if args.baseline and n in baseline_sizes:
                load = os.getloadavg()[0]
                old, old_s, old_mb = run(articles, [], args.baseline)
                print(f"{n} articles: baseline {old_s:.1f} s{growth('baseline', n, old_s)}, "
                      f"peak {old_mb:.0f} MB, load {load:.1f}-{os.getloadavg()[0]:.1f}, output "
                      f"{'identical' if old == local else 'DIFFERENT'}", flush=True)
            if args.no_dask:
                continue
            load = os.getloadavg()[0]
            dask, dask_s, dask_mb = run(articles, ["--engine", "dask", "--workers",
                                                   str(args.workers)])
            print(f"{n} articles: dask, {args.workers} workers: {dask_s:.1f} s, largest process "
                  f"{dask_mb:.0f} MB; local / dask {local_s / dask_s:.2f}; "
                  f"load {load:.1f}-{os.getloadavg()[0]:.1f}, "
                  f"output {'identical' if dask == local else 'DIFFERENT'}", flush=True)


if __name__ == "__main__":
    main()
