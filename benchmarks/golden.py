"""Golden outputs: every command's output on fixed inputs, captured so that a reshaping of the
package can prove it changed nothing (issue 13).

    .venv/bin/python benchmarks/golden.py capture DIR [--quick]
    .venv/bin/python benchmarks/golden.py compare DIR_BEFORE DIR_AFTER

The cases run in /tmp/framing-golden-work, or $FRAMING_GOLDEN_WORK (captures running at the
same time need different folders; captures to compare need the same one). `framing` is the
one beside this Python, so a capture of another checkout runs with PYTHONPATH=CHECKOUT.

`capture` runs each case below in a fresh working folder at a fixed path (outputs that name
their inputs then name the same paths on every run) and keeps, per case, the exit status,
stdout, stderr and every file the case wrote. The inputs are the seeds, a coded CSV and a
class's responses made from them, and a generated corpus of 2,000 articles with 50 releases
(the report benchmark's generator; `--quick` skips the cases on it). `compare` prints every
file that differs, byte for byte, and exits 1 if any does; the only line ignored is the
manifest's `generated_at`, which says when a report was made.

Run `capture` before a change and after it, on the same machine with the same real texts
(`framing train` reads them), then `compare`.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
FRAMING = str(Path(sys.executable).with_name("framing"))
# Fixed: outputs that name their inputs stay equal. Two captures that will be compared must use
# the same folder; two captures running at once must not (--work).
WORK = Path(os.environ.get("FRAMING_GOLDEN_WORK", "/tmp/framing-golden-work"))
CHART_KINDS = ("framing_map", "categories", "reuse", "reuse_heatmap", "sovereignty",
               "sentence_strip", "readability", "timeline")
# What says when or where, not what, compared without its value: a report's date, and where
# the lexicons and model were (the checkout a capture ran from); and the warning Dask prints
# when another cluster holds its dashboard's port, compared as absent.
VOLATILE = [
    (re.compile(rb'("generated_at": |"lexicons": |"model": )"[^"]*"'), rb"\1"),
    (re.compile(rb"(?m)^\S*: UserWarning: Port \d+ is already in use\.\n[^\n]*\n"
                rb"Hosting the HTTP server on port \d+ instead\n {2}warnings\.warn\(\n"), b""),
]


def seeds(*numbers: str) -> list[str]:
    return [str(next((WORK / "seeds").glob(f"{n}_*.txt"))) for n in numbers]


def cases(quick: bool) -> list[tuple[str, list[str]]]:
    """(name, arguments of `framing`) for every case, in the order they run."""
    articles, release = seeds("000", "001", "002", "003"), seeds("004")
    every = seeds("000", "001", "002", "003", "004")
    runs = [
        ("score-json-model", ["score", "--json", *every]),
        ("score-json-no-model", ["score", "--json", "--no-model", *every]),
        ("score-json-sources", ["score", "--json", *articles, "--sources", *release]),
        ("score-explain", ["score", "--explain", *every]),
        ("score-table", ["score", *every]),
        ("score-out", ["score", *every, "--out", "out/score", "--format", "csv",
                       "--format", "jsonl", "--format", "parquet"]),
        ("reuse-text", ["reuse", *articles, "--sources", *release]),
        ("reuse-json", ["reuse", "--json", *articles, "--sources", *release]),
        ("reuse-among-text", ["reuse", "--among", *every]),
        ("reuse-among-json", ["reuse", "--among", "--json", *every]),
        ("report-seeds", ["report", *articles, "--sources", *release, "--out", "out/report",
                          "--quiet"]),
        ("explain", ["explain", seeds("001")[0], "--sources", *release,
                     "--html", "out/explain.html"]),
        ("exercise", ["exercise", "make", *seeds("001", "003"), "--sources", *release,
                      "--out", "out/exercise"]),
        ("exercise-grade", ["exercise", "grade", "out/exercise", "responses.csv",
                            "--out", "out/grade"]),
        *[(f"chart-{kind}-{fmt}", ["chart", kind, "--from", "out/report/scores.jsonl",
                                   "--out", f"out/charts/{kind}.{fmt}"])
          for kind in CHART_KINDS for fmt in ("png", "svg")],
        ("evaluate", ["evaluate", "coded.csv"]),
        ("evaluate-json", ["evaluate", "--json", "coded.csv"]),
        ("lexicon-check", ["lexicon", "check"]),
        ("train", ["train", "--out", "out/model"]),
    ]
    if not quick:
        big = ["corpus/articles.jsonl", "--sources", "corpus/releases", "--quiet"]
        runs += [
            ("report-2000", ["report", *big, "--out", "out/big", "--group-by", "outlet"]),
            ("report-2000-parquet-jobs", ["report", *big, "--out", "out/big-jobs",
                                          "--format", "parquet", "--jobs", "2"]),
            ("report-2000-dask", ["report", *big, "--out", "out/big-dask",
                                  "--engine", "dask", "--workers", "2"]),
            *[(f"chart-2000-{kind}", ["chart", kind, "--from", "out/big/scores.csv",
                                      "--group-by", "outlet", "--out", f"out/charts-big/{kind}.svg"])
              for kind in CHART_KINDS],
        ]
    return runs


def prepare(quick: bool) -> None:
    """The working folder: seeds, a coded CSV, a filled responses file, the generated corpus."""
    shutil.rmtree(WORK, ignore_errors=True)
    (WORK / "out").mkdir(parents=True)
    shutil.copytree(ROOT / "seeds", WORK / "seeds")
    labels = {"000": "neutral", "001": "critical", "002": "neutral", "003": "neutral",
              "004": "promotional"}
    with (WORK / "coded.csv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "file", "label"])
        for number, label in labels.items():
            writer.writerow([number, seeds(number)[0], label])
    if not quick:
        from report_speed import write_corpus

        (WORK / "corpus").mkdir()
        write_corpus(WORK / "corpus", 2000, 50)


def fill_responses() -> None:
    """Three students' answers, a fixed rule per student, into WORK/responses.csv."""
    template = list(csv.DictReader((WORK / "out/exercise/responses.csv").open(encoding="utf-8")))
    rows = []
    for student, pattern in (("ana", "PNNC"), ("ben", "NNNN"), ("chloé", "CNPN")):
        for n, row in enumerate(r for r in template if r["student"] == "student1"):
            rows.append({**row, "student": student, "label": pattern[n % 4],
                         "copied": "yes" if n % 3 == 0 else ""})
    with (WORK / "responses.csv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(template[0]))
        writer.writeheader()
        writer.writerows(rows)


def run_case(name: str, args: list[str], dest: Path) -> None:
    before = snapshot(WORK / "out")
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}
    done = subprocess.run([FRAMING, *args], cwd=WORK, capture_output=True, env=env, check=False)
    case = dest / name
    case.mkdir(parents=True)
    (case / "exit_status").write_text(f"{done.returncode}\n")
    (case / "stdout").write_bytes(done.stdout)
    (case / "stderr").write_bytes(done.stderr)
    for path, digest in snapshot(WORK / "out").items():
        if before.get(path) != digest:
            target = case / "files" / path
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(WORK / "out" / path, target)
    print(f"{name:<34} exit {done.returncode}")


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def capture(dest: Path, quick: bool) -> None:
    if dest.exists():
        sys.exit(f"{dest} exists: capture into a new folder")
    prepare(quick)
    for name, args in cases(quick):
        if name == "exercise-grade":
            fill_responses()
        run_case(name, args, dest)


def compare(before: Path, after: Path) -> int:
    old, new = snapshot(before), snapshot(after)
    differ = []
    for path in sorted(set(old) | set(new)):
        if path not in old or path not in new:
            differ.append(f"only in {'after' if path in new else 'before'}: {path}")
            continue
        a, b = (_steady((d / path).read_bytes()) for d in (before, after))
        if a != b:
            differ.append(f"differs: {path}")
    print("\n".join(differ) if differ else f"identical: {len(old)} files")
    return 1 if differ else 0


def _steady(content: bytes) -> bytes:
    for pattern, replacement in VOLATILE:
        content = pattern.sub(replacement, content)
    return content


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    take = commands.add_parser("capture")
    take.add_argument("dest", type=Path)
    take.add_argument("--quick", action="store_true", help="skip the 2,000-article reports")
    check = commands.add_parser("compare")
    check.add_argument("before", type=Path)
    check.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "capture":
        capture(args.dest, args.quick)
    else:
        sys.exit(compare(args.before, args.after))


if __name__ == "__main__":
    main()
