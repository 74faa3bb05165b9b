"""The rows the charts draw: a scores.csv / scores.jsonl read back into typed flat rows (the
columns of `Record.to_row()`), which of them are drawn and in what order, their numbers, and
their text made safe to print (the rows are untrusted input)."""

from __future__ import annotations

import csv
import json
import unicodedata
from collections.abc import Iterable
from math import isnan
from pathlib import Path
from typing import Any

Row = dict[str, Any]

LABEL_CHARS = 20  # point and tick labels: the id cut to this length

# Columns that stay text when read back from CSV (ids like "001" must not become numbers).
TEXT_COLUMNS = {
    "id", "path", "title", "error_code", "error_message", "language", "label", "label_method",
    "lexicon_label", "sentence_labels", "sovereignty_stance", "laws", "readability_formula",
    "speakers", "top_evidence", "reuse_kind", "reuse_source", "reuse_sources",
}


def load_rows(path: Path | str) -> list[Row]:
    """The flat rows of a scores.jsonl or scores.csv. CSV values come back typed (numbers, bools);
    empty strings become None in both formats, so the two load to the same rows. A JSONL of
    nested records (`Record.to_dict()`, `framing score --json`) is flattened to the same columns."""
    path = Path(path)
    with path.open(encoding="utf-8", newline="") as f:
        if path.suffix.lower() == ".csv":
            raw = list(csv.DictReader(f))
        else:
            raw = [json.loads(line) for line in f if line.strip()]
    rows = []
    for row in raw:
        if isinstance(row.get("framing"), dict) or isinstance(row.get("meta"), dict):
            row = _flatten_record(row)
        rows.append({k: _typed(k, v) for k, v in row.items()})
    return rows


def _typed(column: str, value: Any) -> Any:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or column in TEXT_COLUMNS or column.startswith("meta_"):
        return value
    if value in ("True", "true"):
        return True
    if value in ("False", "false"):
        return False
    try:
        return int(value)
    except ValueError:
        pass
    try:
        return float(value)
    except ValueError:
        return value


# Not `Record.to_row()` itself: a record read back from JSON is a dict, and nothing turns that
# dict into a Record again (there is no Record.from_dict); these are the columns charts draw.
def _flatten_record(d: dict) -> dict[str, Any]:
    """The chart columns of `Record.to_row()` from a nested `Record.to_dict()` record."""
    row: dict[str, Any] = {"id": d.get("id"), "path": d.get("path"), "title": d.get("title")}
    error = d.get("error") or {}
    row["error_code"] = error.get("code")
    row["language"] = d.get("language")
    f = d.get("framing") or {}
    row["label"] = f.get("label")
    row["promotional"] = f.get("promotional")
    row["critical"] = f.get("critical")
    sentences = f.get("sentences")
    row["sentence_labels"] = ("".join(s["label"][0].upper() for s in sentences)
                              if sentences is not None else None)
    s = d.get("sovereignty") or {}
    row["sovereignty_stance"] = s.get("stance")
    row["extraterritorial_law"] = s.get("extraterritorial_law")
    row["laws"] = "; ".join(s["laws"]) if "laws" in s else None
    r = d.get("readability") or {}
    row["readability_formula"] = r.get("formula")
    row["readability_score"] = r.get("score")
    reuse = d.get("reuse")
    row["reuse_kind"] = reuse.get("kind") if reuse else None
    row["reuse_article_share"] = reuse.get("article_share") if reuse else None
    row["reuse_sources"] = ";".join(
        f"{x['source']}={x['article_share']}" for x in reuse.get("sources", [])
    ) if reuse else None
    row.update({f"rate_{c}": v for c, v in (f.get("categories") or {}).items()})
    row.update({f"meta_{k}": v for k, v in sorted((d.get("meta") or {}).items())})
    return row


def clean(text: str) -> str:
    """Label text from untrusted input: control characters become spaces, format characters
    (bidi overrides, zero-width) go. (`$` needs no escaping: the charts turn mathtext off.)"""
    return "".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in text
                   if unicodedata.category(c) not in ("Cf", "Cs", "Co", "Cn"))


def short(text: str, n: int = LABEL_CHARS) -> str:
    """`clean(text)` cut to n characters, an ellipsis marking the cut."""
    text = clean(text)
    return text if len(text) <= n else text[: n - 1] + "…"


def ok_rows(rows: Iterable[Row]) -> list[Row]:
    """Rows without an error, in id order (sorted iteration: the charts do not depend on the
    order of the input)."""
    kept = [r for r in rows if not r.get("error_code")]
    return sorted(kept, key=lambda r: (str(r.get("id")), str(r.get("path"))))


def as_number(value: Any) -> float | None:
    """The value as a float; None when missing, not a number, a bool or NaN."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        x = float(value)
    except (TypeError, ValueError):
        return None
    return None if isnan(x) else x  # NaN is missing
