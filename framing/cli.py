"""The `framing` command: parse options, call the package, print. No analysis lives here.

Exit status: 0 all documents scored, 1 some failed (all others still scored), 2 usage error.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys

import click

from framing import __version__
from framing.engines import ENGINES, EngineError, check_engine, map_documents

READ_OPTIONS = [
    click.option("--text-column", default="text", show_default=True,
                 help="CSV/JSONL/Parquet column (field) holding the article text."),
    click.option("--id-column", default="id", show_default=True,
                 help="CSV/JSONL/Parquet column (field) holding the document id."),
    click.option("--max-bytes", type=click.IntRange(min=1), default=10_000_000, show_default=True,
                 help="Larger files are reported as too_large, not read (CSV/JSONL/Parquet: "
                      "larger rows; a CSV/JSONL file itself may be 100 times larger)."),
    click.option("--encoding", default=None,
                 help="Force an input encoding (default: UTF-8, else cp1252 French, detected)."),
]


def read_options(f):
    for option in reversed(READ_OPTIONS):
        f = option(f)
    return f


ENGINE_OPTIONS = [
    click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
                 help="local: this process (or --jobs processes); dask: a Dask cluster."),
    click.option("--scheduler", default=None, metavar="ADDRESS",
                 help="With --engine dask: an existing cluster's scheduler (tcp://HOST:8786); "
                      "default: a LocalCluster on this machine."),
    click.option("--workers", type=click.IntRange(min=1), default=None,
                 help="With --engine dask and no --scheduler: LocalCluster workers "
                      "(default: one per core)."),
]


def engine_options(f):
    for option in reversed(ENGINE_OPTIONS):
        f = option(f)
    return f


def usable_engine(engine: str, scheduler: str | None, workers: int | None) -> None:
    """`engines.check_engine`, its refusal a usage error (exit status 2)."""
    try:
        check_engine(engine, scheduler, workers)
    except EngineError as err:
        raise click.UsageError(str(err), ctx=click.get_current_context()) from err


# The scorer's own inputs, shared by every command that scores.
SCORER_OPTIONS = [
    click.option("--lexicons", type=click.Path(exists=True, file_okay=False), default=None,
                 envvar="FRAMING_LEXICONS", help="Lexicon folder (default: the project's lexicons/)."),
    click.option("--model", "model_dir", type=click.Path(exists=True, file_okay=False),
                 default=None,
                 help="Trained classifier folder (default: $FRAMING_MODEL, or the model that ships "
                      "with framing)."),
    click.option("--no-model", is_flag=True, help="Lexicon scores only, even if a model exists."),
]


def scorer_options(f):
    for option in reversed(SCORER_OPTIONS):
        f = option(f)
    return f


def load_scorer(lexicons, model_dir, no_model):
    """(lexicon, model or None); a broken lexicon is a usage error (exit 2)."""
    from framing import load_lexicon, load_model
    from framing.lexicon import LexiconError

    try:
        lexicon = load_lexicon(lexicons)
    except LexiconError as err:
        raise click.UsageError(str(err)) from err
    if no_model:
        return lexicon, None
    try:
        model = load_model(model_dir, lexicon)
    except FileNotFoundError as err:
        raise click.UsageError(str(err)) from err
    if model is None:
        click.echo("framing: no trained model found (none ships with this install and "
                   "$FRAMING_MODEL is not set): labels come from the lexicons alone "
                   "(method: lexicon)", err=True)
    return lexicon, model


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="framing")
def main():
    """How promotional or critical is a news article, does it raise digital sovereignty and
    foreign-law questions, and on what evidence. French and English."""
    from framing.engines import batch_gc

    batch_gc()


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
def score(paths, text_column, id_column, max_bytes, encoding, as_json, explain, lang, lexicons,
          model_dir, no_model, no_sentences, sources, out_dir, formats, engine, scheduler,
          workers):
    """Score articles: files, folders (recursive), globs, or - for stdin.

    Formats: .txt .md .html .csv .jsonl .parquet (one document per CSV/JSONL/Parquet row).
    """
    from framing.score import score_with

    usable_engine(engine, scheduler, workers)
    if formats and not out_dir:
        raise click.UsageError("--format says which files --out DIR gets: give --out too")
    lexicon, model = load_scorer(lexicons, model_dir, no_model)
    options = {"text_column": text_column, "id_column": id_column, "max_bytes": max_bytes,
               "encoding": encoding}
    index, bad_sources = _source_index(sources, options)
    color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    failed, total = [], 0
    with _score_files(out_dir, formats) as files, \
            _progress(engine, "scoring") as (progress, length):
        results = map_documents(score_with, paths, options, (lexicon, lang, model, index),
                                engine=engine, scheduler=scheduler, workers=workers,
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
    _report_failures(failed, total)
    if failed or bad_sources:
        sys.exit(1)


def _score_files(out_dir, formats):
    """--out's files, written as the records come (a context giving None without --out)."""
    if not out_dir:
        return contextlib.nullcontext()
    from framing.outputs import ScoreFiles

    return ScoreFiles(out_dir, formats or ("jsonl", "csv"))


def _print_record(record, document, as_json, explain, no_sentences, color):
    from framing.explain import marked_text, summary

    if as_json:
        click.echo(json.dumps(record.to_dict(sentences=not no_sentences), ensure_ascii=False))
    elif explain:
        click.echo(marked_text(record, document.text, color), color=color)
    else:
        click.echo(summary(record))


class _progress:
    """(progress(n), set_length(total)) for a progress bar on stderr, for Dask runs on a
    terminal; (None, None) otherwise (local runs print as they go)."""

    def __init__(self, engine: str, label: str, quiet: bool = False):
        self.show = engine == "dask" and not quiet and sys.stderr.isatty()
        self.label, self.bar = label, None

    def __enter__(self):
        if not self.show:
            return None, None
        return self._update, self._start

    def _start(self, total: int) -> None:
        self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr)
        self.bar.__enter__()

    def _update(self, n: int) -> None:
        self.bar.update(n)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.__exit__(*exc)
        return False


def _report_failures(failed, total: int, what: str = "documents") -> None:
    """List on stderr the inputs that failed: records or documents with `error` set."""
    _list_failures([(r.path or r.id, r.error.code, r.error.message) for r in failed], total, what)


def _list_failures(failures: list[tuple[str, str, str]], total: int, what: str) -> None:
    if failures:
        click.echo(f"{len(failures)} of {total} {what} failed:", err=True)
        for place, code, message in failures:
            click.echo(f"  {place}: {code}: {message}", err=True)


def _source_index(paths, read_options):
    """(SourceIndex or None, sources that could not be read); unreadable ones are reported and
    skipped."""
    if not paths:
        return None, []
    from framing.reuse import load_sources

    index, bad = load_sources(paths, **read_options)
    if bad:
        click.echo(f"skipped {len(bad)} unreadable source(s):", err=True)
        for d in bad:
            click.echo(f"  {d.path or d.id}: {d.error.code}: {d.error.message}", err=True)
    if not index.sources:
        raise click.UsageError("no readable source among --sources " + " ".join(paths))
    return index, bad


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
        from framing.among import among_on_dask

        bad_sources = []
        with _progress(engine, "comparing") as (progress, length):
            documents, found = among_on_dask(paths, options, scheduler=scheduler,
                                             workers=workers, progress=progress,
                                             progress_length=length)
        texts = {d.id: d.text for d in documents if d.error is None}
    elif engine == "dask":
        index, bad_sources = _source_index(sources, options)
        texts = {s.id: s.text for s in index.sources}
        documents, found = [], {}
        with _progress(engine, "comparing") as (progress, length):
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
            index, bad_sources = _source_index(sources, options)
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
    _report_failures(failed, len(documents))
    if failed or bad_sources:
        sys.exit(1)


@main.command()
@click.argument("coded", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--label-column", default="label", show_default=True)
@click.option("--stance-column", default="sovereignty", show_default=True,
              help="Optional column with the coded sovereignty stance.")
@scorer_options
def evaluate(coded, as_json, label_column, stance_column, lexicons, model_dir, no_model):
    """Agreement of framing with a hand-coded sample (CSV: id, text or file, label[, sovereignty]).

    Prints accuracy, macro-F1, per-class precision/recall, the confusion matrix, Cohen's kappa and
    Krippendorff's alpha, with bootstrap 95% intervals. Unusable rows are listed, not dropped.
    """
    from framing.evaluation import evaluate_coded, report

    lexicon, model = load_scorer(lexicons, model_dir, no_model)
    try:
        result = evaluate_coded(coded, lexicon, label_column, stance_column, model)
    except ValueError as err:
        raise click.UsageError(str(err)) from err
    click.echo(json.dumps(result, ensure_ascii=False, indent=1) if as_json else report(result))
    if result["rows_skipped"]:
        sys.exit(1)


@main.command()
@click.argument("coded", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--corpus", type=click.Path(exists=True, file_okay=False), default=None,
              help="Folder of sentence-labelled *.jsonl articles (default: framing/data/corpus/).")
@click.option("--out", type=click.Path(file_okay=False), default=None,
              help="Where to write the model (default: models/default/ in the current folder; "
                   "required with CODED).")
@click.option("--no-real", is_flag=True,
              help="Leave out the real articles (framing/data/real/train.jsonl): train on "
                   "--corpus alone.")
@click.option("--json", "as_json", is_flag=True, help="Print the CODED figures as JSON.")
@click.option("--label-column", default="label", show_default=True)
@click.option("--stance-column", default="sovereignty", show_default=True,
              help="Optional column with the coded sovereignty stance.")
def train(coded, corpus, out, no_real, as_json, label_column, stance_column):
    """Train the framing classifier on the labelled corpus, or on CODED, a researcher's
    hand-coded CSV (the same columns as `framing evaluate`: id, text or file, label).

    With CODED, the article model learns the sample's labels, the sentence model stays the
    corpus's, and the sample is cross-validated by article (lexicon only, classifier only,
    combined). Rows it cannot use are listed with file:line (exit status 1); too few usable
    rows to train is a usage error (exit status 2) and writes nothing.
    """
    from framing.corpus import CORPUS_DIR, real_texts_dir
    from framing.training import REAL_TRAIN, TRAIN_OUT, train_coded, train_report
    from framing.training import train as train_model

    if coded is not None:
        if out is None:
            raise click.UsageError("framing train CODED needs --out DIR (where to write the model)")
        try:
            result = train_coded(coded, out, corpus_dir=corpus or CORPUS_DIR,
                                 label_column=label_column, stance_column=stance_column)
        except ValueError as err:
            raise click.UsageError(str(err)) from err
        click.echo(json.dumps(result, ensure_ascii=False, indent=1) if as_json
                   else train_report(result))
        click.echo(f"trained on {result['rows_used']} coded articles -> {out}", err=True)
        if result["rows_skipped"]:
            sys.exit(1)
        return
    out = out or TRAIN_OUT
    try:
        info = train_model(corpus or CORPUS_DIR, out, real=None if no_real else REAL_TRAIN)
    except ValueError as err:
        raise click.UsageError(str(err)) from err
    click.echo(f"trained on {info['articles']} articles ({info['real_articles']} real), "
               f"{info['sentences']} sentences -> {out}")
    if info["real_articles_without_text"]:
        click.echo(f"{info['real_articles_without_text']} real articles were left out: their "
                   f"texts are not in {real_texts_dir()} (README.md, 'Real articles', says how "
                   f"to rebuild them)", err=True)
    click.echo(f"score with it: framing score --model {out} ... (or FRAMING_MODEL={out})",
               err=True)


@main.group()
def lexicon():
    """Lexicon files: check them."""


@lexicon.command("check")
@click.argument("directory", required=False, type=click.Path(exists=True, file_okay=False))
def lexicon_check(directory):
    """Report bad lines, bad patterns, duplicates and conflicts with file:line.

    Exit status 1 when there is an error (warnings alone exit 0)."""
    from framing.lexicon import check, lexicon_folder, read_entries

    directory = lexicon_folder(directory)
    problems = check(directory)
    for problem in problems:
        click.echo(str(problem))
    entries, _ = read_entries(directory)
    errors = sum(1 for p in problems if p.level == "error")
    click.echo(f"{len(entries)} entries, {errors} errors, {len(problems) - errors} warnings",
               err=True)
    sys.exit(1 if errors else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out_dir", type=click.Path(file_okay=False), required=True,
              help="Report folder (created; files in it are replaced atomically).")
@click.option("--sources", multiple=True, metavar="PATH",
              help="Press releases to look for in the articles (file or folder; repeatable).")
@click.option("--group-by", default=None, metavar="outlet|language|COLUMN",
              help="Group articles in charts and the table by this (metadata) column.")
@click.option("--title", default=None, help="Report title (default: the folder's name).")
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes scoring articles.")
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
def report(paths, out_dir, sources, group_by, title, jobs, resume, quiet, no_charts, lang,
           lexicons, model_dir, no_model, text_column, id_column, max_bytes, encoding, formats,
           engine, scheduler, workers):
    """Score a corpus into a report folder: index.html (table, charts, a page per article with
    its evidence and the reuse side by side), scores.csv/jsonl, passages.csv, errors.csv,
    manifest.json and charts/ (PNG + SVG)."""
    from pathlib import Path

    from framing import report as batch_report
    from framing.documents import read_documents
    from framing.lexicon import lexicon_folder
    from framing.reuse import SourceIndex
    from framing.training import default_model_dir

    usable_engine(engine, scheduler, workers)
    lexicon, model = load_scorer(lexicons, model_dir, no_model)
    model_path = None if model is None else (model_dir or default_model_dir())
    options = {"text_column": text_column, "id_column": id_column, "max_bytes": max_bytes,
               "encoding": encoding}
    out = Path(out_dir)
    source_docs, source_entries, source_errors = batch_report.source_entries(sources, options)
    for e in source_errors:
        click.echo(f"skipped source {e['path'] or e['id']}: {e['code']}: {e['message']}",
                   err=True)
    if sources and not source_docs:
        raise click.UsageError("no readable source among --sources " + " ".join(sources))
    index = SourceIndex([(d.id, d.text) for d in source_docs]) if source_docs else None
    lexicon_dir = lexicon_folder(lexicons)
    fingerprint = batch_report.fingerprint(lexicon_dir, model_path, source_entries)
    previous = batch_report.load_previous(out, fingerprint) if resume else {}
    if engine == "dask":
        documents, results = [], []
        shared = (lexicon, lang, model, index, set(previous))
        with _progress(engine, "scoring", quiet) as (progress, length):
            for d, result in map_documents(batch_report.score_with, paths, options, shared,
                                           engine=engine, scheduler=scheduler, workers=workers,
                                           progress=progress, progress_length=length):
                documents.append(d)
                results.append(result)
        batch = batch_report.run(documents, lexicon, model, index, lang, previous=previous,
                                 results=results)
    elif not quiet and sys.stderr.isatty():
        documents = list(read_documents(list(paths), **options))
        with click.progressbar(length=len(documents), label="scoring", file=sys.stderr) as bar:
            batch = batch_report.run(documents, lexicon, model, index, lang, jobs, previous,
                                     bar.update)
    else:
        documents = list(read_documents(list(paths), **options))
        batch = batch_report.run(documents, lexicon, model, index, lang, jobs, previous)
    batch.errors += source_errors
    manifest = batch_report.manifest(documents, source_entries, lexicon_dir=lexicon_dir,
                                     model_dir=model_path, group_by=group_by,
                                     title=title or out.name,
                                     command=batch_report.default_command())
    texts = {d.id: d.text for d in documents if d.error is None}
    written = batch_report.write(out, batch, texts, {d.id: d.text for d in source_docs},
                                 title or out.name, group_by, manifest, charts=not no_charts)
    if "parquet" in formats:
        from framing.outputs import write_parquet

        written.append(write_parquet(batch.rows, out / "scores.parquet"))
    scored = sum(1 for r in batch.rows if not r.get("error_code"))
    click.echo(f"{scored} articles scored ({batch.resumed} resumed), "
               f"{len(batch.errors)} inputs failed; {len(written)} files in {out}/; "
               f"open {out / 'index.html'}", err=True)
    _list_failures([(e["path"] or e["id"], e["code"], e["message"]) for e in batch.errors],
                   len(documents) + len(source_docs) + len(source_errors), "inputs")
    if batch.errors:
        sys.exit(1)


@main.command()
@click.argument("kind")
@click.option("--from", "source", type=click.Path(exists=True, dir_okay=False), required=True,
              help="A report's scores.jsonl or scores.csv.")
@click.option("--out", type=click.Path(dir_okay=False), required=True,
              help="Output file; its suffix (.png, .svg) is the format.")
@click.option("--group-by", default=None, metavar="outlet|language|COLUMN")
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
    written = draw(kind, load_rows(Path(source)), out.with_suffix(""), group_by=group_by,
                   size=figure_size, formats=(out.suffix.lower()[1:],), title=title)
    if not written:
        click.echo(f"nothing to draw: the rows in {source} have no data for {kind}", err=True)
        sys.exit(1)
    for path in written:
        click.echo(f"wrote {path}", err=True)


# --- classroom: framing explain, framing exercise ------------------------------------------------


def _score_for_class(paths, sources, lexicons, model_dir, no_model):
    """((record, text) of each readable article, failed records, unreadable sources, source
    texts or None), reuse filled when there are sources."""
    from framing.documents import read_documents
    from framing.score import score_document

    lexicon, model = load_scorer(lexicons, model_dir, no_model)
    index, bad_sources = _source_index(sources, {})
    scored, failed = [], []
    for document in read_documents(list(paths)):
        record = score_document(document, lexicon, None, model)
        if record.error is not None:
            failed.append(record)
            continue
        if index is not None:
            record.reuse = index.compare(document.text, document.id)
        scored.append((record, document.text))
    source_texts = {s.id: s.text for s in index.sources} if index is not None else None
    return scored, failed, bad_sources, source_texts


@main.command("explain")
@click.argument("file")
@click.option("--sources", multiple=True, metavar="PATH",
              help="The press release(s) (file or folder; repeatable): how much was reused.")
@click.option("--ui", type=click.Choice(["fr", "en"]), default=None,
              help="Language of the explanation (default: the article's).")
@click.option("--html", "html_out", type=click.Path(dir_okay=False), default=None,
              help="Also write a printable HTML page.")
@scorer_options
def explain_command(file, sources, ui, html_out, lexicons, model_dir, no_model):
    """Explain one article to a student, in plain words: its label and why, the strongest
    evidence for and against, who is quoted, how much comes from the press release, and whether
    sovereignty is raised as a question or a promise. FILE may hold several documents (CSV,
    JSONL): each is explained."""
    from framing.classroom import explain_html, explain_text, explanation, ui_language
    from framing.outputs import write_atomic

    scored, failed, bad_sources, _ = _score_for_class([file], sources, lexicons, model_dir,
                                                      no_model)
    color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    pages = []
    for record, text in scored:
        facts = explanation(record, text)
        language = ui_language(record.language, ui)
        click.echo(explain_text(facts, language, color), color=color)
        pages.append((facts, language))
    if html_out and pages:
        click.echo(f"wrote {write_atomic(html_out, explain_html(pages))}", err=True)
    _report_failures(failed, len(scored) + len(failed))
    if failed or bad_sources:
        sys.exit(1)


class _ExerciseGroup(click.Group):
    """`framing exercise ARTICLES... --out DIR` is `framing exercise make ARTICLES... --out DIR`:
    a first argument that is not a subcommand (nor --help) is taken as the start of `make`'s."""

    def parse_args(self, ctx, args):
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
@scorer_options
def exercise_make(paths, out_dir, sources, ui, lexicons, model_dir, no_model):
    """Write worksheet.html (numbered sentences, boxes P/N/C and "copied from the release?",
    questions; no scores), answers.html (the same filled in by framing, with evidence and reuse
    alignment), responses.csv (one row per student x sentence) and exercise.json."""
    from framing.classroom import build_exercise, write_exercise

    scored, failed, bad_sources, source_texts = _score_for_class(paths, sources, lexicons,
                                                                 model_dir, no_model)
    if not scored:
        _report_failures(failed, len(failed))
        raise click.UsageError("no readable article among " + " ".join(paths))
    built = build_exercise(scored, source_texts, ui)
    for path in write_exercise(built, out_dir):
        click.echo(f"wrote {path}", err=True)
    _report_failures(failed, len(scored) + len(failed))
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

    try:
        built = load_exercise(directory)
        answers, errors = read_responses(responses, built)
    except ValueError as err:
        raise click.UsageError(str(err)) from err
    result = grade(built, answers)
    out = Path(out_dir) if out_dir else Path(directory) / "grade"
    click.echo(grade_text(result, built["ui"]))
    for path in grade_files(built, result, errors, out):
        click.echo(f"wrote {path}", err=True)
    if errors:
        click.echo(f"{len(errors)} row(s) not graded:", err=True)
        for error in errors:
            click.echo(f"  {error}", err=True)
        sys.exit(1)
