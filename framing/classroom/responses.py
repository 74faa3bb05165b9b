"""The class's responses.csv, both ways: the blank template written with the exercise (one row
per student x sentence), and the filled-in file read back for grading, each unusable row turned
into a "file:line: reason" message rather than an exception."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from framing.outputs import csv_table, plain_cell

RESPONSE_COLUMNS = ("student", "article", "sentence", "label", "copied")
TEMPLATE_STUDENTS = 3  # blank rows in responses.csv: one block of sentences per student

# Accepted answers, folded to lower case: English and French words, and the worksheet's letters.
LABEL_ANSWERS = {
    "p": "P", "promotional": "P", "promotionnel": "P", "promotionnelle": "P", "promo": "P",
    "n": "N", "neutral": "N", "neutre": "N",
    "c": "C", "critical": "C", "critique": "C",
}
YES = {"yes", "y", "oui", "o", "x", "1", "true", "vrai"}
NO = {"no", "n", "non", "0", "false", "faux"}


def responses_template(exercise: dict, students: int = TEMPLATE_STUDENTS) -> str:
    """responses.csv: one row per student × sentence, label and copied left blank."""
    return csv_table(list(RESPONSE_COLUMNS), (
        [f"student{k}", article["id"], s["n"], "", ""]
        for k in range(1, students + 1) for article in exercise["articles"]
        for s in article["sentences"]))


def read_responses(path: Path | str, exercise: dict) -> tuple[list[dict], list[str]]:
    """(usable answers, errors as "file:line: reason"). A row is one student's answer for one
    sentence; rows with no student and no answer (the template's leftovers) and rows whose label
    and copied are both blank (not answered) are skipped silently. A file without the needed
    columns raises ValueError."""
    path = Path(path)
    by_key = {}
    for a in exercise["articles"]:
        by_key[a["id"]] = a
        by_key[str(a["number"])] = a
    reader, col = _open_responses(path)
    answers, errors, seen = [], [], {}
    for row in reader:
        line = reader.line_num
        cells = {name: plain_cell(row[i].strip()) if i < len(row) else ""
                 for name, i in col.items()}
        if not any(c.strip() for c in row) or not (cells.get("label") or cells.get("copied")):
            continue
        answer = _row_answer(cells, f"{path}:{line}", exercise, by_key)
        if isinstance(answer, str):
            errors.append(answer)
            continue
        key = (answer["student"], answer["article"], answer["sentence"])
        if key in seen:
            errors.append(f"{path}:{line}: {key[0]} already answered sentence {key[2]} of "
                          f"{key[1]} on line {seen[key]}")
            continue
        seen[key] = line
        answers.append({**answer, "line": line})
    return answers, errors


def _open_responses(path: Path) -> tuple[Any, dict[str, int]]:
    """(a reader past the header, the column index of each known column). The delimiter is
    the one the header line uses most (a spreadsheet in French saves with ";")."""
    raw = path.read_text(encoding="utf-8-sig")
    first = raw.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(raw), delimiter=delimiter)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise ValueError(f"{path}: empty file; expected the columns "
                         f"{', '.join(RESPONSE_COLUMNS)}") from None
    missing = [c for c in RESPONSE_COLUMNS if c != "copied" and c not in header]
    if missing:
        raise ValueError(f"{path}: missing column(s) {', '.join(missing)}; expected "
                         f"{', '.join(RESPONSE_COLUMNS)} (copied optional)")
    return reader, {c: header.index(c) for c in RESPONSE_COLUMNS if c in header}


def _row_answer(cells: dict[str, str], where: str, exercise: dict, by_key: dict) -> dict | str:
    """One answered row as {student, article, sentence, label, copied}, or why it cannot be
    graded. The checks run in the order a teacher would fix them: who, which sentence, what."""
    student, article_key, number = (cells.get("student", ""), cells.get("article", ""),
                                    cells.get("sentence", ""))
    label, copied = cells.get("label", ""), cells.get("copied", "")
    if not student:
        return f"{where}: no student name"
    article = by_key.get(article_key)
    if not article_key:
        return f"{where}: missing article"
    if article is None:
        known = ", ".join(a["id"] for a in exercise["articles"])
        return (f"{where}: unknown article {article_key!r} (this exercise has {known}, "
                "or their numbers 1, 2…)")
    if not number:
        return f"{where}: missing sentence number"
    try:
        n = int(number)
    except ValueError:
        return f"{where}: sentence {number!r} is not a number"
    if not 1 <= n <= len(article["sentences"]):
        return (f"{where}: sentence {n} does not exist: article {article['id']} has "
                f"sentences 1 to {len(article['sentences'])}")
    letter = LABEL_ANSWERS.get(label.lower()) if label else None
    if label and letter is None:
        return f"{where}: unknown label {label!r} (use P, N or C)"
    said_copied = None
    if copied:
        if copied.lower() in YES:
            said_copied = True
        elif copied.lower() in NO:
            said_copied = False
        else:
            return (f"{where}: unknown copied value {copied!r} (use yes/no, oui/non, "
                    "1/0, x or leave blank)")
    return {"student": student, "article": article["id"], "sentence": n, "label": letter,
            "copied": said_copied}
