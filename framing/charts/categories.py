"""The lexicon category profile: hits per 1,000 words of each top-level category, per article or
per group, as a heatmap with the values printed."""

from __future__ import annotations

from collections.abc import Iterable
from statistics import mean
from types import ModuleType
from typing import TYPE_CHECKING

from framing.charts.figures import new_figure, set_titles
from framing.charts.groups import display_groups, group_by_name, group_order, row_key
from framing.charts.rows import Row, as_number, short

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# The lexicon's top-level categories, in reading order (others follow alphabetically).
CATEGORY_ORDER = ("promotional", "critical", "sovereignty", "extraterritorial", "hedging",
                  "attribution", "neutral")
CONTEXT = "sovereignty.context"  # digital context words: not sovereignty cues, shown apart
COLUMN_NAMES = {"sovereignty": "sovereignty\n(cues, no context)",
                CONTEXT: "context words\n(données, cloud…)"}
MAX_ARTICLE_CATEGORIES = 30  # the category profile is per group beyond this many articles

# What the heatmap shows: (row labels, rates by row and category, what a rate is a rate of).
Table = tuple[list[str], list[list[float | None]], str]


def top_categories(rows: Iterable[Row]) -> list[str]:
    """The top-level lexicon categories found in rows' `rate_*` columns (no dot), in order."""
    found = {k[5:] for r in rows for k in r if k.startswith("rate_") and "." not in k}
    return [c for c in CATEGORY_ORDER if c in found] + sorted(found - set(CATEGORY_ORDER))


def profile_columns(rows: Iterable[Row]) -> list[str]:
    """The profile's columns: the top-level categories, with the sovereignty context words
    (`sovereignty.context`: données, cloud…) as a column of their own after "sovereignty" when
    the rows have them. They set the digital context a sovereignty word needs, but are no
    sovereignty cue: the "sovereignty" column counts the cues without them."""
    rows = list(rows)
    columns = top_categories(rows)
    if "sovereignty" in columns and any(as_number(r.get(f"rate_{CONTEXT}")) is not None
                                        for r in rows):
        columns.insert(columns.index("sovereignty") + 1, CONTEXT)
    return columns


def profile_rate(row: Row, column: str) -> float | None:
    """The row's hits per 1,000 words in a profile column: "sovereignty" without its context
    words (the record's `rate_sovereignty` counts them too)."""
    rate = as_number(row.get(f"rate_{column}"))
    if column == "sovereignty" and rate is not None:
        rate = round(max(0.0, rate - (as_number(row.get(f"rate_{CONTEXT}")) or 0.0)), 3)
    return rate


def categories_figure(plt: ModuleType, rows: list[Row], group_by: str | None,
                      size: tuple[float, float] | None, title: str | None) -> Figure | None:
    """Heatmap of category rates: per article, or per group (or label) beyond a few articles."""
    from matplotlib.colors import PowerNorm

    categories = profile_columns(rows)
    rows = [r for r in rows if any(profile_rate(r, c) is not None for c in categories)]
    if not categories or not rows:
        return None
    per_group = group_by is not None or len(rows) > MAX_ARTICLE_CATEGORIES
    labels, values, what = (_group_table(rows, categories, group_by) if per_group
                            else _article_table(rows, categories))
    grid = [[v if v is not None else float("nan") for v in line] for line in values]
    fig = new_figure(plt, size, (1.0 * len(categories) + 3.6, 0.36 * len(labels) + 2.2))
    ax = fig.add_subplot()
    top = max((v for line in values for v in line if v is not None), default=1.0) or 1.0
    image = ax.imshow(grid, aspect="auto", cmap="cividis_r", norm=PowerNorm(0.5, 0, top),
                      interpolation="nearest")
    for i, line in enumerate(values):
        for j, v in enumerate(line):
            if v is None:
                continue
            dark = (v / top) ** 0.5 > 0.55
            ax.text(j, i, f"{v:.1f}", ha="center", va="center", fontsize=7,
                    color="white" if dark else "black")
    ax.set_xticks(range(len(categories)), [COLUMN_NAMES.get(c, c) for c in categories],
                  rotation=30, ha="right")
    ax.set_yticks(range(len(labels)), labels)
    ax.set_xlabel("lexicon category (top level)")
    ax.set_ylabel(group_by_name(group_by) if group_by
                  else ("article label" if per_group else "article"))
    for spine in ax.spines.values():
        spine.set_visible(False)
    bar = fig.colorbar(image, ax=ax, shrink=0.9)
    bar.set_label("hits per 1,000 words\n(square-root colour scale)")
    note = f"lexicon hits per 1,000 words, {what}"
    if CONTEXT in categories:
        note += ("\nsovereignty counts its cues only; the digital context words that let a "
                 "bare \"souveraineté\" count are shown apart")
    set_titles(fig, ax, "Lexicon category profile", title, note)
    return fig


def _group_table(rows: list[Row], categories: list[str], group_by: str | None) -> Table:
    """(row labels, mean rate per group and category, what the values are): per group, or
    without a grouping per article label and overall."""
    by = group_by or "label"
    groups = display_groups(rows, by)
    names = group_order(groups.values())
    members = {g: [r for r in rows if groups[row_key(r)] == g] for g in names}
    if not group_by:
        names.append("all articles")
        members["all articles"] = rows
    labels = [f"{short(g, 28)} (n={len(members[g]):,})" for g in names]
    values = [[_mean([profile_rate(r, c) for r in members[g]]) for c in categories]
              for g in names]
    what = (f"mean per {group_by_name(group_by)}" if group_by
            else f"mean per article label, {len(rows):,} articles")
    return labels, values, what


def _article_table(rows: list[Row], categories: list[str]) -> Table:
    """(row labels, rate per article and category, what the values are)."""
    labels = [short(str(r.get("id"))) for r in rows]
    values = [[profile_rate(r, c) for c in categories] for r in rows]
    what = "per article"
    return labels, values, what


def _mean(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return mean(present) if present else None
