"""One document in, one record out: the analyses run in order and their results travel together.

The record's `to_dict()` is the shape of `score.schema.json` (what `framing score --json`
prints); `to_row()` is one flat dict per article for pandas, R or a spreadsheet.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from framing.attribution import Attribution, attribution
from framing.documents import Document, DocumentError
from framing.lexicon import Lexicon
from framing.readability import Readability, readability
from framing.sovereignty import Sovereignty, score_sovereignty, stance_in
from framing.text import Text, analyse
from framing.tone import Framing, score_framing, sentence_scores


@dataclass
class Record:
    id: str
    path: str | None
    title: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    error: DocumentError | None = None
    language: str | None = None
    n_words: int = 0
    n_sentences: int = 0
    framing: Framing | None = None
    sovereignty: Sovereignty | None = None
    readability: Readability | None = None
    attribution: Attribution | None = None
    reuse: dict | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def to_dict(self, sentences: bool = True) -> dict[str, Any]:
        """The JSON record of score.schema.json (extra keys: meta, attribution details)."""
        out: dict[str, Any] = {"id": self.id, "path": self.path, "title": self.title}
        if self.meta:
            out["meta"] = dict(sorted(self.meta.items()))
        if self.error is not None:
            out["error"] = asdict(self.error)
            return out
        f, s = self.framing, self.sovereignty
        out.update(
            language=self.language,
            n_words=self.n_words,
            n_sentences=self.n_sentences,
            framing={
                "label": f.label,
                "promotional": f.promotional,
                "critical": f.critical,
                "method": f.method,
                "lexicon_label": f.lexicon_label,
                "classifier": f.classifier,
                "categories": f.categories,
                "evidence": [asdict(e) for e in f.evidence],
            },
            sovereignty=asdict(s),
            readability={k: v for k, v in asdict(self.readability).items() if v is not None},
            attribution={
                "quotes": self.attribution.quotes,
                "quote_share": self.attribution.quote_share,
                "speakers": self.attribution.speakers,
            },
            reuse=self.reuse,
        )
        if sentences:
            out["framing"]["sentences"] = [_sentence_dict(x) for x in f.sentences]
        return out

    def to_row(self) -> dict[str, Any]:
        """One flat dict: scalar columns only, the same keys for every record (errors too)."""
        row: dict[str, Any] = {
            "id": self.id,
            "path": self.path,
            "title": self.title,
            "error_code": self.error.code if self.error else None,
            "error_message": self.error.message if self.error else None,
            "language": self.language,
            "n_words": self.n_words,
            "n_sentences": self.n_sentences,
        }
        f, s, r, a = self.framing, self.sovereignty, self.readability, self.attribution
        row.update(
            label=f.label if f else None,
            label_method=f.method if f else None,
            lexicon_label=f.lexicon_label if f else None,
            promotional=f.promotional if f else None,
            critical=f.critical if f else None,
            sentences_promotional=_count(f, "promotional"),
            sentences_neutral=_count(f, "neutral"),
            sentences_critical=_count(f, "critical"),
            # One letter per sentence in reading order (P, N, C): where the critical part sits.
            sentence_labels="".join(s.label[0].upper() for s in f.sentences) if f else None,
            sovereignty_raised=s.raised if s else None,
            sovereignty_stance=s.stance if s else None,
            extraterritorial_law=s.extraterritorial_law if s else None,
            laws="; ".join(s.laws) if s else None,
            readability_formula=r.formula if r else None,
            readability_score=r.score if r else None,
            readability_lix=r.lix if r else None,
            readability_grade=r.grade if r else None,
            quotes=a.quotes if a else None,
            quote_share=a.quote_share if a else None,
            speakers="; ".join(a.speakers) if a else None,
            top_evidence="; ".join(e.text for e in top_evidence(f)) if f else None,
            **_reuse_columns(self.reuse),
        )
        if f:
            row.update({f"rate_{c}": v for c, v in f.categories.items()})
        row.update({f"meta_{k}": v for k, v in sorted(self.meta.items())})
        return row


def _reuse_columns(reuse: dict | None) -> dict[str, Any]:
    keys = ("kind", "source", "article_share", "source_share", "longest_passage_words")
    columns = {f"reuse_{k}": reuse.get(k) if reuse else None for k in keys}
    # Every source with passages, as "id=share;id=share" (article share), for heatmaps.
    columns["reuse_sources"] = ";".join(
        f"{s['source']}={s['article_share']}" for s in reuse.get("sources", [])
    ) if reuse else None
    return columns


def _count(framing: Framing | None, label: str) -> int | None:
    return sum(1 for s in framing.sentences if s.label == label) if framing else None


def _sentence_dict(s) -> dict[str, Any]:
    promo, crit = sentence_scores(s)
    out = {"start": s.start, "end": s.end, "label": s.label, "promotional": promo,
           "critical": crit, "lang": s.lang}
    if s.lexicon_label is not None:
        out["lexicon_label"] = s.lexicon_label
    return out


def top_evidence(framing: Framing, n: int = 6):
    """The heaviest evidence spans, heaviest first (ties: earliest first)."""
    return sorted(framing.evidence, key=lambda e: (-e.weight, e.start))[:n]


@dataclass
class Analysis:
    """Everything measured from the lexicons, before readability."""

    text: Text
    hits: list  # lexicon hits, one list per sentence
    attribution: Attribution
    framing: Framing
    sovereignty: Sovereignty


def analyse_text(text: str, lexicon: Lexicon, lang: str | None = None,
                 spans: list[tuple[int, int]] | None = None) -> Analysis:
    """Sentences, lexicon hits, quotes, framing and sovereignty of one text (`spans`: the
    sentences' offsets when the text comes already segmented, as the labelled corpus does)."""
    doc = analyse(text, lang, spans)
    hits = lexicon.match_sentences(doc.text, doc.sentences)
    quotes = attribution(doc.text, doc.n_words)
    framing = score_framing(doc, hits, [(q.start, q.end) for q in quotes.passages])
    sovereignty = score_sovereignty(doc.text, doc.sentences, hits, framing.sentences,
                                    framing.label)
    return Analysis(doc, hits, quotes, framing, sovereignty)


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
    from framing.corpus import LABELS

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
