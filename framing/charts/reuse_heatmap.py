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
from framing.charts.rows import Row, as_number, short

if TYPE_CHECKING:
    from matplotlib.figure import Figure

MAX_HEATMAP_SOURCES = 15  # releases (columns) shown; the rest are counted in the note
MAX_HEATMAP_ROWS = 40  # articles shown; the rest are counted in the note


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
    """Heatmap of article × release shares, every share printed in its cell: the
    MAX_HEATMAP_ROWS most reused articles and the MAX_HEATMAP_SOURCES most reused releases, the
    rest counted in the note; None with fewer than two releases."""
    shown, used, cols, sources, cells = heatmap_cells(rows)
    if not shown:
        return None
    grid = [[cells.get((str(r.get("id")), s), float("nan")) for s in cols] for r in shown]
    fig = new_figure(plt, size, (0.5 * len(cols) + 4.6, 0.22 * len(shown) + 2.4))
    ax = fig.add_subplot()
    ax.set_facecolor("white")
    image = ax.imshow([[v * 100 for v in line] for line in grid], aspect="auto",
                      cmap="cividis_r", vmin=0, vmax=100, interpolation="nearest")
    for i, line in enumerate(grid):
        for j, v in enumerate(line):
            if not isnan(v):
                ax.text(j, i, f"{v:.0%}", ha="center", va="center", fontsize=6.5,
                        color="white" if v > 0.5 else "black")
    ax.set_xticks(range(len(cols)), [short(s) for s in cols], rotation=40, ha="right")
    ax.set_yticks(range(len(shown)), [row_label(r, group_by) for r in shown])
    ax.set_xlabel("press release (most taken from first)")
    ax.set_ylabel("article (most reused first)")
    for spine in ax.spines.values():
        spine.set_visible(False)
    bar = fig.colorbar(image, ax=ax, shrink=0.9)
    bar.set_label("share of the article\ntaken from the release (%)")
    parts = [f"the {len(shown)} most reused of {len(used):,} articles "
             f"({len(used) - len(shown):,} more not shown)" if len(shown) < len(used)
             else f"{len(shown)} articles"]
    parts.append(f"the {len(cols)} releases they took most from, of {len(sources)} "
                 f"({len(sources) - len(cols)} more not shown)" if len(cols) < len(sources)
                 else f"{len(cols)} releases")
    set_titles(fig, ax, "Reuse by release (blank: no passage found)", title, ", ".join(parts))
    return fig


def heatmap_cells(rows: Iterable[Row]) -> tuple[list[Row], list[Row], list[str], list[str],
                                                 dict[tuple[str, str], float]]:
    """What the heatmap draws: (articles shown, articles with reuse, releases shown, all
    releases, cells). The MAX_HEATMAP_ROWS articles with the largest reused share
    (`reuse_article_share`, else their largest cell; then id), and of the releases they took
    from, the MAX_HEATMAP_SOURCES with the largest sum of shares over them (no empty column).
    Nothing shown with fewer than two releases."""
    used, sources, cells = reuse_matrix(rows)
    if len(sources) < 2:
        return [], used, [], sources, cells
    by_article: dict[str, list[float]] = defaultdict(list)
    for (article, _), v in cells.items():
        by_article[article].append(v)

    def share(r: Row) -> float:
        return as_number(r.get("reuse_article_share")) or max(by_article[str(r.get("id"))])

    shown = sorted(used, key=lambda r: (-share(r), str(r.get("id"))))[:MAX_HEATMAP_ROWS]
    ids = {str(r.get("id")) for r in shown}
    total: dict[str, float] = defaultdict(float)
    for (article, s), v in cells.items():
        if article in ids:
            total[s] += v
    cols = sorted(total, key=lambda s: (-total[s], s))[:MAX_HEATMAP_SOURCES]
    return shown, used, cols, sources, cells
