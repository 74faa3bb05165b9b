"""The labelled corpus in framing/data/corpus/: articles coded sentence by sentence (ANNOTATION.md).

Each JSON line holds an article's labels and its sentences in order, each with its own label;
the article text is rebuilt from them (headline, a line break, then the sentences), so every
labelled sentence has exact offsets into the text that is scored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

CORPUS_DIR = Path(__file__).resolve().parent / "data" / "corpus"
LABELS = ("promotional", "neutral", "critical")
STANCES = ("question", "promise", "none")


@dataclass(frozen=True)
class LabelledSentence:
    start: int
    end: int
    label: str


@dataclass(frozen=True)
class LabelledArticle:
    id: str
    lang: str
    subject: str
    kind: str
    label: str
    sovereignty: str
    extraterritorial: bool
    text: str
    sentences: tuple[LabelledSentence, ...]


def build_text(sentences: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The article text and each sentence's (start, end) in it."""
    parts: list[str] = []
    spans = []
    pos = 0
    for i, sentence in enumerate(sentences):
        if i:
            sep = "\n" if i == 1 else " "  # the headline stands on its own line
            parts.append(sep)
            pos += len(sep)
        parts.append(sentence)
        spans.append((pos, pos + len(sentence)))
        pos += len(sentence)
    return "".join(parts), spans


def parse_article(row: dict, where: str) -> LabelledArticle:
    """One corpus line; raises ValueError naming `where` (file:line) when a field is wrong."""
    missing = [k for k in ("id", "lang", "label", "sovereignty", "sentences") if k not in row]
    if missing:
        raise ValueError(f"{where}: missing {', '.join(missing)}")
    if row["label"] not in LABELS or row["sovereignty"] not in STANCES:
        raise ValueError(f"{where}: unknown label {row['label']!r} or stance {row['sovereignty']!r}")
    texts = [s["text"] for s in row["sentences"]]
    labels = [s["label"] for s in row["sentences"]]
    if not texts or any(label not in LABELS for label in labels) or any("\n" in t for t in texts):
        raise ValueError(f"{where}: sentences must be non-empty, one line each, labelled {LABELS}")
    text, spans = build_text(texts)
    return LabelledArticle(
        id=row["id"], lang=row["lang"], subject=row.get("subject", ""), kind=row.get("kind", ""),
        label=row["label"], sovereignty=row["sovereignty"],
        extraterritorial=bool(row.get("extraterritorial", False)), text=text,
        sentences=tuple(LabelledSentence(a, b, lab) for (a, b), lab in zip(spans, labels)),
    )


def load_corpus(directory: Path | str = CORPUS_DIR) -> list[LabelledArticle]:
    """Every article of every *.jsonl file in `directory`, in file then line order."""
    articles = []
    for path in sorted(Path(directory).glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                articles.append(parse_article(json.loads(line), f"{path.name}:{number}"))
    ids = [a.id for a in articles]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ValueError(f"duplicate article ids in {directory}: {', '.join(duplicates)}")
    return articles
