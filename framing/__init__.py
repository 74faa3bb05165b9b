"""framing: how promotional or critical is a news article, and does it raise sovereignty?

The Python API returns plain data: `Record` dataclasses with `to_dict()` (the JSON record of
`framing score --json`) and `to_row()` (one flat dict per article, for pandas).

>>> import framing
>>> r = framing.score_text("Rien ne garantit que les données resteront à l’abri du CLOUD Act.")
>>> r.sovereignty.stance, r.sovereignty.laws
('question', ['CLOUD Act'])

Imports are deferred so that `framing --help` starts fast (no NLTK, scikit-learn or matplotlib).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable
    from pathlib import Path
    from typing import Any, BinaryIO

    from framing.classifier import FramingClassifier
    from framing.lexicon import Lexicon
    from framing.record import Record

__version__ = "0.1.0"
__all__ = ["__version__", "load_lexicon", "read_paths", "score_paths", "score_text"]


def load_lexicon(directory: Path | str | None = None) -> Lexicon:
    """The lexicons in `directory` (default: the project's `lexicons/`, or $FRAMING_LEXICONS)."""
    from framing.lexicon import Lexicon, lexicon_folder

    return Lexicon.load(lexicon_folder(directory))


def load_model(directory: Path | str | None = None,
               lexicon: Lexicon | None = None) -> FramingClassifier | None:
    """The trained framing classifier in `directory` (default: $FRAMING_MODEL, or the model that
    ships with framing in framing/data/model/), or None when there is none."""
    from framing.model_files import load
    from framing.training import default_model_dir

    directory = directory or default_model_dir()
    return load(directory, lexicon) if directory else None


def score_text(text: str, lang: str | None = None, id: str = "text",
               lexicon: Lexicon | None = None, model: FramingClassifier | None = None) -> Record:
    """Score one text. `lang` ("fr"/"en") forces the language instead of detecting it;
    `model` (see load_model) lets a trained classifier choose the article label. The text is read
    as files are: lone surrogates become U+FFFD (offsets hold) and decomposed accents are
    composed (NFC; offsets then index unicodedata.normalize("NFC", text)), each said in
    `record.meta["changed_on_reading"]`."""
    import hashlib

    from framing.documents import Document
    from framing.documents.decoding import add_note, composed, replace_surrogates
    from framing.pipeline import Scorer

    (text, replaced), (id, _) = replace_surrogates(text), replace_surrogates(id)
    meta: dict[str, str] = {}
    if replaced:
        add_note(meta, f"{replaced} lone surrogate(s) replaced by U+FFFD")
    text = composed(text, meta)
    meta["sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Scorer(lexicon or load_lexicon(), model, lang=lang).score(Document(id, None, text, meta))


def score_paths(paths: str | Iterable[str | os.PathLike], lang: str | None = None,
                lexicon: Lexicon | None = None, model: FramingClassifier | None = None,
                **read_options: str | int | BinaryIO | None) -> list[Record]:
    """Score files, folders, globs or "-" (stdin): one Record per document, in input order.

    `read_options` go to `framing.documents.read_documents` (text_column, id_column,
    max_bytes, encoding). Unreadable documents come back as records with `error` set.
    """
    from framing.documents import read_documents
    from framing.pipeline import Scorer

    scorer = Scorer(lexicon or load_lexicon(), model, lang=lang)
    if isinstance(paths, str):
        paths = [paths]
    return [scorer.score(d) for d in read_documents(list(map(str, paths)), **read_options)]


def read_paths(paths: str | os.PathLike | Iterable[str | os.PathLike],
               **read_options: str | int | BinaryIO | None) -> list[dict[str, Any]]:
    """The documents of files, folders, globs or "-" (stdin) (one path, or several) exactly as
    `score_paths` reads them, what `framing read --json` prints: one plain dict per document, in input order
    (`pandas.DataFrame(read_paths(...))` is a table of them):

        {"id", "path", "text", "meta", "language", "error"}

    `meta` holds what reading found (a web page's title, author, date, outlet, url, the page's
    own language...); `language` is the language framing detects in the text ("fr", "en",
    "mixed", "unknown"; None for a document that could not be read); `error` is None or
    {"code", "message"}. `read_options` go to `framing.documents.read_documents` (text_column,
    id_column, max_bytes, encoding).
    """
    import os

    from framing.reading import read_dicts

    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return list(read_dicts(paths, **read_options))
