"""Charts of a batch of scored articles, drawn from the flat rows of `Record.to_row()` (what
scores.jsonl / scores.csv hold), as PNG (slides) and SVG (papers).

Every chart is colour-blind safe (Okabe–Ito colours), readable in greyscale (markers, hatching,
printed values), titled, with units on its axes; output is deterministic (two runs give
byte-identical SVG) and written atomically. matplotlib is imported inside the functions only,
so that `import framing.charts` (and the CLI) stays fast.

The package, by concept:
    rows            reading scores back (load_rows), the rows drawn, their numbers, dates and safe
                    text
    groups          a row's group (group_of), pooling into "other", group order, tick labels, a
                    --group-by column no row has (missing_group_column)
    style           the palette, markers, hatches and matplotlib settings every chart shares
    figures         loading matplotlib, making a figure, titles, legends, saving atomically
    registry        KINDS, draw one kind, draw_all the kinds that apply
    framing_map, categories, reuse, reuse_heatmap, sovereignty, sentence_strip, readability,
    timeline        one module per chart kind
    alt             alt_text: what a chart plots, in a sentence with its key numbers (the report's
                    <img alt>)
    disagreement    the classroom's chart of where a class and framing disagree
"""

from framing.charts.alt import alt_text
from framing.charts.categories import (
    CATEGORY_ORDER,
    MAX_ARTICLE_CATEGORIES,
    profile_columns,
    profile_rate,
    top_categories,
)
from framing.charts.disagreement import DISAGREEMENT_WORDS, draw_disagreement
from framing.charts.figures import DPI, FORMATS
from framing.charts.framing_map import MAX_POINT_LABELS
from framing.charts.groups import (
    MAX_GROUPS,
    NAMED_GROUPS,
    display_groups,
    group_of,
    missing_group_column,
    row_label,
)
from framing.charts.readability import MAX_LABELLED_POINTS
from framing.charts.registry import KINDS, draw, draw_all, figure
from framing.charts.reuse_heatmap import (
    MAX_HEATMAP_ROWS,
    MAX_HEATMAP_SOURCES,
    heatmap_cells,
    reuse_matrix,
)
from framing.charts.rows import (
    LABEL_CHARS,
    TEXT_COLUMNS,
    clean,
    label_chooser,
    load_rows,
    parse_date,
    score_source,
    short,
)
from framing.charts.sentence_strip import MAX_STRIP_ROWS, critical_share, sentence_cells
from framing.charts.style import (
    GREY,
    LABEL_STYLE,
    LETTER_COLOURS,
    LETTER_NAMES,
    MARKERS,
    MAX_BAR_ROWS,
    OKABE_ITO,
    REUSE_STYLE,
    STANCE_STYLE,
)
from framing.charts.timeline import MAX_TIMELINE_LINES, choose_bin, time_bin, timeline_points

__all__ = [
    "CATEGORY_ORDER",
    "DISAGREEMENT_WORDS",
    "DPI",
    "FORMATS",
    "GREY",
    "KINDS",
    "LABEL_CHARS",
    "LABEL_STYLE",
    "LETTER_COLOURS",
    "LETTER_NAMES",
    "MARKERS",
    "MAX_ARTICLE_CATEGORIES",
    "MAX_BAR_ROWS",
    "MAX_GROUPS",
    "MAX_HEATMAP_ROWS",
    "MAX_HEATMAP_SOURCES",
    "MAX_LABELLED_POINTS",
    "MAX_POINT_LABELS",
    "MAX_STRIP_ROWS",
    "MAX_TIMELINE_LINES",
    "NAMED_GROUPS",
    "OKABE_ITO",
    "REUSE_STYLE",
    "STANCE_STYLE",
    "TEXT_COLUMNS",
    "alt_text",
    "choose_bin",
    "clean",
    "critical_share",
    "display_groups",
    "draw",
    "draw_all",
    "draw_disagreement",
    "figure",
    "group_of",
    "heatmap_cells",
    "label_chooser",
    "load_rows",
    "missing_group_column",
    "parse_date",
    "profile_columns",
    "profile_rate",
    "reuse_matrix",
    "row_label",
    "score_source",
    "sentence_cells",
    "short",
    "time_bin",
    "timeline_points",
    "top_categories",
]
