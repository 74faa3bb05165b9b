"""Framing balance over time: the mean of promotional − critical per day, week or month (the bin
follows the span of the dates), one line per group.

>>> time_bin(date(2024, 5, 15), "week"), time_bin(date(2024, 5, 15), "month")
(datetime.date(2024, 5, 13), datetime.date(2024, 5, 1))
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from statistics import mean
from types import ModuleType
from typing import TYPE_CHECKING

from framing.charts.figures import new_figure, outside_legend, set_titles
from framing.charts.groups import display_groups, group_by_name, group_order, row_key
from framing.charts.rows import Row, as_number, parse_date, short
from framing.charts.style import group_styles

if TYPE_CHECKING:
    from matplotlib.figure import Figure


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


def timeline_points(rows: Iterable[Row], group_by: str | None = None
                    ) -> tuple[str | None, dict[str, list[tuple[date, float, int]]]]:
    """(bin unit, {group: [(bin start, mean promotional − critical, n)]}) of dated rows."""
    dated = []
    for r in rows:
        d = parse_date(r.get("meta_date"))
        p, c = as_number(r.get("promotional")), as_number(r.get("critical"))
        if d is not None and p is not None and c is not None:
            dated.append((d, p - c, r))
    if not dated:
        return None, {}
    unit = choose_bin(min(d for d, _, _ in dated), max(d for d, _, _ in dated))
    groups = display_groups([r for _, _, r in dated], group_by)
    bins: dict[str, dict[date, list[float]]] = defaultdict(lambda: defaultdict(list))
    for d, balance, r in dated:
        bins[groups[row_key(r)]][time_bin(d, unit)].append(balance)
    return unit, {g: [(b, mean(v), len(v)) for b, v in sorted(bins[g].items())]
                  for g in group_order(bins)}


def timeline_figure(plt: ModuleType, rows: list[Row], group_by: str | None,
                    size: tuple[float, float] | None, title: str | None) -> Figure | None:
    """Lines of the mean framing balance per time bin and group; None without dated rows."""
    import matplotlib.dates as mdates
    from matplotlib.lines import Line2D

    unit, series = timeline_points(rows, group_by)
    if not series:
        return None
    styles = group_styles(series)
    fig = new_figure(plt, size, (9.0, 4.6))
    ax = fig.add_subplot()
    ax.axhline(0, color="#555555", lw=0.8, ls="--")
    handles = []
    n_total = 0
    for g, points in series.items():
        colour, marker = styles[g]
        xs = [b for b, _, _ in points]
        ys = [v for _, v, _ in points]
        n = sum(k for _, _, k in points)
        n_total += n
        ax.plot(xs, ys, color=colour, marker=marker, markersize=5, lw=1.4,
                markeredgecolor="black", markeredgewidth=0.4)
        handles.append(Line2D([], [], color=colour, marker=marker, markeredgecolor="black",
                              markeredgewidth=0.4, label=f"{short(g, 24)} ({n:,})"))
    first = min(b for points in series.values() for b, _, _ in points)
    last = max(b for points in series.values() for b, _, _ in points)
    step = {"day": 1, "week": 7, "month": 31}[unit]
    pad = timedelta(days=max(step * 0.6, (last - first).days * 0.03))
    ax.set_xlim(datetime.combine(first, time()) - pad, datetime.combine(last, time()) + pad)
    if (last - first).days < 7:  # a few days: one tick per bin, never hours
        ax.set_xticks(sorted({b for points in series.values() for b, _, _ in points}))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    else:
        locator = mdates.AutoDateLocator(minticks=3, maxticks=9)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_xlabel({"day": "date (daily bins)", "week": "week (bins start on Monday)",
                   "month": "month (monthly bins)"}[unit])
    ax.set_ylabel("framing balance: mean promotional − critical\n(−1 critical … +1 promotional)")
    values = [v for points in series.values() for _, v, _ in points]
    top = max(0.1, max(abs(v) for v in values) * 1.15)
    ax.set_ylim(-top, top)
    ax.grid(True, lw=0.4, color="#DDDDDD")
    outside_legend(fig, handles, group_by_name(group_by) or "articles")
    set_titles(fig, ax, "Framing balance over time", title,
               f"{n_total:,} dated article{'s' * (n_total != 1)}, "
               f"{ {'day': 'daily', 'week': 'weekly', 'month': 'monthly'}[unit]} means")
    return fig
