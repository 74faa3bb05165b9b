"""Does a subjectivity lexicon from PyPI help the framing model on real text? Measured, not kept.

Issue 20 asked to try a French or English polarity / subjectivity lexicon that ships inside a
PyPI package. This script reads the Pattern lexicons inside textblob (English) and textblob-fr
(French) and runs the outlet-grouped cross-validation of benchmarks/classifier_eval.py twice in
one run: the combined model as shipped, then the same model with the lexicon's figures added,
(a) to every sentence's cues (subjectivity, positive and negative polarity of the words outside
quotation marks) and (b) to the article's features only (the same three, per word of the article).

    .venv/bin/pip install textblob textblob-fr   # not a dependency of framing
    .venv/bin/python benchmarks/polarity_lexicon.py [--folds 5]

Both lexicons (Tom De Smedt, Walter Daelemans and fabelier.org; public domain, PDDL) give
hand-tagged or inferred adjectives a polarity in [-1, 1] and a subjectivity in [0, 1]. framing
reads the two XML files directly: TextBlob's own analyser would tokenise every text again and
import its whole package for a table lookup. Nothing is downloaded: the files are inside the
installed packages.
"""

from __future__ import annotations

import functools
import importlib.util
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

# (package, file inside it) for each language: textblob keeps English in its `en` folder.
SOURCES = {"en": ("textblob", "en/en-sentiment.xml"), "fr": ("textblob_fr", "fr-sentiment.xml")}
_WORD = re.compile(r'<word\s([^>]*?)/?>')
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


def lexicon_path(lang: str) -> Path:
    """The XML file of `lang`'s lexicon inside its installed package, found without importing
    the package (textblob's import pulls in its whole NLP stack)."""
    package, name = SOURCES[lang]
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the {package} package is not installed; framing needs its "
                           f"{lang} subjectivity lexicon (pip install {package.replace('_', '-')})")
    return Path(next(iter(spec.submodule_search_locations))) / name


@functools.cache
def polarity_lexicon(lang: str) -> dict[str, tuple[float, float]]:
    """word -> (polarity, subjectivity), single words only; a word listed with several senses
    (English) gets the mean of its senses, as TextBlob does."""
    senses: dict[str, list[tuple[float, float]]] = {}
    for match in _WORD.finditer(lexicon_path(lang).read_text(encoding="utf-8")):
        fields = dict(_ATTRIBUTE.findall(match.group(1)))
        form = fields.get("form", "").lower()
        if not form or " " in form:
            continue
        senses.setdefault(form, []).append(
            (float(fields.get("polarity", 0)), abs(float(fields.get("subjectivity", 0)))))
    return {w: (sum(p for p, _ in s) / len(s), sum(q for _, q in s) / len(s))
            for w, s in senses.items()}


def word_polarity(words: list[str], lang: str) -> tuple[float, float, float]:
    """Over `words`: the sum of subjectivity, of positive polarity and of negative polarity
    (as a positive number). A language framing has no lexicon for gives zeros."""
    if lang not in SOURCES:
        return 0.0, 0.0, 0.0
    table = polarity_lexicon(lang)
    subjective = positive = negative = 0.0
    for word in words:
        found = table.get(word)
        if found:
            polarity, subjectivity = found
            subjective += subjectivity
            positive += max(polarity, 0.0)
            negative += max(-polarity, 0.0)
    return subjective, positive, negative


def sentence_polarity(analysis) -> np.ndarray:
    """Per sentence: `word_polarity` of its words outside quotation marks, per word."""
    from framing.classifier import quoted_words

    rows = []
    for sentence, inside in zip(analysis.text.sentences, quoted_words(analysis)):
        outside = [w for w, quoted in zip(sentence.words, inside) if not quoted]
        rows.append(np.array(word_polarity(outside, sentence.lang)) / max(1, len(outside)))
    return np.array(rows).reshape(len(rows), 3)


def article_polarity(analysis) -> list[float]:
    """`word_polarity` over the whole article, per word (times 10, near the other features)."""
    total, words = np.zeros(3), 0
    for sentence in analysis.text.sentences:
        total += word_polarity(sentence.words, sentence.lang)
        words += len(sentence.words)
    return list(total / max(1, words) * 10)


def main() -> None:
    import argparse

    import classifier_eval as E

    import framing
    import framing.classifier as C
    from framing.corpus import load_corpus, load_real
    from framing.training import REAL_TRAIN

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    folds = parser.parse_args().folds
    for lang in SOURCES:
        lexicon_path(lang)  # a clear message now rather than after the first run
    lexicon = framing.load_lexicon()
    written, (real, missing) = load_corpus(), load_real(REAL_TRAIN)
    print(f"{len(written)} written and {len(real)} real articles ({len(missing)} real texts "
          f"not on this machine), {folds} folds grouped by outlet / author")
    shipped_cues, shipped_article = C.sentence_cues, C.FramingClassifier._article_features

    def cues_with_polarity(analysis):
        return np.hstack([shipped_cues(analysis), sentence_polarity(analysis)])

    def article_with_polarity(self, analysis, probabilities, cues):
        return shipped_article(self, analysis, probabilities, cues) + article_polarity(analysis)

    variants = {"as shipped": (shipped_cues, shipped_article),
                "+ sentence polarity": (cues_with_polarity, shipped_article),
                "+ article polarity": (shipped_cues, article_with_polarity)}
    for name, (cues, article) in variants.items():
        C.sentence_cues, C.FramingClassifier._article_features = cues, article
        results = E.scores(real, E.grouped(written, real, lexicon, folds))["combined"]
        print(f"{name:<20} real article macro-F1 " + "  ".join(
            f"{lang} {m['article_macro_f1']:.3f}" for lang, m in results.items()))


if __name__ == "__main__":
    main()
