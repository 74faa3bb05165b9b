"""What the commands print on stderr besides their results: progress bars and failures."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, TextIO

import click

if TYPE_CHECKING:
    from collections.abc import Sequence

    from framing.charts.rows import Row
    from framing.documents import Document
    from framing.progress import RunProgress
    from framing.record import Record


class stderr_progress:
    """(progress(n), set_length(total)) for a progress bar on stderr when `show` and stderr is a
    terminal; (None, None) otherwise."""

    def __init__(self, label: str, show: bool = True):
        self.show = show and sys.stderr.isatty()
        self.label = label
        self.bar: Any = None  # a click progress bar once started

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


class PhaseBar:
    """A bar on `stream` for a RunProgress: `label [#####     ]  50%`, redrawn in place; the
    last line, at 100 %, names every phase of the run."""

    WIDTH = 30

    def __init__(self, stream: TextIO):
        self.stream, self.shown = stream, ""

    def __call__(self, fraction: float, label: str, final: bool = False) -> None:
        filled = int(fraction * self.WIDTH)
        line = f"{label} [{'#' * filled}{' ' * (self.WIDTH - filled)}] {int(fraction * 100):3d}%"
        if line == self.shown and not final:
            return
        end = "\n" if final else ""
        self.stream.write("\r" + line.ljust(len(self.shown)) + end)
        self.stream.flush()
        self.shown = "" if end else line


def report_progress(show: bool = True, stream: TextIO | None = None) -> RunProgress | None:
    """`framing report`'s progress over all its phases, as a PhaseBar on `stream` (stderr when
    it is a terminal); None when not `show` (--quiet) or stderr is not a terminal."""
    from framing.progress import RunProgress

    if stream is None:
        if not (show and sys.stderr.isatty()):
            return None
        stream = sys.stderr
    return RunProgress(PhaseBar(stream)) if show else None


def report_failures(failed: Sequence[Record | Document], total: int, what: str = "documents") -> None:
    """List on stderr the inputs that failed: records or documents with `error` set."""
    list_failures([(r.path or r.id, r.error.code, r.error.message)  # type: ignore[union-attr]
                   for r in failed], total, what)  # (every one of `failed` has its error)


def list_failures(failures: list[tuple[str, str, str]], total: int, what: str) -> None:
    if failures:
        noun = what if total != 1 else what.removesuffix("s")  # "1 of 1 document failed"
        click.echo(f"{len(failures)} of {total} {noun} failed:", err=True)
        for place, code, message in failures:
            click.echo(f"  {place}: {code}: {message}", err=True)


def warn_missing_group(rows: Sequence[Row], group_by: str | None) -> None:
    """Say on stderr when --group-by names a column no row has (every row would be "unknown"),
    with the groupings and columns there are; the run goes on."""
    from framing.charts import NAMED_GROUPS, missing_group_column

    columns = missing_group_column(rows, group_by)
    if columns is None or group_by is None:  # (a column is missing only when one is named)
        return
    click.echo(f"framing: warning: --group-by {group_by}: no article has a column {group_by!r}"
               f" (nor {'meta_' + group_by.removeprefix('meta_')!r}), so every article is in "
               f"the group \"unknown\". Group by {', '.join(NAMED_GROUPS)} or one of the "
               f"columns the articles have: {', '.join(columns) or 'none'}", err=True)
