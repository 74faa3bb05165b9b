"""Training the framing classifier on a labelled corpus, and finding the trained model.

The default model ships inside the package (framing/data/model/: weights as NumPy arrays,
vocabulary and description as JSON) and `framing score` loads it; it never trains on the fly.
`framing train` refits it from the labelled articles that ship with framing: the written corpus
(framing/data/corpus/) and the real articles (framing/data/real/train.jsonl), whose texts are in
the records where their licence allows and otherwise in the git-ignored real-texts/ folder
(README.md says how to rebuild it). `make model` writes the result over the shipped model.

`train_coded` retrains on a researcher's hand-coded sample (the CSV `framing evaluate` reads):
article labels only, so the article model is fitted on the sample while the sentence model stays
the one fitted on the labelled corpus (MODEL_CARD.md says why), and the sample is
cross-validated by article for lexicon only, classifier only and combined.
"""

from __future__ import annotations

import hashlib
import os
import platform
from pathlib import Path
from typing import TYPE_CHECKING

from framing.corpus import CORPUS_DIR, REAL_DIR, LabelledArticle, load_corpus, load_real
from framing.labels import LABELS, STANCES

if TYPE_CHECKING:
    from framing.evaluation import CodedRow
    from framing.lexicon import Lexicon

SHIPPED_MODEL_DIR = Path(__file__).resolve().parent / "data" / "model"
TRAIN_OUT = Path("models") / "default"  # `framing train`'s folder, in the current folder
REAL_TRAIN = REAL_DIR / "train.jsonl"


def files_sha256(directory: Path, pattern: str) -> str:
    """One hash over the names and bytes of the matching files, in sorted order."""
    digest = hashlib.sha256()
    for path in sorted(Path(directory).glob(pattern)):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


def lexicons_sha256(lexicon: Lexicon) -> str | None:
    """The hash of the lexicon files the model was trained with: the folder `lexicon` was read
    from ($FRAMING_LEXICONS, --lexicons or the default), None for one built in memory."""
    return files_sha256(lexicon.directory, "*.tsv") if lexicon.directory else None


def training_articles(corpus_dir: Path | str = CORPUS_DIR, real: Path | str | None = REAL_TRAIN,
                      texts_dir: Path | None = None) -> tuple[list[LabelledArticle], int, int]:
    """(articles, how many are real, how many real records have no text here): the written
    corpus, then the real articles whose text is on this machine. ValueError when there is
    nothing to train on."""
    articles = load_corpus(corpus_dir) if Path(corpus_dir).is_dir() else []
    found: list = []
    missing: list[dict] = []
    if real is not None and Path(real).is_file():
        found, missing = load_real(real, texts_dir)
        articles += found
    if not articles:
        raise ValueError(f"no labelled articles to train on: {corpus_dir} has no *.jsonl corpus "
                         f"and {real} no real article with its text; they ship with framing "
                         f"(reinstall it), or give --corpus DIR")
    return articles, len(found), len(missing)


# A real article weighs this many written ones in training: it is real text that framing must
# read, and the written corpus is all of one style. `benchmarks/classifier_eval.py --real
# --real-weight W` compares weights on folds grouped by outlet: 3 and 6 read real text alike,
# 3 keeps more of the written style (MODEL_CARD.md).
REAL_WEIGHT = 3.0


def weights(articles: list[LabelledArticle]) -> list[float]:
    """Each article's training weight: REAL_WEIGHT for a real one, 1 for a written one."""
    return [REAL_WEIGHT if a.outlet else 1.0 for a in articles]


def train(corpus_dir: Path | str = CORPUS_DIR, out: Path | str = TRAIN_OUT,
          lexicon: Lexicon | None = None, real: Path | str | None = REAL_TRAIN,
          texts_dir: Path | None = None) -> dict:
    """Fit the combined (lexicon + n-gram) model on every labelled article and save it."""
    import sklearn

    from framing import __version__, load_lexicon
    from framing.classifier import FramingClassifier
    from framing.model_files import save

    lexicon = lexicon or load_lexicon()
    articles, real_used, missing = training_articles(corpus_dir, real, texts_dir)
    model = FramingClassifier(lexicon, use_lexicon=True).fit(articles, weights(articles))
    info = {
        "framing": __version__,
        "python": platform.python_version(),
        "scikit_learn": sklearn.__version__,
        "articles": len(articles),
        "real_articles": real_used,
        "real_weight": REAL_WEIGHT,
        "real_articles_without_text": missing,
        "sentences": sum(len(a.sentences) for a in articles),
        "corpus_sha256": files_sha256(Path(corpus_dir), "*.jsonl"),
        "real_sha256": file_sha256(Path(real)) if real and Path(real).is_file() else None,
        "lexicons_sha256": lexicons_sha256(lexicon),
        "command": "framing train" + ("" if Path(out) == TRAIN_OUT else f" --out {out}"),
    }
    save(model, out, info)
    return info


# Below these a researcher's sample cannot train an article model worth having, nor be
# cross-validated: at least MIN_ARTICLES usable rows, two labels, MIN_PER_LABEL rows per label.
MIN_ARTICLES = 10
MIN_PER_LABEL = 2
CODED_FOLDS = 5  # fewer when a label has fewer rows
SYSTEMS = ("lexicon", "classifier", "combined")


def check_trainable(path: Path | str, rows: list[CodedRow], skipped: list[dict]) -> None:
    """ValueError (naming the rows) when the usable rows are too few to train on."""
    from collections import Counter

    from framing.evaluation import skipped_lines

    counts = Counter(r.label for r in rows)
    problem = None
    if len(rows) < MIN_ARTICLES:
        problem = f"{len(rows)} usable rows; training needs at least {MIN_ARTICLES} coded articles"
    elif len(counts) < 2:
        problem = f"every usable row is labelled {rows[0].label!r}; training needs two labels or more"
    else:
        few = [f"{label!r} ({n}: line {', '.join(str(r.line) for r in rows if r.label == label)})"
               for label, n in sorted(counts.items()) if n < MIN_PER_LABEL]
        if few:
            problem = (f"too few rows for label {', '.join(few)}; training and cross-validation "
                       f"need at least {MIN_PER_LABEL} per label (code more, or leave it out)")
    if problem:
        why = [f"\n  not used: {x}" for x in skipped_lines(path, skipped)]
        raise ValueError(f"{path}: {problem}" + "".join(why))


def train_coded(coded: Path | str, out: Path | str, lexicon: Lexicon | None = None,
                corpus_dir: Path | str = CORPUS_DIR, label_column: str = "label",
                stance_column: str = "sovereignty") -> dict:
    """Fit the article model on a researcher's coded CSV (sentence model: the labelled
    corpus's), save it in `out`, and return the cross-validated agreement on the sample."""
    from framing import load_lexicon
    from framing.analysis import analyse_text
    from framing.evaluation import read_coded
    from framing.model_files import save

    lexicon = lexicon or load_lexicon()
    rows, skipped = read_coded(coded, label_column, stance_column)
    check_trainable(coded, rows, skipped)
    corpus = load_corpus(corpus_dir)
    analyses = [analyse_text(r.text, lexicon) for r in rows]
    labels = [r.label for r in rows]
    folds = min(CODED_FOLDS, *(labels.count(label) for label in set(labels)))
    model, predicted = _cross_validated_on_sample(lexicon, corpus, analyses, labels, folds)
    result = {"file": str(coded), "rows_used": len(rows), "rows_skipped": skipped,
              "folds": folds, **_sample_agreement(rows, analyses, labels, predicted)}
    save(model, out, _coded_model_info(coded, out, corpus_dir, corpus, rows, skipped, labels,
                                       lexicon, result))
    return result


def _cross_validated_on_sample(lexicon, corpus, analyses, labels, folds):
    """(the combined model fitted on every row, each system's cross-validated labels): both
    models' sentence parts are the corpus's; only the article part learns from the sample."""
    from framing.classifier import FramingClassifier

    predicted = {"lexicon": [a.framing.label for a in analyses]}
    for name, use_lexicon in (("classifier", False), ("combined", True)):
        model = FramingClassifier(lexicon, use_lexicon=use_lexicon)
        model.fit_sentences(corpus)
        features = model.article_rows(analyses)
        predicted[name] = model.cross_validate_articles(features, labels, folds)
    model.fit_articles(features, labels)  # the combined model, on every usable row
    return model, predicted


def _sample_agreement(rows, analyses, labels, predicted) -> dict:
    """Each system's agreement with the coders, overall and by language, and the stance's."""
    from framing.agreement import agreement, macro_f1

    def by_language(name: str) -> dict:
        return {lang: round(macro_f1([g for g, a in zip(labels, analyses) if a.text.lang == lang],
                                     [p for p, a in zip(predicted[name], analyses)
                                      if a.text.lang == lang], list(LABELS)), 3)
                for lang in ("fr", "en") if any(a.text.lang == lang for a in analyses)}

    result = {
        "framing": {name: agreement(labels, predicted[name], list(LABELS)) for name in SYSTEMS},
        "by_language": {name: by_language(name) for name in SYSTEMS},
    }
    stances = [(r.stance, a.sovereignty.stance) for r, a in zip(rows, analyses) if r.stance]
    if stances:
        result["sovereignty"] = agreement([g for g, _ in stances], [p for _, p in stances],
                                          list(STANCES))
    return result


def _coded_model_info(coded, out, corpus_dir, corpus, rows, skipped, labels, lexicon,
                      result) -> dict:
    """model.json of a model trained on a coded sample: what each part learned from."""
    import sklearn

    from framing import __version__

    return {
        "framing": __version__,
        "python": platform.python_version(),
        "scikit_learn": sklearn.__version__,
        "article_model": {"coded_file": str(coded), "coded_sha256": file_sha256(Path(coded)),
                          "rows_used": len(rows), "rows_not_used": len(skipped),
                          "labels": {label: labels.count(label) for label in LABELS}},
        "sentence_model": {"articles": len(corpus),
                           "sentences": sum(len(a.sentences) for a in corpus),
                           "corpus_sha256": files_sha256(Path(corpus_dir), "*.jsonl")},
        "articles": len(rows),
        "lexicons_sha256": lexicons_sha256(lexicon),
        "cross_validated_macro_f1": {name: round(result["framing"][name]["macro_f1"]["value"], 3)
                                     for name in SYSTEMS},
        "command": f"framing train {coded} --corpus {corpus_dir} --out {out}",
    }


def train_report(result: dict) -> str:
    """The printout of `framing train CODED.csv`: `framing evaluate`'s figures, cross-validated
    by article on the sample, for lexicon only, classifier only and combined."""
    from framing.evaluation import agreement_lines, skipped_lines

    used, skipped, folds = result["rows_used"], result["rows_skipped"], result["folds"]
    head = f"{result['file']}: {used} rows used, {len(skipped)} not used"
    lines = [f"{head}; {folds}-fold cross-validation by article (stratified, fixed seed)"]
    lines += ["  not used: " + x for x in skipped_lines(result["file"], skipped)]
    for name in SYSTEMS:
        lines += agreement_lines(f"framing label, {name}", result["framing"][name])
    lines.append("== macro-F1 by language: " + "; ".join(
        f"{name} " + ", ".join(f"{lang} {v:.3f}" for lang, v in result["by_language"][name].items())
        for name in SYSTEMS))
    if "sovereignty" in result:
        lines += agreement_lines("sovereignty stance (rules, not trained)", result["sovereignty"])
    return "\n".join(lines)


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def default_model_dir() -> Path | None:
    """$FRAMING_MODEL, else the model that ships with framing, else None."""
    chosen = os.environ.get("FRAMING_MODEL")
    if chosen:
        return Path(chosen)
    from framing.model_files import WEIGHTS_FILE

    return SHIPPED_MODEL_DIR if (SHIPPED_MODEL_DIR / WEIGHTS_FILE).exists() else None
