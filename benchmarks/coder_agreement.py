"""How far two coders agree on the labelled corpus: the reliability of the labels themselves.

Every article was coded twice, the second time blind to the first coding (from ANNOTATION.md
and the text alone); the sentences and articles they disagreed on were decided by an
adjudicator, again by the guide. The corpus holds the final labels;
framing/data/reliability/adjudication.jsonl holds both coders' labels wherever they differed,
so both codings can be rebuilt here.

    .venv/bin/python benchmarks/coder_agreement.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framing.agreement import cohen_kappa, confusion, macro_f1
from framing.corpus import CORPUS_DIR, load_corpus
from framing.labels import LABELS, STANCES

ADJUDICATION = CORPUS_DIR.parent / "reliability" / "adjudication.jsonl"
# The real articles (training and check sets): both codings of each, and the adjudicator's
# decision with its reason where they differed.
REAL_CODING = CORPUS_DIR.parent / "reliability" / "real_coding.jsonl"
CLASSES = {"label": list(LABELS), "sovereignty": list(STANCES),
           "extraterritorial": [True, False]}


def codings() -> dict[str, dict[str, list[str]]]:
    """{"sentences"|"articles": {"first"|"second"|"final": labels}} in corpus order."""
    decided = {}
    for line in ADJUDICATION.read_text("utf-8").splitlines():
        row = json.loads(line)
        decided[(row["id"], "article" if row.get("article") else row["sentence"])] = row
    out = {unit: {who: [] for who in ("first", "second", "final")}
           for unit in ("sentences", "articles")}
    for article in load_corpus():
        units = [("articles", "article", article.label)] + [
            ("sentences", i, s.label) for i, s in enumerate(article.sentences)]
        for unit, key, final in units:
            row = decided.get((article.id, key), {"first": final, "second": final})
            for who, label in (("first", row["first"]), ("second", row["second"]),
                               ("final", final)):
                out[unit][who].append(label)
    return out


def main() -> None:
    found = codings()
    for unit, labels in found.items():
        first, second, final = labels["first"], labels["second"], labels["final"]
        same = sum(a == b for a, b in zip(first, second)) / len(first)
        print(f"{unit} ({len(first)}): coders agree on {same:.1%}, Cohen's kappa "
              f"{cohen_kappa(first, second):.3f}, macro-F1 of one against the other "
              f"{macro_f1(first, second, list(LABELS)):.3f}")
        for who in ("first", "second"):
            print(f"  {who} coder against the adjudicated labels: kappa "
                  f"{cohen_kappa(labels[who], final):.3f}, macro-F1 "
                  f"{macro_f1(final, labels[who], list(LABELS)):.3f}")
        print(f"  first (rows) against second (columns): {confusion(first, second, list(LABELS))}")


def real_agreement() -> None:
    """Agreement of the two blind codings of the real articles, before adjudication."""
    rows = [json.loads(line) for line in REAL_CODING.read_text("utf-8").splitlines()]
    print(f"real articles coded twice, blind: {len(rows)}; adjudicated: "
          f"{sum('adjudicated' in r for r in rows)}")
    for field, classes in CLASSES.items():
        a = [r["coder_a"][field] for r in rows]
        b = [r["coder_b"][field] for r in rows]
        same = sum(x == y for x, y in zip(a, b)) / len(a)
        print(f"  {field:<17} agree {same:.1%}, Cohen's kappa {cohen_kappa(a, b):.3f}, "
              f"macro-F1 {macro_f1(a, b, classes):.3f}")
    a = [x for r in rows if "sentences_a" in r for x in r["sentences_a"]]
    b = [x for r in rows if "sentences_b" in r for x in r["sentences_b"]]
    print(f"  sentences ({len(a)}, in {sum('sentences_b' in r for r in rows)} articles) agree "
          f"{sum(x == y for x, y in zip(a, b)) / len(a):.1%}, Cohen's kappa "
          f"{cohen_kappa(a, b):.3f}, macro-F1 {macro_f1(a, b, list(LABELS)):.3f}")


if __name__ == "__main__":
    print("== written corpus")
    main()
    print("== real articles")
    real_agreement()
