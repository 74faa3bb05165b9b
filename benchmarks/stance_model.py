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


def out_of_fold(articles, analyses, lexicon, folds: int) -> list:
    """(article label, article probabilities) of each article, from framing models trained on
    the other folds (`classifier_eval.grouped_folds`), read from its analysis."""
    from classifier_eval import grouped_folds

    from framing.classifier import FramingClassifier

    found = [None] * len(articles)
    for train, w, test_idx in grouped_folds(articles, folds):
        model = FramingClassifier(lexicon, use_lexicon=True).fit(train, w)
        for i in test_idx:
            label, _, probabilities = model.predict_analysis(analyses[i])
            found[i] = (label, probabilities)
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
    from framing.training import REAL_TRAIN, weights

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    folds = parser.parse_args().folds
    lexicon = framing.load_lexicon()
    written, (real, _) = load_corpus(), load_real(REAL_TRAIN)
    articles = written + real
    groups = np.array([group_of(a) for a in articles])
    # One analysis per article: the model reads it, and so do the sovereignty rules.
    analyses = [analyse_text(a.text, lexicon, spans=[(s.start, s.end) for s in a.sentences])
                for a in articles]
    predicted = out_of_fold(articles, analyses, lexicon, folds)
    found = [analysis.sovereignty for analysis in analyses]
    gold = np.array([a.sovereignty for a in articles])
    rule = [stance_in(s, label) for s, (label, _) in zip(found, predicted)]
    learned = list(rule)
    raised = np.array([i for i, s in enumerate(found) if s.raised])
    X = np.array([features(found[i], predicted[i][1]) for i in raised])
    for train, test in GroupKFold(n_splits=folds).split(X, groups=groups[raised]):
        train = [t for t in train if gold[raised[t]] in SIDES]
        w = weights([articles[raised[t]] for t in train])
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
