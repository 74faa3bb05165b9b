"""The chart kinds by name, and drawing them: `draw` one kind of a batch's rows, `draw_all` the
kinds that apply (what `framing report` puts in charts/ and `framing chart` redraws)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from framing.charts.categories import categories_figure
from framing.charts.figures import FORMATS, pyplot, save_all
from framing.charts.framing_map import framing_map_figure
from framing.charts.readability import readability_figure
from framing.charts.reuse import reuse_figure
from framing.charts.reuse_heatmap import reuse_heatmap_figure
from framing.charts.rows import Row, ok_rows
from framing.charts.sentence_strip import sentence_strip_figure
from framing.charts.sovereignty import sovereignty_figure
from framing.charts.style import RC_STYLE
from framing.charts.timeline import timeline_figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# Each kind's figure from the rows without errors (plt, rows, group_by, size, title), or None
# when the kind does not apply to these rows. In the order `draw_all` draws them.
_FIGURES = {
    "framing_map": framing_map_figure,
    "categories": categories_figure,
    "reuse": reuse_figure,
    "reuse_heatmap": reuse_heatmap_figure,
    "sovereignty": sovereignty_figure,
    "sentence_strip": sentence_strip_figure,
    "readability": readability_figure,
    "timeline": timeline_figure,
}
KINDS = tuple(_FIGURES)


def draw(kind: str, rows: Iterable[Row], out_stem: Path | str, *, group_by: str | None = None,
         size: tuple[float, float] | None = None, formats: Iterable[str] = ("png", "svg"),
         title: str | None = None) -> list[Path]:
    """Draw one chart of `rows` into `out_stem`.png / .svg (the `formats` asked); the paths
    written, or [] when the chart does not apply to these rows."""
    if kind not in KINDS:
        raise ValueError(f"unknown chart {kind!r}; one of {', '.join(KINDS)}")
    formats = tuple(formats)
    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        raise ValueError(f"unsupported format {bad or formats}; use {', '.join(FORMATS)}")
    plt = pyplot()
    with plt.rc_context(RC_STYLE):
        fig = figure(kind, rows, group_by=group_by, size=size, title=title)
        if fig is None:
            return []
        return save_all(fig, out_stem, formats)


def figure(kind: str, rows: Iterable[Row], *, group_by: str | None = None,
           size: tuple[float, float] | None = None, title: str | None = None) -> Figure | None:
    """The matplotlib figure `draw` saves (of the rows without errors), not saved: for a
    caller that looks at what is plotted. None when the chart does not apply. The caller
    closes it (`matplotlib.pyplot.close`)."""
    if kind not in KINDS:
        raise ValueError(f"unknown chart {kind!r}; one of {', '.join(KINDS)}")
    rows = ok_rows(rows)
    if not rows:
        return None
    plt = pyplot()
    with plt.rc_context(RC_STYLE):
        return _FIGURES[kind](plt, rows, group_by, size, title)


def draw_all(rows: Iterable[Row], out_dir: Path | str, *, group_by: str | None = None,
             formats: Iterable[str] = ("png", "svg"),
             drawn: Callable[[str], None] | None = None) -> list[Path]:
    """Every chart that applies to `rows`, as `<kind>.png` and `<kind>.svg` in `out_dir`;
    `drawn(kind)` is called after each kind (a report's progress bar)."""
    out_dir = Path(out_dir)
    rows = ok_rows(rows)
    written: list[Path] = []
    for kind in KINDS:
        written += draw(kind, rows, out_dir / kind, group_by=group_by, formats=formats)
        if drawn:
            drawn(kind)
    return written
