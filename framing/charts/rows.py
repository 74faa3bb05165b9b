"""The rows the charts draw: a scores.csv / scores.jsonl read back into typed flat rows (the
columns of `Record.to_row()`), which of them are drawn and in what order, their numbers and
dates, and their text made safe to print (the rows are untrusted input)."""

from __future__ import annotations

import csv
import json
import unicodedata
from collections.abc import Iterable
from datetime import date
from math import isnan
from pathlib import Path
from typing import Any

from framing.outputs import plain_cell
from framing.record import Record

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
    nested records (`Record.to_dict()`, `framing score --json`) gives its records' `to_row()`.
    A line that is neither raises ValueError naming the file and line."""
    path = Path(path)
    with path.open(encoding="utf-8", newline="") as f:
        if path.suffix.lower() == ".csv":
            return [{plain_cell(k): _typed(k, _plain(v)) for k, v in row.items()}
                    for row in csv.DictReader(f)]
        return [_jsonl_row(line, f"{path}:{number}")
                for number, line in enumerate(f, 1) if line.strip()]


def _plain(value: Any) -> Any:
    """A CSV cell as framing was given it (outputs.csv_cell neutralised formula prefixes)."""
    return plain_cell(value) if isinstance(value, str) else value


def _jsonl_row(line: str, where: str) -> Row:
    try:
        row = json.loads(line)
        if isinstance(row.get("framing"), dict) or isinstance(row.get("meta"), dict):
            row = Record.from_dict(row).to_row()
        return {k: _typed(k, v) for k, v in row.items()}
    except json.JSONDecodeError as err:
        raise ValueError(f"{where}: not JSON ({err.msg}, column {err.colno})") from err
    except KeyError as err:
        raise ValueError(f"{where}: a record of framing without its {err.args[0]!r} field") from err
    except (ValueError, TypeError, AttributeError) as err:
        raise ValueError(f"{where}: not a row or record of framing (a JSON object per line, "
                         "as scores.jsonl or `framing score --json` writes)") from err


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


def number(value: Any) -> float:
    """`as_number` of a value known to be a number (a row kept for having it)."""
    x = as_number(value)
    assert x is not None
    return x


def as_number(value: Any) -> float | None:
    """The value as a float; None when missing, not a number, a bool or NaN."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        x = float(value)
    except (TypeError, ValueError):
        return None
    return None if isnan(x) else x  # NaN is missing


def parse_date(value: object) -> date | None:
    """An ISO date (or the date part of an ISO datetime); None otherwise."""
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def label_chooser(rows: Iterable[Row]) -> str:
    """What chose the rows' labels (and sentence labels): "model" when a model labelled every
    row, "lexicon" when none did, "model or lexicon" for a mix. A row without a method (read
    back from an older file) counts as the lexicon's."""
    methods = {str(r.get("label_method") or "lexicon") for r in rows}
    if methods <= {"lexicon"}:
        return "lexicon"
    return "model" if methods == {"combined"} else "model or lexicon"


def score_source(rows: Iterable[Row]) -> tuple[str, str]:
    """What the rows' `promotional` / `critical` columns are (the vocabulary rule: the scores of
    what chose the label): ("model probability", ...) when a model labelled every row, ("lexicon
    score", ...) when none did, else a mixed set named as such. The second item says it in a
    sentence for a chart's note ("" when the rows are all of one kind)."""
    methods = [str(r.get("label_method") or "lexicon") for r in rows]
    model = sum(1 for m in methods if m == "combined")
    if model == len(methods):
        return "model probability", ""
    if model == 0:
        return "lexicon score", ""
    note = (f"mixed: model probabilities for {model:,} articles, lexicon scores for "
            f"{len(methods) - model:,}")
    return "model probability or lexicon score", note
