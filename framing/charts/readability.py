"""Readability by language: one panel per language and formula (scores of different formulas are
not comparable), each group's articles as points, with a box where a group has five or more."""

from __future__ import annotations

from collections import defaultdict
from types import ModuleType
from typing import TYPE_CHECKING

from framing.charts.figures import new_figure, set_titles
from framing.charts.groups import display_groups, group_by_name, group_order, row_key
from framing.charts.rows import Row, as_number, clean, short
from framing.charts.style import group_styles

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


def readability_figure(plt: ModuleType, rows: list[Row], group_by: str | None,
                       size: tuple[float, float] | None, title: str | None) -> Figure | None:
    """One panel per (language, formula): each group's scores as points and boxes."""
    rows = [r for r in rows if as_number(r.get("readability_score")) is not None]
    if not rows:
        return None
    panels = defaultdict(list)
    for r in rows:
        panels[(str(r.get("language") or "unknown"), str(r.get("readability_formula") or "?"))]\
            .append(r)
    keys = sorted(panels)
    groups = display_groups(rows, group_by)
    styles = group_styles(groups.values())
    fig = new_figure(plt, size, (3.4 * len(keys) + 1.2, 4.8))
    axes = fig.subplots(1, len(keys), squeeze=False)[0]
    for ax, key in zip(axes, keys):
        _panel(ax, key, panels[key], groups, styles, group_by)
    set_titles(fig, None, "Readability by language", title,
               "each panel has its own formula: scores are not comparable across panels")
    return fig


def _panel(ax: Axes, key: tuple[str, str], members: list[Row], groups: dict[tuple[str, str], str],
           styles: dict[str, tuple[str, str]], group_by: str | None) -> None:
    """One (language, formula) panel: its groups side by side, axes scaled to at least 20
    points, titled with the language and labelled with the formula."""
    lang, formula = key
    names = group_order({groups[row_key(r)] for r in members})
    data = [[as_number(r["readability_score"]) for r in members if groups[row_key(r)] == g]
            for g in names]
    _scores(ax, names, data, styles, len(members))
    crowded = len(names) > 2
    ax.set_xticks(range(len(names)), [f"{short(g, 16)} (n={len(d):,})" if crowded
                                      else f"{short(g, 16)}\n(n={len(d):,})"
                                      for g, d in zip(names, data)],
                  rotation=35 if crowded else 0, ha="right" if crowded else "center",
                  rotation_mode="anchor" if crowded else "default")
    ax.set_xlim(-0.6, len(names) - 0.4)
    low = min(min(d) for d in data)
    high = max(max(d) for d in data)
    pad = max(5.0, (20.0 - (high - low)) / 2)  # at least 20 points of scale
    ax.set_ylim(low - pad, high + pad)
    language = {"fr": "French", "en": "English"}.get(lang, lang)
    ax.set_title(f"{language} ({clean(lang)})", loc="left", fontsize=9)
    ax.set_ylabel(f"{_formula_name(formula)}\n(0–100, higher = easier)")
    ax.grid(True, axis="y", lw=0.4, color="#DDDDDD")
    ax.set_axisbelow(True)
    if group_by:
        ax.set_xlabel(group_by_name(group_by))


def _scores(ax: Axes, names: list[str], data: list[list[float]],
            styles: dict[str, tuple[str, str]], n_members: int) -> None:
    """Each group's scores as jittered points, over a box where the group has five or more."""
    boxed = [i for i, d in enumerate(data) if len(d) >= 5]
    if boxed:
        ax.boxplot([data[i] for i in boxed], positions=boxed, widths=0.5, showfliers=False,
                   zorder=4,
                   medianprops={"color": "black"}, boxprops={"color": "#555555"},
                   whiskerprops={"color": "#555555"}, capprops={"color": "#555555"})
    for i, (g, d) in enumerate(zip(names, data)):
        colour, marker = styles[g]
        offsets = _jitter(len(d), 0.18 if len(d) > 1 else 0)
        ax.scatter([i + o for o in offsets], d, s=14 if len(d) > 200 else 36,
                   marker=marker, color=colour, alpha=0.25 if len(d) > 200 else 0.9,
                   edgecolors="black" if len(d) <= 200 else "none", linewidths=0.5,
                   zorder=3, rasterized=n_members > 1000)


def _formula_name(formula: str) -> str:
    """'flesch_reading_ease_fr (Kandel & Moles 1958)' → 'Flesch reading ease, French
    adaptation (Kandel & Moles 1958)'."""
    name = formula.partition(" (")[0]
    pretty = {
        "flesch_reading_ease_fr": "Flesch reading ease, French (Kandel & Moles)",
        "flesch_reading_ease": "Flesch reading ease (Flesch 1948)",
    }.get(name)
    if pretty:
        return pretty
    return clean(formula)


def _jitter(n: int, width: float) -> list[float]:
    """Deterministic spread of n points over [-width, width] (golden-ratio sequence)."""
    if n <= 1 or not width:
        return [0.0] * n
    return [((i * 0.6180339887) % 1.0 * 2 - 1) * width for i in range(n)]
