"""`framing evaluate`: score a researcher's hand-coded sample and report agreement with it.

The coded file is a CSV (comma-, semicolon- or tab-separated) with, per row: `id` (or `path`),
`text` (or `file`, a path relative to the CSV), `label` (promotional / neutral / critical, or in
French promotionnel / neutre / critique) and, optionally, `sovereignty` (question / promise /
none, or question / promesse / aucune); case and accents do not matter. Rows that cannot be
used are listed with the reason; none is dropped silently.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from framing.agreement import agreement
from framing.documents import DocumentReadError, decode_bytes, read_documents
from framing.documents.files import read_bytes
from framing.documents.source import DEFAULT_MAX_BYTES, TABLE_FILE_FACTOR
from framing.documents.tables import sniff_delimiter
from framing.labels import LABELS, STANCES, coded_label, coded_stance

if TYPE_CHECKING:
    from framing.classifier import FramingClassifier
    from framing.lexicon import Lexicon


@dataclass(frozen=True)
class CodedRow:
    row: int  # 1-based data row
    line: int  # the line of the file where the row starts (the header is line 1)
    id: str
    text: str
    label: str
    stance: str | None


def read_coded(path: Path | str, label_column: str = "label",
               stance_column: str = "sovereignty") -> tuple[list[CodedRow], list[dict]]:
    """(usable rows, skipped rows: {"row", "line", "reason"}). A file without the needed
    columns raises ValueError; a row that cannot be used is skipped with its reason, never
    dropped silently."""
    path = Path(path)
    try:
        # Through the reader's checks: a FIFO or /dev/zero is refused, a huge file too.
        data = read_bytes(str(path), DEFAULT_MAX_BYTES * TABLE_FILE_FACTOR)
        text, _ = decode_bytes(data, str(path))
    except (OSError, DocumentReadError) as err:
        raise ValueError(f"{path}: cannot read the coded file ({err})") from err
    # Comma, semicolon (a French spreadsheet's CSV) or tab, as `framing score` reads tables.
    reader = csv.DictReader(io.StringIO(text), delimiter=sniff_delimiter(text))
    columns = reader.fieldnames or []
    needed = [label_column, "'id' or 'path'", "'text' or 'file'"]
    present = [label_column in columns, bool({"id", "path"} & set(columns)),
               bool({"text", "file"} & set(columns))]
    if not all(present):
        missing = [name if name.startswith("'") else repr(name)
                   for name, ok in zip(needed, present) if not ok]
        raise ValueError(f"{path}:1: missing column {' and '.join(missing)} "
                         f"(found: {', '.join(columns) or 'none'}); the coded file needs "
                         f"'id' or 'path', 'text' or 'file', and {label_column!r}")
    rows, skipped = [], []
    first_line: dict[str, int] = {}
    line = 2  # where the next record starts
    for number, record in enumerate(reader, 1):
        coded, reason = _coded_row(path, number, line, record, label_column, stance_column)
        if coded and coded.id in first_line:
            reason = f"duplicate id {coded.id!r} (first at line {first_line[coded.id]})"
            coded = None
        if coded is None:
            skipped.append({"row": number, "line": line, "reason": reason})
        else:
            first_line[coded.id] = line
            rows.append(coded)
        line = reader.line_num + 1
    return rows, skipped


def _coded_row(path, number, line, record, label_column, stance_column):
    if None in record:
        return None, "more fields than the header"
    row_id = (record.get("id") or record.get("path") or "").strip()
    if not row_id:
        return None, "empty id"
    written = (record.get(label_column) or "").strip()
    if not written:
        return None, f"no {label_column!r}"
    label = coded_label(written)
    if label is None:
        return None, (f"unknown label {written!r} (expected one of {', '.join(LABELS)}, "
                      f"or promotionnel, neutre, critique)")
    written = (record.get(stance_column) or "").strip()
    stance = coded_stance(written) if written else None
    if written and stance is None:
        return None, (f"unknown sovereignty stance {written!r} (expected {', '.join(STANCES)}, "
                      f"or question, promesse, aucune)")
    text = record.get("text") or ""
    name = (record.get("file") or "").strip()
    if not text.strip() and name:
        text, problem = _read_coded_file(path.parent / name, name)
        if problem:
            return None, problem
    if not text.strip():
        return None, "empty text" + ("" if name else " and no 'file'")
    return CodedRow(number, line, row_id, text, label, stance), None


def _read_coded_file(target: Path, name: str) -> tuple[str, str | None]:
    """(text, problem) of the one article a row's `file` names (relative to the CSV)."""
    if not target.is_file():
        what = "is not a file" if target.exists() else "does not exist"
        return "", f"file {name!r} {what} (looked for {target})"
    documents = list(read_documents([str(target)]))
    if len(documents) != 1:
        return "", f"file {name!r} holds {len(documents)} documents, not one article"
    if documents[0].error:
        return "", f"file {name!r}: {documents[0].error.message}"
    return documents[0].text, None


def skipped_lines(path: Path | str, skipped: list[dict]) -> list[str]:
    """One `file:line: reason` line per row that was not used."""
    return [f"{path}:{s['line']}: {s['reason']}" for s in skipped]


def evaluate_coded(path: Path | str, lexicon: Lexicon, label_column: str = "label",
                   stance_column: str = "sovereignty",
                   model: FramingClassifier | None = None) -> dict:
    """Agreement of framing's labels (and stances, where coded) with the coded file, scored as
    `framing score` scores: with the trained `model` when one is given."""
    from framing.documents import Document
    from framing.pipeline import Scorer

    rows, skipped = read_coded(path, label_column, stance_column)
    scorer = Scorer(lexicon, model)
    records = [scorer.score(Document(r.id, None, r.text, {})) for r in rows]
    result = {
        "file": str(path),
        "labels_from": "combined" if model is not None else "lexicon",
        "rows_used": len(rows),
        "rows_skipped": skipped,
        # (texts given, not files: every record is scored)
        "framing": agreement([r.label for r in rows], [x.framing.label for x in records],  # type: ignore[union-attr]
                             list(LABELS)),
    }
    coded = [(r.stance, x.sovereignty.stance)  # type: ignore[union-attr]
             for r, x in zip(rows, records) if r.stance]
    if coded:
        result["sovereignty"] = agreement([g for g, _ in coded], [p for _, p in coded],
                                          list(STANCES))
    return result


def report(result: dict) -> str:
    """The printout a study can quote."""
    used, skipped, source = result["rows_used"], len(result["rows_skipped"]), result["labels_from"]
    head = f"{result['file']}: {used} rows used, {skipped} not used"
    lines = [f"{head}; labels from the {source} scorer"]
    lines += ["  not used: " + x for x in skipped_lines(result["file"], result["rows_skipped"])]
    for task in ("framing", "sovereignty"):
        if task in result:
            lines += agreement_lines(task, result[task])
    return "\n".join(lines)


def agreement_lines(title: str, m: dict) -> list[str]:
    """One `agreement()` result as printed lines: the figures with their 95 % intervals,
    per-class precision and recall, and the confusion matrix."""
    lines = [f"== {title} (n={m['n']})"]
    for name in ("accuracy", "macro_f1", "cohen_kappa", "krippendorff_alpha"):
        ci = interval_text(m["n"], *m[name]["ci95"])
        lines.append(f"  {name:<19} {m[name]['value']:.3f}  ({ci})")
    for c, v in m["per_class"].items():
        lines.append(f"  {c:<12} precision {v['precision']:.2f}  recall {v['recall']:.2f}  "
                     f"F1 {v['f1']:.2f}  (n={v['support']})")
    header = "  confusion (rows: coded, columns: framing) " + " ".join(
        f"{c[:5]:>6}" for c in m["confusion"])
    lines.append(header)
    for gold, row in m["confusion"].items():
        lines.append(f"  {gold:<42}" + " ".join(f"{n:>6}" for n in row.values()))
    return lines


def has_interval(n: int, low: float, high: float) -> bool:
    """Whether a bootstrap gave an interval: one row, or resamples that all give the same value
    (every row agrees, say), make none; a zero-width "1.000–1.000" would read as certainty."""
    return n >= 2 and low != high


def interval_text(n: int, low: float, high: float) -> str:
    """A bootstrap interval as printed: "95% CI 0.600–0.900", or why there is none. One row,
    or resamples that all give the same value (every row agrees, say), make no interval: a
    zero-width "1.000–1.000" would read as certainty."""
    if has_interval(n, low, high):
        return f"95% CI {low:.3f}–{high:.3f}"
    if n < 2:
        return f"n={n}, no interval"
    return f"n={n}, no interval: every resample gives {low:.3f}"
