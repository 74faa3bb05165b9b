"""Options shared by several commands (reading inputs, the engine, the scorer) and the
scorer they load."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import click

from framing.engines import ENGINES, EngineError, check_engine

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from framing.pipeline import Scorer, Sources

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


def excluding(out_dir: str | None) -> dict:
    """The read option that keeps a command's --out folder out of its inputs (a report written
    inside the corpus folder is not read back as articles by the next run)."""
    import os

    return {"exclude": (os.path.realpath(out_dir),)} if out_dir else {}


def read_options(f: Callable) -> Callable:
    """The reading options, given to the command as one dict, `reading` (the keywords
    documents.read_documents takes), instead of as four parameters each command gathers."""

    @functools.wraps(f)
    def command(*args, text_column, id_column, max_bytes, encoding, **kwargs):
        reading = {"text_column": text_column, "id_column": id_column, "max_bytes": max_bytes,
                   "encoding": encoding}
        return f(*args, reading=reading, **kwargs)

    for option in reversed(READ_OPTIONS):
        command = option(command)
    return command


ENGINE_OPTIONS = [
    click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True,
                 help="Local processes (each reads and analyses its share of the inputs)."),
    click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
                 help="local: this process (or --jobs processes); dask: a Dask cluster."),
    click.option("--scheduler", default=None, metavar="ADDRESS",
                 help="With --engine dask: an existing cluster's scheduler (tcp://HOST:8786); "
                      "default: a LocalCluster on this machine."),
    click.option("--workers", type=click.IntRange(min=1), default=None,
                 help="With --engine dask and no --scheduler: LocalCluster workers "
                      "(default: one per core)."),
]


def engine_options(f: Callable) -> Callable:
    for option in reversed(ENGINE_OPTIONS):
        f = option(f)
    return f


def usable_engine(engine: str, scheduler: str | None, workers: int | None,
                  jobs: int = 1) -> None:
    """`engines.check_engine`, its refusal a usage error (exit status 2)."""
    try:
        check_engine(engine, scheduler, workers, jobs)
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


def scorer_options(f: Callable) -> Callable:
    for option in reversed(SCORER_OPTIONS):
        f = option(f)
    return f


def load_scorer(lexicons: str | None, model_dir: str | None, no_model: bool,
                lang: str | None = None, sources: Sources | None = None) -> Scorer:
    """The pipeline.Scorer of a command's options (`sources`: pipeline.Sources, or None); a
    broken lexicon is a usage error (exit 2)."""
    from framing.pipeline import Scorer

    lexicon, model = _lexicon_and_model(lexicons, model_dir, no_model)
    return Scorer(lexicon, model, sources.index if sources else None, lang)


def _lexicon_and_model(lexicons, model_dir, no_model):
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


def read_sources(paths: Sequence[str], read_options: dict) -> Sources:
    """pipeline.read_sources, with the sources that could not be read listed on stderr; no
    readable source among `paths` is a usage error."""
    from framing.pipeline import read_sources as read

    sources = read(paths, **read_options)
    if sources.failed:
        n = len(sources.failed)
        click.echo(f"skipped {n} unreadable source{'' if n == 1 else 's'}:", err=True)
        for d in sources.failed:
            error = d.error
            assert error is not None  # a failed source
            click.echo(f"  {d.path or d.id}: {error.code}: {error.message}", err=True)
    if paths and sources.index is None:
        raise click.UsageError("no readable source among --sources " + " ".join(paths))
    return sources
