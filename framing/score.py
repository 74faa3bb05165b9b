"""One document in, one record out: the analyses run in order and their results travel together
in a `Record` (framing.record); the trained model, when there is one, chooses the labels.
"""

from __future__ import annotations

from framing.analysis import Analysis, analyse_text
from framing.documents import Document
from framing.lexicon import Lexicon
from framing.readability import readability
from framing.record import Record
from framing.sovereignty import stance_in


def score_document(document: Document, lexicon: Lexicon, lang: str | None = None,
                   model=None) -> Record:
    """Analyse one document; a document that failed to read gives an error record. With a
    trained `model` (framing.classifier), the article label is the model's, which reads the
    lexicon evidence together with word and character n-grams."""
    meta = dict(document.meta)
    title = meta.pop("title", None)
    record = Record(document.id, document.path, title, meta, document.error)
    if document.error is not None:
        return record
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
    return record


def score_with(document: Document, shared) -> Record:
    """`score_document` with what an engine sends to its workers once, `shared`: (lexicon,
    lang, model or None, SourceIndex or None); the record's reuse is filled when there is an
    index."""
    lexicon, lang, model, index = shared
    record = score_document(document, lexicon, lang, model)
    if index is not None and record.ok:
        record.reuse = index.compare(document.text, document.id)
    return record


# How many sentences the classifier names as having driven its article label.
DRIVING_SENTENCES = 3


def apply_classifier(found: Analysis, model) -> None:
    """Let the trained model choose the article and sentence labels, keeping the lexicon's
    labels and adding the sentences that pushed hardest toward the model's choice."""
    from framing.classifier import sentence_labels
    from framing.labels import LABELS

    label, sentence_p, article_p = model.predict_analysis(found)
    column = LABELS.index(label)
    order = sorted(range(len(sentence_p)), key=lambda i: (-sentence_p[i][column], i))
    sentences = found.text.sentences
    found.framing.label = label
    found.framing.method = "combined"
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
