"""The `framing` command group; every command module registers itself on `main`."""

from __future__ import annotations

import click

from framing import __version__
from framing.outputs import OutputError

# Exit status of every command (README, "Exit status").
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_NOT_WRITTEN, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


class Commands(click.Group):
    """The group that turns an interruption and an output that could not be written into their
    own exit status and one line on stderr, not a traceback (click's "Aborted!" is status 1,
    which means "some inputs failed")."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("framing: interrupted; files already in place were left as they were",
                       err=True)
            raise click.exceptions.Exit(EXIT_INTERRUPTED) from None
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
