"""The two folders a class works with: the exercise folder (exercise.json, worksheet.html,
answers.html, responses.csv), written once and read back by `grade` so that a class is graded
without scoring the articles again, and the grade folder (grades.csv, sentences.csv, the
disagreement chart, summary.html)."""

from __future__ import annotations

import json
from pathlib import Path

from framing.classroom.grading import GRADE_COLUMNS, SENTENCE_COLUMNS, most_disagreed
from framing.classroom.pages import summary_html, worksheet_html
from framing.classroom.responses import responses_template
from framing.classroom.ui import LETTERS, UI, shorten


def write_exercise(exercise: dict, out_dir: Path | str) -> list[Path]:
    """exercise.json, worksheet.html, answers.html and responses.csv in `out_dir`."""
    from framing.outputs import write_atomic

    out = Path(out_dir)
    return [
        write_atomic(out / "exercise.json",
                     json.dumps(exercise, ensure_ascii=False, indent=1) + "\n"),
        write_atomic(out / "worksheet.html", worksheet_html(exercise)),
        write_atomic(out / "answers.html", worksheet_html(exercise, answers=True)),
        write_atomic(out / "responses.csv", responses_template(exercise)),
    ]


def load_exercise(out_dir: Path | str) -> dict:
    """The exercise.json of an exercise folder; ValueError when there is none."""
    path = Path(out_dir) / "exercise.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ValueError(f"{path}: not an exercise folder ({err}); make one with "
                         "`framing exercise ARTICLES... --out DIR`") from err


# What `grade_files` writes in a grade folder: replaced as one unit by each grading.
GRADE_ENTRIES = frozenset({"grades.csv", "sentences.csv", "disagreement.png", "disagreement.svg",
                           "summary.html"})


def grade_files(exercise: dict, result: dict, errors: list[str], out_dir: Path | str
                ) -> list[Path]:
    """grades.csv, sentences.csv, disagreement.png/.svg and summary.html in `out_dir` (the
    names of GRADE_ENTRIES)."""
    from framing.charts import draw_disagreement
    from framing.outputs import csv_text, write_atomic

    out = Path(out_dir)
    sentence_rows = []
    for s in result["sentences"]:
        row = {k: v for k, v in s.items() if k in SENTENCE_COLUMNS}
        row.update({f"votes_{k}": v for k, v in s["votes"].items()})
        sentence_rows.append(row)
    written = [write_atomic(out / "grades.csv", csv_text(result["students"], GRADE_COLUMNS)),
               write_atomic(out / "sentences.csv", csv_text(sentence_rows, SENTENCE_COLUMNS))]
    top = most_disagreed(result)
    t = UI[exercise["ui"]]
    chart = draw_disagreement(
        [(f"{s['number']}·{s['sentence']}  {shorten(s['text'], 38)}", s["votes"], s["tool"])
         for s in top], out / "disagreement", title=t["disagree_head"],
        names={LETTERS[k]: v for k, v in t["label"].items()}, words=t["chart"])
    written += chart
    written.append(write_atomic(out / "summary.html",
                                summary_html(exercise, result, errors, bool(chart))))
    return written
