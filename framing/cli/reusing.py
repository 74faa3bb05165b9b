"""`framing reuse`: how much of each article comes from a press release, or from each other."""

from __future__ import annotations

import json
import sys

import click

from framing.cli.group import main
from framing.cli.options import (
    engine_options,
    read_options,
    source_index,
    usable_engine,
)
from framing.cli.printing import report_failures, stderr_progress
from framing.engines import map_documents


# Over 50 lines: this command still computes (engine branches, sources, resume); it shrinks
# when one executor and one scoring path serve every command (issue 13).
@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--sources", multiple=True, metavar="PATH",
              help="Press releases: a file or a folder (repeatable).")
@click.option("--among", is_flag=True,
              help="Compare the articles with each other and group them into reuse clusters "
                   "(on Dask: a shuffle of shingles, no worker holds the whole corpus).")
@click.option("--json", "as_json", is_flag=True, help="JSON Lines: one reuse record per article.")
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes comparing articles with the sources.")
@read_options
@engine_options
def reuse(paths, sources, among, as_json, jobs, text_column, id_column, max_bytes, encoding,
          engine, scheduler, workers):
    """How much of each article comes from a press release: verbatim, near-verbatim and
    translated passages, with offsets into both texts."""
    from framing.documents import read_documents
    from framing.explain import reuse_summary
    from framing.reuse import among as compare_among
    from framing.reuse import compare_all, compare_with

    if bool(sources) == among:
        raise click.UsageError("give --sources PATH, or --among to compare the articles")
    usable_engine(engine, scheduler, workers)
    options = {"text_column": text_column, "id_column": id_column, "max_bytes": max_bytes,
               "encoding": encoding}
    if among and engine == "dask":
        from framing.reuse.shuffle import among_on_dask

        bad_sources = []
        with stderr_progress(engine, "comparing") as (progress, length):
            documents, found = among_on_dask(paths, options, scheduler=scheduler,
                                             workers=workers, progress=progress,
                                             progress_length=length)
        texts = {d.id: d.text for d in documents if d.error is None}
    elif engine == "dask":
        index, bad_sources = source_index(sources, options)
        texts = {s.id: s.text for s in index.sources}
        documents, found = [], {}
        with stderr_progress(engine, "comparing") as (progress, length):
            for d, record in map_documents(compare_with, paths, options, index, engine=engine,
                                           scheduler=scheduler, workers=workers,
                                           progress=progress, progress_length=length):
                documents.append(d)
                found[d.id] = record
    else:
        documents = list(read_documents(list(paths), **options))
        readable = [d for d in documents if d.error is None]
        if among:
            bad_sources = []
            texts = {d.id: d.text for d in readable}
            found = compare_among([(d.id, d.text) for d in readable])
        else:
            index, bad_sources = source_index(sources, options)
            texts = {s.id: s.text for s in index.sources}
            pairs = [(d.id, d.text) for d in readable]
            found = dict(zip([d.id for d in readable], compare_all(index, pairs, jobs)))
    for d in documents:
        if d.error is not None:
            record = {"id": d.id, "path": d.path, "error": {"code": d.error.code,
                                                            "message": d.error.message}}
            click.echo(json.dumps(record, ensure_ascii=False) if as_json
                       else f"{d.id}  ERROR {d.error.code}: {d.error.message}\n")
        elif as_json:
            click.echo(json.dumps({"id": d.id, "path": d.path, "reuse": found[d.id]},
                                  ensure_ascii=False))
        else:
            click.echo(reuse_summary(d.id, found[d.id], d.text, texts))
    failed = [d for d in documents if d.error is not None]
    report_failures(failed, len(documents))
    if failed or bad_sources:
        sys.exit(1)
