"""The classroom side: a plain-language explanation of one article for a student
(`framing explain`), and an exercise (`framing exercise`): a printable worksheet, the answers
filled in by framing, a responses.csv template, and the grading of the class's responses.

Plain functions return plain data (dicts and lists, ready for JSON); the renderers turn that data
into terminal text or HTML. Every piece of article text goes through `framing.html.escape`.

- `ui`: the French and English interface strings in one table, `UI`, and number formatting.
- `explanation`: what `framing explain` says about an article: facts, then words.
- `exercise`: an article sentence by sentence, as exercise.json holds it.
- `responses`: the responses.csv template, and the class's file read back.
- `grading`: agreement with framing and among students, and its statistics.
- `pages`: the printable HTML pages (explanation, worksheet, answers, debrief).
- `terminal`: what the commands print.
- `folders`: the exercise folder and the grade folder, written and read.

The exercise folder holds exercise.json (the sentences and framing's own answers), which
`grade` reads back, so a class can be graded without scoring the articles again.
"""

from framing.classroom.exercise import COPIED_OVERLAP, build_exercise, exercise_article
from framing.classroom.explanation import (
    EVIDENCE_SHOWN,
    EXCERPT_CHARS,
    WRITER_CONTEXTS,
    explanation,
    explanation_parts,
    stance_sentence,
)
from framing.classroom.folders import grade_files, load_exercise, write_exercise
from framing.classroom.grading import (
    CHART_SENTENCES,
    GRADE_COLUMNS,
    SENTENCE_COLUMNS,
    grade,
    most_disagreed,
)
from framing.classroom.pages import PRINT_STYLE, explain_html, summary_html, worksheet_html
from framing.classroom.responses import (
    LABEL_ANSWERS,
    NO,
    RESPONSE_COLUMNS,
    TEMPLATE_STUDENTS,
    YES,
    read_responses,
    responses_template,
)
from framing.classroom.terminal import explain_text, grade_text
from framing.classroom.ui import LABELS, LETTERS, UI, ui_language

__all__ = [
    "CHART_SENTENCES", "COPIED_OVERLAP", "EVIDENCE_SHOWN", "EXCERPT_CHARS",
    "GRADE_COLUMNS", "LABELS", "LABEL_ANSWERS", "LETTERS", "NO", "PRINT_STYLE",
    "RESPONSE_COLUMNS", "SENTENCE_COLUMNS", "TEMPLATE_STUDENTS", "UI", "WRITER_CONTEXTS", "YES",
    "build_exercise", "exercise_article", "explain_html", "explain_text", "explanation",
    "explanation_parts", "grade", "grade_files", "grade_text", "load_exercise", "most_disagreed",
    "read_responses", "responses_template", "stance_sentence", "summary_html", "ui_language",
    "worksheet_html", "write_exercise",
]
