"""Cross-validated comparison of lexicon only, classifier only and combined framing labels.

Splits by article (GroupKFold over the labelled corpus): no sentence of an evaluation article is
ever in training. Reports macro-F1 at article and sentence level, per language, then the same
models trained on the whole corpus against the held-out check set (article labels only).

    .venv/bin/python benchmarks/classifier_eval.py [--folds 5]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import framing
from framing.agreement import confusion, macro_f1
from framing.analysis import analyse_text
from framing.classifier import FramingClassifier
from framing.corpus import load_corpus
from framing.labels import LABELS

SYSTEMS = ("lexicon", "classifier", "combined")


def lexicon_predict(lexicon, text, spans):
    f = analyse_text(text, lexicon, spans=spans).framing
    return f.label, [s.label for s in f.sentences]


def compare_families(articles, lexicon, folds: int) -> None:
    """Combined models with each sentence / article model family, cross-validated."""
    from sklearn.model_selection import KFold

    for sentence_family, article_family in (("logistic", "logistic"), ("svm", "logistic"),
                                            ("logistic", "trees")):
        predicted = {}
        splitter = KFold(n_splits=folds, shuffle=True, random_state=13)
        for train_idx, test_idx in splitter.split(articles):
            model = FramingClassifier(lexicon, True, sentence_family, article_family)
            model.fit([articles[i] for i in train_idx])
            for i in test_idx:
                a = articles[i]
                label, sentence_labels, _ = model.predict(a.text, [(s.start, s.end)
                                                                   for s in a.sentences])
                predicted[a.id] = (label, sentence_labels)
        m = scores(articles, {"combined": predicted}, langs=("all",))["combined"]["all"]
        print(f"  sentences {sentence_family:<8} articles {article_family:<8} article macro-F1 "
              f"{m['article_macro_f1']:.3f}   sentence macro-F1 {m['sentence_macro_f1']:.3f}")


def cross_validate(articles, lexicon, folds: int, seed: int = 13) -> dict:
    from sklearn.model_selection import KFold

    predictions = {name: {} for name in SYSTEMS}
    order = list(range(len(articles)))
    splitter = KFold(n_splits=folds, shuffle=True, random_state=seed)
    for train_idx, test_idx in splitter.split(order):
        train = [articles[i] for i in train_idx]
        models = {"classifier": FramingClassifier(lexicon, use_lexicon=False).fit(train),
                  "combined": FramingClassifier(lexicon, use_lexicon=True).fit(train)}
        for i in test_idx:
            a = articles[i]
            spans = [(s.start, s.end) for s in a.sentences]
            predictions["lexicon"][a.id] = lexicon_predict(lexicon, a.text, spans)
            for name, model in models.items():
                label, sentence_labels, _ = model.predict(a.text, spans)
                predictions[name][a.id] = (label, sentence_labels)
    return predictions


def scores(articles, predictions, langs=("all", "fr", "en")) -> dict:
    out = {}
    for name, predicted in predictions.items():
        out[name] = {}
        for lang in langs:
            chosen = [a for a in articles if lang in ("all", a.lang)]
            gold = [a.label for a in chosen]
            got = [predicted[a.id][0] for a in chosen]
            gold_s = [s.label for a in chosen for s in a.sentences]
            got_s = [x for a in chosen for x in predicted[a.id][1]]
            out[name][lang] = {
                "articles": len(chosen),
                "article_macro_f1": round(macro_f1(gold, got, list(LABELS)), 3),
                "sentence_macro_f1": round(macro_f1(gold_s, got_s, list(LABELS)), 3),
                "article_confusion": confusion(gold, got, list(LABELS)),
            }
    return out


def check_set(articles, lexicon) -> dict:
    rows = [json.loads(line) for line in
            (ROOT / "tests" / "data" / "checkset.jsonl").read_text("utf-8").splitlines()]
    gold = [r["label"] for r in rows]
    out = {"lexicon": macro_f1(gold, [framing.score_text(r["text"], lexicon=lexicon).framing.label
                                      for r in rows], list(LABELS))}
    for name, use_lexicon in (("classifier", False), ("combined", True)):
        model = FramingClassifier(lexicon, use_lexicon=use_lexicon).fit(articles)
        out[name] = macro_f1(gold, [model.predict(r["text"])[0] for r in rows], list(LABELS))
    return {k: round(v, 3) for k, v in out.items()}


def repeated(articles, lexicon, folds: int, repeats: int) -> None:
    """Mean and range of each system's macro-F1 over `repeats` shuffles of the folds."""
    runs = [scores(articles, cross_validate(articles, lexicon, folds, seed), langs=("all",))
            for seed in range(13, 13 + repeats)]
    print(f"{len(articles)} articles, {folds}-fold cross-validation by article, "
          f"{repeats} shuffles (seeds 13..{12 + repeats}): mean [min, max]")
    for name in SYSTEMS:
        line = f"  {name:<10}"
        for level in ("article", "sentence"):
            values = [run[name]["all"][f"{level}_macro_f1"] for run in runs]
            line += (f"  {level} macro-F1 {sum(values) / len(values):.3f} "
                     f"[{min(values):.3f}, {max(values):.3f}]")
        print(line)


def group_of(article) -> str:
    """The cross-validation group: a real article's outlet, a written article's part (one
    author each), so that no outlet's or author's style is on both sides of a fold."""
    return article.outlet or "written:" + article.id.split("-")[0]


def grouped_folds(articles, folds: int, train_without: str | None = None):
    """(training articles, their weights, test indices) for each fold grouped by outlet (real)
    and by part (written); the articles whose id matches the regular expression `train_without`
    are left out of every training fold but stay in the test folds (so that what they add to
    training is measured with the test folds fixed)."""
    import re

    from sklearn.model_selection import GroupKFold

    from framing.training import weights

    left_out = re.compile(train_without) if train_without else None
    groups = [group_of(a) for a in articles]
    for train_idx, test_idx in GroupKFold(n_splits=folds).split(articles, groups=groups):
        train = [articles[i] for i in train_idx
                 if not (left_out and left_out.search(articles[i].id))]
        yield train, weights(train), test_idx


def grouped(written, real, lexicon, folds: int, train_without: str | None = None) -> dict:
    """Each fold's models trained on the written and real articles of the other folds
    (`grouped_folds`). Returns the predictions."""
    articles = written + real
    predictions = {name: {} for name in SYSTEMS}
    for train, w, test_idx in grouped_folds(articles, folds, train_without):
        models = {"classifier": FramingClassifier(lexicon, use_lexicon=False).fit(train, w),
                  "combined": FramingClassifier(lexicon, use_lexicon=True).fit(train, w)}
        for i in test_idx:
            a = articles[i]
            spans = [(s.start, s.end) for s in a.sentences]
            predictions["lexicon"][a.id] = lexicon_predict(lexicon, a.text, spans)
            for name, model in models.items():
                predictions[name][a.id] = model.predict(a.text, spans)[:2]
    return predictions


def print_grouped(written, real, predictions) -> None:
    for title, chosen in (("real", real), ("written", written)):
        if not chosen:
            continue
        results = scores(chosen, predictions)
        print(f"{title}: {len(chosen)} articles")
        for name in SYSTEMS:
            print("  " + "   ".join(
                f"{name:<10} {lang} n={m['articles']:<4} article {m['article_macro_f1']:.3f} "
                f"sentence {m['sentence_macro_f1']:.3f}" for lang, m in results[name].items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=1,
                        help="repeat the cross-validation with this many fold shuffles and "
                             "print each system's mean and range (one split moves by ±0.02)")
    parser.add_argument("--real", action="store_true",
                        help="cross-validate on the written corpus and the real training "
                             "articles, folds grouped by outlet (real) and part (written)")
    parser.add_argument("--real-weight", type=float,
                        help="with --real: weigh each real article this many written ones "
                             "(default: REAL_WEIGHT of framing/training.py)")
    parser.add_argument("--train-without", metavar="REGEX",
                        help="with --real: leave the articles whose id matches out of every "
                             "training fold, still predicting them (e.g. 'r(en|fr)(7|8|9|10)-', "
                             "the second collection)")
    parser.add_argument("--families", action="store_true",
                        help="compare model families for the combined model instead")
    args = parser.parse_args()
    lexicon = framing.load_lexicon()
    articles = load_corpus()
    if args.real:
        from framing import training
        from framing.corpus import load_real

        if args.real_weight is not None:
            training.REAL_WEIGHT = args.real_weight
        real, missing = load_real(training.REAL_TRAIN)
        started = time.perf_counter()
        predictions = grouped(articles, real, lexicon, args.folds, args.train_without)
        print(f"{args.folds} folds grouped by outlet and part, real weight "
              f"{training.REAL_WEIGHT:g}, trained without {args.train_without or 'none'} "
              f"({len(missing)} real articles without text left out; "
              f"{time.perf_counter() - started:.0f} s)")
        print_grouped(articles, real, predictions)
        if args.train_without:
            import re

            matched = [a for a in real if re.search(args.train_without, a.id)]
            others = [a for a in real if not re.search(args.train_without, a.id)]
            print("of which, the real articles left out of training:")
            print_grouped([], matched, predictions)
            print("and the other real articles:")
            print_grouped([], others, predictions)
        return
    if args.families:
        print(f"model families, {args.folds}-fold cross-validation by article:")
        compare_families(articles, lexicon, args.folds)
        return
    started = time.perf_counter()
    if args.repeats > 1:
        repeated(articles, lexicon, args.folds, args.repeats)
        return
    results = scores(articles, cross_validate(articles, lexicon, args.folds))
    print(f"{len(articles)} articles, {sum(len(a.sentences) for a in articles)} sentences, "
          f"{args.folds}-fold cross-validation by article ({time.perf_counter() - started:.0f} s)")
    for name in SYSTEMS:
        for lang, m in results[name].items():
            print(f"  {name:<10} {lang:<3} n={m['articles']:<4} article macro-F1 "
                  f"{m['article_macro_f1']:.3f}   sentence macro-F1 {m['sentence_macro_f1']:.3f}")
    print("held-out check set (48 articles), article macro-F1, models trained on the corpus:",
          check_set(articles, lexicon))


if __name__ == "__main__":
    main()
