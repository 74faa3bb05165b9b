"""Agreement of framing's labels with hand-labelled check sets, each printed on its own:
overall, per language and per kind of writing, with bootstrap 95 % intervals.

    .venv/bin/python benchmarks/accuracy.py tests/data/checkset.jsonl tests/data/real_checkset.jsonl

A check set is JSON Lines with `id`, `lang`, `kind`, `label`, `sovereignty`, `extraterritorial`
and either `text`, or (real pages whose text is not published with framing) `sha256`, the text
being looked up in real-texts/ (README.md, "Real articles"). Real records whose text is not on
this machine are counted and left out, and the figures say how many were scored.

tests/data/checkset.jsonl: 48 written articles, by another author than the training corpus.
tests/data/real_checkset.jsonl: real articles from outlets that are not in the training corpus,
never trained or tuned on.
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
from framing.corpus import real_text
from framing.evaluation import has_interval
from framing.labels import LABELS, STANCES

TASKS = {  # task -> (gold key, prediction from a record, classes)
    "framing label": ("label", lambda r: r.framing.label, list(LABELS)),
    "framing label, lexicon alone": ("label", lambda r: r.framing.lexicon_label, list(LABELS)),
    "sovereignty stance": ("sovereignty", lambda r: r.sovereignty.stance, list(STANCES)),
    "extraterritorial law": ("extraterritorial", lambda r: r.sovereignty.extraterritorial_law,
                             [True, False]),
}


def read_set(path: Path) -> tuple[list[dict], int]:
    """(gold rows with their text, how many rows have no text on this machine)."""
    rows, missing = [], 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        text = row["text"] if "sha256" not in row else real_text(row)
        if text is None:
            missing += 1
            continue
        rows.append({**row, "text": text})
    return rows, missing


def evaluate(path: Path, model=None) -> dict:
    """The figures for one check set (the rows whose text is on this machine)."""
    return evaluate_rows(read_set(path)[0], model)


def evaluate_rows(gold: list[dict], model=None) -> dict:
    """{task: {group: figures}} for the groups all, fr, en and each kind, plus the mistakes.
    With a trained `model`, "framing label" is the combined label; without, the lexicon's."""
    lexicon = framing.load_lexicon()
    records = [framing.score_text(g["text"], id=g["id"], lexicon=lexicon, model=model)
               for g in gold]
    groups = {"all": lambda g: True, "fr": lambda g: g["lang"] == "fr",
              "en": lambda g: g["lang"] == "en"}
    for kind in sorted({g.get("kind", "") for g in gold}):
        groups[f"kind {kind}"] = lambda g, kind=kind: g.get("kind", "") == kind
    results: dict = {}
    for task, (key, predict, classes) in TASKS.items():
        results[task] = {}
        for name, member in groups.items():
            pairs = [(g[key], predict(r)) for g, r in zip(gold, records) if member(g)]
            results[task][name] = figures(pairs, classes)
    results["mistakes"] = [
        {"id": g["id"], "task": task, "gold": g[key], "predicted": predict(r)}
        for task, (key, predict, _) in TASKS.items() for g, r in zip(gold, records)
        if g[key] != predict(r) and task != "framing label, lexicon alone"
    ]
    return results


def figures(pairs: list[tuple], classes: list) -> dict:
    gold, predicted = [g for g, _ in pairs], [p for _, p in pairs]
    found = agreement.agreement(gold, predicted, classes)
    return {"n": len(pairs),
            "accuracy": _rounded(found["accuracy"]), "macro_f1": _rounded(found["macro_f1"]),
            "per_class": {c: {k: round(v, 3) if isinstance(v, float) else v for k, v in m.items()}
                          for c, m in found["per_class"].items()},
            "confusion": found["confusion"]}


def _rounded(figure: dict) -> dict:
    return {"value": round(figure["value"], 3), "ci95": [round(x, 3) for x in figure["ci95"]]}


def _interval(n: int, ci95: list[float]) -> str:
    low, high = ci95
    return f"[{low:.2f}, {high:.2f}]" if has_interval(n, low, high) else "(no interval)"


def report(name: str, results: dict, missing: int) -> str:
    lines = [f"#### {name}" + (f" ({missing} articles not on this machine, left out)"
                                if missing else "")]
    for task in TASKS:
        lines.append(f"== {task}")
        for group, m in results[task].items():
            if m["n"] == 0:
                continue
            acc, f1 = m["accuracy"], m["macro_f1"]
            lines.append(f"  {group:<30} n={m['n']:<4} accuracy {acc['value']:.3f} "
                         f"{_interval(m['n'], acc['ci95'])}  macro-F1 "
                         f"{f1['value']:.3f} {_interval(m['n'], f1['ci95'])}")
        m = results[task]["all"]
        for c, v in m["per_class"].items():
            lines.append(f"      {c!s:<12} P {v['precision']:.2f}  R {v['recall']:.2f}  "
                         f"F1 {v['f1']:.2f}  (n={v['support']})")
        lines.append("      confusion (rows gold, columns predicted): "
                     + "; ".join(f"{g}: {list(row.values())}" for g, row in m["confusion"].items()))
    lines.append(f"mistakes: {len(results['mistakes'])}")
    for x in results["mistakes"]:
        lines.append(f"  {x['id']:<14} {x['task']:<21} gold {x['gold']!s:<12} "
                     f"predicted {x['predicted']}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", type=Path, nargs="+")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--no-model", action="store_true", help="lexicon scores only")
    args = parser.parse_args()
    model = None if args.no_model else framing.load_model()
    print(f"model: {'none (lexicon only)' if model is None else 'trained classifier'}")
    for path in args.paths:
        gold, missing = read_set(path)
        results = evaluate_rows(gold, model)
        print(json.dumps({"set": str(path), "missing": missing, **results}, indent=1)
              if args.json else report(str(path), results, missing))


if __name__ == "__main__":
    main()
