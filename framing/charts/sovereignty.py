"""Sovereignty stance: per group, how many articles raise sovereignty as a question or a promise
(stacked bars), with the articles that name an extraterritorial law hatched."""

from __future__ import annotations

from collections import Counter
from types import ModuleType
from typing import TYPE_CHECKING

from framing.charts.figures import new_figure, outside_legend, set_titles
from framing.charts.groups import display_groups, group_by_name, group_order, row_key
from framing.charts.rows import Row, short
from framing.charts.style import GREY, STANCE_STYLE

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


def sovereignty_figure(plt: ModuleType, rows: list[Row], group_by: str | None,
                       size: tuple[float, float] | None, title: str | None) -> Figure | None:
    """Stacked bars of sovereignty stance per group, extraterritorial laws hatched."""
    from matplotlib.patches import Patch

    rows = [r for r in rows if r.get("sovereignty_stance")]
    if not rows:
        return None
    groups = display_groups(rows, group_by)
    names = group_order(groups.values())
    stances = [s for s in STANCE_STYLE if any(r["sovereignty_stance"] == s for r in rows)]
    stances += sorted({str(r["sovereignty_stance"]) for r in rows} - set(STANCE_STYLE))
    fig = new_figure(plt, size, (8.6, 0.6 * len(names) + 2.0))
    ax = fig.add_subplot()
    most = max(Counter(groups.values()).values())
    for i, g in enumerate(names):
        members = [r for r in rows if groups[row_key(r)] == g]
        left = _stance_bar(ax, i, members, stances, most)
        _law_note(ax, i, members, left + most * 0.015)
    ax.set_yticks(range(len(names)), [f"{short(g, 24)} (n={Counter(groups.values())[g]:,})"
                                      for g in names])
    ax.invert_yaxis()
    ax.set_xlim(0, most * 1.45)
    ax.set_ylim(len(names) - 0.4, -0.6)
    ax.set_xlabel("articles (count)")
    if group_by:
        ax.set_ylabel(group_by_name(group_by))
    ax.xaxis.get_major_locator().set_params(integer=True)  # type: ignore[call-arg]  # MaxNLocator
    ticks = [t for t in ax.get_xticks() if 0 <= t <= most]  # the axis ends at the longest bar
    ax.set_xticks(ticks)
    ax.spines["bottom"].set_bounds(0, max(ticks[-1], most))
    ax.grid(True, axis="x", lw=0.4, color="#DDDDDD")
    ax.set_axisbelow(True)
    handles = [Patch(facecolor=STANCE_STYLE.get(s, (GREY, ""))[0], edgecolor="#333333",
                     label=s) for s in stances]
    handles.append(Patch(facecolor="white", hatch="xxx", edgecolor="black",
                         label="names an extraterritorial\nlaw (e.g. CLOUD Act)"))
    outside_legend(fig, handles, "sovereignty stance")
    set_titles(fig, ax, "Sovereignty stance", title,
               "question: sovereignty raised as a problem; promise: as a guarantee")
    return fig


def _stance_bar(ax: Axes, i: int, members: list[Row], stances: list[str], most: int) -> int:
    """Row i: one segment per stance, its articles naming a law hatched, its count written
    where it fits. The bar's length (its number of articles)."""
    left = 0
    for s in stances:
        in_stance = [r for r in members if r["sovereignty_stance"] == s]
        n = len(in_stance)
        if not n:
            continue
        colour = STANCE_STYLE.get(s, (GREY, ""))[0]
        ax.barh(i, n, left=left, height=0.6, color=colour, edgecolor="#333333", lw=0.6)
        laws = sum(1 for r in in_stance if r.get("extraterritorial_law") is True)
        if laws:  # the articles naming a law: a hatched part of the stance's segment
            ax.barh(i, laws, left=left, height=0.6, facecolor="none", hatch="xxx",
                    edgecolor="black", lw=0.6)
        if n / most > 0.05 * len(f"{n:,}"):  # the count, where it fits
            ax.text(left + n / 2, i, f"{n:,}", ha="center", va="center", fontsize=7,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none",
                          "alpha": 0.85})
        left += n
    return left


def _law_note(ax: Axes, i: int, members: list[Row], x: float) -> None:
    """After row i's bar (at x), which articles name an extraterritorial law: their ids when
    three or fewer, else their number."""
    law_rows = [r for r in members if r.get("extraterritorial_law") is True]
    if law_rows:
        if len(law_rows) <= 3:
            ids = "\n".join(short(str(r.get("id"))) for r in law_rows)
            note = f"extraterritorial law named in:\n{ids}"
        else:
            note = f"extraterritorial law named\nin {len(law_rows):,} articles"
        ax.text(x, i, note, va="center", fontsize=7)
