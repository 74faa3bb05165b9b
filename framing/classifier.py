"""Trained sentence and article classifiers (scikit-learn), beside the lexicons.

Lexicons explain; classifiers generalise. The sentence model reads TF-IDF word 1-2-grams and
word stems (they carry French inflection, as character n-grams did at ten times the cost), taken
from the tokens the text layer already made, and, when `use_lexicon` is set, the lexicon
scorer's view of the sentence (cue weights by family and context, question, quotes,
attribution, position). The article model reads the sentence model's probabilities (mean, peak,
closing part) and, with `use_lexicon`, the lexicon scorer's article rates. Both are
class-balanced logistic regressions: linear, so each decision can be traced to its terms. A
fitted model keeps only their weights (`Softmax`) and computes its sums itself: loading needs
neither scikit-learn nor scipy, and prediction costs about half a millisecond per 3 kB article.

Example (about 3 s of training on the corpus):

    from framing.corpus import load_corpus
    model = FramingClassifier().fit(load_corpus())
    label, sentence_labels, probabilities = model.predict(text)
"""

from __future__ import annotations

import math
from itertools import compress, islice, pairwise
from operator import not_
from typing import TYPE_CHECKING

import numpy as np

from framing.analysis import Analysis, analyse_text
from framing.corpus import LabelledArticle
from framing.labels import LABELS
from framing.lexicon import stem
from framing.tone import closing_start

if TYPE_CHECKING:
    from collections.abc import Sequence

    from scipy.sparse import csr_matrix
    from sklearn.base import BaseEstimator
    from threadpoolctl import threadpool_limits

RANDOM_STATE = 13
SENTENCE_C = 1.0  # inverse regularisation: small data, many n-grams -> keep it modest
ARTICLE_C = 1.0
INNER_FOLDS = 3  # out-of-fold sentence probabilities for training the article model
NEUTRAL_WEIGHT = 0.5  # a sentence's neutral probability against its article's (sentence_labels)


def sentence_cues(analysis: Analysis) -> np.ndarray:
    """One row of lexicon, structure and voice features per sentence of `analysis`."""
    n = len(analysis.text.sentences)
    voice = writer_voice(analysis)
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
            *voice[i],
        ])
    return np.array(rows, dtype=float).reshape(n, -1)


# Who is speaking, word by word: a press release says "we" and "our" and talks to "you"; a
# report quotes, attributes and says neither. Only words outside quotation marks count.
FIRST_PLURAL = frozenset("nous notre nos nôtre nôtres we our ours us".split())
SECOND_PERSON = frozenset("vous votre vos vôtre you your yours".split())
VOICE_FEATURES = 4  # quoted share, first person plural, second person, exclamation


def quoted_words(analysis: Analysis) -> list[list[bool]]:
    """For each sentence, whether each of its words is inside quotation marks (`in_any`: the
    last quotation to open at or before the word's start holds it)."""
    sentences = analysis.text.sentences
    quotes = sorted((q.start, q.end) for q in analysis.attribution.passages)
    if not quotes:  # most articles' sentences: no per-word work
        return [[False] * len(sentence.words) for sentence in sentences]
    # One search for all the article's words, as in_any does it word by word.
    starts = np.array([a for a, _ in quotes])
    ends = np.array([b for _, b in quotes])
    positions = np.array([m.start() for sentence in sentences for m in sentence.matches])
    i = np.searchsorted(starts, positions, side="right") - 1
    inside = iter(((i >= 0) & (positions < ends[np.maximum(i, 0)])).tolist())
    return [list(islice(inside, len(sentence.words))) for sentence in sentences]


def writer_voice(analysis: Analysis) -> np.ndarray:
    """Per sentence: share of its words inside quotation marks, first person plural and second
    person words outside them, and whether it has an exclamation mark and a word outside
    quotation marks (a fully quoted exclamation is the speaker's)."""
    text = analysis.text.text
    rows = np.zeros((len(analysis.text.sentences), VOICE_FEATURES))
    first_plural, second_person = FIRST_PLURAL.__contains__, SECOND_PERSON.__contains__
    for i, (sentence, inside) in enumerate(zip(analysis.text.sentences, quoted_words(analysis))):
        quoted = sum(inside)
        # Counted in C (map, compress); most sentences have no quoted word to leave out.
        outside = list(compress(sentence.words, map(not_, inside))) if quoted else sentence.words
        rows[i] = (quoted / max(1, len(inside)),
                   sum(map(first_plural, outside)),
                   sum(map(second_person, outside)),
                   float(text.find("!", sentence.start, sentence.end) != -1 and len(outside) > 0))
    return rows


# Word stems (the lexicons' Snowball stems, cached) beside the words: they carry French
# inflection as character n-grams did, for a tenth of the time.
STEMS = True
MIN_DF = 2  # a term must be in this many training sentences
CACHE_WORDS = 1 << 20  # words remembered by a model's per-word cache before it starts again


class SentenceTerms:
    """TF-IDF of each sentence's terms, from the tokens the text layer already made: words,
    word pairs and word stems, as scikit-learn's TfidfVectorizer would weigh them (sublinear tf,
    smoothed idf, L2 norm per sentence and block: words and pairs, then stems), without
    tokenising the text again. `weights` gives the non-zero cells for one article, which is
    all that prediction needs; `matrix` the same as a sparse matrix, for training."""

    def __init__(self, stems: bool = True):
        self.stems = stems
        self._forget()

    def _forget(self) -> None:
        """Empty the per-word cache: word -> slot, per language, and each slot's columns."""
        self._slots: dict[str, dict[str, int]] = {}
        self._word_column = np.zeros(1024, dtype=np.int64)
        self._stem_column = np.zeros(1024, dtype=np.int64)
        self._used = 0

    def __getstate__(self):
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._forget()

    def __len__(self) -> int:
        return len(self.idf)

    def _terms(self, sentence) -> list[str]:
        words = [w for _, _, w in sentence.tokens]
        terms = words + [f"{a}|{b}" for a, b in pairwise(words)]  # "|" is never in a token
        if self.stems:
            terms += ["~" + _stem(w, sentence.lang) for w in words]
        return terms

    def fit(self, analyses: list[Analysis]) -> SentenceTerms:
        from collections import Counter

        df = Counter(t for a in analyses for s in a.text.sentences for t in set(self._terms(s)))
        n = sum(len(a.text.sentences) for a in analyses)
        kept = sorted(t for t, count in df.items() if count >= MIN_DF)
        kept.sort(key=lambda t: t.startswith("~"))  # words and pairs first, then stems
        self.vocabulary = {t: i for i, t in enumerate(kept)}
        self.split = sum(1 for t in kept if not t.startswith("~"))
        self.idf = np.log((1 + n) / (1 + np.array([df[t] for t in kept], dtype=float))) + 1
        # A kept pair's words are kept too (each is in every sentence the pair is in), so a pair
        # is found from its words' columns, by a sorted array of integer keys: no string is
        # built at prediction time.
        pairs = sorted([(-1, 0)] + [  # (-1, 0) matches no pair: the arrays are never empty
            (self.vocabulary[a] * (len(kept) + 1) + self.vocabulary[b], column)
            for term, column in self.vocabulary.items() if "|" in term
            for a, b in [term.split("|")]])
        self.pair_keys = np.array([k for k, _ in pairs], dtype=np.int64)
        self.pair_columns = np.array([c for _, c in pairs], dtype=np.int64)
        self._forget()
        return self

    def _slot(self, word: str, lang: str) -> int:
        """The word's slot, made on first sight: its column (len(vocabulary) when it has none)
        and its stem's column (-1 when none)."""
        known = self._slots.setdefault(lang, {})
        if word in known:
            return known[word]
        if self._used == len(self._word_column):
            if self._used >= CACHE_WORDS:  # a long run over many texts: start again
                self._forget()
                return self._slot(word, lang)
            self._word_column = np.resize(self._word_column, 2 * self._used)
            self._stem_column = np.resize(self._stem_column, 2 * self._used)
        slot = known[word] = self._used
        self._used += 1
        self._word_column[slot] = self.vocabulary.get(word, len(self.idf))
        self._stem_column[slot] = (self.vocabulary.get("~" + _stem(word, lang), -1)
                                   if self.stems else -1)
        return slot

    def weights(self, analysis: Analysis) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(sentence, column, weight) of every non-zero cell, sorted by sentence and column.
        Python only looks each token up in a dict; the rest is a few numpy calls."""
        slots: list[int] = []
        lengths = []
        for sentence in analysis.text.sentences:
            lang = sentence.lang
            words = sentence.words  # each token's lowercased form
            found = list(map(self._slots.get(lang, {}).get, words))
            if None in found:
                found = [self._slot(w, lang) if f is None else f for w, f in zip(words, found)]
            slots += found  # type: ignore[arg-type]  # every None was filled just above
            lengths.append(len(found))
        n_terms, n = len(self.idf), len(lengths)
        slots_ = np.array(slots, dtype=np.int64)
        words_, stems_ = self._word_column[slots_], self._stem_column[slots_]
        sentence_of = np.repeat(np.arange(n), lengths)
        keys = words_[:-1] * (n_terms + 1) + words_[1:]
        at = np.minimum(np.searchsorted(self.pair_keys, keys), len(self.pair_keys) - 1)
        pair = (self.pair_keys[at] == keys) & (sentence_of[:-1] == sentence_of[1:])
        known, stemmed = words_ < n_terms, stems_ >= 0
        rows = np.concatenate([sentence_of[known], sentence_of[stemmed], sentence_of[:-1][pair]])
        cols = np.concatenate([words_[known], stems_[stemmed], self.pair_columns[at[pair]]])
        cells, counts = np.unique(rows * n_terms + cols, return_counts=True)
        rows, cols = np.divmod(cells, n_terms)
        values = (1 + np.log(counts)) * self.idf[cols]
        block = 2 * rows + (cols >= self.split)
        norms = np.sqrt(np.bincount(block, weights=values * values, minlength=2 * n))
        return rows, cols, values / norms[block]

    def matrix(self, analysis: Analysis) -> csr_matrix:
        from scipy.sparse import csr_matrix

        rows, cols, values = self.weights(analysis)
        return csr_matrix((values, (rows, cols)), shape=(len(analysis.text.sentences),
                                                          len(self.idf)))


def _stem(word: str, lang: str) -> str:
    """The lexicons' cached Snowball stem; a sentence of unknown language uses English."""
    return stem(word, lang if lang in ("fr", "en") else "en")


def one_thread() -> threadpool_limits:
    """Fit with one BLAS thread: the models are small, and on a busy machine several threads
    per fit made training ten times slower (25 s instead of 3 s for the corpus). The limit
    reaches only the BLAS libraries already loaded: scikit-learn and scipy are imported first,
    or the first fit of a process would run with several threads and its sums in another order
    (its weights then differed from the next fit's by 1e-13: NLTK's import used to load them)."""
    import sklearn.linear_model  # noqa: F401
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1)


def make_estimator(family: str, C: float) -> BaseEstimator:
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

    def _cues(self, analyses: list[Analysis]) -> list[np.ndarray | None]:
        """Each analysis's sentence cues (`sentence_cues`, unscaled), computed once for both
        models; None for each when the model does not read the lexicon."""
        return [sentence_cues(a) if self.use_lexicon else None for a in analyses]

    def _sentence_matrix(self, analyses: list[Analysis], cues: list, fit: bool = False):
        from scipy.sparse import csr_matrix, hstack, vstack

        if fit:
            self.terms = SentenceTerms(STEMS).fit(analyses)
        blocks = [vstack([self.terms.matrix(a) for a in analyses]).tocsr()]
        if self.use_lexicon:
            stacked = np.vstack(cues)
            if fit:
                self.cue_scale = np.maximum(stacked.max(axis=0), 1e-9)
            blocks.append(csr_matrix(stacked / self.cue_scale))
        return hstack(blocks).tocsr()

    def _article_features(self, analysis: Analysis, probabilities: np.ndarray,
                          cues: np.ndarray | None) -> list[float]:
        n = len(probabilities)
        closing = probabilities[closing_start(n):]
        predicted = probabilities.argmax(axis=1)
        row = [*probabilities.mean(axis=0), *probabilities.max(axis=0), *closing.mean(axis=0),
               *(np.bincount(predicted, minlength=3) / n)]
        if self.use_lexicon:
            f = analysis.framing
            # The mean of the sentences' cues: how much of the article is quoted, attributed,
            # hedged, asked, said in "we" or to "you" (benchmarks/classifier_eval.py --real).
            row += [f.promotional, f.critical, *(cues / self.cue_scale).mean(axis=0)]
        return row

    # --- training and prediction ------------------------------------------------------------
    def fit(self, articles: list[LabelledArticle],
            weights: Sequence[float] | None = None) -> FramingClassifier:
        """Both models on sentence-labelled articles (the labelled corpus); `weights`, one per
        article, weigh its sentences and itself (real articles count more than written ones)."""
        analyses, probabilities, cues = self.fit_sentences(articles, out_of_fold=True,
                                                           weights=weights)
        rows, start = [], 0
        for analysis, found in zip(analyses, cues):
            n = len(analysis.text.sentences)
            rows.append(self._article_features(analysis, probabilities[start : start + n],  # type: ignore[index]
                                               found))
            start += n
        return self.fit_articles(np.array(rows), [a.label for a in articles], weights)

    def fit_sentences(self, articles: list[LabelledArticle], out_of_fold: bool = False,
                      weights: Sequence[float] | None = None,
                      ) -> tuple[list[Analysis], np.ndarray | None, list[np.ndarray | None]]:
        """The sentence model on sentence-labelled articles; returns their analyses, with
        `out_of_fold` each sentence's probabilities from models that did not see its article,
        and their cues (`_cues`)."""
        analyses = [self._analyse(a.text, [(s.start, s.end) for s in a.sentences])
                    for a in articles]
        y = np.array([LABELS.index(s.label) for a in articles for s in a.sentences])
        w = None if weights is None else np.repeat(weights, [len(a.sentences) for a in articles])
        cues = self._cues(analyses)
        X = self._sentence_matrix(analyses, cues, fit=True)
        with one_thread():
            self.sentence_model = make_estimator(self.sentence_family, SENTENCE_C).fit(
                X, y, sample_weight=w)
            probabilities = self._out_of_fold(X, y, articles, w) if out_of_fold else None
        self.sentence_model = reduced(self.sentence_model)
        return analyses, probabilities, cues

    def article_rows(self, analyses: list[Analysis]) -> np.ndarray:
        """Article-model features of texts the sentence model has not seen (for training the
        article model on article-only coding, such as a researcher's sample)."""
        return np.array([self._article_features(a, self.predict_sentences(a, c), c)
                         for a, c in zip(analyses, self._cues(analyses))])

    def fit_articles(self, rows: np.ndarray, labels: list[str],
                     weights: Sequence[float] | None = None) -> FramingClassifier:
        """The article model on article-level features (`article_rows`) and labels."""
        with one_thread():
            model = make_estimator(self.article_family, ARTICLE_C)
            self.article_model = reduced(model.fit(rows, [LABELS.index(x) for x in labels],
                                                   sample_weight=weights))
        return self

    def cross_validate_articles(self, rows: np.ndarray, labels: list[str],
                                folds: int) -> list[str]:
        """Article labels predicted for each row by article models that did not see it
        (stratified folds, fixed seed); the sentence model stays as fitted."""
        from sklearn.model_selection import StratifiedKFold

        y = np.array([LABELS.index(label) for label in labels])
        predicted = np.zeros(len(y), dtype=int)
        splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=RANDOM_STATE)
        for train, test in splitter.split(rows, y):
            model = make_estimator(self.article_family, ARTICLE_C).fit(rows[train], y[train])
            predicted[test] = _full_proba(model, rows[test]).argmax(axis=1)
        return [LABELS[i] for i in predicted]

    def _out_of_fold(self, X, y, articles, w=None) -> np.ndarray:
        """Sentence probabilities for the training articles from models that did not see them,
        so the article model learns from probabilities as noisy as on new text."""
        from sklearn.base import clone
        from sklearn.model_selection import GroupKFold

        groups = np.repeat(np.arange(len(articles)), [len(a.sentences) for a in articles])
        probabilities = np.zeros((len(y), 3))
        for train, test in GroupKFold(n_splits=INNER_FOLDS).split(X, y, groups):
            model = reduced(clone(self.sentence_model).fit(
                X[train], y[train], sample_weight=None if w is None else w[train]))
            probabilities[test] = _full_proba(model, X[test])
        return probabilities

    def predict_sentences(self, analysis: Analysis, cues: np.ndarray | None = None) -> np.ndarray:
        """Probabilities (promotional, neutral, critical) for each sentence (`cues`: its
        `sentence_cues`, when already computed)."""
        if cues is None:
            (cues,) = self._cues([analysis])
        linear = _linear(self.sentence_model)
        if linear is None:
            return _full_proba(self.sentence_model, self._sentence_matrix([analysis], [cues]))
        # The same sums as predict_proba on the sparse matrix, without building it: a few
        # numpy calls instead of scikit-learn's checks, which cost more than the sums.
        coef, intercept = linear
        n = len(analysis.text.sentences)
        rows, cols, values = self.terms.weights(analysis)
        weighted = coef[:, cols] * values
        scores = np.empty((n, coef.shape[0]))
        for k in range(coef.shape[0]):
            scores[:, k] = np.bincount(rows, weights=weighted[k], minlength=n)
        if self.use_lexicon:
            scores += (cues / self.cue_scale) @ coef[:, len(self.terms):].T
        return _softmax(scores + intercept)

    def predict(self, text: str, spans: list[tuple[int, int]] | None = None,
                ) -> tuple[str, list[str], np.ndarray]:
        """(article label, sentence labels, sentence probabilities) for one text."""
        article, probabilities, article_p = self.predict_analysis(self._analyse(text, spans))
        return article, sentence_labels(probabilities, article_p), probabilities

    def predict_analysis(self, analysis: Analysis) -> tuple[str, np.ndarray, np.ndarray]:
        """(article label, sentence probabilities, article probabilities) for an analysed text."""
        (cues,) = self._cues([analysis])
        probabilities = self.predict_sentences(analysis, cues)
        row = np.array([self._article_features(analysis, probabilities, cues)])
        linear = _linear(self.article_model)
        if linear is None:
            article_probabilities = _full_proba(self.article_model, row)[0]
        else:
            article_probabilities = _softmax(row @ linear[0].T + linear[1])[0]
        return LABELS[int(article_probabilities.argmax())], probabilities, article_probabilities


def sentence_labels(sentence_p: np.ndarray, article_p: np.ndarray) -> list[str]:
    """Each sentence's label in the light of its article's: the sentence model's promotional
    and critical probabilities are weighed by the article model's, neutral by NEUTRAL_WEIGHT.
    Coders rarely find a promotional sentence in a critical article or the reverse, and the
    sentence alone often cannot tell a plain fact in a press release from one in an inquiry.
    On the 165-article corpus this took cross-validated sentence macro-F1 from 0.60 to 0.67; the
    weight was chosen on those folds (0.33 labelled 37 % more sentences non-neutral than the
    coders did, 0.5 about as many). MODEL_CARD.md has the current figures."""
    weighed = sentence_p * np.array([article_p[0], NEUTRAL_WEIGHT, article_p[2]])
    return [LABELS[i] for i in weighed.argmax(axis=1)]


class Softmax:
    """A fitted logistic regression reduced to its weights: probabilities are
    softmax(X @ coef_.T + intercept_), as scikit-learn computes them. Saved models hold this
    rather than the estimator, so that loading a model does not import scikit-learn (about
    half a second) and predicting skips its input checks."""

    def __init__(self, model):
        self.classes_ = model.classes_
        if len(model.classes_) == 2:  # sigmoid(z) = softmax(-z/2, z/2)[1]
            self.coef_ = np.vstack([-model.coef_ / 2, model.coef_ / 2])
            self.intercept_ = np.concatenate([-model.intercept_ / 2, model.intercept_ / 2])
        else:
            self.coef_, self.intercept_ = model.coef_, model.intercept_

    @classmethod
    def from_weights(cls, coef: np.ndarray, intercept: np.ndarray,
                     classes: np.ndarray) -> Softmax:
        model = cls.__new__(cls)
        model.classes_ = classes
        model.coef_, model.intercept_ = coef, intercept
        return model

    def predict_proba(self, X: np.ndarray | csr_matrix) -> np.ndarray:
        return _softmax(np.asarray(X @ self.coef_.T) + self.intercept_)


def reduced(model: BaseEstimator) -> Softmax | BaseEstimator:
    """`model` as a Softmax when it is a logistic regression, else unchanged."""
    return Softmax(model) if type(model).__name__ == "LogisticRegression" else model


def _linear(model) -> tuple[np.ndarray, np.ndarray] | None:
    """(coef, intercept) of a Softmax over all three labels; None for other models."""
    if not isinstance(model, Softmax) or len(model.classes_) != 3:
        return None
    return model.coef_, model.intercept_


def _softmax(scores: np.ndarray) -> np.ndarray:
    e = np.exp(scores - scores.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def _full_proba(model, X) -> np.ndarray:
    """predict_proba with a column for every label, even one missing from a training fold."""
    out = np.zeros((X.shape[0], 3))
    out[:, model.classes_] = model.predict_proba(X)
    return out
