"""Press-release reuse: one bar per article, the share of its words taken from a release, hatched
by reuse kind, most reused first."""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING

from framing.charts.figures import new_figure, outside_legend, set_titles
from framing.charts.groups import row_label
from framing.charts.rows import Row, as_number, clean
from framing.charts.style import GREY, MAX_BAR_ROWS, REUSE_STYLE, row_height

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def ranked_reuse(rows: list[Row]) -> list[Row]:
    """The rows compared with releases, most reused first (then by id): the bars' order."""
    rows = [r for r in rows if r.get("reuse_kind") is not None]
    return sorted(rows, key=lambda r: (-(as_number(r.get("reuse_article_share")) or 0.0),
                                       str(r.get("id"))))


def reuse_figure(plt: ModuleType, rows: list[Row], group_by: str | None,
                 size: tuple[float, float] | None, title: str | None) -> Figure | None:
    """Bars of the article share taken from a release, most reused first."""
    from matplotlib.patches import Patch

    ranked = ranked_reuse(rows)
    if not ranked:
        return None
    rows, shown = ranked, ranked[:MAX_BAR_ROWS]
    fig = new_figure(plt, size, (8.2, row_height(len(shown)) * len(shown) + 1.6))
    ax = fig.add_subplot()
    shares = [as_number(r.get("reuse_article_share")) or 0.0 for r in shown]
    kinds = [str(r.get("reuse_kind")) for r in shown]
    kinds_seen = set(kinds)
    for kind in sorted(kinds_seen):  # one call per kind: bars of a kind share colour and hatch
        colour, hatch = REUSE_STYLE.get(kind, (GREY, ".."))
        at = [i for i, k in enumerate(kinds) if k == kind]
        ax.barh(at, [shares[i] * 100 for i in at], color=colour, hatch=hatch,
                edgecolor="#333333", linewidth=0.6)
    for i, (share, kind) in enumerate(zip(shares, kinds)):
        ax.text(share * 100 + 1, i, f"{share:.0%} {clean(kind)}", va="center", fontsize=7)
    ax.set_yticks(range(len(shown)), [row_label(r, group_by) for r in shown])
    ax.set_ylim(len(shown) - 0.4, -0.6)
    ax.set_xlim(0, 118)
    ax.set_xticks(range(0, 101, 20))
    ax.spines["bottom"].set_bounds(0, 100)  # the room beyond 100% holds the printed values
    ax.set_xlabel("share of the article's words taken from a release (%)")
    ax.grid(True, axis="x", lw=0.4, color="#DDDDDD")
    ax.set_axisbelow(True)
    handles = [Patch(facecolor=REUSE_STYLE.get(k, (GREY, ".."))[0],
                     hatch=REUSE_STYLE.get(k, (GREY, ".."))[1], edgecolor="#333333", label=k)
               for k in [*REUSE_STYLE, *sorted(kinds_seen - set(REUSE_STYLE))] if k in kinds_seen]
    outside_legend(fig, handles, "reuse kind")
    half = sum(1 for r in rows if (as_number(r.get("reuse_article_share")) or 0.0) >= 0.5)
    note = (f"the {len(shown)} most reused of {len(rows):,} articles "
            f"({len(rows) - len(shown):,} more not shown)\n{half:,} took half their words "
            "or more from a release"
            if len(rows) > len(shown) else f"{len(rows)} articles, most reused first")
    set_titles(fig, ax, "Press-release reuse", title, note)
    return fig
