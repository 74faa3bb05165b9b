"""Agreement between two codings of the same units: the tool's labels against a researcher's.

Accuracy, macro-F1, per-class precision and recall, the confusion matrix, Cohen's kappa and
Krippendorff's alpha (nominal, two coders, no missing values), each with a percentile bootstrap
95 % interval over units (fixed seed, so the same data give the same interval).

>>> m = agreement(["a", "a", "b", "b"], ["a", "b", "b", "b"], classes=["a", "b"])
>>> m["accuracy"]["value"], round(m["cohen_kappa"]["value"], 3)
(0.75, 0.5)
"""

from __future__ import annotations

import random
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

BOOTSTRAP_SAMPLES = 1000
BOOTSTRAP_SEED = 20240513


def accuracy(gold: list, predicted: list) -> float:
    return sum(g == p for g, p in zip(gold, predicted)) / len(gold) if gold else 0.0


def per_class(gold: list, predicted: list, classes: list) -> dict:
    out = {}
    for c in classes:
        tp = sum(1 for g, p in zip(gold, predicted) if g == p == c)
        n_predicted = sum(1 for p in predicted if p == c)
        n_gold = sum(1 for g in gold if g == c)
        precision = tp / n_predicted if n_predicted else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[str(c)] = {"precision": precision, "recall": recall, "f1": f1, "support": n_gold}
    return out


def macro_f1(gold: list, predicted: list, classes: list) -> float:
    """Mean F1 over the classes present in the gold labels."""
    scores = [v["f1"] for v in per_class(gold, predicted, classes).values() if v["support"]]
    return sum(scores) / len(scores) if scores else 0.0


def cohen_kappa(a: list, b: list) -> float:
    n = len(a)
    if not n:
        return 0.0
    observed = accuracy(a, b)
    count_a, count_b = Counter(a), Counter(b)
    expected = sum(count_a[c] * count_b[c] for c in count_a) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def krippendorff_alpha(a: list, b: list) -> float:
    """Nominal alpha for two coders who both coded every unit."""
    values = Counter(a) + Counter(b)
    n = 2 * len(a)
    if n < 2:
        return 0.0
    disagreements = 2 * sum(1 for x, y in zip(a, b) if x != y)  # each pair counts both ways
    expected = sum(values[c] * values[k] for c in values for k in values if c != k)
    if expected == 0:
        return 1.0
    return 1.0 - (n - 1) * disagreements / expected


def confusion(gold: list, predicted: list, classes: list) -> dict:
    """{gold class: {predicted class: count}}."""
    return {str(g): {str(p): sum(1 for x, y in zip(gold, predicted) if x == g and y == p)
                     for p in classes} for g in classes}


def bootstrap(metric: Callable[[list, list], float], gold: list,
              predicted: list) -> tuple[float, float]:
    """Percentile 95 % interval of metric(gold, predicted) over resampled units."""
    if not gold:
        return (0.0, 0.0)
    rng = random.Random(BOOTSTRAP_SEED)
    n = len(gold)
    values = []
    for _ in range(BOOTSTRAP_SAMPLES):
        idx = [rng.randrange(n) for _ in range(n)]
        values.append(metric([gold[i] for i in idx], [predicted[i] for i in idx]))
    values.sort()
    return values[int(0.025 * len(values))], values[int(0.975 * len(values)) - 1]


def agreement(gold: list, predicted: list, classes: list) -> dict:
    """Every agreement figure, each scalar with its bootstrap 95 % interval."""
    scalars = {
        "accuracy": accuracy,
        "macro_f1": lambda g, p: macro_f1(g, p, classes),
        "cohen_kappa": cohen_kappa,
        "krippendorff_alpha": krippendorff_alpha,
    }
    out: dict = {"n": len(gold)}
    for name, metric in scalars.items():
        low, high = bootstrap(metric, gold, predicted)
        out[name] = {"value": metric(gold, predicted), "ci95": [low, high]}
    out["per_class"] = per_class(gold, predicted, classes)
    out["confusion"] = confusion(gold, predicted, classes)
    return out


def fleiss_kappa(counts: list[list[int]]) -> float:
    """Fleiss' kappa (1971) for several raters: `counts[i][j]` is how many raters put item i in
    category j, and every item has the same number of raters (at least 2).

    >>> round(fleiss_kappa([[3, 0, 0], [2, 1, 0], [0, 2, 1], [0, 0, 3]]), 4)  # 23/47
    0.4894
    """
    if not counts:
        return 0.0
    raters = sum(counts[0])
    if raters < 2 or any(sum(row) != raters for row in counts):
        raise ValueError("Fleiss' kappa needs the same number of raters (2 or more) per item")
    n_items = len(counts)
    observed = sum((sum(c * c for c in row) - raters) / (raters * (raters - 1))
                   for row in counts) / n_items
    shares = [sum(row[j] for row in counts) / (n_items * raters) for j in range(len(counts[0]))]
    expected = sum(p * p for p in shares)
    if expected == 1:
        return 1.0 if observed == 1 else 0.0
    return (observed - expected) / (1 - expected)
