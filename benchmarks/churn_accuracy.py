"""Churn measured against cascades whose truth is known (tests/cascade_generator.py): first
publishers, copy edges, originality, own-part share and the added-value verdict, from one
`framing report --among` run per language. Prints the figures; asserts nothing.

    .venv/bin/python benchmarks/churn_accuracy.py [--cascades 20] [--seed 20240513]
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.cascade_generator import SEED, Cascades, generate


def write_corpus(cascades: Cascades, folder: Path) -> tuple[Path, Path]:
    """articles.csv (id, text, date, outlet) and releases/ID.txt."""
    folder.mkdir(parents=True, exist_ok=True)
    articles = folder / "articles.csv"
    with articles.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, ["id", "text", "date", "outlet"])
        writer.writeheader()
        writer.writerows(cascades.articles)
    releases = folder / "releases"
    releases.mkdir(exist_ok=True)
    for release_id, text in cascades.releases:
        (releases / f"{release_id}.txt").write_text(text, encoding="utf-8")
    return articles, releases


def run_report(articles: Path, releases: Path, out: Path, *extra: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "framing", "report", str(articles), "--sources",
                    str(releases), "--among", "--out", str(out), "--quiet", *extra],
                   check=True, cwd=ROOT, capture_output=True)
    return time.perf_counter() - start


def measure(out: Path, truth: Cascades) -> dict:
    """The report in `out` against the truth: precision and recall of first publishers and of
    forward copy edges, mean absolute errors of original and own-part shares (per article) and
    of outlet originality, verdict accuracy and its confusion."""
    copies = list(csv.DictReader((out / "copies.csv").open(encoding="utf-8")))
    clusters = list(csv.DictReader((out / "clusters.csv").open(encoding="utf-8")))
    rows = {r["id"]: r for r in csv.DictReader((out / "scores.csv").open(encoding="utf-8"))}
    records = {json.loads(line)["id"]: json.loads(line)
               for line in (out / "records.jsonl").read_text("utf-8").splitlines()}
    outlets = {r["outlet"]: r for r in csv.DictReader((out / "outlets.csv").open(encoding="utf-8"))}
    found_edges = {(c["from"], c["to"]) for c in copies if c["direction"] == "forward"}
    found_firsts = {f for c in clusters for f in c["first"].split("; ") if f}
    true_firsts = set(truth.first.values())
    verdicts = Counter()
    own_errors, original_errors = [], []
    for article_id, verdict in truth.verdict.items():
        added = records[article_id].get("added_value") or {}
        verdicts[verdict, added.get("verdict")] += 1
        own_errors.append(abs((added.get("own") or {}).get("share", 1.0)
                              - truth.own_share[article_id]))
        original_errors.append(abs(float(rows[article_id]["original_share"])
                                   - truth.original_share[article_id]))
    words = {a["id"]: float(rows[a["id"]]["n_words"]) for a in truth.articles}
    by_outlet = defaultdict(lambda: [0.0, 0.0])
    for a in truth.articles:
        by_outlet[a["outlet"]][0] += truth.original_share[a["id"]] * words[a["id"]]
        by_outlet[a["outlet"]][1] += words[a["id"]]
    outlet_errors = [abs(float(outlets[o]["originality"]) - mine / total)
                     for o, (mine, total) in by_outlet.items()]
    right = sum(n for (t, f), n in verdicts.items() if t == f)
    return {
        "first_precision": _ratio(len(found_firsts & true_firsts), len(found_firsts)),
        "first_recall": _ratio(len(found_firsts & true_firsts), len(true_firsts)),
        "edge_precision": _ratio(len(found_edges & truth.edges), len(found_edges)),
        "edge_recall": _ratio(len(found_edges & truth.edges), len(truth.edges)),
        "original_share_mae": round(sum(original_errors) / len(original_errors), 4),
        "outlet_originality_mae": round(sum(outlet_errors) / len(outlet_errors), 4),
        "own_share_mae": round(sum(own_errors) / len(own_errors), 4),
        "verdict_accuracy": round(right / sum(verdicts.values()), 4),
        "verdict_confusion": {f"{t} -> {f}": n for (t, f), n in sorted(verdicts.items(),
                                                                      key=str) if t != f},
    }


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cascades", type=int, default=20)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    for lang in ("fr", "en"):
        truth = generate(args.cascades, args.seed, lang)
        with tempfile.TemporaryDirectory() as tmp:
            articles, releases = write_corpus(truth, Path(tmp) / "corpus")
            seconds = run_report(articles, releases, Path(tmp) / "report", "--no-charts")
            figures = measure(Path(tmp) / "report", truth)
        print(f"{lang}: {len(truth.releases)} cascades, {len(truth.articles)} articles, "
              f"{len(truth.edges)} true copy edges; report --among {seconds:.1f} s")
        for key, value in figures.items():
            print(f"  {key:<24} {value}")


if __name__ == "__main__":
    main()
