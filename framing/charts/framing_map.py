"""The framing map: each article a point at (promotional, critical), coloured and shaped by
its label or its group, labelled by id where few enough to place every label clearly."""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING

from framing.charts.figures import new_figure, outside_legend, set_titles
from framing.charts.groups import display_groups, group_by_name, group_order, row_key
from framing.charts.rows import Row, as_number, label_chooser, number, score_source, short
from framing.charts.style import GREY, LABEL_STYLE, group_styles

if TYPE_CHECKING:
    from matplotlib.figure import Figure

MAX_POINT_LABELS = 40  # the framing map labels its points up to this many articles


def framing_map_figure(plt: ModuleType, rows: list[Row], group_by: str | None,
                       size: tuple[float, float] | None, title: str | None) -> Figure | None:
    """Scatter of promotional against critical score, one point per article."""
    from matplotlib.lines import Line2D

    rows = [r for r in rows if as_number(r.get("promotional")) is not None
            and as_number(r.get("critical")) is not None]
    if not rows:
        return None
    what, mixed = score_source(rows)
    groups, styles, legend_title = _point_styles(rows, group_by)
    many = len(rows) > MAX_POINT_LABELS
    fig = new_figure(plt, size, (8.0, 6.0))
    ax = fig.add_subplot()
    x_end, y_end = (_axis_end(max(number(r[c]) for r in rows), many)
                    for c in ("promotional", "critical"))
    ax.set_xlim(-0.04 * x_end, x_end)
    ax.set_ylim(-0.07 * y_end, y_end)  # room for labels beside points at 0
    ax.plot([0, 1], [0, 1], color="#555555", lw=0.8, ls="--", zorder=1)
    handles = []
    for g in group_order(styles):
        members = [r for r in rows if groups[row_key(r)] == g]
        colour, marker = styles[g]
        xs = [number(r["promotional"]) for r in members]
        ys = [number(r["critical"]) for r in members]
        ax.scatter(xs, ys, s=12 if many else 48, marker=marker, color=colour,
                   alpha=0.35 if many else 0.95, edgecolors="none" if many else "black",
                   linewidths=0.5, zorder=3, rasterized=len(rows) > 2000)
        handles.append(Line2D([], [], ls="", marker=marker, color=colour, markersize=7,
                              markeredgecolor="black", markeredgewidth=0.5,
                              label=f"{g} ({len(members):,})"))
    ax.set_xlabel(f"promotional ({what}, 0–1)")
    ax.set_ylabel(f"critical ({what}, 0–1)")
    ax.grid(True, lw=0.4, color="#DDDDDD", zorder=0)
    handles.append(Line2D([], [], color="#555555", lw=0.8, ls="--",
                          label="promotional = critical"))
    outside_legend(fig, handles, legend_title)
    note = (f"{len(rows):,} articles; point labels omitted beyond {MAX_POINT_LABELS}" if many
            else f"{len(rows)} article{'s' * (len(rows) != 1)}")
    note = f"{note}\n{mixed}" if mixed else note
    set_titles(fig, ax, "Framing map: promotional vs critical", title, note)
    if not many:
        _label_points(fig, ax, [(as_number(r["promotional"]), as_number(r["critical"]),
                                 short(str(r.get("id")))) for r in rows])
    return fig


def _point_styles(rows: list[Row], group_by: str | None
                  ) -> tuple[dict[tuple[str, str], str], dict[str, tuple[str, str]], str]:
    """({row key: group}, {group: (colour, marker)}, legend title): without a grouping, the
    article's label, named after what chose it (model or lexicon)."""
    if group_by is not None:
        groups = display_groups(rows, group_by)
        return groups, group_styles(groups.values()), group_by_name(group_by)
    groups = {row_key(r): str(r.get("label") or "unknown") for r in rows}
    styles = {g: LABEL_STYLE.get(g, (GREY, "s")) for g in groups.values()}
    return groups, styles, f"article label ({label_chooser(rows)})"


def _axis_end(top: float, many: bool) -> float:
    """Where an axis whose largest value is `top` ends: a little beyond it (more room when the
    points carry labels), at least 0.2, at most 1.04 (a point at 1 drawn whole)."""
    return min(1.04, max(0.2, top * (1.06 if many else 1.15) + (0.02 if many else 0.05)))


def _label_points(fig, ax, points):
    """Place one label per point where it overlaps no other label, no point and stays inside
    the axes: candidates around the point at growing distances; a leader line when far."""
    fig.canvas.draw()  # runs the layout: the axes' final position
    renderer = fig.canvas.get_renderer()
    to_px = ax.transData.transform
    box = ax.get_window_extent(renderer)
    px = [tuple(to_px((x, y))) for x, y, _ in points]
    scale = fig.dpi / 72.0
    r_pt = 4.5 * scale  # half a marker, in pixels
    obstacles = [(x - r_pt, y - r_pt, x + r_pt, y + r_pt) for x, y in px]
    placed: list[tuple[float, float, float, float]] = []
    directions = [(1, 0), (-1, 0), (1, 1), (-1, 1), (1, -1), (-1, -1), (0, 1), (0, -1)]
    order = sorted(range(len(points)), key=lambda i: (points[i][0], points[i][1], points[i][2]))
    for i in order:
        x, y, text = points[i]
        probe = ax.annotate(text, (x, y), fontsize=7)
        bb = probe.get_window_extent(renderer)
        probe.remove()
        best = None
        for radius in (7, 14, 24, 36, 50, 66):
            for dx, dy in directions:
                ox = dx * radius * scale
                oy = dy * radius * scale * (0.8 if dx else 1.0)
                rect = _label_rect(px[i], ox, oy, dx, dy, bb.width, bb.height, 2.5 * scale)
                cost = sum(_overlap(rect, o) for o in placed + obstacles)
                if radius > 7:  # a leader line should not cross another point
                    end = (px[i][0] + ox, px[i][1] + oy)
                    cost += sum(200 for j, p in enumerate(px)
                                if j != i and _distance(p, px[i], end) < r_pt + 2)
                cost += _outside(rect, box) * 10
                if best is None or cost < best[0]:
                    best = (cost, ox, oy, dx, dy, radius, rect)
                if cost == 0:
                    break
            if best[0] == 0:
                break
        _, ox, oy, dx, dy, radius, rect = best
        ha = "left" if dx > 0 else "right" if dx < 0 else "center"
        va = "bottom" if dy > 0 else "top" if dy < 0 else "center"
        arrow = {"arrowstyle": "-", "color": "#666666", "lw": 0.5} if radius > 7 else None
        label = ax.annotate(text, (x, y), xytext=(ox / scale, oy / scale),
                            textcoords="offset points", ha=ha, va=va, fontsize=7,
                            arrowprops=arrow, zorder=4,
                            bbox={"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none",
                                  "alpha": 0.7})
        label.set_in_layout(False)
        placed.append(rect)


def _label_rect(anchor, ox, oy, dx, dy, w, h, margin):
    """The display box of a label of size w × h placed at anchor + (ox, oy), aligned away from
    the point in direction (dx, dy), grown by `margin` on every side."""
    x, y = anchor[0] + ox, anchor[1] + oy
    left = x if dx > 0 else x - w if dx < 0 else x - w / 2
    bottom = y if dy > 0 else y - h if dy < 0 else y - h / 2
    return (left - margin, bottom - margin, left + w + margin, bottom + h + margin)


def _distance(p, a, b) -> float:
    """Distance from point p to the segment a–b."""
    ax_, ay = b[0] - a[0], b[1] - a[1]
    length = ax_ * ax_ + ay * ay
    t = 0.0 if not length else max(0.0, min(1.0, ((p[0] - a[0]) * ax_ + (p[1] - a[1]) * ay)
                                              / length))
    return ((p[0] - a[0] - t * ax_) ** 2 + (p[1] - a[1] - t * ay) ** 2) ** 0.5


def _overlap(a, b) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _outside(rect, box) -> float:
    area = (rect[2] - rect[0]) * (rect[3] - rect[1])
    inside = _overlap(rect, (box.x0 + 2, box.y0 + 2, box.x1 - 2, box.y1 - 2))
    return area - inside
