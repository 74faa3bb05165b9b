"""Would a learned stance model beat the rules? Measured on outlet-grouped folds, not kept.

Issue 20 welcomed a learned stance model beside the rules if it won on real text. framing's
stance is `sovereignty.stance_in`: the topic is raised by the sentence rules, and the side
(question or promise) is the article's framing when it takes one, else its sentences' weights.
This script compares that rule with a logistic regression that decides the side of every raised
article from the same evidence: the article model's promotional and critical probabilities
(out-of-fold, from models trained on the other outlets' folds), the log of the question and
promise weights, whether a foreign law is named, and their balance. Both are judged on the same
grouped folds (outlet for real articles, author part for written ones).

    .venv/bin/python benchmarks/stance_model.py [--folds 5]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

SIDES = ("question", "promise")


def out_of_fold(articles, groups, lexicon, folds: int) -> dict:
    """id -> (article label, article probabilities) from framing models that did not see it."""
    from sklearn.model_selection import GroupKFold

    from framing.classifier import FramingClassifier
    from framing.training import weights

    found = {}
    for train_idx, test_idx in GroupKFold(n_splits=folds).split(articles, groups=groups):
        train = [articles[i] for i in train_idx]
        model = FramingClassifier(lexicon, use_lexicon=True).fit(train, weights(train))
        for i in test_idx:
            a = articles[i]
            analysis = model._analyse(a.text, [(s.start, s.end) for s in a.sentences])
            label, _, probabilities = model.predict_analysis(analysis)
            found[a.id] = (label, probabilities)
    return found


def features(sovereignty, probabilities) -> list[float]:
    q, p = sovereignty.question_weight, sovereignty.promise_weight
    return [probabilities[0], probabilities[2], np.log1p(q), np.log1p(p),
            float(sovereignty.extraterritorial_law), (q - p) / (q + p + 1e-9)]


def main() -> None:
    from classifier_eval import group_of
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    import framing
    from framing.analysis import analyse_text
    from framing.corpus import load_corpus, load_real
    from framing.sovereignty import stance_in
    from framing.training import REAL_TRAIN, REAL_WEIGHT

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    folds = parser.parse_args().folds
    lexicon = framing.load_lexicon()
    written, (real, _) = load_corpus(), load_real(REAL_TRAIN)
    articles = written + real
    groups = np.array([group_of(a) for a in articles])
    predicted = out_of_fold(articles, groups, lexicon, folds)
    found = [analyse_text(a.text, lexicon, spans=[(s.start, s.end) for s in a.sentences])
             .sovereignty for a in articles]
    gold = np.array([a.sovereignty for a in articles])
    rule = [stance_in(s, predicted[a.id][0]) for a, s in zip(articles, found)]
    learned = list(rule)
    raised = np.array([i for i, s in enumerate(found) if s.raised])
    X = np.array([features(found[i], predicted[articles[i].id][1]) for i in raised])
    for train, test in GroupKFold(n_splits=folds).split(X, groups=groups[raised]):
        train = [t for t in train if gold[raised[t]] in SIDES]
        w = [REAL_WEIGHT if articles[raised[t]].outlet else 1.0 for t in train]
        model = LogisticRegression(class_weight="balanced", max_iter=2000)
        model.fit(X[train], gold[raised[train]], sample_weight=w)
        for t, side in zip(test, model.predict(X[test])):
            learned[raised[t]] = side
    print(f"sovereignty stance accuracy, {folds} folds grouped by outlet / author part: "
          "rules (stance_in) / learned side")
    for title, is_real in (("real", True), ("written", False)):
        for lang in ("fr", "en"):
            chosen = [i for i, a in enumerate(articles)
                      if bool(a.outlet) == is_real and a.lang == lang]
            rules = np.mean([rule[i] == gold[i] for i in chosen])
            model = np.mean([learned[i] == gold[i] for i in chosen])
            print(f"  {title:<8} {lang}  n={len(chosen):<4} {rules:.3f} / {model:.3f}")


if __name__ == "__main__":
    main()
