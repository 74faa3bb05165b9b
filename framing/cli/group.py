"""The `framing` command group; every command module registers itself on `main`."""

from __future__ import annotations

import click

from framing import __version__
from framing.outputs import OutputError

# Exit status of every command (README, "Exit status").
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_NOT_WRITTEN = 0, 1, 2, 3


class Commands(click.Group):
    """The group that turns an output that could not be written into its own exit status and
    one line on stderr, not a traceback with status 1 (which means "some inputs failed")."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except OutputError as err:
            click.echo(f"framing: {err}", err=True)
            raise click.exceptions.Exit(EXIT_NOT_WRITTEN) from None


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="framing")
def main():
    """How promotional or critical is a news article, does it raise digital sovereignty and
    foreign-law questions, and on what evidence. French and English."""
    from framing.engines import batch_gc

    batch_gc()
