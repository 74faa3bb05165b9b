"""The classroom commands: `explain` (one article in plain words) and `exercise make / grade`."""

from __future__ import annotations

import os
import sys

import click

from framing.cli.group import main
from framing.cli.options import (
    excluding,
    load_scorer,
    read_options,
    read_sources,
    scorer_options,
)
from framing.cli.printing import report_failures
from framing.engines import map_documents
from framing.explain import counted


def _score_for_class(paths, sources, reading, lexicons, model_dir, no_model):
    """((record, text) of each readable article, failed records, unreadable sources, source
    texts or None), reuse filled when there are sources."""
    from framing import pipeline

    read = read_sources(sources, reading)
    scorer = load_scorer(lexicons, model_dir, no_model, sources=read)
    scored, failed = [], []
    for document, record in map_documents(pipeline.score, paths, reading, scorer):
        if record.error is not None:
            failed.append(record)
        else:
            scored.append((record, document.text))
    return scored, failed, read.failed, read.texts() if read.index is not None else None


@main.command("explain")
@click.argument("file")
@click.option("--sources", multiple=True, metavar="PATH",
              help="The press release(s) (file or folder; repeatable): how much was reused.")
@click.option("--ui", type=click.Choice(["fr", "en"]), default=None,
              help="Language of the explanation (default: the article's).")
@click.option("--html", "html_out", type=click.Path(dir_okay=False), default=None,
              help="Also write a printable HTML page.")
@read_options
@scorer_options
def explain_command(file, sources, ui, html_out, reading, lexicons, model_dir, no_model):
    """Explain one article to a student, in plain words: its label and why, the strongest
    evidence for and against, who is quoted, how much comes from the press release, and whether
    sovereignty is raised as a question or a promise. FILE may hold several documents (CSV,
    JSONL): each is explained."""
    from framing.classroom import explain_html, explain_text, explanation, ui_language
    from framing.classroom.ui import release_names
    from framing.outputs import write_atomic

    scored, failed, bad_sources, source_texts = _score_for_class([file], sources, reading,
                                                                 lexicons, model_dir, no_model)
    color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    pages = []
    for record, text in scored:
        facts = explanation(record, text)
        language = ui_language(record.language, ui)
        facts["source_names"] = release_names(list(source_texts or {}), language)
        click.echo(explain_text(facts, language, color), color=color)
        pages.append((facts, language))
    if html_out and pages:
        click.echo(f"wrote {write_atomic(html_out, explain_html(pages))}", err=True)
    report_failures(failed, len(scored) + len(failed), "inputs")
    if failed or bad_sources:
        sys.exit(1)


class _ExerciseGroup(click.Group):
    """`framing exercise ARTICLES... --out DIR` is `framing exercise make ARTICLES... --out DIR`:
    a first argument that is not a subcommand (nor --help) is taken as the start of `make`'s."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["make", *args]
        return super().parse_args(ctx, args)


@main.group(cls=_ExerciseGroup)
def exercise():
    """Classroom exercise: `framing exercise ARTICLES... --out DIR` (same as `exercise make`)
    writes a worksheet, its answers and a responses.csv template; `framing exercise grade DIR
    responses.csv` grades the class. An article file named `make` or `grade` needs the explicit
    `framing exercise make ...`."""


@exercise.command("make")
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out_dir", type=click.Path(file_okay=False), required=True,
              help="Folder for worksheet.html, answers.html, responses.csv, exercise.json.")
@click.option("--sources", multiple=True, metavar="PATH",
              help="The press release(s) the students look for (file or folder; repeatable).")
@click.option("--ui", type=click.Choice(["fr", "en"]), default=None,
              help="Language of the sheets (default: the articles' main language).")
@read_options
@scorer_options
def exercise_make(paths, out_dir, sources, ui, reading, lexicons, model_dir, no_model):
    """Write worksheet.html (numbered sentences, boxes P/N/C and "copied from the release?",
    questions; no scores), answers.html (the same filled in by framing, with evidence and reuse
    alignment), responses.csv (one row per student x sentence) and exercise.json."""
    from framing.report_folder import FolderLock

    with FolderLock(out_dir):  # one run at a time into --out, from the scoring on
        _make_exercise(paths, out_dir, sources, ui, reading, lexicons, model_dir, no_model)


def _make_exercise(paths, out_dir, sources, ui, reading, lexicons, model_dir, no_model):
    from framing.classroom import build_exercise, write_exercise

    scored, failed, bad_sources, source_texts = _score_for_class(
        paths, sources, {**reading, **excluding(out_dir)}, lexicons, model_dir, no_model)
    if not scored:
        report_failures(failed, len(failed), "inputs")
        raise click.UsageError("no readable article among " + " ".join(paths))
    built = build_exercise(scored, source_texts, ui)
    for path in write_exercise(built, out_dir):
        click.echo(f"wrote {path}", err=True)
    report_failures(failed, len(scored) + len(failed), "inputs")
    if failed or bad_sources:
        sys.exit(1)


@exercise.command("grade")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@click.argument("responses", type=click.Path(exists=True, dir_okay=False))
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default=None,
              help="Where to write the debrief (default: DIRECTORY/grade).")
def exercise_grade(directory, responses, out_dir):
    """Grade a class: agreement of each student with framing and with the class majority
    (accuracy, Cohen's kappa), per-sentence majority, Fleiss' kappa across students, a chart of
    the sentences of most disagreement and a printable summary.html. Rows that cannot be graded
    are listed as file:line: reason (exit status 1); the rest is graded."""
    from pathlib import Path

    from framing.classroom import grade, grade_files, grade_text, load_exercise, read_responses
    from framing.classroom.folders import GRADE_ENTRIES
    from framing.report_folder import ReportFolder

    try:
        built = load_exercise(directory)
        answers, errors = read_responses(responses, built)
    except ValueError as err:
        raise click.UsageError(str(err)) from err
    result = grade(built, answers)
    out = Path(out_dir) if out_dir else Path(directory) / "grade"
    click.echo(grade_text(result, built["ui"]))
    # One run at a time into the grade folder, written as one unit: a staging folder beside
    # it, swapped in whole (an interrupted or failed grading leaves the last one as it was).
    with ReportFolder(out, GRADE_ENTRIES) as folder:
        staging = folder.staging()
        written = grade_files(built, result, errors, staging)
        folder.commit(staging)
    for path in written:
        click.echo(f"wrote {out / path.relative_to(staging)}", err=True)
    if errors:
        click.echo(f"{counted(len(errors), 'row')} not graded:", err=True)
        for error in errors:
            click.echo(f"  {error}", err=True)
        sys.exit(1)
