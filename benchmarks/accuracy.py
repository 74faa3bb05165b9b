"""Agreement of framing's labels with a hand-labelled set (JSON Lines with `text`, `lang`,
`label`, `sovereignty`, `extraterritorial`), overall and per language.

    .venv/bin/python benchmarks/accuracy.py tests/data/checkset.jsonl

tests/data/checkset.jsonl is held out: written by a different author from the lexicons and
never used to tune them or the thresholds (tests/data/devset.jsonl is the tuning set).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import framing
from framing import agreement

TASKS = {  # task -> (gold key, prediction from a record, classes)
    "framing label": ("label", lambda r: r.framing.label, ["promotional", "neutral", "critical"]),
    "framing label, lexicon alone": ("label", lambda r: r.framing.lexicon_label,
                                     ["promotional", "neutral", "critical"]),
    "sovereignty stance": ("sovereignty", lambda r: r.sovereignty.stance, ["question", "promise", "none"]),
    "extraterritorial law": ("extraterritorial", lambda r: r.sovereignty.extraterritorial_law, [True, False]),
}


def evaluate(path: Path, model=None) -> dict:
    """{task: {lang: {"accuracy", "macro_f1", "per_class", "confusion", "n"}}} plus mistakes.
    With a trained `model`, "framing label" is the combined label; without, the lexicon's."""
    gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    lexicon = framing.load_lexicon()
    records = [framing.score_text(g["text"], id=g["id"], lexicon=lexicon, model=model)
               for g in gold]
    results: dict = {}
    for task, (key, predict, classes) in TASKS.items():
        results[task] = {}
        for lang in ("all", "fr", "en"):
            pairs = [(g[key], predict(r)) for g, r in zip(gold, records) if lang in ("all", g["lang"])]
            results[task][lang] = metrics(pairs, classes)
    results["mistakes"] = [
        {"id": g["id"], "task": task, "gold": g[key], "predicted": predict(r)}
        for task, (key, predict, _) in TASKS.items()
        for g, r in zip(gold, records)
        if g[key] != predict(r)
    ]
    return results


def metrics(pairs: list[tuple], classes: list) -> dict:
    gold, predicted = [g for g, _ in pairs], [p for _, p in pairs]
    per_class = {c: {k: round(v, 3) if isinstance(v, float) else v for k, v in m.items()}
                 for c, m in agreement.per_class(gold, predicted, classes).items()}
    return {
        "n": len(pairs),
        "accuracy": round(agreement.accuracy(gold, predicted), 3),
        "macro_f1": round(agreement.macro_f1(gold, predicted, classes), 3),
        "per_class": per_class,
        "confusion": agreement.confusion(gold, predicted, classes),
    }


def report(results: dict) -> str:
    lines = []
    for task in TASKS:
        lines.append(f"== {task}")
        for lang, m in results[task].items():
            lines.append(f"  {lang:<3} n={m['n']:<3} accuracy {m['accuracy']:.3f}  macro-F1 {m['macro_f1']:.3f}")
        m = results[task]["all"]
        for c, v in m["per_class"].items():
            lines.append(f"      {c:<12} P {v['precision']:.2f}  R {v['recall']:.2f}  F1 {v['f1']:.2f}  (n={v['support']})")
        lines.append("      confusion (rows gold, columns predicted): "
                     + "; ".join(f"{g}: {list(row.values())}" for g, row in m["confusion"].items()))
    lines.append(f"mistakes: {len(results['mistakes'])}")
    for x in results["mistakes"]:
        lines.append(f"  {x['id']:<12} {x['task']:<21} gold {x['gold']!s:<12} predicted {x['predicted']}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--json", action="store_true", help="print the metrics as JSON")
    parser.add_argument("--no-model", action="store_true", help="lexicon scores only")
    args = parser.parse_args()
    model = None if args.no_model else framing.load_model()
    print(f"model: {'none (lexicon only)' if model is None else 'trained classifier'}")
    results = evaluate(args.path, model)
    print(json.dumps(results, indent=1) if args.json else report(results))


if __name__ == "__main__":
    main()
