"""Reuse detection against a labelled check set: per-kind precision/recall and the error of the
reused share.

    python benchmarks/reuse_accuracy.py tests/data/reuse/check [--verbose]

A set is a folder with `releases/*.txt` and `articles.jsonl` (one article per line: `id`,
`lang`, `source`, `kind`, `case`, and `segments` whose `reused` says which come from the
release; the article is the segments joined with spaces). `tests/data/reuse/dev` is for tuning;
`tests/data/reuse/check` is held out.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framing.agreement import per_class
from framing.reuse import SourceIndex
from framing.text import tokens

KINDS = ["verbatim", "partial", "translated", "none"]


def load_set(folder: Path):
    releases = [(p.stem, p.read_text(encoding="utf-8"))
                for p in sorted((folder / "releases").glob("*.txt"))]
    articles = []
    for line in (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            item["text"] = " ".join(seg["text"] for seg in item["segments"])
            item["share"] = _true_share(item["segments"])
            articles.append(item)
    return releases, articles


def _true_share(segments) -> float:
    words = [len(tokens(seg["text"])) for seg in segments]
    reused = sum(n for n, seg in zip(words, segments) if seg.get("reused"))
    return reused / max(sum(words), 1)


def evaluate(folder: Path, verbose: bool = False) -> dict:
    releases, articles = load_set(folder)
    index = SourceIndex(releases)
    gold, predicted, errors, wrong_source = [], [], [], []
    for item in articles:
        found = index.compare(item["text"], item["id"]).to_dict()
        gold.append(item["kind"])
        predicted.append(found["kind"])
        errors.append(abs(found["article_share"] - item["share"]))
        if item["kind"] != "none" and found["kind"] != "none" and found["source"] != item["source"]:
            wrong_source.append(item["id"])
        if verbose and (found["kind"] != item["kind"] or errors[-1] > 0.2):
            print(f"  {item['id']:<10} {item['case']:<14} gold {item['kind']:<10} "
                  f"{item['share']:.2f} · found {found['kind']:<10} {found['article_share']:.2f}"
                  f" ({len(found['passages'])} passages, source {found['source']})")
    return {
        "articles": len(articles),
        "accuracy": sum(g == p for g, p in zip(gold, predicted)) / len(gold),
        "per_kind": per_class(gold, predicted, KINDS),
        "share_mae": sum(errors) / len(errors),
        "wrong_source": wrong_source,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", default=ROOT / "tests/data/reuse/check")
    parser.add_argument("--verbose", action="store_true", help="list the articles missed")
    args = parser.parse_args()
    result = evaluate(args.folder, args.verbose)
    print(f"reuse check set {args.folder}: {result['articles']} articles, kind accuracy "
          f"{result['accuracy']:.2f}, reused-share mean absolute error {result['share_mae']:.3f}")
    for kind, figures in result["per_kind"].items():
        print(f"  {kind:<11} precision {figures['precision']:.2f}  recall {figures['recall']:.2f}"
              f"  (n={figures['support']})")
    if result["wrong_source"]:
        print(f"  wrong source: {', '.join(result['wrong_source'])}")


if __name__ == "__main__":
    main()
