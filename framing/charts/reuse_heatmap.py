"""Reuse by release: articles × press releases, each cell the share of the article taken from that
release (drawn when the rows name at least two releases)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from math import isnan
from types import ModuleType
from typing import TYPE_CHECKING

from framing.charts.figures import new_figure, set_titles
from framing.charts.groups import row_label
from framing.charts.rows import Row, short
from framing.charts.style import MAX_BAR_ROWS, row_height

if TYPE_CHECKING:
    from matplotlib.figure import Figure

MAX_HEATMAP_SOURCES = 30


def reuse_matrix(rows: Iterable[Row]
                 ) -> tuple[list[Row], list[str], dict[tuple[str, str], float]]:
    """(rows with reuse, sources, {(article id, source): article share}) from `reuse_sources`."""
    cells: dict[tuple[str, str], float] = {}
    used = []
    for r in rows:
        text = r.get("reuse_sources")
        if not text:
            continue
        found = False
        for part in str(text).split(";"):
            source, sep, share = part.rpartition("=")
            try:
                value = float(share)
            except ValueError:
                continue
            if sep and source and not isnan(value):
                cells[(str(r.get("id")), source)] = value
                found = True
        if found:
            used.append(r)
    sources = sorted({s for _, s in cells})
    return used, sources, cells


def reuse_heatmap_figure(plt: ModuleType, rows: list[Row], group_by: str | None,
                         size: tuple[float, float] | None, title: str | None) -> Figure | None:
    """Heatmap of article × release shares; None with fewer than two releases."""
    used, sources, cells = reuse_matrix(rows)
    if len(sources) < 2:
        return None
    total = defaultdict(float)
    for (_, s), v in cells.items():
        total[s] += v
    cols = sorted(sources, key=lambda s: (-total[s], s))[:MAX_HEATMAP_SOURCES]
    peak = {str(r.get("id")): max(cells.get((str(r.get("id")), s), 0.0) for s in cols)
            for r in used}
    shown = sorted([r for r in used if peak[str(r.get("id"))] > 0],
                   key=lambda r: (-peak[str(r.get("id"))], str(r.get("id"))))[:MAX_BAR_ROWS]
    if not shown:
        return None
    grid = [[cells.get((str(r.get("id")), s), float("nan")) for s in cols] for r in shown]
    height = row_height(len(shown)) * len(shown) + 2.4
    fig = new_figure(plt, size, (0.55 * len(cols) + 4.4, height))
    ax = fig.add_subplot()
    ax.set_facecolor("white")
    image = ax.imshow([[v * 100 for v in line] for line in grid], aspect="auto",
                      cmap="cividis_r", vmin=0, vmax=100, interpolation="nearest")
    if len(cols) <= 15 and len(shown) <= 40:
        for i, line in enumerate(grid):
            for j, v in enumerate(line):
                if not isnan(v):
                    ax.text(j, i, f"{v:.0%}", ha="center", va="center", fontsize=6.5,
                            color="white" if v > 0.5 else "black")
    ax.set_xticks(range(len(cols)), [short(s) for s in cols], rotation=40, ha="right")
    ax.set_yticks(range(len(shown)), [row_label(r, group_by) for r in shown])
    ax.set_xlabel("press release")
    ax.set_ylabel("article")
    for spine in ax.spines.values():
        spine.set_visible(False)
    bar = fig.colorbar(image, ax=ax, shrink=0.9)
    bar.set_label("share of the article\ntaken from the release (%)")
    parts = []
    if len(shown) < len(used):
        parts.append(f"{len(shown)} of {len(used):,} articles")
    if len(cols) < len(sources):
        parts.append(f"{len(cols)} of {len(sources)} releases")
    note = ", ".join(parts) or f"{len(shown)} articles × {len(cols)} releases"
    set_titles(fig, ax, "Reuse by release (blank: no passage found)", title, note)
    return fig
