"""The sentence strip: one row per article, one cell per sentence in reading order, coloured by the
sentence's label: where in an article the framing sits."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from types import ModuleType
from typing import TYPE_CHECKING

from framing.charts.figures import new_figure, outside_legend, set_titles
from framing.charts.groups import group_of, row_label
from framing.charts.rows import Row, as_number, label_chooser
from framing.charts.style import GREY, LETTER_COLOURS, LETTER_NAMES, row_height

if TYPE_CHECKING:
    from matplotlib.figure import Figure

MAX_STRIP_ROWS = 60  # the sentence strip shows at most this many articles


def sentence_cells(rows: Iterable[Row], group_by: str | None = None, limit: int = MAX_STRIP_ROWS
                   ) -> tuple[list[tuple[str, list[tuple[float, float, str, str]]]], int, int]:
    """What the sentence strip draws: ([(row label, [(start, width, letter, colour)])], shown,
    total). Cells cover the article's relative position 0..1 in reading order. With more than
    `limit` articles, those with the largest share of critical sentences come first (the figure
    the cells colour), then the article's critical score, then id."""
    rows = [r for r in rows if r.get("sentence_labels")]
    if len(rows) > limit:
        chosen = sorted(rows, key=lambda r: (-critical_share(r),
                                             -(as_number(r.get("critical")) or 0.0),
                                             str(r.get("id"))))[:limit]
    else:
        chosen = sorted(rows, key=lambda r: (group_of(r, group_by), str(r.get("id"))))
    strips = []
    for r in chosen:
        letters = str(r["sentence_labels"]).upper()
        n = len(letters)
        cells = [(i / n, 1 / n, c, LETTER_COLOURS.get(c, GREY)) for i, c in enumerate(letters)]
        strips.append((row_label(r, group_by), cells))
    return strips, len(chosen), len(rows)


def critical_share(row: Row) -> float:
    """The share of the row's sentences labelled critical (C in `sentence_labels`)."""
    letters = str(row.get("sentence_labels") or "").upper()
    return letters.count("C") / len(letters) if letters else 0.0


def sentence_strip_figure(plt: ModuleType, rows: list[Row], group_by: str | None,
                          size: tuple[float, float] | None, title: str | None) -> Figure | None:
    """One strip of sentence labels per article, the most critical first beyond the limit."""
    from matplotlib.collections import PolyCollection
    from matplotlib.patches import Patch

    strips, shown, total = sentence_cells(rows, group_by)
    if not strips:
        return None
    fig = new_figure(plt, size, (9.0, row_height(len(strips)) * len(strips) + 1.6))
    ax = fig.add_subplot()
    # One collection per label for all rows (fast with 60 articles of 100 sentences).
    boxes: dict[str, list] = defaultdict(list)
    edged: dict[str, list] = defaultdict(list)
    for i, (_, cells) in enumerate(strips):
        target = edged if len(cells) <= 80 else boxes  # white separators while cells are wide
        for x, w, letter, _ in cells:
            key = letter if letter in LETTER_COLOURS else "?"
            target[key].append([(x, i - 0.38), (x + w, i - 0.38), (x + w, i + 0.38),
                                (x, i + 0.38)])
    for key in sorted(set(boxes) | set(edged)):
        colour = LETTER_COLOURS.get(key, GREY)
        for polygons, edge in ((boxes[key], "none"), (edged[key], "white")):
            if polygons:
                ax.add_collection(PolyCollection(polygons, facecolors=colour, edgecolors=edge,
                                                 linewidths=0.3))
    ax.set_yticks(range(len(strips)), [label for label, _ in strips])
    ax.set_ylim(len(strips) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.set_xticks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
    ax.set_xlabel("relative position in the article (0 = first sentence, 1 = end)")
    for spine in ("left", "top", "right"):
        ax.spines[spine].set_visible(False)
    ax.tick_params(axis="y", length=0)
    handles = [Patch(facecolor=LETTER_COLOURS[c], edgecolor="#333333", lw=0.5,
                     label=f"{LETTER_NAMES[c]} ({c})") for c in "PNC"]
    outside_legend(fig, handles, "sentence label")
    by = label_chooser(r for r in rows if r.get("sentence_labels"))
    note = (f"the {shown} of {total:,} articles with the largest share of critical sentences"
            if shown < total
            else f"{total} article{'s' * (total != 1)}, each sentence in reading order")
    note += f"\nsentences labelled by the {by} (what chose the article's label)"
    set_titles(fig, ax, "Sentence strip: where the framing sits", title, note)
    return fig


