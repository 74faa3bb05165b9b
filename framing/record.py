"""One article's result, the record every writer, page and chart reads: `to_dict()` is the shape
of `score.schema.json` (what `framing score --json` prints); `to_row()` is one flat dict per
article for pandas, R or a spreadsheet.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from framing.added_value import AddedValue
from framing.attribution import Attribution
from framing.documents import DocumentError
from framing.readability import Readability
from framing.reuse.found import Reuse
from framing.sovereignty import Sovereignty
from framing.tone import Framing, SentenceScore, Span, sentence_scores, sentence_weights


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
    reuse: Reuse | None = None
    added_value: AddedValue | None = None  # what the article adds to its sources (with sources)

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
        # A record without an error has every analysis.
        assert f is not None and s is not None
        assert self.readability is not None and self.attribution is not None
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
                "lexicon": {"label": f.lexicon_label, "promotional": f.lexicon_promotional,
                            "critical": f.lexicon_critical},
                "classifier": f.classifier,
                "categories": f.categories,
                "evidence": [_plain(e) for e in f.evidence],
            },
            sovereignty=_plain(s),
            readability={k: v for k, v in _plain(self.readability).items() if v is not None},
            attribution={
                "quotes": self.attribution.quotes,
                "quote_share": self.attribution.quote_share,
                "speakers": self.attribution.speakers,
            },
            reuse=self.reuse.to_dict() if self.reuse is not None else None,
        )
        if self.added_value is not None:
            out["added_value"] = self.added_value.to_dict()
        if sentences:
            out["framing"]["sentences"] = [_sentence_dict(x) for x in f.sentences]
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Record:
        """The record of a `to_dict()` (a records.jsonl line, `framing score --json`): its
        `to_dict()` and `to_row()` are the original's. A record written without its sentences
        (--no-sentences) has none to count (its row's sentence columns are empty) and its
        `to_dict()` lists none; sentence evidence and quoted passages, which the JSON does not
        hold, come back empty."""
        record = cls(d["id"], d.get("path"), d.get("title"), dict(d.get("meta") or {}))
        if d.get("error") is not None:
            record.error = DocumentError(**d["error"])
            return record
        record.language = d.get("language")
        record.reuse = Reuse.from_dict(d["reuse"]) if d.get("reuse") is not None else None
        if d.get("added_value") is not None:
            record.added_value = AddedValue.from_dict(d["added_value"])
        record.n_words, record.n_sentences = d.get("n_words", 0), d.get("n_sentences", 0)
        record.framing = _framing_from(d["framing"])
        sovereignty = dict(d["sovereignty"])
        sovereignty["evidence"] = [Span(**e) for e in sovereignty.get("evidence", [])]
        record.sovereignty = Sovereignty(**sovereignty)
        record.readability = Readability(**d["readability"])
        record.attribution = Attribution(**d["attribution"])
        return record

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
        # A record read back without its sentences (--no-sentences) cannot count them.
        counted = f if f and len(f.sentences) == self.n_sentences else None
        row.update(
            label=f.label if f else None,
            label_method=f.method if f else None,
            lexicon_label=f.lexicon_label if f else None,
            promotional=f.promotional if f else None,
            critical=f.critical if f else None,
            lexicon_promotional=f.lexicon_promotional if f else None,
            lexicon_critical=f.lexicon_critical if f else None,
            sentences_promotional=_count(counted, "promotional"),
            sentences_neutral=_count(counted, "neutral"),
            sentences_critical=_count(counted, "critical"),
            # One letter per sentence in reading order (P, N, C): where the critical part sits.
            sentence_labels=("".join(s.label[0].upper() for s in counted.sentences)
                             if counted else None),
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
            **_added_columns(self.added_value),
        )
        if f:
            row.update({f"rate_{c}": v for c, v in f.categories.items()})
        row.update({f"meta_{k}": v for k, v in sorted(self.meta.items())})
        return row


def _framing_from(f: dict[str, Any]) -> Framing:
    sentences = []
    for x in f.get("sentences", []):
        promotional, critical = sentence_weights(x["promotional"], x["critical"])
        sentences.append(SentenceScore(x["start"], x["end"], x["label"], promotional, critical,
                                       x["lang"], lexicon_label=x.get("lexicon_label")))
    lexicon = f.get("lexicon") or {}
    return Framing(f["label"], f["promotional"], f["critical"], dict(f["categories"]),
                   [Span(**e) for e in f["evidence"]], sentences, f["method"],
                   f.get("lexicon_label"), f.get("classifier"),
                   lexicon.get("promotional"), lexicon.get("critical"))


def _reuse_columns(reuse: Reuse | None) -> dict[str, Any]:
    keys = ("kind", "source", "article_share", "source_share", "longest_passage_words")
    columns = {f"reuse_{k}": getattr(reuse, k) if reuse else None for k in keys}
    # Every source with passages, as "id=share;id=share" (article share), for heatmaps.
    columns["reuse_sources"] = ";".join(
        f"{s.source}={s.article_share}" for s in reuse.sources
    ) if reuse else None
    return columns


def _plain(value: Any) -> Any:
    """`dataclasses.asdict(value)` for what a record holds (dataclasses, lists, dicts and
    scalars), without asdict's deep copy of every scalar: about a fifth of the time of building
    a --json line went there."""
    names = _FIELDS.get(type(value))
    if names is None:
        if isinstance(value, list):
            return [_plain(v) for v in value]
        if isinstance(value, dict):
            return {k: _plain(v) for k, v in value.items()}
        if not hasattr(value, "__dataclass_fields__"):
            return value
        names = _FIELDS[type(value)] = tuple(f.name for f in fields(value))
    return {name: _plain(getattr(value, name)) for name in names}


_FIELDS: dict[type, tuple[str, ...]] = {}


def _added_columns(added: AddedValue | None) -> dict[str, Any]:
    """The verdict and the figures behind it (None without sources)."""
    a = added
    return {
        "added_verdict": a.verdict if a else None,
        "added_commentary": a.commentary if a else None,
        "reused_part_share": a.reused.share if a else None,
        "reused_part_label": a.reused.label if a else None,
        "own_part_words": a.own.words if a else None,
        "own_part_label": a.own.label if a else None,
        "own_part_stance": a.own.stance if a else None,
        "own_independent_voices": a.independent_voices if a else None,
        "shift_direction": a.shift.direction if a and a.shift else None,
        "shift_promotional_source": a.shift.promotional_source if a and a.shift else None,
        "shift_promotional_article": a.shift.promotional_article if a and a.shift else None,
    }


def _count(framing: Framing | None, label: str) -> int | None:
    return sum(1 for s in framing.sentences if s.label == label) if framing else None


def _sentence_dict(s) -> dict[str, Any]:
    promo, crit = sentence_scores(s)
    out = {"start": s.start, "end": s.end, "label": s.label, "promotional": promo,
           "critical": crit, "lang": s.lang}
    if s.lexicon_label is not None:
        out["lexicon_label"] = s.lexicon_label
    return out


def top_evidence(framing: Framing, n: int = 6) -> list[Span]:
    """The heaviest evidence spans, heaviest first (ties: earliest first)."""
    return sorted(framing.evidence, key=lambda e: (-e.weight, e.start))[:n]
