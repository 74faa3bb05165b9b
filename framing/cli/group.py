"""The `framing` command group; every command module registers itself on `main`."""

from __future__ import annotations

import click

from framing import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="framing")
def main():
    """How promotional or critical is a news article, does it raise digital sovereignty and
    foreign-law questions, and on what evidence. French and English."""
    from framing.engines import batch_gc

    batch_gc()
