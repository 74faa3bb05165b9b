"""The writer's side of the fault suite (issue 14): what framing writes stays safe and whole when
the input is hostile, the run is interrupted, the disk is full or two runs share one folder.
Each test plants the real fault: a real signal to a real process, a write that really fails,
two real processes."""

from __future__ import annotations

import csv
import json

from click.testing import CliRunner

from framing.cli import main

from .conftest import seed_path

RELEASE = seed_path("004")


def run(*args):
    return CliRunner().invoke(main, list(map(str, args)), catch_exceptions=False)


# --- CSV cells -------------------------------------------------------------------------------


def test_a_carriage_return_inside_a_cell_does_not_end_the_row(tmp_path):
    """A title or outlet holding a bare CR: every CSV reader (Python, pandas, spreadsheets)
    reads scores.csv back with one row per article and the CR inside its cell."""
    from framing.charts import load_rows

    text = seed_path("001").read_text("utf-8")
    rows = [{"id": "a", "title": "one\rtwo", "outlet": "x\r", "text": text},
            {"id": "b", "title": "three\r\nfour", "text": text}]
    corpus = tmp_path / "cr.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "report"
    assert run("report", corpus, "--out", out, "--no-charts", "--quiet").exit_code == 0
    with (out / "scores.csv").open(encoding="utf-8", newline="") as f:
        read = list(csv.DictReader(f))
    assert [(r["id"], r["title"]) for r in read] == [("a", "one\rtwo"), ("b", "three\r\nfour")]
    assert [r["meta_outlet"] for r in load_rows(out / "scores.csv")] == ["x\r", None]
