"""`framing evaluate`: score a researcher's hand-coded sample and report agreement with it.

The coded file is a CSV with, per row: `id` (or `path`), `text` (or `file`, a path relative to
the CSV), `label` (promotional / neutral / critical) and, optionally, `sovereignty`
(question / promise / none). Rows that cannot be used are listed with the reason; none is
dropped silently.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from framing.agreement import agreement
from framing.corpus import LABELS, STANCES
from framing.documents import DocumentReadError, decode_bytes, read_documents


@dataclass(frozen=True)
class CodedRow:
    row: int  # 1-based data row
    id: str
    text: str
    label: str
    stance: str | None


def read_coded(path: Path | str, label_column: str = "label",
               stance_column: str = "sovereignty") -> tuple[list[CodedRow], list[dict]]:
    """(usable rows, skipped rows with their reason)."""
    path = Path(path)
    try:
        text, _ = decode_bytes(path.read_bytes(), str(path))
    except (OSError, DocumentReadError) as err:
        raise ValueError(f"{path}: cannot read the coded file ({err})") from err
    reader = csv.DictReader(io.StringIO(text))
    columns = reader.fieldnames or []
    if label_column not in columns or not ({"text", "file"} & set(columns)):
        raise ValueError(f"{path}: needs a {label_column!r} column and a 'text' or 'file' column "
                         f"(found: {', '.join(columns) or 'none'})")
    rows, skipped, seen = [], [], set()
    for number, record in enumerate(reader, 1):
        coded, reason = _coded_row(path, number, record, label_column, stance_column)
        if coded and coded.id in seen:
            coded, reason = None, f"duplicate id {coded.id!r}"
        if coded is None:
            skipped.append({"row": number, "reason": reason})
        else:
            seen.add(coded.id)
            rows.append(coded)
    return rows, skipped


def _coded_row(path, number, record, label_column, stance_column):
    if None in record:
        return None, "more fields than the header"
    label = (record.get(label_column) or "").strip().lower()
    if label not in LABELS:
        return None, f"unknown label {label!r} (expected one of {', '.join(LABELS)})"
    stance = (record.get(stance_column) or "").strip().lower() or None
    if stance is not None and stance not in STANCES:
        return None, f"unknown sovereignty stance {stance!r} (expected {', '.join(STANCES)})"
    text = record.get("text") or ""
    if not text.strip() and record.get("file"):
        (document,) = read_documents([str(path.parent / record["file"])])
        if document.error:
            return None, document.error.message
        text = document.text
    if not text.strip():
        return None, "empty text"
    row_id = (record.get("id") or record.get("path") or f"row {number}").strip()
    return CodedRow(number, row_id, text, label, stance), None


def evaluate_coded(path: Path | str, lexicon, label_column: str = "label",
                   stance_column: str = "sovereignty", model=None) -> dict:
    """Agreement of framing's labels (and stances, where coded) with the coded file, scored as
    `framing score` scores: with the trained `model` when one is given."""
    from framing import score_text

    rows, skipped = read_coded(path, label_column, stance_column)
    records = [score_text(r.text, id=r.id, lexicon=lexicon, model=model) for r in rows]
    result = {
        "file": str(path),
        "labels_from": "combined" if model is not None else "lexicon",
        "rows_used": len(rows),
        "rows_skipped": skipped,
        "framing": agreement([r.label for r in rows], [x.framing.label for x in records],
                             list(LABELS)),
    }
    coded = [(r.stance, x.sovereignty.stance) for r, x in zip(rows, records) if r.stance]
    if coded:
        result["sovereignty"] = agreement([g for g, _ in coded], [p for _, p in coded],
                                          list(STANCES))
    return result


def report(result: dict) -> str:
    """The printout a study can quote."""
    used, skipped, source = result["rows_used"], len(result["rows_skipped"]), result["labels_from"]
    lines = [f"{result['file']}: {used} rows used, {skipped} skipped; labels from the {source} scorer"]
    lines += [f"  skipped row {s['row']}: {s['reason']}" for s in result["rows_skipped"]]
    for task in ("framing", "sovereignty"):
        if task not in result:
            continue
        m = result[task]
        lines.append(f"== {task} (n={m['n']})")
        for name in ("accuracy", "macro_f1", "cohen_kappa", "krippendorff_alpha"):
            low, high = m[name]["ci95"]
            lines.append(f"  {name:<19} {m[name]['value']:.3f}  (95% CI {low:.3f}–{high:.3f})")
        for c, v in m["per_class"].items():
            lines.append(f"  {c:<12} precision {v['precision']:.2f}  recall {v['recall']:.2f}  "
                         f"F1 {v['f1']:.2f}  (n={v['support']})")
        header = "  confusion (rows: coded, columns: framing) " + " ".join(
            f"{c[:5]:>6}" for c in m["confusion"])
        lines.append(header)
        for gold, row in m["confusion"].items():
            lines.append(f"  {gold:<42}" + " ".join(f"{n:>6}" for n in row.values()))
    return "\n".join(lines)
