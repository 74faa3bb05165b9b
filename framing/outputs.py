"""Result files, written atomically: a temporary file in the same folder, then a rename, so an
interrupted run never leaves a half-written scores.csv behind."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path


def write_atomic(path: Path | str, content: str) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes files private; results are not
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(content)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
    return path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def jsonl(records, sentences: bool = True) -> str:
    return "".join(json.dumps(r.to_dict(sentences), ensure_ascii=False) + "\n" for r in records)


def csv_text(rows: list[dict]) -> str:
    """CSV with the union of all keys as columns, in first-seen order (errors have fewer)."""
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def write_scores(records, out_dir: Path | str) -> list[Path]:
    out_dir = Path(out_dir)
    return [
        write_atomic(out_dir / "scores.jsonl", jsonl(records)),
        write_atomic(out_dir / "scores.csv", csv_text([r.to_row() for r in records])),
    ]
