"""`framing reuse`: how much of each article comes from a press release, or from each other."""

from __future__ import annotations

import json
import sys

import click

from framing.cli.group import main
from framing.cli.options import (
    engine_options,
    read_options,
    read_sources,
    usable_engine,
)
from framing.cli.printing import report_failures, stderr_progress
from framing.engines import map_documents


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--sources", multiple=True, metavar="PATH",
              help="Press releases: a file or a folder (repeatable).")
@click.option("--among", is_flag=True,
              help="Compare the articles with each other and group them into reuse clusters "
                   "(on Dask: a shuffle of shingles, no worker holds the whole corpus).")
@click.option("--json", "as_json", is_flag=True, help="JSON Lines: one reuse record per article.")
@click.option("--copies", "copies_csv", type=click.Path(dir_okay=False), default=None,
              metavar="FILE",
              help="With --among: write every copy edge to FILE (CSV: from, to, outlets, words, "
                   "delay in hours, direction by the articles' dates, kind).")
@read_options
@engine_options
def reuse(paths, sources, among, as_json, copies_csv, reading, jobs, engine, scheduler,
          workers):
    """How much of each article comes from a press release: verbatim, near-verbatim and
    translated passages, with offsets into both texts."""
    if sources and among:
        raise click.UsageError(
            "--among and --sources are two different comparisons: --sources PATH compares each "
            "article with the press releases, --among compares the articles with each other. "
            "Give one of them (run framing reuse twice for both)")
    if not sources and not among:
        raise click.UsageError("compare the articles with what? Give --sources PATH (press "
                               "releases, a file or a folder) or --among (with each other)")
    if copies_csv and not among:
        raise click.UsageError("--copies lists the copies between articles: it needs --among")
    usable_engine(engine, scheduler, workers, jobs)
    engine_choice = {"engine": engine, "jobs": jobs, "scheduler": scheduler, "workers": workers}
    if among:
        failed_sources = []
        documents, found, texts = _among(paths, reading, engine_choice)
        churned = _churn(documents, found)
        for d, reuse in zip(documents, found, strict=True):
            _print_reuse(d, reuse, texts, as_json, churned.places.get(d.id))
        if not as_json:
            click.echo(churned.summary(), nl=False)
        if copies_csv:
            churned.write(copies_csv)
        failed, total = [d for d in documents if d.error is not None], len(documents)
    else:
        read = read_sources(sources, reading)
        failed_sources = read.failed
        failed, total = _against_sources(paths, reading, read, engine_choice, as_json)
    report_failures(failed, total)
    if failed or failed_sources:
        sys.exit(1)


def _against_sources(paths, options, read, engine_choice, as_json):
    """Print each article's reuse record as it comes (as `framing score` does: no record is
    kept, a corpus needs no more memory than one partition); returns (the documents that could
    not be read, or whose id came earlier, how many documents there were)."""
    from framing import pipeline

    scorer = pipeline.Scorer(None, sources=read.index)
    texts = read.texts()
    failed, total = [], 0
    with stderr_progress("comparing", engine_choice["engine"] == "dask") as (progress, length):
        for document, found in map_documents(pipeline.compare, paths, options, scorer,
                                             **engine_choice, progress=progress,
                                             progress_length=length):
            total += 1
            if document.error is not None:
                failed.append(document)
            _print_reuse(document, found, texts, as_json)
    return failed, total


def _among(paths, options, engine_choice):
    """(documents, their reuse records, texts) of the articles compared with each other: in
    this process, or as a shuffle on Dask (no worker holds every article)."""
    if engine_choice["engine"] == "dask":
        from framing.reuse.shuffle import among_on_dask

        with stderr_progress("comparing") as (progress, length):
            documents, found = among_on_dask(paths, options, scheduler=engine_choice["scheduler"],
                                             workers=engine_choice["workers"],
                                             progress=progress, progress_length=length)
    else:
        from framing.documents import read_documents
        from framing.reuse import among

        documents = list(read_documents(list(paths), **options))
        found = among([(d.id, d.text) for d in documents if d.error is None])
    found = [None if d.error is not None else found[d.id] for d in documents]
    return documents, found, {d.id: d.text for d in documents if d.error is None}


def _churn(documents, found):
    """Who copied whom among the articles read, by their dates (framing.churn)."""
    from framing.churn import Churned

    ok = {d.id: (d.meta, r) for d, r in zip(documents, found, strict=True) if r is not None}
    return Churned.of(ok)


def _print_reuse(document, found, texts, as_json, place=None) -> None:
    from framing.explain import reuse_summary
    from framing.pipeline import unscored

    d = document
    if d.error is not None:  # the error record `framing score` prints
        click.echo(json.dumps(unscored(d).to_dict(), ensure_ascii=False) if as_json
                   else f"{d.id}  ERROR {d.error.code}: {d.error.message}\n")
    elif as_json:
        line = {"id": d.id, "path": d.path, "reuse": found.to_dict()}
        if place is not None:
            line["churn"] = place
        click.echo(json.dumps(line, ensure_ascii=False))
    else:
        click.echo(reuse_summary(d.id, found, d.text, texts))
