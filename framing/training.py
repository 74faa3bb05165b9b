"""Training the framing classifier on a labelled corpus, and finding the trained model.

`make` trains the default model into models/default/ from framing/data/corpus/ (deterministic,
about 15 s); `framing score` uses it when it is there and never trains on the fly.
"""

from __future__ import annotations

import hashlib
import os
import platform
from pathlib import Path

from framing.corpus import CORPUS_DIR, load_corpus

DEFAULT_MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "default"


def files_sha256(directory: Path, pattern: str) -> str:
    """One hash over the names and bytes of the matching files, in sorted order."""
    digest = hashlib.sha256()
    for path in sorted(Path(directory).glob(pattern)):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


def train(corpus_dir: Path | str = CORPUS_DIR, out: Path | str = DEFAULT_MODEL_DIR,
          lexicon=None) -> dict:
    """Fit the combined (lexicon + n-gram) model on every labelled article and save it."""
    import sklearn

    from framing import __version__, load_lexicon
    from framing.classifier import FramingClassifier, save
    from framing.lexicon import LEXICON_DIR

    lexicon = lexicon or load_lexicon()
    articles = load_corpus(corpus_dir)
    model = FramingClassifier(lexicon, use_lexicon=True).fit(articles)
    info = {
        "framing": __version__,
        "python": platform.python_version(),
        "scikit_learn": sklearn.__version__,
        "articles": len(articles),
        "sentences": sum(len(a.sentences) for a in articles),
        "corpus_sha256": files_sha256(Path(corpus_dir), "*.jsonl"),
        "lexicons_sha256": files_sha256(LEXICON_DIR, "*.tsv"),
        "command": f"framing train --corpus {corpus_dir} --out {out}",
    }
    save(model, out, info)
    return info


def default_model_dir() -> Path | None:
    """$FRAMING_MODEL, else models/default/ when it has been trained, else None."""
    chosen = os.environ.get("FRAMING_MODEL")
    if chosen:
        return Path(chosen)
    return DEFAULT_MODEL_DIR if (DEFAULT_MODEL_DIR / "model.joblib").exists() else None
