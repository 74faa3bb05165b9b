"""Reuse detection at scale, with planted passages so that recall and precision are known.

    python benchmarks/reuse_speed.py [--sizes 1000,10000] [--releases 1000] [--jobs 2]
    python benchmarks/reuse_speed.py --command [--sizes 10000,100000] [--checkout CHECKOUT]

Releases and articles come from tests/corpus_generator.py (the tests run on the same corpus):
sentences walked through the seeds' word bigrams; about 60% of the articles reprint 1-3
consecutive sentences of a release (a planted passage) with light edits, and some paraphrase a
release sentence (two thirds of its words changed), which must NOT be reported. Prints
articles/s, peak memory, and character-level recall/precision of planted passages; then the
same small corpus through an all-pairs difflib.SequenceMatcher baseline, for speed and F1 side
by side.

`--command` measures the command a researcher runs instead, `framing reuse ARTICLES --sources
RELEASES --json --jobs N > out`, as a fresh process on the articles written as JSONL files of
1,000: its seconds, how far they are from linear in the number of articles (seconds per article
against the first size's; the same for the CPU seconds of all its processes, which other work
on the machine moves less), and the peak resident memory of its largest process (the command or
a worker). `--checkout CHECKOUT` runs the same command from another version of framing right
after, and says whether the output is the same.
"""

from __future__ import annotations

import argparse
import difflib
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framing import pipeline
from framing.engines import map_documents
from framing.reuse import SourceIndex
from tests.corpus_generator import SEED, make_corpus


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
    passages = [[(p.source, p.article_start, p.article_end) for p in r.passages]
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


# Runs the command in a fresh process, its output to a file, and prints the peak resident memory
# of its largest process (the --jobs workers are its children), in kB, and the CPU seconds of
# all its processes (less moved than the wall time by other work on the machine).
MEASURE = ("import resource, subprocess, sys; out = open(sys.argv[1], 'wb'); "
           "subprocess.run(sys.argv[2:], stdout=out, stderr=subprocess.DEVNULL, check=True); "
           "r = resource.getrusage(resource.RUSAGE_CHILDREN); "
           "print(r.ru_maxrss, r.ru_utime + r.ru_stime)")


def write_jsonl(folder: Path, size: int, n_releases: int) -> tuple[Path, Path]:
    """(articles folder of JSONL files, releases folder of .txt files)."""
    import json

    releases, articles = make_corpus(size, n_releases)
    (folder / "articles").mkdir(parents=True)
    (folder / "releases").mkdir()
    for rid, text in releases:
        (folder / "releases" / f"{rid}.txt").write_text(text, encoding="utf-8")
    for start in range(0, size, 1000):
        lines = [json.dumps({"id": i, "text": t}, ensure_ascii=False)
                 for i, t, _ in articles[start : start + 1000]]
        (folder / "articles" / f"part-{start // 1000:05d}.jsonl").write_text(
            "\n".join(lines) + "\n", encoding="utf-8")
    return folder / "articles", folder / "releases"


def run_command(articles: Path, releases: Path, jobs: int,
                tree: Path) -> tuple[bytes, float, float, float]:
    """(output, seconds, peak MB of the largest process, CPU seconds of all its processes) of
    `framing reuse` from `tree`."""
    import os
    import subprocess

    output = articles.parent / "output.jsonl"
    command = [sys.executable, "-m", "framing", "reuse", str(articles), "--sources",
               str(releases), "--json", "--jobs", str(jobs)]
    start = time.perf_counter()
    peak, cpu = subprocess.run([sys.executable, "-c", MEASURE, str(output), *command],
                               check=True, capture_output=True, text=True, cwd=tree,
                               env={**os.environ, "PYTHONPATH": str(tree)}).stdout.split()
    return output.read_bytes(), time.perf_counter() - start, int(peak) / 1024, float(cpu)


def command_runs(sizes: list[int], n_releases: int, jobs: int, baseline: Path | None) -> None:
    import os

    print(f"framing reuse --sources --json --jobs {jobs}: {n_releases} releases")
    first: dict[str, tuple[float, float]] = {}
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="framing-reuse-") as tmp:
            articles, releases = write_jsonl(Path(tmp), size, n_releases)
            runs = [("this", ROOT)] + ([("baseline", baseline)] if baseline else [])
            outputs = {}
            for name, tree in runs:
                load = os.getloadavg()[0]
                outputs[name], seconds, mb, cpu = run_command(articles, releases, jobs, tree)
                wall, used = first.setdefault(name, (seconds / size, cpu / size))
                print(f"  {size:>7} articles, {name}: {seconds:7.1f} s ({size / seconds:,.0f} "
                      f"articles/s; {seconds / size / wall:.2f} x linear from {sizes[0]:,}), "
                      f"CPU {cpu:.1f} s ({cpu / size / used:.2f} x linear), peak memory "
                      f"{mb:,.0f} MB, load {load:.1f}-{os.getloadavg()[0]:.1f}", flush=True)
            if baseline:
                same = outputs["this"] == outputs["baseline"]
                print(f"  output {'identical' if same else 'DIFFERENT'}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000",
                        help="article counts, comma-separated (the issue's full run: "
                             "1000,10000,100000)")
    parser.add_argument("--releases", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--baseline", type=int, default=200,
                        help="articles in the difflib comparison (against 50 releases)")
    parser.add_argument("--command", action="store_true",
                        help="time the framing reuse command instead (see the docstring)")
    parser.add_argument("--checkout", type=Path, default=None,
                        help="with --command: another version of framing, run alternated")
    args = parser.parse_args()
    if args.command:
        command_runs(list(map(int, args.sizes.split(","))), args.releases, args.jobs,
                     args.checkout)
        return
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
