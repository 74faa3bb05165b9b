"""Making and saving one chart's figure: matplotlib loaded on first use (Agg, no display), a
figure of the asked size with a constrained layout, the title and note, a legend that never
covers data, and the save in every format, byte-identical from run to run and written
atomically.

matplotlib is imported inside these functions only: `import framing.charts` (and the CLI) must
not load it."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from framing.charts.rows import clean
from framing.outputs import write_bytes_atomic

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.legend import Legend

FORMATS = ("png", "svg", "pdf")
DPI = 150


def pyplot() -> ModuleType:
    """matplotlib.pyplot on the Agg backend, with SVG ids salted for byte-identical output."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["svg.hashsalt"] = "framing"
    return plt


def save_all(fig: Figure, out_stem: Path | str, formats: Iterable[str]) -> list[Path]:
    """Save `fig` in every format, then close it. The layout is made once, at the figure's own
    dpi, then frozen: every format gets the same positions (a layout redone at each format's
    dpi would differ by fractions of a point, and SVG would then depend on whether PNG was
    written first)."""
    import matplotlib.pyplot as plt

    fig.draw_without_rendering()
    fig.set_layout_engine("none")
    try:
        return [_save(fig, Path(out_stem), fmt) for fmt in formats]
    finally:
        plt.close(fig)


def _save(fig: Figure, stem: Path, fmt: str) -> Path:
    """`stem`.`fmt`, written whole or not at all (a reader never sees half a chart)."""
    path = stem.with_name(f"{stem.name}.{fmt}")
    metadata = {
        "svg": {"Date": None, "Creator": "framing"},
        "png": {"Software": "framing"},
        "pdf": {"Creator": "framing", "Producer": "framing", "CreationDate": None},
    }[fmt]
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, dpi=DPI, metadata=metadata)
    return write_bytes_atomic(path, buffer.getvalue())


def new_figure(plt: ModuleType, size: tuple[float, float] | None,
               default: tuple[float, float]) -> Figure:
    """A figure of `size` inches (the chart's `default` when not asked), laid out to fit."""
    return plt.figure(figsize=size or default, layout="constrained")


def set_titles(fig: Figure, ax: Axes | None, default: str, title: str | None,
               note: str | None = None) -> None:
    """The chart's title (bold, top left) and, under it, a note in plain type (what is shown,
    what was left out)."""
    fig.suptitle(clean(title) if title else default, x=0.01, ha="left", fontsize=11,
                 fontweight="bold")
    if note and ax is not None:
        ax.set_title(note, loc="left", fontsize=8.5, fontweight="normal", color="#333333")
    elif note:
        fig.supxlabel(note, fontsize=8.5, color="#333333")


def outside_legend(fig: Figure, handles: Sequence, title: str | None = None,
                   loc: str = "outside right upper") -> Legend:
    """A legend outside the plotting area, so it never covers data."""
    return fig.legend(handles=handles, loc=loc, title=title,  # type: ignore[call-overload]
                      frameon=False)  # (the stubs lack the "outside ..." locations)
