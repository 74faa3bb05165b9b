"""The `framing` command group; every command module registers itself on `main`."""

from __future__ import annotations

import signal

import click

from framing import __version__
from framing.outputs import OutputError

# Exit status of every command (README, "Exit status").
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_NOT_WRITTEN, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
EXIT_TERMINATED = 128 + signal.SIGTERM  # 143


class Terminated(KeyboardInterrupt):
    """SIGTERM (kill, a job scheduler, systemd, docker stop): raised where the command is, like
    Ctrl-C's KeyboardInterrupt, so that everything that cleans up after Ctrl-C (temporary files,
    the staging folder, the lock, the --jobs workers) does so after it too."""


def _terminate(signum, frame):
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second one does not cut the clean-up
    raise Terminated()


class Commands(click.Group):
    """The group that turns an interruption and an output that could not be written into their
    own exit status and one line on stderr, not a traceback (click's "Aborted!" is status 1,
    which means "some inputs failed")."""

    def invoke(self, ctx: click.Context):
        held = _on_sigterm(_terminate)
        try:
            return super().invoke(ctx)
        except Terminated:
            click.echo("framing: terminated (SIGTERM); files already in place were left as they "
                       "were", err=True)
            raise click.exceptions.Exit(EXIT_TERMINATED) from None
        except KeyboardInterrupt:
            click.echo("framing: interrupted; files already in place were left as they were",
                       err=True)
            raise click.exceptions.Exit(EXIT_INTERRUPTED) from None
        except OutputError as err:
            click.echo(f"framing: {err}", err=True)
            raise click.exceptions.Exit(EXIT_NOT_WRITTEN) from None
        finally:
            _on_sigterm(held)


def _on_sigterm(handler):
    """Set SIGTERM's handler, giving the one it replaces (None off the main thread, where Python
    cannot set one: an embedding program's thread keeps its own)."""
    import threading

    if handler is None or threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, handler)


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="framing")
def main():
    """How promotional or critical is a news article, does it raise digital sovereignty and
    foreign-law questions, and on what evidence. French and English."""
    from framing.engines import batch_gc

    batch_gc()
