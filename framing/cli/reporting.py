"""`framing report` (a corpus into a report folder) and `framing chart` (one chart again)."""

from __future__ import annotations

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
from framing.cli.printing import list_failures, report_progress, warn_missing_group

GROUP_BY_METAVAR = "outlet|month|year|language|COLUMN"
GROUP_BY_HELP = ("Group articles in charts and the table: outlet (the site or outlet), month or "
                 "year (of the article's date), language, or any (metadata) column.")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out_dir", type=click.Path(file_okay=False), required=True,
              help="Report folder (created; files in it are replaced atomically).")
@click.option("--sources", multiple=True, metavar="PATH",
              help="Press releases to look for in the articles (file or folder; repeatable).")
@click.option("--among", is_flag=True,
              help="Also compare the articles with each other: who copies whom and how fast "
                   "(by each article's date), each outlet's originality, each article's added "
                   "value against the earlier articles it copied too (copies.csv, outlets.csv, "
                   "clusters.csv).")
@click.option("--group-by", default=None, metavar=GROUP_BY_METAVAR, help=GROUP_BY_HELP)
@click.option("--title", default=None, help="Report title (default: the folder's name).")
@click.option("--resume", is_flag=True,
              help="Reuse the scores of articles already in OUT with the same sha256.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--no-charts", is_flag=True, help="Skip the charts (faster on huge batches).")
@click.option("--lang", type=click.Choice(["fr", "en"]), default=None,
              help="Force the language instead of detecting it.")
@scorer_options
@read_options
@click.option("--format", "formats", multiple=True, type=click.Choice(["parquet"]),
              help="parquet: also scores.parquet/, the scores as partitioned Parquet.")
@engine_options
def report(paths, out_dir, sources, among, group_by, title, resume, quiet, no_charts, lang,
           lexicons, model_dir, no_model, reading, formats, jobs, engine, scheduler, workers):
    """Score a corpus into a report folder: index.html (table, charts, a page per article with
    its evidence and the reuse side by side), scores.csv/jsonl, passages.csv, errors.csv,
    manifest.json and charts/ (PNG + SVG)."""
    from pathlib import Path

    from framing import report as batch_report
    from framing.lexicon import lexicon_folder
    from framing.training import default_model_dir

    usable_engine(engine, scheduler, workers, jobs)
    options = {**reading, **excluding(out_dir)}
    read = read_sources(sources, options)
    scorer = load_scorer(lexicons, model_dir, no_model, lang, read)
    out = Path(out_dir)
    batch, written = batch_report.make(
        paths, out, scorer, read, read_options=options,
        lexicon_dir=lexicon_folder(lexicons),
        model_dir=None if scorer.model is None else (model_dir or default_model_dir()),
        title=title or out.name, group_by=group_by, charts=not no_charts,
        parquet="parquet" in formats, resume=resume, engine=engine, jobs=jobs,
        scheduler=scheduler, workers=workers, among=among,
        progress=report_progress(not quiet))
    warn_missing_group(batch.rows, group_by)
    scored = sum(1 for r in batch.rows if not r.get("error_code"))
    click.echo(f"{scored} articles scored ({batch.resumed} resumed), "
               f"{len(batch.errors)} inputs failed; {len(written)} files in {out}/; "
               f"open {out / 'index.html'}", err=True)
    list_failures([(e["path"] or e["id"], e["code"], e["message"]) for e in batch.errors],
                  len(batch.rows) + len(read.documents) + len(read.failed), "inputs")
    if batch.errors:
        sys.exit(1)


@main.command()
@click.argument("kind")
@click.option("--from", "source", type=click.Path(exists=True, dir_okay=False), required=True,
              help="A report's scores.jsonl or scores.csv.")
@click.option("--out", type=click.Path(dir_okay=False), required=True,
              help="Output file; its suffix (.png, .svg) is the format.")
@click.option("--group-by", default=None, metavar=GROUP_BY_METAVAR, help=GROUP_BY_HELP)
@click.option("--size", default=None, metavar="WxH", help="Figure size in inches, e.g. 8x5.")
@click.option("--title", default=None, help="Replace the chart's title.")
def chart(kind, source, out, group_by, size, title):
    """Redraw one chart of a report without rerunning the analysis. KIND: framing_map,
    categories, reuse, reuse_heatmap, sovereignty, sentence_strip, readability, timeline."""
    from pathlib import Path

    from framing.charts import KINDS, draw, load_rows

    if kind not in KINDS:
        raise click.UsageError(f"unknown chart {kind!r}; choose one of {', '.join(KINDS)}")
    out = Path(out)
    if out.suffix.lower() not in (".png", ".svg"):
        raise click.UsageError("--out must end in .png or .svg")
    figure_size = None
    if size:
        try:
            width, height = (float(x) for x in size.lower().split("x"))
        except ValueError as err:
            raise click.UsageError("--size is WxH in inches, e.g. 8x5") from err
        figure_size = (width, height)
    try:
        rows = load_rows(Path(source))
    except UnicodeDecodeError as err:
        raise click.ClickException(f"{source}: not UTF-8 text (byte {err.start})") from err
    except ValueError as err:
        raise click.ClickException(str(err)) from err
    warn_missing_group(rows, group_by)
    written = draw(kind, rows, out.with_suffix(""), group_by=group_by,
                   size=figure_size, formats=(out.suffix.lower()[1:],), title=title)
    if not written:
        click.echo(f"nothing to draw: the rows in {source} have no data for {kind}", err=True)
        sys.exit(1)
    for path in written:
        click.echo(f"wrote {path}", err=True)
