"""`framing score`: score articles, print or write one record per input."""

from __future__ import annotations

import contextlib
import json
import os
import sys

import click

from framing.cli.group import main
from framing.cli.options import (
    engine_options,
    excluding,
    load_scorer,
    read_options,
    read_sources,
    scorer_options,
    usable_engine,
)
from framing.cli.printing import report_failures, stderr_progress
from framing.engines import map_documents


@main.command()
@click.argument("paths", nargs=-1, required=True)
@read_options
@click.option("--json", "as_json", is_flag=True, help="JSON Lines, one record per document.")
@click.option("--explain", is_flag=True, help="Print each article with its evidence marked.")
@click.option("--lang", type=click.Choice(["fr", "en"]), default=None,
              help="Force the language instead of detecting it.")
@scorer_options
@click.option("--no-sentences", is_flag=True, help="Leave per-sentence labels out of --json.")
@click.option("--sources", multiple=True, metavar="PATH",
              help="Press releases (file or folder; repeatable): fills each record's reuse.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default=None,
              help="Also write scores.jsonl and scores.csv into this folder.")
@click.option("--format", "formats", multiple=True, type=click.Choice(["csv", "jsonl", "parquet"]),
              help="With --out, the files to write (repeatable; default: csv and jsonl); "
                   "parquet: a scores.parquet/ folder of part files.")
@engine_options
def score(paths, reading, as_json, explain, lang, lexicons, model_dir, no_model, no_sentences,
          sources, out_dir, formats, jobs, engine, scheduler, workers):
    """Score articles: files, folders (recursive), globs, or - for stdin.

    Formats: .txt .md .html .csv .jsonl .parquet (one document per CSV/JSONL/Parquet row).
    """
    from framing import pipeline

    usable_engine(engine, scheduler, workers, jobs)
    if formats and not out_dir:
        raise click.UsageError("--format says which files --out DIR gets: give --out too")
    options = {**reading, **excluding(out_dir)}
    read = read_sources(sources, options)
    scorer = load_scorer(lexicons, model_dir, no_model, lang, read)
    color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    failed, total = [], 0
    # A local run prints each record as it comes, which a progress bar would interleave with.
    engine_choice = {"engine": engine, "jobs": jobs, "scheduler": scheduler, "workers": workers}
    if as_json and not out_dir:
        failed, total = _score_lines(paths, options, scorer, not no_sentences, engine_choice)
        report_failures(failed, total)
        if failed or read.failed:
            sys.exit(1)
        return
    with _score_files(out_dir, formats) as files, \
            stderr_progress("scoring", engine == "dask") as (progress, length):
        results = map_documents(pipeline.score, paths, options, scorer, engine=engine,
                                jobs=jobs, scheduler=scheduler, workers=workers,
                                progress=progress, progress_length=length)
        for document, record in results:
            total += 1
            if files:
                files.add(record)
            if record.error is not None:
                failed.append(record)
            _print_record(record, document, as_json, explain, no_sentences, color)
    for written in files.written if files else []:
        click.echo(f"wrote {written}", err=True)
    report_failures(failed, total)
    if failed or read.failed:
        sys.exit(1)


def _score_lines(paths, options, scorer, sentences, engine_choice):
    """`--json` alone: each record's line made where it is scored, printed as it comes;
    returns (the error records, how many documents there were)."""
    from framing import pipeline

    failed, total = [], 0
    with stderr_progress("scoring", engine_choice["engine"] == "dask") as (progress, length):
        for _, scored in map_documents(pipeline.score_line, paths, options,
                                       pipeline.LineScorer(scorer, sentences), **engine_choice,
                                       progress=progress, progress_length=length):
            total += 1
            if scored.failed is not None:
                failed.append(scored.failed)
            click.echo(scored.line)
    return failed, total


def _score_files(out_dir, formats):
    """--out's files, written as the records come (a context giving None without --out)."""
    if not out_dir:
        return contextlib.nullcontext()
    from framing.outputs import ScoreFiles
    from framing.report_folder import FolderLock

    return _locked(FolderLock(out_dir), ScoreFiles(out_dir, formats or ("jsonl", "csv")))


@contextlib.contextmanager
def _locked(lock, files):
    """`files` written while `lock` is held (one run at a time into --out)."""
    with lock, files:
        yield files


def _print_record(record, document, as_json, explain, no_sentences, color):
    from framing.explain import marked_text, summary

    if as_json:
        click.echo(json.dumps(record.to_dict(sentences=not no_sentences), ensure_ascii=False))
    elif explain:
        click.echo(marked_text(record, document.text, color), color=color)
    else:
        click.echo(summary(record))
