"""Commands on hand-coded data and the lexicons: `evaluate`, `train`, `lexicon check`."""

from __future__ import annotations

import json
import sys

import click

from framing.cli.group import main
from framing.cli.options import (
    load_scorer,
    scorer_options,
)


@main.command()
@click.argument("coded", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--label-column", default="label", show_default=True)
@click.option("--stance-column", default="sovereignty", show_default=True,
              help="Optional column with the coded sovereignty stance.")
@scorer_options
def evaluate(coded, as_json, label_column, stance_column, lexicons, model_dir, no_model):
    """Agreement of framing with a hand-coded sample (CSV: id, text or file, label[, sovereignty]).

    Commas, semicolons or tabs; labels in English or French (promotionnel / neutre / critique,
    question / promesse / aucune), in any case, with or without accents.

    Prints accuracy, macro-F1, per-class precision/recall, the confusion matrix, Cohen's kappa and
    Krippendorff's alpha, with bootstrap 95% intervals. Unusable rows are listed, not dropped.
    """
    from framing.evaluation import evaluate_coded, report

    scorer = load_scorer(lexicons, model_dir, no_model)
    try:
        result = evaluate_coded(coded, scorer.lexicon, label_column, stance_column, scorer.model)
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
    hand-coded CSV (read as `framing evaluate` reads it: id, text or file, label; commas or
    semicolons; labels in English or French).

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
