"""The labelled corpus in framing/data/corpus/: articles coded sentence by sentence (ANNOTATION.md).

Each JSON line holds an article's labels and its sentences in order, each with its own label;
the article text is rebuilt from them (headline, a line break, then the sentences), so every
labelled sentence has exact offsets into the text that is scored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from framing.labels import LABELS, STANCES

CORPUS_DIR = Path(__file__).resolve().parent / "data" / "corpus"


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
    outlet: str = ""  # a real article's outlet; empty for the written corpus


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
    check_fields(row, ("id", "lang", "label", "sovereignty", "sentences"), where)
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


def check_fields(row: dict, fields: tuple[str, ...], where: str) -> None:
    """ValueError naming `where` (file:line) when a field is missing or a label unknown."""
    missing = [k for k in fields if k not in row]
    if missing:
        raise ValueError(f"{where}: missing {', '.join(missing)}")
    if row["label"] not in LABELS or row["sovereignty"] not in STANCES:
        raise ValueError(f"{where}: unknown label {row['label']!r} or stance {row['sovereignty']!r}")


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


# --- real articles ----------------------------------------------------------------------------
# Real pages found with the search tool's `pages` corpus, coded under ANNOTATION.md. A record
# holds the page's url, outlet, date, language, licence and labels; its text is in the record
# only where the licence allows it to be published with framing, otherwise in a git-ignored
# folder of texts (README.md, "Real articles", says how to rebuild it), checked by its sha256.
REAL_DIR = Path(__file__).resolve().parent / "data" / "real"
REAL_TEXTS_ENV = "FRAMING_REAL_TEXTS"
REAL_FIELDS = ("id", "url", "outlet", "date", "lang", "kind", "licence", "query", "label",
               "sovereignty", "extraterritorial", "sha256", "sentences")


def real_texts_dir() -> Path:
    """Where the texts kept out of git are: $FRAMING_REAL_TEXTS, else real-texts/ in the current
    folder, else real-texts/ beside the package (a source checkout)."""
    import os

    chosen = os.environ.get(REAL_TEXTS_ENV)
    if chosen:
        return Path(chosen)
    here = Path.cwd() / "real-texts"
    return here if here.is_dir() else Path(__file__).resolve().parent.parent / "real-texts"


def read_real(path: Path | str) -> list[dict]:
    """The JSON lines of a real-article file, checked field by field."""
    rows = []
    path = Path(path)
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        check_fields(row, REAL_FIELDS, f"{path.name}:{number}")
        rows.append(row)
    return rows


def real_text(row: dict, texts_dir: Path | None = None) -> str | None:
    """The article's text: in the record, or in the texts folder with the recorded sha256;
    None when it is not on this machine (or is not the text that was coded)."""
    import hashlib

    text = row.get("text")
    if text is None:
        path = (texts_dir or real_texts_dir()) / f"{row['id']}.txt"
        if not path.is_file():
            return None
        text = path.read_text(encoding="utf-8")
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != row["sha256"]:
        return None
    return text


def load_real(path: Path | str, texts_dir: Path | None = None
              ) -> tuple[list[LabelledArticle], list[dict]]:
    """(articles whose text is here, records whose text is missing)."""
    articles, missing = [], []
    for row in read_real(path):
        text = real_text(row, texts_dir)
        if text is None:
            missing.append(row)
            continue
        sentences = tuple(LabelledSentence(a, b, label) for a, b, label in row["sentences"])
        articles.append(LabelledArticle(
            id=row["id"], lang=row["lang"], subject=row.get("subject", ""), kind=row["kind"],
            label=row["label"], sovereignty=row["sovereignty"],
            extraterritorial=bool(row["extraterritorial"]), text=text, sentences=sentences,
            outlet=row["outlet"]))
    return articles, missing
