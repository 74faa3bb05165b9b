"""`framing read`: the documents exactly as framing reads them, to see what was scored."""

from __future__ import annotations

import json
import sys

import click

from framing.cli.group import main
from framing.cli.options import read_options
from framing.cli.printing import list_failures


@main.command()
@click.argument("paths", nargs=-1, required=True)
@read_options
@click.option("--json", "as_json", is_flag=True,
              help="JSON Lines, one object per document: id, path, text, meta, language, error.")
def read(paths, reading, as_json):
    """Print the documents as framing reads them (what `framing score` scores): files, folders
    (recursive), globs, or - for stdin. Each document's id, path, metadata, detected language and
    text, or why it could not be read.
    """
    from framing.documents.decoding import replace_surrogates
    from framing.reading import read_block, read_dicts

    failed, total = [], 0
    for read in read_dicts(paths, **reading):
        if total and not as_json:
            click.echo("")
        total += 1
        if read["error"] is not None:
            failed.append((read["path"] or read["id"], read["error"]["code"],
                           read["error"]["message"]))
        shown = json.dumps(read, ensure_ascii=False) if as_json else read_block(read)
        # The reader leaves no lone surrogate; were one to slip through, UTF-8 output still holds.
        click.echo(replace_surrogates(shown)[0])
    list_failures(failed, total, "documents")
    if failed:
        sys.exit(1)
