"""The charts' shared look: one colour-blind safe palette (Okabe–Ito) with markers and hatches
that still read in greyscale, the matplotlib settings (fonts, spines, deterministic SVG), the
colour and marker of each group, and the height of a chart's rows.

The palettes of every chart kind sit together here so that one meaning keeps one colour across
charts (promotional orange, critical blue)."""

from __future__ import annotations

from collections.abc import Iterable

from framing.charts.groups import group_order

# Okabe & Ito (2008), "Color Universal Design". Yellow last: it is hard to see on white.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000",
             "#F0E442")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
GREY = "#999999"

# Framing labels: orange, blue and light grey stay distinct in greyscale (lightness 162/87/222).
LETTER_COLOURS = {"P": "#E69F00", "N": "#DEDEDE", "C": "#0072B2"}
LETTER_NAMES = {"P": "promotional", "N": "neutral", "C": "critical"}
LABEL_STYLE = {  # (colour, marker) for article labels
    "promotional": ("#E69F00", "^"),
    "neutral": (GREY, "o"),
    "critical": ("#0072B2", "v"),
}
REUSE_STYLE = {  # (colour, hatch)
    "verbatim": ("#D55E00", ""),
    "partial": ("#E69F00", "///"),
    "translated": ("#56B4E9", "xxx"),
    "none": ("#BBBBBB", ""),
}
STANCE_STYLE = {  # (colour, hatch)
    "question": ("#0072B2", ""),
    "promise": ("#E69F00", ""),
    "none": ("#DEDEDE", ""),
}

MAX_BAR_ROWS = 40  # reuse bars: the most reused, the rest counted in the note

# Every chart is drawn inside `plt.rc_context(RC_STYLE)`.
RC_STYLE = {
    "svg.hashsalt": "framing",
    "text.parse_math": False,  # "$5bn" in a title or an id is text, not mathtext
    "font.size": 9,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.labelsize": 9,
    "legend.fontsize": 8,
    "legend.title_fontsize": 8,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "hatch.linewidth": 0.8,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.dpi": 100,
    "path.simplify": True,
}


def group_styles(names: Iterable[str]) -> dict[str, tuple[str, str]]:
    """{group: (colour, marker)} in display order; the pooled \"other\" group is grey."""
    styles = {}
    for i, g in enumerate(group_order(names)):
        colour = GREY if g == "other" else OKABE_ITO[i % len(OKABE_ITO)]
        styles[g] = (colour, MARKERS[i % len(MARKERS)])
    return styles


def row_height(n: int) -> float:
    """Inches per row of a chart with one row per article: tighter when there are many."""
    return 0.3 if n <= 20 else 0.2
