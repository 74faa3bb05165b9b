"""`framing report` on a large generated corpus: wall time and peak memory.

    python benchmarks/report_speed.py [--articles 10000] [--releases 100] [--jobs 2]

The articles (with outlets and dates) and releases come from tests/corpus_generator.py (as
benchmarks/reuse_speed.py's do), written as one JSONL file and a folder of releases; the report
runs as a user runs it (`framing report ... --jobs 2 --quiet`), in a child process whose peak
memory is measured.
Target (issue 5): 10,000 articles with 100 releases in under 5 minutes on 2 cores, peak memory
under 2 GB.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.corpus_generator import make_corpus

OUTLETS = ["Le Quotidien", "La Dépêche du Web", "Tech Hebdo", "Le Courrier", "Wire FR"]


def write_corpus(folder: Path, n_articles: int, n_releases: int) -> tuple[Path, Path]:
    releases, articles = make_corpus(n_articles, n_releases)
    release_dir = folder / "releases"
    release_dir.mkdir()
    for release_id, text in releases:
        (release_dir / f"{release_id}.txt").write_text(text, encoding="utf-8")
    corpus = folder / "articles.jsonl"
    with corpus.open("w", encoding="utf-8") as f:
        for n, (article_id, text, _) in enumerate(articles):
            row = {"id": article_id, "text": text, "outlet": OUTLETS[n % len(OUTLETS)],
                   "date": f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}"}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return corpus, release_dir


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--releases", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    framing = Path(sys.executable).parent / "framing"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus, releases = write_corpus(folder, args.articles, args.releases)
        start = time.perf_counter()
        result = subprocess.run(
            [str(framing), "report", str(corpus), "--sources", str(releases), "--group-by",
             "outlet", "--jobs", str(args.jobs), "--quiet", "--out", str(folder / "report")],
            check=False,
            capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        files = sum(1 for _ in (folder / "report").rglob("*"))
    status = "ok" if result.returncode == 0 else f"exit {result.returncode}: {result.stderr[-500:]}"
    print(f"framing report: {args.articles:,} articles, {args.releases} releases, "
          f"{args.jobs} processes: {elapsed:.0f} s ({args.articles / elapsed:.0f} articles/s), "
          f"peak memory of the largest process {peak_mb:,.0f} MB, {files:,} files written; "
          f"{status}")


if __name__ == "__main__":
    main()
