"""A trained framing classifier as plain files: NumPy weights, a JSON vocabulary, a JSON description.

Loading them runs no code from the files (`np.load` without pickles), so a model from anywhere is
safe to load, and the default model ships inside the package (framing/data/model/).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from framing.classifier import FramingClassifier, SentenceTerms, Softmax

if TYPE_CHECKING:
    from pathlib import Path

    from framing.lexicon import Lexicon

WEIGHTS_FILE = "weights.npz"
VOCABULARY_FILE = "vocabulary.json"
INFO_FILE = "model.json"
FORMAT = "framing-model/2"


def save(model: FramingClassifier, directory: Path | str, info: dict) -> None:
    """Write the model's weights, vocabulary and a JSON description (data hashes, sizes, library
    versions, the command that rebuilt it). Only logistic-regression models can be saved: the
    other families are for comparison in benchmarks/classifier_eval.py."""
    import io
    import json
    from pathlib import Path

    from framing.outputs import write_atomic, write_bytes_atomic

    if not all(isinstance(m, Softmax) for m in (model.sentence_model, model.article_model)):
        raise ValueError("only logistic-regression models can be saved")
    terms = model.terms
    arrays = {"idf": terms.idf, "pair_keys": terms.pair_keys, "pair_columns": terms.pair_columns,
              "sentence_coef": model.sentence_model.coef_,
              "sentence_intercept": model.sentence_model.intercept_,
              "article_coef": model.article_model.coef_,
              "article_intercept": model.article_model.intercept_,
              "sentence_classes": np.asarray(model.sentence_model.classes_),
              "article_classes": np.asarray(model.article_model.classes_)}
    if model.use_lexicon:
        arrays["cue_scale"] = model.cue_scale
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    directory = Path(directory)
    vocabulary = sorted(terms.vocabulary, key=terms.vocabulary.__getitem__)
    write_bytes_atomic(directory / WEIGHTS_FILE, buffer.getvalue())
    write_atomic(directory / VOCABULARY_FILE,
                 json.dumps(vocabulary, ensure_ascii=False, indent=0) + "\n")
    shape = {"format": FORMAT, "use_lexicon": model.use_lexicon, "stems": terms.stems,
             "split": terms.split}
    write_atomic(directory / INFO_FILE,
                 json.dumps({**info, "model": shape}, indent=1, sort_keys=True) + "\n")


def load(directory: Path | str, lexicon: Lexicon | None = None) -> FramingClassifier:
    """The model saved in `directory`; FileNotFoundError naming what is missing."""
    import json
    from pathlib import Path

    directory = Path(directory)
    missing = [name for name in (WEIGHTS_FILE, VOCABULARY_FILE, INFO_FILE)
               if not (directory / name).is_file()]
    if missing:
        raise FileNotFoundError(f"{directory}: no trained model here ({', '.join(missing)} "
                                f"missing); build one with `framing train --out {directory}` "
                                f"(or `framing train CODED.csv --out {directory}`)")
    shape = json.loads((directory / INFO_FILE).read_text("utf-8")).get("model", {})
    if shape.get("format") != FORMAT:
        raise FileNotFoundError(f"{directory}: model format {shape.get('format')!r}, this "
                                f"framing reads {FORMAT!r}; retrain with `framing train`")
    with np.load(directory / WEIGHTS_FILE, allow_pickle=False) as arrays:
        a = {k: arrays[k] for k in arrays.files}
    vocabulary = json.loads((directory / VOCABULARY_FILE).read_text("utf-8"))
    terms = SentenceTerms(shape["stems"])
    terms.vocabulary = {t: i for i, t in enumerate(vocabulary)}
    terms.split, terms.idf = shape["split"], a["idf"]
    terms.pair_keys, terms.pair_columns = a["pair_keys"], a["pair_columns"]
    model = FramingClassifier(lexicon, use_lexicon=shape["use_lexicon"])
    model.terms = terms
    if model.use_lexicon:
        model.cue_scale = a["cue_scale"]
    model.sentence_model = Softmax.from_weights(a["sentence_coef"], a["sentence_intercept"],
                                                a["sentence_classes"])
    model.article_model = Softmax.from_weights(a["article_coef"], a["article_intercept"],
                                               a["article_classes"])
    return model
