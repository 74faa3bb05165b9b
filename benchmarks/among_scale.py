"""`framing reuse --among`, local against --engine dask, on generated articles that reprint
passages of the same releases (so that they share passages with each other).

    python benchmarks/among_scale.py [--sizes 2000,4000] [--workers 2]

Articles (the reuse benchmark's generator, one release per 40 articles) are written as JSONL
partitions of 250 into a temporary folder; each run is the `framing` command in a fresh process
(the Dask run starts its LocalCluster: its start-up is counted). Prints seconds, the peak
resident memory of the largest process (for Dask: the client or a worker), the load average,
and whether the two outputs are byte for byte the same.
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


def run(articles: Path, extra: list[str]) -> tuple[bytes, float, float]:
    """(output, seconds, peak MB of the largest process)."""
    output = articles.parent / "output.jsonl"
    command = ["framing", "reuse", str(articles), "--among", "--json", *extra]
    command[0] = str(Path(sys.executable).parent / "framing")
    start = time.perf_counter()
    peak = subprocess.run([sys.executable, "-c", MEASURE, str(output), *command], check=True,
                          capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout
    return output.read_bytes(), time.perf_counter() - start, int(peak) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,4000")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for n in map(int, args.sizes.split(",")):
            articles = write_corpus(Path(tmp) / str(n), n)
            local, local_s, local_mb = run(articles, [])
            load = os.getloadavg()[0]
            dask, dask_s, dask_mb = run(articles, ["--engine", "dask", "--workers",
                                                   str(args.workers)])
            print(f"{n} articles: local {local_s:.1f} s, peak {local_mb:.0f} MB; "
                  f"dask, {args.workers} workers: {dask_s:.1f} s, largest process "
                  f"{dask_mb:.0f} MB; "
                  f"load {load:.1f}-{os.getloadavg()[0]:.1f}, "
                  f"output {'identical' if dask == local else 'DIFFERENT'}", flush=True)


if __name__ == "__main__":
    main()
