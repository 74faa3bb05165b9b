"""Readability by language: one panel per language and formula (scores of different formulas are
not comparable), each group's articles as points, with a box where a group has five or more."""

from __future__ import annotations

from collections import Counter, defaultdict
from types import ModuleType
from typing import TYPE_CHECKING

from framing.charts.figures import new_figure, set_titles
from framing.charts.groups import display_groups, group_by_name, group_order, row_key
from framing.charts.rows import Row, as_number, clean, number, short
from framing.charts.style import group_styles

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

MAX_LABELLED_POINTS = 12  # a panel with at most this many articles labels each point by id


def readability_figure(plt: ModuleType, rows: list[Row], group_by: str | None,
                       size: tuple[float, float] | None, title: str | None) -> Figure | None:
    """One panel per formula (a mixed-language article is measured with its main language's
    formula, so it sits in that panel): each group's scores as points and boxes, the points
    labelled by id while a panel has few."""
    rows = [r for r in rows if as_number(r.get("readability_score")) is not None]
    if not rows:
        return None
    panels = defaultdict(list)
    for r in rows:
        panels[str(r.get("readability_formula") or "?")].append(r)
    keys = sorted(panels, key=lambda f: (_formula_language(f), f))
    groups = display_groups(rows, group_by)
    styles = group_styles(groups.values())
    fig = new_figure(plt, size, (3.6 * len(keys) + 1.2, 4.8))
    axes = fig.subplots(1, len(keys), squeeze=False)[0]
    for ax, key in zip(axes, keys):
        _panel(ax, key, panels[key], groups, styles, group_by)
    set_titles(fig, None, "Readability by language", title,
               "each panel has its own formula: scores are not comparable across panels")
    return fig


def _panel(ax: Axes, formula: str, members: list[Row], groups: dict[tuple[str, str], str],
           styles: dict[str, tuple[str, str]], group_by: str | None) -> None:
    """One formula's panel: its groups side by side, the y axis from the lowest to the highest
    score (at least 20 points of scale), titled with the language(s) of its articles and
    labelled with the formula."""
    names = group_order({groups[row_key(r)] for r in members})
    parts = [[r for r in members if groups[row_key(r)] == g] for g in names]
    data = [[number(r["readability_score"]) for r in part] for part in parts]
    offsets = _scores(ax, names, data, styles, len(members))
    if len(members) <= MAX_LABELLED_POINTS:
        for i, part in enumerate(parts):
            for r, o in zip(part, offsets[i]):
                score = number(r["readability_score"])
                ax.annotate(short(str(r.get("id")), 14), (i + o, score),
                            xytext=(6, 0), textcoords="offset points", va="center",
                            fontsize=6.5, color="#333333")
    crowded = len(names) > 2
    ax.set_xticks(range(len(names)), [f"{short(g, 16)} (n={len(d):,})" if crowded
                                      else f"{short(g, 16)}\n(n={len(d):,})"
                                      for g, d in zip(names, data)],
                  rotation=35 if crowded else 0, ha="right" if crowded else "center",
                  rotation_mode="anchor" if crowded else "default")
    ax.set_xlim(-0.6, len(names) - 0.4 + (0.5 if len(members) <= MAX_LABELLED_POINTS else 0))
    low = min(min(d) for d in data)
    high = max(max(d) for d in data)
    pad = max(2.0, (20.0 - (high - low)) / 2)  # at least 20 points of scale
    ax.set_ylim(low - pad, high + pad)
    ax.set_title(_languages(members), loc="left", fontsize=9)
    ax.set_ylabel(f"{_formula_name(formula)}\n(0–100, higher = easier)")
    ax.grid(True, axis="y", lw=0.4, color="#DDDDDD")
    ax.set_axisbelow(True)
    if group_by:
        ax.set_xlabel(group_by_name(group_by))


def _languages(members: list[Row]) -> str:
    """The panel's title: its articles' languages, "French (fr)", "French (fr 3, mixed 1)"."""
    counts = Counter(clean(str(r.get("language") or "unknown")) for r in members)
    names = {"fr": "French", "en": "English"}
    main = max(counts, key=lambda lang: (counts[lang], lang))
    if len(counts) == 1:
        return f"{names.get(main, main)} ({main})"
    detail = ", ".join(f"{lang} {n:,}" for lang, n in sorted(counts.items()))
    return f"{names.get(main, main)} ({detail})"


def _formula_language(formula: str) -> int:
    """0 for the French formula, 1 for the others: the French panel first."""
    return 0 if formula.startswith("flesch_reading_ease_fr") else 1


def _scores(ax: Axes, names: list[str], data: list[list[float]],
            styles: dict[str, tuple[str, str]], n_members: int) -> list[list[float]]:
    """Each group's scores as jittered points, over a box where the group has five or more;
    the points' x offsets, by group."""
    boxed = [i for i, d in enumerate(data) if len(d) >= 5]
    if boxed:
        ax.boxplot([data[i] for i in boxed], positions=boxed, widths=0.5, showfliers=False,
                   zorder=4,
                   medianprops={"color": "black"}, boxprops={"color": "#555555"},
                   whiskerprops={"color": "#555555"}, capprops={"color": "#555555"})
    placed = []
    for i, (g, d) in enumerate(zip(names, data)):
        colour, marker = styles[g]
        offsets = _jitter(len(d), 0.18 if len(d) > 1 else 0)
        placed.append(offsets)
        ax.scatter([i + o for o in offsets], d, s=14 if len(d) > 200 else 36,
                   marker=marker, color=colour, alpha=0.25 if len(d) > 200 else 0.9,
                   edgecolors="black" if len(d) <= 200 else "none", linewidths=0.5,
                   zorder=3, rasterized=n_members > 1000)
    return placed


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
