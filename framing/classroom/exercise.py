"""Building an exercise: framing's reading of each article sentence by sentence (its label as a
worksheet letter, its evidence, whether a press release covers it), as the plain data that
exercise.json holds and that the worksheet, the answers and the grading read back."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from framing.classroom.explanation import stance_sentence
from framing.classroom.ui import LETTERS, UI, release_names

if TYPE_CHECKING:  # the scorer is loaded only when an article is scored, not on import
    from framing.record import Record

COPIED_OVERLAP = 0.5  # a sentence is "copied" when reused passages cover this share of it


def exercise_article(number: int, record: Record, text: str) -> dict:
    """One article of an exercise: its sentences (numbered from 1) with framing's label, what
    chose it (`by`: "model" or "lexicon") and the lexicon's own label, its evidence (offsets into
    the sentence) and whether a reused passage covers it."""
    f, s, a = record.framing, record.sovereignty, record.attribution
    passages = list(enumerate(record.reuse.passages, 1)) if record.reuse else []
    sources_checked = record.reuse is not None
    by = f.chooser
    sentences = []
    for i, x in enumerate(f.sentences, 1):
        evidence = [{"start": e.start - x.start, "end": e.end - x.start, "effect": e.effect,
                     "context": e.context} for e in x.evidence
                    if e.effect in ("promotional", "critical")]
        evidence += [{"start": e.start - x.start, "end": e.end - x.start,
                      "effect": "sovereignty", "context": e.effect} for e in s.evidence
                     if x.start <= e.start < x.end]
        evidence.sort(key=lambda e: (e["start"], e["end"]))
        copied, passage = (None, None)
        if sources_checked:
            copied, passage = _copied(x.start, x.end, passages, text)
        sentences.append({"n": i, "start": x.start, "end": x.end,
                          "text": " ".join(text[x.start : x.end].split()),
                          "raw": text[x.start : x.end], "label": LETTERS[x.label], "by": by,
                          "lexicon_label": LETTERS.get(x.lexicon_label or x.label),
                          "evidence": evidence, "copied": copied, "passage": passage})
    i = stance_sentence(record)
    sov_sentence = None if i is None else i + 1
    reuse = None
    if record.reuse is not None:
        reuse = {k: getattr(record.reuse, k)
                 for k in ("kind", "source", "article_share", "source_share")}
    return {
        "number": number, "id": record.id, "title": record.title, "language": record.language,
        "label": f.label, "lexicon_label": f.lexicon_label, "by": by,
        "speakers": list(a.speakers), "quotes": a.quotes, "quote_share": a.quote_share,
        "sovereignty": {"stance": s.stance, "laws": list(s.laws), "sentence": sov_sentence},
        "reuse": reuse, "sentences": sentences,
    }


def _copied(start: int, end: int, passages: list, text: str) -> tuple[bool, dict | None]:
    """(copied?, the passage that covers most of the sentence) for one sentence."""
    length = len(text[start:end].strip()) or 1
    best, best_overlap = None, 0
    covered = 0
    for number, p in passages:
        overlap = max(0, min(end, p.article_end) - max(start, p.article_start))
        covered += overlap
        if overlap > best_overlap:
            best, best_overlap = (number, p), overlap
    if best is None or covered < COPIED_OVERLAP * length:
        return False, None
    number, p = best
    return True, {"number": number, "kind": p.kind, "source": p.source,
                  "similarity": p.similarity,
                  "source_start": p.source_start, "source_end": p.source_end}


def build_exercise(records_texts: list, source_texts: dict[str, str] | None = None,
                   ui: str | None = None) -> dict:
    """The exercise's data from (record, text) pairs (records scored, reuse filled when there
    are sources): what exercise.json holds."""
    from framing import __version__

    articles = [exercise_article(i, r, t) for i, (r, t) in enumerate(records_texts, 1)]
    if ui not in UI:
        languages = Counter(a["language"] for a in articles)
        ui = "en" if languages.get("en", 0) > languages.get("fr", 0) else "fr"
    for article in articles:
        for sentence in article["sentences"]:
            p = sentence["passage"]
            if p and source_texts and p["source"] in source_texts:
                p["source_text"] = " ".join(
                    source_texts[p["source"]][p["source_start"] : p["source_end"]].split())
    sources = []
    if source_texts:  # the releases, as a reading for the worksheet, named without their ids
        names = release_names(list(source_texts), ui)
        sources = [{"id": i, "name": names[i], "text": source_texts[i]} for i in source_texts]
    return {"framing": __version__, "ui": ui, "sources_checked": source_texts is not None,
            "sources": sources, "articles": articles}
