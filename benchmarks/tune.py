"""Choose the scorer's thresholds on the tuning data, never on the held-out check set.

Tuning data: tests/data/devset.jsonl (article labels) and the labelled corpus in
framing/data/corpus/ (article and sentence labels). Prints the best settings of the numbers at
the top of framing/tone.py by article accuracy, with sentence macro-F1 beside them.

    .venv/bin/python benchmarks/tune.py
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import framing
from framing import tone
from framing.agreement import macro_f1
from framing.attribution import attribution
from framing.corpus import load_corpus
from framing.labels import LABELS
from framing.text import analyse

GRID = {
    "PROMO_LABEL_MIN": [0.5, 0.7, 0.9, 1.2],
    "CRITICAL_LABEL_MIN": [0.6, 0.9, 1.2],
    "CRITICAL_BOOST": [1.0, 1.5, 2.0],
    "QUOTED": [0.15, 0.3, 0.5],
    "REPORTED": [0.3, 0.45, 0.6],
    "SENTENCE_MIN": [0.5, 0.75, 1.0],
}


def prepared(lexicon):
    """(gold article label, gold sentence labels or None, doc, hits, quote spans) per article;
    everything that does not depend on the thresholds is computed once."""
    items = []
    dev = ROOT / "tests" / "data" / "devset.jsonl"
    for line in dev.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        items.append((row["label"], None, *_analysed(row["text"], None, lexicon)))
    for article in load_corpus():
        spans = [(s.start, s.end) for s in article.sentences]
        gold = [s.label for s in article.sentences]
        items.append((article.label, gold, *_analysed(article.text, spans, lexicon)))
    return items


def _analysed(text, spans, lexicon):
    doc = analyse(text, None, spans)
    hits = lexicon.match_sentences(doc.text, doc.sentences)
    quotes = [(q.start, q.end) for q in attribution(doc.text, doc.n_words).passages]
    return doc, hits, quotes


def evaluate(items) -> tuple[float, float]:
    """(article accuracy, sentence macro-F1 on the corpus)."""
    right = 0
    pairs = []
    for gold, gold_sentences, doc, hits, quotes in items:
        framing_ = tone.score_framing(doc, hits, quotes)
        right += framing_.label == gold
        if gold_sentences:
            pairs += zip(gold_sentences, (s.label for s in framing_.sentences))
    gold, predicted = [g for g, _ in pairs], [p for _, p in pairs]
    return right / len(items), macro_f1(gold, predicted, list(LABELS))


def main() -> None:
    items = prepared(framing.load_lexicon())
    current = {name: getattr(tone, name) for name in GRID}
    base = evaluate(items)
    print(f"{len(items)} tuning articles; current settings {current}: "
          f"article accuracy {base[0]:.3f}, sentence macro-F1 {base[1]:.3f}")
    results = []
    for values in itertools.product(*GRID.values()):
        for name, value in zip(GRID, values):
            setattr(tone, name, value)
        results.append((*evaluate(items), values))
    for name, value in current.items():
        setattr(tone, name, value)
    results.sort(key=lambda r: (-r[0], -r[1], r[2]))
    print("best settings (article accuracy, sentence macro-F1):", ", ".join(GRID))
    for accuracy, f1, values in results[:12]:
        print(f"  {accuracy:.3f}  {f1:.3f}  {values}")


if __name__ == "__main__":
    main()
