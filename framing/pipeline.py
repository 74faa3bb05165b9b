"""The one scoring path: a `Scorer` turns one document into one record (framing.record), every
analysis in order, the trained model choosing the labels when there is one and the sources'
passages filled in when there are sources. Every command and both engines score through it;
`read_sources` is the one reader of press releases.

    scorer = Scorer(lexicon, model, sources=read_sources(paths).index)
    record = scorer.score(document)

A Scorer is pickled once per run to an engine's workers (framing.engines): `score(document,
scorer)` and `compare(document, scorer)` are the module-level functions they run.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from framing.analysis import Analysis, analyse_text
from framing.documents import Document, read_documents
from framing.lexicon import Lexicon
from framing.readability import readability
from framing.record import Record
from framing.sovereignty import stance_in

if TYPE_CHECKING:
    import os
    from typing import BinaryIO

    from framing.added_value import AddedValue
    from framing.classifier import FramingClassifier
    from framing.reuse import SourceIndex
    from framing.reuse.found import Reuse


@dataclass
class Scorer:
    """What scoring needs besides the document: the lexicons, the trained model (None: the
    lexicons label), the source index (None: no reuse), and a forced language (None: detected)."""

    lexicon: Lexicon | None
    model: Any = None
    sources: SourceIndex | None = None
    lang: str | None = None
    # The releases' analyses, made when an article first needs one, and the company they speak
    # for (framing.added_value), in each process that scores.
    _releases: dict[str, Analysis] = field(default_factory=dict, init=False, repr=False, compare=False)
    _company: tuple[str, ...] | None = field(default=None, init=False, repr=False, compare=False)
    _texts: dict[str, str] | None = field(default=None, init=False, repr=False, compare=False)

    def score(self, document: Document) -> Record:
        """One document's record; a document that failed to read gives an error record. With a
        model, the article label is the model's, which reads the lexicon evidence together with
        word and character n-grams."""
        # A Scorer without lexicons only compares (`compare`: framing reuse).
        assert self.lexicon is not None, "scoring needs the lexicons"
        record, found = _analysed(document, self.lexicon, self.lang, self.model)
        if self.sources is not None and found is not None:
            record.reuse = self.sources.compare(document.text, document.id)
            record.added_value = self.added_value(found, record.reuse)
        return record

    def added_value(self, found: Analysis, reuse: Reuse,
                    earlier: Callable[[str], Analysis] | None = None) -> AddedValue:
        """What the article adds to the releases its reuse record names (framing.added_value):
        its parts scored through this same path. `earlier(id)`: the analysis of an earlier
        article of the corpus its passages also come from (`report --among`)."""
        from framing.added_value import added_value, organisations

        assert self.lexicon is not None, "scoring needs the lexicons"
        # Without releases (`report --among` alone) the earlier articles are the sources.
        texts = self._release_texts()
        if self._company is None:
            self._company = organisations(list(texts.values()))
        analyses = dict(self._releases)
        for source in sorted({p.source for p in reuse.passages} - analyses.keys()):
            if source in texts:  # a release: kept for the next article
                analyses[source] = self._releases[source] = analyse_text(texts[source],
                                                                         self.lexicon)
            elif earlier is not None:
                analyses[source] = earlier(source)
        return added_value(found, reuse, analyses, self.score_part, self._company)

    def _release_texts(self) -> dict[str, str]:
        """The releases' texts by id, gathered once per process (not for every article)."""
        if self._texts is None:
            self._texts = {s.id: s.text for s in self.sources.sources} if self.sources else {}
        return self._texts

    def score_part(self, text: str) -> Analysis:
        """The analysis of a text through this path, its labels the model's when there is one
        (an article's part, read on its own)."""
        assert self.lexicon is not None, "scoring needs the lexicons"
        found = analyse_text(text, self.lexicon, self.lang)
        if self.model is not None and found.text.sentences:
            apply_classifier(found, self.model)
        return found

    def compare(self, document: Document) -> Reuse | None:
        """The reuse record of one document alone (None when it could not be read)."""
        if document.error is not None or self.sources is None:
            return None
        return self.sources.compare(document.text, document.id)


def score(document: Document, scorer: Scorer) -> Record:
    """`scorer.score(document)`, as an engine calls it."""
    return scorer.score(document)


def compare(document: Document, scorer: Scorer) -> Reuse | None:
    """`scorer.compare(document)`, as an engine calls it."""
    return scorer.compare(document)


@dataclass
class LineScorer:
    """A Scorer whose records are wanted as `framing score --json` prints them (with or
    without the sentences)."""

    scorer: Scorer
    sentences: bool = True


@dataclass(frozen=True)
class ScoredLine:
    """One document's JSON line, and its record when it is an error record (for the list of
    failures)."""

    line: str
    failed: Record | None


def score_line(document: Document, shared: LineScorer) -> ScoredLine:
    """The JSON line of `shared.scorer.score(document)`, as an engine calls it: made where the
    document is scored, so that with --jobs or on Dask the command receives and prints a
    string rather than unpickling each record (about a third of its work for 2,000 articles)."""
    record = shared.scorer.score(document)
    line = json.dumps(record.to_dict(sentences=shared.sentences), ensure_ascii=False)
    return ScoredLine(line, record if record.error is not None else None)


@dataclass
class Sources:
    """Press releases as read: the readable ones, those that failed, and their index."""

    documents: list[Document] = field(default_factory=list)
    failed: list[Document] = field(default_factory=list)
    index: SourceIndex | None = None

    def texts(self) -> dict[str, str]:
        return {d.id: d.text for d in self.documents}

    def entries(self) -> list[dict]:
        """(id, path, sha256) of each readable source, as a report's manifest lists them."""
        return [{"id": d.id, "path": d.path, "sha256": _sha256(d)} for d in self.documents]


def read_sources(paths: Iterable[str | os.PathLike],
                 **read_options: str | int | BinaryIO | None) -> Sources:
    """Sources are read like articles (files, folders, globs; txt, md, html, csv, jsonl,
    parquet); no paths, no index."""
    sources = Sources()
    for document in read_documents(list(map(str, paths)), **read_options):
        (sources.failed if document.error else sources.documents).append(document)
    if sources.documents:
        from framing.reuse import SourceIndex

        sources.index = SourceIndex([(d.id, d.text) for d in sources.documents])
    return sources


def _sha256(document: Document) -> str:
    return document.meta.get("sha256") or hashlib.sha256(document.text.encode()).hexdigest()


def unscored(document: Document) -> Record:
    """The record of a document before any analysis: its id, path, title, metadata and, for a
    document that could not be read, its error (what every command prints for it)."""
    meta = dict(document.meta)
    title = meta.pop("title", None)
    return Record(document.id, document.path, title, meta, document.error)


def _analysed(document: Document, lexicon: Lexicon, lang: str | None, model
              ) -> tuple[Record, Analysis | None]:
    record = unscored(document)
    if document.error is not None:
        return record, None
    found = analyse_text(document.text, lexicon, lang)
    doc = found.text
    record.language = doc.lang
    record.n_words = doc.n_words
    record.n_sentences = len(doc.sentences)
    record.framing = found.framing
    record.sovereignty = found.sovereignty
    record.readability = readability(_main_text(doc), doc.main_language())
    record.attribution = found.attribution
    if model is not None and doc.sentences:
        apply_classifier(found, model)
    return record, found


# How many sentences the classifier names as having driven its article label.
DRIVING_SENTENCES = 3


def apply_classifier(found: Analysis, model: FramingClassifier) -> None:
    """Let the trained model choose the article and sentence labels, keeping the lexicon's
    labels and adding the sentences that pushed hardest toward the model's choice. The model
    learned French and English: a text in neither ("unknown": a Bengali page scored promotional
    0.99 with no evidence) keeps the lexicon's labels."""
    if found.text.lang == "unknown":
        return
    from framing.classifier import sentence_labels
    from framing.labels import LABELS

    label, sentence_p, article_p = model.predict_analysis(found)
    column = LABELS.index(label)
    order = sorted(range(len(sentence_p)), key=lambda i: (-sentence_p[i][column], i))
    sentences = found.text.sentences
    found.framing.label = label
    found.framing.method = "combined"
    # The scores beside the label are those of what chose it: the model's probabilities (the
    # lexicon's stay in lexicon_promotional / lexicon_critical).
    found.framing.promotional = round(float(article_p[LABELS.index("promotional")]), 4)
    found.framing.critical = round(float(article_p[LABELS.index("critical")]), 4)
    found.sovereignty.stance = stance_in(found.sovereignty, label)
    for scored, combined in zip(found.framing.sentences, sentence_labels(sentence_p, article_p)):
        scored.lexicon_label, scored.label = scored.label, combined
    found.framing.classifier = {
        "label": label,
        "probabilities": {c: round(float(p), 4) for c, p in zip(LABELS, article_p)},
        "sentences": [
            {"start": sentences[i].start, "end": sentences[i].end, "label": label,
             "probability": round(float(sentence_p[i][column]), 4)}
            for i in order[:DRIVING_SENTENCES]
        ],
    }


def _main_text(doc) -> str:
    """The sentences in the main language (a mixed page's furniture would skew the formula)."""
    main = doc.main_language()
    if doc.lang == main:
        return doc.text
    return "\n".join(doc.text[s.start : s.end] for s in doc.sentences if s.lang in (main, "unknown"))
