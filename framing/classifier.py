"""Trained sentence and article classifiers (scikit-learn), beside the lexicons.

Lexicons explain; classifiers generalise. The sentence model reads word 1-2-grams, character
3-4-grams inside words (they carry French inflection) and, when `use_lexicon` is set, the
lexicon scorer's view of the sentence (cue weights by family and context, question, quotes,
attribution, position). The article model reads the sentence model's probabilities (mean, peak,
closing part) and, with `use_lexicon`, the lexicon scorer's article rates. Both are
class-balanced logistic regressions: linear, so each decision can be traced to its terms.

Example (about 15 s of training on the corpus):

    from framing.corpus import load_corpus
    model = FramingClassifier().fit(load_corpus())
    label, sentence_labels, probabilities = model.predict(text)
"""

from __future__ import annotations

import math

import numpy as np

from framing.corpus import LABELS, LabelledArticle
from framing.score import Analysis, analyse_text
from framing.tone import closing_start

RANDOM_STATE = 13
SENTENCE_C = 1.0  # inverse regularisation: small data, many n-grams -> keep it modest
ARTICLE_C = 1.0
INNER_FOLDS = 3  # out-of-fold sentence probabilities for training the article model


def sentence_cues(analysis: Analysis) -> np.ndarray:
    """One row of lexicon and structure features per sentence of `analysis`."""
    n = len(analysis.text.sentences)
    rows = []
    for i, (scored, hits) in enumerate(zip(analysis.framing.sentences, analysis.hits)):
        families = [h.entry.family for h in hits]
        contexts = [e.context for e in scored.evidence]
        rows.append([
            scored.promotional, scored.critical,
            families.count("hedging"), families.count("attribution"),
            sum(f in ("sovereignty", "extraterritorial") for f in families),
            contexts.count("quoted"), contexts.count("negated"), contexts.count("question"),
            float(any(e.category == "critical.question" for e in scored.evidence)),
            i / max(1, n - 1), float(i >= closing_start(n)), float(i == 0),
            math.log1p(len(analysis.text.sentences[i].words)),
        ])
    return np.array(rows, dtype=float).reshape(n, -1)


def make_estimator(family: str, C: float):
    """The model families compared in benchmarks/classifier_eval.py --families; logistic
    regression won on held-out folds for both models (see MODEL_CARD.md)."""
    if family == "logistic":
        from sklearn.linear_model import LogisticRegression

        return LogisticRegression(C=C, class_weight="balanced", max_iter=3000,
                                  random_state=RANDOM_STATE)
    if family == "svm":  # a linear SVM, calibrated so that it gives probabilities
        from sklearn.calibration import CalibratedClassifierCV
        from sklearn.svm import LinearSVC

        return CalibratedClassifierCV(LinearSVC(C=C / 2, class_weight="balanced",
                                                random_state=RANDOM_STATE), cv=3)
    if family == "trees":
        from sklearn.ensemble import HistGradientBoostingClassifier

        return HistGradientBoostingClassifier(max_depth=3, class_weight="balanced",
                                              random_state=RANDOM_STATE)
    raise ValueError(f"unknown model family {family!r}")


class FramingClassifier:
    """Sentence and article framing models trained on labelled articles."""

    def __init__(self, lexicon=None, use_lexicon: bool = True,
                 sentence_family: str = "logistic", article_family: str = "logistic"):
        self.lexicon = lexicon
        self.use_lexicon = use_lexicon
        self.sentence_family = sentence_family
        self.article_family = article_family

    # --- features ---------------------------------------------------------------------------
    def _analyse(self, text: str, spans=None) -> Analysis:
        if self.lexicon is None:
            import framing

            self.lexicon = framing.load_lexicon()
        return analyse_text(text, self.lexicon, spans=spans)

    def _sentence_matrix(self, analyses: list[Analysis], fit: bool = False):
        from scipy.sparse import csr_matrix, hstack

        texts = [a.text.text[s.start : s.end].lower() for a in analyses for s in a.text.sentences]
        if fit:
            self._fit_vectorizers(texts)
        blocks = [self.words.transform(texts), self.chars.transform(texts)]
        if self.use_lexicon:
            cues = np.vstack([sentence_cues(a) for a in analyses])
            if fit:
                self.cue_scale = np.maximum(cues.max(axis=0), 1e-9)
            blocks.append(csr_matrix(cues / self.cue_scale))
        return hstack(blocks).tocsr()

    def _fit_vectorizers(self, texts: list[str]) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.words = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        self.chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 4), min_df=3,
                                     sublinear_tf=True, max_features=40_000)
        self.words.fit(texts)
        self.chars.fit(texts)

    def _article_features(self, analysis: Analysis, probabilities: np.ndarray) -> list[float]:
        n = len(probabilities)
        closing = probabilities[closing_start(n):]
        predicted = probabilities.argmax(axis=1)
        row = [*probabilities.mean(axis=0), *probabilities.max(axis=0), *closing.mean(axis=0),
               *(np.bincount(predicted, minlength=3) / n)]
        if self.use_lexicon:
            f = analysis.framing
            row += [f.promotional, f.critical]
        return row

    # --- training and prediction ------------------------------------------------------------
    def fit(self, articles: list[LabelledArticle]) -> FramingClassifier:
        analyses = [self._analyse(a.text, [(s.start, s.end) for s in a.sentences])
                    for a in articles]
        y = np.array([LABELS.index(s.label) for a in articles for s in a.sentences])
        X = self._sentence_matrix(analyses, fit=True)
        self.sentence_model = make_estimator(self.sentence_family, SENTENCE_C).fit(X, y)
        probabilities = self._out_of_fold(X, y, articles)
        rows, start = [], 0
        for analysis in analyses:
            n = len(analysis.text.sentences)
            rows.append(self._article_features(analysis, probabilities[start : start + n]))
            start += n
        self.article_model = make_estimator(self.article_family, ARTICLE_C)
        self.article_model.fit(np.array(rows), [LABELS.index(a.label) for a in articles])
        return self

    def _out_of_fold(self, X, y, articles) -> np.ndarray:
        """Sentence probabilities for the training articles from models that did not see them,
        so the article model learns from probabilities as noisy as on new text."""
        from sklearn.base import clone
        from sklearn.model_selection import GroupKFold

        groups = np.repeat(np.arange(len(articles)), [len(a.sentences) for a in articles])
        probabilities = np.zeros((len(y), 3))
        for train, test in GroupKFold(n_splits=INNER_FOLDS).split(X, y, groups):
            model = clone(self.sentence_model).fit(X[train], y[train])
            probabilities[test] = _full_proba(model, X[test])
        return probabilities

    def predict_sentences(self, analysis: Analysis) -> np.ndarray:
        """Probabilities (promotional, neutral, critical) for each sentence."""
        return _full_proba(self.sentence_model, self._sentence_matrix([analysis]))

    def predict(self, text: str, spans=None) -> tuple[str, list[str], np.ndarray]:
        """(article label, sentence labels, sentence probabilities) for one text."""
        article, probabilities, _ = self.predict_analysis(self._analyse(text, spans))
        return article, [LABELS[i] for i in probabilities.argmax(axis=1)], probabilities

    def predict_analysis(self, analysis: Analysis) -> tuple[str, np.ndarray, np.ndarray]:
        """(article label, sentence probabilities, article probabilities) for an analysed text."""
        probabilities = self.predict_sentences(analysis)
        row = np.array([self._article_features(analysis, probabilities)])
        article_probabilities = _full_proba(self.article_model, row)[0]
        return LABELS[int(article_probabilities.argmax())], probabilities, article_probabilities


def _full_proba(model, X) -> np.ndarray:
    """predict_proba with a column for every label, even one missing from a training fold."""
    out = np.zeros((X.shape[0], 3))
    out[:, model.classes_] = model.predict_proba(X)
    return out


# --- saving and loading ---------------------------------------------------------------------
MODEL_FILE = "model.joblib"
INFO_FILE = "model.json"


def save(model: FramingClassifier, directory, info: dict) -> None:
    """Write the model (without its lexicon: the lexicon files are loaded at run time) and a
    JSON description (data hash, sizes, library versions, the command that rebuilt it)."""
    import json
    from pathlib import Path

    import joblib

    from framing.outputs import write_atomic

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    lexicon, model.lexicon = model.lexicon, None
    try:
        joblib.dump(model, directory / MODEL_FILE)
    finally:
        model.lexicon = lexicon
    write_atomic(directory / INFO_FILE, json.dumps(info, indent=1, sort_keys=True) + "\n")


def load(directory, lexicon=None) -> FramingClassifier:
    from pathlib import Path

    import joblib

    model = joblib.load(Path(directory) / MODEL_FILE)
    model.lexicon = lexicon
    return model
