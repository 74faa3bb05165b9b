"""Framing balance over time: the mean of promotional − critical per day, week or month (the bin
follows the span of the dates), one line per group.

>>> time_bin(date(2024, 5, 15), "week"), time_bin(date(2024, 5, 15), "month")
(datetime.date(2024, 5, 13), datetime.date(2024, 5, 1))
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from statistics import mean
from types import ModuleType
from typing import TYPE_CHECKING, Any

from framing.charts.figures import new_figure, outside_legend, set_titles
from framing.charts.groups import display_groups, group_by_name, group_order, row_key
from framing.charts.rows import Row, as_number, parse_date, score_source, short
from framing.charts.style import group_styles

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

MAX_TIMELINE_LINES = 3  # more groups than this: one small panel per group, not spaghetti
MAX_COUNTED_POINTS = 24  # a line with at most this many bins has n written at each point


def choose_bin(first: date, last: date) -> str:
    """day up to a month of dates, week up to half a year, month beyond."""
    span = (last - first).days
    return "day" if span <= 31 else "week" if span <= 183 else "month"


def time_bin(day: date, unit: str) -> date:
    """The first day of `day`'s bin: the Monday of its week, the first of its month."""
    if unit == "week":
        return date.fromordinal(day.toordinal() - day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day


def timeline_points(rows: Iterable[Row], group_by: str | None = None,
                    groups: dict[tuple[str, str], str] | None = None
                    ) -> tuple[str | None, dict[str, list[tuple[date, float, int]]]]:
    """(bin unit, {group: [(bin start, mean promotional − critical, n)]}) of dated rows;
    `groups`: display_groups(rows, group_by), when the caller has it already."""
    rows = list(rows)
    dated = []
    for r in rows:
        d = parse_date(r.get("meta_date"))
        p, c = as_number(r.get("promotional")), as_number(r.get("critical"))
        if d is not None and p is not None and c is not None:
            dated.append((d, p - c, r))
    if not dated:
        return None, {}
    unit = choose_bin(min(d for d, _, _ in dated), max(d for d, _, _ in dated))
    # Groups pooled over every row, dated or not, as every other chart pools them: one group
    # keeps one name (and one style) across the report's charts.
    groups = groups if groups is not None else display_groups(rows, group_by)
    bins: dict[str, dict[date, list[float]]] = defaultdict(lambda: defaultdict(list))
    for d, balance, r in dated:
        bins[groups[row_key(r)]][time_bin(d, unit)].append(balance)
    return unit, {g: [(b, mean(v), len(v)) for b, v in sorted(bins[g].items())]
                  for g in group_order(bins)}


def timeline_figure(plt: ModuleType, rows: list[Row], group_by: str | None,
                    size: tuple[float, float] | None, title: str | None) -> Figure | None:
    """The mean framing balance per time bin: one line per group on one panel up to
    MAX_TIMELINE_LINES groups, else one small panel per group (same scales); the marker's area
    is the bin's number of articles, written beside it where there is room."""
    groups = display_groups(rows, group_by)
    unit, series = timeline_points(rows, group_by, groups)
    if not series or unit is None:  # (no dated article: no unit and no series)
        return None
    styles = group_styles(groups.values())  # as the other charts
    names = list(series)
    panels = [names] if len(names) <= MAX_TIMELINE_LINES else [[g] for g in names]
    cols = 1 if len(panels) == 1 else 2
    lines = -(-len(panels) // cols)
    fig = new_figure(plt, size, (9.0, 4.6) if cols == 1 else (10.0, 1.9 * lines + 1.6))
    axes = fig.subplots(lines, cols, sharex=True, sharey=True, squeeze=False).flatten()
    biggest = max(n for points in series.values() for _, _, n in points)
    everyone = _pooled(series) if cols > 1 else None
    for ax, members in zip(axes, panels):
        _timeline_panel(ax, {g: series[g] for g in members}, styles, biggest, everyone)
        if cols > 1:
            ax.set_title(f"{short(members[0], 30)} "
                         f"(n={sum(n for _, _, n in series[members[0]]):,})",
                         loc="left", fontsize=8.5)
    for ax in axes[len(panels):]:
        ax.set_visible(False)
    _timeline_axes(fig, list(axes[: len(panels)]), series, unit, rows, cols)
    if cols == 1:
        handles = _timeline_legend(series, styles)
        outside_legend(fig, handles, group_by_name(group_by) or "articles")
    n_total = sum(n for points in series.values() for _, _, n in points)
    note = (f"{n_total:,} dated article{'s' * (n_total != 1)}, "
            f"{ {'day': 'daily', 'week': 'weekly', 'month': 'monthly'}[unit]} means; "
            f"marker area: articles in the bin (largest {biggest:,})")
    if cols > 1:
        note += "; grey: all articles"
    _, mixed = score_source(rows)
    set_titles(fig, axes[0] if cols == 1 else None, "Framing balance over time", title,
               f"{note}\n{mixed}" if mixed else note)
    return fig


def _pooled(series: dict[str, list[tuple[date, float, int]]]) -> list[tuple[date, float, int]]:
    """Every group's bins pooled: (bin, mean over all its articles, n)."""
    sums: dict[date, list[float]] = defaultdict(lambda: [0.0, 0])
    for points in series.values():
        for b, v, n in points:
            sums[b][0] += v * n
            sums[b][1] += n
    return [(b, total / n, int(n)) for b, (total, n) in sorted(sums.items())]


def _timeline_panel(ax: Axes, series: dict[str, list[tuple[date, float, int]]],
                    styles: dict[str, tuple[str, str]], biggest: int,
                    everyone: list[tuple[date, float, int]] | None) -> None:
    """One panel: each group's line, markers sized by n (written beside the marker when the
    line has few points), and the pooled line in grey behind when given."""
    ax.axhline(0, color="#555555", lw=0.8, ls="--")
    # Dates on x: matplotlib converts them (its type stubs take numbers only, hence Any).
    if everyone:
        pooled: list[Any] = [b for b, _, _ in everyone]
        ax.plot(pooled, [v for _, v, _ in everyone], color="#BBBBBB", lw=1.2, zorder=1)
    for g, points in series.items():
        colour, marker = styles[g]
        xs: list[Any] = [b for b, _, _ in points]
        ys, ns = [v for _, v, _ in points], [n for *_, n in points]
        ax.plot(xs, ys, color=colour, lw=1.4, zorder=2)
        ax.scatter(xs, ys, s=[12 + 140 * n / biggest for n in ns], marker=marker, color=colour,
                   edgecolors="black", linewidths=0.4, zorder=3)
        if len(points) <= MAX_COUNTED_POINTS and len(series) <= 2:
            for x, y, n in zip(xs, ys, ns):
                ax.annotate(f"{n:,}", (x, y), xytext=(0, 7), textcoords="offset points",
                            ha="center", fontsize=6.5, color="#333333")
    ax.grid(True, lw=0.4, color="#DDDDDD")


def _timeline_legend(series: dict[str, list[tuple[date, float, int]]],
                     styles: dict[str, tuple[str, str]]) -> list:
    """A legend entry per group, with its number of articles."""
    from matplotlib.lines import Line2D

    return [Line2D([], [], color=styles[g][0], marker=styles[g][1], markeredgecolor="black",
                   markeredgewidth=0.4, label=f"{short(g, 24)} ({sum(n for *_, n in p):,})")
            for g, p in series.items()]


def _timeline_axes(fig: Figure, axes: Sequence[Axes],
                   series: dict[str, list[tuple[date, float, int]]],
                   unit: str, rows: list[Row], cols: int) -> None:
    """Dates on x (padded by under a bin), the balance on y (the data and zero, a little room),
    axis names saying what the balance is a balance of."""
    import matplotlib.dates as mdates

    bins = sorted({b for points in series.values() for b, _, _ in points})
    first, last = bins[0], bins[-1]
    step = {"day": 1, "week": 7, "month": 31}[unit]
    margin = timedelta(days=max(step * 0.6, (last - first).days * 0.03))
    values = [v for points in series.values() for _, v, _ in points]
    low, high = min(0.0, *values), max(0.0, *values)  # the zero line always shows
    pad = max(0.02, (high - low) * 0.12)
    ax = axes[0]
    ax.set_xlim(datetime.combine(first, time()) - margin,  # type: ignore[arg-type]  # (dates)
                datetime.combine(last, time()) + margin)  # type: ignore[arg-type]
    ax.set_ylim(low - pad, high + pad)
    if (last - first).days < 7:  # a few days: one tick per bin, never hours
        ax.set_xticks(bins)  # type: ignore[arg-type]  # (dates, converted by matplotlib)
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    else:
        locator = mdates.AutoDateLocator(minticks=3, maxticks=9 if cols == 1 else 5)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    what, _ = score_source(rows)
    xlabel = {"day": "date (daily bins)", "week": "week (bins start on Monday)",
              "month": "month (monthly bins)"}[unit]
    ylabel = f"mean promotional − critical\n({what}; −1 critical … +1 promotional)"
    if cols == 1:
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
    else:  # the bottom panel of each column names the dates; the figure names the balance
        for bottom in axes[-cols:]:
            bottom.set_xlabel(xlabel)
            bottom.xaxis.set_tick_params(labelbottom=True)
        fig.supylabel(ylabel, fontsize=9)
